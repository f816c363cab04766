"""The engine: a question in, a decision out (answer, or abstain with suggestions).

Answering wrongly is worse than abstaining, so the engine answers only when an entry
accounts for enough of what was asked, shares something specific with it, knows every name
and number the question brings in, and states the kind of fact asked for (a date for
"when", a count for "how many", a span for "how long"). Otherwise it offers the closest
covered questions. When entries come within a close call of each other, the others are
offered beside the answer.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import astuple, dataclass
from functools import lru_cache
from itertools import chain, zip_longest
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.engine.compound import MAX_QUESTIONS, asked_apart, decide_compound, split_questions
from bot.engine.decision import MAX_QUESTION_CHARS, Decision, SourcedQuote, Suggestion
from bot.engine.index import EntryProfile, Index, cycles_collected_after, read_alike
from bot.engine.lexicon import Lexicon, opens_as_yes_no, set_aside
from bot.engine.match import (
    ASKING_WEIGHT,
    IN_PHRASING,
    Measure,
    Question,
    asking_window,
    candidates,
    measure,
    ranked,
    read_question,
    shortlist,
)
from bot.engine.reach import Reach, Reading, plan_of, scores_entry
from bot.knowledge.model import Entry, Knowledge
from bot.language.text import clean, fold, unstretched
from bot.language.words import is_stopword
from bot.ops.logs import event

log = logging.getLogger(__name__)

# How much of a question an entry must account for (`Thresholds`). A long question wraps
# what it asks in context and opinion, so the share of it an entry must account for falls
# with its length, from the short value (up to SHORT_TERMS meaningful words) to the long
# one (from LONG_TERMS).
SHORT_TERMS, LONG_TERMS = 4, 10
# The question must share with the entry something specific: a word the entry is about,
# or a name it mentions, weighing at least this much (a word in every entry weighs ~0.8).
MIN_ANCHOR = 1.5
# Names the entry does not know may carry at most this share of the question: none in a
# short question ("Does <country> recognise <country>?"), a little in a long one, whose context
# may name places the answer need not. A number the entry does not have (Article 4, 1999)
# is never allowed.
SHORT_MISSING_NAMES, LONG_MISSING_NAMES = 0.0, 0.2
# Sums of the same weights in another order differ in their last bits: a bound on a
# share is loosened by this much so that it never excludes what the measure would keep.
_SLACK = 1e-9
# Scores equal to this many decimals are a tie, which the kind of fact asked for breaks.
TIE_DIGITS = 2
# Entries within this score of the best are offered beside the answer.
CLOSE_CALL = 0.05
# An answer is shown as the closest covered question, not as the answer
# (`Decision.tentative`), when another entry comes within a close call of it (the ranking
# cannot tell them apart) or when it scores below this many times the score its question's
# length requires (`Thresholds`; a ratio, since a long message scores lower). The margin is
# the lower quarter of that ratio among right answers to the knowledge's own phrasings
# held out: 1.35 on the shipped knowledge and on two other subjects' knowledges alike
# (1.36, 1.35, 1.35). With the close calls, `python -m bot bench` prints what is marked:
# on those three knowledges 30-31 % of the right held-out answers, but 67-70 % of the
# phrasings answered by another entry and 72-74 % of the near questions answered when
# their own entry is left out: the answers most likely wrong are the ones the member is
# told may not be what was asked.
TENTATIVE_MARGIN = 1.35
MIN_SUGGESTION_SCORE = 0.12
SUGGESTIONS = 3
COMPLETE_LIMIT = 25
# Autocomplete looks at this many phrasings per suggestion it may show (several phrasings
# of one entry often match), and shows those matching at least this well (0-100).
COMPLETE_WIDTH = 4
COMPLETE_CUTOFF = 80
# Of a long message, the engine weighs at most this many characters: the sentence that asks
# and the context nearest it. Reading is then bounded however long the message, and a
# question asked in a short message is read exactly as it is written. A longer message is
# also not split into several questions: it is a paste, with one question in it.
READ_WINDOW = 500
# The entries' own texts judged by how they are read (in parts, or without what they set
# aside), remembered: every edit judges the tangled texts sharing words with its entry.
READ_APART_CACHE = 1 << 17
# A yes/no question opening with these asks what will (or would) be, not what is.
_FUTURE_OPENERS = frozenset({"will", "would", "shall"})


@dataclass(frozen=True)
class Thresholds:
    """The score and coverage an entry needs to answer, for short and for long questions.

    They were first chosen on the engine's own questions (tests/engine/questions.yaml), and
    are checked on the knowledge itself (`held_out`, printed by `python -m bot bench`): each
    phrasing of each entry left out and asked. Scaled together from 0.85 to 1.25 times these
    values, right and wrong answers fall together at a steady rate, and right answers less
    three times the wrong ones (a wrong answer costing three abstentions) stay within about
    one point per 100 phrasings of their best: 47.9 at these values on the shipped knowledge
    (47.0 at 0.85 times them, 46.8 at 1.25), 49.2 on it with three more sources on another
    subject (49.6 at 1.08 times). Flat as that is, no value is tuned finer than this.
    """

    short_score: float = 0.6
    long_score: float = 0.25
    short_coverage: float = 0.55
    long_coverage: float = 0.2

    def scaled(self, factor: float) -> Thresholds:
        """Every threshold times `factor`: stricter above 1, laxer below."""
        return Thresholds(*(factor * value for value in astuple(self)))

    def accounts_for(self, measure: Measure, terms: int) -> bool:
        """Whether the entry accounts for enough of the question, given its length."""
        return measure.score >= self.score(terms) and measure.coverage >= self.coverage(terms)

    def score(self, terms: int) -> float:
        """The score an entry needs to answer a question of `terms` words."""
        return _by_length(terms, self.short_score, self.long_score)

    def coverage(self, terms: int) -> float:
        """The share of a question of `terms` words an entry must know to answer it."""
        return _by_length(terms, self.short_coverage, self.long_coverage)

    def least_share(self, terms: int) -> float:
        """Less than the share of a one-sentence question's weight an entry must know."""
        return self.coverage(terms) - 2 * _SLACK


