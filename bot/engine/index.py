"""The index of one knowledge snapshot: what each entry knows, and how rare each word is.

Built once per snapshot. A question then touches only the entries that share a word with
it (through the inverted index), never every entry, which keeps a question well under a
millisecond however much the knowledge grows.

rapidfuzz 3 does not preprocess strings unless told to; every string handed to it here is
already folded by `text.fold`, so calls pass `processor=None` to say so explicitly.
"""

from __future__ import annotations

import bisect
import copy
import gc
import math
import re
import sys
import weakref
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from functools import cached_property, lru_cache, partial
from itertools import chain, compress, pairwise
from operator import methodcaller
from typing import NamedTuple, TypeVar

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.engine.learnt import (
    WORD,
    defined_acronyms,
    learnt_vocabulary,
    lone_capitalised,
    speaker_name,
)
from bot.engine.lexicon import (
    ROLE_WORDS,
    STOPWORDS,
    Lexicon,
    answers_a_rare_kind,
    counts_written,
    days_given,
    states_a_count,
    states_a_count_besides,
    states_a_date,
    states_a_date_besides,
    states_a_dated_beginning,
    states_a_day,
    states_a_future,
    states_a_month,
    states_a_reason,
    states_a_span,
    states_a_year,
    states_an_origin,
    voices,
)
from bot.knowledge.model import Citation, Entry, Knowledge, Source
from bot.language.english import common_english_words
from bot.language.sentences import sentence_ends
from bot.language.text import fold, serbian_spelling, singular, stem
from bot.language.words import is_stopword

# A count counts a word at most this many words from it, before or after: "14 countries",
# "three senior police officers", "a population of 3.9 million". Three leaves room for two
# words qualifying the thing; further off, the count is most often of something else in the
# sentence ("on three occasions ... with other countries").
COUNT_REACH = 3
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# A misspelt word may be one edit from a known word, or two from the length of
# _TYPO_TWO_EDITS letters; words shorter than _TYPO_MIN_LENGTH are never corrected. A word
# one letter shorter may be two edits off a known word with its first letter (govener,
# governor): few misspellings get the first letter wrong, and two edits anywhere in seven
# letters make too many other words ("another" is two off "other", "percent" off "recent").
_TYPO_MIN_LENGTH = 4
_TYPO_TWO_EDITS = 8
_TYPO_TWO_EDITS_SAME_START = _TYPO_TWO_EDITS - 1
# A common English word is read as a misspelling only of another form of itself: one that
# differs from it in no more than the last letters of the longer, as an ending does ("minds":
# "mind", "gunman": "gunmen", "built": "build"), not "protests": "protects"; and never
# before its fourth letter, as short words differ ("fine": "find", "court": "count").
_ENDING_LETTERS = 2
# Prefixes that turn a word into another, often its opposite: a word that differs from a
# known one only by one of these is read as that word, but says something else of it.
_SENSE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "de", "mis", "anti", "re")
_TYPO_CACHE = 4096
# Quotes and speakers read for names, remembered: entries cite the same ones over and over,
# and an index of 10,000 entries would otherwise read each once per entry citing it.
_QUOTED_CACHE = 4096
# The sources whose topics are remembered: a knowledge holds a few dozen (each up to 1 MB,
# which the cache only refers to: the snapshot holds the texts anyway).
_SOURCES_CACHE = 256
_T = TypeVar("_T", bound=Hashable)
_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")
# What a profile derives when asked (see `EntryProfile`), remembered for this many entries:
# a question measures a few candidates, and the same ones again while a subject is asked.
_DERIVED_CACHE = 4096
# A stem in this many of an entry's phrasings is part of what the entry is about.
CORE_PHRASINGS = 2
# A stem in at least this many entries, and this share of them, has its presence in every
# entry laid out in one array (see `Index.presence`). Such a stem only ever re-weighs the
# entries a question's rarer words found (match.POSTINGS_BUDGET); the array holds a byte
# per entry, no more than its postings' own room at that share.
DENSE_POSTINGS = 1000
DENSE_SHARE = 8


def content_words(lexicon: Lexicon, text: str) -> list[str]:
    """The folded, alias-resolved words of `text` that are not stopwords."""
    return _without_stopwords(lexicon.apply_aliases(fold(text)))


