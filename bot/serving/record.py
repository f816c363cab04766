"""The question record: every question asked, for moderators to see what the knowledge misses.

It keeps what a moderator needs to improve the knowledge (the words asked, whether and with
which entry they were answered, the score, where and when, and whether it was asked
privately) and deliberately nothing about who asked: there is no column for a member, so no
caller can store one by mistake. Rows older than the retention period are pruned.

The record must never take answering down with it. Every method is safe to call from a
worker thread and none raises on a database fault (locked by another process, read-only,
disk full, corrupted): the fault is logged once, counted in `status` (which health reports),
and the question is simply not recorded. While failing, the file is tried again at most
every `RETRY_SECONDS`, so a locked file costs one wait per retry, not one per question.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from bot.engine.decision import Decision
from bot.ops import database
from bot.ops.logs import event

log = logging.getLogger("briefing.record")

T = TypeVar("T")

# A question's write waits this long for another process's lock before counting as failed.
# It runs in a worker thread after the reply was sent, so the wait delays no one.
BUSY_SECONDS = 5.0
RETRY_SECONDS = 30.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    asked_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answered INTEGER NOT NULL,
    entry_id TEXT,
    score REAL NOT NULL,
    suggested TEXT NOT NULL DEFAULT '',
    guild_id INTEGER,
    channel_id INTEGER,
    missed_at TEXT,
    private INTEGER NOT NULL DEFAULT 0,
    tentative INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
"""
# Columns added since the first version, for files made before them.
_ADDED_COLUMNS = {
    "private": "INTEGER NOT NULL DEFAULT 0",
    "tentative": "INTEGER NOT NULL DEFAULT 0",
}

_COLUMNS = (
    "id, asked_at, question, answered, entry_id, score, suggested, guild_id, channel_id,"
    " missed_at, private, tentative"
)


@dataclass(frozen=True)
class RecordStatus:
    """Whether questions are being recorded: `problem` is the last fault, empty when none.

    `not_recorded` counts the questions lost since the bot started.
    """

    problem: str = ""
    not_recorded: int = 0


@dataclass(frozen=True)
class RecordedQuestion:
    """One recorded question as moderators see it.

    `entry_id` is the entry that answered it, or None; `suggested` the entries offered
    instead; `missed` is true when a member pressed "Not what I asked" on the answer;
    `tentative` when the answer was shown as only the closest covered question.
    """

    id: int
    asked_at: datetime
    question: str
    answered: bool
    entry_id: str | None
    score: float
    suggested: tuple[str, ...]
    guild_id: int | None
    channel_id: int | None
    missed: bool
    private: bool = False
    tentative: bool = False


