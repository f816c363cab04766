import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.engine.decision import Decision, Suggestion
from bot.knowledge.model import Citation, Entry
from bot.record import QuestionRecord

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

    answered = record.get(answered_id)
    assert answered is not None
    assert (answered.question, answered.answered, answered.entry_id) == (
        "why no pfp",
        True,
        "kosovo-outside-pfp",
    )
    assert (answered.score, answered.guild_id, answered.channel_id) == (0.91, 111, 222)
    assert answered.asked_at == clock.now
    abstained = record.get(abstained_id)
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

    assert record.mark_miss(missed)
    assert [q.id for q in record.unanswered()] == [abstained, missed]
    assert record.get(missed).missed
    assert [q.id for q in record.unanswered(since=clock.now)] == [abstained]


def test_marking_an_unknown_question_is_refused(tmp_path: Path):
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30)
    assert not record.mark_miss(12345)


def test_prune_removes_only_questions_older_than_retention(tmp_path: Path):
    clock = Clock()
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30, now=clock)
    old = record.record("old question", ABSTAINED, 1, 2)
    clock.now += timedelta(days=20)
    recent = record.record("recent question", ABSTAINED, 1, 2)
    clock.now += timedelta(days=15)

    assert record.prune() == 1
    assert record.get(old) is None
    assert record.get(recent) is not None


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
    }


def test_record_uses_write_ahead_logging(tmp_path: Path):
    path = tmp_path / "db.sqlite3"
    QuestionRecord(path, retention_days=30)
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
