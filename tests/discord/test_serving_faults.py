"""Answers survive a slow engine and a broken question record; what is recorded stays private.

Through the real command tree: a member asks, the bot answers whatever happens to the
database, and the operator (health) and the moderators (`/kb unanswered`) are told.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import threading

from bot import strings
from bot.discord.bot import BriefingBot
from bot.engine import Engine
from bot.engine.decision import Decision
from bot.ops.health import HealthReporter, check, health_path
from bot.serving.record import QuestionRecord
from bot.strings import Health
from tests.discord.harness import GUILD_ID, MEMBER_ID
from tests.discord.kb_support import kb, make_world, moderator, serve
from tests.serving.record_helpers import unanswered_in

ANSWERED = "why isn't kosovo in pfp"
PFP_QUESTION = "Why is Kosovo not part of NATO's Partnership for Peace?"
SUPPRESS_EMBEDS = 1 << 2


class StuckEngine:
    """An engine whose decisions do not come back until the test ends."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.released = threading.Event()

    def decide(self, question: str):
        self.released.wait(timeout=30)
        return self.engine.decide(question)

    def __getattr__(self, name: str):
        return getattr(self.engine, name)


def _bot_on(record: QuestionRecord, settings, knowledge) -> BriefingBot:
    engine = Engine(knowledge)
    return BriefingBot(settings, lambda: engine, record)


def _questions(settings) -> list[tuple]:
    db = sqlite3.connect(settings.database_path)
    try:
        return db.execute("SELECT question, private FROM questions ORDER BY id").fetchall()
    finally:
        db.close()


def _health_line(record: QuestionRecord, settings) -> tuple[int, str]:
    """What `python -m bot health` says of a connected bot with this record."""
    reporter = HealthReporter(health_path(settings.data_dir))
    reporter.watch_recording(lambda: record.status)
    reporter.set_knowledge_loaded(True)
    reporter.set_connected(True)
    return check(settings.data_dir)


async def test_a_question_past_the_deadline_gets_a_polite_reply_and_only_its_length_is_logged(
    start, make_bot, knowledge, caplog
):
    stuck = StuckEngine(Engine(knowledge))
    bot = make_bot(engine_source=lambda: stuck)
    bot.asker.defer_after = 0.0
    bot.asker.deadline = 0.05
    briefing = await start(bot)
    question = "a question nobody should see in the log"
    try:
        with caplog.at_level(logging.INFO, logger="briefing"):
            deferred, reply = await briefing.interact(briefing.slash("ask", question=question))
    finally:
        stuck.released.set()

    assert deferred.callback_type == 5
    assert reply.message["content"] == strings.Discord.TOO_SLOW
    # Discord shows the first follow-up of a public deferral publicly: sent as such.
    assert not deferred.ephemeral
    assert not reply.ephemeral
    (line,) = [r.getMessage() for r in caplog.records if "question_timeout" in r.getMessage()]
    assert f"length={len(question)}" in line
    assert question not in caplog.text
    await bot.asker.finish_recording()
    (recorded,) = unanswered_in(bot.record, GUILD_ID)  # moderators see what took too long
    assert recorded.question == question


async def test_a_locked_record_still_answers_and_health_says_questions_are_not_recorded(
    start, settings, knowledge, caplog
):
    record = QuestionRecord(settings.database_path, 30, busy_seconds=0.05)
    briefing = await start(_bot_on(record, settings, knowledge))
    other = sqlite3.connect(settings.database_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with caplog.at_level(logging.INFO, logger="briefing"):
            replies = [
                await briefing.interact(briefing.slash("ask", question=ANSWERED, user_id=member))
                for member in (MEMBER_ID, MEMBER_ID + 1, MEMBER_ID + 2)
            ]
    finally:
        other.execute("ROLLBACK")
        other.close()
        record.close()

    assert [reply.embeds[0]["title"] for (reply,) in replies] == [PFP_QUESTION] * 3
    assert caplog.text.count("event=record_failing") == 1
    assert _health_line(record, settings) == (
        0,
        Health.NOT_RECORDING.format(count=3, problem="database is locked"),
    )


async def test_a_corrupted_record_still_answers_without_a_miss_button_and_tells_moderators(
    tmp_path, start
):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "briefing.sqlite3").write_bytes(b"not a database at all " * 400)
    world = make_world(tmp_path)
    harness = await start(world.bot)
    try:
        (reply,) = await harness.interact(harness.slash("ask", question=ANSWERED))
        requests = await harness.interact(moderator(kb(harness, "unanswered")))
    finally:
        world.bot.record.close()

    answer = world.bot.engine_source().decide(ANSWERED).entry
    assert reply.embeds[0]["title"] == answer.question
    assert all("briefing:miss" not in b["custom_id"] for b in reply.buttons)
    assert world.bot.record.status.problem == "file is not a database"
    shown = requests[-1].message["content"]
    assert shown == strings.Kb.RECORD_UNREADABLE.format(problem="file is not a database")


