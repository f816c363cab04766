import asyncio
import dataclasses
import logging
import os
import shutil
import signal
from functools import partial
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import discord
import pytest
from discord.ext import commands

from bot.discord import operations
from bot.discord.bot import BriefingBot
from bot.discord.operations import choose_bot_class, report_connection, sharded, wants_sharding
from bot.discord.run import build_bot
from bot.engine import Engine
from bot.ops import health, lifecycle
from bot.ops.health import ConnectionTracker, HealthReporter, health_path
from bot.ops.logs import configure_logging
from bot.ops.settings import Settings
from bot.serving.record import QuestionRecord
from bot.strings import Health
from tests.discord.harness import MEMBER_ID, TOKEN


class BriefingLikeBot(commands.Bot):
    """A bot class of our own, as the Discord front end defines one."""

    def greeting(self) -> str:
        return "still our class"


def _bot(bot_class: type[commands.Bot] = commands.Bot, **options: object) -> commands.Bot:
    return bot_class(
        command_prefix=commands.when_mentioned, intents=discord.Intents.none(), **options
    )


@pytest.mark.parametrize(
    ("configured", "recommended", "expected"),
    [(None, 1, False), (None, 3, True), (1, 1, True), (8, 1, True)],
)
def test_shards_when_configured_or_recommended(configured, recommended, expected):
    assert wants_sharding(configured, recommended) is expected


async def test_sharded_bot_keeps_its_own_class_and_runs_every_shard_in_one_process():
    bot = _bot(sharded(BriefingLikeBot), shard_count=4)
    assert isinstance(bot, BriefingLikeBot)
    assert isinstance(bot, discord.AutoShardedClient)
    assert bot.shard_count == 4
    assert bot.greeting() == "still our class"


async def test_configured_shard_count_is_used_without_asking_discord(offline_discord):
    offline_discord.refuse("/gateway/bot")
    bot_class, options = await choose_bot_class(BriefingLikeBot, 2, TOKEN)
    assert issubclass(bot_class, commands.AutoShardedBot)
    assert options == {"shard_count": 2}


@pytest.mark.parametrize(("recommended", "sharded_expected"), [(1, False), (5, True)])
async def test_discords_recommendation_decides_when_nothing_is_configured(
    offline_discord, recommended: int, sharded_expected: bool
):
    offline_discord.recommended_shards = recommended
    bot_class, options = await choose_bot_class(BriefingLikeBot, None, TOKEN)
    assert issubclass(bot_class, commands.AutoShardedBot) is sharded_expected
    assert options == ({"shard_count": 5} if sharded_expected else {})


async def _dispatch(bot: commands.Bot, name: str, *args: object) -> None:
    bot.dispatch(name, *args)
    await asyncio.sleep(0)
    await asyncio.sleep(0)


async def test_gateway_events_keep_the_health_file_current(tmp_path: Path):
    reporter = HealthReporter(health_path(tmp_path))
    async with _bot() as bot:
        report_connection(bot, ConnectionTracker(reporter))
        await _dispatch(bot, "ready")
        assert reporter.state.connected
        await _dispatch(bot, "disconnect")
        assert not reporter.state.connected
        await _dispatch(bot, "resumed")
        assert reporter.state.connected


async def test_sharded_bot_is_unhealthy_while_a_shard_is_down(tmp_path: Path):
    reporter = HealthReporter(health_path(tmp_path))
    async with _bot(sharded(BriefingLikeBot), shard_count=2) as bot:
        report_connection(bot, ConnectionTracker(reporter))
        await _dispatch(bot, "ready")
        await _dispatch(bot, "shard_disconnect", 1)
        assert not reporter.state.connected
        await _dispatch(bot, "shard_resumed", 1)
        assert reporter.state.connected


@pytest.mark.parametrize(("want_shards", "asked"), [(True, ["gateway"]), (False, [])])
async def test_asking_discord_logs_in_then_closes_its_client(monkeypatch, want_shards, asked):
    calls: list[str] = []

    async def static_login(self, token: str) -> None:
        calls.append(f"login {token}")

    async def get_bot_gateway(self) -> tuple[int, str, dict]:
        calls.append("gateway")
        return 3, "wss://gateway.invalid", {}

    async def close(self) -> None:
        calls.append("close")

    for name, fake in [
        ("static_login", static_login),
        ("get_bot_gateway", get_bot_gateway),
        ("close", close),
    ]:
        monkeypatch.setattr(discord.http.HTTPClient, name, fake)
    assert await operations.ask_discord("the-token", want_shards) == (3 if want_shards else 1)
    assert calls == ["login the-token", *asked, "close"]


