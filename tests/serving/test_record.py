import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine.decision import Decision, Suggestion
from bot.knowledge.model import Citation, Entry
from bot.serving.record import QuestionRecord
from bot.serving.unanswered import UnansweredQuestions
from tests.knowledge.store_helpers import ALICE
from tests.serving.record_helpers import answers_nothing, recorded, unanswered_in

ENTRY = Entry(
    id="kosovo-outside-pfp",
    question="Why is Kosovo not part of NATO's Partnership for Peace?",
    answer="For political reasons.",
    topic="Membership",
    phrasings=(),
    citations=(Citation("src", "quote", "RFE/RL"),),
)
ANSWERED = Decision(question="why no pfp", answered=True, score=0.91, entry=ENTRY, as_of="2025-12")
ABSTAINED = Decision(
    question="what's the weather",
    answered=False,
    score=0.12,
    suggestions=(Suggestion("kosovo-outside-pfp", ENTRY.question),),
)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_records_answered_and_abstained_questions_with_place_and_time(tmp_path: Path):
    clock = Clock()
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30, now=clock)
    answered_id = record.record("why no pfp", ANSWERED, guild_id=111, channel_id=222)
    abstained_id = record.record("what's the weather", ABSTAINED, guild_id=None, channel_id=333)

    answered = recorded(record, answered_id)
    assert answered is not None
    assert (answered.question, answered.answered, answered.entry_id) == (
        "why no pfp",
        True,
        "kosovo-outside-pfp",
    )
    assert (answered.score, answered.guild_id, answered.channel_id) == (0.91, 111, 222)
    assert answered.asked_at == clock.now
    abstained = recorded(record, abstained_id)
    assert abstained is not None
    assert not abstained.answered
    assert abstained.entry_id is None
    assert abstained.suggested == ("kosovo-outside-pfp",)


def test_unanswered_lists_abstentions_and_marked_misses_newest_first(tmp_path: Path):
    clock = Clock()
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30, now=clock)
    missed = record.record("why no pfp", ANSWERED, 1, 2)
    clock.now += timedelta(minutes=1)
    record.record("why no pfp again", ANSWERED, 1, 2)
    clock.now += timedelta(minutes=1)
    abstained = record.record("what's the weather", ABSTAINED, 1, 2)

    assert record.mark_miss(missed, 1)
    assert [q.id for q in unanswered_in(record, 1)] == [abstained, missed]
    assert recorded(record, missed).missed
    assert [q.id for q in unanswered_in(record, 1, since=clock.now)] == [abstained]


def test_unanswered_lists_answers_shown_as_only_the_closest_question(tmp_path: Path):
    clock = Clock()
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30, now=clock)
    record.record("why no pfp", ANSWERED, 1, 2)
    clock.now += timedelta(minutes=1)
    loose = record.record("is it in any partnership", replace(ANSWERED, tentative=True), 1, 2)

    (listed,) = unanswered_in(record, 1)
    assert listed.id == loose
    assert listed.tentative and listed.answered
    assert listed.entry_id == "kosovo-outside-pfp"


def test_marking_an_unknown_question_is_refused(tmp_path: Path):
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30)
    assert not record.mark_miss(12345, 1)


def test_prune_removes_only_questions_older_than_retention(tmp_path: Path):
    clock = Clock()
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30, now=clock)
    old = record.record("old question", ABSTAINED, 1, 2)
    clock.now += timedelta(days=20)
    recent = record.record("recent question", ABSTAINED, 1, 2)
    clock.now += timedelta(days=15)

    assert record.prune() == 1
    assert recorded(record, old) is None
    assert recorded(record, recent) is not None


def test_record_has_no_column_for_who_asked(tmp_path: Path):
    path = tmp_path / "db.sqlite3"
    QuestionRecord(path, retention_days=30).record("why no pfp", ANSWERED, 1, 2)
    columns = {row[1] for row in sqlite3.connect(path).execute("PRAGMA table_info(questions)")}
    assert columns.isdisjoint({"user_id", "member_id", "author_id", "user", "member", "author"})
    assert columns == {
        "id",
        "asked_at",
        "question",
        "answered",
        "entry_id",
        "score",
        "suggested",
        "guild_id",
        "channel_id",
        "missed_at",
        "private",
        "tentative",
    }