SERVED = Thresholds()


class WordRead(NamedTuple):
    """One meaningful word of a question as the engine reads it (`Engine.reading`)."""

    # The word read: an alias applied, a misspelling corrected, folded.
    word: str
    # Read as a name: an entry answering must mention it.
    name: bool
    # Some entry writes it (in its texts, answer or quotes).
    known: bool
    # A misspelling the engine read as this word.
    corrected: bool


@dataclass(frozen=True)
class QuestionReading:
    """How the engine reads a question, for a moderator choosing phrasings and aliases."""

    # The question folded, with every alias applied.
    read_as: str
    # The kind of fact it asks for (`lexicon.WHEN`...), or None.
    kind: str | None
    words: tuple[WordRead, ...]
    # Why its answer would be shown as only the closest covered question: the entries
    # within a close call of it, and the score it has and would need to be sure of.
    close_to: tuple[str, ...] = ()
    loose: tuple[float, float] | None = None
    # Or: a yes/no question asking the opposite or the future of what the entry's yes/no
    # question asks, whose yes or no would read as another answer (`_polarity_differs`).
    opposite: bool = False
    # Why it is not answered: the closest entry, and the first check it fails (a code of
    # `Engine.refusal`), so a moderator knows whether a phrasing or an alias would help.
    refused: tuple[str, str] | None = None


