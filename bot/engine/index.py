"""The index of one knowledge snapshot: what each entry knows, and how rare each word is.

Built once per snapshot. A question then touches only the entries that share a word with
it (through the inverted index), never every entry, which keeps a question well under a
millisecond however much the knowledge grows.

rapidfuzz 3 does not preprocess strings unless told to; every string handed to it here is
already folded by `text.fold`, so calls pass `processor=None` to say so explicitly.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.learnt import WORD, learnt_vocabulary, lone_capitalised
from bot.engine.lexicon import (
    STOPWORDS,
    Lexicon,
    is_stopword,
    states_a_count,
    states_a_date,
    states_a_future,
    states_a_reason,
    states_an_origin,
    voices,
)
from bot.engine.text import fold, stem
from bot.knowledge.model import Entry, Knowledge

# A misspelt word may be one edit from a known word, or two from the length of
# _TYPO_TWO_EDITS letters; words shorter than _TYPO_MIN_LENGTH are never corrected.
_TYPO_MIN_LENGTH = 4
_TYPO_TWO_EDITS = 8
_TYPO_CACHE = 4096
# A stem in this many of an entry's phrasings is part of what the entry is about.
CORE_PHRASINGS = 2


def content_words(lexicon: Lexicon, text: str) -> list[str]:
    """The folded, alias-resolved words of `text` that are not stopwords."""
    return _without_stopwords(lexicon.apply_aliases(fold(text)))


@dataclass(frozen=True)
class EntryProfile:
    """What one entry knows, as stems.

    `asked` is every way the entry is asked (its question and phrasings, one stem set per
    phrasing, with the IDF mass of each in `asked_weights`, and for each stem the phrasings
    that have it in `asked_where`) and `asked_text` the same as
    folded words for character-level comparison;
    `core` are the stems the entry is about (in its question, or in several phrasings);
    `known` adds everything it states (answer, quotes, speakers, topic), which is what a
    question's words must be found in for the entry to answer it, and `stated` is that
    statement alone; `words` are its folded
    words, which a misspelt question word may be corrected to; `text` all of it folded, to
    find a multi-word name in.
    """

    entry: Entry
    asked: tuple[frozenset[str], ...]
    asked_weights: tuple[float, ...]
    asked_text: tuple[str, ...]
    asked_union: frozenset[str]
    asked_where: dict[str, tuple[int, ...]]
    core: frozenset[str]
    known: frozenset[str]
    stated: frozenset[str]
    words: frozenset[str]
    text: str
    states_date: bool
    states_count: bool
    states_reason: bool
    states_origin: bool
    states_future: bool
    negative: bool
    held: frozenset[str]
    voices: frozenset[str]
    speakers: frozenset[str]


class Index:
    """Inverted index with IDF weights and a fuzzy vocabulary for one knowledge snapshot."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.lexicon = Lexicon(knowledge.vocabulary.values(), learnt_vocabulary(knowledge))
        self.kept_names = _kept_names(self.lexicon, knowledge.entries.values())
        profiles = [
            _profile(self.lexicon, knowledge.entries[entry_id], self.stem)
            for entry_id in sorted(knowledge.entries)
        ]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, profile in enumerate(profiles):
            for term in profile.known:
                postings[term].append(i)
        self.postings: dict[str, tuple[int, ...]] = {t: tuple(p) for t, p in postings.items()}
        self.asked_postings: dict[str, tuple[int, ...]] = {
            t: tuple(i for i in p if t in profiles[i].asked_union) for t, p in self.postings.items()
        }
        count = max(len(profiles), 1)
        self.idf: dict[str, float] = {
            t: math.log(1.0 + count / len(p)) for t, p in self.postings.items()
        }
        self.profiles: tuple[EntryProfile, ...] = tuple(
            replace(
                p,
                asked_weights=tuple(sum(self.idf[t] for t in a) for a in p.asked),
            )
            for p in profiles
        )
        self.position = {p.entry.id: i for i, p in enumerate(self.profiles)}
        # Every question and phrasing folded with aliases resolved (for autocomplete), and
        # the entry of each.
        self.asked_folded: list[str] = []
        self.asked_owner: list[Entry] = []
        for profile in self.profiles:
            entry = profile.entry
            for text in (entry.question, *entry.phrasings):
                self.asked_folded.append(self.lexicon.apply_aliases(fold(text)))
                self.asked_owner.append(entry)
        self.unknown_weight = math.log(1.0 + count)
        self._words_by_length = _words_by_length(self.lexicon, profiles)
        self.correct = lru_cache(maxsize=_TYPO_CACHE)(self._correct)

    def stem(self, word: str) -> str:
        """The stem of a folded word; a name that stemming would make a common word is kept."""
        return word if word in self.kept_names else stem(word)

    def weight(self, term: str) -> float:
        """How much a term says about which entry is meant: rarer terms say more."""
        return self.idf.get(term, self.unknown_weight)

    def _correct(self, word: str) -> tuple[str, float] | None:
        """The known word `word` is most likely a misspelling of, with the match (0-1).

        Edits are counted with transpositions as one (beleive, believe). A four-letter word
        is only ever read as a misspelt stopword (wich, which, though "wish" is as near):
        one letter off a short word is too often another word altogether.
        """
        if len(word) < _TYPO_MIN_LENGTH or word.isdigit() or word in self.lexicon.written_names:
            return None
        edits = 1 if len(word) < _TYPO_TWO_EDITS else 2
        short = len(word) == _TYPO_MIN_LENGTH
        choices = [
            w
            for length in range(len(word) - edits, len(word) + edits + 1)
            for w in self._words_by_length.get(length, ())
            if not short or w in STOPWORDS
        ]
        best = process.extractOne(
            word, choices, scorer=OSA.distance, processor=None, score_cutoff=edits
        )
        if best is None:
            return None
        return self.lexicon.alias_of(best[0]), 1.0 - best[1] / len(word)


