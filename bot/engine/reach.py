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
import copy
import math
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from bot.engine import match
from bot.engine.compound import MAX_QUESTIONS, split_questions
from bot.engine.index import EntryProfile, Index, content_words
from bot.engine.lexicon import set_aside
from bot.language.sentences import split_chat
from bot.language.text import clean

# The most a word's weight may drift, as entries are added or removed, from the weight a
# reach's listings were made with, before the reach is made anew (see `Reach.drift`): a
# sixteenth more or fewer entries.
DRIFT = math.log(1.0 + 1.0 / 16)
# What each update of a text's need, for a word whose weight changed, takes off beyond the
# change, so that rounding never raises it above the need worked out anew.
_ROUNDING = 1e-12
# Not known yet (see `Reach.sure`).
_UNKNOWN = 2
# A text of more words than this is listed under all of them, needing none.
_MOST_TERMS = 255

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


def walk_edge(postings: Mapping[str, tuple[int, ...]], stems: Iterable[str]) -> int:
    """The most entries a word of `stems` may be in and be walked, or its plan change.

    Retrieval walks the rarest words while their postings fit the budget: a word in more
    entries than the commonest walked, and too many to fit beside those walked, is
    walked neither before an edit that changes its postings nor after, and the edit
    leaves the plan (`plan_of`) as it was, whatever it does to that word.
    """
    lengths = sorted(len(postings[s]) for s in stems)
    walked, count = lengths[0], 1
    if walked <= match.POSTINGS_BUDGET:
        for length in lengths[1:]:
            if walked + length > match.POSTINGS_BUDGET:
                break
            walked += length
            count += 1
    return max(lengths[count - 1], match.POSTINGS_BUDGET - walked)


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
    edit by `updated`, which lists again only the texts of the entries the edit touched.
    Every weight a listing is made from is a word's IDF at the number of entries the reach
    was made for (`_count`): an edit adding or removing entries moves every word's IDF a
    little (`drift`), which `around` allows for, and the words whose postings it changed
    by more, which `updated` works into the weight each of their texts needs.

    A text is a key: its entry's slot, shifted, and its number (0 the question, then each
    phrasing). An entry keeps its slot while it stays; one added takes a new slot, so that
    the entries moved by an addition or a removal keep their keys.
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
        self._shares = tuple(needed(terms) for terms in range(_MOST_TERMS + 1))
        self._count = _count(index)
        most = max((len(p.asked) for p in index.profiles), default=1)
        self._shift = max(most, 1).bit_length()
        self._slot_of = array("i", range(len(index.profiles)))
        self._at = array("i", range(len(index.profiles)))
        self._readings: dict[int, tuple[Reading, ...]] = {}
        self._tangled: set[int] = set()
        # By text key: the weight an entry must know of the words it is listed under, and
        # how many words weigh in that need (none when it needs nothing: `_Listing`).
        # Arrays: a byte or a float per key, where a dict of 75,000 costs ten times the room.
        slots = len(index.profiles) << self._shift
        self._need = array("d", bytes(8 * slots))
        self._size = bytearray(slots)
        # By text key: whether its own entry, asked it, is surely measured (`sure`); or
        # _UNKNOWN since an edit changed the postings of one of its words.
        self._sure = bytearray(slots)
        # By text key: the most entries a word of it may be in and be walked (`walk_edge`),
        # so that a word in more, before an edit and after, leaves `sure` as it was.
        self._edge = array("i", bytes(4 * slots))
        weighed: dict[str, list[int]] = defaultdict(list)
        kept: dict[str, list[int]] = defaultdict(list)
        rest: dict[str, list[int]] = defaultdict(list)
        # By text key listed for the kept entries: the words it is listed under.
        self._firsts: dict[int, frozenset[str]] = {}
        read_before = _Earlier.of(earlier)
        for position, profile in enumerate(index.profiles):
            for key, listing in self._listing(index, position, profile, index.idf, read_before):
                for word in listing.weighed:
                    weighed[word].append(key)
                for word in listing.kept:
                    kept[word].append(key)
                if listing.kept:
                    self._firsts[key] = listing.kept
                for word in listing.rest:
                    rest[word].append(key)
                self._need[key], self._size[key] = listing.need, listing.size
                self._sure[key], self._edge[key] = listing.sure, listing.edge
        # Each word's text keys in an array (four bytes each), not a tuple of int objects.
        self._weighed = {word: array("i", keys) for word, keys in weighed.items()}
        self._kept = {word: array("i", keys) for word, keys in kept.items()}
        self._rest = {word: array("i", keys) for word, keys in rest.items()}

    def updated(self, before: Index, after: Index, touched: Collection[str]) -> Reach | None:
        """The reach of `after`, an edit of `before` (this reach's index), or None.

        `touched` are the ids of the entries the edit added, removed or changed, or that
        `after` reads otherwise than `before` (`Index.read_otherwise_than`).

        None when the edit changed how words are read in more than those entries (the
        index was built whole), or moved the number of entries so far from the reach's
        that the weights it lists by drift more than DRIFT: a reach is then made anew.

        The texts of the entries the edit removed or changed are taken out, those of the
        entries it added or changed listed. Of the others, only the listings made from the
        words whose postings the edit changed can differ: each weight needed is lowered by
        what the word's new weight can take from it (a bound that only ever errs low, so
        every text an entry can answer is still found); a text whose need falls so low that
        an entry knowing none of its listed words could answer it, or that is listed for
        the kept entries of a word, is listed again.
        """
        if after.lexicon is not before.lexicon and after.read_otherwise_than(before) is None:
            return None
        if self.drift(after) > DRIFT:
            return None
        edit = _Edit.of(before, after, touched)
        if any(len(after.profiles[p].asked) >> self._shift for p in edit.coming):
            return None
        edited = copy.copy(self)
        edited._readings, edited._tangled = dict(self._readings), set(self._tangled)
        edited._firsts = dict(self._firsts)
        edited._need, edited._size = array("d", self._need), bytearray(self._size)
        edited._sure, edited._edge = bytearray(self._sure), array("i", self._edge)
        if edit.removed or edit.added:
            edited._renumber(edit.removed, edit.added)
        # Each text listed anew: its key, the words it may have been listed under by weight
        # (or among the rest of its words) and for the kept, and its new listing.
        moves: list[tuple[int, frozenset[str], frozenset[str], _Listing]] = []
        for position in edit.gone:
            for n, stems in enumerate(before.profiles[position].asked):
                key = self.key(position, n)
                edited._readings.pop(key, None)
                edited._tangled.discard(key)
                edited._firsts.pop(key, None)
                edited._need[key], edited._size[key] = 0.0, 0
                moves.append((key, frozenset(stems), frozenset(stems), _UNLISTED))
        changed = _weight_changes(before, after, edit, self._count)
        edited._forget_sure(after, *_reposted(before, after, edit))
        weights = edited.weights(after)
        for key in edited._lowered(changed):
            readings = edited._readings_at(after, key)
            if readings is not None:
                listing = edited._listed(after, weights, readings, edited.text(key)[0])
                moves.append((key, frozenset(readings[0][0]), frozenset(), listing))
        for key, first, readings in edited._replanned(after, changed):
            listing = edited._listed(after, weights, readings, edited.text(key)[0])
            moves.append((key, frozenset(), first, listing))
        for position in edit.coming:
            profile = after.profiles[position]
            for key, listing in edited._listing(after, position, profile, weights):
                moves.append((key, frozenset(), frozenset(), listing))
        for key, _, _, listing in moves:
            edited._need[key], edited._size[key] = listing.need, listing.size
            edited._sure[key], edited._edge[key] = listing.sure, listing.edge
            if listing.kept:
                edited._firsts[key] = listing.kept
            else:
                edited._firsts.pop(key, None)
        edited._weighed = _moved(self._weighed, [(k, old, new.weighed) for k, old, _, new in moves])
        edited._rest = _moved(self._rest, [(k, old, new.rest) for k, old, _, new in moves])
        edited._kept = _moved(self._kept, [(k, old, new.kept) for k, _, old, new in moves])
        return edited

    def _renumber(self, removed: list[int], added: list[int]) -> None:
        """Give the entries their positions after an edit, keeping the slots of those staying.

        `removed` are positions before the edit, `added` after it, both in order; the
        entries staying keep their order.
        """
        slot_of, at = array("i", self._slot_of), array("i", self._at)
        for position in reversed(removed):
            at[slot_of[position]] = -1
            del slot_of[position]
        span = 1 << self._shift
        for position in added:
            slot_of.insert(position, len(at))
            at.append(-1)
            self._need.extend(array("d", bytes(8 * span)))
            self._size.extend(bytes(span))
            self._sure.extend(bytes(span))
            self._edge.extend(array("i", bytes(4 * span)))
        list(map(at.__setitem__, slot_of, range(len(slot_of))))
        self._slot_of, self._at = slot_of, at

    def drift(self, index: Index) -> float:
        """The most a word's weight in `index` differs from its weight in the listings.

        A word in `d` of `n` entries weighs log(1 + n / d); listed for `count` entries
        and their postings, it differs by log((d + n) / (d + count)) at most, the most
        when d is 1.
        """
        return abs(math.log((1.0 + _count(index)) / (1.0 + self._count)))

    def weights(self, index: Index) -> Mapping[str, float]:
        """Each word's weight in the listings: its IDF in `index` at the reach's count."""
        if _count(index) == self._count:
            return index.idf
        return _Weights(index.postings, self._count)

    def around(self, index: Index, position: int) -> set[int]:
        """The texts the entry at `position` may answer, from their listings, and tangled ones.

        The tangled texts are those sharing a word with it; its own texts are among them.
        A text's need is lowered by what its words' weights may have drifted (`drift`).
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
        need, drift = self._need, self.drift(index)
        if drift:
            size = self._size
            keys.update(k for k, weight in weights.items() if weight >= need[k] - drift * size[k])
        else:
            keys.update(key for key, weight in weights.items() if weight >= need[key])
        for key in self._tangled:
            other, n = self.text(key)
            if any(s in known for s in index.profiles[other].asked[n]):
                keys.add(key)
        return keys

    def key(self, position: int, n: int) -> int:
        """The key of text `n` of the entry at `position`."""
        return self._slot_of[position] << self._shift | n

    def text(self, key: int) -> tuple[int, int]:
        """The position of the entry a text key belongs to, and the text's number."""
        return self._at[key >> self._shift], key & ((1 << self._shift) - 1)

    def sure(self, index: Index, key: int) -> bool:
        """Whether the entry of text `key`, read as its entry is asked, is surely measured.

        Worked out again, once, for a text with a word whose postings an edit changed.
        """
        sure = self._sure[key]
        if sure == _UNKNOWN:
            readings = self._readings_at(index, key)
            sure, edge = 0, -1
            if readings is not None and len(readings) == 1 and readings[0][1]:
                stems = readings[0][0]
                plan = plan_of(index.postings, stems)
                if plan is not None:
                    sure, edge = _sure_of(index, plan, stems, self.text(key)[0])
            self._sure[key], self._edge[key] = sure, edge
        return bool(sure)

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
        weights: Mapping[str, float],
        read_before: _Earlier | None = None,
    ) -> Iterator[tuple[int, _Listing]]:
        """Each text of the entry at `position` as a key, with where to list it.

        Records how each is read: as `read_before` read it, when that holds the entry.
        """
        texts = (profile.entry.question, *profile.entry.phrasings)
        earlier = None if read_before is None else read_before.position_of(profile)
        for n, text in enumerate(texts):
            key = self.key(position, n)
            if earlier is not None and read_before is not None:
                readings = read_before.readings(earlier, n)
            else:
                readings = _readings_of(index, profile, n, text, self._read_window)
            if readings is None:
                self._tangled.add(key)
            elif not readings[0][1] or len(readings) > 1:
                self._readings[key] = readings
            if readings is None:
                yield key, _UNLISTED
            else:
                yield key, self._listed(index, weights, readings, position)

    def _listed(
        self,
        index: Index,
        weights: Mapping[str, float],
        readings: tuple[Reading, ...],
        owner: int,
    ) -> _Listing:
        """Where to list a text of the entry at `owner` read as `readings`.

        Each word weighs its `weights`.
        A text read in several ways is listed under every word of each, needing none.
        """
        if len(readings) > 1:
            words = frozenset(s for stems, _ in readings for s in stems)
            return _Listing(words, frozenset(), frozenset(), 0.0, 0, 0, -1)
        stems, own = readings[0]
        plan = plan_of(index.postings, stems)
        if plan is None:
            return _UNLISTED
        sure, edge = _sure_of(index, plan, stems, owner) if own else (0, -1)
        if plan.kept_only:
            first = frozenset(plan.first)
            return _Listing(frozenset(), first, frozenset(), 0.0, 0, sure, edge)
        if len(stems) > _MOST_TERMS:
            return _Listing(frozenset(stems), frozenset(), frozenset(), 0.0, 0, sure, edge)
        words, need = self._rarest(weights, stems)
        rest = frozenset(stems) - words
        return _Listing(words, frozenset(), rest, need, len(stems), sure, edge)

    def _rarest(
        self, weights: Mapping[str, float], stems: tuple[str, ...]
    ) -> tuple[frozenset[str], float]:
        """The rarest of `stems`, and the weight of them an entry must know to answer.

        An entry knowing less of them knows too little of the text (`needed`), however
        many of the others it knows. They are so many that the others weigh less than half
        of what it must know: then one common word known is not enough, and an entry
        knowing one or two words of many texts made of common words is looked for in few.
        What it must know of them stays above what the weights may drift (DRIFT a word),
        so that an entry knowing none of them never could answer.
        """
        total = sum(weights[s] for s in stems)
        least = self._shares[len(stems)] * total
        lowest = DRIFT * len(stems)
        rest = total
        rarest = []
        for stem in sorted(stems, key=lambda s: -weights[s]):
            if rest < least / 2 and least - rest > lowest:
                break
            rarest.append(stem)
            rest -= weights[stem]
        return frozenset(rarest), least - rest

    def _lowered(self, changed: dict[str, float]) -> set[int]:
        """Lower the need of each text with a word of `changed`; the texts to list again.

        `changed` holds each word's change of weight. A word weighing less lowers the need
        of the texts listed under it (by the share of it they need), a word weighing more
        that of the other texts having it (by the rest); a need that rises is left as it
        is. A text whose need falls to what its words may drift is returned. Only texts
        listed by weight (a `_size`) are lowered: the texts of the entries the edit
        touched have none until they are listed anew.
        """
        need, size, shares = self._need, self._size, self._shares
        weak: set[int] = set()
        for word, change in changed.items():
            # The share of the word's weight a text's need moves by: what it must know of
            # it when listed under it, less the whole of it when it is among the rest.
            lighter = change < 0
            keys, less = (self._weighed, 0.0) if lighter else (self._rest, 1.0)
            for key in keys.get(word, ()):
                terms = size[key]
                if terms:
                    lowered = need[key] + (shares[terms] - less) * change - _ROUNDING
                    need[key] = lowered
                    if lowered <= DRIFT * terms:
                        weak.add(key)
        return weak

    def _forget_sure(
        self,
        index: Index,
        words: dict[str, int],
        changed: list[tuple[EntryProfile, EntryProfile]],
    ) -> None:
        """Forget whether the texts having one of `words` are surely measured (`sure`).

        Whether a text's own entry is surely measured follows from its words' postings:
        from those of the words walked or that may be (`walk_edge`), and from how many
        entries are asked with all its words. `words` are those whose postings changed,
        with the fewest entries each was in, before the edit or after; an entry removed or
        added changes the postings of all its words, the walked ones among them, but an
        entry `changed` (its profile before and after) may come to be asked with all of a
        text's words, or cease to be, by a word not walked.
        """
        sure, edge = self._sure, self._edge
        for word, fewest in words.items():
            for listed in (self._weighed, self._rest):
                for key in listed.get(word, ()):
                    if edge[key] >= fewest:
                        sure[key] = _UNKNOWN
        for key in self._firsts:
            readings = self._readings_at(index, key)
            if readings is not None and any(
                words.get(stem, 1 << 30) <= edge[key] for stem in readings[0][0]
            ):
                sure[key] = _UNKNOWN
        fresh = {self._slot_of[index.position[was.entry.id]] for was, _ in changed}
        for was, now in changed:
            asked_before, asked_after = was.asked_union, now.asked_union
            for word in _known_otherwise(was, now):
                having = (*self._weighed.get(word, ()), *self._rest.get(word, ()))
                for key in (*having, *self._kept_having(index, word)):
                    if key >> self._shift in fresh:
                        continue  # the entry's own texts, listed anew
                    readings = self._readings_at(index, key)
                    stems = () if readings is None else readings[0][0]
                    if stems and (asked_before.issuperset(stems) or asked_after.issuperset(stems)):
                        sure[key] = _UNKNOWN

    def _kept_having(self, index: Index, word: str) -> list[int]:
        """The texts listed for the kept entries that have `word`."""
        having = []
        for key in self._firsts:
            readings = self._readings_at(index, key)
            if readings is not None and word in readings[0][0]:
                having.append(key)
        return having

    def _replanned(
        self, index: Index, changed: dict[str, float]
    ) -> Iterator[tuple[int, frozenset[str], tuple[Reading, ...]]]:
        """The texts listed for kept entries that `index` plans otherwise, and how listed.

        Each with the words it is listed under and how it is read. A text is listed for
        the kept entries of its first words, those in fewest entries (`plan_of`): when
        that first count is beyond what retrieval walks, or the next word's count would
        take the walk beyond it. Its plan changes only when a word whose postings changed
        is among its first, or when a word in fewer entries than before comes to be in as
        few as they are, or few enough to be walked beside them: only those are planned
        again. The texts of the entries the edit removed or changed are out already.
        """
        suspects = {key for word in changed for key in self._kept.get(word, ())}
        critical: dict[int, set[str]] = defaultdict(set)
        for word, change in changed.items():
            if change > 0:
                count = len(index.postings[word])
                critical[count].add(word)
                critical[match.POSTINGS_BUDGET - count].add(word)
        if critical:
            for key, first in self._firsts.items():
                words = critical.get(len(index.postings[next(iter(first))]))
                if words and key not in suspects:
                    readings = self._readings_at(index, key)
                    if readings is not None and not words.isdisjoint(readings[0][0]):
                        suspects.add(key)
        for key in suspects:
            first = self._firsts.get(key)
            readings = None if first is None else self._readings_at(index, key)
            if first is None or readings is None:
                continue
            plan = plan_of(index.postings, readings[0][0])
            if plan is None or not plan.kept_only or frozenset(plan.first) != first:
                yield key, first, readings


