"""A policy-briefing bot: answers questions from a curated, sourced FAQ."""