@dataclass(frozen=True)
class EntryProfile:
    """What one entry knows, as stems.

    `asked` is every way the entry is asked (its question and phrasings, the stems of each,
    with the IDF mass of each in `asked_weights`), `asked_folded` each folded with aliases
    resolved (for autocomplete); `core` are the stems the entry is about (in its question,
    or in several phrasings); `known` holds every stem the entry is asked or states
    (answer, quotes, speakers, topic), which is what a question's words must be found in
    for the entry to answer it, each with the phrasings that have it (none: the entry only
    states it); `stated` is the statement's stems alone.

    At 10,000 entries the profiles are most of a serving process's memory. `known`, looked
    up for every word of every candidate, is the one hashed table, a dict grown one key at
    a time (a third of the room of a set of its keys); the small groups looked up rarely
    are tuples, a fraction of a set's room; and what can be derived (`asked_union`,
    `asked_text`, `text`, the kinds of fact stated) is derived when asked for.
    """

    entry: Entry
    lexicon: Lexicon
    asked: tuple[tuple[str, ...], ...]
    asked_folded: tuple[str, ...]
    core: tuple[str, ...]
    known: dict[str, tuple[int, ...]]
    stated: tuple[str, ...]
    negative: bool
    speakers: frozenset[str]
    kept_names: frozenset[str]
    asked_weights: tuple[float, ...] = ()

    @property
    def asked_where(self) -> dict[str, tuple[int, ...]]:
        """For each stem, the phrasings that have it (none for a stem only stated)."""
        return self.known

    @property
    def asked_union(self) -> frozenset[str]:
        """Every stem of every way the entry is asked (made anew at each call)."""
        return frozenset(term for term, phrasings in self.known.items() if phrasings)

    @property
    def asked_text(self) -> tuple[str, ...]:
        """Each way the entry is asked, folded, without stopwords: to compare characters."""
        return _asked_text(self.asked_folded)

    def stated_words(self) -> list[str]:
        """The words the entry states (answer, quotes, topic, speakers), folded and aliased.

        Derived when asked, as the few questions needing more than `stated` do.
        """
        return _statement(self.lexicon, self.entry)[1].split()

    @cached_property
    def people_named(self) -> frozenset[str]:
        """The words of the people the vocabulary lists that the entry's statement names.

        Remembered: "which <post>s..." asks it of every candidate, each time a whole fold
        of the statement (a third of such a question's time).
        """
        people = self.lexicon.people
        return frozenset(word for word in self.stated_words() if word in people)

    # What the entry states of the kinds a question may ask for, and who holds a role or
    # speaks in it: derived when a question first measures the entry for it (a question
    # measures a few candidates), then remembered. Read at every build, they were a third
    # of a build at 10,000 entries.
    @cached_property
    def states_date(self) -> bool:
        """Whether the answer and quotes state a date."""
        return states_a_date(_folded_statement(self.entry))

    @cached_property
    def states_count(self) -> bool:
        """Whether the answer and quotes state a count or an amount."""
        return states_a_count(_folded_statement(self.entry))

    @cached_property
    def states_reason(self) -> bool:
        """Whether it states a reason, or is asked why (its answer is then the reason)."""
        return states_a_reason(_folded_statement(self.entry)) or any(
            map(self.lexicon.asks_why, self.entry.phrasings)
        )

    @cached_property
    def states_span(self) -> bool:
        """Whether it states a span of time, or is asked how long (its answer is one)."""
        asked = (self.entry.question, *self.entry.phrasings)
        return states_a_span(_folded_statement(self.entry)) or any(
            map(self.lexicon.asks_how_long, asked)
        )

    def names_a_place_besides(self, given: frozenset[str]) -> bool:
        """Whether it names a place other than those `given` (stems), or is asked where.

        A place is a name the answer or a quote writes; an entry asked where answers with
        its place. Derived when a question asking where first measures the entry.
        """
        return not self._names_stated <= given or self._asked_where

    @cached_property
    def _names_stated(self) -> frozenset[str]:
        """The stems of the names the answer and quotes write, but those of who is cited.

        "As <outlet> notes" names no place.
        """
        names = self.lexicon.written_names
        cited = fold(" ".join(c.speaker for c in self.entry.citations))
        cited_names = set(self.lexicon.apply_aliases(cited).split())
        words = self.lexicon.apply_aliases(_folded_statement(self.entry)).split()
        return frozenset(self._stems(w for w in words if w in names and w not in cited_names))

    @cached_property
    def _asked_where(self) -> bool:
        return any(map(self.lexicon.asks_where, (self.entry.question, *self.entry.phrasings)))

    @cached_property
    def states_origin(self) -> bool:
        """Whether the answer and quotes state when something began."""
        return states_an_origin(_folded_statement(self.entry))

    @cached_property
    def states_dated_beginning(self) -> bool:
        """Whether the answer and quotes may date a beginning (`states_a_dated_beginning`)."""
        return states_a_dated_beginning(_folded_statement(self.entry))

    @cached_property
    def states_future(self) -> bool:
        """Whether the answer and quotes state what is to come."""
        return states_a_future(_folded_statement(self.entry))

    @cached_property
    def held(self) -> tuple[str, ...]:
        """The stems of the words beside a name the entry states: roles someone holds."""
        return self._stems(self.lexicon.near_names(self._stated_content()))

    @cached_property
    def held_by_people(self) -> tuple[str, ...]:
        """`held`, beside a person's name only: "the mayor of <town>" names no mayor."""
        return self._stems(self.lexicon.near_people(self._stated_content()))

    @cached_property
    def voices(self) -> frozenset[str]:
        """The stems of who speaks: the speakers whole, and whom the quotes and answer have say.

        Each quote is read apart: quotes joined run one into the next, and "...with the
        envoy Jane Doe" then "He said..." would read as Jane Doe saying it.
        """
        aliased, citations = self.lexicon.aliased, self.entry.citations
        speakers = aliased(_shared_fold(" ".join(c.speaker for c in citations)).split())
        texts = [*(_shared_fold(c.quote) for c in citations), fold(self.entry.answer)]
        said = [word for text in texts for word in voices(" ".join(aliased(text.split())))]
        posts = self._posts_of(frozenset(speakers) & self.lexicon.people)
        return frozenset(self._stems([*speakers, *said, *posts]))

    def _posts_of(self, people: frozenset[str]) -> list[str]:
        """The posts the entry writes just before a speaker's name ("President <name>").

        "What did the president say" asks the words of whoever holds the post: a speaker
        the entry calls so speaks as its holder, though the speaker field names only them.
        """
        if not people:
            return []
        return [
            word
            for words in self.stated_sentences()
            for i, name in enumerate(words)
            if name in people
            for word in words[max(0, i - 2) : i]
            if word in ROLE_WORDS
        ]

    def stated_sentences(self, as_written: bool = False) -> list[list[str]]:
        """The meaningful words of each sentence the entry states, folded and aliased.

        The answer's and each quote's sentences apart, then the topic and speakers: what
        stands beside a word is read within its sentence, since folding drops the full stop
        ("one student seriously. <outlet> reports" sets no name beside "student").
        `as_written` keeps the stopwords, for what must stand right beside a word.
        """
        texts = [self.entry.answer, *(c.quote for c in self.entry.citations)]
        about = " ".join([self.entry.topic, *(c.speaker for c in self.entry.citations)])
        sentences = [*chain.from_iterable(map(_sentences, texts)), about]
        read = (self.lexicon.apply_aliases(fold(sentence)).split() for sentence in sentences)
        if as_written:
            return list(read)
        return [[word for word in words if not is_stopword(word)] for words in read]

    def written_as_names(self) -> frozenset[str]:
        """The singular forms of words the answer and quotes write with a capital inside a sentence.

        Such a word is part of a name ("a Critical Raw Materials Summit", "the Summit on
        Raw Materials"): the entry gives the name of that thing, even when the vocabulary
        lists none of its words. Derived when asked, by the few questions asking a name.
        """
        texts = [self.entry.answer, *(c.quote for c in self.entry.citations)]
        words = (
            word
            for sentence in chain.from_iterable(map(_sentences, texts))
            for word in sentence.split()[1:]
            if word[:1].isupper()
        )
        return frozenset(singular(folded) for word in words for folded in fold(word).split())

    def _stated_content(self) -> list[str]:
        """`stated_words` without stopwords."""
        return [word for word in self.stated_words() if not is_stopword(word)]

    def _stems(self, words: Iterable[str]) -> tuple[str, ...]:
        """The sorted distinct stems of folded words, as `Index.stem` gives them."""
        return tuple(sorted({_stem_keeping(self.kept_names, word) for word in words}))

    def states_a_year(self) -> bool:
        """Whether the entry states a year: derived when first asked, then remembered.

        "What year" questions ask it of every candidate, and deriving it folds the entry's
        answer and quotes: at 10,000 entries most of such a question's time. Only the
        answer is kept, a flag, not the folded text (`stated_words`).
        """
        known = self.__dict__.get("_states_a_year")
        if known is None:
            known = self.__dict__["_states_a_year"] = states_a_year(" ".join(self.stated_words()))
        return known

    def states_a_month(self) -> bool:
        """Whether the answer and quotes name a month (derived when asked, as a year is)."""
        return states_a_month(_folded_statement(self.entry))

    def states_a_day(self) -> bool:
        """Whether the answer and quotes name a day (derived when asked, as a month is)."""
        return states_a_day(_folded_statement(self.entry))

    def dates_besides(self, given: frozenset[str]) -> bool:
        """Whether the entry states a date other than those `given` (derived when asked)."""
        return states_a_date_besides(_folded_statement(self.entry), given)

    @cached_property
    def counted(self) -> frozenset[str]:
        """The stems of the words within COUNT_REACH of a count in one of the entry's sentences.

        "How many countries took part" is answered by "<count> countries", not by "three
        occasions" of an entry that mentions countries elsewhere. Derived when asked.
        """
        found: set[str] = set()
        for words in self.stated_sentences(as_written=True):
            at = counts_written(words)
            at += [(i, i) for i, word in enumerate(words) if _ORDINAL.fullmatch(word)]
            for first, last in at:
                near = words[max(0, first - COUNT_REACH) : last + 1 + COUNT_REACH]
                found.update(self._stems(near))
        return frozenset(found)

    def counts_besides(self, given: frozenset[str]) -> bool:
        """Whether the entry states a count other than those `given` (derived when asked)."""
        return states_a_count_besides(_folded_statement(self.entry), given)

    def counts_at(self, times: frozenset[str], given: frozenset[str]) -> bool:
        """Whether a sentence of the entry states a count besides `given` with one of `times`.

        Derived when asked, by the few count questions that name a time.
        """
        sentences = (" ".join(words) for words in self.stated_sentences(as_written=True))
        return any(
            not times.isdisjoint(days_given(sentence)) and states_a_count_besides(sentence, given)
            for sentence in sentences
        )

    def answers_a_rare_kind(self, kind: str) -> bool:
        """Whether the entry gives the fact a rarely asked kind asks for (an age, a time of day).

        Derived when such a question measures the entry, not at every build.
        """
        return _answers_a_rare_kind(self.lexicon, self.entry, self.asked_folded, kind)

    @property
    def text(self) -> str:
        """All the entry says and how it is asked, folded: to find a multi-word name in."""
        return _text(self.lexicon, self.entry, self.asked_folded)