@pytest.mark.parametrize(
    ("error", "retried"),
    [
        (OSError(-2, "Name or service not known"), True),
        (TimeoutError(), True),
        (aiohttp.ServerDisconnectedError(), True),
        (discord.GatewayNotFound(), True),
        (discord.HTTPException(SimpleNamespace(status=503, reason="Unavailable"), ""), True),
        (discord.HTTPException(SimpleNamespace(status=403, reason="Forbidden"), ""), False),
        (discord.LoginFailure("Improper token has been passed."), False),
        (ValueError("a bug"), False),
    ],
)
def test_only_an_unreachable_discord_is_worth_retrying(error: Exception, retried: bool):
    assert operations.is_unreachable(error) is retried


def _serving_settings(settings: Settings, tmp_path: Path, **changes: object) -> Settings:
    """Settings with a token, and a knowledge copy: shutdown takes the knowledge folder's lock."""
    knowledge_dir = tmp_path / "knowledge"
    shutil.copytree(settings.knowledge_dir, knowledge_dir)
    return dataclasses.replace(
        settings, discord_token=TOKEN, knowledge_dir=knowledge_dir, **changes
    )


def _builder(settings: Settings, knowledge, built: list[BriefingBot]):
    """Build the real bot, with a stand-in gateway: connected at once, until closed."""
    engine = Engine(knowledge)

    def build(bot_class, options):
        record = QuestionRecord(settings.database_path, settings.retention_days)
        bot = build_bot(
            settings, lambda: engine, record, bot_class=bot_class, sync_at_start=False, **options
        )

        async def connect(*, reconnect: bool = True) -> None:
            bot.dispatch("ready")
            while not bot.is_closed():
                await asyncio.sleep(0.01)

        bot.connect = connect
        built.append(bot)
        return bot

    return build


async def _until(condition) -> None:
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never held")


@pytest.mark.parametrize("shard_count", [None, 2])
async def test_serving_reports_health_then_sigterm_closes_everything_in_order(
    settings, knowledge, offline_discord, restore_logging, shard_count, tmp_path
):
    settings = _serving_settings(settings, tmp_path, shard_count=shard_count)
    built: list[BriefingBot] = []
    serving = asyncio.create_task(operations.serve(settings, _builder(settings, knowledge, built)))
    await _until(lambda: health.check(settings.data_dir)[0] == 0)
    bot = built[0]
    assert isinstance(bot, discord.AutoShardedClient) is (shard_count is not None)

    os.kill(os.getpid(), signal.SIGTERM)
    await serving

    assert bot.is_closed()
    assert health.check(settings.data_dir) == (1, Health.NOT_CONNECTED)
    assert _record_closed(settings)


async def test_token_refused_at_start_is_raised_without_retrying_or_building_the_bot(
    settings, knowledge, offline_discord, restore_logging, tmp_path, caplog
):
    offline_discord.refuse("/users/@me", status=401)
    built: list[BriefingBot] = []
    settings = _serving_settings(settings, tmp_path)
    with pytest.raises(discord.LoginFailure):
        await operations.serve(settings, _builder(settings, knowledge, built))
    assert built == []
    assert "discord_unreachable" not in caplog.text


async def test_token_refused_when_the_bot_logs_in_closes_the_record_and_is_raised(
    settings, knowledge, offline_discord, monkeypatch, restore_logging, tmp_path
):
    async def reachable(token: str, want_shards: bool) -> int:
        return 1

    monkeypatch.setattr(operations, "ask_discord", reachable)
    offline_discord.refuse("/users/@me", status=401)
    built: list[BriefingBot] = []
    settings = _serving_settings(settings, tmp_path)
    with pytest.raises(discord.LoginFailure):
        await operations.serve(settings, _builder(settings, knowledge, built))
    assert _record_closed(settings)


def _record_closed(settings: Settings) -> bool:
    """Whether the question record's file was closed: SQLite removes its log at the last close."""
    wal = settings.database_path.with_name(settings.database_path.name + "-wal")
    return settings.database_path.exists() and not wal.exists()


def _waits_logged(caplog: pytest.LogCaptureFixture) -> int:
    return caplog.text.count("event=discord_unreachable")


async def test_serving_waits_while_discord_is_unreachable_then_connects(
    settings, knowledge, offline_discord, monkeypatch, restore_logging, tmp_path, caplog
):
    monkeypatch.setattr(operations, "RETRY_FIRST_SECONDS", 0.01)
    offline_discord.unreachable(requests=10**6)
    settings = _serving_settings(settings, tmp_path)
    built: list[BriefingBot] = []
    serving = asyncio.create_task(operations.serve(settings, _builder(settings, knowledge, built)))

    await _until(lambda: _waits_logged(caplog) >= 2)
    assert health.check(settings.data_dir) == (1, Health.NOT_CONNECTED)
    assert built == []
    assert "Name or service not known" in caplog.text

    offline_discord.unreachable(requests=0)
    await _until(lambda: health.check(settings.data_dir)[0] == 0)
    os.kill(os.getpid(), signal.SIGTERM)
    await serving
    assert built[0].is_closed()


