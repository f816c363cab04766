"""Fixtures for the Discord tests: every request a test makes is checked on the way out."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.discord.bot import BriefingBot
from bot.engine import Engine
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge
from bot.ops.settings import Settings
from bot.serving.record import QuestionRecord
from tests.discord.harness import FakeDiscord, Harness
from tests.discord.kb_support import KbWorld, make_world
from tests.discord.schema import SPEC_PATH, ApiSchema, limit_problems

NO_SPEC = f"Discord's OpenAPI spec not found at {SPEC_PATH}: payload schema validation skipped"


def without_spec() -> None:
    """Skip a schema check without the spec, with the reason; in CI, fail: CI has the spec
    beside the project, and a check skipped there would pass unchecked payloads."""
    if os.environ.get("CI"):
        pytest.fail(NO_SPEC)
    pytest.skip(NO_SPEC)


@pytest.fixture(scope="session")
def api_schema() -> ApiSchema | None:
    """Discord's OpenAPI schema, or None when the file is absent."""
    return ApiSchema.load() if SPEC_PATH.is_file() else None


@pytest.fixture
def fakes(api_schema: ApiSchema | None) -> Iterator[list[FakeDiscord]]:
    """Every fake Discord of the test; each request they captured is validated afterwards.

    Discord's limits are always checked; the schema check needs the spec file, and
    skips with a visible reason when it is absent.
    """
    used: list[FakeDiscord] = []
    yield used
    captured = [r for fake in used for r in fake.history]
    problems = [p for r in captured for p in limit_problems(r)]
    assert not problems, problems
    if captured and api_schema is None:
        without_spec()
    problems = [p for r in captured for p in api_schema.problems(r)] if api_schema else []
    assert not problems, problems


@pytest.fixture
async def start(fakes: list[FakeDiscord]) -> AsyncIterator[Callable]:
    """Start a harness around a client; the harness is closed after the test."""
    started: list[Harness] = []

    async def starter(client: discord.Client) -> Harness:
        harness = Harness(client)
        started.append(harness)
        fakes.append(harness.discord)
        await harness.start()
        return harness

    yield starter
    for harness in started:
        await harness.close()


@pytest.fixture
def offline_discord(fakes: list[FakeDiscord], monkeypatch: pytest.MonkeyPatch) -> FakeDiscord:
    """Every discord.py client made during the test talks to a fake Discord (REST only)."""
    fake = FakeDiscord()
    fakes.append(fake)
    fake.install(monkeypatch)
    return fake


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Put the root logger back after code that configures logging for the process."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


KNOWLEDGE = Path(__file__).parent / "knowledge"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    result = load_knowledge(KNOWLEDGE)
    assert result.knowledge is not None, result.problems
    return result.knowledge


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings over a copy of the test knowledge: a bot locks and may write its folder."""
    copy = shutil.copytree(KNOWLEDGE, tmp_path / "test-knowledge")
    return Settings(knowledge_dir=copy, data_dir=tmp_path / "data", retention_days=30)


@pytest.fixture
def make_bot(settings: Settings, knowledge: Knowledge) -> Iterator[Callable[..., BriefingBot]]:
    """A briefing bot over `knowledge` (default: the test knowledge), not yet logged in.

    Its question record is closed after the test, as the bot's owner does in production.
    """
    records: list[QuestionRecord] = []

    def make(
        knowledge: Knowledge = knowledge,
        settings: Settings = settings,
        engine_source: Callable[[], Engine] | None = None,
        **options: Any,
    ) -> BriefingBot:
        engine = Engine(knowledge)
        record = QuestionRecord(settings.database_path, settings.retention_days)
        records.append(record)
        return BriefingBot(settings, engine_source or (lambda: engine), record, **options)

    yield make
    for record in records:
        record.close()


@pytest.fixture
async def briefing(start: Callable, make_bot: Callable[..., BriefingBot]) -> Harness:
    """The briefing bot, logged in through the harness."""
    return await start(make_bot())


@pytest.fixture
def world(tmp_path: Path) -> Iterator[KbWorld]:
    """The briefing bot with `/kb`, serving a copy of the /kb fixture knowledge (kb_support)."""
    world = make_world(tmp_path)
    yield world
    world.bot.record.close()


@pytest.fixture
async def harness(world: KbWorld, start: Callable) -> Harness:
    """The harness started on `world`'s bot, for /kb tests."""
    return await start(world.bot)
