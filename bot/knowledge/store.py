"""Moderators' writes to the knowledge: validated, versioned, atomic, recorded and undoable.

Every write follows the same steps, all under `knowledge_lock`:

1. validate the new item exactly as `python -m bot check` does (the checker's
   `validate_entry_data` / `validate_source_data`), against the knowledge on disk (an
   entry is also validated once before the lock, so refusing a misquote, which searches
   its source for the closest passage, never keeps other writers waiting);
2. compare the version of the file it replaces with the version the moderator started
   from; a mismatch is a `Conflict` carrying the current text and the refused text, so
   neither is lost;
3. load the whole would-be knowledge (a staged copy of the folder with the change applied),
   so rules across files hold too, such as a source no entry may lose while cited. A write
   of one entry's file reads back only that file over the snapshot of the folder it was
   checked against (claims kept with it), which is what the whole load would give, in
   milliseconds at 10,000 entries instead of seconds; the write check given at construction
   (the routing of the served engine) is asked about every write, since removing words
   can leave an entry's own text unanswered as surely as adding them can;
4. record the change as pending in the `ChangeLog`, write each file atomically, mark the
   change done;
5. hand the validated snapshot to subscribers (`LiveKnowledge.install`), so questions move
   to the new knowledge in one step.

A crash during step 4 is repaired by the next writer (in this process or another sharing the
folder and database) before it writes, and at start: files already written are put back to
their exact bytes before the change, the pending record is dropped, and temporary files are
removed. No writer holds the knowledge lock between changes, so whatever is pending when
the lock is taken belongs to a writer that died.

Every public method blocks on files and SQLite;
from async code call them through `asyncio.to_thread`. Results are values (`Applied`,
`Refused`, `Conflict`), never exceptions, so a cog can show each one to the moderator. A
refusal not about one file (nothing to undo) has a `Problem` whose `file` is empty.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import logging
import os
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from bot.knowledge.files import (
    RESERVED_NAMES,
    FileRefused,
    Fingerprint,
    Listing,
    cleanup_leftovers,
    fingerprint,
    knowledge_files,
    knowledge_lock,
    list_folders,
    put,
    read_bytes,
    read_regular,
    refingerprinted,
    still_as_seen,
    version_of,
)
from bot.knowledge.history import (
    Action,
    Actor,
    Change,
    ChangeLog,
    FileChange,
    HistoryPage,
    ItemKind,
)
from bot.knowledge.loader import (
    LoadResult,
    folder_problems,
    load_entry_file,
    load_knowledge,
    load_vocabulary,
    refusal_message,
)
from bot.knowledge.model import Entry, Knowledge, Source, Vocabulary
from bot.knowledge.problems import Problem
from bot.knowledge.serialise import entry_to_data, entry_to_yaml, source_to_yaml
from bot.knowledge.validate import (
    ClaimIndex,
    claim_key,
    validate_entry_data,
    validate_source_data,
)
from bot.knowledge.vocabulary import (
    FILE_NAME,
    added_forms,
    changed_vocabulary,
    files_holding,
    is_empty,
    removed_forms,
    vocabulary_to_yaml,
)
from bot.language.text import clean
from bot.ops.logs import event
from bot.strings import Check, Moderation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Applied:
    """The write is on disk, recorded as change `change_id`, and being served.

    `version` is the new version of the item's file (None when the write removed it).
    """

    change_id: int
    item_id: str
    version: str | None


@dataclass(frozen=True)
class Refused:
    """Nothing was written: the write would have left the knowledge with these problems."""

    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Conflict:
    """Nothing was written: the item changed since the moderator's version.

    `current_text` is the item as it is now (None when it no longer exists) and
    `refused_text` what this write would have made it, so the moderator can copy theirs
    and merge by hand. An undo refused names the later change to `undo_first`; without one,
    no change the bot recorded made the difference: the file was edited outside the bot.
    """

    item_id: str
    current_text: str | None
    refused_text: str | None
    undo_first: int | None = None


WriteResult = Applied | Refused | Conflict

# A check of a write beyond the knowledge's own rules, such as routing (the engine's:
# `bot.engine.routing`), which the knowledge package cannot make itself. Given the knowledge
# before the write and as the write would leave it; returns the write's problems (none: it
# may go ahead). Every write is asked: removing words can strand a text as adding them can.
WriteCheck = Callable[[Knowledge, Knowledge], Sequence[Problem]]


@dataclass(frozen=True)
class _Edit:
    """A replacement of one entry's file, and how history will describe it."""

    entry_id: str
    data: Mapping[str, Any]
    base_version: str
    action: Action
    detail: str


