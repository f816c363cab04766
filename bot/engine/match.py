"""Read a question into weighted terms, find candidate entries, and measure each one.

The measures are deliberately separate so the decision (in `engine`) can say why it
abstained: how much of the question an entry accounts for, how close the question is to
one of the entry's own phrasings, and which names or kinds of fact the entry lacks.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.engine import lexicon
from bot.engine.index import EntryProfile, Index
from bot.engine.text import fold, stem

# How many entries are measured closely after the inverted index has ranked them.
CANDIDATES = 12
# How many postings the retrieval walks before it only re-weighs entries it already has:
# very common words (in most entries) cannot change which entries are candidates.
POSTINGS_BUDGET = 1500
# How many of the best entries found within the budget the commoner words re-weigh.
RESCORED = 100
# How much a question word counts toward an entry by where the entry has it: in what the
# entry is about (its question, or several phrasings), in one phrasing, or only in what it
# states (answer, quotes): there the entry mentions the word but may not be about it. A
# name (Politico, Kryeziu) counts fully wherever the entry has it: names are specific.
IN_CORE = 1.0
IN_PHRASING = 0.85
STATED_ONLY = 0.8
# In Title Case every word of this length or more starts with a capital.
TITLE_CASE_WORD = 4
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
    text: str
    # Derived once in __post_init__: each stem's weight (times its typo match), the stems,
    # the IDF mass of every meaningful word (what an answer must account for), and the
    # same mass discounted by typo matches.
    weights: dict[str, float] = field(init=False)
    stems: frozenset[str] = field(init=False)
    total_weight: float = field(init=False)
    matched_weight: float = field(init=False)

    def __post_init__(self) -> None:
        weights = {t.stem: t.weight * t.match for t in self.terms}
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "stems", frozenset(weights))
        object.__setattr__(self, "total_weight", sum(t.weight for t in self.terms))
        object.__setattr__(self, "matched_weight", sum(weights.values()))


@dataclass(frozen=True)
class Measure:
    """How one candidate entry fits one question."""

    profile: EntryProfile
    coverage: float
    core: float
    anchor: float
    closeness: float
    likeness: float
    missing_names: tuple[str, ...]
    missing_share: float
    kind_fits: bool

    @property
    def score(self) -> float:
        """One calibrated figure in [0, 1] for ranking and for the threshold."""
        return 0.5 * self.coverage + 0.25 * self.closeness + 0.25 * self.likeness


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
    return Question(
        terms=tuple(terms.values()),
        kind=lexicon.question_kind(text),
        text=" ".join(t.word for t in terms.values()),
    )


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
    long_words = [w for w in text.split() if len(w) >= TITLE_CASE_WORD]
    if len(long_words) >= 3 and all(w[0].isupper() for w in long_words):
        return frozenset()
    starts = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    found = [m for m in _CAPITALISED.finditer(text) if m.start(1) not in starts]
    return frozenset(lexicon.apply_aliases(fold(m.group(1))) for m in found)


def candidates(index: Index, question: Question) -> list[int]:
    """Entries sharing the question's rarer words, best first (term-at-a-time with a budget).

    A word in how an entry is asked counts double a word only in what it states. Rare words
    are walked first; once the budget of postings is spent, the commoner words only
    re-weigh the best entries found so far, so a word in most entries costs little.
    """
    scores: dict[int, float] = {}
    walked = 0
    common: list[Term] = []
    for term in sorted(question.terms, key=lambda t: -t.weight):
        postings = index.postings.get(term.stem, ())
        if scores and walked + len(postings) > POSTINGS_BUDGET:
            common.append(term)
            continue
        walked += len(postings)
        half = term.weight * term.match / 2
        for position in postings:
            scores[position] = scores.get(position, 0.0) + half
        for position in index.asked_postings.get(term.stem, ()):
            scores[position] += half
    if common:
        best = heapq.nlargest(RESCORED, scores, key=scores.__getitem__)
        scores = {position: scores[position] for position in best}
        for position in best:
            profile = index.profiles[position]
            for term in common:
                if term.stem in profile.known:
                    half = term.weight * term.match / 2
                    scores[position] += half * (2 if term.stem in profile.asked_union else 1)
    return heapq.nlargest(CANDIDATES, scores, key=scores.__getitem__)


def measure(index: Index, question: Question, position: int) -> Measure:
    """Measure how well the entry at `position` fits the question."""
    profile = index.profiles[position]
    total = question.total_weight or 1.0
    accounted = core = anchor = missing_weight = 0.0
    missing: list[str] = []
    for term in question.terms:
        weight = term.weight * term.match
        if term.stem in profile.core or (term.name and term.stem in profile.known):
            accounted += weight * IN_CORE
            core += weight
        elif term.stem in profile.asked_union:
            accounted += weight * IN_PHRASING
        elif term.stem in profile.known:
            accounted += weight * STATED_ONLY
        elif term.name:
            missing.append(term.word)
            missing_weight += weight
        if term.stem in profile.core or (term.name and term.stem in profile.known):
            anchor += weight
    return Measure(
        profile=profile,
        coverage=accounted / total,
        core=core / total,
        anchor=anchor,
        missing_share=missing_weight / total,
        closeness=_closeness(question, profile),
        likeness=_likeness(question, profile),
        missing_names=tuple(missing),
        kind_fits=_kind_fits(question.kind, profile),
    )


def _closeness(question: Question, profile: EntryProfile) -> float:
    """Weighted Dice overlap with the closest way the entry is asked (1 = same words)."""
    asked = question.weights
    words = question.stems
    best = 0.0
    for phrasing, phrasing_total in zip(profile.asked, profile.asked_weights, strict=True):
        shared = phrasing & words
        if shared:
            overlap = sum(asked[s] for s in shared)
            best = max(best, 2.0 * overlap / (question.matched_weight + phrasing_total))
    return best


def _likeness(question: Question, profile: EntryProfile) -> float:
    """Character-level likeness to the closest phrasing (0-1), which separates near ties."""
    if not question.text:
        return 0.0
    best = process.extractOne(
        question.text, profile.asked_text, scorer=fuzz.token_sort_ratio, processor=None
    )
    return best[1] / 100.0 if best else 0.0


def _kind_fits(kind: str | None, profile: EntryProfile) -> bool:
    if kind == lexicon.WHEN:
        return profile.states_date
    if kind == lexicon.HOW_MANY:
        return profile.states_count
    return True