async def test_recording_resumes_once_the_database_is_usable_again(settings, caplog):
    clock = [0.0]
    record = QuestionRecord(
        settings.database_path, 30, busy_seconds=0.05, retry_seconds=30, clock=lambda: clock[0]
    )
    other = sqlite3.connect(settings.database_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    decision = Decision("what's the weather", answered=False, score=0.1)
    with caplog.at_level(logging.INFO, logger="briefing"):
        assert record.record("first", decision, 1, 2) is None
        other.execute("ROLLBACK")
        assert record.record("second, while resting", decision, 1, 2) is None
        clock[0] += 31
        assert record.record("third", decision, 1, 2) is not None
    record.close()
    other.close()

    assert [q for q, _ in _questions(settings)] == ["third"]
    assert "event=record_recovered not_recorded=2" in caplog.text
    assert record.status.problem == ""


async def test_a_private_question_is_recorded_as_private(briefing, settings):
    await briefing.interact(briefing.slash("ask", question="When will Kosovo join the EU?"))
    await briefing.interact(
        briefing.slash("ask", question="Will the EU lift its measures?", private=True)
    )

    assert _questions(settings) == [
        ("When will Kosovo join the EU?", 0),
        ("Will the EU lift its measures?", 1),
    ]


async def test_a_question_asked_through_the_menu_is_recorded_without_the_rest_of_the_message(
    briefing, settings
):
    text = (
        "I met my neighbour Anna Novak at 12 High Street this morning. "
        "When will Kosovo join the EU?"
    )
    target = briefing.message(text, user_id=MEMBER_ID + 1)
    await briefing.interact(briefing.message_command("Ask the briefing", target))

    assert _questions(settings) == [("When will Kosovo join the EU?", 0)]


async def test_a_link_in_a_question_is_neither_repeated_nor_previewed(briefing):
    question = "is https://example.com/nato-news right about when kosovo joins the EU?"
    (reply,) = await briefing.interact(briefing.slash("ask", question=question))

    assert "example.com" not in reply.message["content"]
    assert reply.message["flags"] & SUPPRESS_EMBEDS


async def test_an_answer_with_its_embed_keeps_it(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question=ANSWERED))

    assert reply.embeds[0]["title"] == PFP_QUESTION
    assert not reply.message.get("flags", 0) & SUPPRESS_EMBEDS


async def test_moderators_are_told_when_recent_questions_were_not_recorded(tmp_path, start):
    world = make_world(tmp_path)
    world.services.close()
    record = QuestionRecord(world.bot.settings.database_path, 30, busy_seconds=0.05)
    world = serve(world.root, dataclasses.replace(world.services, record=record))
    harness = await start(world.bot)
    await harness.interact(moderator(kb(harness, "unanswered")))
    other = sqlite3.connect(world.bot.settings.database_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        await harness.interact(harness.slash("ask", question="When will Kosovo join the EU?"))
        requests = await harness.interact(moderator(kb(harness, "unanswered")))
    finally:
        other.execute("ROLLBACK")
        other.close()
        record.close()

    shown = requests[-1].message["content"]
    warning = strings.Kb.RECORD_FAILING.format(problem="database is locked")
    assert shown == f"{warning}\n{strings.Kb.UNANSWERED_EMPTY}"


async def test_a_private_question_past_the_deadline_is_told_so_privately(
    start, make_bot, knowledge
):
    stuck = StuckEngine(Engine(knowledge))
    bot = make_bot(engine_source=lambda: stuck)
    bot.asker.defer_after = 0.0
    bot.asker.deadline = 0.05
    briefing = await start(bot)
    try:
        deferred, reply = await briefing.interact(
            briefing.slash("ask", question="a slow question", private=True)
        )
    finally:
        stuck.released.set()

    assert deferred.ephemeral
    assert reply.ephemeral
    assert reply.message["content"] == strings.Discord.TOO_SLOW


async def test_a_record_that_cannot_be_used_is_not_logged_as_pruned(
    start, settings, knowledge, caplog, tmp_path
):
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"garbage " * 500)
    record = QuestionRecord(damaged, 30)
    try:
        with caplog.at_level(logging.INFO, logger="briefing"):
            await start(_bot_on(record, settings, knowledge))
    finally:
        record.close()
    assert "event=record_prune_failed" in caplog.text
    assert "file is not a database" in caplog.text
    assert "event=record_pruned" not in caplog.text
