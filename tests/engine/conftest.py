from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.loader import load_knowledge

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