def _reposted(
    before: Index, after: Index, edit: _Edit
) -> tuple[dict[str, int], list[tuple[EntryProfile, EntryProfile]]]:
    """The words whose postings, or those of the entries asked with them, the edit changed.

    Each with the fewest entries it was in, before the edit or after: every word an entry
    removed or added knows, and each word an entry changed comes to know otherwise. Beside
    them, the profiles of each entry changed, before the edit and after.
    """
    words = {w for p in edit.removed for w in before.profiles[p].known}
    words.update(w for p in edit.added for w in after.profiles[p].known)
    removed = set(edit.removed)
    changed = []
    for position in edit.gone:
        if position not in removed:
            was = before.profiles[position]
            now = after.profiles[after.position[was.entry.id]]
            words.update(_known_otherwise(was, now))
            changed.append((was, now))
    fewest = {
        w: min(len(before.postings.get(w, ())), len(after.postings.get(w, ()))) for w in words
    }
    return fewest, changed


def _known_otherwise(was: EntryProfile, now: EntryProfile) -> set[str]:
    """The words an entry knows otherwise in its profile `now` than in `was`."""
    return {
        w for w in was.known.keys() | now.known.keys() if _how_known(was, w) != _how_known(now, w)
    }


def _how_known(profile: EntryProfile, word: str) -> int:
    """0: the entry does not know `word`; 1: it only states it; 2: it is asked with it."""
    phrasings = profile.known.get(word)
    return 0 if phrasings is None else 2 if phrasings else 1


