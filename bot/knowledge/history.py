"""Who changed what in the knowledge, and the exact bytes before and after, in SQLite.

The files stay the single truth; this record is what makes `history` and `undo` work across
restarts. A change is written ahead of the files as *pending* and marked *done* once they
are in place, so a crash in between is found at the next start and rolled back to the exact
bytes before it (see `KnowledgeStore`). Moderators' Discord ids are kept here, because the
issue demands to know who did what, and never in the log.

Every method blocks on SQLite; call it through `asyncio.to_thread` from async code.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from bot.ops import database
from bot.ops.logs import event

log = logging.getLogger("briefing.history")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    undoes INTEGER REFERENCES changes(id),
    state TEXT NOT NULL DEFAULT 'pending'
);
CREATE INDEX IF NOT EXISTS changes_by_item ON changes(kind, item_id, id);
CREATE TABLE IF NOT EXISTS change_files (
    change_id INTEGER NOT NULL REFERENCES changes(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    before BLOB,
    after BLOB,
    PRIMARY KEY (change_id, path)
);
"""


class Action(StrEnum):
    """What a change did; shown in `history`."""

    ADD = "add"
    EDIT = "edit"
    PHRASE_ADD = "phrase-add"
    PHRASE_REMOVE = "phrase-remove"
    REMOVE = "remove"
    SOURCE_ADD = "source-add"
    VOCAB_ADD = "vocab-add"
    VOCAB_REMOVE = "vocab-remove"
    UNDO = "undo"


class ItemKind(StrEnum):
    """What a change touched."""

    ENTRY = "entry"
    SOURCE = "source"
    VOCABULARY = "vocabulary"


def _storable(text: str) -> str:
    """`text` as SQLite can store it.

    A lone surrogate (half of a character a client sent wrongly, as a display name may
    hold) becomes "?".
    """
    return text.encode("utf-8", errors="replace").decode("utf-8")


@dataclass(frozen=True)
class Actor:
    """Who made a change: a Discord user id (a number) and the name shown at the time."""

    id: int
    name: str


@dataclass(frozen=True)
class FileChange:
    """One file a change touched, relative to the knowledge folder; None means absent."""

    path: str
    before: bytes | None
    after: bytes | None


@dataclass(frozen=True)
class Change:
    """One recorded change, as `history` lists it.

    `undone_by` is the id of the undo that reverts it, if any still does (an undo itself
    undone puts its change back); `undoes` is set on an undo.
    `at` is a UTC ISO time.
    """

    id: int
    at: str
    actor: Actor
    action: Action
    kind: ItemKind
    item_id: str
    detail: str
    undoes: int | None
    undone_by: int | None


@dataclass(frozen=True)
class HistoryPage:
    """Changes newest first, as `history` lists them, and how many older ones it leaves out.

    `item_id` and `before` are what it was asked for (None: every item, the newest), so
    the moderator can be told how to reach the older changes and why a page is empty.
    """

    changes: list[Change]
    older: int
    item_id: str | None
    before: int | None