class Index:
    """Inverted index with IDF weights and a fuzzy vocabulary for one knowledge snapshot.

    `updated` gives the index of an edited snapshot by re-reading only the entries the edit
    touched; the index itself is never changed, so an engine answering from it meanwhile
    never sees half an edit.
    """

    def __init__(self, knowledge: Knowledge) -> None:
        with cycles_collected_after():
            self._build(knowledge)

    def _build(self, knowledge: Knowledge) -> None:
        common_english_words()  # read now, before the index takes its memory
        self.lexicon = Lexicon(knowledge.vocabulary.values(), learnt_vocabulary(knowledge))
        self._order = tuple(knowledge.entries)
        self._sources = dict(knowledge.sources)
        self._vocabulary = dict(knowledge.vocabulary)
        self._word_counts: Counter[str] = Counter()
        self._shared: _Table[Hashable, Hashable] = _Table(_itself)
        self._speakers: Counter[str] | None = None
        self._sources_define: frozenset[str] | None = None
        self._full_names: tuple[dict[str, Source], frozenset[tuple[str, str]]] | None = None
        # The index this one was made from by other vocabulary files, and the entries
        # read again (`read_otherwise_than`); held weakly, so the old index is freed.
        self._relexiconed_from: tuple[weakref.ref[Index], frozenset[str]] | None = None
        profiles = self._read_entries(knowledge)
        postings: dict[str, list[int]] = defaultdict(list)
        asked_postings: dict[str, list[int]] = defaultdict(list)
        for i, profile in enumerate(profiles):
            known = profile.known
            _append_to_each(map(postings.__getitem__, known), i)
            _append_to_each(map(asked_postings.__getitem__, compress(known, known.values())), i)
        self.postings: dict[str, tuple[int, ...]] = {t: tuple(p) for t, p in postings.items()}
        self.asked_postings: dict[str, tuple[int, ...]] = {
            t: tuple(asked_postings.get(t, ())) for t in self.postings
        }
        count = max(len(profiles), 1)
        self.idf: dict[str, float] = {
            t: math.log(1.0 + count / len(p)) for t, p in self.postings.items()
        }
        self.profiles: tuple[EntryProfile, ...] = tuple(_weighed(p, self.idf) for p in profiles)
        self.position = {p.entry.id: i for i, p in enumerate(self.profiles)}
        self.presence: dict[str, bytes] = {}
        self._lay_out(self.postings)
        self._list_asked()
        self.unknown_weight = math.log(1.0 + count)
        self._words_by_length = _words_by_length(self.lexicon, self._word_counts)
        self.correct = lru_cache(maxsize=_TYPO_CACHE)(self._correct)
        self.correct_name = lru_cache(maxsize=_TYPO_CACHE)(self._correct_name)

    def _read_entries(self, knowledge: Knowledge) -> list[EntryProfile]:
        """Read every entry, in order of id, once the names the knowledge writes are known.

        What the reading remembers of each word is dropped on return, before the postings
        are laid out: a build takes the most memory then.
        """
        self._name_evidence = _NameEvidence.of(knowledge.entries.values(), _Folds())
        self.kept_names = self._name_evidence.kept_names(self.lexicon)
        reader = _Reader(self.lexicon, self.kept_names, _Folds())
        profiles = []
        for entry_id in sorted(knowledge.entries):
            profile, words = self._read(knowledge.entries[entry_id], reader)
            profiles.append(profile)
            self._word_counts.update(words)
        return profiles

    def updated(self, knowledge: Knowledge) -> Index:
        """The index of `knowledge`, an edit of this index's snapshot (this one is unchanged).

        Only the entries whose text changed are read again, and only the postings and
        weights of the words they gained or lost are redone. An edit adding or removing
        entries is `_resized`. An edit that changes what the whole knowledge teaches (the
        vocabulary, the sources, an acronym defined or a speaker named, a word newly written
        as a name) moves every entry's reading, so it is built whole.
        """
        if tuple(knowledge.entries) != self._order:
            return self._resized(knowledge)
        touched = {
            entry_id
            for entry_id in self._order
            if not _same(self.profiles[self.position[entry_id]].entry, knowledge.entries[entry_id])
        }
        evidence = self._name_evidence.edited(
            [self.profiles[self.position[i]].entry for i in touched],
            [knowledge.entries[i] for i in touched],
        )
        if not touched and self._only_words_differ(knowledge):
            return self._relexiconed(knowledge) or Index(knowledge)
        if not self._reads_alike(knowledge, touched) or not self._keeps_names(evidence):
            return Index(knowledge)
        edited = copy.copy(self)
        edited._name_evidence = evidence
        edited._sources, edited._vocabulary = dict(knowledge.sources), dict(knowledge.vocabulary)
        edited._reread(knowledge, touched)
        return edited

    def _only_words_differ(self, knowledge: Knowledge) -> bool:
        """Whether `knowledge` is this snapshot with other vocabulary files, all else alike."""
        return dict(knowledge.vocabulary) != self._vocabulary and (
            dict(knowledge.sources) == self._sources
        )

    def _relexiconed(self, knowledge: Knowledge) -> Index | None:
        """The index of `knowledge`, this snapshot with other vocabulary files (None: build it).

        Only the entries writing a phrase the new vocabulary reads otherwise are read again
        (`Lexicon.phrases_read_otherwise`, as written or as either vocabulary rewrites
        it); every other entry is read into the very profile it has. Built whole when the
        change bears on every entry (topics, protagonists), moves the names kept whole (every
        stem may change), or touches more than half the entries (a build reads each once).
        """
        lexicon = Lexicon(knowledge.vocabulary.values(), learnt_vocabulary(knowledge))
        phrases = lexicon.phrases_read_otherwise(self.lexicon)
        if phrases is None or self._name_evidence.kept_names(lexicon) != self.kept_names:
            return None
        lexicons = (self.lexicon, lexicon)
        starts = frozenset(self.lexicon.starts_of(phrases) | lexicon.starts_of(phrases))
        folds = _Folds()
        touched = {
            p.entry.id
            for p in self.profiles
            if _writes_any(p.entry, phrases, starts, lexicons, folds)
        }
        if 2 * len(touched) > len(self.profiles):
            return None
        edited = copy.copy(self)
        edited.lexicon, edited._vocabulary = lexicon, dict(knowledge.vocabulary)
        edited.profiles = tuple(replace(p, lexicon=lexicon) for p in self.profiles)
        edited._words_by_length = _words_by_length(lexicon, self._word_counts)
        was = _Reader(self.lexicon, self.kept_names, _Folds())
        edited._reread(knowledge, touched, was)
        edited._relexiconed_from = (weakref.ref(self), frozenset(touched))
        return edited

    def read_otherwise_than(self, earlier: Index) -> frozenset[str] | None:
        """The entries this index reads otherwise than `earlier` (None: not known).

        Known when it was made from `earlier` by other vocabulary files alone
        (`_relexiconed`): every other entry, and every text of it, is read as `earlier`
        reads it.
        """
        made_from = self._relexiconed_from
        if made_from is None or made_from[0]() is not earlier:
            return None
        return made_from[1]

    def _resized(self, knowledge: Knowledge) -> Index:
        """The index of `knowledge`, which adds or removes entries (and may edit others).

        Every entry keeps the position a build would give it (the order of the ids), so
        that entries scoring alike are ranked alike: the entries added and the entries
        edited are read, the others moved in the postings, and since the number of entries
        weighs every word, every weight and phrasing mass is worked out again, as a build
        does. Built whole instead when the edit changes what the knowledge teaches (an
        acronym or a person quoted: `_learns_alike`, `_speakers_named`), when it reorders
        the entries staying (the first of several to define an acronym is the one learnt),
        or when it reads more entries than half of those there will be (a build reads each
        once, at about the same cost).
        """
        before, after = self.position.keys(), knowledge.entries.keys()
        added, removed = sorted(after - before), sorted(before - after)
        touched = sorted(
            i for i in after & before if not _same(self._entry(i), knowledge.entries[i])
        )
        staying = [i for i in knowledge.entries if i in before]
        if 2 * (len(added) + len(touched)) > len(after) or staying != [
            i for i in self._order if i in after
        ]:
            return Index(knowledge)
        leaving = [self._entry(i) for i in (*touched, *removed)]
        coming = [knowledge.entries[i] for i in (*touched, *added)]
        evidence = self._name_evidence.edited(leaving, coming)
        removed_entries, added_entries = leaving[len(touched) :], coming[len(touched) :]
        speakers = _recounted(
            self._speakers_named(),
            list(map(_named_speakers, removed_entries)),
            list(map(_named_speakers, added_entries)),
        )
        if (
            not self._reads_alike(knowledge, set(touched))
            or not self._learns_alike(removed_entries, added_entries)
            or speakers.keys() != self._speakers_named().keys()
            or not self._keeps_names(evidence)
        ):
            return Index(knowledge)
        resized = copy.copy(self)
        resized._name_evidence, resized._speakers = evidence, speakers
        resized._order = tuple(knowledge.entries)
        resized._sources, resized._vocabulary = dict(knowledge.sources), dict(knowledge.vocabulary)
        resized._renumber(knowledge, touched, removed, added)
        return resized

    def _entry(self, entry_id: str) -> Entry:
        return self.profiles[self.position[entry_id]].entry

    def _speakers_named(self) -> Counter[str]:
        """In how many entries each word of a quoted person's name stands (made when needed).

        The learnt vocabulary's people are these words: an edit adding or removing entries
        keeps the lexicon only if they stay the same words.
        """
        if self._speakers is None:
            self._speakers = Counter()
            for profile in self.profiles:
                self._speakers.update(_named_speakers(profile.entry))
        return self._speakers

    def _learns_alike(self, removed: list[Entry], added: list[Entry]) -> bool:
        """Whether removing and adding these entries leaves the learnt acronyms as they are.

        The first text to define an acronym is the one learnt, a source before any entry
        (`learnt_vocabulary`): an entry defining one the sources define teaches nothing,
        but one defining another may be the first to, so that edit is built whole.
        """
        defined = {
            form
            for entry in (*removed, *added)
            for text in (entry.answer, *(c.quote for c in entry.citations))
            for form, _ in defined_acronyms(text)
        }
        if not defined:
            return True
        if self._sources_define is None:
            self._sources_define = frozenset(
                form for text in self._sources.values() for form, _ in defined_acronyms(text.text)
            )
        return defined <= self._sources_define

    def _renumber(
        self, knowledge: Knowledge, touched: list[str], removed: list[str], added: list[str]
    ) -> None:
        """Put every entry at its place among the ids of `knowledge`, reading the new ones.

        The entries `touched` and `added` are read; every other entry keeps its profile and
        moves, in the postings, to its new position (a position only grows or shrinks by
        the entries added or removed before it, so each postings list stays in order and
        only its part from the first entry that moved is made again).
        """
        old, reread = self.profiles, set(touched)
        position = {entry_id: i for i, entry_id in enumerate(sorted(knowledge.entries))}
        moved_to = [-1 if p.entry.id in reread else position.get(p.entry.id, -1) for p in old]
        first = next((p for p, q in enumerate(moved_to) if p != q), len(old))
        leaving = [old[self.position[i]] for i in (*touched, *removed)]
        reader = _Reader(self.lexicon, self.kept_names, _Folds())
        coming: dict[int, EntryProfile] = {}
        old_words, new_words = [], []
        for entry_id in (*touched, *added):
            profile, words = self._read(knowledge.entries[entry_id], reader)
            coming[position[entry_id]] = profile
            new_words.append(words)
        for profile in leaving:
            old_words.append(self._read(profile.entry, reader)[1])
        self.postings, self.asked_postings = _renumbered(
            self.postings, self.asked_postings, moved_to, first, leaving, coming
        )
        count = max(len(position), 1)
        self.idf = {t: math.log(1.0 + count / len(p)) for t, p in self.postings.items()}
        profiles: list[EntryProfile | None] = [None] * len(position)
        for before, after in enumerate(moved_to):
            if after >= 0:
                profiles[after] = old[before]
        for at, profile in coming.items():
            profiles[at] = profile
        self.profiles = tuple(_weighed(p, self.idf) for p in profiles if p is not None)
        self.position = position
        self.presence = {}
        self._lay_out(self.postings)
        self._list_asked()
        self.unknown_weight = math.log(1.0 + count)
        word_counts = _recounted(self._word_counts, old_words, new_words)
        gained = {w for words in new_words for w in words if w not in self._word_counts}
        lost = {w for words in old_words for w in words if w not in word_counts}
        if gained or lost:
            self._words_by_length = _rebucketed(
                self.lexicon, self._words_by_length, word_counts, gained, lost
            )
        self._word_counts = word_counts
        self.correct = lru_cache(maxsize=_TYPO_CACHE)(self._correct)
        self.correct_name = lru_cache(maxsize=_TYPO_CACHE)(self._correct_name)

    def _lay_out(self, terms: Iterable[str], reread: Iterable[int] = ()) -> None:
        """Make again the presence arrays of `terms` (see `presence`), or drop them.

        `presence[stem][position]` is 2 where the entry at `position` is asked with the
        stem, 1 where it only states it, 0 where it has not: a question's common words
        re-weigh a hundred entries each, and a byte in one array is read much faster than
        a look-up in each of a hundred entries' tables spread over the memory. An array
        already made is copied with only the `reread` entries' bytes made again.
        """
        count = len(self.profiles)
        dense = max(DENSE_POSTINGS, count // DENSE_SHARE)
        for term in terms:
            postings = self.postings.get(term, ())
            if len(postings) < dense:
                self.presence.pop(term, None)
                continue
            if term in self.presence:
                present = bytearray(self.presence[term])
                for position in reread:
                    asked = self.profiles[position].known.get(term)
                    present[position] = 0 if asked is None else 2 if asked else 1
                self.presence[term] = bytes(present)
                continue
            present = bytearray(count)
            for position in postings:
                present[position] = 1
            for position in self.asked_postings[term]:
                present[position] = 2
            self.presence[term] = bytes(present)

    def _reads_alike(self, knowledge: Knowledge, touched: set[str]) -> bool:
        """Whether the edit leaves the lexicon as it is."""
        return (
            dict(knowledge.vocabulary) == self._vocabulary
            and dict(knowledge.sources) == self._sources
            and all(
                _learnt_share(self.profiles[self.position[i]].entry)
                == _learnt_share(knowledge.entries[i])
                for i in touched
            )
        )

    def _keeps_names(self, evidence: _NameEvidence) -> bool:
        """Whether the edited entries leave `kept_names` (and so every stem) as it is."""
        return evidence.same_words(self._name_evidence) or (
            evidence.kept_names(self.lexicon) == self.kept_names
        )

    def _reread(self, knowledge: Knowledge, touched: set[str], was: _Reader | None = None) -> None:
        """Read the touched entries again and redo what depends on the words they changed.

        `was` reads the entries as they were read before (when the lexicon changed), to
        take their words out of the words a misspelling may be corrected to.
        """
        profiles = list(self.profiles)
        self.postings, self.asked_postings = dict(self.postings), dict(self.asked_postings)
        self.idf, self.presence = dict(self.idf), dict(self.presence)
        changed: set[str] = set()
        moved: set[str] = set()
        reread = {self.position[entry_id] for entry_id in touched}
        old_words, new_words = [], []
        reader = _Reader(self.lexicon, self.kept_names, _Folds())
        for position in sorted(reread):
            old = profiles[position]
            profile, words = self._read(knowledge.entries[old.entry.id], reader)
            old_words.append(self._read(old.entry, was or reader)[1])
            new_words.append(words)
            changed |= self._repost(position, old, profile)
            moved.update(old.known, profile.known)
            self._relist_asked(profile, position)
            profiles[position] = profile
        count = max(len(profiles), 1)
        for term in changed:
            if term in self.postings:
                self.idf[term] = math.log(1.0 + count / len(self.postings[term]))
            else:
                self.idf.pop(term, None)
        reweighed: dict[int, list[str]] = defaultdict(list)
        for term in changed:
            for position in self.asked_postings.get(term, ()):
                reweighed[position].append(term)
        for position, terms in reweighed.items():
            if position not in reread:
                profiles[position] = _weighed(profiles[position], self.idf, terms)
        for position in reread:
            profiles[position] = _weighed(profiles[position], self.idf)
        self.profiles = tuple(profiles)
        self._lay_out(moved, reread)
        word_counts = _recounted(self._word_counts, old_words, new_words)
        added = {w for words in new_words for w in words if w not in self._word_counts}
        removed = {w for words in old_words for w in words if w not in word_counts}
        if added or removed:
            self._words_by_length = _rebucketed(
                self.lexicon, self._words_by_length, word_counts, added, removed
            )
        self._word_counts = word_counts
        self.correct = lru_cache(maxsize=_TYPO_CACHE)(self._correct)
        self.correct_name = lru_cache(maxsize=_TYPO_CACHE)(self._correct_name)

    def _repost(self, position: int, old: EntryProfile, new: EntryProfile) -> set[str]:
        """Move `position` in the postings of the words the entry gained or lost.

        Returns the words whose postings changed (their weight changes with them).
        """
        changed = set()
        for term in old.known | new.known:
            in_old, in_new = term in old.known, term in new.known
            if in_old != in_new:
                self.postings[term] = _moved(self.postings.get(term, ()), position, in_new)
                changed.add(term)
            asked_new = bool(new.known.get(term))
            if bool(old.known.get(term)) != asked_new:
                asked = _moved(self.asked_postings.get(term, ()), position, asked_new)
                self.asked_postings[term] = asked
            self.asked_postings.setdefault(term, ())
            if not self.postings[term]:
                del self.postings[term], self.asked_postings[term]
        return changed

    def _list_asked(self) -> None:
        """List every question and phrasing, folded with aliases resolved, for autocomplete.

        `asked_owner` holds the position of the entry of each, in order.
        """
        self.asked_folded = [text for p in self.profiles for text in p.asked_folded]
        self.asked_owner = [i for i, p in enumerate(self.profiles) for _ in p.asked_folded]

    def _relist_asked(self, profile: EntryProfile, position: int) -> None:
        """Replace the listed questions and phrasings of the entry at `position` (a copy)."""
        start = bisect.bisect_left(self.asked_owner, position)
        end = bisect.bisect_right(self.asked_owner, position)
        texts = profile.asked_folded
        self.asked_folded = self.asked_folded[:start] + list(texts) + self.asked_folded[end:]
        owners = [position] * len(texts)
        self.asked_owner = self.asked_owner[:start] + owners + self.asked_owner[end:]

    def _read(self, entry: Entry, reader: _Reader) -> tuple[EntryProfile, frozenset[str]]:
        """What `entry` knows, its parts shared with equal parts of other entries."""
        return _profile(reader, entry, self._shared.__getitem__)

    def full_names(self) -> frozenset[tuple[str, str]]:
        """Pairs of people's words the sources write one after the other: "<given> <surname>".

        Worked out once per set of sources (an edit of entries keeps them).
        """
        if self._full_names is None or self._full_names[0] is not self._sources:
            people = self.lexicon.people
            texts = (source.text for source in self._sources.values())
            pairs = frozenset().union(*(_people_pairs(text, people) for text in texts))
            self._full_names = (self._sources, pairs)
        return self._full_names[1]

    def topics_of(self, source_id: str) -> frozenset[str]:
        """The vocabulary's topics (what every entry is about) the source's text mentions."""
        source = self._sources.get(source_id)
        return _topics_in(source.text, self.lexicon.topics) if source else frozenset()

    def stem(self, word: str) -> str:
        """The stem of a folded word; a name that stemming would make a common word is kept."""
        return word if word in self.kept_names else stem(word)

    def weight(self, term: str) -> float:
        """How much a term says about which entry is meant: rarer terms say more."""
        return self.idf.get(term, self.unknown_weight)

    def _correct(self, word: str) -> tuple[str, float] | None:
        """The known word `word` is most likely a misspelling of, with the match (0-1).

        Edits are counted with transpositions as one (beleive, believe). A four-letter word
        is only ever read as a misspelt stopword (wich, which, though "wish" is as near), or
        as a word with two neighbouring letters swapped (slef, self): one letter off a short
        word is too often another word altogether, a swap seldom.
        """
        if len(word) < _TYPO_MIN_LENGTH or word.isdigit() or word in self.lexicon.written_names:
            return None
        edits = 1 if len(word) < _TYPO_TWO_EDITS else 2
        short = len(word) == _TYPO_MIN_LENGTH
        choices = [w for w in self._words_within(word, edits) if not short or w in STOPWORDS]
        if short:
            known = self._words_by_length.get(len(word), ())
            choices += [swap for swap in _swaps(word) if swap in known]
        best = process.extractOne(
            word, choices, scorer=OSA.distance, processor=None, score_cutoff=edits
        )
        if best is None and len(word) == _TYPO_TWO_EDITS_SAME_START:
            best = process.extractOne(
                word,
                self._words_starting(word, 2),
                scorer=OSA.distance,
                processor=None,
                score_cutoff=2,
            )
        if best is None or not _may_be_misspelt(word, best[0]):
            return None
        return self.lexicon.alias_of(best[0]), 1.0 - best[1] / len(word)

    def _correct_name(self, word: str) -> tuple[str, float] | None:
        """The name the knowledge writes that `word` is most likely a misspelling of.

        For a word written with a capital, as names are: the nearest name of a place, a body
        or a person, not the nearest word ("Ruritanai" is one letter off a name "ruritania"
        and a word "ruritana"). A name written the Albanian way ("Dragosh", two letters off
        "dragos") is that name, whatever its length.
        """
        names, people = self.lexicon.written_names, self.lexicon.people
        respelt = serbian_spelling(word)
        if respelt != word and (respelt in names or respelt in people):
            return self.lexicon.alias_of(respelt), 1.0
        if len(word) < _TYPO_MIN_LENGTH + 1 or word.isdigit():
            return None
        edits = 1 if len(word) < _TYPO_TWO_EDITS else 2
        choices = [w for w in self._words_within(word, edits) if w in names or w in people]
        best = process.extractOne(
            word, choices, scorer=OSA.distance, processor=None, score_cutoff=edits
        )
        if best is None:
            return None
        return self.lexicon.alias_of(best[0]), 1.0 - best[1] / len(word)

    def _words_starting(self, word: str, edits: int) -> list[str]:
        """`_words_within`, of those starting with `word`'s first letter.

        Each length's words are in sorted order, so those of one first letter are a slice.
        """
        first, after = word[0], chr(ord(word[0]) + 1)
        found: list[str] = []
        for length in range(len(word) - edits, len(word) + edits + 1):
            words = self._words_by_length.get(length, ())
            found += words[bisect.bisect_left(words, first) : bisect.bisect_left(words, after)]
        return found

    def _words_within(self, word: str, edits: int) -> list[str]:
        """The known words whose length is at most `edits` off `word`'s."""
        lengths = range(len(word) - edits, len(word) + edits + 1)
        return [w for length in lengths for w in self._words_by_length.get(length, ())]


def prefix_swapped(word: str, known: str) -> bool:
    """Whether `known` is `word` with a prefix put on, taken off or changed.

    Read as a misspelling, "insecure" finds what is said of "secure" and "decrease" what is
    said of "increase": the entry that answers, often with the opposite (`Term.flipped`).
    """
    for prefix in _SENSE_PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            if known == rest or any(known == other + rest for other in _SENSE_PREFIXES):
                return True
        if known.startswith(prefix) and word == known[len(prefix) :]:
            return True
    return False


def _swaps(word: str) -> list[str]:
    """`word` with each two neighbouring letters swapped ("slef": "lsef", "sefl", "self")."""
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


class _Table(dict[_K, _V]):
    """What each word gives, made once per build when the word is first looked up.

    `of` looks every word of a text up in one call that runs in C (`map` over
    `__getitem__`); a word not in the table yet goes through `__missing__`, so a text with
    a new word costs no exception and no second pass (a made-up knowledge brings a new
    word in one text of five).
    """

    def __init__(self, make: Callable[[_K], _V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: _K) -> _V:
        value = self[key] = self._make(key)
        return value

    def of(self, keys: Iterable[_K]) -> list[_V]:
        """`self[key]` for each of `keys`."""
        return list(map(self.__getitem__, keys))


def _itself(value: _T) -> _T:
    """The value itself: a table of these holds one object for equal values (see `_profile`)."""
    return value


def _folded_apart(written: str) -> tuple[str, ...]:
    """The folded words of one written word (`fold` may split it at punctuation, or drop it)."""
    return tuple(fold(written).split())


def _lowercase_apart(written: str) -> tuple[str, ...]:
    """The folded words of one written word's parts that start in lowercase."""
    return tuple(
        w for part in WORD.findall(written) if part[0].islower() for w in fold(part).split()
    )


class _Folds:
    """Each written word's folded words, folded once however often it is written.

    Folding works within words (see `text.fold`), so a text's folded words are its written
    words' in turn; an index reads about a million written words but a few tens of
    thousands of distinct ones.
    """

    def __init__(self) -> None:
        self._folded: _Table[str, tuple[str, ...]] = _Table(_folded_apart)
        self._lowercase: _Table[str, tuple[str, ...]] = _Table(_lowercase_apart)

    def words(self, text: str) -> list[str]:
        """The words of `fold(text)`."""
        return [*chain.from_iterable(map(self._folded.__getitem__, text.split()))]

    def lowercase(self, text: str) -> set[str]:
        """The folded words `text` writes in lowercase (no written word holds whitespace)."""
        return set(chain.from_iterable(map(self._lowercase.__getitem__, text.split())))


class _Cited(NamedTuple):
    """What an entry's citations bring, read once for every entry citing the same ones.

    `quoted` and `speakers_folded` are the quotes' and the speakers' folded words; `names`
    the stems of the speakers' names without their roles (after a comma), aliases
    resolved. `aliased` is `quoted` with its aliases resolved, `terms` their
    `_Reader.terms`, `closes` whether no alias runs past their end (`Lexicon.closes`).
    """

    quoted: tuple[str, ...]
    speakers_folded: tuple[str, ...]
    names: frozenset[str]
    aliased: tuple[str, ...]
    terms: tuple[str, ...]
    closes: bool


class _Reader:
    """Reads the entries of one index build, doing the work of each distinct word once.

    What depends only on a written word (its fold), a folded word (its stem, whether it is
    a stopword) or a set of citations (entries cite the same quotes and speakers over and
    over) is remembered for the build and dropped with the reader: a question's words are
    stemmed by `Index.stem`, whose memory stays bounded. One string per stem is kept
    (interned) however many words share it.
    """

    def __init__(self, lexicon: Lexicon, kept_names: frozenset[str], folds: _Folds) -> None:
        self.lexicon = lexicon
        self.kept_names = kept_names
        self.folds = folds
        # Made by functions of the kept names, not by the reader's methods: a table holding
        # its reader would make a cycle, which only the garbage collector frees, so the
        # tables would outlive the reading into the postings' layout, a build's peak.
        self._stems: _Table[str, str] = _Table(partial(_stem_keeping, kept_names))
        self._terms: _Table[str, str] = _Table(partial(_term_keeping, kept_names))
        self._cited: dict[tuple[Citation, ...], _Cited] = {}

    def stems(self, words: Collection[str]) -> list[str]:
        """Each folded word's stem as `Index.stem` gives it."""
        return self._stems.of(words)

    def terms(self, words: Collection[str]) -> list[str]:
        """Each folded word's stem, or "" for a stopword (`is_stopword`)."""
        return self._terms.of(words)

    def cited(self, citations: tuple[Citation, ...]) -> _Cited:
        """What `citations` bring to the entry citing them (see `_Cited`)."""
        known = self._cited.get(citations)
        if known is None:
            known = self._cited[citations] = self._read_cited(citations)
        return known

    def _read_cited(self, citations: tuple[Citation, ...]) -> _Cited:
        aliased, words = self.lexicon.aliased, self.folds.words
        speakers = words(" ".join(c.speaker for c in citations))
        names = words(" ".join(c.speaker.split(",")[0] for c in citations))
        quoted = [*chain.from_iterable(words(c.quote) for c in citations)]
        quoted_aliased = aliased(quoted)
        return _Cited(
            quoted=tuple(quoted),
            speakers_folded=tuple(speakers),
            names=frozenset(self.stems(aliased(names))),
            aliased=tuple(quoted_aliased),
            terms=tuple(self.terms(quoted_aliased)),
            closes=self.lexicon.closes(quoted),
        )


@contextmanager
def cycles_collected_after() -> Iterator[None]:
    """Hold Python's collector of reference cycles off while a build runs, then restore it.

    A build makes about a million objects and keeps nearly all of them: each collection
    those allocations set off walks every live object and frees next to nothing (a tenth
    of a build at 10,000 entries, more in a process holding much else). What a build drops
    meanwhile is freed as ever, by reference counting: its structures hold no cycles. An
    engine's update for an edit holds it off too (`Engine.updated`): in a process holding
    much, one full collection its allocations set off took 100 ms of an edit's 20.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stem_keeping(kept_names: frozenset[str], word: str) -> str:
    """`Index.stem` of a folded word, one string per stem (interned)."""
    return sys.intern(word if word in kept_names else stem(word))


def _term_keeping(kept_names: frozenset[str], word: str) -> str:
    """`_stem_keeping`, or "" for a stopword (`is_stopword`)."""
    return "" if is_stopword(word) else _stem_keeping(kept_names, word)


def _phrasing(terms: list[str]) -> tuple[str, ...]:
    """The sorted stems of a text's `_Reader.terms`, without stopwords."""
    found = set(terms)
    found.discard("")
    return tuple(sorted(found))


@dataclass(frozen=True)
class _NameEvidence:
    """In how many entries each word stands capitalised alone, and in lowercase prose.

    `kept_names` is decided from these words; counting them per entry lets an edit tell
    whether it changed them without reading every entry again.
    """

    capitalised: Counter[str]
    lowercase: Counter[str]

    @classmethod
    def of(cls, entries: Iterable[Entry], folds: _Folds) -> _NameEvidence:
        evidence = cls(Counter(), Counter())
        for entry in entries:
            capitalised, lowercase = _names_written(entry, folds)
            evidence.capitalised.update(capitalised)
            evidence.lowercase.update(lowercase)
        return evidence

    def edited(self, removed: Iterable[Entry], added: Iterable[Entry]) -> _NameEvidence:
        """The evidence once the `removed` entries are replaced by the `added` ones."""
        folds = _Folds()
        gone = [_names_written(entry, folds) for entry in removed]
        new = [_names_written(entry, folds) for entry in added]
        return _NameEvidence(
            _recounted(self.capitalised, [g[0] for g in gone], [n[0] for n in new]),
            _recounted(self.lowercase, [g[1] for g in gone], [n[1] for n in new]),
        )

    def same_words(self, other: _NameEvidence) -> bool:
        """Whether both hold the same words (however often), and so keep the same names."""
        return (
            self.capitalised.keys() == other.capitalised.keys()
            and self.lowercase.keys() == other.lowercase.keys()
        )

    def kept_names(self, lexicon: Lexicon) -> frozenset[str]:
        """Names that stemming would read as a common word (Politico as political), kept whole.

        A name is a word the knowledge writes alone with a capital where no sentence starts
        (not inside a longer name: Partnership for Peace is partnership too), or one the
        lexicon lists, and never writes in lowercase in its prose (answers and quotes).
        """
        names = set(lexicon.names | lexicon.people) | self.capitalised.keys()
        lowercase = self.lowercase.keys()
        common = {stem(word) for word in lowercase}
        return frozenset(n for n in names - lowercase if stem(n) != n and stem(n) in common)


def _names_written(entry: Entry, folds: _Folds) -> tuple[list[str], set[str]]:
    """The words `entry` writes capitalised alone, and those its prose writes in lowercase."""
    names: list[str] = []
    for text in (entry.question, *entry.phrasings):
        names += _lone_capitalised(text)
    for citation in entry.citations:
        names += _quoted_names(citation.speaker)
    names += _lone_capitalised(entry.answer)
    lowercase = folds.lowercase(entry.answer)
    for citation in entry.citations:
        names += _quoted_names(citation.quote)
        lowercase.update(_quoted_lowercase_words(citation.quote))
    return list(dict.fromkeys(names)), lowercase


def _lone_capitalised(text: str) -> tuple[str, ...]:
    """`lone_capitalised`, with no word to read when no capital follows the first letter.

    A word capitalised where a sentence starts (the text's first word) is no name, so a
    text in lowercase after its first letter, as most questions are, names nothing.
    """
    return () if text[1:].islower() else lone_capitalised(text)


@lru_cache(maxsize=_QUOTED_CACHE)
def _quoted_names(text: str) -> tuple[str, ...]:
    """`lone_capitalised` of a quote or speaker, remembered: many entries cite the same ones."""
    return lone_capitalised(text)


@lru_cache(maxsize=_QUOTED_CACHE)
def _quoted_lowercase_words(text: str) -> tuple[str, ...]:
    """The folded words a quote writes in lowercase, remembered: entries cite the same ones."""
    return tuple(_Folds().lowercase(text))


def _same(entry: Entry, other: Entry) -> bool:
    """Whether two entries are equal (one object, most often, when an edit built the other)."""
    return entry is other or entry == other


def _learnt_share(entry: Entry) -> tuple[object, ...]:
    """What `entry` adds to the learnt vocabulary: the acronyms it defines, whom it quotes."""
    prose = [entry.answer, *(c.quote for c in entry.citations)]
    return (
        [pair for text in prose for pair in defined_acronyms(text)],
        [speaker_name(c.speaker) for c in entry.citations],
    )


def _named_speakers(entry: Entry) -> set[str]:
    """The words of the people `entry` quotes by name, as the learnt vocabulary reads them."""
    return {word for c in entry.citations for word in speaker_name(c.speaker)}


def _may_be_misspelt(word: str, known: str) -> bool:
    """Whether `word` may be read as a misspelling of the knowledge's word `known`.

    Not when it is itself a common English word, unless `known` is another form of it
    (`_ENDING_LETTERS`): "weather" is not "whether" misspelt, nor "summit" "submit", while
    "minds" may be "mind" and "achieve" "achieved". A spell checker leaves the words it
    knows as they are.
    """
    pairs = zip(word, known, strict=False)
    shared = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(word), len(known)))
    longer = max(len(word), len(known))
    return shared >= max(_TYPO_MIN_LENGTH, longer - _ENDING_LETTERS) or (
        word not in common_english_words()
    )


