"""Starting the bot: `python -m bot run` and `python -m bot sync`.

`run` connects to Discord when a token is configured; without one, `bot.cli` opens the
terminal prompt instead (without importing discord.py), so `make run` always does
something useful. The token is passed to discord.py and nowhere else: it is never printed
or logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import discord

from bot import strings
from bot.discord import operations
from bot.discord.bot import BriefingBot, CogFactory
from bot.discord.kb import kb_cogs
from bot.discord.sync import sync_commands
from bot.engine import Engine
from bot.knowledge.check import show_problems
from bot.ops.logs import configure_logging, event
from bot.ops.settings import Settings
from bot.ops.single import AlreadyServing, hold_the_data_folder
from bot.serving import Services, open_services
from bot.serving.live import KnowledgeUnavailable
from bot.serving.record import QuestionRecord

log = logging.getLogger("briefing.discord")


def run(settings: Settings) -> int:
    """Serve Discord with the configured token until stopped; return the exit code."""
    configure_logging(settings.log_level, secrets=[settings.discord_token])
    try:
        held = hold_the_data_folder(settings.data_dir)
    except AlreadyServing:
        print(strings.Run.ALREADY_SERVING.format(data_dir=settings.data_dir), file=sys.stderr)
        return 2
    with held if held is not None else contextlib.nullcontext():
        return _serve(settings)


def _serve(settings: Settings) -> int:
    """Open what the bot serves and serve Discord with it; return the exit code."""
    try:
        services = open_services(settings)
    except KnowledgeUnavailable as error:
        # Exit 2, as for a bad setting: a person must fix the files, and a supervisor
        # restarting the bot every few seconds would only repeat these lines.
        show_problems(error.problems, settings.knowledge_dir, sys.stderr)
        operations.report_knowledge_failed(settings)
        return 2
    try:
        asyncio.run(
            operations.serve(
                settings,
                lambda bot_class, options: serving_bot(services, bot_class=bot_class, **options),
            )
        )
    except Exception as error:
        return explain_failure(error)
    return 0


def explain_failure(error: Exception) -> int:
    """Say in one line why Discord could not be used and return the exit code.

    A refused token is a configuration error (exit 2: restarting will not help); Discord
    unreachable is worth a restart (exit 1). Anything else is a bug, raised again.
    """
    if isinstance(error, discord.LoginFailure):
        print(strings.Run.LOGIN_FAILED, file=sys.stderr)
        return 2
    if operations.is_unreachable(error):
        print(strings.Run.UNREACHABLE.format(error=operations.describe(error)), file=sys.stderr)
        return 1
    raise error


def serving_bot(services: Services, **options: Any) -> BriefingBot:
    """The bot serving `services` to members, with `/kb` for moderators."""
    return build_bot(
        services.settings,
        services.engine,
        services.record,
        cogs=[partial(kb_cogs, services)],
        **options,
    )


def build_bot(
    settings: Settings,
    engine_source: Callable[[], Engine],
    record: QuestionRecord,
    cogs: Sequence[CogFactory] = (),
    sync_at_start: bool = True,
    bot_class: type[BriefingBot] = BriefingBot,
    **client_options: Any,
) -> BriefingBot:
    """The bot answering from `engine_source` and recording questions in `record`.

    `bot_class` and `client_options` let operations choose the connection (sharded or
    not); the caller closes `record` once the bot has closed.
    """
    entries = len(engine_source().knowledge.entries)
    event(log, "starting", entries=entries, data_dir=settings.data_dir)
    return bot_class(
        settings, engine_source, record, cogs=cogs, sync_at_start=sync_at_start, **client_options
    )


def sync(settings: Settings) -> int:
    """Sync the command set now, to the configured guilds or globally."""
    if not settings.discord_mode:
        print(strings.Run.NO_TOKEN_FOR_SYNC, file=sys.stderr)
        return 2
    configure_logging(settings.log_level, secrets=[settings.discord_token])
    try:
        services = open_services(settings)
    except KnowledgeUnavailable as error:
        show_problems(error.problems, settings.knowledge_dir, sys.stderr)
        return 1
    try:
        count = asyncio.run(_sync(services))
    except Exception as error:
        return explain_failure(error)
    guilds = settings.sync_guild_ids
    if guilds:
        print(strings.Run.SYNCED_GUILDS.format(count=count, guilds=len(guilds)))
    else:
        print(strings.Run.SYNCED_GLOBAL.format(count=count))
    return 0


async def _sync(services: Services) -> int:
    """Log in over HTTP only (no gateway connection), sync, and close."""
    settings = services.settings
    bot = serving_bot(services, sync_at_start=False)
    try:
        async with bot:
            await bot.login(settings.discord_token or "")
            return await sync_commands(bot.tree, settings.sync_guild_ids, settings.data_dir)
    finally:
        services.close()