async def test_a_gateway_unreachable_at_start_is_waited_for_then_connected(
    settings, knowledge, offline_discord, monkeypatch, restore_logging, tmp_path, caplog
):
    """discord.py cannot retry a first gateway connection that never opened (it fails on
    its missing socket with an AttributeError): the bot retries it as Discord unreachable."""
    monkeypatch.setattr(operations, "RETRY_FIRST_SECONDS", 0.01)
    settings = _serving_settings(settings, tmp_path)
    built: list[BriefingBot] = []
    build = _builder(settings, knowledge, built)
    failures = [2]

    def failing_first(bot_class, options):
        bot = build(bot_class, options)
        opened = bot.connect

        async def connect(*, reconnect: bool = True) -> None:
            if failures[0]:
                failures[0] -= 1
                raise AttributeError("'NoneType' object has no attribute 'sequence'")
            await opened(reconnect=reconnect)

        bot.connect = connect
        return bot

    serving = asyncio.create_task(operations.serve(settings, failing_first))
    await _until(lambda: health.check(settings.data_dir)[0] == 0)
    os.kill(os.getpid(), signal.SIGTERM)
    await serving

    assert failures == [0]
    assert _waits_logged(caplog) == 2
    assert built[0].is_closed()


async def test_sigterm_while_waiting_for_discord_stops_at_once_and_cleanly(
    settings, knowledge, offline_discord, monkeypatch, restore_logging, tmp_path, caplog
):
    caplog.set_level(logging.INFO)
    monkeypatch.setattr(operations, "RETRY_FIRST_SECONDS", 3600.0)
    offline_discord.unreachable(requests=10**6)
    settings = _serving_settings(settings, tmp_path)
    built: list[BriefingBot] = []
    serving = asyncio.create_task(operations.serve(settings, _builder(settings, knowledge, built)))
    await _until(lambda: _waits_logged(caplog) == 1)
    assert "retry_in=3600" in caplog.text

    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(serving, timeout=30)
    assert built == []
    assert health.check(settings.data_dir) == (1, Health.NOT_CONNECTED)
    assert "event=shutdown_complete" in caplog.text


async def test_sigterm_while_discord_holds_the_login_unanswered_stops_at_once(
    settings, knowledge, offline_discord, monkeypatch, restore_logging, tmp_path, caplog
):
    """Not after the shutdown's grace for writes: no write is in progress, only a request."""
    caplog.set_level(logging.INFO)
    monkeypatch.setattr(operations, "Shutdown", partial(lifecycle.Shutdown, grace_seconds=3600.0))
    settings = _serving_settings(settings, tmp_path)
    built: list[BriefingBot] = []
    # Choosing the connection logs in and asks for the recommended shards (two requests);
    # then the bot logs in itself, and Discord stops answering.
    offline_discord.never_answer(after=2 if settings.shard_count is None else 1)
    serving = asyncio.create_task(operations.serve(settings, _builder(settings, knowledge, built)))
    await _until(lambda: offline_discord.held == 1)

    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(serving, timeout=30)
    (bot,) = built  # held at its own login, after the connection was chosen
    assert bot.is_closed()
    assert "event=shutdown_complete" in caplog.text


@pytest.fixture
def discord_log_level():
    """configure_logging sets discord.py's own level too; put it back after the test."""
    logger = logging.getLogger("discord")
    level = logger.level
    yield
    logger.setLevel(level)


async def test_logs_hold_neither_the_token_nor_a_members_id_even_at_debug(
    start, make_bot, capsys, restore_logging, discord_log_level
):
    configure_logging("DEBUG", secrets=[TOKEN])
    harness = await start(make_bot())
    await harness.interact(harness.slash("ask", question="why is kosovo not in pfp"))
    await harness.interact(harness.slash("ask", question="what will the weather be tomorrow"))
    err = capsys.readouterr().err
    assert "event=question" in err
    assert str(MEMBER_ID) not in err
    assert TOKEN not in err


async def test_a_discord_that_never_answers_the_login_is_logged_at_once_and_retried_in_time(
    settings, knowledge, offline_discord, monkeypatch, restore_logging, tmp_path, caplog
):
    caplog.set_level(logging.INFO)
    monkeypatch.setattr(operations, "ANSWER_SECONDS", 0.05)
    monkeypatch.setattr(operations, "RETRY_FIRST_SECONDS", 3600.0)
    settings = _serving_settings(settings, tmp_path)
    offline_discord.never_answer()
    serving = asyncio.create_task(operations.serve(settings, _builder(settings, knowledge, [])))
    await _until(lambda: _waits_logged(caplog) == 1)
    assert "event=connecting" in caplog.text
    assert 'error="TimeoutError: no answer from Discord in 0.05 s"' in caplog.text

    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(serving, timeout=30)
    assert "event=shutdown_complete" in caplog.text
