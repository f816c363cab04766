"""Asking one question, however it arrived (/ask, a mention, the message menu).

The same steps for each: the cooldown, the engine's decision (off the event loop, with a
deadline), one log line, the rendered reply sent, and only then the record, written in a
thread of its own so a slow or broken database never delays or stops an answer. The cogs
only parse the Discord side and say how to send.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from bot import strings
from bot.discord.cooldown import Cooldown
from bot.discord_format import plural
from bot.engine import Engine
from bot.engine.compound import marked_questions
from bot.engine.decision import Decision
from bot.language.markup import ChannelNames, plain_text
from bot.language.text import asks_in_words, clean
from bot.ops.logs import event
from bot.replies import DiscordReply, render_discord, render_notice, render_welcome
from bot.serving.record import QuestionRecord
from bot.small_talk import small_talk

log = logging.getLogger("briefing.discord")
# How long a shutdown waits for the questions still to be recorded (each write waits at most
# the record's 5 s on a busy file), and how often it looks.
RECORD_DRAIN_SECONDS = 5.0
_DRAIN_POLL_SECONDS = 0.02

# Discord wants an interaction answered within 3 seconds. The engine normally takes a few
# milliseconds; if it has not decided by this point, the reply is deferred ("thinking…")
# and sent as a follow-up when ready.
DEFER_AFTER_SECONDS = 1.5
# How long a member may wait for a decision at all. Discord's 3 seconds are met by the
# deferral above, and a deferred interaction may be followed up for 15 minutes, so Discord
# is not what limits this: the member is. Someone looking at "thinking…" gives up within
# seconds, and the engine's work per question is bounded to milliseconds, so a decision still
# running after 10 seconds means the machine is overloaded or something is stuck; waiting
# longer helps no one. The member is told so instead (a mention's reply, which has no
# Discord deadline, gets the same limit).
DECIDE_DEADLINE_SECONDS = 10.0

Send = Callable[[DiscordReply], Awaitable[object]]
# The `via` of a question asked by mentioning the bot, whose reply is a public message.
MENTION = "mention"


@dataclass(frozen=True)
class Place:
    """Where a question was asked: what the record keeps instead of who asked."""

    guild_id: int | None
    channel_id: int | None


class Asker:
    """Answers questions for the Discord front end; one per bot."""

    def __init__(
        self,
        engine_source: Callable[[], Engine],
        record: QuestionRecord,
        cooldown: Cooldown,
        defer_after: float = DEFER_AFTER_SECONDS,
        deadline: float = DECIDE_DEADLINE_SECONDS,
        channel_names: ChannelNames | None = None,
    ) -> None:
        self.engine_source = engine_source
        self.record = record
        self.cooldown = cooldown
        self.defer_after = defer_after
        self.deadline = deadline
        self.channel_names = channel_names or (lambda _: None)
        # One thread for every write: a locked file holds up only the record, never the
        # threads the engine decides in.
        self._recording = ThreadPoolExecutor(max_workers=1, thread_name_prefix="record")

    async def finish_recording(self, limit: float = RECORD_DRAIN_SECONDS) -> None:
        """Let the questions waiting to be recorded be written, for at most `limit` seconds.

        A shutdown step before the record closes: replies go out before their questions are
        written, so a few may still wait in the queue; those the limit leaves are counted as
        not recorded by the record (closed) and logged here.
        """
        loop = asyncio.get_running_loop()
        draining = threading.Thread(
            target=self._recording.shutdown, name="record-drain", daemon=True
        )
        draining.start()
        deadline = loop.time() + limit
        while draining.is_alive() and loop.time() < deadline:
            await asyncio.sleep(_DRAIN_POLL_SECONDS)
        if draining.is_alive():
            event(log, "record_drain_timeout", logging.ERROR, seconds=limit)

    async def answer(
        self,
        question: str,
        member_id: int,
        place: Place,
        via: str,
        send: Send,
        on_slow: Callable[[], Awaitable[object]] | None = None,
        private: bool = False,
    ) -> None:
        """Send the reply to `question` from the member; `on_slow` runs if deciding takes long.

        `member_id` is used for the cooldown only; it is neither recorded nor logged. A
        `private` question is recorded as such and never listed for moderators.
        Discord's markup (mentions, emoji, timestamps) is taken out first, so the engine,
        the record and the log see only the words asked. A greeting, thanks or a request
        for help gets what the bot covers, and is not recorded as a question.
        """
        question = plain_text(question, self.channel_names)
        if not asks_in_words(clean(question)):
            await send(render_notice(strings.Reply.EMPTY_QUESTION))
            return
        wait = self.cooldown.wait_for(member_id)
        if wait:
            event(log, "cooldown", via=via)
            # A mention's reply is public: after one notice the member's flood gets silence.
            # An interaction must be answered, and its notice is private.
            if via != MENTION or self.cooldown.first_refusal(member_id):
                await send(render_notice(plural(strings.Discord.COOLDOWN, wait)))
            return
        started = time.perf_counter()
        engine = self.engine_source()
        kind = small_talk(question)
        if kind is not None:
            event(log, "small_talk", via=via, kind=kind)
            await send(render_welcome(engine.knowledge, kind))
            return
        decision = await self._decide(engine, question, on_slow)
        if decision is None:
            event(log, "question_timeout", logging.WARNING, via=via, length=len(question))
            await send(render_notice(strings.Discord.TOO_SLOW))
            # Recorded as not answered, so moderators see what took too long to decide.
            unanswered = Decision(question=question, answered=False, score=0.0)
            await self._recorded(question, unanswered, place, via, private, None)
            return
        question_id = None if self.record.status.problem else self.record.new_id()
        related = engine.related_to_answer(decision)
        listed = _listed_for_moderators(question, decision, place, via, private)
        reply = render_discord(decision, related, question_id if listed else None)
        event(
            log,
            "question",
            via=via,
            answered=decision.answered,
            entry=decision.entry.id if decision.answered and decision.entry else "-",
            score=round(decision.score, 3),
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
        )
        await send(reply)
        await self._recorded(question, decision, place, via, private, question_id)

    async def _recorded(
        self,
        question: str,
        decision: Decision,
        place: Place,
        via: str,
        private: bool,
        question_id: int | None,
    ) -> None:
        """Record the question in the recording thread (the event loop never waits on disk)."""
        asked = _as_recorded(question, decision, via)
        write = partial(
            self.record.record, asked, decision, place.guild_id, place.channel_id, private
        )
        await asyncio.get_running_loop().run_in_executor(
            self._recording, partial(write, question_id=question_id)
        )

    async def _decide(
        self,
        engine: Engine,
        question: str,
        on_slow: Callable[[], Awaitable[object]] | None,
    ) -> Decision | None:
        """The engine's decision, computed off the event loop; None past the deadline."""
        loop = asyncio.get_running_loop()
        give_up_at = loop.time() + self.deadline
        deciding = loop.run_in_executor(None, engine.decide, question)
        if on_slow is not None and self.defer_after < self.deadline:
            done, _ = await asyncio.wait({deciding}, timeout=self.defer_after)
            if not done:
                await on_slow()
        done, _ = await asyncio.wait({deciding}, timeout=max(0.0, give_up_at - loop.time()))
        if not done:
            deciding.add_done_callback(_ignore_outcome)
            return None
        return deciding.result()


