"""The engine: a question in, a decision out (answer, or abstain with suggestions).

Answering wrongly is worse than abstaining, so the engine answers only when one entry
accounts for nearly all of what was asked, knows every name the question brings in, states
the kind of fact asked for (a date for "when", a count for "how many"), and stands clearly
ahead of the next best entry. Otherwise it offers the closest covered questions.
"""

from __future__ import annotations

import logging

from rapidfuzz import fuzz

from bot.engine.decision import MAX_QUESTION_CHARS, Decision, SourcedQuote, Suggestion
from bot.engine.index import Index, content_words
from bot.engine.match import Measure, candidates, measure, read_question
from bot.engine.text import clean, fold
from bot.knowledge.model import Entry, Knowledge

log = logging.getLogger(__name__)

# Thresholds on the measures of `match`, chosen on the engine's own held-out questions
# (tests/engine/questions.yaml), never on the dev set.
MIN_SCORE = 0.62
MIN_COVERAGE = 0.62
MIN_MARGIN = 0.04
MIN_SUGGESTION_SCORE = 0.12
SUGGESTIONS = 3
COMPLETE_LIMIT = 25


class Engine:
    """Matches questions against one knowledge snapshot; build a new Engine per snapshot."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._knowledge = knowledge
        self._index = Index(knowledge)

    @property
    def knowledge(self) -> Knowledge:
        """The snapshot this engine answers from."""
        return self._knowledge

    def decide(self, question: str) -> Decision:
        """Answer `question` from the knowledge, or abstain with suggestions. Never raises."""
        try:
            return self._decide(question)
        except Exception:  # a reply must never fail: abstain and let the log tell
            log.exception("engine_error")
            return Decision(question="", answered=False, score=0.0)

    def answer_entry(self, entry_id: str) -> Decision | None:
        """The answer of a chosen covered question (from a suggestion or a menu)."""
        entry = self._knowledge.entries.get(entry_id)
        if entry is None:
            return None
        return self._answer(entry.question, entry, 1.0, trimmed=False)

    def complete(self, text: str, limit: int = COMPLETE_LIMIT) -> list[Suggestion]:
        """Covered questions matching partly typed text, one per entry, best first."""
        limit = max(0, min(limit, COMPLETE_LIMIT))
        typed = fold(clean(str(text)))[:MAX_QUESTION_CHARS]
        entries = sorted(self._knowledge.entries.values(), key=lambda e: e.question.casefold())
        if not typed:
            return [_suggestion(e) for e in entries[:limit]]
        scored = [(self._completion_score(typed, e), e) for e in entries]
        scored = [(s, e) for s, e in scored if s >= 50]
        scored.sort(key=lambda pair: -pair[0])
        return [_suggestion(e) for _, e in scored[:limit]]

    def related(self, entry_id: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
        """Other covered questions closest to an entry: same topic first, then shared words."""
        entry = self._knowledge.entries.get(entry_id)
        if entry is None:
            return []
        own = set(content_words(" ".join((entry.question, *entry.phrasings))))
        others = [e for e in self._knowledge.entries.values() if e.id != entry_id]

        def closeness(other: Entry) -> tuple[bool, int, str]:
            words = set(content_words(" ".join((other.question, *other.phrasings))))
            return (other.topic != entry.topic, -len(own & words), other.question)

        return [_suggestion(e) for e in sorted(others, key=closeness)[: max(0, limit)]]

    def _decide(self, raw: str) -> Decision:
        text = clean(str(raw))
        trimmed = len(text) > MAX_QUESTION_CHARS
        if trimmed:
            text = text[:MAX_QUESTION_CHARS].rstrip()
        question = read_question(self._index, text)
        measures = sorted(
            (measure(self._index, question, p) for p in candidates(self._index, question)),
            key=lambda m: -m.score,
        )
        if measures and _confident(measures):
            best = measures[0]
            return self._answer(text, best.profile.entry, best.score, trimmed)
        suggestions = tuple(
            _suggestion(m.profile.entry)
            for m in measures[:SUGGESTIONS]
            if m.score >= MIN_SUGGESTION_SCORE
        )
        score = measures[0].score if measures else 0.0
        return Decision(
            question=text, answered=False, score=score, suggestions=suggestions, trimmed=trimmed
        )

    def _answer(self, text: str, entry: Entry, score: float, trimmed: bool) -> Decision:
        quotes = tuple(self._sourced(c.source_id, c.quote, c.speaker) for c in entry.citations)
        return Decision(
            question=text,
            answered=True,
            score=score,
            entry=entry,
            quotes=quotes,
            as_of=self._knowledge.as_of(entry),
            trimmed=trimmed,
        )

    def _sourced(self, source_id: str, quote: str, speaker: str) -> SourcedQuote:
        source = self._knowledge.sources[source_id]
        return SourcedQuote(
            quote=quote,
            speaker=speaker,
            outlet=source.outlet,
            title=source.title,
            published=source.published,
            url=source.url,
        )

    @staticmethod
    def _completion_score(typed: str, entry: Entry) -> float:
        return max(
            fuzz.partial_ratio(typed, fold(text), processor=None)
            for text in (entry.question, *entry.phrasings)
        )


def _confident(measures: list[Measure]) -> bool:
    """Whether the best entry answers the question, and clearly better than the next."""
    best = measures[0]
    if best.missing_names or not best.kind_fits:
        return False
    if best.score < MIN_SCORE or best.coverage < MIN_COVERAGE:
        return False
    runner_up = measures[1].score if len(measures) > 1 else 0.0
    return best.score - runner_up >= MIN_MARGIN or runner_up < MIN_SCORE


def _suggestion(entry: Entry) -> Suggestion:
    return Suggestion(entry_id=entry.id, question=entry.question)
