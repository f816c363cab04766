"""`/kb history` and `/kb undo`: what changed, and putting it back."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands

from bot.discord.kb._desk import ModeratorCog, actor_of
from bot.discord.kb._render import (
    announcement,
    history_text,
    refused_text,
    undo_conflict_text,
    undone_text,
)
from bot.knowledge.history import Action, Actor
from bot.knowledge.store import Applied, Conflict, WriteResult
from bot.strings import Kb

# Changes shown at a time: lines of at most `HISTORY_LINE_SHOWN` characters, so a page
# always fits one message whole and its count of older changes stays true.
HISTORY_LIMIT = 13


class HistoryCog(ModeratorCog):
    """The change history, and undoing a change."""

    @app_commands.command(name="history", description=Kb.HISTORY)
    @app_commands.describe(entry=Kb.OPTION_HISTORY_ENTRY, before=Kb.OPTION_BEFORE)
    async def history(
        self,
        interaction: discord.Interaction,
        entry: str | None = None,
        before: app_commands.Range[int, 1] | None = None,
    ) -> None:
        """List changes newest first, a page at a time; `before` reaches the older ones."""
        store = self.desk.store
        page = await asyncio.to_thread(store.history_page, entry, before, HISTORY_LIMIT)
        await self.desk.send(interaction, history_text(page, self.desk.live.knowledge))

    @history.autocomplete("entry")
    async def complete_entry(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Entries whose question or phrasings match what is typed, one choice each."""
        return self.desk.entry_choices(interaction, current)

    @app_commands.command(name="undo", description=Kb.UNDO)
    @app_commands.describe(change=Kb.OPTION_CHANGE)
    async def undo(
        self, interaction: discord.Interaction, change: app_commands.Range[int, 1] | None = None
    ) -> None:
        """Restore the files exactly as they were before a change."""
        actor = actor_of(interaction)
        await self.desk.thinking(interaction)
        result, undone = await asyncio.to_thread(self._undo, actor, change)
        if isinstance(result, Applied):
            await self.desk.send(interaction, undone_text(result, undone))
            await self.desk.announce(announcement(actor.name, Action.UNDO, result, undone))
        elif isinstance(result, Conflict):
            await self.desk.send(interaction, undo_conflict_text(result))
        else:
            await self.desk.send(interaction, refused_text(result.problems))

    def _undo(self, actor: Actor, change: int | None) -> tuple[WriteResult, int | None]:
        """Undo in the store; also which change the undo undid (blocks)."""
        store = self.desk.store
        result = store.undo(actor, change)
        if not isinstance(result, Applied):
            return result, None
        recorded = store.changes.get(result.change_id)
        return result, recorded.undoes if recorded else None