def asks_nothing(text: str) -> bool:
    """Whether `text` holds nothing to ask: only markup, spaces, invisible characters, emoji.

    A zero-width space alone looks empty to the member, so it gets the prompt to ask, not
    a public "not covered" that reads as an answer to nothing; so does a row of emoji.
    """
    return not asks_in_words(clean(plain_text(text)))


def _listed_for_moderators(
    question: str, decision: Decision, place: Place, via: str, private: bool
) -> bool:
    """Whether moderators could see this question, were it marked "Not what I asked".

    The button says they will: so it is offered only where they can. Not for a private
    question (never listed), nor one asked outside a server (no server's moderators list
    it), nor one whose words the record does not keep (a message menu's statement).
    """
    if private or place.guild_id is None:
        return False
    return bool(_as_recorded(question, decision, via).strip())


def _as_recorded(question: str, decision: Decision, via: str) -> str:
    """The words the record keeps: what the engine read.

    From another member's message (the message menu) only the questions it asks with a
    question mark are kept, not the rest of that message, which its author never meant for
    the bot: a message asking nothing leaves no words in the record, nor does a statement
    opening like a question ("How nice that <name> moved to <town>.").
    """
    read = decision.question or question
    if via != "context_menu":
        return read
    return " ".join(marked_questions(read))


def _ignore_outcome(deciding: asyncio.Future[Decision]) -> None:
    """Collect a decision that came too late, so asyncio does not warn about it."""
    if not deciding.cancelled():
        deciding.exception()