def _append_to_each(lists: Iterable[list[int]], value: int) -> None:
    """Append `value` to each of `lists`, in one call: an index has a million to make."""
    deque(map(methodcaller("append", value), lists), maxlen=0)


def _recounted(
    counts: Counter[str], removed: list[Iterable[str]], added: list[Iterable[str]]
) -> Counter[str]:
    """A copy of `counts` with each of `removed` taken out and each of `added` counted in.

    A word no entry has any more is dropped, as a count from scratch would not have it.
    """
    recounted = Counter(counts)
    for words in removed:
        recounted.subtract(words)
    for words in added:
        recounted.update(words)
    for words in removed:
        for word in words:
            if recounted.get(word, 1) <= 0:
                del recounted[word]
    return recounted


def _renumbered(
    postings: dict[str, tuple[int, ...]],
    asked_postings: dict[str, tuple[int, ...]],
    moved_to: list[int],
    first: int,
    leaving: list[EntryProfile],
    coming: dict[int, EntryProfile],
) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The postings and asked postings once entries moved, left, and came.

    Each position `p` is now `moved_to[p]` (-1: the entry left), and each of the `coming`
    profiles is at its own: what a build reading the entries in order would make. Positions
    before `first` do not move, so a list ending before it is kept as it is.
    """
    dropped = {term for profile in leaving for term in profile.known}
    gained: dict[str, list[int]] = defaultdict(list)
    asked_gained: dict[str, list[int]] = defaultdict(list)
    for at, profile in coming.items():
        known = profile.known
        _append_to_each(map(gained.__getitem__, known), at)
        _append_to_each(map(asked_gained.__getitem__, compress(known, known.values())), at)
    new: dict[str, tuple[int, ...]] = {}
    new_asked: dict[str, tuple[int, ...]] = {}
    for term, listed in postings.items():
        asked = asked_postings[term]
        if term in dropped or term in gained:
            listed = _renumbered_list(listed, moved_to, first, gained.get(term, ()))
            if not listed:
                continue
            asked = _renumbered_list(asked, moved_to, first, asked_gained.get(term, ()))
        else:
            listed = _moved_on(listed, moved_to, first)
            asked = _moved_on(asked, moved_to, first)
        new[term], new_asked[term] = listed, asked
    for term, came in gained.items():
        if term not in postings:
            new[term] = tuple(sorted(came))
            new_asked[term] = tuple(sorted(asked_gained.get(term, ())))
    return new, new_asked


def _moved_on(listed: tuple[int, ...], moved_to: list[int], first: int) -> tuple[int, ...]:
    """`listed` with each position from `first` on replaced by where it moved (none left)."""
    at = bisect.bisect_left(listed, first)
    if at == len(listed):
        return listed
    return (*listed[:at], *map(moved_to.__getitem__, listed[at:]))


def _renumbered_list(
    listed: tuple[int, ...], moved_to: list[int], first: int, came: Iterable[int]
) -> tuple[int, ...]:
    """`listed` with its positions moved, those of entries that left dropped, `came` added."""
    at = bisect.bisect_left(listed, first)
    kept = [q for q in map(moved_to.__getitem__, listed[at:]) if q >= 0]
    return tuple(sorted([*listed[:at], *kept, *came]))


def _moved(postings: tuple[int, ...], position: int, present: bool) -> tuple[int, ...]:
    """`postings` with `position` added in order (`present`) or taken out."""
    if not present:
        return tuple(p for p in postings if p != position)
    at = bisect.bisect_left(postings, position)
    return (*postings[:at], position, *postings[at:])


def _weighed(
    profile: EntryProfile, idf: Mapping[str, float], words: Iterable[str] | None = None
) -> EntryProfile:
    """`profile` with the IDF mass of its phrasings (of those holding one of `words`, if given).

    A copy, not `dataclasses.replace`: an edit redoes this for every entry asked with a
    word whose weight changed, and skipping the constructor makes that much cheaper. Each
    mass is summed over its phrasing's stems in their sorted order (see `_profile`):
    floating-point sums in another order differ in the last bit, enough to reorder entries
    that tie. So a first build and an edit, and two starts of the bot, give the same masses
    to the last bit.
    """
    asked = profile.asked
    if words is None:
        weights = [sum(map(idf.__getitem__, phrasing)) for phrasing in asked]
    else:
        weights = list(profile.asked_weights)
        where = profile.known
        for phrasing in {i for word in words for i in where[word]}:
            weights[phrasing] = sum(map(idf.__getitem__, asked[phrasing]))
    fresh = object.__new__(EntryProfile)
    fresh.__dict__.update(profile.__dict__)
    fresh.__dict__["asked_weights"] = tuple(weights)
    return fresh


def _profile(
    reader: _Reader, entry: Entry, share: Callable[[_T], _T]
) -> tuple[EntryProfile, frozenset[str]]:
    """What `entry` knows, and its folded words (which a misspelt word may be corrected to).

    `share` returns one object for equal values: most entries' small parts (which
    phrasings hold a stem, whom they quote) equal another entry's, and at 10,000 entries
    one copy of each instead of one per entry saves tens of megabytes. A phrasing's stems
    are sorted, so whatever sums over them sums in the same order at every start (a set's
    order follows Python's string hashing, which does not).
    """
    lexicon, words_of = reader.lexicon, reader.folds.words
    folds = list(map(words_of, (entry.question, *entry.phrasings)))
    asked_words = list(map(lexicon.aliased, folds))
    asked_terms = list(map(reader.terms, asked_words))
    phrasings = tuple(map(_phrasing, asked_terms))
    where = _where(phrasings)
    cited = reader.cited(entry.citations)
    answer = words_of(entry.answer)
    stated_all, stated_terms = _stated(reader, answer, cited, entry.topic)
    stated = frozenset(filter(None, stated_terms))
    profile = EntryProfile(
        entry=entry,
        lexicon=lexicon,
        asked=phrasings,
        asked_folded=tuple(map(" ".join, asked_words)),
        core=_core(where),
        known=_known(stated, where, share),
        stated=tuple(sorted(stated)),
        negative=lexicon.says_negative(asked_words[0]),
        speakers=share(cited.names),
        kept_names=reader.kept_names,
    )
    content = compress(chain(stated_all, *asked_words), chain(stated_terms, *asked_terms))
    return profile, frozenset(content)


def _stated(
    reader: _Reader, answer: list[str], cited: _Cited, topic: str
) -> tuple[list[str], list[str]]:
    """The entry's stated words (answer, quotes, topic, speakers) aliased, and their terms.

    The quotes' part is read once for all the entries citing them (`_Cited`), unless an
    alias may run from the answer into the quotes, or from the quotes into the topic.
    """
    about = [*reader.folds.words(topic), *cited.speakers_folded]
    aliased = reader.lexicon.aliased
    if not (cited.closes and reader.lexicon.closes(answer)):
        stated = aliased([*answer, *cited.quoted, *about])
        return stated, reader.terms(stated)
    answer, about = aliased(answer), aliased(about)
    return [*answer, *cited.aliased, *about], [
        *reader.terms(answer),
        *cited.terms,
        *reader.terms(about),
    ]


def _where(phrasings: tuple[tuple[str, ...], ...]) -> dict[str, tuple[int, ...]]:
    """Each stem of the ways an entry is asked, with those that have it (0: its question).

    A phrasing at a time: its stems that no earlier one had are added in one call, and
    only those already there (a few) are gone through one by one.
    """
    where: dict[str, tuple[int, ...]] = {}
    for i, phrasing in enumerate(phrasings):
        added = dict.fromkeys(phrasing, (i,))
        for term in where.keys() & added.keys():
            added[term] = (*where[term], i)
        where.update(added)
    return where


def _known(
    stated: frozenset[str], where: dict[str, tuple[int, ...]], share: Callable[[_T], _T]
) -> dict[str, tuple[int, ...]]:
    """`EntryProfile.known`: each stem stated (no phrasing) or asked (its phrasings).

    Made from a list, not the set: `dict.fromkeys` of a set sizes the table for the set at
    once, and the asked stems added after make it grow again, to a table that at 10,000
    entries takes 10 MB more than one grown a key at a time.
    """
    known: dict[str, tuple[int, ...]] = dict.fromkeys([*stated], ())
    known.update(zip(where, map(share, where.values()), strict=True))
    return known


def _statement(lexicon: Lexicon, entry: Entry) -> tuple[str, str]:
    """What the entry states: its answer and quotes folded, and with its topic and speakers.

    The second is what the entry's words are looked up in, so its aliases are resolved.
    Folding works within words, so the texts are folded apart and the folds joined, which
    lets the quotes and names many entries cite be folded once.
    """
    statement = _folded_statement(entry)
    about = _shared_fold(" ".join([entry.topic, *(c.speaker for c in entry.citations)]))
    return statement, lexicon.apply_aliases(" ".join([statement, about]))


def _folded_statement(entry: Entry) -> str:
    """The entry's answer and quotes, folded (the quotes' folds remembered, see `_statement`)."""
    parts = [fold(entry.answer), *(_shared_fold(c.quote) for c in entry.citations)]
    return " ".join(part for part in parts if part)


def _sentences(text: str) -> list[str]:
    """The sentences of an answer or a quote (`sentence_ends`)."""
    cuts = [0, *sentence_ends(text), len(text)]
    return [text[start:end] for start, end in pairwise(cuts)]


@lru_cache(maxsize=_SOURCES_CACHE)
def _people_pairs(text: str, people: frozenset[str]) -> frozenset[tuple[str, str]]:
    """Two people's words written one after the other in a source's text, remembered."""
    words = fold(text).split()
    return frozenset(pair for pair in pairwise(words) if pair[0] in people and pair[1] in people)


@lru_cache(maxsize=_SOURCES_CACHE)
def _topics_in(text: str, topics: frozenset[str]) -> frozenset[str]:
    """The `topics` a source's text writes, remembered: each source is folded once."""
    return topics & frozenset(fold(text).split()) if topics else frozenset()


