"""`/kb add`, `/kb edit`, `/kb remove`, `/kb phrase add|remove`: one entry at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from functools import partial

import discord
from discord import app_commands

from bot.discord.kb._desk import Desk, ModeratorCog, actor_of
from bot.discord.kb._forms import EntryForm
from bot.discord.kb._render import held_out_text, refused_text
from bot.discord_format import CHOICES_LIMIT, OPTION_LIMIT, clip
from bot.engine.held_out import fewest_reached_first, unwritten
from bot.knowledge.files import RESERVED_NAMES
from bot.knowledge.history import Action
from bot.knowledge.model import Entry
from bot.knowledge.problems import Problem
from bot.knowledge.validate import ID_PATTERN
from bot.strings import Check, Kb, Moderation

# `/kb held-out` asks each text of the knowledge without it, about 3 ms a text on one core,
# in a thread beside the members' answers: past this many texts (some 15 s), it asks for
# one entry at a time, and one report is made at a time.
HELD_OUT_TEXTS = 5000


class EntriesCog(ModeratorCog):
    """Write, change and remove entries and their phrasings."""

    phrase = app_commands.Group(name="phrase", description=Kb.PHRASE_GROUP)

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self._held_out_busy = False

    @app_commands.command(name="add", description=Kb.ADD)
    @app_commands.describe(entry_id=Kb.OPTION_NEW_ID)
    async def add_entry(
        self, interaction: discord.Interaction, entry_id: str | None = None
    ) -> None:
        """Open the new-entry form, once the id asked for (if any) could be saved.

        A bad or taken id is refused here, before the moderator writes anything, since the
        form cannot change it and "Fix and retry" would reopen it with the same id.
        """
        refusal = self._unusable_id(entry_id)
        if refusal is not None:
            await self.desk.send(interaction, refused_text((Problem("", refusal),)))
            return
        await self.desk.open_add(interaction, EntryForm(), entry_id)

    def _unusable_id(self, entry_id: str | None) -> str | None:
        """Why an id asked for cannot be a new entry's, or None when it can (or none asked)."""
        if entry_id is None:
            return None
        if not ID_PATTERN.fullmatch(entry_id):
            return Check.BAD_ID.format(value=entry_id)
        if entry_id in RESERVED_NAMES:
            return Check.RESERVED_ID.format(value=entry_id)
        if entry_id in self.desk.live.knowledge.entries:
            return Kb.ID_TAKEN.format(entry_id=entry_id)
        return None

    @app_commands.command(name="edit", description=Kb.EDIT)
    @app_commands.describe(entry=Kb.OPTION_ENTRY)
    async def edit_entry(self, interaction: discord.Interaction, entry: str) -> None:
        """Open the entry's form, pre-filled with its current text."""
        await self.desk.open_edit(interaction, entry)

    @phrase.command(name="add", description=Kb.PHRASE_ADD)
    @app_commands.describe(entry=Kb.OPTION_ENTRY, text=Kb.OPTION_TEXT)
    async def phrase_add(self, interaction: discord.Interaction, entry: str, text: str) -> None:
        """Add one phrasing."""
        work = self.desk.add_phrasing(entry, text, actor_of(interaction))
        await self.desk.write(interaction, work, Action.PHRASE_ADD, text)

    @phrase.command(name="remove", description=Kb.PHRASE_REMOVE)
    @app_commands.describe(entry=Kb.OPTION_ENTRY, text=Kb.OPTION_TEXT)
    async def phrase_remove(self, interaction: discord.Interaction, entry: str, text: str) -> None:
        """Remove one phrasing."""
        work = partial(self.desk.store.remove_phrasing, entry, text, actor_of(interaction))
        await self.desk.write(interaction, work, Action.PHRASE_REMOVE, text)

    @app_commands.command(name="held-out", description=Kb.HELD_OUT)
    @app_commands.describe(entry=Kb.OPTION_HELD_OUT_ENTRY)
    async def held_out(self, interaction: discord.Interaction, entry: str | None = None) -> None:
        """Each way of asking an entry answers only as written, the entries reaching fewest first.

        Every text is asked of the served engine without it (`held_out.unwritten`), in a
        thread: seconds for the shipped knowledge, so the reply is deferred.
        """
        engine = self.desk.live.engine
        entries = engine.knowledge.entries
        refusal = None
        if entry is not None and entry not in entries:
            refusal = Moderation.NO_ENTRY.format(entry_id=entry)
        elif entry is None and (texts := _texts(entries.values())) > HELD_OUT_TEXTS:
            refusal = Kb.HELD_OUT_TOO_MANY.format(texts=texts, limit=HELD_OUT_TEXTS)
        elif self._held_out_busy:
            refusal = Kb.HELD_OUT_BUSY
        if refusal is not None:
            await self.desk.send(interaction, refusal)
            return
        self._held_out_busy = True
        try:
            await self.desk.thinking(interaction)
            found = await asyncio.to_thread(unwritten, engine, entry)
        finally:
            self._held_out_busy = False
        await self.desk.send(interaction, held_out_text(found, fewest_reached_first(found)))

    @app_commands.command(name="remove", description=Kb.REMOVE)
    @app_commands.describe(entry=Kb.OPTION_ENTRY)
    async def remove_entry(self, interaction: discord.Interaction, entry: str) -> None:
        """Ask to confirm the removal; the confirmation carries the version shown."""
        await self.desk.confirm_removal(interaction, entry)

    @edit_entry.autocomplete("entry")
    @held_out.autocomplete("entry")
    @remove_entry.autocomplete("entry")
    @phrase_add.autocomplete("entry")
    @phrase_remove.autocomplete("entry")
    async def complete_entry(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Entries whose question or phrasings match what is typed, one choice each."""
        return self.desk.entry_choices(interaction, current)

    @phrase_remove.autocomplete("text")
    async def complete_phrasing(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """The chosen entry's phrasings that contain what is typed."""
        if not self.desk.may_write(interaction):
            return []
        entry = self.desk.live.knowledge.entries.get(str(interaction.namespace.entry or ""))
        if entry is None:
            return []
        typed = current.casefold()
        return [
            app_commands.Choice(name=clip(p, OPTION_LIMIT), value=p)
            for p in entry.phrasings
            if typed in p.casefold() and len(p) <= OPTION_LIMIT
        ][:CHOICES_LIMIT]


def _texts(entries: Iterable[Entry]) -> int:
    """How many questions and phrasings `entries` hold."""
    return sum(1 + len(entry.phrasings) for entry in entries)
