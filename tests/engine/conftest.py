from collections.abc import Callable
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Citation, Entry, Knowledge, Vocabulary

FIXTURE_KNOWLEDGE = Path(__file__).parent / "knowledge"
# The first article's knowledge as it stood when these tests were written, kept here so the
# tests of kinds of questions do not change when moderators edit the shipped knowledge.
ARTICLE_KNOWLEDGE = Path(__file__).parent / "article"


@pytest.fixture(scope="session")
def engine() -> Engine:
    result = load_knowledge(FIXTURE_KNOWLEDGE)
    assert result.knowledge is not None, result.problems
    return Engine(result.knowledge)


@pytest.fixture(scope="session")
def article_engine() -> Engine:
    result = load_knowledge(ARTICLE_KNOWLEDGE)
    assert result.knowledge is not None, result.problems
    return Engine(result.knowledge)


def cited_entry(
    entry_id: str,
    question: str,
    answer: str,
    phrasings: tuple[str, ...],
    speaker: str = "RFE/RL",
) -> Entry:
    """An entry citing the fixture's source, for an engine made of a few entries.

    `speaker` is whom the quote is attributed to: the outlet, or a person whose words it is.
    """
    quote = "Kosovo remains outside even this framework of cooperation, for political reasons"
    citation = Citation("rferl-2025-12-kosovo-nato", quote, speaker)
    return Entry(entry_id, question, answer, "Topic", phrasings, (citation,))


@pytest.fixture
def engine_of(engine: Engine) -> Callable[..., Engine]:
    """An engine over only the given entries, with the fixture knowledge's sources.

    `names` and `people` are the places and people its vocabulary lists (none by default).
    """

    def build(*entries: Entry, names: tuple[str, ...] = (), people: tuple[str, ...] = ()) -> Engine:
        chosen = {e.id: e for e in entries}
        listed = Vocabulary(names=names, people=people)
        vocabulary = {"names": listed} if names or people else {}
        sources = engine.knowledge.sources
        return Engine(Knowledge(entries=chosen, sources=sources, vocabulary=vocabulary))

    return build
