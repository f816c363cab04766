"""Which of the entries' own texts an entry could answer: what a routing check must ask.

A moderator's edit is refused when the edited entry would answer another entry's question
or phrasing (`routing.misroutes_of_saved`), so the check must find every such text. At
10,000 entries there are some 75,000, and asking each takes seconds. But an entry answers
a text only if it knows enough of the text's weight (the coverage a decision requires),
and only if retrieval (`match.shortlist`) re-weighs it at all, which follows from how many
entries know each word: the question's rarest words are walked, as many as fit in
POSTINGS_BUDGET postings, and when one word alone is walked only RESCORED of the entries
knowing it are re-weighed. `Reach` lists each text so that an edited entry's words find
only the texts it knows enough of, or is re-weighed for; `Plan` says what retrieval does
with one reading of a text, from the postings alone, down to whether the text's own entry
is surely among the candidates measured. Each proof is exact: a text left out is one the
entry cannot answer, as asking it would show.

A text is read as one question with each word weighing its IDF when it is one sentence
without anything set aside or a second question: its words are then those its entry is
asked with (`EntryProfile.asked`). A text read otherwise has each way it is read listed
(`Reading`); one whose words weigh more in one of its sentences (`match.ASKING_WEIGHT`)
cannot be placed by its postings alone, and is "tangled": looked at by every edit whose
entry shares a word with it.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, is_not

from bot.engine import match
from bot.engine.compound import MAX_QUESTIONS, split_questions
from bot.engine.index import EntryProfile, Index, content_words
from bot.engine.lexicon import set_aside
from bot.language.sentences import split_chat
from bot.language.text import clean

# Anything that may make a text read otherwise than as one plain sentence: a mark that may
# end a sentence, a word that may join a second question (`compound._BOUNDARY`) or open
# something set aside (`lexicon._SET_ASIDE`). A text without any is read plainly; one with
# some is read as the engine reads it, to tell.
_MAY_READ_APART = re.compile(
    r"[.!?:;…]\S*\s|\b(?:and|also|plus|dhe|edhe|i|и|besides|apart|other|aside|except"
    r"|leaving|setting|putting|addition)\b",
    re.IGNORECASE,
)

# A text as retrieval reads it: its stems, and whether they are those its entry is asked
# with in that very phrasing (the text read whole, as it is written).
Reading = tuple[tuple[str, ...], bool]


@dataclass(frozen=True)
class Plan:
    """How retrieval walks a question read into some stems, each weighing its IDF.

    Words are walked rarest first; words known by as many entries tie, and at the edge of
    the budget which of a tied group is walked depends on the order they were written in,
    so `surely` holds the words walked whatever that order, `maybe` those walked in some.
    `first` are the words that may be walked first. When only one word is walked and
    another is only re-weighed, or the first alone has more postings than the budget,
    the entries re-weighed are those `kept_first` keeps for it (`kept_only`). `rescored`
    when some word is only re-weighed, among the RESCORED best walked.
    """

    first: tuple[str, ...]
    kept_only: bool
    surely: tuple[str, ...]
    maybe: tuple[str, ...]
    rescored: bool


def plan_of(postings: Mapping[str, tuple[int, ...]], stems: Iterable[str]) -> Plan | None:
    """How retrieval walks a question of `stems` (None: there are none, nothing is scored)."""
    lengths = sorted((len(postings[s]), s) for s in stems)
    if not lengths:
        return None
    walked, count = lengths[0][0], 1
    if walked <= match.POSTINGS_BUDGET:
        for length, _ in lengths[1:]:
            if walked + length > match.POSTINGS_BUDGET:
                break
            walked += length
            count += 1
    edge = lengths[count - 1][0]
    maybe = tuple(s for length, s in lengths if length <= edge)
    surely = maybe if len(maybe) == count else tuple(s for n, s in lengths if n < edge)
    first = tuple(s for length, s in lengths if length == lengths[0][0])
    rescored = count < len(lengths)
    kept_only = lengths[0][0] > match.POSTINGS_BUDGET or (count == 1 and rescored)
    return Plan(first, kept_only, surely, maybe, rescored)


def scores_entry(index: Index, plan: Plan, position: int) -> bool:
    """Whether retrieval may re-weigh the entry at `position` (else it is no candidate)."""
    if plan.kept_only:
        return any(kept_first(index, term, position) for term in plan.first)
    known = index.profiles[position].known
    return any(term in known for term in plan.maybe)


def kept_first(index: Index, term: str, position: int) -> bool:
    """Whether the entry at `position` is kept when `term` is the only word walked.

    Retrieval then keeps the first RESCORED entries asked with it (they score twice what
    the others do), then others in postings order (see `match._scored_by_first_word`, and
    `match._best`, which keeps the earlier of equal scores).
    """
    asked = index.asked_postings.get(term, ())
    before = bisect.bisect_left(asked, position)
    if before < len(asked) and asked[before] == position:
        return before < match.RESCORED
    if len(asked) >= match.RESCORED:
        return False
    postings = index.postings.get(term, ())
    at = bisect.bisect_left(postings, position)
    if at == len(postings) or postings[at] != position:
        return False
    return len(asked) + (at - before) < match.RESCORED


def surely_candidate(index: Index, plan: Plan, stems: tuple[str, ...], owner: int) -> bool:
    """Whether the entry at `owner`, asked with every one of `stems`, is surely measured.

    It scores the most any entry can in retrieval, tied only by entries also asked with
    every word walked: it is kept among the RESCORED re-weighed when at most that many
    tie it (or, when `kept_first` decides, when it is among the first RESCORED asked with
    the first word). Among the shortlist, then the candidates, only entries asked with
    every word tie it (every other misses half a word's weight at least), so it is among
    the CANDIDATES when at most that many are.
    """
    if plan.kept_only:
        if not all(_asked_rank(index, term, owner) < match.RESCORED for term in plan.first):
            return False
    elif plan.rescored and not (
        all(len(index.asked_postings[t]) <= match.RESCORED for t in plan.first)
        or (plan.surely and _few_asked_with_all(index, plan.surely, match.RESCORED))
    ):
        return False
    return _few_asked_with_all(index, stems, match.CANDIDATES)


def _asked_rank(index: Index, term: str, position: int) -> int:
    """How many entries asked with `term` come before the entry at `position` (asked with it)."""
    return bisect.bisect_left(index.asked_postings[term], position)


def _few_asked_with_all(index: Index, stems: Iterable[str], limit: int) -> bool:
    """Whether at most `limit` entries are asked with every one of `stems`."""
    lists = sorted((index.asked_postings[s] for s in stems), key=len)
    if len(lists[0]) <= limit:
        return True
    tying = set(lists[0])
    for postings in lists[1:]:
        tying.intersection_update(postings)
        if len(tying) <= limit:
            return True
    return False


class Reach:
    """Every entry's own texts, each listed under words an entry must know to answer it.

    An entry answers a text only if it knows enough of the text's weight (`needed`, the
    least share): so much that it must know some of the text's rarest words, whose weight
    the other words cannot make up for. Each text is listed under those rarest words, with
    the weight an entry must know of them (`_need`); an entry's words then add up, text by
    text, what it knows of each. A text whose one walked word decides which entries
    retrieval re-weighs is listed under that word instead (`_kept`): only the entries
    `kept_first` keeps for it can answer it.

    Made for one index (about two seconds at 10,000 entries) and carried to the index of an
    edit by `updated`, which lists again only the texts of the entries the edit touched
    and the texts with a word whose postings (so whose weight) changed. A text is a key:
    its entry's position, shifted, and its number (0 the question, then each phrasing).
    """

    def __init__(
        self,
        index: Index,
        read_window: int,
        needed: Callable[[int], float],
        earlier: tuple[Index, Reach] | None = None,
    ) -> None:
        """The reach of `index`; of the entries `earlier` holds, texts read as it read them.

        `earlier` is an index that `index` edits, read with the same lexicon and names, and
        its reach: a text of an entry both hold is read the same way, so it is not read
        again (reading is about a third of the work).
        """
        self._read_window = read_window
        self._needed = needed
        most = max((len(p.asked) for p in index.profiles), default=1)
        self._shift = max(most, 1).bit_length()
        self._readings: dict[int, tuple[Reading, ...]] = {}
        self._tangled: set[int] = set()
        # By text key: the weight an entry must know of the words it is listed under, and
        # whether its own entry is surely measured (`_Listing`). Arrays: a byte or a float
        # per key, where a set or dict of 75,000 costs ten times the room.
        slots = len(index.profiles) << self._shift
        self._need = array("d", bytes(8 * slots))
        self._sure = bytearray(slots)
        weighed: dict[str, list[int]] = defaultdict(list)
        kept: dict[str, list[int]] = defaultdict(list)
        read_before = _Earlier.of(earlier)
        for position, profile in enumerate(index.profiles):
            for key, listing in self._listing(index, position, profile, read_before=read_before):
                for word in listing.weighed:
                    weighed[word].append(key)
                for word in listing.kept:
                    kept[word].append(key)
                if listing.weighed:
                    self._need[key] = listing.need
                self._sure[key] = listing.sure
        # Each word's text keys in an array (four bytes each), not a tuple of int objects.
        self._weighed = {word: array("i", keys) for word, keys in weighed.items()}
        self._kept = {word: array("i", keys) for word, keys in kept.items()}

    def updated(self, before: Index, after: Index) -> Reach | None:
        """The reach of `after`, an edit of `before` (this reach's index), or None.

        None when the edit moved entries (added or removed some: their number changes
        every word's weight, which every text's listing is made from) or changed how words
        are read (the index was built whole): a reach is then made anew.
        """
        if after.lexicon is not before.lexicon or after.position != before.position:
            return None
        entry = attrgetter("entry")
        changed_entries = map(is_not, map(entry, before.profiles), map(entry, after.profiles))
        touched = list(compress(range(len(after.profiles)), changed_entries))
        if any(len(after.profiles[i].asked) >> self._shift for i in touched):
            return None
        changed = {
            word
            for i in touched
            for word in before.profiles[i].known.keys() | after.profiles[i].known.keys()
            if _how_known(before.profiles[i], word) != _how_known(after.profiles[i], word)
        }
        edited = object.__new__(Reach)
        edited._read_window, edited._needed = self._read_window, self._needed
        edited._shift = self._shift
        edited._readings, edited._tangled = dict(self._readings), set(self._tangled)
        edited._need, edited._sure = array("d", self._need), bytearray(self._sure)
        moves: list[tuple[int, _Listing, _Listing]] = []
        for position in touched:
            for key, listing in self._listing(before, position, before.profiles[position], True):
                edited._readings.pop(key, None)
                edited._tangled.discard(key)
                edited._need[key], edited._sure[key] = 0.0, False
                moves.append((key, listing, _UNLISTED))
            for key, listing in edited._listing(after, position, after.profiles[position]):
                moves.append((key, _UNLISTED, listing))
        for key in self._texts_with(before, after, changed, set(touched)):
            readings = self._readings_at(before, key)
            if readings is not None:
                owner = self.text(key)[0]
                old, new = (
                    self._listed(before, readings, owner),
                    self._listed(after, readings, owner),
                )
                moves.append((key, old, new))
        for key, _, listing in moves:
            if listing.weighed:
                edited._need[key] = listing.need
            edited._sure[key] = listing.sure
        edited._weighed = _moved(
            self._weighed, [(k, old.weighed, new.weighed) for k, old, new in moves]
        )
        edited._kept = _moved(self._kept, [(k, old.kept, new.kept) for k, old, new in moves])
        return edited

    def around(self, index: Index, position: int) -> set[int]:
        """The texts the entry at `position` may answer, from their listings, and tangled ones.

        The tangled texts are those sharing a word with it; its own texts are among them.
        """
        known = index.profiles[position].known
        idf = index.idf
        keys: set[int] = set()
        weights: dict[int, float] = {}
        for word in known:
            listed = self._weighed.get(word)
            if listed is not None:
                weight = idf[word]
                for key in listed:
                    weights[key] = weights.get(key, 0.0) + weight
            listed = self._kept.get(word)
            if listed is not None and kept_first(index, word, position):
                keys.update(listed)
        need = self._need
        keys.update(key for key, weight in weights.items() if weight >= need[key])
        for key in self._tangled:
            other, n = self.text(key)
            if any(s in known for s in index.profiles[other].asked[n]):
                keys.add(key)
        return keys

    def sure(self, key: int) -> bool:
        """Whether the entry of text `key`, read as its entry is asked, is surely measured."""
        return bool(self._sure[key])

    def text(self, key: int) -> tuple[int, int]:
        """The position of the entry a text key belongs to, and the text's number."""
        return key >> self._shift, key & ((1 << self._shift) - 1)

    def readings(self, index: Index, key: int) -> tuple[Reading, ...] | None:
        """How the text `key` is read (None: tangled, its words weigh apart)."""
        return self._readings_at(index, key)

    def _readings_at(self, index: Index, key: int) -> tuple[Reading, ...] | None:
        if key in self._tangled:
            return None
        found = self._readings.get(key)
        if found is not None:
            return found
        other, n = self.text(key)
        return ((index.profiles[other].asked[n], True),)

    def _listing(
        self,
        index: Index,
        position: int,
        profile: EntryProfile,
        listed: bool = False,
        read_before: _Earlier | None = None,
    ) -> Iterator[tuple[int, _Listing]]:
        """Each text of the entry at `position` as a key, with where to list it.

        Records how each is read, unless it is `listed` already (read as it was); as
        `read_before` read it, when that holds the entry.
        """
        texts = (profile.entry.question, *profile.entry.phrasings)
        earlier = None if read_before is None else read_before.position_of(profile)
        for n, text in enumerate(texts):
            key = position << self._shift | n
            if listed:
                readings = self._readings_at(index, key)
            else:
                if earlier is not None and read_before is not None:
                    readings = read_before.readings(earlier, n)
                else:
                    readings = _readings_of(index, profile, n, text, self._read_window)
                if readings is None:
                    self._tangled.add(key)
                elif not readings[0][1] or len(readings) > 1:
                    self._readings[key] = readings
            yield key, _UNLISTED if readings is None else self._listed(index, readings, position)

    def _listed(self, index: Index, readings: tuple[Reading, ...], owner: int) -> _Listing:
        """Where to list a text of the entry at `owner`, read as `readings`.

        A text read in several ways is listed under every word of each, needing none.
        """
        if len(readings) > 1:
            words = frozenset(s for stems, _ in readings for s in stems)
            return _Listing(words, frozenset(), 0.0, False)
        stems, own = readings[0]
        plan = plan_of(index.postings, stems)
        if plan is None:
            return _UNLISTED
        sure = own and surely_candidate(index, plan, stems, owner)
        if plan.kept_only:
            return _Listing(frozenset(), frozenset(plan.first), 0.0, sure)
        words, need = self._rarest(index, stems)
        return _Listing(words, frozenset(), need, sure)

    def _rarest(self, index: Index, stems: tuple[str, ...]) -> tuple[frozenset[str], float]:
        """The rarest of `stems`, and the weight of them an entry must know to answer.

        An entry knowing less of them knows too little of the text (`needed`), however
        many of the others it knows. They are so many that the others weigh less than half
        of what it must know: then one common word known is not enough, and an entry
        knowing one or two words of many texts made of common words is looked for in few.
        """
        idf = index.idf
        total = sum(idf[s] for s in stems)
        least = self._needed(len(stems)) * total
        rest = total
        rarest = []
        for stem in sorted(stems, key=lambda s: -idf[s]):
            if rest < least / 2:
                break
            rarest.append(stem)
            rest -= idf[stem]
        return frozenset(rarest), least - rest

    def _texts_with(
        self, before: Index, after: Index, words: set[str], skipped: set[int]
    ) -> set[int]:
        """The texts of entries not in `skipped` having one of `words`, as keys."""
        keys = set()
        for word in words:
            for postings in (
                before.asked_postings.get(word, ()),
                after.asked_postings.get(word, ()),
            ):
                for position in postings:
                    if position not in skipped:
                        where = after.profiles[position].asked_where[word]
                        keys.update(position << self._shift | n for n in where)
        return keys


@dataclass(frozen=True)
class _Earlier:
    """An earlier index and its reach, and where each of its entries stands in it."""

    index: Index
    reach: Reach
    positions: dict[int, int]

    @classmethod
    def of(cls, earlier: tuple[Index, Reach] | None) -> _Earlier | None:
        if earlier is None:
            return None
        index, reach = earlier
        return cls(index, reach, {id(p.entry): i for i, p in enumerate(index.profiles)})

    def position_of(self, profile: EntryProfile) -> int | None:
        """The position of `profile`'s very entry in the earlier index (None: not there)."""
        position = self.positions.get(id(profile.entry))
        if position is None or self.index.profiles[position].entry is not profile.entry:
            return None
        return position

    def readings(self, position: int, n: int) -> tuple[Reading, ...] | None:
        """How the earlier reach read text `n` of the entry at `position` (None: tangled)."""
        return self.reach._readings_at(self.index, position << self.reach._shift | n)


@dataclass(frozen=True)
class _Listing:
    """Where a text is listed: under which words by weight, and which for the kept only.

    An entry must know `need` of the weight of the words it is listed under by weight.
    """

    weighed: frozenset[str]
    kept: frozenset[str]
    need: float
    # Whether its own entry, asked it, is surely measured (`surely_candidate`).
    sure: bool


_UNLISTED = _Listing(frozenset(), frozenset(), 0.0, False)


def _how_known(profile: EntryProfile, word: str) -> int:
    """0: the entry does not know `word`; 1: it only states it; 2: it is asked with it."""
    phrasings = profile.known.get(word)
    return 0 if phrasings is None else 2 if phrasings else 1


def _moved(
    listed: dict[str, array[int]], moves: list[tuple[int, frozenset[str], frozenset[str]]]
) -> dict[str, array[int]]:
    """A copy of `listed` with each key moved from the words it was under to its new ones."""
    gone: dict[str, set[int]] = defaultdict(set)
    came: dict[str, list[int]] = defaultdict(list)
    for key, old, new in moves:
        for word in old - new:
            gone[word].add(key)
        for word in new - old:
            came[word].append(key)
    moved = dict(listed)
    for word in gone.keys() | came.keys():
        keys = [k for k in moved.get(word, ()) if k not in gone[word]] + came[word]
        if keys:
            moved[word] = array("i", keys)
        else:
            moved.pop(word, None)
    return moved


def _readings_of(
    index: Index, profile: EntryProfile, n: int, text: str, read_window: int
) -> tuple[Reading, ...] | None:
    """How the engine reads text `n` of `profile`'s entry, each way as stems (None: tangled).

    Plain: once, as its entry is asked with it. With a second question
    (`compound.decide_compound`), the engine answers with the entry answering its first
    question or, failing that, the message read whole: both readings. Something set aside
    is not read. A reading of several sentences, or of a word its entry is not asked with
    in it, is not made from postings alone: the text is tangled.
    """
    cleaned = clean(text)
    if len(text) > read_window or len(cleaned) > read_window:
        return None
    if not (_MAY_READ_APART.search(text.strip()) or _MAY_READ_APART.search(cleaned)):
        return ((profile.asked[n], True),)
    whole = _reading(index, profile, n, cleaned)
    if whole is None:
        return None
    parts = split_questions(text.strip())
    if not 2 <= len(parts) <= MAX_QUESTIONS:
        return (whole,)
    first = _reading(index, profile, n, clean(parts[0]))
    return None if first is None else (whole, first)


def _reading(index: Index, profile: EntryProfile, n: int, cleaned: str) -> Reading | None:
    """How `match.read_question` reads `cleaned` as stems (None: not from postings alone)."""
    rest, aside = set_aside(cleaned)
    if len(split_chat(rest, colon=True)) > 1:
        return None
    stems = tuple(sorted({index.stem(w) for w in content_words(index.lexicon, rest)}))
    asked = profile.asked[n]
    if not set(stems) <= set(asked):
        return None
    return stems, not aside and stems == asked