@lru_cache(maxsize=_QUOTED_CACHE)
def _shared_fold(text: str) -> str:
    """`fold` of a quote, or of a topic and speakers, remembered: many entries cite them."""
    return fold(text)


def _writes_any(
    entry: Entry,
    phrases: frozenset[tuple[str, ...]],
    starts: frozenset[str],
    lexicons: tuple[Lexicon, ...],
    folds: _Folds,
) -> bool:
    """Whether a text the entry is read from holds one of `phrases` (folded words in a row).

    As written or as one of `lexicons` rewrites it: every text `_profile` reads (the
    question, phrasings, answer, quotes, topic and speakers), and the stated ones joined.
    Only a text writing one of `starts` (`Lexicon.starts_of` the phrases) can.
    """
    texts = (
        entry.question,
        *entry.phrasings,
        entry.answer,
        *(c.quote for c in entry.citations),
        entry.topic,
        *(c.speaker for c in entry.citations),
    )
    firsts = {phrase[0] for phrase in phrases if phrase}
    # What the entry states is read as one run of words, an alias may span two texts.
    stated = [word for text in texts[len(entry.phrasings) + 1 :] for word in folds.words(text)]
    for words in chain(map(folds.words, texts), (stated,)):
        if starts.isdisjoint(words):
            continue
        readings = [words, *(lexicon.aliased(words) for lexicon in lexicons)]
        for read in readings:
            if not firsts.isdisjoint(read) and _holds_a_phrase(read, phrases):
                return True
    return False


