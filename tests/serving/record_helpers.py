"""What the question record holds, read straight from its file as moderators' listings are."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime

from bot.engine import Engine
from bot.knowledge.model import Knowledge
from bot.serving.record import (
    _COLUMNS,
    QuestionRecord,
    RecordedQuestion,
    _from_row,
    unanswered_questions,
)

# An engine over no entries: it answers nothing, so every question recorded stays listed.
ANSWERS_NOTHING = Engine(Knowledge())


def answers_nothing() -> Engine:
    """The served engine of tests that list questions whatever the knowledge answers."""
    return ANSWERS_NOTHING


def unanswered_in(
    record: QuestionRecord, guild_id: int | None, since: datetime | None = None
) -> list[RecordedQuestion]:
    """The record's unanswered questions of a guild, as `/kb unanswered` reads them."""
    with contextlib.closing(sqlite3.connect(record._path)) as connection:
        return list(unanswered_questions(connection, guild_id, since))


def recorded(record: QuestionRecord, question_id: int) -> RecordedQuestion | None:
    """One recorded question as stored, or None when there is none."""
    with contextlib.closing(sqlite3.connect(record._path)) as connection:
        row = connection.execute(
            f"SELECT {_COLUMNS} FROM questions WHERE id = ?", (question_id,)
        ).fetchone()
    return _from_row(row) if row else None
