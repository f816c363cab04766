"""The index of one knowledge snapshot: what each entry knows, and how rare each word is.

Built once per snapshot. A question then touches only the entries that share a word with
it (through the inverted index), never every entry, which keeps a question well under a
millisecond however much the knowledge grows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.engine import lexicon
from bot.engine.text import fold, stem
from bot.knowledge.model import Entry, Knowledge

# How far a misspelt word may be from a known one (rapidfuzz ratio, 0-100) by its length:
# short words need a closer match, since one letter changes a short word entirely.
_TYPO_CUTOFF_SHORT = 88.0
_TYPO_CUTOFF_LONG = 80.0
_TYPO_MIN_LENGTH = 4
_TYPO_CACHE = 4096


def content_words(text: str) -> list[str]:
    """The folded, alias-resolved words of `text` that are not stopwords."""
    folded = lexicon.apply_aliases(fold(text))
    return [w for w in folded.split() if w not in lexicon.STOPWORDS]


def stems_of(text: str) -> frozenset[str]:
    """The set of stems of the content words of `text`."""
    return frozenset(stem(w) for w in content_words(text))


@dataclass(frozen=True)
class EntryProfile:
    """What one entry knows, as stems.

    `asked` is every way the entry is asked (its question and phrasings, one stem set per
    phrasing); `known` adds everything it states (answer, quotes, speakers, topic), which is
    what a question's words must be found in for the entry to answer it.
    """

    entry: Entry
    asked: tuple[frozenset[str], ...]
    asked_union: frozenset[str]
    known: frozenset[str]
    states_date: bool
    states_count: bool


class Index:
    """Inverted index with IDF weights and a fuzzy vocabulary for one knowledge snapshot."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.profiles: tuple[EntryProfile, ...] = tuple(
            _profile(knowledge.entries[entry_id]) for entry_id in sorted(knowledge.entries)
        )
        self.position = {p.entry.id: i for i, p in enumerate(self.profiles)}
        postings: dict[str, list[int]] = defaultdict(list)
        for i, profile in enumerate(self.profiles):
            for term in profile.known:
                postings[term].append(i)
        self.postings: dict[str, tuple[int, ...]] = {t: tuple(p) for t, p in postings.items()}
        count = max(len(self.profiles), 1)
        self.idf: dict[str, float] = {
            t: math.log(1.0 + count / len(p)) for t, p in self.postings.items()
        }
        self.unknown_weight = math.log(1.0 + count)
        self._words_by_length = _words_by_length(knowledge, self.postings)
        self.correct = lru_cache(maxsize=_TYPO_CACHE)(self._correct)

    def weight(self, term: str) -> float:
        """How much a term says about which entry is meant: rarer terms say more."""
        return self.idf.get(term, self.unknown_weight)

    def _correct(self, word: str) -> tuple[str, float] | None:
        """The known word `word` is most likely a misspelling of, with the match (0-1)."""
        if len(word) < _TYPO_MIN_LENGTH or word.isdigit() or word in lexicon.NAMES:
            return None
        cutoff = _TYPO_CUTOFF_SHORT if len(word) < 6 else _TYPO_CUTOFF_LONG
        choices = [
            w
            for length in range(len(word) - 2, len(word) + 3)
            for w in self._words_by_length.get(length, ())
        ]
        best = process.extractOne(
            word, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
        )
        if best is None:
            return None
        return best[0], best[1] / 100.0


def _profile(entry: Entry) -> EntryProfile:
    asked_texts = (entry.question, *entry.phrasings)
    asked = tuple(stems_of(text) for text in asked_texts)
    asked_union = frozenset().union(*asked)
    quotes = [c.quote for c in entry.citations]
    stated = " ".join([entry.answer, entry.topic, *quotes, *(c.speaker for c in entry.citations)])
    folded_statement = fold(" ".join([entry.answer, *quotes]))
    return EntryProfile(
        entry=entry,
        asked=asked,
        asked_union=asked_union,
        known=asked_union | stems_of(stated),
        states_date=lexicon.states_a_date(folded_statement),
        states_count=lexicon.states_a_count(folded_statement),
    )


def _words_by_length(
    knowledge: Knowledge, postings: dict[str, tuple[int, ...]]
) -> dict[int, tuple[str, ...]]:
    """Every word a typo may be corrected to: the knowledge's words and the stopwords."""
    words: set[str] = set(lexicon.STOPWORDS)
    for entry in knowledge.entries.values():
        texts = (entry.question, entry.answer, *entry.phrasings)
        texts += tuple(c.quote for c in entry.citations)
        for text in texts:
            words.update(w for w in content_words(text) if stem(w) in postings)
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(words):
        by_length[len(word)].append(word)
    return {length: tuple(ws) for length, ws in by_length.items()}
