import contextlib
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.engine import Engine
from bot.engine.decision import Decision
from bot.engine.lexicon import Lexicon
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Citation, Entry
from bot.serving.record import QuestionRecord
from bot.serving.unanswered import (
    Asked,
    UnansweredQuestions,
    Unserved,
    closest_entries,
    first_similar,
    group_questions,
    still_unserved,
    words_of,
)
from tests.engine.conftest import ARTICLE_KNOWLEDGE, FIXTURE_KNOWLEDGE
from tests.knowledge.store_helpers import ALICE
from tests.serving.record_helpers import ANSWERS_NOTHING, answers_nothing

# The general language only: grouping needs no word of any subject.
LANGUAGE = Lexicon()
START = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def asked(text, minutes=0, kind=Unserved.UNANSWERED, entry_id=None):
    return Asked(text, START + timedelta(minutes=minutes), kind, entry_id)


def test_differently_worded_questions_about_one_gap_form_one_group():
    groups = group_questions(
        [
            asked("Who is NATO secretary general?", 1),
            asked("who is the nato secretary-general", 5),
            asked("When will Kosovo join the EU?", 2),
            asked("kosovo EU membership when", 3),
            asked("Who is the NATO Secretary General?", 4),
        ],
        LANGUAGE,
    )

    assert [(g.count, g.examples) for g in groups] == [
        (3, ("who is the nato secretary-general",)),
        (2, ("kosovo EU membership when", "When will Kosovo join the EU?")),
    ]
    assert groups[0].last_asked == START + timedelta(minutes=5)


def test_questions_on_different_subjects_stay_apart():
    groups = group_questions(
        [
            asked("Who leads NATO?"),
            asked("Who is NATO secretary general?"),
            asked("Why doesn't Spain recognise Kosovo"),
            asked("When will Kosovo join the EU?"),
            asked("kosovo"),
        ],
        LANGUAGE,
    )

    assert len(groups) == 5


def test_groups_come_most_asked_first_then_most_recent():
    groups = group_questions(
        [
            asked("What is the weather in Pristina?", 1),
            asked("Who leads NATO?", 9),
            asked("Why doesn't Spain recognise Kosovo", 2),
            asked("why spain not recognizing kosovo", 3),
        ],
        LANGUAGE,
    )

    assert [g.examples[0] for g in groups] == [
        "why spain not recognizing kosovo",
        "Who leads NATO?",
        "What is the weather in Pristina?",
    ]


def test_a_group_shows_its_misses_and_the_entries_that_missed():
    groups = group_questions(
        [
            asked("Does Spain recognise Kosovo?", 1, Unserved.MISS, "allies-not-recognising"),
            asked("does spain recognize kosovo", 2),
        ],
        LANGUAGE,
    )

    [group] = groups
    assert (group.count, group.misses) == (2, 1)
    assert group.answered_with == ("allies-not-recognising",)


def test_a_group_shows_its_tentative_answers_apart_from_its_misses():
    groups = group_questions(
        [
            asked("Does Spain recognise Kosovo?", 1, Unserved.MISS, "allies-not-recognising"),
            asked("does spain recognize kosovo", 2, Unserved.TENTATIVE, "recognition-count"),
            asked("does spain recognise kosovo at all", 3),
        ],
        LANGUAGE,
    )

    [group] = groups
    assert (group.count, group.misses, group.tentative) == (3, 1, 1)
    assert group.answered_with == ("allies-not-recognising",)
    assert group.closest_with == ("recognition-count",)


def test_questions_without_content_words_are_left_out():
    assert group_questions([asked("???"), asked("what is the")], LANGUAGE) == []


def record_with_questions(path):
    clock = iter(START + timedelta(minutes=n) for n in range(100))
    record = QuestionRecord(path, retention_days=90, now=lambda: next(clock))
    entry = Entry(
        "allies-not-recognising", "Which allies?", "Four.", "T", (), (Citation("s", "q", "X"),)
    )
    for text in ("Who is NATO secretary general?", "who is the nato secretary-general"):
        record.record(text, Decision(text, answered=False, score=0.1), None, None)
    answered = Decision("Does Spain recognise Kosovo?", answered=True, score=0.9, entry=entry)
    miss = record.record("Does Spain recognise Kosovo?", answered, None, None)
    record.mark_miss(miss, None)
    return record


