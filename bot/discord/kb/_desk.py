"""What every `/kb` area shares: who may write, replying privately, writing through the store.

`ModeratorCog` is the base of the area cogs: its one `interaction_check` lets only
moderators run a command, and its one error path tells anyone else why not. Forms and
buttons outlive their command, so they ask `Desk.allowed` again when used. `Desk` holds the
services and the steps every area repeats: reply, write in a thread and show the outcome,
announce it in the log channel, open and save the entry form.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.components import Responder
from bot.discord.errors import defer_thinking
from bot.discord.kb._access import Access, ModeratorRoles, access_of
from bot.discord.kb._forms import EntryForm, entry_data, form_from_entry, new_entry_id
from bot.discord.kb._render import (
    announcement,
    cannot_open_text,
    confirm_remove_text,
    conflict_reply,
    done_text,
    kb_reply,
    no_entry_text,
    refused_text,
    text_file,
    too_long_text,
    topics_text,
)
from bot.discord.kb._ui import WORK_TIMEOUT, Actions, EntryModal, Press, fits_form
from bot.discord_format import CHOICES_LIMIT, OPTION_LIMIT, clip
from bot.knowledge.history import Action, Actor
from bot.knowledge.serialise import data_to_yaml
from bot.knowledge.store import Applied, Conflict, Refused, StoredEntry, WriteResult
from bot.knowledge.validate import quote_warnings
from bot.ops.logs import event
from bot.replies import DiscordFile, DiscordReply
from bot.serving import Services
from bot.strings import Kb

log = logging.getLogger("bot.discord.kb")

_WRITES_QUOTES = (Action.ADD, Action.EDIT)

Announce = Callable[[str], Awaitable[None]]
AfterSaved = Callable[[discord.Interaction, Applied], Awaitable[None]]


@dataclass(frozen=True)
class Yours:
    """A moderator's text that was not saved, to hand back as a file."""

    item_id: str
    text: str


class NotModerator(app_commands.CheckFailure):
    """A `/kb` command from someone who may not write here; `access` says which refusal."""

    def __init__(self, access: Access) -> None:
        super().__init__(access.name)
        self.access = access


def actor_of(interaction: discord.Interaction) -> Actor:
    """The moderator behind an interaction that passed the moderator check."""
    return Actor(interaction.user.id, interaction.user.display_name)


