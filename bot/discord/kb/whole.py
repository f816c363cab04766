"""`/kb check`, `/kb reload`, `/kb export`: the knowledge as a whole, and its folder on disk.

This area also watches the folder for changes made outside the bot, and looks up the
moderators' roles given by name as each server becomes available.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.kb._desk import Desk, ModeratorCog, actor_of
from bot.discord.kb._render import (
    check_file,
    check_text,
    disk_text,
    export_texts,
    refused_text,
    reload_texts,
)
from bot.engine.routing import routing_problems
from bot.knowledge.check import warnings
from bot.knowledge.loader import LoadResult
from bot.knowledge.store import Refused
from bot.replies import DiscordFile
from bot.strings import Kb

MEGABYTE = 1024 * 1024


class WholeKnowledgeCog(ModeratorCog):
    """Check, reload and export the knowledge; watch its folder."""

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self._watcher: asyncio.Task[None] | None = None

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Once connected, start watching the knowledge folder (once, across reconnects)."""
        if self._watcher is None or self._watcher.done():
            interval = self.desk.settings.knowledge_poll_seconds
            self._watcher = asyncio.create_task(self.desk.live.watch(interval, self.disk_changed))

    async def cog_unload(self) -> None:
        """Stop watching when the bot closes."""
        if self._watcher is not None:
            self._watcher.cancel()

    async def disk_changed(self, result: LoadResult) -> None:
        """Tell the log channel what the watch picked up from disk, or what is wrong there.

        A broken file never replaces the served knowledge (`LiveKnowledge.reload` keeps the
        last good one), so members keep getting answers while moderators fix it.
        """
        await self.desk.announce(disk_text(result))

    @commands.Cog.listener("on_guild_available")
    @commands.Cog.listener("on_guild_join")
    async def resolve_roles(self, guild: discord.Guild) -> None:
        """Look up moderators' roles given by name, once per server, as it becomes available."""
        if guild.id in self.desk.settings.edit_guild_ids:
            self.desk.roles.resolve(guild.id, ((role.id, role.name) for role in guild.roles))

    @app_commands.command(name="check", description=Kb.CHECK)
    async def check(self, interaction: discord.Interaction) -> None:
        """Validate the files on disk and report."""
        await self.desk.thinking(interaction)
        result = await asyncio.to_thread(self._check_files)
        odd = []
        if result.knowledge is not None:
            odd = await asyncio.to_thread(warnings, self.desk.store.root, result.knowledge)
        # A report of the problems needs no warning about them on top.
        whole = check_file(result, odd)
        await self.desk.send(
            interaction,
            check_text(result, odd),
            warn=result.knowledge is not None,
            files=[whole] if whole else [],
        )

    def _check_files(self) -> LoadResult:
        """The files on disk checked as `python -m bot check` checks them, routing included."""
        store = self.desk.store
        result = store.check()
        if result.knowledge is None:
            return result
        problems = routing_problems(result.knowledge, store.root)
        return LoadResult(None, tuple(problems)) if problems else result

    @app_commands.command(name="reload", description=Kb.RELOAD)
    async def reload(self, interaction: discord.Interaction) -> None:
        """Serve the files on disk if they are good; otherwise keep the last good knowledge."""
        await self.desk.thinking(interaction)
        result = await asyncio.to_thread(self.desk.live.reload)
        reply, announced = reload_texts(result, actor_of(interaction).name)
        await self.desk.send(interaction, reply, warn=result.knowledge is not None)
        await self.desk.announce(announced)

    @app_commands.command(name="export", description=Kb.EXPORT)
    async def export(self, interaction: discord.Interaction) -> None:
        """Attach the knowledge as a zip of its files."""
        await self.desk.thinking(interaction)
        archive = await asyncio.to_thread(self.desk.store.export)
        if isinstance(archive, Refused):
            await self.desk.send(interaction, refused_text(archive.problems), warn=False)
            return
        if len(archive) > interaction.filesize_limit:
            # Discord would refuse the upload with a bare error: say why, and where to go.
            size, limit = len(archive) / MEGABYTE, interaction.filesize_limit / MEGABYTE
            await self.desk.send(interaction, Kb.EXPORT_TOO_LARGE.format(size=size, limit=limit))
            return
        text, name = export_texts(self.desk.live.knowledge, datetime.now(UTC))
        await self.desk.send(interaction, text, files=[DiscordFile(name, archive)])