def test_groups_are_read_from_the_question_record(tmp_path):
    database = tmp_path / "bot.sqlite3"
    record_with_questions(database)
    unanswered = UnansweredQuestions(database, answers_nothing)

    groups = unanswered.recent_groups(None)

    assert [(g.count, g.misses, g.examples[0]) for g in groups] == [
        (2, 0, "who is the nato secretary-general"),
        (1, 1, "Does Spain recognise Kosovo?"),
    ]


def test_a_dismissed_group_does_not_come_back_even_after_a_restart(tmp_path):
    database = tmp_path / "bot.sqlite3"
    record = record_with_questions(database)
    unanswered = UnansweredQuestions(database, answers_nothing)
    target = unanswered.recent_groups(None)[0]

    unanswered.dismiss(target, ALICE, None)
    record.record("Who's the NATO Secretary-General?", Decision("x", False, 0.1), None, None)

    restarted = UnansweredQuestions(database, answers_nothing)
    remaining = restarted.recent_groups(None)
    assert [g.examples[0] for g in remaining] == ["Does Spain recognise Kosovo?"]
    assert target.id not in [g.id for g in remaining]


def test_group_ids_stay_the_same_between_two_readings(tmp_path):
    database = tmp_path / "bot.sqlite3"
    record_with_questions(database)
    unanswered = UnansweredQuestions(database, answers_nothing)

    first = [g.id for g in unanswered.recent_groups(None)]
    second = [g.id for g in unanswered.recent_groups(None)]

    assert first == second
    assert len(set(first)) == 2
    assert all(len(group_id) <= 12 for group_id in first)


def test_recent_groups_hold_only_the_most_recent_questions_not_served(tmp_path):
    database = tmp_path / "bot.sqlite3"
    record_with_questions(database)
    unanswered = UnansweredQuestions(database, answers_nothing)

    newest = unanswered.recent_groups(None, read=1)
    assert [(g.count, g.examples[0]) for g in newest] == [(1, "Does Spain recognise Kosovo?")]


def test_the_entries_closest_to_a_group_lead_its_menu_with_the_one_that_missed_among_them():
    engine = Engine(load_knowledge(ARTICLE_KNOWLEDGE).knowledge)
    missed = "kosovo-defence-investment"
    (group,) = group_questions(
        [asked("how much does kosovo spend on its army", 1, Unserved.MISS, missed)], engine.lexicon
    )
    suggested = [s.entry_id for s in engine.decide(group.examples[0]).suggestions]

    options = closest_entries(engine, group, 25)

    ids = [entry_id for _, entry_id in options]
    assert len(ids) == len(set(ids)) == 25
    assert ids[: len(suggested)] == suggested
    assert missed in ids[: len(suggested) + 1]
    assert all(engine.knowledge.entries[i].question == q for q, i in options)


def test_a_short_question_does_not_swallow_longer_ones_that_ask_more_of_its_words():
    groups = group_questions(
        [
            asked("kosovo osce?", 3),
            asked("Does Kosovo pay into the OSCE budget every year?", 2),
            asked("Why did the OSCE mission in Kosovo close its office in Mitrovica?", 1),
        ],
        LANGUAGE,
    )

    assert [g.examples for g in groups] == [
        ("kosovo osce?",),
        ("Does Kosovo pay into the OSCE budget every year?",),
        ("Why did the OSCE mission in Kosovo close its office in Mitrovica?",),
    ]


def test_dismissing_a_short_question_leaves_later_questions_that_ask_more_shown():
    later = [
        asked("Does Kosovo pay into the OSCE budget every year?", 2),
        asked("kosovo osce", 3),
    ]

    shown = still_unserved(later, ANSWERS_NOTHING, dismissed=["kosovo osce"])

    assert [a.text for a in shown] == ["Does Kosovo pay into the OSCE budget every year?"]


def test_dismissed_wordings_are_forgotten_with_the_questions_after_the_retention_period(
    tmp_path,
):
    database = tmp_path / "bot.sqlite3"
    record_with_questions(database)
    unanswered = UnansweredQuestions(database, answers_nothing)
    (target, *_) = unanswered.recent_groups(None)
    unanswered.dismiss(target, ALICE, None)
    later = QuestionRecord(
        database, retention_days=30, now=lambda: datetime.now(UTC) + timedelta(days=31)
    )

    later.prune()

    assert unanswered.dismissed_words(None) == []