@dataclass(frozen=True)
class StoredEntry:
    """An entry as its file holds it, with the version an edit of it must carry."""

    entry: Entry
    text: str
    version: str


class KnowledgeStore:
    """The only writer of the knowledge folder from inside the bot."""

    def __init__(
        self, root: Path, changes: ChangeLog, write_check: WriteCheck | None = None
    ) -> None:
        """Open the store, repairing what a crashed writer left (blocks).

        `write_check` is asked about every write (an entry's, the vocabulary's, a source's,
        an undo), once the knowledge it leaves is valid; its problems refuse the write.
        """
        self.root = root
        self.changes = changes
        self.write_check = write_check
        self._subscribers: list[Callable[[Knowledge], None]] = []
        self._known: tuple[Fingerprint, Knowledge] | None = None
        self._claims: tuple[Knowledge, ClaimIndex] | None = None
        self._recover()

    def adopt(self, seen: Fingerprint, knowledge: Knowledge) -> None:
        """Start from `knowledge`, loaded whole when the folder's fingerprint was `seen`.

        A server loads the folder to serve it as the store opens; handed that snapshot, the
        store checks its first write against it (while the folder is unchanged) instead of
        loading the folder once more, and lists its claims now rather than during a write.
        """
        with knowledge_lock(self.root):
            self._known = (seen, knowledge)
            self._claims_of(knowledge)

    def reloaded(self, seen: Fingerprint, result: LoadResult) -> None:
        """Start from what a reload of the folder found when its fingerprint was `seen`.

        Whoever serves the folder reloads it when its watcher sees a file changed by hand;
        a write then starts from that snapshot, never from an older one it remembers. A
        folder with problems leaves none: the next write loads the folder itself, and is
        refused with them while they last.
        """
        if result.knowledge is not None:
            self.adopt(seen, result.knowledge)
            return
        with knowledge_lock(self.root):
            self._known = None

    @property
    def seen(self) -> Fingerprint | None:
        """The fingerprint of the folder as the last snapshot loaded or written found it."""
        return self._known[0] if self._known is not None else None

    def subscribe(self, callback: Callable[[Knowledge], None]) -> None:
        """Call `callback` with the new snapshot after every successful write.

        Called in the writing thread while the knowledge lock is held, so snapshots arrive
        in the order they were written.
        """
        self._subscribers.append(callback)

    # Reading

    def read_entry(self, entry_id: str) -> StoredEntry | Refused | None:
        """The entry's current text and version, to pre-fill an edit or confirm a removal.

        None when there is no such entry; `Refused` with the problems when the files on
        disk have some, since every write would be refused with them until they are fixed.
        Takes no lock, so a form opens without waiting behind a write: files are replaced
        atomically, and a version read mid-write is caught as a conflict when saving. Files
        with problems are read again under the lock before they are reported: a write of
        several files (a source's text and metadata) may be half done for a moment.
        """
        current = self._current(remember=False)
        if isinstance(current, Refused):
            with knowledge_lock(self.root):
                current = self._current(remember=False)
        if isinstance(current, Refused):
            return current
        stored = self._stored(current, entry_id)
        return None if isinstance(stored, Refused) else stored

    def list_sources(self) -> list[Source]:
        """The stored sources, newest publication first."""
        result = self.check()
        sources = result.knowledge.sources.values() if result.knowledge else ()
        return sorted(sources, key=lambda s: (s.published, s.id), reverse=True)

    def check(self) -> LoadResult:
        """Validate the knowledge on disk, as `python -m bot check` does.

        Read without the lock; files with problems are read again under it before they
        are reported, since a write of several files may be half done for a moment.
        """
        result = load_knowledge(self.root)
        if result.knowledge is None:
            with knowledge_lock(self.root):
                result = load_knowledge(self.root)
        return result

    def history(self, item_id: str | None = None, limit: int = 20) -> list[Change]:
        """Changes newest first, all of them or those about one entry or source."""
        return self.changes.history(item_id, limit)

    def history_page(self, item_id: str | None, before: int | None, limit: int) -> HistoryPage:
        """Up to `limit` changes older than change `before`, and how many older ones remain."""
        return self.changes.page(item_id, before, limit)

    # Writing entries

    def add_entry(self, data: Mapping[str, Any], actor: Actor) -> WriteResult:
        """Create a new entry from `data` (the mapping its YAML file holds)."""
        refused = self._refused_early(data)
        if refused is not None:
            return refused
        with self._writing() as listing:
            current = self._current(listing=listing)
            if isinstance(current, Refused):
                return current
            label = f"entries/{data.get('id', '')}.yaml"
            entry, problems = validate_entry_data(
                dict(data), current, label, self._claims_of(current)
            )
            if entry is None:
                return Refused(tuple(problems))
            staged = _with_entry(current, entry.id, entry)
            refused = self._checked(current, staged)
            if refused is not None:
                return refused
            text = entry_to_yaml(entry)
            existing = read_bytes(self._entry_path(entry.id))
            if existing is not None:
                return self._conflict(entry.id, existing, text)
            content = text.encode("utf-8")
            return self._commit_entry(current, staged, entry.id, content, actor, Action.ADD)

    def edit_entry(
        self, entry_id: str, data: Mapping[str, Any], base_version: str, actor: Actor
    ) -> WriteResult:
        """Replace the entry with `data`, if it is still at `base_version`.

        The id cannot change: `data["id"]` is taken to be `entry_id`. An entry removed
        since is a `Conflict` with no current text.
        """
        refused = self._refused_early({**data, "id": entry_id})
        if refused is not None:
            return refused
        with self._writing() as listing:
            current = self._current(listing=listing, writing=self._entry_path(entry_id))
            if isinstance(current, Refused):
                return current
            edit = _Edit(entry_id, {**data, "id": entry_id}, base_version, Action.EDIT, "")
            return self._replace_entry(current, edit, actor)

    def add_phrasing(self, entry_id: str, phrasing: str, actor: Actor) -> WriteResult:
        """Add one phrasing to the entry as it is now (spacing evened out)."""
        phrasing = " ".join(phrasing.split())
        with self._writing() as listing:
            current = self._current(listing=listing, writing=self._entry_path(entry_id))
            stored = current if isinstance(current, Refused) else self._stored(current, entry_id)
            if isinstance(stored, Refused):
                return stored
            entry = stored.entry
            if not clean(phrasing):
                return self._refuse(entry_id, Moderation.PHRASING_EMPTY)
            known = {p.casefold() for p in (entry.question, *entry.phrasings)}
            if phrasing.casefold() in known:
                message = Moderation.PHRASING_PRESENT.format(entry_id=entry_id, phrasing=phrasing)
                return self._refuse(entry_id, message)
            data = entry_to_data(dataclasses.replace(entry, phrasings=(*entry.phrasings, phrasing)))
            edit = _Edit(entry_id, data, stored.version, Action.PHRASE_ADD, phrasing)
            return self._replace_entry(current, edit, actor)

    def remove_phrasing(self, entry_id: str, phrasing: str, actor: Actor) -> WriteResult:
        """Remove one phrasing from the entry, matched as the duplicate check matches.

        What `add_phrasing` refuses as already there must be removable as typed: the same
        case, spacing, typographic marks, trailing punctuation and invisible characters.
        """
        wanted = claim_key(phrasing)
        with self._writing() as listing:
            current = self._current(listing=listing, writing=self._entry_path(entry_id))
            stored = current if isinstance(current, Refused) else self._stored(current, entry_id)
            if isinstance(stored, Refused):
                return stored
            entry = stored.entry
            kept = tuple(p for p in entry.phrasings if claim_key(p) != wanted)
            if len(kept) == len(entry.phrasings):
                message = Moderation.PHRASING_ABSENT.format(entry_id=entry_id, phrasing=phrasing)
                return self._refuse(entry_id, message)
            removed = next(p for p in entry.phrasings if p not in kept)
            data = entry_to_data(dataclasses.replace(entry, phrasings=kept))
            edit = _Edit(entry_id, data, stored.version, Action.PHRASE_REMOVE, removed)
            return self._replace_entry(current, edit, actor)

    def remove_entry(
        self, entry_id: str, actor: Actor, base_version: str | None = None
    ) -> WriteResult:
        """Delete the entry; with `base_version`, only if it has not changed since."""
        with self._writing() as listing:
            current = self._current(listing=listing, writing=self._entry_path(entry_id))
            stored = current if isinstance(current, Refused) else self._stored(current, entry_id)
            if isinstance(stored, Refused):
                return stored
            if base_version is not None and base_version != stored.version:
                return self._conflict(entry_id, stored.text.encode("utf-8"), None)
            staged = _with_entry(current, entry_id, None)
            refused = self._checked(current, staged) if staged.entries else None
            if refused is not None:
                return refused
            return self._commit_entry(
                current, staged, entry_id, None, actor, Action.REMOVE, stored.entry.question
            )

    # Writing sources

    def add_source(self, data: Mapping[str, Any], text: str, actor: Actor) -> WriteResult:
        """Store a new source: its metadata (`data`, as its YAML file holds) and its text.

        `added` defaults to today (UTC). The text is stored exactly as given.
        """
        data = {"added": datetime.now(UTC).date().isoformat(), **data}
        source_id = str(data.get("id", ""))
        with self._writing():
            current = self._current()
            if isinstance(current, Refused):
                return current
            source, problems = validate_source_data(data, text, f"sources/{source_id}.yaml")
            if source is None:
                return Refused(tuple(problems))
            meta = self.root / "sources" / f"{source.id}.yaml"
            body = meta.with_suffix(".txt")
            if os.path.lexists(meta) or os.path.lexists(body):
                message = Moderation.SOURCE_EXISTS.format(source_id=source.id)
                return Refused((Problem(f"sources/{source.id}.yaml", message),))
            files = {body: text.encode("utf-8"), meta: source_to_yaml(source).encode("utf-8")}
            return self._commit(
                actor, Action.SOURCE_ADD, ItemKind.SOURCE, source.id, files, before=current
            )

    # Writing the vocabulary

    def add_word(self, file: str, field: str, word: str, meaning: str, actor: Actor) -> WriteResult:
        """Add a word to a list of vocabulary file `file` (made when new), or an alias.

        `field` is `names`, `people`, `protagonists`, `topics` or `aliases`; `meaning` is
        what an alias is read as ("" for a list). The file is rewritten in the documented
        format (knowledge/README.md), its notes included.
        """
        change = partial(
            changed_vocabulary, field_name=field, word=word, meaning=meaning, adding=True
        )
        detail = f"{field}: {' '.join(word.split())}" + (f" → {meaning}" if meaning else "")
        return self._change_vocabulary(file, change, detail, actor)

    def remove_word(self, file: str, field: str, word: str, actor: Actor) -> WriteResult:
        """Remove a word (or an alias) from vocabulary file `file`; an emptied file goes."""
        change = partial(changed_vocabulary, field_name=field, word=word, meaning="", adding=False)
        detail = f"{field}: {' '.join(word.split())}"
        found = self._change_vocabulary(file, change, detail, actor, adding=False)
        holders = files_holding(self._known[1].vocabulary, field, word) if self._known else []
        if isinstance(found, Refused) and holders and file not in holders:
            # Not in the file named, but in another: say which, so it can be removed there.
            files = ", ".join(f"`{name}`" for name in holders)
            hint = Moderation.VOCAB_HELD_IN.format(field=field, files=files)
            found = Refused(
                tuple(dataclasses.replace(p, message=f"{p.message} {hint}") for p in found.problems)
            )
        return found

    def add_forms(
        self, file: str, endings: str, stem: str, meaning: str, actor: Actor
    ) -> WriteResult:
        """Read every case form of `stem` (with each of `endings`) as `meaning`.

        `endings` names a set the engine knows or lists endings with commas
        (`vocabulary.typed_endings`); the stem joins `forms:` of file `file` as a line of
        the documented format, with the same history and undo as any change.
        """
        change = partial(added_forms, endings=endings, stem=stem, meaning=meaning)
        detail = f"forms ({' '.join(endings.split())}): {stem} → {meaning}"
        return self._change_vocabulary(file, change, detail, actor)

    def remove_forms(self, file: str, stem: str, endings: str | None, actor: Actor) -> WriteResult:
        """Stop reading `stem`'s case forms from `file`: those of `endings`, or all of them."""
        change = partial(removed_forms, endings=endings, stem=stem)
        detail = f"forms ({' '.join(endings.split())}): {stem}" if endings else f"forms: {stem}"
        return self._change_vocabulary(file, change, detail, actor, adding=False)

    def _change_vocabulary(
        self,
        file: str,
        change: Callable[[Vocabulary], Vocabulary | Problem | str],
        detail: str,
        actor: Actor,
        adding: bool = True,
    ) -> WriteResult:
        """Apply `change` to vocabulary file `file` and write it, checked like every write.

        `change` says why it cannot be done as a message (or the checker's problem) about
        the file, which the refusal names.
        """
        label = f"vocabulary/{file}.yaml"
        if not FILE_NAME.fullmatch(file) or file in RESERVED_NAMES:
            return Refused((Problem("", Moderation.VOCAB_BAD_FILE.format(file=file)),))
        with self._writing():
            current = self._current()
            if isinstance(current, Refused):
                return current
            changed = change(current.vocabulary.get(file, Vocabulary()))
            if isinstance(changed, str):
                return Refused((Problem(label, changed),))
            if isinstance(changed, Problem):
                return Refused((dataclasses.replace(changed, file=label),))
            content = None if is_empty(changed) else vocabulary_to_yaml(changed).encode("utf-8")
            action = Action.VOCAB_ADD if adding else Action.VOCAB_REMOVE
            path = self.root / "vocabulary" / f"{file}.yaml"
            files = {path: content}
            staged = self._vocabulary_staged(current, files)
            return self._commit(
                actor,
                action,
                ItemKind.VOCABULARY,
                label,
                files,
                detail,
                staged=staged,
                before=current,
            )

    # Undo

    def undo(self, actor: Actor, change_id: int | None = None) -> WriteResult:
        """Restore the files exactly as they were before a change (default: the last one).

        Refused with a `Conflict` when a later change still in effect or a hand edit touched
        the same file, so an undo never silently discards newer work: undo the later change
        first (the conflict names it), or edit the entry. Refused with the problems while
        the files on disk have some, as every other write is.
        """
        with self._writing():
            current = self._current()
            if isinstance(current, Refused):
                return current
            target = self._undo_target(change_id)
            if isinstance(target, Refused):
                return target
            files = self.changes.files(target.id)
            first = self.changes.to_undo_first(target.id)
            for file in files:
                content = read_bytes(self.root / file.path)
                if first is not None or content != file.after:
                    return Conflict(target.item_id, _text(content), _text(file.before), first)
            restored = {self.root / f.path: f.before for f in reversed(files)}
            detail = f"#{target.id} {target.action}"
            return self._commit(
                actor,
                Action.UNDO,
                target.kind,
                target.item_id,
                restored,
                detail,
                target.id,
                before=current,
            )

    def _undo_target(self, change_id: int | None) -> Change | Refused:
        if change_id is None:
            target = self.changes.last_undoable()
            message = Moderation.NOTHING_TO_UNDO
        else:
            target = self.changes.get(change_id)
            message = Moderation.NO_CHANGE.format(change_id=change_id)
        if target is None:
            return Refused((Problem("", message),))
        if target.undone_by is not None:
            message = Moderation.ALREADY_UNDONE.format(
                change_id=target.id, undo_id=target.undone_by
            )
            return Refused((Problem("", message),))
        return target

    # Export

    def export(self) -> bytes | Refused:
        """The knowledge as a zip of its YAML files and source texts.

        Refused, with nothing packed, while the folder holds a link or anything else that
        is not a regular file within its size limit: a link is never followed, so what it
        points at (a secret) can never leave in an export.
        """
        buffer = io.BytesIO()
        problems = list(folder_problems(self.root))
        with (
            knowledge_lock(self.root),
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            for path in knowledge_files(self.root):
                name = self._relative(path)
                try:
                    archive.writestr(name, read_regular(path))
                except FileRefused as refused:
                    problems.append(Problem(name, refusal_message(refused)))
        return Refused(tuple(problems)) if problems else buffer.getvalue()

    # The common write path

    def _replace_entry(self, current: Knowledge, edit: _Edit, actor: Actor) -> WriteResult:
        path = self._entry_path(edit.entry_id)
        existing = read_bytes(path) if edit.entry_id in current.entries else None
        label = f"entries/{edit.entry_id}.yaml"
        entry, problems = validate_entry_data(edit.data, current, label, self._claims_of(current))
        if entry is None:
            return Refused(tuple(problems))
        staged = _with_entry(current, entry.id, entry)
        refused = self._checked(current, staged)
        if refused is not None:
            return refused
        text = entry_to_yaml(entry)
        if existing is None or version_of(existing) != edit.base_version:
            return self._conflict(edit.entry_id, existing, text)
        content = text.encode("utf-8")
        return self._commit_entry(
            current, staged, entry.id, content, actor, edit.action, edit.detail
        )

    def _checked(self, current: Knowledge, staged: Knowledge) -> Refused | None:
        """The write check's refusal of a write from `current` to `staged` (None: none)."""
        if self.write_check is None:
            return None
        problems = tuple(self.write_check(current, staged))
        return Refused(problems) if problems else None

    def _commit_entry(
        self,
        current: Knowledge,
        staged: Knowledge,
        entry_id: str,
        content: bytes | None,
        actor: Actor,
        action: Action,
        detail: str = "",
    ) -> Applied | Refused:
        """Write one entry's file over `current`, the snapshot of the folder as it is now.

        Only that file is read back as a load would read it (`load_entry_file`): `staged`,
        `current` with the entry saved (or removed), is what a load of the whole folder
        would give, since every other file is as `current` was loaded from it and the
        entry was checked against the others already (claims, sources). A file that does
        not read back as exactly that entry is checked by loading the whole would-be
        folder, as every other write is.
        """
        path = self._entry_path(entry_id)
        files: dict[Path, bytes | None] = {path: content}
        checked = self._entry_file_checked(current, staged, entry_id, content)
        if checked is None:
            return self._commit(actor, action, ItemKind.ENTRY, entry_id, files, detail)
        if checked.knowledge is None:
            return Refused(checked.problems)
        claims = self._claims_of(current).edited(
            current.entries.get(entry_id), staged.entries.get(entry_id)
        )
        applied = self._commit(
            actor, action, ItemKind.ENTRY, entry_id, files, detail, staged=checked
        )
        if isinstance(applied, Applied):
            self._claims = (staged, claims)
        return applied

    def _entry_file_checked(
        self, current: Knowledge, staged: Knowledge, entry_id: str, content: bytes | None
    ) -> LoadResult | None:
        """The load result of writing one entry's file over `current` (None: load it all)."""
        unsafe_folders = folder_problems(self.root)
        if unsafe_folders:
            return LoadResult(None, tuple(unsafe_folders))
        if content is None:
            if not staged.entries:
                return LoadResult(None, (Problem("entries", Check.NO_ENTRIES),))
            return LoadResult(staged, ())
        entry, problems = load_entry_file(entry_id, content, current.sources)
        if problems:
            return LoadResult(None, problems)
        return LoadResult(staged, ()) if entry == staged.entries[entry_id] else None

    def _commit(
        self,
        actor: Actor,
        action: Action,
        kind: ItemKind,
        item_id: str,
        files: dict[Path, bytes | None],
        detail: str = "",
        undoes: int | None = None,
        staged: LoadResult | None = None,
        before: Knowledge | None = None,
    ) -> Applied | Refused:
        """Validate the would-be knowledge, then record, write and publish the change.

        `staged` is the would-be knowledge already checked (by `_commit_entry`) over the
        snapshot `_current` just remembered; without it the whole would-be folder is loaded,
        and, with `before` (the knowledge the write starts from), given to the write check.
        """
        if staged is not None:
            seen = self._known[0] if self._known is not None else None
        else:
            # Taken before the folder is read for the check: a hand edit landing while it
            # is checked and written then differs from the fingerprint this write leaves,
            # so the watcher reloads it instead of the store taking it as served.
            seen = fingerprint(self.root)
            staged = self._load_staged(files)
        if staged.knowledge is None:
            return Refused(staged.problems)
        refused = self._checked(before, staged.knowledge) if before is not None else None
        if refused is not None:
            return refused
        changed = [
            FileChange(self._relative(path), read_bytes(path), content)
            for path, content in files.items()
        ]
        try:
            change_id = self.changes.begin(actor, action, kind, item_id, changed, detail, undoes)
        except sqlite3.Error as error:
            # Nothing written yet: refused like a failed write, so the moderator keeps the
            # text and may retry.
            event(log, "change_log_failed", logging.ERROR, item=item_id, error=error)
            message = Moderation.WRITE_FAILED.format(error=error)
            return Refused((Problem(changed[0].path, message),))
        written: dict[Path, os.stat_result | None] = {}
        try:
            for path, content in files.items():
                written[path] = put(path, content)
        except OSError as error:
            if not self._recover_change(change_id):
                event(log, "knowledge_write_failed", logging.ERROR, item=item_id, error=error)
                message = Moderation.WRITE_FAILED.format(error=error.strerror or error)
                return Refused((Problem(changed[0].path, message),))
            # Every file was in place when it failed (syncing the folder, after the rename):
            # the change stands, recorded as done, and is served.
            event(log, "knowledge_write_unsynced", logging.WARNING, item=item_id, error=error)
        else:
            self._finish(change_id, item_id)
        if seen is None or len(written) < len(files):  # a file put, its folder unsynced
            after = fingerprint(self.root)
        else:
            after = refingerprinted(self.root, seen, written)
        self._known = (after, staged.knowledge)
        event(log, "knowledge_changed", change=change_id, action=action, kind=kind, item=item_id)
        for callback in self._subscribers:
            callback(staged.knowledge)
        entry_file = files.get(self._entry_path(item_id)) if kind is ItemKind.ENTRY else None
        return Applied(change_id, item_id, version_of(entry_file))

    def _vocabulary_staged(self, current: Knowledge, files: dict[Path, bytes | None]) -> LoadResult:
        """The knowledge as it would be with vocabulary `files` written over `current`.

        `current` is the folder as it is now; a load reads the vocabulary apart from the
        rest (`load_vocabulary`), so only the vocabulary folder is staged and read again,
        not every entry (seconds at 10,000 entries).
        """
        unsafe_folders = folder_problems(self.root)
        if unsafe_folders:
            return LoadResult(None, tuple(unsafe_folders))
        with tempfile.TemporaryDirectory(prefix="vocabulary-stage-") as stage_dir:
            stage = Path(stage_dir)
            folder = self.root / "vocabulary"
            (stage / "vocabulary").mkdir()
            for path in knowledge_files(self.root):
                if path.parent == folder:
                    _stage_copy(path, stage / "vocabulary" / path.name)
            _stage_files(self.root, stage, files)
            vocabulary, problems = load_vocabulary(stage)
        if problems:
            return LoadResult(None, problems)
        return LoadResult(dataclasses.replace(current, vocabulary=vocabulary), ())

    def _load_staged(self, files: dict[Path, bytes | None]) -> LoadResult:
        """Load the knowledge as it would be with `files` written, without touching disk.

        A link or other non-regular file is staged as one, so the staged load refuses it
        exactly as a load of the folder would, and nothing is ever followed.
        """
        unsafe_folders = folder_problems(self.root)
        if unsafe_folders:
            return LoadResult(None, tuple(unsafe_folders))
        with tempfile.TemporaryDirectory(prefix="knowledge-stage-") as stage_dir:
            stage = Path(stage_dir)
            for path in knowledge_files(self.root):
                target = stage / path.relative_to(self.root)
                target.parent.mkdir(parents=True, exist_ok=True)
                _stage_copy(path, target)
            _stage_files(self.root, stage, files)
            result = load_knowledge(stage)
        problems = tuple(
            dataclasses.replace(p, file=p.file.replace(str(stage) + "/", ""))
            for p in result.problems
        )
        return LoadResult(result.knowledge, problems)

    # Helpers

    def _current(
        self, remember: bool = True, listing: Listing | None = None, writing: Path | None = None
    ) -> Knowledge | Refused:
        """The knowledge on disk; a write on top of broken files is refused with their problems.

        Reuses the snapshot of the last write or reload while no file has changed since,
        which halves the time a write takes. A write of one entry's file, holding the lock,
        gives the `listing` it took and the file it is `writing`: the snapshot holds while
        `still_as_seen` (no file added, removed or replaced, the file written not touched),
        without a stat of every file (tens of milliseconds at 10,000 entries); a file
        edited in place elsewhere reaches the store through the served knowledge's watcher,
        which reloads it (`reloaded`), as it would had it been edited just after the write.
        Only callers holding the knowledge lock `remember` what they loaded, so a reader
        racing a write never leaves a stale snapshot behind.
        """
        known = self._known
        written = () if writing is None else (writing,)
        if (
            known is not None
            and listing is not None
            and still_as_seen(self.root, known[0], listing, written)
        ):
            return known[1]
        seen = fingerprint(self.root)
        if known is not None and known[0] == seen:
            return known[1]
        result = load_knowledge(self.root)
        if result.knowledge is None:
            return Refused(result.problems)
        if remember:
            self._known = (seen, result.knowledge)
        return result.knowledge

    def _refused_early(self, data: Mapping[str, Any]) -> Refused | None:
        """The refusal of an entry that is invalid in itself, found before taking the lock.

        Showing a misquote's closest passage means searching its whole source, so other
        writers must not wait for it. The write validates again under the lock (a valid
        quote is found in one pass), against the knowledge as it then is.
        """
        known = self._known
        refused = self._refusal(data, known[1]) if known is not None else None
        if known is None or refused is not None:
            current = self._current(remember=False)
            if isinstance(current, Refused):
                return None
            if known is None or current is not known[1]:
                refused = self._refusal(data, current)
        return refused

    def _refusal(self, data: Mapping[str, Any], current: Knowledge) -> Refused | None:
        """The refusal of an entry's `data` against `current` (None: it is valid there).

        The early check uses the last snapshot without looking at the folder (a look at
        every file costs tens of milliseconds at 10,000 entries); only a refusal is checked
        again against the folder as it is, since the write validates a valid entry again.
        """
        label = f"entries/{data.get('id', '')}.yaml"
        entry, problems = validate_entry_data(dict(data), current, label, self._claims_of(current))
        return Refused(tuple(problems)) if entry is None else None

    def _claims_of(self, knowledge: Knowledge) -> ClaimIndex:
        """Who claims each question and phrasing in `knowledge`, made once per snapshot."""
        claims = self._claims
        if claims is None or claims[0] is not knowledge:
            claims = (knowledge, ClaimIndex.of(knowledge))
            self._claims = claims
        return claims[1]

    def _stored(self, current: Knowledge, entry_id: str) -> StoredEntry | Refused:
        entry = current.entries.get(entry_id)
        content = read_bytes(self._entry_path(entry_id)) if entry else None
        if entry is None or content is None:
            return self._refuse(entry_id, Moderation.NO_ENTRY.format(entry_id=entry_id))
        return StoredEntry(entry, content.decode("utf-8"), version_of(content) or "")

    def _entry_path(self, entry_id: str) -> Path:
        return self.root / "entries" / f"{entry_id}.yaml"

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def _conflict(self, item_id: str, current: bytes | None, refused: str | None) -> Conflict:
        return Conflict(item_id, _text(current), refused)

    @staticmethod
    def _refuse(entry_id: str, message: str) -> Refused:
        return Refused((Problem(f"entries/{entry_id}.yaml", message),))

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Listing]:
        """Hold the knowledge lock for a write, first repairing what a dead writer left.

        Yields the listing of the folders taken once the repair is done, which says
        whether the last snapshot still holds (`_current`).
        """
        with knowledge_lock(self.root):
            yield self._recover()

    def _recover(self) -> Listing:
        """Finish or roll back changes a crash interrupted, and remove temporary files.

        Returns the listing of the folders the temporary files were found in.
        """
        with knowledge_lock(self.root):
            for change_id in self.changes.pending():
                self._recover_change(change_id)
            listing = list_folders(self.root)
            for path in cleanup_leftovers(self.root, listing):
                event(log, "leftover_removed", file=self._relative(path))
            return listing

    def _finish(self, change_id: int, item_id: str) -> None:
        """Record the change as done; when the log cannot say so, the change still stands.

        Its files are written and checked: it is served. The log keeps it pending, and the
        next write's recovery finds its files as the change left them and finishes it.
        """
        try:
            self.changes.finish(change_id)
        except sqlite3.Error as error:
            event(log, "change_log_unfinished", logging.ERROR, change=change_id, error=error)

    def _recover_change(self, change_id: int) -> bool:
        """Finish or roll back one change (True: finished, its files all in place).

        The snapshot remembered is then loaded again.
        """
        self._known = None
        files = self.changes.files(change_id)
        current = {f.path: read_bytes(self.root / f.path) for f in files}
        if all(current[f.path] == f.after for f in files):
            self.changes.finish(change_id)
            event(log, "change_recovered", change=change_id, outcome="finished")
            return True
        for file in reversed(files):
            if current[file.path] == file.after and file.after != file.before:
                put(self.root / file.path, file.before)
        self.changes.discard(change_id)
        event(log, "change_recovered", change=change_id, outcome="rolled_back")
        return False


