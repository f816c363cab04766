"""What operating the Discord bot needs beyond answering: sharding, health, clean shutdown.

`serve()` is what `python -m bot run` does with a token: report health, reach Discord
(waiting and retrying while it cannot be reached, as when the bot starts before the
network), choose the connection, build the bot, connect, and on SIGTERM or Ctrl-C shut down
in order (see bot/ops/lifecycle.py): disconnect, wait for a knowledge write in progress, close
the question record, mark the health file not connected.

Sharding: discord.py's `AutoShardedBot` runs every shard in one process. It is used when
BRIEFING_SHARD_COUNT is set, or when Discord recommends more than one shard for the bot's
number of servers (it requires sharding from 2,500); otherwise the plain `Bot`, whose single
connection is the simpler thing to run. The bot's own class stays a plain `commands.Bot`
subclass; `sharded()` gives the same class on discord.py's sharded connection.

Health: the gateway's ready, resume and disconnect events feed a `ConnectionTracker`, which
keeps the health file's "connected" current for `python -m bot health`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import aiohttp
import discord
from discord.ext import commands

from bot.discord.bot import BriefingBot
from bot.knowledge.files import knowledge_lock
from bot.ops.health import ConnectionTracker, HealthReporter, health_path
from bot.ops.lifecycle import Shutdown, until_done_or_set
from bot.ops.lifecycle import serve as serve_until_stopped
from bot.ops.logs import event
from bot.ops.settings import Settings

B = TypeVar("B", bound=commands.Bot)
T = TypeVar("T")
BotFactory = Callable[[type[BriefingBot], dict[str, Any]], BriefingBot]

log = logging.getLogger("briefing.discord")

# Waiting for Discord at start: 5 s, then twice as long each time, never more than 5 minutes.
RETRY_FIRST_SECONDS = 5.0
RETRY_MOST_SECONDS = 300.0
# Discord answers a login in well under a second: this long without an answer is a network
# holding the request open, waited for and retried like one that refused it (aiohttp's own
# bound is 5 minutes, with nothing in the log meanwhile).
ANSWER_SECONDS = 30.0


async def serve(settings: Settings, build: BotFactory) -> None:
    """Serve Discord until SIGTERM or Ctrl-C, then shut down cleanly.

    `build(bot_class, options)` makes the bot (with its question record) on the chosen
    connection. Until Discord answers (the network or Discord is down at start) it waits and
    retries, reporting not connected. A refused token raises `discord.LoginFailure` once
    everything is closed.
    """
    token = settings.require_token()
    reporter = HealthReporter(health_path(settings.data_dir))
    reporter.set_knowledge_loaded(True)
    heartbeat = asyncio.create_task(reporter.heartbeat())

    def stop_reporting() -> None:
        heartbeat.cancel()
        reporter.set_connected(False)

    stopping = asyncio.Event()
    shutdown = Shutdown()
    shutdown.on_disconnect("waiting for discord", stopping.set)
    shutdown.guard_writes("knowledge", lambda: knowledge_lock(settings.knowledge_dir))
    shutdown.on_close("health", stop_reporting)
    connecting = _connect(settings, token, build, ConnectionTracker(reporter), shutdown, stopping)
    await serve_until_stopped(connecting, shutdown)


async def _connect(
    settings: Settings,
    token: str,
    build: BotFactory,
    tracker: ConnectionTracker,
    shutdown: Shutdown,
    stopping: asyncio.Event,
) -> None:
    """Reach Discord, build the bot on the connection it calls for, and run it."""
    event(log, "connecting", data_dir=settings.data_dir)
    choice = await until_reachable(
        lambda: unless_stopped(
            answered_within(choose_bot_class(BriefingBot, settings.shard_count, token)),
            stopping,
        ),
        stopping,
        RETRY_FIRST_SECONDS,
    )
    if choice is None or stopping.is_set():  # chosen as a stop came: nothing is built
        return
    bot = build(*choice)
    report_connection(bot, tracker)
    tracker.reporter.watch_recording(lambda: bot.record.status)
    shutdown.on_disconnect("discord", bot.close)
    shutdown.on_close("questions being recorded", bot.asker.finish_recording)
    shutdown.on_close("question record", bot.record.close)
    await unless_stopped(bot.login(token), stopping)
    if stopping.is_set():
        return
    await until_reachable(lambda: connected(bot), stopping, RETRY_FIRST_SECONDS)


async def answered_within(attempt: Awaitable[T], seconds: float | None = None) -> T:
    """`attempt`'s result, or a `TimeoutError` saying Discord did not answer in time."""
    seconds = ANSWER_SECONDS if seconds is None else seconds
    try:
        return await asyncio.wait_for(attempt, seconds)
    except TimeoutError:
        raise TimeoutError(f"no answer from Discord in {seconds:g} s") from None


async def connected(bot: discord.Client) -> None:
    """Run the bot's connection to Discord's gateway until it closes.

    discord.py retries a lost connection by resuming it; a first connection that never
    opened has nothing to resume, and discord.py fails on its missing socket with an
    AttributeError. That is Discord unreachable, so it is raised as such, to be retried.
    """
    try:
        await bot.connect()
    except AttributeError as error:
        if bot.ws is not None:
            raise
        raise discord.GatewayNotFound() from error


