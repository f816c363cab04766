"""The Discord bot: connects, registers the cogs and the persistent buttons, and closes cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot import strings
from bot.discord.ask import AskCog
from bot.discord.asker import Asker
from bot.discord.browse import BrowseCog
from bot.discord.components import Responder
from bot.discord.cooldown import Cooldown
from bot.discord.errors import apologise
from bot.discord.sync import sync_if_changed
from bot.engine import Engine
from bot.ops.logs import event
from bot.ops.settings import Settings
from bot.serving.record import QuestionRecord

log = logging.getLogger("briefing.discord")

# What adds a feature (such as moderation) to the bot: its cogs, given what they need from
# the bot: the responder every reply goes out through, and a way to tell the log channel.
Announce = Callable[[str], Awaitable[None]]
CogFactory = Callable[[Responder, Announce], Sequence[commands.Cog]]


def intents() -> discord.Intents:
    """No privileged intent: guilds, and guild messages for mentions.

    Discord delivers a message's text to a bot without the message-content intent when the
    message mentions it, which is the only kind of message this bot reads.
    """
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.guild_messages = True
    return chosen


# Discord fails an interaction not answered within 3 s; a press still unanswered this long
# after it arrived has no control left to answer it (`BriefingBot.on_interaction`).
EXPIRED_GRACE = 2.5
_EXPIRED_POLL = 0.05
_CONTROLS = (discord.InteractionType.component, discord.InteractionType.modal_submit)


def _typed_in(data: Any) -> str:
    """The text typed into a submitted form, field by field (each input's id, then its text)."""
    fields: list[str] = []
    for component in _components(data):
        value = component.get("value")
        if component.get("type") == discord.ComponentType.text_input.value and value:
            fields.append(f"# {component.get('custom_id', '')}\n{value}\n")
    return "\n".join(fields)


def _components(data: Any) -> list[dict[str, Any]]:
    """Every component of a submission, those inside rows and labels included."""
    found: list[dict[str, Any]] = []
    children = [*data.get("components", ()), *([data["component"]] if "component" in data else [])]
    for child in children:
        if isinstance(child, dict):
            found += [child, *_components(child)]
    return found


class BriefingTree(app_commands.CommandTree):
    """The command tree, with errors turned into an apology with an error id."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError, /
    ) -> None:
        """Log the traceback under an error id and tell the member, never the traceback.

        A check that refused (such as `/kb`'s moderator check) is no error: the cog's own
        error path has already told the member why.
        """
        if isinstance(error, app_commands.CheckFailure):
            return
        original = getattr(error, "original", error)
        where = interaction.command.qualified_name if interaction.command else "command"
        await apologise(interaction, original, where)


class BriefingBot(commands.Bot):
    """The briefing in Discord.

    `engine_source` is called for every question, so a live-reloaded knowledge is
    picked up at once. `cogs` adds other features (such as moderation) to the same bot and
    command tree. `record` stays open when the bot closes: whoever opened it closes it,
    after any write in progress. A plain `commands.Bot`, so operations can run it on
    discord.py's sharded connection (`client_options` then carries `shard_count`).
    """

    def __init__(
        self,
        settings: Settings,
        engine_source: Callable[[], Engine],
        record: QuestionRecord,
        *,
        cogs: Sequence[CogFactory] = (),
        sync_at_start: bool = True,
        **client_options: Any,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            tree_cls=BriefingTree,
            intents=intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            max_messages=None,
            **client_options,
        )
        self.settings = settings
        self.engine_source = engine_source
        self.record = record
        self.asker = Asker(
            engine_source,
            record,
            Cooldown(settings.cooldown_questions, settings.cooldown_seconds),
            channel_names=self._channel_name,
        )
        self.responder = Responder(engine_source, record)
        self._cog_factories = tuple(cogs)
        self._sync_at_start = sync_at_start
        self.expired_grace = EXPIRED_GRACE

    def _channel_name(self, channel_id: int) -> str | None:
        """The name of a channel the bot can see, to read `<#id>` in a question as a word."""
        return getattr(self.get_channel(channel_id), "name", None)

    async def setup_hook(self) -> None:
        """Before connecting: cogs, persistent buttons, pruning, and a sync if needed."""
        ask = AskCog(self.asker, self.engine_source, self.responder, me=lambda: self.user)
        browse = BrowseCog(self.engine_source, self.settings, self.responder, me=lambda: self.user)
        self.tree.add_command(ask.ask_menu)
        for cog in (
            ask,
            browse,
            *(c for make in self._cog_factories for c in make(self.responder, self.announce)),
        ):
            await self.add_cog(cog)
        self.add_dynamic_items(*self.responder.items)
        await self._prune()
        if self._sync_at_start:
            await sync_if_changed(self.tree, self.settings.sync_guild_ids, self.settings.data_dir)

    async def on_interaction(self, interaction: discord.Interaction, /) -> None:
        """Tell the member when a button, menu or form has nothing left to answer it.

        Controls held in memory expire (a moderator's, after 15 minutes) and none survive
        a restart; discord.py then drops the press, and Discord shows "This interaction
        failed". Every control that is still known answers or defers at once, so one
        still unanswered after `expired_grace` seconds has no handler.
        """
        if interaction.type not in _CONTROLS:
            return
        waited = 0.0
        while waited < self.expired_grace:
            if interaction.response.is_done():
                return
            await asyncio.sleep(_EXPIRED_POLL)
            waited += _EXPIRED_POLL
        if interaction.response.is_done():
            return
        event(log, "controls_expired", kind=interaction.type.name)
        message, files = strings.Discord.CONTROLS_EXPIRED, []
        if interaction.type is discord.InteractionType.modal_submit:
            # A form outlives a restart on the moderator's screen: what they typed comes
            # back with the submission, and is handed back rather than lost.
            message = strings.Discord.FORM_EXPIRED_EMPTY
            typed = _typed_in(interaction.data or {})
            if typed:
                message = strings.Discord.FORM_EXPIRED
                data = io.BytesIO(typed.encode("utf-8"))
                files = [discord.File(data, filename=strings.Discord.FORM_EXPIRED_FILE)]
        with contextlib.suppress(discord.HTTPException, discord.InteractionResponded):
            await interaction.response.send_message(
                message,
                files=files,
                ephemeral=True,
                allowed_mentions=discord.AllowedMentions.none(),
            )

    async def on_ready(self) -> None:
        """Connected (again): start the daily pruning once; log how many servers, not which."""
        if not self.daily_prune.is_running():
            self.daily_prune.start()
        event(log, "ready", guilds=len(self.guilds), shards=self.shard_count or 1)

    async def announce(self, text: str) -> None:
        """Tell the log channel, if one is configured; a failure there is logged, not raised.

        What a moderator changed is already written: failing to say so must not undo it.
        """
        channel_id = self.settings.log_channel_id
        if channel_id is None:
            return
        channel = self.get_partial_messageable(channel_id)
        try:
            await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
        except discord.HTTPException as error:
            event(log, "kb_announce_failed", logging.WARNING, status=error.status)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: a mention is a question, answered by the Ask cog's listener."""

    @tasks.loop(hours=24)
    async def daily_prune(self) -> None:
        """Forget questions older than the retention period."""
        await self._prune()

    async def _prune(self) -> None:
        """In a thread: a locked file must not hold up the event loop while it waits."""
        removed = await asyncio.to_thread(self.record.prune)
        if removed is None:
            problem = self.record.status.problem
            event(log, "record_prune_failed", logging.ERROR, problem=problem)
            return
        event(log, "record_pruned", removed=removed, retention_days=self.settings.retention_days)

    async def close(self) -> None:
        """Stop pruning and disconnect; safe to call more than once."""
        self.daily_prune.cancel()
        await super().close()