def fixture_engine() -> Engine:
    """An engine over a few entries, one of them on the alliance's Secretary General."""
    return Engine(load_knowledge(FIXTURE_KNOWLEDGE).knowledge)


def test_questions_the_served_engine_answers_leave_the_list_and_return_once_it_does_not(
    tmp_path,
):
    database = tmp_path / "bot.sqlite3"
    record = QuestionRecord(database, retention_days=90)
    for text in ("who is the nato secretary-general", "kosovo osce seat"):
        record.record(text, Decision(text, answered=False, score=0.1), None, None)
    served = [fixture_engine()]
    unanswered = UnansweredQuestions(database, lambda: served[0])

    answered_later = unanswered.recent_groups(None)
    served[0] = ANSWERS_NOTHING
    undone_since = unanswered.recent_groups(None)

    assert [g.examples for g in answered_later] == [("kosovo osce seat",)]
    assert [g.examples for g in undone_since] == [
        ("kosovo osce seat",),
        ("who is the nato secretary-general",),
    ]


def test_a_miss_stays_listed_while_the_entry_it_refused_answers_it_and_leaves_for_another(
    tmp_path,
):
    database = tmp_path / "bot.sqlite3"
    record = QuestionRecord(database, retention_days=90)
    engine = fixture_engine()
    refused = engine.decide("Does Spain recognise Kosovo?")
    elsewhere = replace(refused.entry, id="recognition-count")
    for decision in (refused, replace(refused, entry=elsewhere)):
        record.mark_miss(record.record(decision.question, decision, None, None), None)

    groups = UnansweredQuestions(database, lambda: engine).recent_groups(None)

    assert [(g.count, g.misses, g.answered_with) for g in groups] == [
        (1, 1, ("non-recognising-allies",))
    ]


def test_a_group_once_added_as_a_phrasing_is_listed_while_the_engine_does_not_answer_it(
    tmp_path,
):
    """Files from before the list asked the engine recorded such groups as dealt with."""
    database = tmp_path / "bot.sqlite3"
    record_with_questions(database)
    unanswered = UnansweredQuestions(database, answers_nothing)
    assert unanswered.dismissed_words(None) == []  # made the table, as older versions did
    with contextlib.closing(sqlite3.connect(database)) as connection, connection:
        connection.execute(
            "INSERT INTO dismissed (words, reason, at, actor_id, actor_name, guild_id)"
            " VALUES (?, 'phrasing', ?, 1, 'Jane Doe', NULL)",
            (words_of("who is the nato secretary-general", LANGUAGE), START.isoformat()),
        )

    groups = unanswered.recent_groups(None)

    assert [g.examples[0] for g in groups] == [
        "who is the nato secretary-general",
        "Does Spain recognise Kosovo?",
    ]


def test_a_dismissed_question_asked_more_often_than_the_list_reads_hides_no_older_one(tmp_path):
    database = tmp_path / "bot.sqlite3"
    record = QuestionRecord(database, retention_days=90)
    older, flood = "Does Kosovo have a seat at the OSCE?", "Who will win the Zenda chess cup?"
    for text in (older, *[flood] * 5):
        record.record(text, Decision(text, answered=False, score=0.1), None, None)
    unanswered = UnansweredQuestions(database, answers_nothing)
    (flooded, _) = unanswered.recent_groups(None)
    unanswered.dismiss(flooded, ALICE, None)

    groups = unanswered.recent_groups(None, read=3)

    assert [(g.count, g.examples) for g in groups] == [(1, (older,))]


def test_the_search_for_questions_not_served_stops_after_judging_so_many_wordings():
    engine = fixture_engine()
    answered = ["why pfp", "balkan nato members", "rutte warning russia"]
    asked_since = [asked(text, minutes) for minutes, text in enumerate([*answered, "kosovo osce"])]

    assert [a.text for a in still_unserved(asked_since, engine, (), judged=4)] == ["kosovo osce"]
    assert list(still_unserved(asked_since, engine, (), judged=3)) == []


def test_the_first_similar_of_many_keys_is_the_first_in_order_not_the_closest():
    keys = ["zenda budget cuts", "ruritania border crossing rules", "zenda budget cuts army"]
    assert first_similar("zenda budget cuts army", keys) == 0
    assert first_similar("border crossing rules ruritania", keys) == 1
    assert first_similar("harbour reopening", keys) is None
    assert first_similar("harbour reopening", []) is None