def _kept_names(lexicon: Lexicon, entries: Iterable[Entry]) -> frozenset[str]:
    """Names that stemming would read as a common word (Politico as political), kept whole.

    A name is a word the knowledge writes alone with a capital where no sentence starts
    (not inside a longer name: Partnership for Peace is partnership too), or one the lexicon
    lists, and never writes in lowercase in its prose (answers and quotes).
    """
    names = set(lexicon.names | lexicon.people)
    lowercase: set[str] = set()
    for entry in entries:
        prose = [entry.answer, *(c.quote for c in entry.citations)]
        for text in (entry.question, *entry.phrasings, *(c.speaker for c in entry.citations)):
            names.update(lone_capitalised(text))
        for text in prose:
            names.update(lone_capitalised(text))
            lowercase.update(
                fold(" ".join(t for t in WORD.findall(text) if t[0].islower())).split()
            )
    common = {stem(word) for word in lowercase}
    return frozenset(n for n in names - lowercase if stem(n) != n and stem(n) in common)


def _profile(lexicon: Lexicon, entry: Entry, stem: Callable[[str], str]) -> EntryProfile:
    asked_folded = [lexicon.apply_aliases(fold(t)) for t in (entry.question, *entry.phrasings)]
    asked_words = [_without_stopwords(folded) for folded in asked_folded]
    asked = tuple(frozenset(stem(w) for w in words) for words in asked_words)
    asked_union = frozenset().union(*asked)
    quotes = [c.quote for c in entry.citations]
    statement = fold(" ".join([entry.answer, *quotes]))
    stated_folded = lexicon.apply_aliases(
        " ".join([statement, fold(" ".join([entry.topic, *(c.speaker for c in entry.citations)]))])
    )
    stated_words = _without_stopwords(stated_folded)
    stated = frozenset(stem(w) for w in stated_words)
    return EntryProfile(
        entry=entry,
        asked=asked,
        asked_weights=(),
        asked_text=tuple(" ".join(words) for words in asked_words),
        asked_union=asked_union,
        asked_where={t: tuple(i for i, a in enumerate(asked) if t in a) for t in asked_union},
        core=_core(asked),
        known=asked_union | stated,
        stated=stated,
        words=frozenset(stated_words).union(*asked_words),
        text=" | ".join([*asked_folded, stated_folded]),
        states_date=states_a_date(statement),
        states_count=states_a_count(statement),
        states_reason=states_a_reason(statement)
        or any(lexicon.asks_why(text) for text in entry.phrasings),
        states_origin=states_an_origin(statement),
        states_future=states_a_future(statement),
        negative=lexicon.is_negative(entry.question),
        held=frozenset(stem(w) for w in lexicon.holders(stated_folded)),
        voices=_voices(lexicon, entry, stated_folded, stem),
        speakers=_speaker_names(lexicon, entry, stem),
    )


def _speaker_names(lexicon: Lexicon, entry: Entry, stem: Callable[[str], str]) -> frozenset[str]:
    """Stems of the names of those the entry quotes, without their roles (after a comma)."""
    names = " ".join(c.speaker.split(",")[0] for c in entry.citations)
    return frozenset(stem(w) for w in lexicon.apply_aliases(fold(names)).split())


def _voices(
    lexicon: Lexicon, entry: Entry, stated_folded: str, stem: Callable[[str], str]
) -> frozenset[str]:
    """Stems of those whose words the entry reports: its speakers, and who says what in it."""
    speakers = lexicon.apply_aliases(fold(" ".join(c.speaker for c in entry.citations)))
    return frozenset(stem(w) for w in speakers.split()) | {stem(w) for w in voices(stated_folded)}


def _without_stopwords(folded: str) -> list[str]:
    return [w for w in folded.split() if not is_stopword(w)]


def _core(asked: tuple[frozenset[str], ...]) -> frozenset[str]:
    """Stems an entry is about: in its own question, or in at least two of its phrasings."""
    counts: dict[str, int] = defaultdict(int)
    for phrasing in asked[1:]:
        for term in phrasing:
            counts[term] += 1
    return asked[0] | {term for term, count in counts.items() if count >= CORE_PHRASINGS}


def _words_by_length(lexicon: Lexicon, profiles: list[EntryProfile]) -> dict[int, tuple[str, ...]]:
    """Every word a typo may be corrected to.

    The knowledge's words, the stopwords, and the words that stand for one of the
    knowledge's words (contries: countries, so country).
    """
    words: set[str] = set(STOPWORDS).union(*(p.words for p in profiles))
    words |= {key for key, value in lexicon.one_word_aliases.items() if value in words}
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(words):
        by_length[len(word)].append(word)
    return {length: tuple(ws) for length, ws in by_length.items()}