def _holds_a_phrase(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether `words` hold one of `phrases` in a row."""
    for phrase in phrases:
        size = len(phrase)
        for start, word in enumerate(words):
            if word == phrase[0] and tuple(words[start : start + size]) == phrase:
                return True
    return False


def read_alike(one: EntryProfile, other: EntryProfile) -> bool:
    """Whether two profiles of an entry hold the same stems, weights and facts stated.

    The lexicon each was read with is left aside: a vocabulary write reads every entry with
    a new one, and most entries into the very same profile. What a profile derives when
    asked is compared only for an entry read again: one carried over unread (its table of
    stems the very same) is read alike by both lexicons, which is why it was not read.
    """
    return all(getattr(one, name) == getattr(other, name) for name in _PROFILE_FIELDS) and (
        one.known is other.known
        or all(getattr(one, name) == getattr(other, name) for name in _DERIVED_FACTS)
    )


_PROFILE_FIELDS = tuple(f.name for f in fields(EntryProfile) if f.name != "lexicon")
_DERIVED_FACTS = tuple(
    name for name, value in vars(EntryProfile).items() if isinstance(value, cached_property)
)


@lru_cache(maxsize=_DERIVED_CACHE)
def _asked_text(asked_folded: tuple[str, ...]) -> tuple[str, ...]:
    """`EntryProfile.asked_text`, remembered for the entries the latest questions measured."""
    return tuple(" ".join(_without_stopwords(folded)) for folded in asked_folded)


@lru_cache(maxsize=_DERIVED_CACHE)
def _text(lexicon: Lexicon, entry: Entry, asked_folded: tuple[str, ...]) -> str:
    """`EntryProfile.text`, remembered for the entries the latest questions measured."""
    return " | ".join([*asked_folded, _statement(lexicon, entry)[1]])


@lru_cache(maxsize=_DERIVED_CACHE)
def _answers_a_rare_kind(
    lexicon: Lexicon, entry: Entry, asked_folded: tuple[str, ...], kind: str
) -> bool:
    """`EntryProfile.answers_a_rare_kind`, remembered for the entries questions measure."""
    return answers_a_rare_kind(kind, _statement(lexicon, entry)[0], asked_folded)


def _without_stopwords(folded: str) -> list[str]:
    """The words of folded text that are not stopwords.

    `is_stopword` written out: an index reads every word of every entry through it.
    """
    return [w for w in folded.split() if w not in STOPWORDS and (len(w) != 1 or w.isdigit())]


def _core(where: dict[str, tuple[int, ...]]) -> tuple[str, ...]:
    """Stems an entry is about: in its own question, or in at least two of its phrasings.

    `where` holds the ways of asking (0 the question) that have each stem, in order.
    """
    return tuple(
        sorted(t for t, asked in where.items() if asked[0] == 0 or len(asked) >= CORE_PHRASINGS)
    )


def _words_by_length(lexicon: Lexicon, known: Iterable[str]) -> dict[int, tuple[str, ...]]:
    """Every word a typo may be corrected to.

    The knowledge's words, the stopwords, and the words that stand for one of the
    knowledge's words (contries: countries, so country).
    """
    words: set[str] = set(STOPWORDS).union(known)
    words |= {key for key, value in lexicon.one_word_aliases.items() if value in words}
    by_length: dict[int, list[str]] = defaultdict(list)
    for word in sorted(words):
        by_length[len(word)].append(word)
    return {length: tuple(ws) for length, ws in by_length.items()}


def _rebucketed(
    lexicon: Lexicon,
    by_length: dict[int, tuple[str, ...]],
    known: Iterable[str],
    added: set[str],
    removed: set[str],
) -> dict[int, tuple[str, ...]]:
    """`_words_by_length` of `known`, the words `added` and `removed` since `by_length`.

    Only the buckets of the words that came or went change; a stopword or a word an alias
    stands for or stands in for changes more, so then every bucket is made again.
    """
    aliases = lexicon.one_word_aliases
    meanings = set(aliases.values())
    if any(w in STOPWORDS or w in aliases or w in meanings for w in added | removed):
        return _words_by_length(lexicon, known)
    rebucketed = dict(by_length)
    for word in added:
        bucket = list(rebucketed.get(len(word), ()))
        bisect.insort(bucket, word)
        rebucketed[len(word)] = tuple(bucket)
    for word in removed:
        bucket = [w for w in rebucketed[len(word)] if w != word]
        if bucket:
            rebucketed[len(word)] = tuple(bucket)
        else:
            del rebucketed[len(word)]
    return rebucketed