def _sure_of(index: Index, plan: Plan, stems: tuple[str, ...], owner: int) -> tuple[int, int]:
    """Whether the entry at `owner`, asked `stems`, is surely measured (0 or 1), and more.

    The `walk_edge` of `stems` beside it: how long that holds.
    """
    return int(surely_candidate(index, plan, stems, owner)), walk_edge(index.postings, stems)


def _count(index: Index) -> int:
    """The number of entries a word's IDF in `index` is worked out from."""
    return max(len(index.profiles), 1)


class _Weights(Mapping[str, float]):
    """Each word's IDF in an index, as if it held `count` entries: what a reach lists by."""

    def __init__(self, postings: Mapping[str, tuple[int, ...]], count: int) -> None:
        self._postings = postings
        self._count = count

    def __getitem__(self, word: str) -> float:
        return math.log(1.0 + self._count / len(self._postings[word]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._postings)

    def __len__(self) -> int:
        return len(self._postings)


@dataclass(frozen=True)
class _Edit:
    """What an edit did to an index's entries, by position.

    `removed` and `gone` (removed or changed) are positions before it, `added` and
    `coming` (added or changed) after it, each in order.
    """

    removed: list[int]
    added: list[int]
    gone: list[int]
    coming: list[int]

    @classmethod
    def of(cls, before: Index, after: Index, touched: Collection[str]) -> _Edit:
        """The edit from `before` to `after` of the entries of the ids `touched`."""
        was, now = before.position, after.position
        return cls(
            sorted(was[i] for i in touched if i not in now),
            sorted(now[i] for i in touched if i not in was),
            sorted(was[i] for i in touched if i in was),
            sorted(now[i] for i in touched if i in now),
        )


def _weight_changes(before: Index, after: Index, edit: _Edit, count: int) -> dict[str, float]:
    """How much each word whose postings the edit changed weighs more, at `count` entries.

    Only words known to an entry both before and after: a text having a word is of an
    entry knowing it.
    """
    words = {w for p in edit.gone for w in before.profiles[p].known}
    words.update(w for p in edit.coming for w in after.profiles[p].known)
    changes = {}
    for word in words:
        was, now = len(before.postings.get(word, ())), len(after.postings.get(word, ()))
        if was != now and was and now:
            changes[word] = math.log(1.0 + count / now) - math.log(1.0 + count / was)
    return changes


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
        return self.reach._readings_at(self.index, self.reach.key(position, n))


@dataclass(frozen=True)
class _Listing:
    """Where a text is listed: under which words by weight, and which for the kept only.

    An entry must know `need` of the weight of the words it is listed under by weight;
    `size` words weigh in that need (0: it needs none, or is not listed by weight), those
    and the `rest` of its words.
    """

    weighed: frozenset[str]
    kept: frozenset[str]
    rest: frozenset[str]
    need: float
    size: int
    # Whether its own entry, asked it, is surely measured (`surely_candidate`): 0 or 1,
    # and the most entries a word of it may be in and be walked (`walk_edge`).
    sure: int
    edge: int


_UNLISTED = _Listing(frozenset(), frozenset(), frozenset(), 0.0, 0, 0, -1)


def _moved(
    listed: dict[str, array[int]], moves: list[tuple[int, frozenset[str], frozenset[str]]]
) -> dict[str, array[int]]:
    """A copy of `listed` with each key moved to its new words.

    Each key is taken from every word it may have been under (`old`), then put under each
    of its new ones (`new`).
    """
    gone: dict[str, set[int]] = defaultdict(set)
    came: dict[str, list[int]] = defaultdict(list)
    for key, old, new in moves:
        for word in old:
            gone[word].add(key)
        for word in new:
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
    if len(parts) > MAX_QUESTIONS:
        return None  # read on its first questions only, joined: decided in full
    if len(parts) < 2:
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
