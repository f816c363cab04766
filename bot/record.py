"""The question record: every question asked, for moderators to see what the knowledge misses.

It keeps what a moderator needs to improve the knowledge (the words asked, whether and with
which entry they were answered, the score, where and when) and deliberately nothing about
who asked: there is no column for a member, so no caller can store one by mistake. Rows
older than the retention period are pruned.

One SQLite file in the data folder, in WAL mode so a moderator's read never blocks a
question being recorded. The moderation helper adds its own tables to the same file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine.decision import Decision

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
    missed_at TEXT
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
"""

_COLUMNS = (
    "id, asked_at, question, answered, entry_id, score, suggested, guild_id, channel_id, missed_at"
)


@dataclass(frozen=True)
class RecordedQuestion:
    """One recorded question as moderators see it.

    `entry_id` is the entry that answered it, or None; `suggested` the entries offered
    instead; `missed` is true when a member pressed "Not what I asked" on the answer.
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


class QuestionRecord:
    """The record of questions asked, on SQLite; open it once and share it."""

    def __init__(
        self,
        path: Path,
        retention_days: int,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._retention = timedelta(days=retention_days)
        self._now = now
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.executescript(_SCHEMA)

    @property
    def connection(self) -> sqlite3.Connection:
        """The open database, for modules that keep their own tables in the same file."""
        return self._db

    def record(
        self, question: str, decision: Decision, guild_id: int | None, channel_id: int | None
    ) -> int:
        """Store one question and the engine's decision on it; return the row id.

        The id is what the "Not what I asked" button carries, so the miss can be tied
        to the question without remembering who pressed it.
        """
        answered = decision.answered and decision.entry is not None
        cursor = self._db.execute(
            "INSERT INTO questions"
            " (asked_at, question, answered, entry_id, score, suggested, guild_id, channel_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _stamp(self._now()),
                question,
                int(answered),
                decision.entry.id if answered and decision.entry else None,
                float(decision.score),
                ",".join(s.entry_id for s in decision.suggestions),
                guild_id,
                channel_id,
            ),
        )
        return int(cursor.lastrowid or 0)

    def mark_miss(self, question_id: int) -> bool:
        """Record that the answer to `question_id` was not what was asked.

        Returns False when the question is unknown (for example pruned since).
        """
        cursor = self._db.execute(
            "UPDATE questions SET missed_at = COALESCE(missed_at, ?) WHERE id = ?",
            (_stamp(self._now()), question_id),
        )
        return cursor.rowcount > 0

    def get(self, question_id: int) -> RecordedQuestion | None:
        """One recorded question, or None when it is unknown."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM questions WHERE id = ?", (question_id,)
        ).fetchone()
        return _from_row(row) if row else None

    def unanswered(
        self, since: datetime | None = None, limit: int | None = None
    ) -> list[RecordedQuestion]:
        """Questions the knowledge did not serve, newest first (see `unanswered_questions`)."""
        return unanswered_questions(self._db, since, limit)

    def prune(self) -> int:
        """Delete questions older than the retention period; return how many went."""
        cutoff = _stamp(self._now() - self._retention)
        cursor = self._db.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))
        return cursor.rowcount

    def close(self) -> None:
        """Close the database; the record is unusable afterwards."""
        self._db.close()


def unanswered_questions(
    connection: sqlite3.Connection, since: datetime | None = None, limit: int | None = None
) -> list[RecordedQuestion]:
    """Questions the knowledge did not serve, newest first, at most `limit` of them.

    That is every question the bot abstained on, and every answer a member marked
    "Not what I asked": both point at a gap in the knowledge. Takes any connection to the
    record's file, so a reader in another thread can use its own (the record's connection
    belongs to the event loop's thread).
    """
    cutoff = _stamp(since) if since else ""
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM questions"
        " WHERE (answered = 0 OR missed_at IS NOT NULL) AND asked_at >= ?"
        " ORDER BY asked_at DESC, id DESC LIMIT ?",
        (cutoff, -1 if limit is None else limit),
    ).fetchall()
    return [_from_row(row) for row in rows]


def _stamp(moment: datetime) -> str:
    """An ISO timestamp in UTC, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _from_row(row: tuple) -> RecordedQuestion:
    rid, asked_at, question, answered, entry_id, score, suggested, guild, channel, missed = row
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
    )
