from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.loader import load_knowledge

FIXTURE_KNOWLEDGE = Path(__file__).parent / "knowledge"


@pytest.fixture(scope="session")
def engine() -> Engine:
    result = load_knowledge(FIXTURE_KNOWLEDGE)
    assert result.knowledge is not None, result.problems
    return Engine(result.knowledge)