class ChangeLog:
    """The `changes` and `change_files` tables of the bot's database."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None

    def close(self) -> None:
        """Close the connection kept open (a later call opens one again)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def begin(
        self,
        actor: Actor,
        action: Action,
        kind: ItemKind,
        item_id: str,
        files: Sequence[FileChange],
        detail: str = "",
        undoes: int | None = None,
    ) -> int:
        """Record a change as pending, before its files are written; return its id."""
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO changes (at, actor_id, actor_name, action, kind, item_id, detail,"
                " undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (_now(), actor.id, _storable(actor.name), action, kind, item_id, detail, undoes),
            )
            change_id = int(cursor.lastrowid or 0)
            connection.executemany(
                "INSERT INTO change_files (change_id, path, before, after) VALUES (?, ?, ?, ?)",
                [(change_id, f.path, f.before, f.after) for f in files],
            )
        return change_id

    def finish(self, change_id: int) -> None:
        """Record a change as done: its files are in place."""
        with self._connect() as connection:
            connection.execute("UPDATE changes SET state = 'done' WHERE id = ?", (change_id,))

    def discard(self, change_id: int) -> None:
        """Forget a pending change whose files were never (or no longer) written."""
        with self._connect() as connection:
            connection.execute("DELETE FROM change_files WHERE change_id = ?", (change_id,))
            connection.execute("DELETE FROM changes WHERE id = ?", (change_id,))

    def pending(self) -> list[int]:
        """Changes begun but never finished (a crash between `begin` and `finish`).

        Empty when the database cannot be read (corrupted, locked): the store still opens,
        so members keep getting answers, and each write then fails with its own error.
        """
        try:
            with self._connect() as connection:
                rows = connection.execute(
                    "SELECT id FROM changes WHERE state = 'pending' ORDER BY id"
                )
                return [row[0] for row in rows]
        except sqlite3.Error as error:
            event(log, "change_log_unreadable", logging.ERROR, problem=str(error))
            return []

    def files(self, change_id: int) -> list[FileChange]:
        """The files a change touched, with their exact bytes before and after."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT path, before, after FROM change_files WHERE change_id = ? ORDER BY path",
                (change_id,),
            )
            return [FileChange(path, _blob(before), _blob(after)) for path, before, after in rows]

    def history(
        self, item_id: str | None = None, limit: int = 20, before: int | None = None
    ) -> list[Change]:
        """Done changes, newest first; only those about `item_id` and older than `before`."""
        where, params = _filter(item_id, before)
        return self._select(where, params, limit)

    def page(self, item_id: str | None, before: int | None, limit: int) -> HistoryPage:
        """A page of `history`, counting the older changes it leaves out."""
        changes = self.history(item_id, limit, before)
        older = self._count(item_id, changes[-1].id) if changes else 0
        return HistoryPage(changes, older, item_id, before)

    def get(self, change_id: int) -> Change | None:
        """One done change, or None when there is no such change."""
        found = self._select("c.state = 'done' AND c.id = ?", [change_id], 1)
        return found[0] if found else None

    def to_undo_first(self, change_id: int) -> int | None:
        """The change to take back before `change_id` may be (None: it may be now).

        Undoing a change by its number must never throw away later work, even work that
        left the file's bytes as the change left them (a phrasing removed, then added
        again). A change redone since is held by its redo, which is what to undo; another
        chain of changes to the same file that changed it since `change_id` (an odd number
        of its links are later: a change and its undo cancel out) goes first, by its newest
        link, which is what a plain undo would take back.
        """
        with self._connect() as connection:
            chains = _Chains.read(connection)
            rows = connection.execute(
                "SELECT DISTINCT c.id FROM change_files f JOIN changes c ON c.id = f.change_id"
                " WHERE c.state = 'done' AND f.path IN"
                " (SELECT path FROM change_files WHERE change_id = ?)",
                (change_id,),
            ).fetchall()
        newest = chains.newest_link(change_id)
        if newest != change_id:
            return newest
        sharing = {chains.origin[row[0]] for row in rows} - {chains.origin[change_id]}
        changed_since = [
            chains.links[origin][-1]
            for origin in sharing
            if sum(link > change_id for link in chains.links[origin]) % 2
        ]
        return max(changed_since, default=None)

    def last_undoable(self) -> Change | None:
        """The change a plain undo takes back: the newest link of a chain in effect.

        A redo puts a change back, so it is the one to take back in turn; an undo is not,
        so repeating undo walks further back instead of undoing itself.
        """
        with self._connect() as connection:
            chains = _Chains.read(connection)
        in_effect = [links[-1] for links in chains.links.values() if chains.in_effect(links)]
        return self.get(max(in_effect)) if in_effect else None

    def _count(self, item_id: str | None, before: int) -> int:
        where, params = _filter(item_id, before)
        with self._connect() as connection:
            row = connection.execute(f"SELECT COUNT(*) FROM changes c WHERE {where}", params)
            return int(row.fetchone()[0])

    def _select(self, where: str, params: list[object], limit: int) -> list[Change]:
        query = (
            "SELECT c.id, c.at, c.actor_id, c.actor_name, c.action, c.kind, c.item_id,"
            f" c.detail, c.undoes FROM changes c WHERE {where} ORDER BY c.id DESC LIMIT ?"
        )
        with self._connect() as connection:
            rows = connection.execute(query, [*params, limit]).fetchall()
            undone_by = _Chains.read(connection).undone_by()
        return [
            Change(
                id=row[0],
                at=row[1],
                actor=Actor(id=row[2], name=row[3]),
                action=Action(row[4]),
                kind=ItemKind(row[5]),
                item_id=row[6],
                detail=row[7],
                undoes=row[8],
                undone_by=undone_by.get(row[0]),
            )
            for row in rows
        ]

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """The log's one connection, for one call at a time (any thread), in one transaction.

        Kept open rather than opened per call: closing the last connection to the file
        checkpoints its write-ahead log, a sync of the file that cost a moderator's write
        tens of milliseconds three times over in a process with nothing else holding the
        database. A connection that fails is closed (what it began is rolled back) and
        opened again at the next call, so a file repaired meanwhile is used again.
        """
        with self._lock:
            if self._connection is None:
                self._connection = database.connect(self._path, schema=_SCHEMA)
                # A change is recorded as pending before its files are written: the record
                # must be on disk first, or a power cut could leave the files changed and
                # no record to roll them back or undo them by (WAL's normal syncing does
                # not sync a commit). One sync per moderator's write.
                self._connection.execute("PRAGMA synchronous=FULL")
            connection = self._connection
            try:
                connection.execute("BEGIN")
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                self._connection = None
                connection.close()
                raise


@dataclass(frozen=True)
class _Chains:
    """Done changes grouped with the undos that go back to them, each chain oldest first.

    An undo takes back a change, an undo of that undo puts it back (a redo), and so on:
    every link toggles its chain, so a chain is in effect when it has an odd number of
    links, and each link is undone by the next one while that one is itself in effect.
    Read this way, one view of the log decides what `history` says is in effect and what
    `undo` takes back, so the two never disagree.
    """

    links: dict[int, list[int]]
    origin: dict[int, int]

    @classmethod
    def read(cls, connection: sqlite3.Connection) -> _Chains:
        """Every done change's chain, from the log."""
        rows = connection.execute(
            "SELECT id, undoes FROM changes WHERE state = 'done' ORDER BY id"
        ).fetchall()
        links: dict[int, list[int]] = {}
        origin: dict[int, int] = {}
        for change_id, undoes in rows:
            origin[change_id] = origin.get(undoes, change_id) if undoes else change_id
            links.setdefault(origin[change_id], []).append(change_id)
        return cls(links, origin)

    @staticmethod
    def in_effect(links: list[int]) -> bool:
        """Whether a chain leaves its first change in effect."""
        return len(links) % 2 == 1

    def newest_link(self, change_id: int) -> int:
        """The newest change of `change_id`'s chain."""
        return self.links[self.origin[change_id]][-1]

    def undone_by(self) -> dict[int, int]:
        """Which changes are undone, and by which change: the next link, while in effect."""
        undone_by: dict[int, int] = {}
        for links in self.links.values():
            for index in range(len(links) - 2, -1, -2):
                undone_by[links[index]] = links[index + 1]
        return undone_by


def _filter(item_id: str | None, before: int | None) -> tuple[str, list[object]]:
    """The condition picking done changes about `item_id` older than `before` (None: any)."""
    where, params = "c.state = 'done'", []
    if item_id is not None:
        where, params = f"{where} AND c.item_id = ?", [*params, item_id]
    if before is not None:
        where, params = f"{where} AND c.id < ?", [*params, before]
    return where, params


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _blob(value: bytes | memoryview | None) -> bytes | None:
    return None if value is None else bytes(value)