class Desk:
    """The services and the steps shared by every `/kb` area; one per bot.

    `announce` sends a line to the moderators' log channel (nothing when none is set).
    """

    def __init__(self, services: Services, responder: Responder, announce: Announce) -> None:
        self.services = services
        self._responder = responder
        self.settings = services.settings
        self.store = services.store
        self.live = services.live
        self.roles = ModeratorRoles(services.settings)
        self._announce = announce

    # Who may write

    def access(self, interaction: discord.Interaction) -> Access:
        """Whether the member behind `interaction` may write here."""
        return access_of(self.settings, self.roles, interaction)

    def may_write(self, interaction: discord.Interaction) -> bool:
        """The same decision without a reply: autocomplete offers moderators only."""
        return self.access(interaction) is Access.ALLOWED

    async def refuse(self, interaction: discord.Interaction, verdict: Access) -> None:
        """Tell someone, privately, why they may not write; log the refusal without them."""
        event(log, "kb_refused", reason=verdict.name.lower(), guild=interaction.guild_id)
        await self.send(interaction, verdict.value, warn=False)

    async def allowed(self, interaction: discord.Interaction) -> bool:
        """Whether a form submission or a button press comes from a moderator (else refused)."""
        verdict = self.access(interaction)
        if verdict is not Access.ALLOWED:
            await self.refuse(interaction, verdict)
        return verdict is Access.ALLOWED

    # Replying

    async def thinking(self, interaction: discord.Interaction) -> None:
        """Acknowledge at once, privately, before work that may take more than Discord's 3 s."""
        if not interaction.response.is_done():
            await defer_thinking(interaction, private=True)

    async def send(
        self,
        interaction: discord.Interaction,
        text: str,
        warn: bool = True,
        view: discord.ui.View | None = None,
        files: Sequence[DiscordFile] = (),
    ) -> None:
        """Reply privately with `text`: the first response, or a follow-up once one was sent.

        A moderator's reply starts with a warning while the files on disk are broken (unless
        `warn` is off: a report of those very problems, or a refusal to a non-moderator).
        """
        await self.reply(interaction, kb_reply(text, self._broken(warn), files=files), view)

    async def reply(
        self,
        interaction: discord.Interaction,
        reply: DiscordReply,
        view: discord.ui.View | None = None,
    ) -> None:
        """Send a rendered moderator's reply through the responder members' replies use."""
        await self._responder.respond(interaction, reply, view=view)

    async def replace(self, interaction: discord.Interaction, text: str) -> None:
        """Replace the message a moderator pressed a button on with `text`, controls gone."""
        await self._responder.edit(interaction, kb_reply(text))

    def _broken(self, warn: bool = True) -> int:
        """How many problems the files on disk have, for the warning atop a reply."""
        return len(self.live.problems) if warn else 0

    async def announce(self, text: str) -> None:
        """Tell the log channel; a failure there never undoes a write."""
        await self._announce(text)

    # Writing

    def add_phrasing(self, entry_id: str, text: str, actor: Actor) -> Callable[[], WriteResult]:
        """Adding a phrasing (refused by the store's routing check if it reaches another entry)."""
        return partial(self.store.add_phrasing, entry_id, text, actor)

    async def write(
        self,
        interaction: discord.Interaction,
        work: Callable[[], WriteResult],
        action: Action,
        phrasing: str = "",
        retry: Callable[[discord.Interaction], Any] | None = None,
        yours: Yours | None = None,
        another_id: Callable[[discord.Interaction], Any] | None = None,
    ) -> Applied | None:
        """Run a store write in a thread and show its outcome; announce it when applied.

        `phrasing` is the phrasing a change is about, `retry` reopens the form after a
        refusal, `yours` is the moderator's text, attached to a refusal so it is never
        lost, and `another_id` reopens a new entry's form under another id, when the one it
        was to have was taken meanwhile.
        """
        await self.thinking(interaction)
        result = await asyncio.to_thread(work)
        if isinstance(result, Applied):
            entry = self.live.knowledge.entries.get(result.item_id)
            warnings = quote_warnings(entry) if entry and action in _WRITES_QUOTES else []
            await self.send(interaction, done_text(action, result, phrasing, warnings))
            await self.announce(announcement(actor_of(interaction).name, action, result))
            return result
        if isinstance(result, Refused):
            await self._refused(interaction, result, retry, yours)
        else:
            await self._conflicted(interaction, result, action, another_id)
        return None

    async def _refused(
        self,
        interaction: discord.Interaction,
        refused: Refused,
        retry: Callable[[discord.Interaction], Any] | None,
        yours: Yours | None,
    ) -> None:
        files = [] if yours is None else [text_file(yours.item_id, yours.text)]
        if retry is None:
            await self.send(interaction, refused_text(refused.problems), files=files)
            return
        text = refused_text(refused.problems, retry=True)
        press = Press(Kb.RETRY, retry, discord.ButtonStyle.primary)
        view = Actions(self.allowed, [press], timeout=WORK_TIMEOUT)
        await self.send(interaction, text, view=view, files=files)

    async def _conflicted(
        self,
        interaction: discord.Interaction,
        conflict: Conflict,
        action: Action,
        another_id: Callable[[discord.Interaction], Any] | None,
    ) -> None:
        """Show the current text and hand back the moderator's, so neither is lost.

        What comes next depends on the write that was refused: an edit is merged into the
        current text, a removal is confirmed again on it, and a new entry whose id was
        taken meanwhile goes under another id (or is merged into the entry holding it).
        """
        item_id = conflict.item_id
        files = []
        if conflict.refused_text is not None:
            files.append(text_file(item_id, conflict.refused_text))
        presses = []
        if conflict.current_text is not None and item_id in self.live.knowledge.entries:
            presses = self._after_conflict(item_id, action, another_id)
        view = Actions(self.allowed, presses) if presses else None
        reply = conflict_reply(conflict, action, self._broken(), files)
        await self.reply(interaction, reply, view)

    def _after_conflict(
        self,
        entry_id: str,
        action: Action,
        another_id: Callable[[discord.Interaction], Any] | None,
    ) -> list[Press]:
        """The buttons offered once a write met an entry changed (or made) meanwhile."""
        if action is Action.REMOVE:
            return [Press(Kb.LOOK_AGAIN, partial(self.confirm_removal, entry_id=entry_id))]
        edit = partial(self.open_edit, entry_id=entry_id)
        if action is not Action.ADD:
            return [Press(Kb.EDIT_AGAIN, edit)]
        elsewhere = [] if another_id is None else [Press(Kb.ANOTHER_ID, another_id)]
        return [*elsewhere, Press(Kb.EDIT_TAKEN, edit)]

    async def confirm_removal(self, interaction: discord.Interaction, entry_id: str) -> None:
        """Ask to confirm an entry's removal; the confirmation carries the version shown.

        A removal refused because the entry changed since asks again from here, showing
        the entry as it is now.
        """
        stored = await self.read_entry(interaction, entry_id)
        if stored is None:
            return

        async def confirm(pressed: discord.Interaction) -> None:
            await pressed.response.edit_message(view=None)
            work = partial(self.store.remove_entry, entry_id, actor_of(pressed), stored.version)
            await self.write(pressed, work, Action.REMOVE)

        async def cancel(pressed: discord.Interaction) -> None:
            await self.replace(pressed, Kb.CANCELLED)

        view = Actions(
            self.allowed,
            [
                Press(Kb.REMOVE_BUTTON, confirm, discord.ButtonStyle.danger),
                Press(Kb.CANCEL_BUTTON, cancel),
            ],
        )
        text = confirm_remove_text(entry_id, stored.entry.question)
        await self.send(interaction, text, view=view)

    # The entry form

    async def open_add(
        self,
        interaction: discord.Interaction,
        form: EntryForm,
        entry_id: str | None = None,
        after_saved: AfterSaved | None = None,
    ) -> None:
        """Open the new-entry form; `after_saved` runs once the entry is saved."""
        submit = partial(self._save_add, entry_id=entry_id, after_saved=after_saved)
        modal = EntryModal(
            Kb.ADD_TITLE, form, topics_text(self.live.knowledge), self.allowed, submit
        )
        await interaction.response.send_modal(modal)

    async def _save_add(
        self,
        interaction: discord.Interaction,
        form: EntryForm,
        entry_id: str | None,
        after_saved: AfterSaved | None,
    ) -> None:
        new_id = entry_id or new_entry_id(form.question, self.live.knowledge.entries)
        data = entry_data(form, new_id)
        applied = await self.write(
            interaction,
            partial(self.store.add_entry, data, actor_of(interaction)),
            Action.ADD,
            retry=lambda pressed: self.open_add(pressed, form, entry_id, after_saved),
            yours=Yours(new_id, data_to_yaml(data)),
            another_id=lambda pressed: self.open_add(pressed, form, None, after_saved),
        )
        if applied and after_saved is not None:
            await after_saved(interaction, applied)

    async def open_edit(self, interaction: discord.Interaction, entry_id: str) -> None:
        """Open the entry's form, pre-filled with its current text."""
        stored = await self.read_entry(interaction, entry_id)
        if stored is None:
            return
        form = form_from_entry(stored.entry)
        if not fits_form(form):
            await self.send(interaction, too_long_text(entry_id))
            return
        await self._send_edit_form(interaction, entry_id, form, stored.version)

    async def _send_edit_form(
        self, interaction: discord.Interaction, entry_id: str, form: EntryForm, version: str
    ) -> None:
        submit = partial(self._save_edit, entry_id=entry_id, version=version)
        title = Kb.EDIT_TITLE.format(entry_id=entry_id)
        modal = EntryModal(title, form, topics_text(self.live.knowledge), self.allowed, submit)
        await interaction.response.send_modal(modal)

    async def _save_edit(
        self, interaction: discord.Interaction, form: EntryForm, entry_id: str, version: str
    ) -> None:
        data = entry_data(form, entry_id)
        await self.write(
            interaction,
            partial(self.store.edit_entry, entry_id, data, version, actor_of(interaction)),
            Action.EDIT,
            retry=lambda pressed: self._send_edit_form(pressed, entry_id, form, version),
            yours=Yours(entry_id, data_to_yaml(data)),
        )

    async def read_entry(
        self, interaction: discord.Interaction, entry_id: str
    ) -> StoredEntry | None:
        """The entry as stored, or None after telling the moderator why it can't be opened."""
        stored = await asyncio.to_thread(self.store.read_entry, entry_id)
        if isinstance(stored, Refused):
            await self.send(interaction, cannot_open_text(entry_id, stored.problems))
            return None
        if stored is None:
            await self.send(interaction, no_entry_text(entry_id))
        return stored

    # Autocomplete

    def entry_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Entries whose question or phrasings match what is typed, one choice each."""
        if not self.may_write(interaction):
            return []
        suggestions = self.live.engine.complete(current, CHOICES_LIMIT)
        return [
            app_commands.Choice(name=clip(s.question, OPTION_LIMIT), value=s.entry_id)
            for s in suggestions
        ]


class ModeratorCog(commands.Cog):
    """One area of `/kb`: every command in it is for moderators only, checked once here.

    The commands are declared in the subclass's body like any cog's and are handed over to
    the one `/kb` group (`hand_over_commands`), so each area keeps its own check and error
    path.
    """

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Only moderators, in servers that take writes, run these commands."""
        verdict = self.desk.access(interaction)
        if verdict is not Access.ALLOWED:
            raise NotModerator(verdict)
        return True

    async def cog_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Refuse a non-moderator privately; the command tree apologises for anything else."""
        if isinstance(error, NotModerator):
            await self.desk.refuse(interaction, error.access)

    def hand_over_commands(self) -> list[app_commands.Command | app_commands.Group]:
        """Give up the area's commands to the `/kb` group; the cog then adds none at the top.

        They stay bound to this cog, so its check and error path still apply to them.
        """
        commands, self.__cog_app_commands__ = self.__cog_app_commands__, []
        return commands
