"""Read a question into weighted terms, find candidate entries, and measure each one.

The measures are deliberately separate so the decision (in `engine`) can say why it
abstained: how much of the question an entry accounts for, how close the question is to
one of the entry's own phrasings, and which names or kinds of fact the entry lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.engine import lexicon
from bot.engine.index import EntryProfile, Index
from bot.engine.text import fold, stem

# How many entries are measured closely after the inverted index has ranked them.
CANDIDATES = 8
# How many postings the retrieval walks before it only re-weighs entries it already has:
# very common words (in most entries) cannot change which entries are candidates.
POSTINGS_BUDGET = 4000
# A word found only in what an entry states (answer, quotes), not in how it is asked,
# counts for a little less: the entry mentions it but may not be about it.
STATED_ONLY = 0.8
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\s*[\"'“‘(]*(\w+)")
_CAPITALISED = re.compile(r"\b([A-Z][\w-]*|[A-Z]{2,})\b")


@dataclass(frozen=True)
class Term:
    """One meaningful word of a question."""

    word: str
    stem: str
    weight: float
    known: bool
    name: bool
    match: float = 1.0


@dataclass(frozen=True)
class Question:
    """A question as the engine reads it."""

    terms: tuple[Term, ...]
    kind: str | None

    @property
    def total_weight(self) -> float:
        """The IDF mass of every meaningful word: what an answer must account for."""
        return sum(t.weight for t in self.terms)


@dataclass(frozen=True)
class Measure:
    """How one candidate entry fits one question."""

    profile: EntryProfile
    coverage: float
    closeness: float
    missing_names: tuple[str, ...]
    kind_fits: bool

    @property
    def score(self) -> float:
        """One calibrated figure in [0, 1] for ranking and for the threshold."""
        return 0.6 * self.coverage + 0.4 * self.closeness


def read_question(index: Index, text: str) -> Question:
    """Split a cleaned question into weighted terms, correcting typos against the index."""
    folded = lexicon.apply_aliases(fold(text))
    names = _capitalised_words(text)
    terms: dict[str, Term] = {}
    for word in folded.split():
        if word in lexicon.STOPWORDS:
            continue
        term = _read_word(index, word, word in names or word in lexicon.NAMES)
        if term is not None and term.stem not in terms:
            terms[term.stem] = term
    return Question(terms=tuple(terms.values()), kind=lexicon.question_kind(folded))


def _read_word(index: Index, word: str, is_name: bool) -> Term | None:
    root = stem(word)
    name = is_name or word.isdigit()
    if root in index.idf:
        return Term(word, root, index.weight(root), known=True, name=name)
    corrected = None if name else index.correct(word)
    if corrected is None:
        return Term(word, root, index.unknown_weight, known=False, name=name)
    fixed, similarity = corrected
    if fixed in lexicon.STOPWORDS:
        return None
    root = stem(fixed)
    return Term(fixed, root, index.weight(root), known=True, name=False, match=similarity)


def _capitalised_words(text: str) -> frozenset[str]:
    """Folded words written with a capital where a sentence does not start.

    A capital inside a sentence marks a name ("Brazil", "UN"); a question typed all in
    Title Case says nothing, so then no word counts.
    """
    starts = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    found = [m for m in _CAPITALISED.finditer(text) if m.start(1) not in starts]
    words = text.split()
    if len(words) > 3 and len(found) > 0.6 * len(words):
        return frozenset()
    return frozenset(lexicon.apply_aliases(fold(m.group(1))) for m in found)


def candidates(index: Index, question: Question) -> list[int]:
    """Entries sharing the question's rarer words, best first (term-at-a-time with a budget)."""
    scores: dict[int, float] = {}
    walked = 0
    for term in sorted(question.terms, key=lambda t: -t.weight):
        postings = index.postings.get(term.stem, ())
        if walked + len(postings) <= POSTINGS_BUDGET or not scores:
            walked += len(postings)
            for position in postings:
                scores[position] = scores.get(position, 0.0) + term.weight
        else:
            for position in scores:
                if term.stem in index.profiles[position].known:
                    scores[position] += term.weight
    ranked = sorted(scores, key=lambda p: -scores[p])
    return ranked[:CANDIDATES]


def measure(index: Index, question: Question, position: int) -> Measure:
    """Measure how well the entry at `position` fits the question."""
    profile = index.profiles[position]
    total = question.total_weight or 1.0
    accounted = 0.0
    missing: list[str] = []
    for term in question.terms:
        if term.stem in profile.asked_union:
            accounted += term.weight * term.match
        elif term.stem in profile.known:
            accounted += term.weight * term.match * STATED_ONLY
        elif term.name:
            missing.append(term.word)
    return Measure(
        profile=profile,
        coverage=accounted / total,
        closeness=_closeness(index, question, profile),
        missing_names=tuple(missing),
        kind_fits=_kind_fits(question.kind, profile),
    )


def _closeness(index: Index, question: Question, profile: EntryProfile) -> float:
    """Weighted Dice overlap with the closest way the entry is asked (1 = same words)."""
    asked = {t.stem: t.weight * t.match for t in question.terms}
    asked_total = sum(asked.values())
    best = 0.0
    for phrasing in profile.asked:
        shared = sum(w for s, w in asked.items() if s in phrasing)
        if not shared:
            continue
        phrasing_total = sum(index.weight(s) for s in phrasing)
        best = max(best, 2.0 * shared / (asked_total + phrasing_total))
    return best


def _kind_fits(kind: str | None, profile: EntryProfile) -> bool:
    if kind == lexicon.WHEN:
        return profile.states_date
    if kind == lexicon.HOW_MANY:
        return profile.states_count
    return True