class Engine:
    """Matches questions against one knowledge snapshot; build a new Engine per snapshot."""

    def __init__(
        self,
        knowledge: Knowledge,
        index: Index | None = None,
        reach: Reach | None = None,
        thresholds: Thresholds = SERVED,
    ) -> None:
        """`index` is the index of `knowledge` when already built; without it, one is built.

        `reach` is the index's `Reach` when made already; it is made when first needed.
        `thresholds` other than those served are for measuring them (`bot.bench`).
        """
        self._knowledge = knowledge
        self._index = Index(knowledge) if index is None else index
        self._reach = reach
        self._thresholds = thresholds
        self._wordless: dict[str, str] | None = None

    def updated(self, knowledge: Knowledge) -> Engine:
        """The engine of `knowledge`, an edit of this engine's snapshot.

        It answers exactly as `Engine(knowledge)` would, but only the entries the edit
        touched are read again, so an edit is served in milliseconds, not seconds.
        """
        with cycles_collected_after():
            return self._updated(knowledge)

    def _updated(self, knowledge: Knowledge) -> Engine:
        """`updated`, with the collector of reference cycles held off."""
        index = self._index.updated(knowledge)
        reach = None
        # Made again at once when the index was built whole, or when entries were added or
        # removed until their number moved every word's weight beyond what the reach's
        # listings allow for (`Reach.updated`); the texts of the entries kept not read again
        # when the words are read as they were.
        if self._reach is not None:
            was, now = self._knowledge.entries, knowledge.entries
            touched = {i for i, entry in now.items() if was.get(i) is not entry}
            touched.update(was.keys() - now.keys())
            touched.update(index.read_otherwise_than(self._index) or ())
            reach = self._reach.updated(self._index, index, touched)
            if reach is None:
                reads_alike = index.lexicon is self._index.lexicon and (
                    index.kept_names == self._index.kept_names
                )
                earlier = (self._index, self._reach) if reads_alike else None
                reach = Reach(index, READ_WINDOW, self._thresholds.least_share, earlier)
        return Engine(knowledge, index, reach, self._thresholds)

    def with_thresholds(self, thresholds: Thresholds) -> Engine:
        """The same engine deciding with other thresholds, to measure them (`bot.bench`)."""
        return Engine(self._knowledge, self._index, None, thresholds)

    def prepare_routing(self) -> None:
        """Make now what `may_answer` needs (seconds at 10,000 entries), not at the first edit.

        A served engine checking moderators' edits calls this once; the engines of later
        edits carry it over (an edit building the index whole makes it again then, not at
        the next edit).
        """
        self._reach_of()

    def _reach_of(self) -> Reach:
        if self._reach is None:
            self._reach = Reach(self._index, READ_WINDOW, self._thresholds.least_share)
        return self._reach

    @property
    def lexicon(self) -> Lexicon:
        """The language this engine reads: the general language and the knowledge's words."""
        return self._index.lexicon

    @property
    def knowledge(self) -> Knowledge:
        """The snapshot this engine answers from."""
        return self._knowledge

    def decide(self, question: str) -> Decision:
        """Answer `question` from the knowledge, or abstain with suggestions. Never raises.

        A question in the very words of one of an entry's own texts (its question or a
        phrasing, read as the engine reads them) is answered by that entry: a moderator
        wrote those words for it, and no two entries share them. Any other question is
        decided by measure (`decide_by_measure`).
        """
        return self._decided_safely(self._decide, question)

    def reading(self, question: str) -> QuestionReading:
        """How `decide` reads `question`: its words after aliases, corrections and names.

        A moderator deciding whether a word needs an alias sees whether the vocabulary
        already reads it as another ("ushtare" as "troops"), and which words no entry writes;
        and, when the answer would be hedged, why: the entries as close to it, how loosely
        its words matched (the message read whole, as one question), or that it asks the
        opposite of the entry's yes/no question; when it is not answered, why the closest
        entry is not given.
        """
        read = self._read(question)
        known, topics = self._index.idf, self._index.lexicon.topics
        # A topic is what every entry is about: written with a capital it is read as a
        # name, but not required of an entry whose sources mention it, so it is not shown
        # as one.
        words = tuple(
            WordRead(
                term.word, term.name and term.word not in topics, term.stem in known, term.match < 1
            )
            for term in read.question.terms
        )
        folded = self._index.lexicon.read(asking_window(read.text, READ_WINDOW)).folded
        decision = self._decide(question)
        if not decision.answered and decision.suggestions:
            closest = decision.suggestions[0].entry_id
            refused = (closest, self.refusal(question, closest))
            return QuestionReading(folded, read.question.kind, words, refused=refused)
        if not decision.tentative:
            return QuestionReading(folded, read.question.kind, words)
        close_to = tuple(s.entry_id for s in decision.suggestions)
        needed = TENTATIVE_MARGIN * self._thresholds.score(_length_judged(read.question))
        loose = (decision.score, needed) if decision.score < needed else None
        position = self._index.position[decision.entry.id] if decision.entry else None
        opposite = position is not None and _polarity_differs(
            read.question, measure(self._index, read.question, position)
        )
        return QuestionReading(
            folded, read.question.kind, words, close_to, loose, opposite=opposite
        )

    def decide_by_measure(self, question: str) -> Decision:
        """`decide`, but an entry's own words count only as their measures do.

        The routing check asks this: whether a text reaches its entry by its words is what
        tells a moderator how questions worded like it will be answered, and whether an edit
        draws other entries' texts away (their own words would always keep them).
        """
        return self._decided_safely(self._decide_by_measure, question)

    def _decided_safely(self, decide: Callable[[str], Decision], question: str) -> Decision:
        try:
            return decide_compound(decide, question, READ_WINDOW)
        except Exception as error:  # a reply must never fail: abstain and let the log tell
            event(log, "engine_error", logging.ERROR, error=type(error).__name__)
            return Decision(question="", answered=False, score=0.0)

    def answers_with(self, question: str, entry_id: str) -> bool:
        """Whether `decide(question)` answers with the entry `entry_id`, measuring only if needed.

        A question decided whole is answered only by one of its candidates, taken from its
        shortlist, so when the entry is not on the shortlist, or not among the candidates,
        the answer is known without ranking or measuring any. A message asking several
        things (`decide_compound`) is answered with the entry answering its first question
        or, failing that, with the message decided whole: when neither is the entry, it is
        not. Anything else (a message asking more than the engine reads at once), or an
        error on the way, is decided in full.
        """
        text = question.strip()
        try:
            parts = asked_apart(text) if len(text) <= READ_WINDOW else []
            if len(parts) > MAX_QUESTIONS:
                pass  # read on its first questions only: decided in full below
            elif len(parts) >= 2:
                if not self._decides_with(parts[0], entry_id) and not self._decides_with(
                    question, entry_id
                ):
                    return False
            elif not self._decides_with(question, entry_id):
                return False
        except Exception:  # decided in full, as a reply is, so it fails the same way
            pass
        decision = self.decide_by_measure(question)
        return decision.entry is not None and decision.entry.id == entry_id

    def _decides_with(self, question: str, entry_id: str) -> bool:
        """Whether the question decided whole (`_decide`) may be answered with the entry."""
        position = self._index.position.get(entry_id)
        read = self._read(question)
        shortlisted, scores = shortlist(self._index, read.question)
        if position not in shortlisted:
            return False
        return position in ranked(self._index, read.question, shortlisted, scores)

    def refusal(self, question: str, entry_id: str) -> str:
        """Why this entry does not answer `question`: the first check it fails, as a code.

        For a moderator whose phrasing does not reach its entry: "count" (no count stands
        beside what "how many" counts), "kind" (it lacks the kind of fact asked: a date, a
        count, a span, a reason), "focus" (what is asked for), "number",
        "voice" (someone's words), "proposition" (a yes/no question), "names", "anchor"
        (nothing specific shared), "coverage" (too few of the question's words); "" when it
        passes every check and other entries rank too close to it.
        """
        position = self._index.position.get(entry_id)
        if position is None:
            return ""
        text, _ = _read_at_most(str(question), READ_WINDOW)
        read = read_question(self._index, text)
        measured = measure(self._index, read, position)
        return _first_failed_check(measured, _length_judged(read), self._thresholds)

    def may_answer(self, entry_id: str) -> list[tuple[str, int]]:
        """Other entries' own texts this entry could answer: (entry id, 0 or phrasing number).

        Every other text is answered by another entry or by none, which a check of what an
        edit draws to the entry need not ask. Only the texts the entry's words find in the
        `Reach` of the index are looked at; each is then judged from the index alone, since
        an entry's own text is read into the same stems its entry is asked with (`_may_draw`).
        """
        position = self._index.position.get(entry_id)
        if position is None:
            return []
        index, reach = self._index, self._reach_of()
        drawing = index.profiles[position]
        found: list[tuple[int, int]] = []
        for key in reach.around(index, position):
            other, n = reach.text(key)
            if other == position:
                continue
            readings = reach.readings(index, key)
            if readings is None:
                drawn = self._may_draw_tangled(drawing, index.profiles[other], n)
            else:
                sure = reach.sure(index, key)
                drawn = any(self._may_draw(position, other, n, r, sure) for r in readings)
            if drawn:
                found.append((other, n))
        return [(index.profiles[other].entry.id, n) for other, n in sorted(found)]

    def known_stems(self, entry_id: str) -> frozenset[str]:
        """Every stem the entry is asked or states (none when there is no such entry).

        A stem an edit takes from every text of an entry is weighed anew (its IDF), so a
        routing check asks again the texts asked with it (`asked_with`).
        """
        position = self._index.position.get(entry_id)
        return frozenset() if position is None else frozenset(self._index.profiles[position].known)

    def words_unknown_to(self, question: str, entry_id: str) -> tuple[str, ...]:
        """The words of `question` the entry neither states nor is asked with, as read.

        What a moderator sees of why a way of asking does not reach an entry: the words a
        phrasing or a vocabulary line would have to teach it.
        """
        known = self.known_stems(entry_id)
        terms = self._read(question).question.terms
        return tuple(dict.fromkeys(t.word for t in terms if t.stem not in known))

    def phrases_read_otherwise(self, before: Engine) -> frozenset[tuple[str, ...]] | None:
        """The folded phrases this engine reads otherwise than `before` (None: any text).

        Those its lexicon reads otherwise (`Lexicon.phrases_read_otherwise`), and the names
        the knowledge writes that one keeps as names and the other does not.
        """
        phrases = self.lexicon.phrases_read_otherwise(before.lexicon)
        if phrases is None:
            return None
        kept = self._index.kept_names ^ before._index.kept_names
        return phrases | {tuple(name.split()) for name in kept}

    def entries_read_otherwise(self, before: Engine) -> list[str]:
        """The entries of both engines that they read into other profiles (`read_alike`)."""
        mine, theirs = self._index, before._index
        return [
            entry_id
            for entry_id, position in mine.position.items()
            if entry_id in theirs.position
            and not read_alike(mine.profiles[position], theirs.profiles[theirs.position[entry_id]])
        ]

    def stems_posted_otherwise(self, before: Engine) -> set[str]:
        """The stems known, or asked with, by other entries here than in `before`.

        Only comparable where both hold the same entries (the positions are then the same).
        """
        mine, theirs = self._index, before._index
        return {
            stem
            for stem in mine.postings.keys() | theirs.postings.keys()
            if mine.postings.get(stem) != theirs.postings.get(stem)
            or mine.asked_postings.get(stem) != theirs.asked_postings.get(stem)
        }

    def asked_with(self, stems: Iterable[str], most_entries: int) -> set[tuple[str, int]]:
        """The entries' own texts read into any of `stems` that `most_entries` at most know.

        Each text is (entry id, 0 or phrasing number).
        """
        index = self._index
        found: set[tuple[str, int]] = set()
        for stem in stems:
            if len(index.postings.get(stem, ())) > most_entries:
                continue
            for position in index.asked_postings.get(stem, ()):
                profile = index.profiles[position]
                found.update((profile.entry.id, n) for n in profile.known.get(stem, ()))
        return found

    def _may_draw(self, position: int, other: int, n: int, reading: Reading, sure: bool) -> bool:
        """Whether the entry at `position` could answer text `n` of the entry at `other`.

        The text is read as `reading` (one sentence, each word weighing its IDF). The entry
        must account for enough of the text, not be surely outranked by the text's own
        entry when that entry is `sure`ly measured (`surely_candidate`) and the text is
        read as that entry is asked with it, and be re-weighed by retrieval at all.
        """
        index = self._index
        stems, own = reading
        drawing, idf = index.profiles[position], index.idf
        shared = sum(idf[s] for s in stems if s in drawing.known)
        total = sum(idf[s] for s in stems)
        if shared < (self._thresholds.coverage(len(stems)) - _SLACK) * total:
            return False
        if own and sure and self._outranked(drawing, index.profiles[other], n, shared / total):
            return False
        plan = plan_of(index.postings, stems)
        return plan is not None and scores_entry(index, plan, position)

    def _may_draw_tangled(self, drawing: EntryProfile, profile: EntryProfile, n: int) -> bool:
        """Whether the entry of `drawing` could answer text `n` (tangled) of `profile`'s entry.

        A text read in parts (`split_questions`) or without what it sets aside may be
        read as shared words alone, so it is always asked; another may weigh its asking
        sentence more, which `_cannot_account` allows for.
        """
        stems = profile.asked[n]
        shared = sum(self._index.idf[s] for s in stems if s in drawing.known)
        rest = sum(self._index.idf[s] for s in stems if s not in drawing.known)
        text = profile.entry.question if n == 0 else profile.entry.phrasings[n - 1]
        needed = self._thresholds.coverage(len(stems))
        return _read_apart(text) or not _cannot_account(needed, shared, rest)

    def _outranked(
        self, drawing: EntryProfile, profile: EntryProfile, n: int, share: float
    ) -> bool:
        """Whether the text's own entry, surely measured, surely ranks too far above.

        Asked its own one-sentence text, an entry accounts for at least IN_PHRASING of it
        (every word is in how it is asked), is as close as can be (closeness 1), and alike
        to the letter (likeness 1) when no two of its words share a stem. Another is chosen
        only within CLOSE_CALL of it (give or take the rounding of ties). The drawing entry
        accounts for at most the `share` of the weight it knows; its closeness and, for a
        text alike to the letter, its likeness are found exactly as `measure` finds them,
        the text's stems and words being those of its own way of being asked; each only
        when the bound without it (at most 1) does not settle it already.
        """
        stems = profile.asked[n]
        words = [w for w in profile.asked_folded[n].split() if not is_stopword(w)]
        alike = len(words) == len(stems)
        below = 0.5 * IN_PHRASING + 0.25 + (0.25 if alike else 0.0) - CLOSE_CALL
        below -= 2 * 10**-TIE_DIGITS
        best = 0.5 * share + 0.5
        if best <= below:
            return True
        best += 0.25 * self._closeness_to(stems, drawing) - 0.25
        if best <= below or not alike:
            return best <= below
        return best + 0.25 * _likeness_to(" ".join(words), drawing) - 0.25 <= below

    def _closeness_to(self, stems: tuple[str, ...], drawing: EntryProfile) -> float:
        """`match._closeness` of a one-sentence question read into `stems` (every one known)."""
        idf = self._index.idf
        weight = sum(idf[s] for s in stems)
        shared: dict[int, float] = {}
        for stem in stems:
            for phrasing in drawing.known.get(stem, ()):
                shared[phrasing] = shared.get(phrasing, 0.0) + idf[stem]
        masses = drawing.asked_weights
        best = max((w / (weight + masses[p]) for p, w in shared.items()), default=0.0)
        return min(1.0, 2.0 * best)

    def answer_entry(self, entry_id: str) -> Decision | None:
        """The answer of a chosen covered question (from a suggestion or a menu)."""
        entry = self._knowledge.entries.get(entry_id)
        if entry is None:
            return None
        return self._answer(entry.question, entry, 1.0, trimmed=False)

    def complete(self, text: str, limit: int = COMPLETE_LIMIT) -> list[Suggestion]:
        """Covered questions matching partly typed text, one per entry, best first.

        Each entry matches as well as the best of its question and phrasings. Of entries
        matching alike, those whose question (what is shown) holds the typed text come
        first, where it holds it earliest first (typed from its start), then in the entries'
        order: the best-matching phrasings alone would fill the list with the few entries that
        have many phrasings holding a common word.
        """
        limit = max(0, min(limit, COMPLETE_LIMIT))
        typed = self._index.lexicon.apply_aliases(fold(clean(str(text)[:READ_WINDOW])))
        if not typed:
            entries = sorted(self._knowledge.entries.values(), key=lambda e: e.question.casefold())
            return [_suggestion(e) for e in entries[:limit]]
        profiles = self._index.profiles
        questions = [profile.asked_folded[0] for profile in profiles]
        best: dict[int, float] = {}
        for _, score, position in self._matching(typed, self._index.asked_folded, limit):
            owner = self._index.asked_owner[position]
            best[owner] = max(score, best.get(owner, 0.0))
        shown: dict[int, float] = {}
        for _, score, position in self._matching(typed, questions, None):
            shown[position] = score
            best[position] = max(score, best.get(position, 0.0))

        def rank(position: int) -> tuple[float, bool, int, int]:
            at = questions[position].find(typed)
            return (
                -best[position],
                shown.get(position) != best[position],
                at if at >= 0 else READ_WINDOW,
                position,
            )

        ranked = sorted(best, key=rank)[:limit]
        return [_suggestion(profiles[position].entry) for position in ranked]

    @staticmethod
    def _matching(typed: str, texts: list[str], limit: int | None) -> list[tuple[str, float, int]]:
        """The texts holding (a near form of) the typed text, with their scores (0-100).

        Of the questions and phrasings (`limit` given), the best `limit` times
        COMPLETE_WIDTH only: one entry has several.
        """
        return process.extract(
            typed,
            texts,
            scorer=fuzz.partial_ratio,
            processor=None,
            limit=None if limit is None else limit * COMPLETE_WIDTH,
            score_cutoff=COMPLETE_CUTOFF,
        )

    def related(self, entry_id: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
        """Other covered questions closest to an entry: same topic first, then shared words.

        The words shared are counted through the postings of the entry's own words, not by
        comparing it with every other entry.
        """
        position = self._index.position.get(entry_id)
        if position is None:
            return []
        profiles = self._index.profiles
        own = profiles[position].entry
        postings = self._index.asked_postings
        shared = Counter(
            other for term in profiles[position].asked_union for other in postings.get(term, ())
        )

        def closeness(other: int) -> tuple[bool, int, str]:
            entry = profiles[other].entry
            return (entry.topic != own.topic, -shared[other], entry.question)

        others = [other for other in range(len(profiles)) if other != position]
        return [
            _suggestion(profiles[i].entry) for i in sorted(others, key=closeness)[: max(0, limit)]
        ]

    def related_to_answer(self, decision: Decision) -> list[Suggestion]:
        """The covered questions listed under an answer: those closest to what it answered.

        A message that asked several things was answered by several entries: their related
        questions are taken in turn, so the list is not about the first answer alone while
        shown under the last, and none repeats a question the message already answered.
        """
        answered = [part.entry.id for part in (decision, *decision.also) if part.entry]
        if not decision.answered or not answered:
            return []
        lists = [self.related(entry_id, SUGGESTIONS + len(answered)) for entry_id in answered]
        seen, related = set(answered), []
        for suggestion in chain.from_iterable(zip_longest(*lists)):
            if suggestion is not None and suggestion.entry_id not in seen:
                seen.add(suggestion.entry_id)
                related.append(suggestion)
        return related[:SUGGESTIONS]

    def _decide(self, raw: str) -> Decision:
        read = self._read(raw)
        if not read.question.terms and not read.question.aside:
            entry_id = self._wordless_texts().get(read.question.folded)
            if entry_id is not None:
                entry = self._knowledge.entries[entry_id]
                return self._answer(read.text, entry, 1.0, read.trimmed)
        return self._decided(read, candidates(self._index, read.question), own_words=True)

    def _wordless_texts(self) -> dict[str, str]:
        """The entries' own texts with no meaningful word ("thank you"), read, and their entry.

        No word finds their entry, so they are looked up whole. Made when first asked: few
        knowledges have any, and few questions are without a meaningful word.
        """
        if self._wordless is None:
            self._wordless = {
                folded: profile.entry.id
                for profile in self._index.profiles
                for asked, folded in zip(profile.asked, profile.asked_folded, strict=True)
                if not asked
            }
        return self._wordless

    def _decide_by_measure(self, raw: str) -> Decision:
        read = self._read(raw)
        return self._decided(read, candidates(self._index, read.question), own_words=False)

    def _read(self, raw: str) -> _Read:
        """The question as `_decide` reads it: cut, and read within its asking window."""
        text, trimmed = _read_at_most(str(raw), MAX_QUESTION_CHARS)
        return _Read(text, trimmed, read_question(self._index, asking_window(text, READ_WINDOW)))

    def _decided(self, read: _Read, found: list[int], own_words: bool) -> Decision:
        """The decision among the candidates `found`: the best one measured, or none.

        With `own_words`, a candidate asked in the question's very words answers it, unless
        the question sets something aside: what is left of it once "besides X" is cut off is
        not what was asked ("besides X, who protects it?" is not asking X's "who protects it").
        """
        text, trimmed, question = read.text, read.trimmed, read.question
        measures = sorted((measure(self._index, question, p) for p in found), key=_rank)
        kept = [m for m in measures if not m.about_aside]
        whole = own_words and not question.aside
        verbatim = next((m for m in kept if m.verbatim), None) if whole else None
        terms = _length_judged(question)
        chosen = verbatim or _choose(kept, terms, self._thresholds)
        if chosen is not None:
            close = tuple(
                _suggestion(m.profile.entry)
                for m in measures[: SUGGESTIONS + 1]
                if m is not chosen and abs(chosen.score - m.score) < CLOSE_CALL
            )[:SUGGESTIONS]
            needed = TENTATIVE_MARGIN * self._thresholds.score(terms)
            tentative = chosen is not verbatim and (
                chosen.score < needed
                or bool(close)
                or _polarity_differs(question, chosen)
                or any(term.flipped for term in question.terms)
            )
            entry = chosen.profile.entry
            return self._answer(text, entry, chosen.score, trimmed, close, tentative)
        suggestions = tuple(
            _suggestion(m.profile.entry)
            for m in measures[:SUGGESTIONS]
            if m.score >= MIN_SUGGESTION_SCORE
        )
        score = measures[0].score if measures else 0.0
        nearby = bool(kept) and self._thresholds.accounts_for(kept[0], terms)
        return Decision(
            question=text,
            answered=False,
            score=score,
            suggestions=suggestions,
            trimmed=trimmed,
            nearby=nearby,
        )

    def _answer(
        self,
        text: str,
        entry: Entry,
        score: float,
        trimmed: bool,
        also: tuple[Suggestion, ...] = (),
        tentative: bool = False,
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
            tentative=tentative,
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


def _polarity_differs(question: Question, chosen: Measure) -> bool:
    """Whether a yes/no question asks what a yes/no entry's yes or no does not say.

    Asked in the negative where the entry's question is not, or the other way round ("has
    it never hosted" of "has it hosted"), the entry's yes or no reads as the opposite
    answer; asked of what will be ("will it ever join") where the entry says what is, it
    answers another question. Either is shown only as the closest covered question.
    """
    entry_question = chosen.profile.asked_folded[0]
    if not (question.yes_no and opens_as_yes_no(entry_question)):
        return False  # an entry asked otherwise answers with a fact, not a yes or a no
    return question.negative != chosen.profile.negative or (
        _opens_with(question.folded, _FUTURE_OPENERS)
        and not _opens_with(entry_question, _FUTURE_OPENERS)
    )


def _opens_with(folded: str, words: frozenset[str]) -> bool:
    return folded.split(" ", 1)[0] in words


@dataclass(frozen=True)
class _Read:
    """A question as `Engine._decide` reads it: the text kept, whether cut, and its reading."""

    text: str
    trimmed: bool
    question: Question


def _rank(measure: Measure) -> tuple[float, bool, bool]:
    """Best score first; among entries scoring the same, one stating the kind of fact asked.

    Then one asked in the question's very words: two entries' texts may stem alike ("is X
    a member of Y", "what's in it for X to be a Y member"), and each is its own entry's.
    """
    return (-round(measure.score, TIE_DIGITS), not measure.kind_fits, not measure.verbatim)


def _choose(measures: list[Measure], terms: int, thresholds: Thresholds) -> Measure | None:
    """The entry to answer with, or None to abstain.

    Within a close call the ranking alone cannot tell entries apart, so a runner-up that
    passes every check is a better answer than a top entry that does not. But when the top
    entry lacks the kind of fact asked for or a number the question gives, the question
    itself most likely asks for something not covered, and no runner-up is tried. So too
    when an entry within the close call holds more of the question's words than the one
    that would answer, and lacks the kind of fact asked: "when did X apply" beside an entry
    on X's application (no date) and one dating X's admission asks the application's date.
    """
    if not measures or _asks_beyond(measures[0]):
        return None
    top = measures[0].score
    close = [m for m in measures if top - m.score < CLOSE_CALL]
    for candidate in close:
        if not _refused(candidate, terms) and thresholds.accounts_for(candidate, terms):
            return None if _asked_of_another(candidate, close) else candidate
    return None


def _asked_of_another(candidate: Measure, close: list[Measure]) -> bool:
    """Whether one of `close` holds more of the question than `candidate` but lacks its kind."""
    return any(not m.kind_fits and m.coverage > candidate.coverage for m in close)


def _asks_beyond(measure: Measure) -> bool:
    """Whether the question asks for a kind of fact, or names a number, the entry lacks."""
    return not measure.kind_fits or not measure.focus_fits or measure.missing_number


def _refused(measure: Measure, terms: int) -> bool:
    """Whether the entry cannot answer what was asked, however well its words match."""
    missing_allowed = _by_length(terms, SHORT_MISSING_NAMES, LONG_MISSING_NAMES)
    return (
        _asks_beyond(measure)
        or not measure.voice_fits
        or not measure.proposition_fits
        or measure.missing_share > missing_allowed
        or measure.anchor < MIN_ANCHOR
    )


def _first_failed_check(measure: Measure, terms: int, thresholds: Thresholds) -> str:
    """The first check of `_choose` the entry fails, as a code (see `Engine.refusal`)."""
    missing_allowed = _by_length(terms, SHORT_MISSING_NAMES, LONG_MISSING_NAMES)
    failed = (
        ("count", not measure.counts_what_is_asked),
        ("kind", not measure.kind_fits),
        ("focus", not measure.focus_fits),
        ("number", measure.missing_number),
        ("voice", not measure.voice_fits),
        ("proposition", not measure.proposition_fits),
        ("names", measure.missing_share > missing_allowed),
        ("anchor", measure.anchor < MIN_ANCHOR),
        ("coverage", not thresholds.accounts_for(measure, terms)),
    )
    return next((code for code, fails in failed if fails), "")


def _length_judged(question: Question) -> int:
    """How many meaningful words the thresholds read the question as having (`Thresholds`).

    Less is required of a long question because it wraps what it asks in context and
    opinion. A yes/no question is one proposition, every word of it asked, so however long
    it is it must be accounted for as a short one. Measured on the knowledge itself (each
    text held out of its entry, and each entry left out, as `python -m bot bench` does): on
    the shipped knowledge and two other subjects' the held-out texts answered right fall by
    8 of about 1,500 and wrongly by 4-5, and the near questions of entries left out answered
    by another entry by 31-35 (a sixteenth of them).
    """
    return min(len(question.terms), SHORT_TERMS) if question.yes_no else len(question.terms)


def _by_length(terms: int, short: float, long: float) -> float:
    """A threshold sliding linearly from its short-question to its long-question value."""
    share = min(1.0, max(0.0, (terms - SHORT_TERMS) / (LONG_TERMS - SHORT_TERMS)))
    return short + (long - short) * share


def _read_at_most(raw: str, limit: int) -> tuple[str, bool]:
    """The cleaned question cut to `limit` characters, and whether anything was cut.

    Cut before its stretched words are typed once ("whyyy": "why"), so a paste of one
    letter repeated is still said to be cut.

    Only a prefix is cleaned, so a very long paste costs no more than a long question.
    """
    window = limit * 4
    text = clean(raw[:window])
    trimmed = len(text) > limit or bool(raw[window:].strip())
    return unstretched(text[:limit].rstrip() if trimmed else text), trimmed


def _likeness_to(text: str, drawing: EntryProfile) -> float:
    """`match._likeness` of a question whose words are `text`."""
    best = process.extractOne(
        text, drawing.asked_text, scorer=fuzz.token_sort_ratio, processor=None
    )
    return best[1] / 100.0 if best else 0.0


def _cannot_account(needed: float, shared: float, rest: float) -> bool:
    """Whether a question sharing `shared` of its weight is too little accounted for.

    An entry answers only a question it accounts for enough of (the share `needed`), which
    counts at most the shared words, each weighing at most ASKING_WEIGHT times its weight
    (in the asking sentence of several) against the weight of the rest.
    """
    return shared * ASKING_WEIGHT < needed * (shared * ASKING_WEIGHT + rest)


@lru_cache(maxsize=READ_APART_CACHE)
def _read_apart(text: str) -> bool:
    """Whether a text is read in parts, or without what it sets aside (see `may_answer`)."""
    return bool(set_aside(text)[1]) or len(split_questions(text)) > 1


def _suggestion(entry: Entry) -> Suggestion:
    return Suggestion(entry_id=entry.id, question=entry.question)