def is_unreachable(error: BaseException) -> bool:
    """Whether `error` says Discord could not be reached (worth retrying), not refused us."""
    if isinstance(error, discord.HTTPException):
        return error.status >= 500
    return isinstance(error, (OSError, aiohttp.ClientError, discord.GatewayNotFound))


def describe(error: BaseException) -> str:
    """The error in one line, for the log and the operator."""
    return f"{type(error).__name__}: {error}"


async def until_reachable(
    attempt: Callable[[], Awaitable[T]],
    stopping: asyncio.Event,
    first_delay: float,
) -> T | None:
    """`attempt()`'s result, retried with a doubling delay while Discord cannot be reached.

    Returns None when `stopping` is set first. Any other error (a refused token) is raised.
    """
    delay = first_delay
    while not stopping.is_set():
        try:
            return await attempt()
        except Exception as error:
            if not is_unreachable(error):
                raise
            event(
                log,
                "discord_unreachable",
                logging.WARNING,
                error=describe(error),
                retry_in=round(delay),
            )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), delay)
        delay = min(delay * 2, RETRY_MOST_SECONDS)
    return None


async def unless_stopped(attempt: Awaitable[T], stopping: asyncio.Event) -> T | None:
    """`attempt`'s result, or None as soon as `stopping` is set (the attempt cancelled).

    A Discord that never answers holds a login request open: SIGTERM must not wait for it.
    """
    attempting = asyncio.ensure_future(attempt)
    try:
        await until_done_or_set(attempting, stopping)
    finally:
        if not attempting.done():  # stopped, or this wait itself cancelled
            attempting.cancel()
            await asyncio.gather(attempting, return_exceptions=True)
    return None if attempting.cancelled() else attempting.result()


def report_knowledge_failed(settings: Settings) -> None:
    """Leave a health file that says why the bot did not start, rather than a stale one."""
    HealthReporter(health_path(settings.data_dir)).set_knowledge_loaded(False)


def wants_sharding(configured: int | None, recommended: int) -> bool:
    """Whether to run sharded: the operator asked for it, or Discord recommends it."""
    return configured is not None or recommended > 1


async def ask_discord(token: str, want_shards: bool) -> int:
    """Log in over HTTP and, when `want_shards`, ask how many shards Discord recommends.

    The login proves Discord is reachable and the token good before the bot is built; the
    answer is 1 when no recommendation was asked for. The client is always closed.
    """
    http = discord.http.HTTPClient(asyncio.get_running_loop())
    try:
        await http.static_login(token)
        if not want_shards:
            return 1
        count, _, _ = await http.get_bot_gateway()
    finally:
        await http.close()
    return count


def sharded(bot_class: type[B]) -> type[B]:
    """`bot_class` with discord.py's sharded connection instead of the single one.

    `commands.Bot` adds nothing to its bases (`BotBase`, `Client`), so putting
    `AutoShardedBot` after the bot's own class swaps `Client` for `AutoShardedClient` and
    keeps everything the bot's class defines.
    """
    return type(f"Sharded{bot_class.__name__}", (bot_class, commands.AutoShardedBot), {})


async def choose_bot_class(
    bot_class: type[B], configured: int | None, token: str
) -> tuple[type[B], dict[str, Any]]:
    """The class to build the bot with, and the extra keyword arguments it needs."""
    recommended = await ask_discord(token, want_shards=configured is None)
    if not wants_sharding(configured, recommended):
        event(log, "sharding", shards=1, reason="single connection")
        return bot_class, {}
    shards = configured or recommended
    reason = "configured" if configured is not None else "recommended by Discord"
    event(log, "sharding", shards=shards, reason=reason)
    return sharded(bot_class), {"shard_count": shards}


def report_connection(
    bot: commands.Bot | commands.AutoShardedBot, tracker: ConnectionTracker
) -> None:
    """Feed the gateway's connection events to `tracker`."""

    async def on_ready() -> None:
        tracker.ready()

    bot.add_listener(on_ready, "on_ready")
    if isinstance(bot, discord.AutoShardedClient):
        _report_shards(bot, tracker)
        return

    async def on_resumed() -> None:
        tracker.up()

    async def on_disconnect() -> None:
        tracker.lost()

    bot.add_listener(on_resumed, "on_resumed")
    bot.add_listener(on_disconnect, "on_disconnect")


def _report_shards(bot: commands.AutoShardedBot, tracker: ConnectionTracker) -> None:
    async def on_shard_up(shard_id: int) -> None:
        tracker.up(shard_id)

    async def on_shard_disconnect(shard_id: int) -> None:
        tracker.lost(shard_id)

    bot.add_listener(on_shard_up, "on_shard_ready")
    bot.add_listener(on_shard_up, "on_shard_resumed")
    bot.add_listener(on_shard_disconnect, "on_shard_disconnect")
