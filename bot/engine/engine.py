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
# (tests/engine/questions.yaml), never on the dev set. A long question wraps what it asks
# in context and opinion, so the share of it an entry must account for falls with its
# length, from SHORT_* (up to SHORT_TERMS meaningful words) to LONG_* (from LONG_TERMS).
SHORT_TERMS, LONG_TERMS = 4, 10
SHORT_SCORE, LONG_SCORE = 0.6, 0.25
SHORT_COVERAGE, LONG_COVERAGE = 0.6, 0.2
# The question must share with the entry something specific: a word the entry is about,
# or a name it mentions, weighing at least this much (a word in every entry weighs ~0.8).
MIN_ANCHOR = 1.5
# Names the entry does not know may carry at most this share of the question: none in a
# short question ("Does Brazil recognise Kosovo?"), a little in a long one, whose context
# may name places the answer need not.
SHORT_MISSING_NAMES, LONG_MISSING_NAMES = 0.0, 0.2
# Entries within this score of the best are offered beside the answer.
CLOSE_CALL = 0.05
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
        if measures and _confident(measures[0], len(question.terms)):
            best = measures[0]
            close = tuple(
                _suggestion(m.profile.entry)
                for m in measures[1 : SUGGESTIONS + 1]
                if best.score - m.score < CLOSE_CALL
            )
            return self._answer(text, best.profile.entry, best.score, trimmed, close)
        suggestions = tuple(
            _suggestion(m.profile.entry)
            for m in measures[:SUGGESTIONS]
            if m.score >= MIN_SUGGESTION_SCORE
        )
        score = measures[0].score if measures else 0.0
        return Decision(
            question=text, answered=False, score=score, suggestions=suggestions, trimmed=trimmed
        )

    def _answer(
        self,
        text: str,
        entry: Entry,
        score: float,
        trimmed: bool,
        also: tuple[Suggestion, ...] = (),
    ) -> Decision:
        quotes = tuple(self._sourced(c.source_id, c.quote, c.speaker) for c in entry.citations)
        return Decision(
            question=text,
            answered=True,
            score=score,
            entry=entry,
            quotes=quotes,
            as_of=self._knowledge.as_of(entry),
            suggestions=also,
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


def _confident(best: Measure, terms: int) -> bool:
    """Whether the best entry answers the question: the whole of the decision."""
    missing_allowed = _by_length(terms, SHORT_MISSING_NAMES, LONG_MISSING_NAMES)
    if not best.kind_fits or best.missing_share > missing_allowed or best.anchor < MIN_ANCHOR:
        return False
    return best.score >= _by_length(terms, SHORT_SCORE, LONG_SCORE) and best.coverage >= (
        _by_length(terms, SHORT_COVERAGE, LONG_COVERAGE)
    )


def _by_length(terms: int, short: float, long: float) -> float:
    """A threshold sliding linearly from its short-question to its long-question value."""
    share = min(1.0, max(0.0, (terms - SHORT_TERMS) / (LONG_TERMS - SHORT_TERMS)))
    return short + (long - short) * share


def _suggestion(entry: Entry) -> Suggestion:
    return Suggestion(entry_id=entry.id, question=entry.question)
