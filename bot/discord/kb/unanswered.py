"""`/kb unanswered`: the questions the knowledge did not serve, and dealing with each group."""

from __future__ import annotations

import asyncio
import logging
import sqlite3

import discord
from discord import app_commands

from bot.discord.kb._desk import Desk, ModeratorCog, actor_of
from bot.discord.kb._forms import asking_part, form_from_wordings
from bot.discord.kb._render import (
    dismissed_text,
    group_options,
    group_text,
    recording_text,
    unanswered_text,
)
from bot.discord.kb._ui import Actions, Press
from bot.discord_format import CHOICES_LIMIT
from bot.knowledge.history import Action
from bot.knowledge.validate import PHRASING_LIMIT
from bot.ops.logs import event
from bot.serving.unanswered import QuestionGroup, closest_entries
from bot.strings import Kb

log = logging.getLogger("bot.discord.kb")

# The groups shown at once, most asked first: one message, one menu. The list says how
# many more there are.
GROUPS = 10


class UnansweredCog(ModeratorCog):
    """Groups of unanswered questions: add one as a phrasing, write its entry, or dismiss it.

    One list is made at a time: making one asks the engine about up to a thousand
    questions in a worker thread, and several at once would hold the workers members'
    questions are decided in.
    """

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self._making_a_list = asyncio.Lock()

    @app_commands.command(name="unanswered", description=Kb.UNANSWERED)
    async def unanswered(self, interaction: discord.Interaction) -> None:
        """Show the groups of questions the knowledge did not serve, most asked first."""
        await self.desk.thinking(interaction)
        recent = self.desk.services.unanswered.recent_groups
        try:
            async with self._making_a_list:
                groups = await asyncio.to_thread(recent, interaction.guild_id)
        except sqlite3.Error as error:
            event(log, "kb_unanswered_unreadable", logging.ERROR, error=type(error).__name__)
            await self.desk.send(interaction, Kb.RECORD_UNREADABLE.format(problem=error))
            return
        shown = groups[:GROUPS]
        # Moderators see what stops the record with the list, which would otherwise be
        # silently incomplete.
        problem = self.desk.services.record.status.problem
        text = recording_text(unanswered_text(shown, len(groups) - len(shown)), problem)
        if not shown:
            await self.desk.send(interaction, text)
            return
        view = Actions(self.desk.allowed)
        by_id = {group.id: group for group in shown}
        view.add_select(
            Kb.UNANSWERED_PICK,
            group_options(shown),
            lambda chosen, group_id: self._show_group(chosen, by_id[group_id]),
        )
        await self.desk.send(interaction, text, view=view)

    async def _show_group(self, interaction: discord.Interaction, group: QuestionGroup) -> None:
        """One group, with its three ways to deal with it.

        A phrasing or an entry added from here is not recorded against the group: the
        list leaves out what the bot answers, so the group goes once it is answered, and
        comes back if that change is undone.
        """
        question = group.examples[0]
        options = closest_entries(self.desk.live.engine, group, CHOICES_LIMIT)

        async def as_phrasing(chosen: discord.Interaction, entry_id: str) -> None:
            # A long message's own question, as the new-entry form takes it.
            phrasing = asking_part(question, PHRASING_LIMIT) or question
            work = self.desk.add_phrasing(entry_id, phrasing, actor_of(chosen))
            await self.desk.write(chosen, work, Action.PHRASE_ADD, phrasing)

        async def new_entry(pressed: discord.Interaction) -> None:
            await self.desk.open_add(pressed, form_from_wordings(group.examples))

        async def dismiss(pressed: discord.Interaction) -> None:
            # Acknowledged first: the record may wait seconds on a busy file.
            await pressed.response.defer()
            dismissing = self.desk.services.unanswered.dismiss
            await asyncio.to_thread(dismissing, group, actor_of(pressed), pressed.guild_id)
            await self.desk.replace(pressed, dismissed_text(group))

        view = Actions(
            self.desk.allowed,
            [
                Press(Kb.NEW_ENTRY, new_entry, discord.ButtonStyle.primary),
                Press(Kb.DISMISS, dismiss),
            ],
        )
        view.add_select(Kb.AS_PHRASING, options, as_phrasing)
        await self.desk.send(interaction, group_text(group), view=view)
