"""The curated knowledge: sources, entries, loading, validation and storage.

Nothing in this package knows about Discord or about how a reply looks.
"""