class QuestionRecord:
    """The record of questions asked, on SQLite; open it once and share it.

    Opening never fails: a file that cannot be used is reported in `status` and tried again
    on later writes. Each call holds a lock, so worker threads take turns on the connection.
    """

    def __init__(
        self,
        path: Path,
        retention_days: int,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        busy_seconds: float = BUSY_SECONDS,
        retry_seconds: float = RETRY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._path = path
        self._retention = timedelta(days=retention_days)
        self._now = now
        self._busy_seconds = busy_seconds
        self._retry_seconds = retry_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        # Ids have a lock of their own: the event loop takes one for every reply, and must
        # not wait while a worker holds `_lock` on a busy file (up to `busy_seconds`).
        self._id_lock = threading.Lock()
        self._last_id = 0
        self._status = RecordStatus()
        self._retry_at = 0.0
        self._closed = False
        self._attempt(lambda db: None, None)

    @property
    def status(self) -> RecordStatus:
        """Whether questions are being recorded, for health and for moderators."""
        return self._status

    def new_id(self) -> int:
        """A fresh question id, known before the question is written.

        The reply carries it on its "Not what I asked" button and is sent before the write,
        so it cannot come from the insert. Microseconds since the epoch, kept increasing:
        unique across restarts without reading the file.
        """
        with self._id_lock:
            self._last_id = max(self._last_id + 1, time.time_ns() // 1000)
            return self._last_id

    def record(
        self,
        question: str,
        decision: Decision,
        guild_id: int | None,
        channel_id: int | None,
        private: bool = False,
        question_id: int | None = None,
    ) -> int | None:
        """Store one question and the engine's decision on it; return its id, None if lost.

        The id is what the "Not what I asked" button carries, so the miss can be tied
        to the question without remembering who pressed it.
        """
        answered = decision.answered and decision.entry is not None
        row = (
            question_id if question_id is not None else self.new_id(),
            stamp(self._now()),
            question,
            int(answered),
            decision.entry.id if answered and decision.entry else None,
            float(decision.score),
            ",".join(s.entry_id for s in decision.suggestions),
            guild_id,
            channel_id,
            int(private),
            int(answered and decision.any_tentative),
        )

        def insert(db: sqlite3.Connection) -> int:
            db.execute(
                "INSERT INTO questions (id, asked_at, question, answered, entry_id, score,"
                " suggested, guild_id, channel_id, private, tentative)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return row[0]

        return self._attempt(insert, None, counted=True)

    def mark_miss(self, question_id: int, guild_id: int | None) -> bool:
        """Record that the answer to `question_id`, asked in `guild_id`, was not what was asked.

        Returns False when the question is unknown there (for example pruned since) or the
        record cannot be written.
        """

        def update(db: sqlite3.Connection) -> bool:
            cursor = db.execute(
                "UPDATE questions SET missed_at = COALESCE(missed_at, ?)"
                " WHERE id = ? AND guild_id IS ?",
                (stamp(self._now()), question_id, guild_id),
            )
            return cursor.rowcount > 0

        return self._attempt(update, False)

    def prune(self) -> int | None:
        """Delete questions older than the retention period, shrink the file; say how many.

        None when it could not run (the file cannot be used): not the same as nothing old.

        The words of questions moderators dismissed (`unanswered`'s table, in the same file)
        are members' words too, so they go after the same period.
        """
        cutoff = stamp(self._now() - self._retention)

        def delete(db: sqlite3.Connection) -> int:
            removed = db.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,)).rowcount
            if database.has_table(db, "dismissed"):
                db.execute("DELETE FROM dismissed WHERE at < ?", (cutoff,))
            database.shrink(db)
            return removed

        return self._attempt(delete, None)

    def close(self) -> None:
        """Close the database; later calls do nothing and return their fallback."""
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db = None
            self._closed = True

    def _attempt(
        self, work: Callable[[sqlite3.Connection], T], fallback: T, counted: bool = False
    ) -> T:
        """`work` on the database, or `fallback` when it fails or is resting after a failure.

        `counted` work is a question: when it is lost, it is counted as not recorded.
        """
        with self._lock:
            if self._closed:
                self._lost(counted)
                return fallback
            if self._status.problem and self._clock() < self._retry_at:
                self._lost(counted)
                return fallback
            try:
                result = work(self._db or self._open())
            except (sqlite3.Error, OSError) as error:
                self._failed(error, counted)
                return fallback
            if self._status.problem:
                event(log, "record_recovered", not_recorded=self._status.not_recorded)
                self._status = RecordStatus(not_recorded=self._status.not_recorded)
            return result

    def _open(self) -> sqlite3.Connection:
        db = database.connect(self._path, self._busy_seconds, _SCHEMA)
        try:
            database.add_missing_columns(db, "questions", _ADDED_COLUMNS)
            (last,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM questions").fetchone()
        except sqlite3.Error:
            db.close()
            raise
        with self._id_lock:
            self._last_id = max(self._last_id, last)
        self._db = db
        return db

    def _failed(self, error: Exception, counted: bool) -> None:
        """Log a fault once (not once per question), close the file and rest before retrying."""
        problem = str(error) or type(error).__name__
        if problem != self._status.problem:
            event(log, "record_failing", logging.ERROR, error=type(error).__name__, problem=problem)
        self._status = RecordStatus(problem, self._status.not_recorded)
        self._lost(counted)
        self._retry_at = self._clock() + self._retry_seconds
        if self._db is not None:
            self._db.close()
            self._db = None

    def _lost(self, counted: bool) -> None:
        if counted:
            self._status = RecordStatus(self._status.problem, self._status.not_recorded + 1)


def unanswered_questions(
    connection: sqlite3.Connection,
    guild_id: int | None,
    since: datetime | None = None,
    limit: int | None = None,
) -> Iterator[RecordedQuestion]:
    """Questions the knowledge did not serve in `guild_id`, newest first, at most `limit`.

    That is every question the bot abstained on, every answer a member marked "Not what
    I asked", and every answer shown as only the closest covered question: each points at
    a gap in the knowledge, or at a way of asking an entry does not list yet. Only the
    guild's own questions are listed, and never a private one (`/ask private:True`): a
    member who asked privately is not shown to anyone, moderators included. Takes any
    connection to the record's file, so a reader in another thread can use its own.

    Rows are read as they are taken, while the connection is open: a caller leaving out
    some (dismissed ones) reads on until it has as many as it wants, and no further.
    """
    cutoff = stamp(since) if since else ""
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM questions"
        " WHERE (answered = 0 OR missed_at IS NOT NULL OR tentative = 1) AND asked_at >= ?"
        " AND guild_id IS ? AND private = 0"
        " ORDER BY asked_at DESC, id DESC LIMIT ?",
        (cutoff, guild_id, -1 if limit is None else limit),
    )
    for row in rows:
        yield _from_row(row)


def stamp(moment: datetime) -> str:
    """An ISO timestamp in UTC, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _from_row(row: tuple) -> RecordedQuestion:
    (
        rid,
        asked_at,
        question,
        answered,
        entry_id,
        score,
        suggested,
        guild,
        channel,
        missed,
        private,
        tentative,
    ) = row
    return RecordedQuestion(
        id=rid,
        asked_at=datetime.fromisoformat(asked_at),
        question=question,
        answered=bool(answered),
        entry_id=entry_id,
        score=score,
        suggested=tuple(s for s in suggested.split(",") if s),
        guild_id=guild,
        channel_id=channel,
        missed=missed is not None,
        private=bool(private),
        tentative=bool(tentative),
    )
