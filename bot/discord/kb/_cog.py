"""`/kb`: moderators curate the knowledge from inside Discord.

The cog parses the interaction, checks who is asking, hands the work to the knowledge store
(in a thread: it blocks on files and SQLite) and shows the result privately. Validation,
versions, history and the swap to the new knowledge all happen in the store and
`LiveKnowledge`; nothing here decides what is valid.
"""

from __future__ import annotations

import asyncio
import io
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.kb._access import Access, ModeratorRoles, access_of
from bot.discord.kb._forms import (
    EntryForm,
    entry_data,
    form_from_entry,
    new_entry_id,
    unfit_upload,
)
from bot.discord.kb._render import (
    announcement,
    cannot_open_text,
    check_text,
    confirm_remove_text,
    conflict_text,
    coverage_summary_text,
    coverage_text,
    current_text,
    disk_text,
    dismissed_text,
    done_text,
    export_texts,
    group_options,
    group_text,
    history_text,
    no_entry_text,
    recording_text,
    refused_text,
    reload_texts,
    sources_text,
    too_long_text,
    topics_text,
    unanswered_text,
    undo_conflict_text,
    undone_text,
    vocabulary_text,
    warned,
    yours_file_name,
)
from bot.discord.kb._ui import (
    OPTION_LIMIT,
    Actions,
    EntryModal,
    Press,
    SourceForm,
    SourceModal,
    clip,
    fits_form,
)
from bot.discord.kb._upload import download_limited
from bot.engine.routing import change_problems, phrasing_problems, routing_problems
from bot.knowledge.check import warnings
from bot.knowledge.files import SOURCE_TEXT_LIMIT
from bot.knowledge.guide import SourceGuide, Suggestion, citation_block, guide
from bot.knowledge.history import Action, Actor
from bot.knowledge.loader import LoadResult
from bot.knowledge.model import Knowledge
from bot.knowledge.problems import Problem
from bot.knowledge.serialise import data_to_yaml
from bot.knowledge.store import (
    Applied,
    Conflict,
    KnowledgeStore,
    Refused,
    StoredEntry,
    WriteResult,
    decode_upload,
)
from bot.knowledge.validate import ID_PATTERN, TOPIC_LIMIT, quote_warnings
from bot.knowledge.vocabulary import WORD_LIMIT
from bot.live import LiveKnowledge
from bot.logs import event
from bot.record import QuestionRecord
from bot.settings import Settings
from bot.strings import Check, Kb
from bot.unanswered import QuestionGroup, Resolution, UnansweredQuestions, closest_entries

log = logging.getLogger(__name__)

# An attachment is a source's text, so it may be as large as one; no larger.
UPLOAD_LIMIT = SOURCE_TEXT_LIMIT
CHOICES = 25
HISTORY_LIMIT = 20
GROUPS = 10
COVER_PAGE = 15
_WRITES_QUOTES = (Action.ADD, Action.EDIT)
NO_MENTIONS = discord.AllowedMentions.none()
# Where moderators' words go unless they name another vocabulary file.
MODERATORS_FILE = "moderators"
FILE_NAME_LIMIT = 64
VocabularyField = Literal["names", "people", "protagonists", "topics", "aliases"]


@dataclass(frozen=True)
class Yours:
    """A moderator's text that was not saved, to hand back as a file."""

    item_id: str
    text: str


