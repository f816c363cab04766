"""The knowledge that ships with the bot is valid, verbatim and covers its sources."""

from __future__ import annotations

import re

from bot.knowledge.coverage import coverage
from bot.knowledge.loader import load_knowledge
from bot.knowledge.quotes import find_quote
from bot.settings import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "knowledge"
ARTICLE = "rferl-2025-12-kosovo-nato"


def shipped():
    result = load_knowledge(SHIPPED)
    assert result.problems == ()
    assert result.knowledge is not None
    return result.knowledge


def test_shipped_knowledge_passes_the_check(check):
    code, lines = check(SHIPPED)
    assert code == 0
    assert re.fullmatch(r"ok: \d+ entries, \d+ sources?", lines[0])
    assert all(": warning: " in line for line in lines[1:])


def test_shipped_knowledge_passes_the_coverage_check(check):
    code, lines = check(SHIPPED, "--coverage")
    assert code == 0
    assert re.fullmatch(r"coverage: (\d+)/\1 sentences cited", lines[-1])


def test_shipped_article_is_stored_without_page_furniture():
    text = shipped().sources[ARTICLE].text
    assert text.startswith("Membership in NATO is more than a political aspiration")
    assert "RKS NEWS" not in text and "Min Read" not in text
    assert text.rstrip().endswith("/RFE/RL")


def test_every_shipped_quote_stands_verbatim_in_its_source():
    knowledge = shipped()
    misquoted = [
        (entry.id, citation.quote)
        for entry in knowledge.entries.values()
        for citation in entry.citations
        if not find_quote(citation.quote, knowledge.sources[citation.source_id].text)
    ]
    assert misquoted == []


def test_shipped_entries_cover_every_sentence_of_every_source():
    knowledge = shipped()
    uncited = [
        (source.source_id, sentence.line, sentence.text)
        for source in coverage(knowledge)
        for sentence in source.uncited
    ]
    assert uncited == []


def test_shipped_knowledge_has_the_entries_the_article_needs():
    knowledge = shipped()
    assert len(knowledge.entries) >= 35