def _with_entry(knowledge: Knowledge, entry_id: str, entry: Entry | None) -> Knowledge:
    """`knowledge` with the entry of `entry_id` saved as `entry` (removed when None).

    Entries stay in the order a load lists them (by file name), so the snapshot is the one
    a load of the folder would give, and an engine updated to it keeps its order.
    """
    entries = dict(knowledge.entries)
    if entry is None:
        entries.pop(entry_id, None)
    elif entry_id in entries:
        entries[entry_id] = entry
    else:
        entries[entry_id] = entry
        entries = {key: entries[key] for key in sorted(entries, key=_file_name)}
    return dataclasses.replace(knowledge, entries=entries)


def _file_name(entry_id: str) -> str:
    return f"{entry_id}.yaml"


def _stage_files(root: Path, stage: Path, files: dict[Path, bytes | None]) -> None:
    """Write `files` (paths under `root`; None: removed) over their copies in `stage`."""
    for path, content in files.items():
        target = stage / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(content)


def _stage_copy(path: Path, target: Path) -> None:
    """Copy one knowledge name into the stage as it is: a link as a link, never followed.

    Anything else that is not a regular file is staged as an empty folder, which the loader
    refuses with the same message.
    """
    if path.is_symlink():
        os.symlink(os.readlink(path), target)
    elif path.is_dir() or not path.is_file():
        target.mkdir()
    else:
        shutil.copyfile(path, target, follow_symlinks=False)


def decode_upload(raw: bytes) -> str | Refused:
    """The text of an attached `.txt` file (UTF-8, a byte-order mark dropped), or a refusal."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Refused((Problem("", Moderation.TEXT_NOT_UTF8),))


def _text(content: bytes | None) -> str | None:
    return None if content is None else content.decode("utf-8", errors="replace")