@dataclass(frozen=True)
class KbServices:
    """What `/kb` works with: the settings, the store, the served knowledge, the gaps."""

    settings: Settings
    store: KnowledgeStore
    live: LiveKnowledge
    unanswered: UnansweredQuestions


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KbCog(commands.GroupCog, group_name="kb", group_description=Kb.GROUP):
    """The `/kb` command group; see the moderators' guide in README.md."""

    phrase = app_commands.Group(name="phrase", description=Kb.PHRASE_GROUP)
    source = app_commands.Group(name="source", description=Kb.SOURCE_GROUP)
    vocab = app_commands.Group(name="vocab", description=Kb.VOCAB_GROUP)

    def __init__(self, bot: commands.Bot, services: KbServices) -> None:
        self.bot = bot
        self.services = services
        self.store = services.store
        self.live = services.live
        self._watcher: asyncio.Task[None] | None = None
        self.roles = ModeratorRoles(services.settings)
        super().__init__()

    # Changes made on disk

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Once connected, start watching the knowledge folder (once, across reconnects)."""
        if self._watcher is None or self._watcher.done():
            interval = self.services.settings.knowledge_poll_seconds
            self._watcher = asyncio.create_task(self.live.watch(interval, self.disk_changed))

    async def cog_unload(self) -> None:
        """Stop watching when the bot closes."""
        if self._watcher is not None:
            self._watcher.cancel()

    async def disk_changed(self, result: LoadResult) -> None:
        """Tell the log channel what the watch picked up from disk, or what is wrong there.

        A broken file never replaces the served knowledge (`LiveKnowledge.reload` keeps the
        last good one), so members keep getting answers while moderators fix it.
        """
        await self._announce(disk_text(result))

    # Who may write

    @commands.Cog.listener("on_guild_available")
    @commands.Cog.listener("on_guild_join")
    async def resolve_roles(self, guild: discord.Guild) -> None:
        """Look up moderators' roles given by name, once per server, as it becomes available."""
        if guild.id in self.services.settings.edit_guild_ids:
            self.roles.resolve(guild.id, ((role.id, role.name) for role in guild.roles))

    async def moderator(self, interaction: discord.Interaction) -> Actor | None:
        """The acting moderator, or None after privately refusing anyone else."""
        verdict = access_of(self.services.settings, self.roles, interaction)
        if verdict is Access.ALLOWED:
            return Actor(interaction.user.id, interaction.user.display_name)
        event(log, "kb_refused", reason=verdict.name.lower(), guild=interaction.guild_id)
        await self._send(interaction, verdict.value, warn=False)
        return None

    async def allowed(self, interaction: discord.Interaction) -> bool:
        """Whether a form submission or a button press comes from a moderator."""
        return await self.moderator(interaction) is not None

    # Entries

    @app_commands.command(name="add", description=Kb.ADD)
    @app_commands.describe(entry_id=Kb.OPTION_NEW_ID)
    async def add_entry(
        self, interaction: discord.Interaction, entry_id: str | None = None
    ) -> None:
        """Open the new-entry form, once the id asked for (if any) could be saved.

        A bad or taken id is refused here, before the moderator writes anything, since the
        form cannot change it and "Fix and retry" would reopen it with the same id.
        """
        if not await self.moderator(interaction):
            return
        refusal = self._unusable_id(entry_id)
        if refusal is not None:
            await self._send(interaction, refused_text((Problem("", refusal),)))
            return
        await self._open_add(interaction, EntryForm(), entry_id)

    def _unusable_id(self, entry_id: str | None) -> str | None:
        """Why an id asked for cannot be a new entry's, or None when it can (or none asked)."""
        if entry_id is None:
            return None
        if not ID_PATTERN.fullmatch(entry_id):
            return Check.BAD_ID.format(value=entry_id)
        if entry_id in self.live.knowledge.entries:
            return Kb.ID_TAKEN.format(entry_id=entry_id)
        return None

    @app_commands.command(name="edit", description=Kb.EDIT)
    @app_commands.describe(entry=Kb.OPTION_ENTRY)
    async def edit_entry(self, interaction: discord.Interaction, entry: str) -> None:
        """Open the entry's form, pre-filled with its current text."""
        if await self.moderator(interaction):
            await self._open_edit(interaction, entry)

    @phrase.command(name="add", description=Kb.PHRASE_ADD)
    @app_commands.describe(entry=Kb.OPTION_ENTRY, text=Kb.OPTION_TEXT)
    async def phrase_add(self, interaction: discord.Interaction, entry: str, text: str) -> None:
        """Add one phrasing."""
        actor = await self.moderator(interaction)
        if actor:
            await self._write(
                interaction,
                actor,
                self._add_phrasing(entry, text, actor),
                Action.PHRASE_ADD,
                text,
            )

    @phrase.command(name="remove", description=Kb.PHRASE_REMOVE)
    @app_commands.describe(entry=Kb.OPTION_ENTRY, text=Kb.OPTION_TEXT)
    async def phrase_remove(self, interaction: discord.Interaction, entry: str, text: str) -> None:
        """Remove one phrasing."""
        actor = await self.moderator(interaction)
        if actor:
            await self._write(
                interaction,
                actor,
                partial(self.store.remove_phrasing, entry, text, actor),
                Action.PHRASE_REMOVE,
                text,
            )

    @app_commands.command(name="remove", description=Kb.REMOVE)
    @app_commands.describe(entry=Kb.OPTION_ENTRY)
    async def remove_entry(self, interaction: discord.Interaction, entry: str) -> None:
        """Ask to confirm the removal; the confirmation carries the version shown."""
        if not await self.moderator(interaction):
            return
        stored = await self._read_entry(interaction, entry)
        if stored is None:
            return

        async def confirm(pressed: discord.Interaction) -> None:
            actor = await self.moderator(pressed)
            if actor:
                await pressed.response.edit_message(view=None)
                await self._write(
                    pressed,
                    actor,
                    partial(self.store.remove_entry, entry, actor, stored.version),
                    Action.REMOVE,
                )

        async def cancel(pressed: discord.Interaction) -> None:
            await pressed.response.edit_message(content=Kb.CANCELLED, view=None)

        view = Actions(
            self.allowed,
            [
                Press(Kb.REMOVE_BUTTON, confirm, discord.ButtonStyle.danger),
                Press(Kb.CANCEL_BUTTON, cancel),
            ],
        )
        await self._send(interaction, confirm_remove_text(entry, stored.entry.question), view=view)

    # History and undo

    @app_commands.command(name="history", description=Kb.HISTORY)
    @app_commands.describe(entry=Kb.OPTION_HISTORY_ENTRY)
    async def history(self, interaction: discord.Interaction, entry: str | None = None) -> None:
        """List recent changes, newest first."""
        if await self.moderator(interaction):
            changes = await asyncio.to_thread(self.store.history, entry, HISTORY_LIMIT)
            await self._send(interaction, history_text(changes))

    @app_commands.command(name="undo", description=Kb.UNDO)
    @app_commands.describe(change=Kb.OPTION_CHANGE)
    async def undo(
        self, interaction: discord.Interaction, change: app_commands.Range[int, 1] | None = None
    ) -> None:
        """Restore the files exactly as they were before a change."""
        actor = await self.moderator(interaction)
        if not actor:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        result, undone = await asyncio.to_thread(self._undo, actor, change)
        if isinstance(result, Applied):
            await self._send(interaction, undone_text(result, undone))
            await self._announce(announcement(actor.name, Action.UNDO, result, undone))
        elif isinstance(result, Conflict):
            await self._send(interaction, undo_conflict_text(result))
        else:
            await self._send(interaction, refused_text(result.problems))

    def _undo(self, actor: Actor, change: int | None) -> tuple[WriteResult, int | None]:
        result = self.store.undo(actor, change)
        if not isinstance(result, Applied):
            return result, None
        recorded = self.store.changes.get(result.change_id)
        return result, recorded.undoes if recorded else None

    # Unanswered questions

    @app_commands.command(name="unanswered", description=Kb.UNANSWERED)
    async def unanswered(self, interaction: discord.Interaction) -> None:
        """Show the groups of questions the knowledge did not serve, most asked first."""
        if not await self.moderator(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        recent = self.services.unanswered.recent_groups
        try:
            groups = await asyncio.to_thread(recent, interaction.guild_id, GROUPS)
        except sqlite3.Error as error:
            event(log, "kb_unanswered_unreadable", logging.ERROR, error=type(error).__name__)
            await self._send(interaction, Kb.RECORD_UNREADABLE.format(problem=error))
            return
        problem = self._recording_problem()
        if not groups:
            await self._send(interaction, recording_text(unanswered_text(groups), problem))
            return
        view = Actions(self.allowed)
        by_id = {group.id: group for group in groups}
        view.add_select(
            Kb.UNANSWERED_PICK,
            group_options(groups),
            lambda chosen, group_id: self._show_group(chosen, by_id[group_id]),
        )
        await self._send(interaction, recording_text(unanswered_text(groups), problem), view=view)

    def _recording_problem(self) -> str:
        """What stops the bot's question record, if anything.

        Moderators see it with the list, which would otherwise be silently incomplete.
        """
        record = getattr(self.bot, "record", None)
        return record.status.problem if isinstance(record, QuestionRecord) else ""

    async def _show_group(self, interaction: discord.Interaction, group: QuestionGroup) -> None:
        """One group, with its three ways to deal with it."""
        question = group.examples[0]
        options = closest_entries(self.live.engine, group, CHOICES)

        async def as_phrasing(chosen: discord.Interaction, entry_id: str) -> None:
            actor = await self.moderator(chosen)
            if actor:
                applied = await self._write(
                    chosen,
                    actor,
                    self._add_phrasing(entry_id, question, actor),
                    Action.PHRASE_ADD,
                    question,
                )
                if applied:
                    await self._resolve(chosen, group, actor, Resolution.PHRASING)

        async def new_entry(pressed: discord.Interaction) -> None:
            form = EntryForm(
                question=clip(question, OPTION_LIMIT), phrasings="\n".join(group.examples[1:])
            )
            await self._open_add(pressed, form, None, group)

        async def dismiss(pressed: discord.Interaction) -> None:
            actor = await self.moderator(pressed)
            if actor:
                await self._resolve(pressed, group, actor, Resolution.DISMISSED)
                await pressed.response.edit_message(content=dismissed_text(group), view=None)

        view = Actions(
            self.allowed,
            [
                Press(Kb.NEW_ENTRY, new_entry, discord.ButtonStyle.primary),
                Press(Kb.DISMISS, dismiss),
            ],
        )
        view.add_select(Kb.AS_PHRASING, options, as_phrasing)
        await self._send(interaction, group_text(group), view=view)

    async def _resolve(
        self, interaction: discord.Interaction, group: QuestionGroup, actor: Actor, how: Resolution
    ) -> None:
        resolve = self.services.unanswered.resolve
        await asyncio.to_thread(resolve, group, actor, interaction.guild_id, how)

    # Sources

    @source.command(name="add", description=Kb.SOURCE_ADD)
    @app_commands.describe(
        file=Kb.OPTION_FILE, author=Kb.OPTION_AUTHOR, url=Kb.OPTION_URL, language=Kb.OPTION_LANGUAGE
    )
    async def source_add(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None = None,
        author: str | None = None,
        url: str | None = None,
        language: str = "en",
    ) -> None:
        """Open the source form; the text comes from the attached file or from the form."""
        if not await self.moderator(interaction):
            return
        refused = unfit_upload(file.filename, file.size, UPLOAD_LIMIT) if file else None
        if refused is not None:
            await self._send(interaction, refused_text(refused.problems))
            return
        extra = {"author": author, "url": url, "language": language}
        submit = partial(self._save_source, file=file, extra=extra)
        await interaction.response.send_modal(SourceModal(file is None, self.allowed, submit))

    async def _save_source(
        self,
        interaction: discord.Interaction,
        form: SourceForm,
        file: discord.Attachment | None,
        extra: dict[str, Any],
    ) -> None:
        """Save the source; an attached file is only downloaded now, after the form.

        The download stops at the limit whatever size Discord declared for the file.
        """
        actor = await self.moderator(interaction)
        if not actor:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        uploaded = await _uploaded_text(file) if file else None
        if isinstance(uploaded, Refused):
            await self._send(interaction, refused_text(uploaded.problems))
            return
        data = {
            "id": form.id,
            "title": form.title,
            "outlet": form.outlet,
            "published": form.published,
            **extra,
        }
        text = uploaded if uploaded is not None else form.text or ""
        typed = data if uploaded is not None else {**data, "text": text}
        applied = await self._write(
            interaction,
            actor,
            partial(self.store.add_source, data, text, actor),
            Action.SOURCE_ADD,
            yours=Yours(Kb.NEW_SOURCE_FILE, data_to_yaml(typed)),
        )
        if applied:
            await self._show_coverage(interaction, applied.item_id)

    @source.command(name="list", description=Kb.SOURCE_LIST)
    async def source_list(self, interaction: discord.Interaction) -> None:
        """List the stored sources, newest first."""
        if await self.moderator(interaction):
            sources = await asyncio.to_thread(self.store.list_sources)
            await self._send(interaction, sources_text(sources, self.live.knowledge))

    # Covering a source, sentence by sentence

    @app_commands.command(name="coverage", description=Kb.COVERAGE)
    @app_commands.describe(source=Kb.OPTION_SOURCE)
    async def coverage(self, interaction: discord.Interaction, source: str | None = None) -> None:
        """A source's uncited sentences, each with a button to write its entry.

        Without a source: every source's share of cited sentences, and a menu to pick one.
        """
        if not await self.moderator(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        if source is not None:
            await self._show_coverage(interaction, source)
            return
        knowledge = self.live.knowledge
        guides = await asyncio.to_thread(
            lambda: [guide(knowledge, source_id, 0) for source_id in sorted(knowledge.sources)]
        )
        found = [g for g in guides if g is not None]
        uncovered = [(g.source.id, g.source.id) for g in found if g.uncited]
        view = Actions(self.allowed)
        if uncovered:
            view.add_select(Kb.COVERAGE_PICK, uncovered, self._show_coverage)
        await self._send(interaction, coverage_summary_text(found), view=view)

    async def _show_coverage(self, interaction: discord.Interaction, source_id: str) -> None:
        """The source's guided coverage: a button per uncited sentence opens its entry form."""
        knowledge = self.live.knowledge
        found = await asyncio.to_thread(guide, knowledge, source_id, COVER_PAGE)
        if found is None:
            await self._send(interaction, Kb.NO_SOURCE.format(source_id=source_id))
            return
        presses = [
            Press(str(number), partial(self._cover, suggestion=suggestion, found=found))
            for number, suggestion in enumerate(found.suggestions, 1)
        ]
        view = Actions(self.allowed, presses, timeout=None)
        await self._send(interaction, coverage_text(found), view=view)

    async def _cover(
        self, interaction: discord.Interaction, suggestion: Suggestion, found: SourceGuide
    ) -> None:
        """Open the entry form holding the sentence's citation and a suggested topic."""
        citation = citation_block(found.source.id, suggestion.speaker, suggestion.quote)
        form = EntryForm(topic=clip(suggestion.topic, TOPIC_LIMIT), citations=citation)
        await self._open_add(interaction, form, None, covering=found.source.id)

    # The vocabulary

    @vocab.command(name="add", description=Kb.VOCAB_ADD)
    @app_commands.describe(
        field=Kb.OPTION_VOCAB_FIELD,
        word=Kb.OPTION_VOCAB_WORD,
        meaning=Kb.OPTION_VOCAB_MEANING,
        file=Kb.OPTION_VOCAB_FILE,
    )
    async def vocab_add(
        self,
        interaction: discord.Interaction,
        field: VocabularyField,
        word: app_commands.Range[str, 1, WORD_LIMIT],
        meaning: app_commands.Range[str, 1, WORD_LIMIT] = "",
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] = MODERATORS_FILE,
    ) -> None:
        """Add a word to a list, or an alias, in a vocabulary file."""
        actor = await self.moderator(interaction)
        if actor:
            work = partial(self.store.add_word, file, field, word, meaning, actor)
            await self._write(interaction, actor, work, Action.VOCAB_ADD, word)

    @vocab.command(name="remove", description=Kb.VOCAB_REMOVE)
    @app_commands.describe(
        field=Kb.OPTION_VOCAB_FIELD, word=Kb.OPTION_VOCAB_WORD, file=Kb.OPTION_VOCAB_FILE
    )
    async def vocab_remove(
        self,
        interaction: discord.Interaction,
        field: VocabularyField,
        word: app_commands.Range[str, 1, WORD_LIMIT],
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] = MODERATORS_FILE,
    ) -> None:
        """Remove a word or an alias from a vocabulary file."""
        actor = await self.moderator(interaction)
        if actor:
            work = partial(self.store.remove_word, file, field, word, actor)
            await self._write(interaction, actor, work, Action.VOCAB_REMOVE, word)

    @vocab.command(name="list", description=Kb.VOCAB_LIST)
    @app_commands.describe(file=Kb.OPTION_VOCAB_LISTED)
    async def vocab_list(
        self,
        interaction: discord.Interaction,
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] | None = None,
    ) -> None:
        """List the vocabulary files with what each holds, or the words of one."""
        if await self.moderator(interaction):
            await self._send(interaction, vocabulary_text(self.live.knowledge, file))

    # The knowledge as a whole

    @app_commands.command(name="check", description=Kb.CHECK)
    async def check(self, interaction: discord.Interaction) -> None:
        """Validate the files on disk and report."""
        if not await self.moderator(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await asyncio.to_thread(self._check_files)
        odd = []
        if result.knowledge is not None:
            odd = await asyncio.to_thread(warnings, self.store.root, result.knowledge)
        # A report of the problems needs no warning about them on top.
        await self._send(interaction, check_text(result, odd), warn=result.knowledge is not None)

    def _check_files(self) -> LoadResult:
        """The files on disk checked as `python -m bot check` checks them, routing included."""
        result = self.store.check()
        if result.knowledge is None:
            return result
        problems = routing_problems(result.knowledge, self.store.root)
        return LoadResult(None, tuple(problems)) if problems else result

    @app_commands.command(name="reload", description=Kb.RELOAD)
    async def reload(self, interaction: discord.Interaction) -> None:
        """Serve the files on disk if they are good; otherwise keep the last good knowledge."""
        actor = await self.moderator(interaction)
        if not actor:
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await asyncio.to_thread(self.live.reload)
        reply, announced = reload_texts(result, actor.name)
        await self._send(interaction, reply, warn=result.knowledge is not None)
        await self._announce(announced)

    @app_commands.command(name="export", description=Kb.EXPORT)
    async def export(self, interaction: discord.Interaction) -> None:
        """Attach the knowledge as a zip of its files."""
        if not await self.moderator(interaction):
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        archive = await asyncio.to_thread(self.store.export)
        if isinstance(archive, Refused):
            await self._send(interaction, refused_text(archive.problems), warn=False)
            return
        text, name = export_texts(self.live.knowledge, datetime.now(UTC))
        await self._send(interaction, text, file=discord.File(io.BytesIO(archive), filename=name))

    # Autocomplete

    @edit_entry.autocomplete("entry")
    @remove_entry.autocomplete("entry")
    @phrase_add.autocomplete("entry")
    @phrase_remove.autocomplete("entry")
    @history.autocomplete("entry")
    async def complete_entry(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Entries whose question or phrasings match what is typed, one choice each."""
        if access_of(self.services.settings, self.roles, interaction) is not Access.ALLOWED:
            return []
        suggestions = self.live.engine.complete(current, CHOICES)
        return [
            app_commands.Choice(name=clip(s.question, OPTION_LIMIT), value=s.entry_id)
            for s in suggestions
        ]

    @coverage.autocomplete("source")
    async def complete_source(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Sources whose id or title contains what is typed, newest first."""
        if access_of(self.services.settings, interaction) is not Access.ALLOWED:
            return []
        typed = current.casefold()
        sources = sorted(
            self.live.knowledge.sources.values(), key=lambda s: (s.published, s.id), reverse=True
        )
        return [
            app_commands.Choice(name=clip(f"{s.id} · {s.title}", OPTION_LIMIT), value=s.id)
            for s in sources
            if typed in s.id.casefold() or typed in s.title.casefold()
        ][:CHOICES]

    @phrase_remove.autocomplete("text")
    async def complete_phrasing(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """The chosen entry's phrasings that contain what is typed."""
        if access_of(self.services.settings, self.roles, interaction) is not Access.ALLOWED:
            return []
        entry = self.live.knowledge.entries.get(str(interaction.namespace.entry or ""))
        if entry is None:
            return []
        typed = current.casefold()
        return [
            app_commands.Choice(name=clip(p, OPTION_LIMIT), value=p)
            for p in entry.phrasings
            if typed in p.casefold() and len(p) <= OPTION_LIMIT
        ][:CHOICES]

    # Forms

    async def _open_add(
        self,
        interaction: discord.Interaction,
        form: EntryForm,
        entry_id: str | None,
        group: QuestionGroup | None = None,
        covering: str | None = None,
    ) -> None:
        """Open the new-entry form.

        `group` is the unanswered group it comes from, and `covering` the source whose
        coverage to show again once it is saved.
        """
        submit = partial(self._save_add, entry_id=entry_id, group=group, covering=covering)
        modal = EntryModal(
            Kb.ADD_TITLE, form, topics_text(self.live.knowledge), self.allowed, submit
        )
        await interaction.response.send_modal(modal)

    async def _save_add(
        self,
        interaction: discord.Interaction,
        form: EntryForm,
        entry_id: str | None,
        group: QuestionGroup | None,
        covering: str | None,
    ) -> None:
        actor = await self.moderator(interaction)
        if not actor:
            return
        new_id = entry_id or new_entry_id(form.question, self.live.knowledge.entries)
        data = entry_data(form, new_id)
        applied = await self._write(
            interaction,
            actor,
            self._routed(
                partial(self.store.add_entry, data, actor), partial(change_problems, data=data)
            ),
            Action.ADD,
            retry=lambda pressed: self._open_add(pressed, form, entry_id, group, covering),
            yours=Yours(new_id, data_to_yaml(data)),
        )
        if applied and group:
            await self._resolve(interaction, group, actor, Resolution.ENTRY)
        if applied and covering:
            await self._show_coverage(interaction, covering)

    async def _open_edit(self, interaction: discord.Interaction, entry_id: str) -> None:
        stored = await self._read_entry(interaction, entry_id)
        if stored is None:
            return
        form = form_from_entry(stored.entry)
        if not fits_form(form):
            await self._send(interaction, too_long_text(entry_id))
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
        actor = await self.moderator(interaction)
        if actor:
            data = entry_data(form, entry_id)
            await self._write(
                interaction,
                actor,
                self._routed(
                    partial(self.store.edit_entry, entry_id, data, version, actor),
                    partial(change_problems, data=data),
                ),
                Action.EDIT,
                retry=lambda pressed: self._send_edit_form(pressed, entry_id, form, version),
                yours=Yours(entry_id, data_to_yaml(data)),
            )

    async def _read_entry(
        self, interaction: discord.Interaction, entry_id: str
    ) -> StoredEntry | None:
        """The entry as stored, or None after telling the moderator why it can't be opened."""
        stored = await asyncio.to_thread(self.store.read_entry, entry_id)
        if isinstance(stored, Refused):
            await self._send(interaction, cannot_open_text(entry_id, stored.problems))
            return None
        if stored is None:
            await self._send(interaction, no_entry_text(entry_id))
        return stored

    # Writing and replying

    def _add_phrasing(self, entry_id: str, text: str, actor: Actor) -> Callable[[], WriteResult]:
        return self._routed(
            partial(self.store.add_phrasing, entry_id, text, actor),
            partial(phrasing_problems, entry_id=entry_id, phrasing=text),
        )

    def _routed(
        self,
        work: Callable[[], WriteResult],
        problems_of: Callable[[Knowledge], list[Problem]],
    ) -> Callable[[], WriteResult]:
        """`work`, refused before it writes when its words would not reach their entry.

        `python -m bot check` would fail after such a write, so it is refused like any
        other check problem, naming the entry the words reach instead.
        """

        def checked() -> WriteResult:
            problems = problems_of(self.live.knowledge)
            return Refused(tuple(problems)) if problems else work()

        return checked

    async def _write(
        self,
        interaction: discord.Interaction,
        actor: Actor,
        work: Callable[[], WriteResult],
        action: Action,
        phrasing: str = "",
        retry: Callable[[discord.Interaction], Any] | None = None,
        yours: Yours | None = None,
    ) -> Applied | None:
        """Run a store write in a thread and show its outcome; announce it when applied.

        `phrasing` is the phrasing a change is about, `retry` reopens the form after a
        refusal, and `yours` is the moderator's text, attached to a refusal so it is never
        lost.
        """
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)
        result = await asyncio.to_thread(work)
        if isinstance(result, Applied):
            entry = self.live.knowledge.entries.get(result.item_id)
            warnings = quote_warnings(entry) if entry and action in _WRITES_QUOTES else []
            await self._send(interaction, done_text(action, result, phrasing, warnings))
            await self._announce(announcement(actor.name, action, result))
            return result
        if isinstance(result, Refused):
            await self._refused(interaction, result, retry, yours)
        else:
            await self._conflicted(interaction, result)
        return None

    async def _refused(
        self,
        interaction: discord.Interaction,
        refused: Refused,
        retry: Callable[[discord.Interaction], Any] | None,
        yours: Yours | None,
    ) -> None:
        extra: dict[str, Any] = {}
        if yours is not None:
            extra["file"] = _attached(yours)
        if retry is None:
            await self._send(interaction, refused_text(refused.problems), **extra)
            return
        text = refused_text(refused.problems, retry=True)
        press = Press(Kb.RETRY, retry, discord.ButtonStyle.primary)
        view = Actions(self.allowed, [press], timeout=None)
        await self._send(interaction, text, view=view, **extra)

    async def _conflicted(self, interaction: discord.Interaction, conflict: Conflict) -> None:
        """Show the current text and hand back the moderator's, so neither is lost."""
        item_id = conflict.item_id
        extra: dict[str, Any] = {}
        if conflict.refused_text is not None:
            extra["file"] = _attached(Yours(item_id, conflict.refused_text))
        shown = current_text(conflict)
        if shown is not None:
            title, description = shown
            extra["embed"] = discord.Embed(title=title, description=description)
            if item_id in self.live.knowledge.entries:
                again = partial(self._open_edit, entry_id=item_id)
                extra["view"] = Actions(self.allowed, [Press(Kb.EDIT_AGAIN, again)])
        await self._send(interaction, conflict_text(conflict), **extra)

    async def _send(
        self, interaction: discord.Interaction, content: str, warn: bool = True, **extra: Any
    ) -> None:
        """Reply privately: the first response, or a follow-up once one was sent.

        A moderator's reply starts with a warning while the files on disk are broken.
        """
        if warn:
            content = warned(content, len(self.live.problems))
        if interaction.response.is_done():
            await interaction.followup.send(
                content, ephemeral=True, allowed_mentions=NO_MENTIONS, **extra
            )
        else:
            await interaction.response.send_message(
                content, ephemeral=True, allowed_mentions=NO_MENTIONS, **extra
            )

    async def _announce(self, text: str) -> None:
        """Tell the log channel, if one is configured; a failure there never undoes a write."""
        channel_id = self.services.settings.log_channel_id
        if channel_id is None:
            return
        channel = self.bot.get_partial_messageable(channel_id)
        try:
            await channel.send(text, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            event(log, "kb_announce_failed", logging.WARNING, status=error.status)


async def _uploaded_text(file: discord.Attachment) -> str | Refused:
    """The attached file's text, downloaded within the upload limit."""
    raw = await download_limited(file.url, UPLOAD_LIMIT)
    return raw if isinstance(raw, Refused) else decode_upload(raw)


def _attached(yours: Yours) -> discord.File:
    content = io.BytesIO(yours.text.encode("utf-8"))
    return discord.File(content, filename=yours_file_name(yours.item_id))