def test_record_uses_write_ahead_logging(tmp_path: Path):
    path = tmp_path / "db.sqlite3"
    QuestionRecord(path, retention_days=30)
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_file_shrinks_after_pruning(tmp_path: Path):
    clock = Clock()
    path = tmp_path / "db.sqlite3"
    record = QuestionRecord(path, retention_days=30, now=clock)
    for number in range(2000):
        record.record(f"question {number} " + "words " * 40, ABSTAINED, 1, 2)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)")
    full = path.stat().st_size
    clock.now += timedelta(days=31)

    assert record.prune() == 2000
    assert path.stat().st_size < full / 10


def test_a_file_made_before_privacy_was_recorded_gains_the_column(tmp_path: Path):
    path = tmp_path / "db.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE questions (id INTEGER PRIMARY KEY AUTOINCREMENT, asked_at TEXT NOT NULL,"
        " question TEXT NOT NULL, answered INTEGER NOT NULL, entry_id TEXT, score REAL NOT NULL,"
        " suggested TEXT NOT NULL DEFAULT '', guild_id INTEGER, channel_id INTEGER, missed_at TEXT)"
    )
    old.execute(
        "INSERT INTO questions (asked_at, question, answered, score, guild_id)"
        " VALUES ('2026-11-27T12:00:00+00:00', 'an old one', 0, 0.1, 1)"
    )
    old.commit()
    old.close()

    record = QuestionRecord(path, retention_days=3650)
    private_id = record.record("a new private one", ABSTAINED, 1, 2, private=True)
    loose = record.record("a loose one", replace(ANSWERED, tentative=True), 1, 2)

    assert [q.question for q in unanswered_in(record, 1)] == ["a loose one", "an old one"]
    assert recorded(record, private_id).private
    assert recorded(record, loose).tentative


def test_a_record_that_cannot_be_opened_loses_questions_without_raising(tmp_path: Path):
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"garbage" * 1000)
    record = QuestionRecord(path, retention_days=30)

    assert record.record("why no pfp", ANSWERED, 1, 2) is None
    assert record.mark_miss(1, 1) is False
    assert record.prune() is None  # could not run: not "nothing was old enough"
    assert record.status.problem == "file is not a database"


def test_a_new_question_id_is_given_while_a_write_waits_on_a_busy_file(tmp_path: Path):
    """The event loop takes an id for every reply: it must not wait for the file."""
    path = tmp_path / "db.sqlite3"
    record = QuestionRecord(path, retention_days=30, busy_seconds=2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    writer = threading.Thread(target=record.record, args=("why no pfp", ANSWERED, 1, 2))
    writer.start()
    try:
        while not record._lock.locked():
            writer.join(0.01)
        first, second = record.new_id(), record.new_id()
        assert writer.is_alive(), "the write should still be waiting on the file"
        assert second > first
    finally:
        other.execute("ROLLBACK")
        other.close()
        writer.join()


def test_a_question_recorded_after_the_record_closed_is_counted_as_not_recorded(tmp_path: Path):
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30)
    record.close()
    assert record.record("why no pfp", ANSWERED, 1, 2) is None
    assert record.status.not_recorded == 1


def test_a_dismissed_questions_words_are_pruned_with_the_question(tmp_path: Path):
    """Dismissed on the last day of its retention, a question's words leave with it."""
    database = tmp_path / "bot.sqlite3"
    now = datetime.now(UTC)
    asked = QuestionRecord(database, retention_days=90, now=lambda: now - timedelta(days=89))
    asked.record("Did the mayor of Zenda get a seat at the assembly?", ABSTAINED, 1, 2)
    unanswered = UnansweredQuestions(database, answers_nothing)
    (group,) = unanswered.recent_groups(1)
    unanswered.dismiss(group, ALICE, 1)
    assert unanswered.dismissed_words(1)

    QuestionRecord(database, retention_days=90, now=lambda: now + timedelta(days=2)).prune()
    assert unanswered.dismissed_words(1) == []
