"""Fixtures for the Discord tests: every request a test makes is checked on the way out."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import discord
import pytest

from tests.discord.harness import Harness
from tests.discord.schema import SPEC_PATH, ApiSchema, limit_problems

NO_SPEC = f"Discord's OpenAPI spec not found at {SPEC_PATH}: payload schema validation skipped"


@pytest.fixture(scope="session")
def api_schema() -> ApiSchema | None:
    """Discord's OpenAPI schema, or None when the file is absent."""
    return ApiSchema.load() if SPEC_PATH.is_file() else None


@pytest.fixture
def harnesses(api_schema: ApiSchema | None) -> Iterator[list[Harness]]:
    """Every harness the test started; each request they captured is validated afterwards.

    Discord's limits are always checked; the schema check needs the spec file, and
    skips with a visible reason when it is absent.
    """
    started: list[Harness] = []
    yield started
    captured = [r for h in started for r in h.discord.history]
    problems = [p for r in captured for p in limit_problems(r)]
    assert not problems, problems
    if captured and api_schema is None:
        pytest.skip(NO_SPEC)
    problems = [p for r in captured for p in api_schema.problems(r)] if api_schema else []
    assert not problems, problems


@pytest.fixture
async def start(harnesses: list[Harness]) -> AsyncIterator[Callable]:
    """Start a harness around a client; the harness is closed after the test."""

    async def starter(client: discord.Client) -> Harness:
        harness = Harness(client)
        harnesses.append(harness)
        await harness.start()
        return harness

    yield starter
    for harness in harnesses:
        await harness.close()
