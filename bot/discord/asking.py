"""Asking one question, however it arrived (/ask, a mention, the message menu).

The same steps for each: the cooldown, the engine's decision, the record, one log line,
the rendered reply. The cogs only parse the Discord side and send what this returns.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot import strings
from bot.discord.cooldown import Cooldown
from bot.discord.markup import ChannelNames, plain_text
from bot.engine import Engine
from bot.engine.decision import Decision
from bot.logs import event
from bot.record import QuestionRecord
from bot.replies import DiscordReply, render_discord, render_notice, render_welcome
from bot.small_talk import small_talk

log = logging.getLogger("briefing.discord")

# Discord wants an interaction answered within 3 seconds. The engine normally takes a few
# milliseconds; if it has not decided by this point, the reply is deferred ("thinking…")
# and sent as a follow-up when ready.
DEFER_AFTER_SECONDS = 1.5


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
        channel_names: ChannelNames | None = None,
    ) -> None:
        self.engine_source = engine_source
        self.record = record
        self.cooldown = cooldown
        self.defer_after = defer_after
        self.channel_names = channel_names or (lambda _: None)

    async def answer(
        self,
        question: str,
        member_id: int,
        place: Place,
        via: str,
        on_slow: Callable[[], Awaitable[object]] | None = None,
    ) -> DiscordReply:
        """The reply to `question` from the member; `on_slow` runs if deciding takes long.

        `member_id` is used for the cooldown only; it is neither recorded nor logged.
        Discord's markup (mentions, emoji, timestamps) is taken out first, so the engine,
        the record and the log see only the words asked. A greeting, thanks or a request
        for help gets what the bot covers, and is not recorded as a question.
        """
        question = plain_text(question, self.channel_names)
        if not question:
            return render_notice(strings.Reply.EMPTY_QUESTION)
        wait = self.cooldown.wait_for(member_id)
        if wait:
            event(log, "cooldown", via=via)
            return render_notice(strings.Discord.COOLDOWN.format(seconds=wait))
        started = time.perf_counter()
        engine = self.engine_source()
        kind = small_talk(question)
        if kind is not None:
            event(log, "small_talk", via=via, kind=kind)
            return render_welcome(engine.knowledge, kind)
        decision = await self._decide(engine, question, on_slow)
        question_id = self.record.record(
            decision.question or question, decision, place.guild_id, place.channel_id
        )
        entry = decision.entry if decision.answered else None
        related = engine.related(entry.id) if entry else []
        reply = render_discord(decision, related, question_id)
        event(
            log,
            "question",
            via=via,
            answered=entry is not None,
            entry=entry.id if entry else "-",
            score=round(decision.score, 3),
            latency_ms=round((time.perf_counter() - started) * 1000, 1),
        )
        return reply

    async def _decide(
        self,
        engine: Engine,
        question: str,
        on_slow: Callable[[], Awaitable[object]] | None,
    ) -> Decision:
        """The engine's decision, computed off the event loop so other members are served."""
        deciding = asyncio.ensure_future(asyncio.to_thread(engine.decide, question))
        if on_slow is not None:
            done, _ = await asyncio.wait({deciding}, timeout=self.defer_after)
            if not done:
                await on_slow()
        return await deciding
