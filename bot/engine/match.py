"""Read a question into weighted terms, find candidate entries, and measure each one.

The measures are deliberately separate so the decision (in `engine`) can say why it
abstained: how much of the question an entry accounts for, how close the question is to
one of the entry's own phrasings, and which names or kinds of fact the entry lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, pairwise
from typing import NamedTuple

from rapidfuzz import fuzz, process

from bot.engine import lexicon
from bot.engine.index import EntryProfile, Index, content_words, prefix_swapped
from bot.language.sentences import sentence_ends, split_chat
from bot.language.text import fold, singular, stem
from bot.language.words import OPPOSITES, is_number

# How many entries are measured closely after the inverted index has ranked them.
CANDIDATES = 8
# How many postings the retrieval walks before it only re-weighs entries it already has:
# very common words (in most entries) cannot change which entries are candidates.
POSTINGS_BUDGET = 1500
# How many entries the inverted index shortlists; the closeness of the question to their
# phrasings then picks the CANDIDATES among them (many entries may share the same words).
SHORTLIST = 16
# How many of the best entries found within the budget the commoner words re-weigh (at
# least SHORTLIST: the shortlist is taken from them).
RESCORED = 100
# How much a question word counts toward an entry by where the entry has it: in what the
# entry is about (its question, or several phrasings), in one phrasing, or only in what it
# states (answer, quotes): there the entry mentions the word but may not be about it. A
# name (of an outlet, of a person) counts fully wherever the entry has it: names are specific.
IN_CORE = 1.0
IN_PHRASING = 0.85
STATED_ONLY = 0.8
# What a question sets aside must weigh this much to single out the entries it is about,
# and an entry is about it when its own question holds this share of that weight.
ASIDE_MIN_WEIGHT = 1.5
ASIDE_SHARE = 0.5
# A yes/no question of at most this many meaningful words is all proposition ("is <country>
# in <body>"): an entry answers it only if one way the entry is asked has more than half
# (YES_NO_SHARE) of its weight in the question. A way of being asked that adds a deed of
# its own ("has <country> changed its stance") asks another proposition, whose yes or no
# would be wrong here; half is where the entry's words stop being mostly the question's.
# A question asking for several members of a list by name ("which two countries") needs an
# entry naming at least this many: two make a list; more than the entry names in full
# would refuse "which five" of an entry listing "A, B and three others".
MEMBERS_NAMED = 2
YES_NO_TERMS = 3
YES_NO_SHARE = 0.5
# A question with this many capitalised small words (Is, The, Of) is in Title Case.
TITLE_CASE_SMALL_WORDS = 2
# A question with this many words, every one in capitals, is shouted, not naming.
SHOUTED_WORDS = 3
# In a question of several sentences, the words of the one that asks weigh this much more
# than those of the context around it.
ASKING_WEIGHT = 1.5
# A question's words that no entry has are looked up as misspellings at most this many times
# (each look-up costs up to a millisecond at 10,000 entries). The longest text read (500
# characters) holds some 80 words; the questions of every set so far bring at most 10 the
# shipped knowledge does not know. More is a paste of made-up words or another language,
# whose words are then read as they are written.
CORRECTIONS_PER_QUESTION = 16
# Far more than the rounding of a sum of a few dozen weights, far less than any weight.
_ROUNDING = 1e-9
_SENTENCE_ENDS = (". ", "! ", "? ", ": ")
# An answer opening with a yes or a no, in the three languages the bot reads: the word
# alone ("No." or "Yes:"), not "No one..." nor a name.
_YES_OR_NO_FIRST = re.compile(r"(?:yes|no|po|jo|da|ne)(?=[.,:;!]|$)", re.IGNORECASE)
# The entries whose texts, their words sorted, are remembered: those the latest questions
# measured (a question measures CANDIDATES, more when it is read in parts).
SORTED_CACHE = 4096
# An alliance's allies are its members, its member countries: counting one counts the others.
_MEMBERS = frozenset(stem(w) for w in ("ally", "allies", "member", "country"))
_YES_NO_DEEDS = frozenset(stem(w) for w in ("objective", "respond", "react", "reply"))
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)\s*[\"'“‘(]*(\w+)")
_CAPITALISED = re.compile(r"(?<!\w)((?:[A-Z]\.){2,}|[A-Z][\w-]*)")


class Term(NamedTuple):
    """One meaningful word of a question (a tuple: a question makes one per word)."""

    word: str
    stem: str
    weight: float
    name: bool
    match: float = 1.0
    # The multi-word name the word was written in ("<country> security force"), if any: the
    # word counts as a name only for an entry that has the whole name.
    phrase: str = ""
    # Whether the word is only in the context around the sentence that asks: a name there
    # need not be one the answer knows.
    context: bool = False
    # Whether the word was read as a known word with a prefix put on, off or changed
    # ("decrease" as "increase"): what the entry says of it may be the opposite.
    flipped: bool = False


@dataclass(frozen=True)
class Question:
    """A question as the engine reads it."""

    terms: tuple[Term, ...]
    kind: str | None
    text: str
    # What each clause asks for, as stems, any of which names it (see `lexicon.Reading`);
    # whether it asks for members beyond a list; the people whose own words it asks for.
    focus: tuple[tuple[str, ...], ...] = ()
    beyond: bool = False
    origin: bool = False
    to_come: bool = False
    # Whether it asks which or how many countries do something (not those that do not).
    positive_list: bool = False
    # What "how many" counts ("how many countries"), as stems: an entry must count it.
    counted: tuple[str, ...] = ()
    # The role whose holder the question asks for ("who is the speaker"), as stems.
    roles: tuple[str, ...] = ()
    # The same words as written, in the singular.
    role_forms: frozenset[str] = frozenset()
    # What that role is held of ("the president of <body>"), as written.
    role_of: tuple[str, ...] = ()
    people: frozenset[str] = frozenset()
    # What the question sets aside ("besides defence cooperation, what else..."): stems
    # and their weights.
    aside: dict[str, float] = field(default_factory=dict)
    # The deed whose date it asks, done by a country ("when did <country> join"), as a stem
    # ("" if none).
    predicate: str = ""
    # What someone's words are asked about ("what did <person> say about the elections"), as
    # stems: the entry must know one of them.
    spoken_about: tuple[str, ...] = ()
    # "Where in <country>...": the place the question asks a location inside of.
    within: str = ""
    # Whether it asks for several members of a list by name ("which two countries").
    members_asked: bool = False
    # Whether it asks who a person is: the entry must say what someone named is (a role).
    identity: bool = False
    # Whether it asks the name of something ("what is the name of the X").
    name_asked: bool = False
    # Whether it asks for people by their post ("which judges"): the entry names someone.
    someone_asked: bool = False
    # Whether it asks whether something holds ("is <country> in <body>").
    yes_no: bool = False
    negative: bool = False
    # The question folded as the entries' own texts are (`EntryProfile.asked_folded`): an
    # entry asked in its own very words is told from one whose words only stem alike.
    folded: str = ""
    # Derived once in __post_init__: each stem's weight (times its typo match); the IDF
    # mass of every meaningful word (what an answer must account for), and the same mass
    # discounted by typo matches; the closeness to each entry, once measured; `text` with
    # its words in order (see `_likeness`).
    weights: dict[str, float] = field(init=False)
    total_weight: float = field(init=False)
    matched_weight: float = field(init=False)
    closeness: dict[str, float] = field(init=False)
    sorted_text: str = field(init=False)
    # Its words that have an opposite (`OPPOSITES`): first, last, support, oppose...
    opposed: tuple[Term, ...] = field(init=False)

    def __post_init__(self) -> None:
        weights = {t.stem: t.weight * t.match for t in self.terms}
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "total_weight", sum(t.weight for t in self.terms))
        object.__setattr__(self, "matched_weight", sum(weights.values()))
        object.__setattr__(self, "closeness", {})
        object.__setattr__(self, "sorted_text", _words_sorted(self.text))
        object.__setattr__(self, "opposed", tuple(t for t in self.terms if t.word in OPPOSITES))


class Measure(NamedTuple):
    """How one candidate entry fits one question (a tuple: each question makes several)."""

    profile: EntryProfile
    coverage: float
    anchor: float
    closeness: float
    likeness: float
    missing_share: float
    missing_number: bool
    kind_fits: bool
    focus_fits: bool = True
    # Whether a count stands beside what "how many" asks to count (part of `kind_fits`).
    counts_what_is_asked: bool = True
    voice_fits: bool = True
    about_aside: bool = False
    proposition_fits: bool = True
    # Whether the question is word for word one of the entry's own texts.
    verbatim: bool = False

    @property
    def score(self) -> float:
        """One figure in [0, 1], the weighted mean of the three measures, to rank by."""
        return 0.5 * self.coverage + 0.25 * self.closeness + 0.25 * self.likeness


def read_question(index: Index, text: str) -> Question:
    """Split a cleaned question into weighted terms, correcting typos against the index.

    What the question sets aside ("besides X, what else...") is not what it asks: it is
    read apart, and the rest is read as the question.
    """
    text, aside = lexicon.set_aside(text)
    reading = index.lexicon.read(text)
    names = _capitalised_words(index, text)
    asking = _asking_sentence(index, text)
    written_names = index.lexicon.written_names
    given = _given_names(index, reading.folded)
    terms: dict[str, Term] = {}
    unknown = 0
    kind_words = _kind_words(reading)
    when = reading.kind == lexicon.WHEN
    date_asked = lexicon.date_asking_positions(reading.folded) if when else frozenset()
    for position, word in enumerate(reading.folded.split()):
        if lexicon.is_stopword(word) or word in kind_words or position in date_asked:
            continue
        asked = word in asking
        unknown += index.stem(word) not in index.idf
        term = _read_word(
            index,
            word,
            names.get(word),
            word in written_names,
            emphasis=ASKING_WEIGHT if asked else 1.0,
            context=(bool(asking) and not asked) or word in given,
            may_correct=unknown <= CORRECTIONS_PER_QUESTION,
        )
        if term is not None and term.stem not in terms:
            terms[term.stem] = term
    return Question(
        terms=tuple(terms.values()),
        kind=reading.kind,
        text=" ".join(t.word for t in terms.values()),
        focus=tuple(filter(None, (_asked_for(index, asked) for asked in reading.focus))),
        beyond=not aside and reading.beyond,
        origin=reading.origin,
        to_come=reading.to_come,
        positive_list=reading.positive_list,
        roles=tuple(_stem_read(index, word) for word in reading.roles),
        role_forms=frozenset(map(singular, reading.roles)),
        counted=tuple(_stem_read(index, word) for word in reading.counted),
        role_of=reading.role_of,
        people=frozenset(_stem_read(index, word) for word in reading.people),
        aside=_weighed(index, aside),
        predicate=_deed_asked(index, reading),
        spoken_about=tuple(_stem_read(index, w) for w in reading.spoken_about),
        within=reading.within,
        members_asked=reading.members_asked,
        identity=reading.identity,
        name_asked=reading.name_asked,
        someone_asked=reading.someone_asked,
        yes_no=reading.yes_no,
        negative=reading.negative,
        folded=reading.folded,
    )


def _kind_words(reading: lexicon.Reading) -> frozenset[str]:
    """The words that only name the kind of fact asked ("what reason", "what post"): no terms.

    The entry must state a reason, a number, or what the person is, not write the word.
    """
    if reading.kind == lexicon.WHY:
        return lexicon.REASON_WORDS
    if reading.kind == lexicon.HOW_MANY:
        return lexicon.NUMBER_NOUNS
    return lexicon.POST_WORDS if reading.identity else frozenset()


def asking_window(text: str, limit: int) -> str:
    """Of a message longer than `limit`, the sentence that asks and the context nearest it.

    A chatty message ends, or is interrupted, by its question: the last sentence ending in
    "?" (else the last sentence) is kept whole if it fits (its end if not), with the
    context on either side of it, half the room each, cut to whole sentences. A text within
    `limit` is returned as it is. `text` is cleaned (one space between words), and the work
    is a few searches whatever its length.
    """
    if len(text) <= limit:
        return text
    end = len(text) if text.endswith("?") else text.rfind("? ") + 1 or len(text)
    previous = max(text.rfind(mark, 0, end - 1) for mark in _SENTENCE_ENDS)
    start = previous + 2 if previous >= 0 else 0
    asked = _end_of(text[start:end], limit)
    room = limit - len(asked)
    after = text[end + 1 : end + 1 + room // 2]
    if end + 1 + len(after) < len(text):
        after = after[: max(after.rfind(mark) for mark in _SENTENCE_ENDS) + 1]
    room -= len(after)
    first = start - room + 2
    before = text[max(0, first) : max(0, start - 1)]
    if first > 0:
        ends = sentence_ends(before, chat=True, colon=True)
        before = before[ends[0] :].lstrip() if ends else ""
    return " ".join(part for part in (before, asked, after) if part)


def _end_of(sentence: str, limit: int) -> str:
    """The sentence, or its last words within `limit` characters (where a question ends)."""
    if len(sentence) <= limit:
        return sentence
    end = sentence[-limit:]
    return end.split(" ", 1)[-1] if " " in end[1:] else end


def _asking_sentence(index: Index, text: str) -> frozenset[str]:
    """The words of the sentence that asks, when context in other sentences comes with it.

    "<country> and <country> are in some partnership... Where does each country stand?":
    the context names what the answer need not be about; the asking sentence is the question.
    """
    sentences = split_chat(text, colon=True)
    if len(sentences) < 2:
        return frozenset()
    asked = [s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:]
    return frozenset(index.lexicon.apply_aliases(fold(asked[-1])).split())


def _deed_asked(index: Index, reading: lexicon.Reading) -> str:
    """The deed a country's date is asked of, or whether it seeks something or responds.

    "Does <country> want to join <body>?", "did <country> respond?": an entry where that country
    seeks or answers nothing (a normalisation between two others, someone's warning) is not
    the answer. Other deeds asked yes-or-no are often worded apart from how entries put
    them, so they are not held to this.
    """
    if reading.kind == lexicon.WHEN:
        return _predicate(index, reading.predicate)
    deed = _predicate(index, reading.predicate) if reading.kind is None else ""
    return deed if deed in _YES_NO_DEEDS else ""


def _predicate(index: Index, word: str) -> str:
    """The stem of the deed asked about, if the knowledge speaks of it anywhere.

    A deed no entry speaks of may be worded apart from how the entries put it; one some
    entry speaks of is what the question asks, and other entries lack it.
    """
    root = _stem_read(index, word) if word else ""
    return root if root in index.idf else ""


def _given_names(index: Index, folded: str) -> frozenset[str]:
    """The given names a question writes before a surname, as the sources write the two.

    "Will <given name> <surname> appeal?" asks what an entry naming only the surname says:
    the given name, read as a name, need not be one the answer mentions (as a name in the
    context around the asking sentence need not), while the surname still must.
    """
    pairs = index.full_names()
    if not pairs:
        return frozenset()
    words = folded.split()
    return frozenset(first for first, second in pairwise(words) if (first, second) in pairs)


def _weighed(index: Index, text: str) -> dict[str, float]:
    """The stems of a piece of text, each with its weight."""
    if not text:  # most questions set nothing aside
        return {}
    stems = (_stem_read(index, word) for word in content_words(index.lexicon, text))
    return {root: index.weight(root) for root in stems}


def _asked_for(index: Index, asked: str) -> tuple[str, ...]:
    """The stems of what a clause asks for (`Question.focus`).

    A misspelt stopword names nothing: "how much mony" asks for an amount, not for "many",
    "what happend" for nothing ("happened" is a stopword). A plural of one ("rights" of
    "right") is no misspelling: it still names what is asked.
    """
    stems = []
    for word in asked.split():
        read = _corrected(index, word)
        if read not in lexicon.STOPWORDS or _plural_of(word, read):
            stems.append(index.stem(read))
    return tuple(stems)


def _plural_of(word: str, read: str) -> bool:
    """Whether `word` is `read` with a plural ending ("rights", "names", "stances")."""
    return word in (read + "s", read + "es")


def _corrected(index: Index, word: str) -> str:
    """The word as the question's terms read it: itself, or the known word it misspells."""
    lexicon_ = index.lexicon
    if index.stem(word) in index.idf or word in lexicon_.written_names or word in lexicon_.people:
        return word
    corrected = index.correct(word)
    return word if corrected is None else corrected[0]


def _stem_read(index: Index, word: str) -> str:
    """The stem of a word as the question's terms read it, a misspelling corrected."""
    return index.stem(_corrected(index, word))


def _read_word(
    index: Index,
    word: str,
    phrase: str | None,
    listed: bool,
    emphasis: float = 1.0,
    context: bool = False,
    may_correct: bool = True,
) -> Term | None:
    """The term a question's word reads as, its weight times `emphasis` (None: a misspelt stopword).

    `context`: the word is only in the context around the sentence that asks; `may_correct`:
    the word, if no entry has it, may still be looked up as a misspelling.
    """
    root = index.stem(word)
    name = phrase is not None or listed or is_number(word)
    if root in index.idf:
        weight = index.weight(root) * emphasis
        return Term(word, root, weight, name=name, phrase=phrase or "", context=context)
    if not may_correct or listed or is_number(word):
        corrected = None
    elif name:
        # Members capitalise the names they misspell ("Kosvo"): read as an unknown name,
        # it would be one no entry mentions. Only a name is taken: a capitalised word
        # near a common word is more likely a name the knowledge does not know.
        corrected = index.correct_name(word)
        if corrected is not None:
            fixed = corrected[0]
            weight = index.weight(index.stem(fixed)) * emphasis
            return Term(fixed, index.stem(fixed), weight, True, corrected[1], context=context)
    else:
        corrected = index.correct(word)
    if corrected is None:
        return Term(word, root, index.unknown_weight * emphasis, name=name, context=context)
    fixed, similarity = corrected
    if fixed in lexicon.STOPWORDS:
        return None
    root = index.stem(fixed)
    weight = index.weight(root) * emphasis
    flipped = prefix_swapped(word, fixed)
    return Term(fixed, root, weight, False, similarity, context=context, flipped=flipped)


def _capitalised_words(index: Index, text: str) -> dict[str, str]:
    """Folded words capitalised where no sentence starts, with the name each is part of.

    A capital inside a sentence marks a name ("<Country>", "<ACRONYM>"); consecutive ones make one
    name ("<Country> Security Force"), given for each of its words ("" for a one-word name).
    A question typed in Title Case, with capitalised small words, or all in capitals, says
    nothing.
    """
    if text.upper() == text and (
        sum(len(w) > 1 and w.isupper() for w in text.split()) >= SHOUTED_WORDS
    ):
        return {}
    starts = {m.start(1) for m in _SENTENCE_START.finditer(text)}
    found = [
        (m.start(1), _capitalised_part(m.group(1)))
        for m in _CAPITALISED.finditer(text)
        if m.start(1) not in starts
    ]
    if sum(_folded_word(word) in lexicon.STOPWORDS for _, word in found) >= TITLE_CASE_SMALL_WORDS:
        return {}
    runs: list[list[tuple[int, str]]] = []
    for start, word in found:
        last_start, last_word = runs[-1][-1] if runs else (0, "")
        if runs and not text[last_start + len(last_word) : start].strip():
            runs[-1].append((start, word))
        else:
            runs.append([(start, word)])
    names: dict[str, str] = {}
    for run in runs:
        phrase = index.lexicon.read_name(" ".join(word for _, word in run))
        for word in phrase.split():
            names[word] = phrase if len(run) > 1 else ""
    return names


def _capitalised_part(word: str) -> str:
    """A capitalised word up to the first part a hyphen joins to it in lowercase.

    "Rhine-Main" and "COVID-19" are names whole; in "Acme-led" and "City-run" only the first
    part is: "led" and "run" say what it did.
    """
    parts = word.split("-")
    kept = 1
    while kept < len(parts) and (parts[kept][:1].isupper() or parts[kept][:1].isdigit()):
        kept += 1
    return "-".join(parts[:kept])


def _folded_word(word: str) -> str:
    """`fold(word)`, with a shortcut for a word of plain letters (most): it only lowercases it."""
    return word.lower() if word.isascii() and word.isalpha() else fold(word)


def candidates(index: Index, question: Question) -> list[int]:
    """Entries sharing the question's rarer words, best first (term-at-a-time with a budget).

    A word in how an entry is asked counts double a word only in what it states. Rare words
    are walked first; once the budget of postings is spent, the commoner words only
    re-weigh the best entries found so far, so a word in most entries costs little. Among
    entries sharing the same words, the one asked most like the question ranks first.
    """
    return ranked(index, question, *shortlist(index, question))


def shortlist(index: Index, question: Question) -> tuple[list[int], dict[int, float]]:
    """The SHORTLIST entries sharing the most weight with the question, and their scores.

    The candidates are taken from them only (`ranked`): an entry not on it is not one.
    `scores` holds every entry that could be on it. An entry first found by a word whose
    weight, with the weights of the words walked after it, stays below a score that enough
    entries already have (`_floor`) could not be, so it is not added: its word's postings
    are then only looked up in the scores, not added to them.
    """
    walked, common = _walked_and_common(index, question.terms)
    keep = RESCORED if common else SHORTLIST
    scores: dict[int, float] = {}
    floor = 0.0
    reach = sum(term.weight * term.match for term in walked)
    for number, term in enumerate(walked):
        postings = index.postings.get(term.stem, ())
        half = term.weight * term.match / 2
        reach -= half + half
        asked = index.asked_postings.get(term.stem, ())
        if not scores:
            alone = not any(index.postings.get(t.stem) for t in walked[number + 1 :])
            scores = _scored_by_first_word(postings, asked, half, alone)
            floor = _floor(postings, asked, half, keep)
            continue
        if half + half + reach < floor - _ROUNDING:
            for position in filter(scores.__contains__, postings):
                scores[position] += half
            for position in filter(scores.__contains__, asked):
                scores[position] += half
            continue
        for position in postings:
            scores[position] = scores.get(position, 0.0) + half
        for position in asked:
            scores[position] += half
    positions = list(scores)
    if common:
        positions = _best(RESCORED, positions, scores)
        _rescore(index, positions, common, scores)
    return _best_with_ties(positions, scores), scores


def _walked_and_common(index: Index, terms: Iterable[Term]) -> tuple[list[Term], list[Term]]:
    """The words walked through their postings, rarest first, and the commoner ones.

    Once a word has found entries, a word whose postings would take the walk beyond the
    budget is common: it only re-weighs the best entries found (`_rescore`).
    """
    walked: list[Term] = []
    common: list[Term] = []
    spent = 0
    for term in sorted(terms, key=lambda t: -t.weight):
        length = len(index.postings.get(term.stem, ()))
        if spent and spent + length > POSTINGS_BUDGET:
            common.append(term)
            continue
        spent += length
        walked.append(term)
    return walked, common


def _floor(postings: tuple[int, ...], asked: tuple[int, ...], half: float, keep: int) -> float:
    """A score that at least `keep` entries have once the first word is walked (else 0).

    Scores only grow, so an entry that the remaining words can lift at most below it is
    never among the `keep` best kept from the walk.
    """
    if len(asked) >= keep:
        return half + half
    return half if len(postings) >= keep else 0.0


def ranked(
    index: Index, question: Question, shortlisted: list[int], scores: dict[int, float]
) -> list[int]:
    """The CANDIDATES best of the shortlist: by weight shared, and closeness to how asked."""
    total = question.matched_weight or 1.0

    def rank(position: int) -> float:
        return scores[position] / total + _closeness(question, index.profiles[position])

    return sorted(shortlisted, key=rank, reverse=True)[:CANDIDATES]  # = heapq.nlargest


def _rescore(
    index: Index, positions: list[int], common: list[Term], scores: dict[int, float]
) -> None:
    """Add to the entries at `positions` the common words they have, doubled where asked.

    Word by word, each word's half weight worked out once, so each entry's sum is added up
    in the words' order. A word with a presence array (most common words) is read there;
    another in each entry's own table.
    """
    profiles, presence = index.profiles, index.presence
    for term in common:
        half = term.weight * term.match / 2
        present = presence.get(term.stem)
        if present is not None:
            for position in positions:
                times = present[position]
                if times:
                    scores[position] += half * times
            continue
        for position in positions:
            asked = profiles[position].known.get(term.stem)
            if asked is not None:
                scores[position] += half * (2 if asked else 1)


def _scored_by_first_word(
    postings: tuple[int, ...], asked: tuple[int, ...], half: float, alone: bool
) -> dict[int, float]:
    """The entries the first word walked finds, each scored `half`, twice that where asked.

    The same sums as adding to nothing (0 + half, then + half), in one go. A word walked
    `alone` (no word walked after it has postings; a word in more entries than the budget
    always is, every later one only re-weighing) ranks its entries by itself, so only the
    RESCORED best it finds can become candidates: those asked with it, then the others,
    each in postings order as the ranking breaks ties; only those are kept.
    """
    if not alone and len(postings) <= POSTINGS_BUDGET:
        scores = dict.fromkeys(postings, half)
        scores.update(dict.fromkeys(asked, half + half))
        return scores
    scores = dict.fromkeys(asked[:RESCORED], half + half)
    for position in postings:
        if len(scores) >= RESCORED:
            break
        scores.setdefault(position, half)
    return scores


def _best_with_ties(positions: list[int], scores: dict[int, float]) -> list[int]:
    """The SHORTLIST best-scoring positions; if they all tie, every one tying them (<= RESCORED).

    Words in most entries tie many entries: which of them the question is asked like is
    for `ranked` to say. An entry asked in the very words of a question has the best score
    there can be, so it is cut off only when more than SHORTLIST entries tie the best.
    """
    best = _best(RESCORED, positions, scores)
    if len(best) <= SHORTLIST:
        return best
    cut = scores[best[SHORTLIST - 1]]
    if cut != scores[best[0]]:
        return best[:SHORTLIST]
    end = SHORTLIST
    while end < len(best) and scores[best[end]] == cut:
        end += 1
    return best[:end]


def _best(count: int, positions: list[int], scores: dict[int, float]) -> list[int]:
    """The `count` best-scoring positions, the earlier first among equal scores.

    The same list as `heapq.nlargest`, from a sort in C: a common word's thousands of
    entries cost a fraction of nlargest's loop in Python.
    """
    return sorted(positions, key=scores.__getitem__, reverse=True)[:count]


def measure(index: Index, question: Question, position: int) -> Measure:
    """Measure how well the entry at `position` fits the question."""
    profile = index.profiles[position]
    total = question.total_weight or 1.0
    accounted = anchor = missing_weight = 0.0
    has_missing_number = False
    core, known, people = profile.core, profile.known, index.lexicon.people
    counts_it = not question.counted or _counts_it(question.counted, profile.counted)
    for term in question.terms:
        weight = term.weight * term.match
        stem_ = term.stem
        # What the entry is about (`core`) it also knows: a word it does not know, most of
        # a long question's words, needs no look through it.
        phrasings = known.get(stem_)
        if phrasings is None:
            # A person the files list must be named too, capitalised or not: "did <leader>
            # meet <other leader>" is not answered by an entry that never names the other.
            named = term.name or term.word in people or _foreign_topic(index, term, profile)
            if named and not (term.context and not is_number(term.word)):
                missing_weight += weight
                has_missing_number = has_missing_number or is_number(term.word)
        elif stem_ in core or (term.name and _has_phrase(profile, term.phrase)):
            accounted += weight * IN_CORE
            anchor += weight
        else:
            accounted += weight * (IN_PHRASING if phrasings else STATED_ONLY)
            if _specific(stem_, profile):
                anchor += weight
    return Measure(
        profile=profile,
        coverage=accounted / total,
        anchor=anchor,
        missing_share=missing_weight / total,
        missing_number=has_missing_number,
        closeness=_closeness(question, profile),
        likeness=_likeness(question, profile),
        kind_fits=_kind_fits(question, profile) and counts_it,
        counts_what_is_asked=counts_it,
        focus_fits=_focus_fits(index, question, profile),
        voice_fits=not question.people or question.people <= profile.voices,
        about_aside=_about(question.aside, profile),
        proposition_fits=_states_the_proposition(index, question, profile)
        and not (question.opposed and _says_yes_or_no_to_the_opposite(index, question, profile))
        and _dated_of_its_subject(index, question, profile),
        verbatim=question.folded in profile.asked_folded,
    )


def _states_the_proposition(index: Index, question: Question, profile: EntryProfile) -> bool:
    """Whether a short yes/no question asks what one of the entry's own ways of asking does.

    "Is <country> in <body>?" is not answered by "Has <country> changed its stance?" though
    both name the country: most of that phrasing (its deed) is not in the question. Nor by
    "Is <another country> in <body>?" or "why is <another country> not in <body>": a way of
    asking states its proposition of its own subject, so it must name every name the
    question does (a given name before its surname aside), unless its subject is what it
    asks ("which members do not recognise <country>", "who..."): then a member it lists may
    be asked of ("does <member> recognise <country>"), one the entry names in a list.
    """
    if not question.yes_no or len(question.terms) > YES_NO_TERMS:
        return True
    asked = question.weights
    names = [term.stem for term in question.terms if term.name and not term.context]
    # A number is no member of a list ("is <body> 32 countries"): whether the entry states
    # it is weighed apart (`Measure.missing_number`).
    members = [name for name in names if not is_number(name)]
    return any(
        sum(index.idf.get(s, 0.0) for s in phrasing if s in asked) > YES_NO_SHARE * weight
        and (
            all(name in phrasing for name in names)
            or (
                lexicon.asks_for_a_list(folded)
                and _listed(index, profile, [n for n in members if n not in phrasing])
            )
        )
        for phrasing, weight, folded in zip(
            profile.asked, profile.asked_weights, profile.asked_folded, strict=True
        )
    )


def _dated_of_its_subject(index: Index, question: Question, profile: EntryProfile) -> bool:
    """Whether a yes/no question naming a year has it stated in a sentence naming its names.

    "Did <country> get <right> in <year>?" asks whether that happened then: an entry dating
    its neighbours' <right> to that year, or <country>'s joining of another body, says
    nothing of it, though it writes the year and the country. The year and each name the
    question gives (`_name_groups`: "Saint Kitts and Nevis" is one) must stand in one
    sentence of the entry, or in one of its ways of being asked (each asks one
    proposition), as the index reads words ("Ruritanians" is "Ruritanian"). Only a year
    written as one: "this year" or "today" is written in no entry as the question writes it.
    """
    if not question.yes_no:
        return True
    years = lexicon.years_given(question.folded)
    if not years:
        return True
    people = index.lexicon.people
    names = {
        term.word: term.stem
        for term in question.terms
        if (term.name or term.word in people) and not term.context and term.word not in years
    }
    groups = _name_groups(index, question.folded, names)
    asked = (folded.split() for folded in profile.asked_folded)
    for words in chain(profile.stated_sentences(as_written=True), asked):
        if years.isdisjoint(lexicon.years_given(" ".join(words))):
            continue
        stems = set(map(index.stem, words))
        if all(not stems.isdisjoint(group) for group in groups):
            return True
    return False


def _name_groups(index: Index, folded: str, names: dict[str, str]) -> list[frozenset[str]]:
    """The stems of the question's names (`names`: word to stem), a name of several words one.

    A name the vocabulary writes in full ("saint kitts and nevis", as its alias stands for
    it) is stated when any of its words is: members' acronym for it is read as all of them,
    and an entry may write one. Two names merely joined by "and" are two.
    """
    padded = f" {folded} "
    groups: list[frozenset[str]] = []
    grouped: set[str] = set()
    for phrase in index.lexicon.name_phrases:
        if f" {phrase} " in padded:
            words = [word for word in phrase.split() if word in names]
            groups.append(frozenset(names[word] for word in words))
            grouped.update(words)
    groups += [frozenset({stem}) for word, stem in names.items() if word not in grouped]
    return [group for group in groups if group]


def _says_yes_or_no_to_the_opposite(
    index: Index, question: Question, profile: EntryProfile
) -> bool:
    """Whether the entry's yes or no is to the opposite of a word the question asks by.

    "Was <country> the first to...?" is not answered "Yes." by an entry asked "Was it the
    last...?": its yes is to the last. Only an answer that opens with a yes or a no: one
    that states what happened ("they voted against") answers "did they support" too.
    """
    if not _YES_OR_NO_FIRST.match(profile.entry.answer):
        return False
    asked = profile.asked_union
    return any(
        term.stem not in profile.known
        and any(index.stem(opposite) in asked for opposite in OPPOSITES[term.word])
        for term in question.opposed
    )


def _listed(index: Index, profile: EntryProfile, names: list[str]) -> bool:
    """Whether the entry names each of `names` (stems) in a list, beside another name.

    "Who sanctioned <person>? <a> and <b> did..., as <person> wants to join neighbouring <c>"
    does not list that country among those who did: a member of a list stands next to
    another ("<a>, <b> and <c>": the commas are gone from the folded words). The answer and
    each quote are read apart: the last word of one is not listed with the first of the next.
    """
    entry = profile.entry
    texts = [entry.answer, *(citation.quote for citation in entry.citations)]
    parts = [index.lexicon.apply_aliases(fold(text)).split() for text in texts]
    return all(any(_beside_another(index, words, name) for words in parts) for name in names)


def _beside_another(index: Index, words: list[str], name: str) -> bool:
    """Whether the name `name` (a stem) stands in `words` next to another name."""
    lexicon_ = index.lexicon

    def named(position: int) -> bool:
        word = words[position]
        return word in lexicon_.written_names or word in lexicon_.people

    for position in (i for i, word in enumerate(words) if index.stem(word) == name):
        for step in (-1, 1):
            other = position + step
            while 0 <= other < len(words) and words[other] in _LIST_JOINERS:
                other += step
            if 0 <= other < len(words) and named(other):
                return True
    return False


# Words joining the members of a list: "<a> and the <b>", "<a> or <b>", "neither <a> nor <b>".
_LIST_JOINERS = frozenset({"and", "or", "nor", "the", "as", "well"})


def _about(stems: dict[str, float], profile: EntryProfile) -> bool:
    """Whether the entry is about what those stems say: most of their weight is in its question.

    Something that weighs little (the names of the subject: in most entries) singles out no entry.
    """
    total = sum(stems.values())
    if total < ASIDE_MIN_WEIGHT:
        return False
    return sum(w for s, w in stems.items() if s in profile.asked[0]) >= ASIDE_SHARE * total


def _has_phrase(profile: EntryProfile, phrase: str) -> bool:
    """Whether the entry writes the multi-word name `phrase` ("" for a one-word name: yes).

    A one-word name needs no look at the entry's text, which is derived only when read.
    """
    return not phrase or phrase in profile.text


def _specific(stem_: str, profile: EntryProfile) -> bool:
    """Whether a word the entry has, though not what it is about, still singles it out.

    Someone the entry quotes (by name) is specific to it wherever the name stands.
    """
    return stem_ in profile.speakers


def _closeness(question: Question, profile: EntryProfile) -> float:
    """Weighted Dice overlap with the closest way the entry is asked (1 = same words).

    Remembered per question: ranking the shortlist and measuring a candidate both need it.
    """
    known = question.closeness.get(profile.entry.id)
    if known is not None:
        return known
    where = profile.asked_where
    shared: dict[int, float] = {}
    for stem_, weight in question.weights.items():
        phrasings = where.get(stem_)
        if phrasings is None:
            continue
        if shared:
            for phrasing in phrasings:
                shared[phrasing] = shared.get(phrasing, 0.0) + weight
        else:
            shared = dict.fromkeys(phrasings, weight)  # 0 + weight, without a loop
    matched, masses = question.matched_weight, profile.asked_weights
    best = 0.0
    for phrasing, weight in shared.items():  # a loop, not max() of a generator: half the cost
        overlap = weight / (matched + masses[phrasing])
        if overlap > best:
            best = overlap
    # Words of the sentence that asks weigh more than in the phrasing: at most the same words.
    closeness = min(1.0, 2.0 * best)
    question.closeness[profile.entry.id] = closeness
    return closeness


def _likeness(question: Question, profile: EntryProfile) -> float:
    """Character-level likeness to the closest phrasing (0-1), which separates near ties.

    rapidfuzz's `token_sort_ratio`: the `ratio` of the texts with their words sorted. Each
    side is sorted once here (the question once, each entry's texts once while remembered),
    not once per pair, which was much of the cost of measuring a candidate.
    """
    if not question.text:
        return 0.0
    best = process.extractOne(
        question.sorted_text, _asked_sorted(profile.asked_text), scorer=fuzz.ratio, processor=None
    )
    return best[1] / 100.0 if best else 0.0


def _words_sorted(text: str) -> str:
    """The words of `text` in sorted order, as `token_sort_ratio` compares them."""
    return " ".join(sorted(text.split()))


@lru_cache(maxsize=SORTED_CACHE)
def _asked_sorted(asked_text: tuple[str, ...]) -> tuple[str, ...]:
    """Each way an entry is asked with its words sorted, remembered like `asked_text`."""
    return tuple(map(_words_sorted, asked_text))


def _kind_fits(question: Question, profile: EntryProfile) -> bool:
    """Whether the entry states the kind of fact asked for.

    A count is asked beyond the counts the question gives: "how many of the 46 members
    recognise it" is not answered by an entry stating only that there are 46. A count of
    a time the question gives is stated with that time: "how many marched on <day>" is not
    answered by the count of another day's march.
    """
    kind = question.kind
    if kind == lexicon.WHEN:
        return _date_fits(question.folded, profile)
    if kind == lexicon.HOW_MANY:
        given = lexicon.counts_given(question.folded)
        if not profile.states_count or (given and not profile.counts_besides(given)):
            return False
        times = lexicon.days_given(question.folded)
        return not times or profile.counts_at(times, given)
    if kind == lexicon.HOW_LONG:
        return profile.states_span or profile.states_date
    if kind == lexicon.WHY:
        return profile.states_reason
    if kind in lexicon.RARE_KINDS:
        return profile.answers_a_rare_kind(kind)
    if kind == lexicon.WHERE:
        return profile.names_a_place_besides(frozenset(t.stem for t in question.terms))
    return True


def _counts_it(asked: tuple[str, ...], counted: frozenset[str]) -> bool:
    """Whether a count stands beside one of the words asked, a member counting as a country."""
    return any(a in counted or (a in _MEMBERS and not _MEMBERS.isdisjoint(counted)) for a in asked)


def _date_fits(folded: str, profile: EntryProfile) -> bool:
    """Whether the entry states the date asked.

    Its year or month if asked for, and a date besides those the question gives: "when in
    2013 did it join" is not answered by an entry whose only date is 2013.
    """
    if not profile.states_date:
        return False
    if lexicon.asks_for_a_year(folded) and not profile.states_a_year():
        return False
    if lexicon.asks_for_a_month(folded) and not profile.states_a_month():
        return False
    if lexicon.asks_for_a_day(folded) and not profile.states_a_day():
        return False
    given = lexicon.dates_given(folded)
    return not given or profile.dates_besides(given)


def _foreign_topic(index: Index, term: Term, profile: EntryProfile) -> bool:
    """Whether the word is a topic of the knowledge that the entry's sources never mention.

    A topic is what every entry is about, so an entry need not write it ("who is the
    <body> spokesperson"); but once the knowledge covers another subject, an entry whose
    sources never mention the topic is not about it: "did <body> comment on <event>" is
    then asked of something the entry does not cover, as a name it never mentions is.
    """
    if term.word not in index.lexicon.topics:
        return False
    return not any(term.word in index.topics_of(c.source_id) for c in profile.entry.citations)


def _names_the_holder(index: Index, question: Question, profile: EntryProfile) -> bool:
    """Whether the entry names someone beside the role the question asks the holder of.

    A post ("who is the mayor", "the name of the officer") is held by a person: "the
    former mayor of <town>" names no mayor. Other roles ("who are its partners") may be
    held by a country. Either is held when one of its words stands beside such a name
    (all of them lost right answers on five sets: "police official" beside "police").
    A person the question itself names is not who holds the post it asks about: "who was
    the prosecutor in <person>'s case" is not answered by "prosecutors argued <person>...".
    """
    if any(role in _POSTS for role in question.roles):
        return any(role in profile.held_by_people for role in question.roles) and (
            _held_by_someone_else(index, question, profile)
        )
    if question.name_asked:
        return _named_beside(index, question, profile)
    return any(role in profile.held for role in question.roles)


def _named_beside(index: Index, question: Question, profile: EntryProfile) -> bool:
    """Whether a name the question does not give stands next to the thing whose name it asks.

    "What is the name of the <thing> in <place>" is not answered by "the <thing>, <place>
    said": the place is the question's own, and a name a few words off names something else.
    Next to it as written: "a cafe using euros" does not name the cafe, "the <name> cafe"
    does; and so does the thing's word written with a capital, as part of its name.
    """
    asked = frozenset(term.word for term in question.terms)
    roles = question.role_forms
    if not roles.isdisjoint(profile.written_as_names()):
        return True
    return any(
        not roles.isdisjoint(map(singular, around))
        for words in profile.stated_sentences(as_written=True)
        for around in index.lexicon.around_names_besides(words, asked)
    )


def _held_by_someone_else(index: Index, question: Question, profile: EntryProfile) -> bool:
    """Whether a role asked stands beside a person the question does not name.

    And beside what the role is held of, when the question says ("president of <body>"):
    "<country>'s President <person>" does not say who presides over the body. Derived from
    the entry's statement only for the few questions asking who holds a post.
    """
    asked = frozenset(term.word for term in question.terms)
    held_of = {index.stem(word) for word in question.role_of}
    for words in profile.stated_sentences():
        for around in index.lexicon.around_people_besides(words, asked):
            stems = set(map(index.stem, around))
            if not stems.isdisjoint(question.roles) and (
                not held_of or not stems.isdisjoint(held_of)
            ):
                return True
    return False


_POSTS = frozenset(map(stem, lexicon.ROLE_WORDS))


def _names_several_besides(index: Index, question: Question, profile: EntryProfile) -> bool:
    """Whether the entry names two places, bodies or people the question does not.

    "Which 14 countries..." is not answered by "only 14": the members are asked for.
    """
    asked = {term.word for term in question.terms}
    named = index.lexicon.places(profile.text) | profile.people_named
    return len(named - asked) >= MEMBERS_NAMED


def _names_someone_else(question: Question, profile: EntryProfile) -> bool:
    """Whether the entry names a person the question does not ("which expert argued...")."""
    return not profile.people_named <= {term.word for term in question.terms}


def _focus_fits(index: Index, question: Question, profile: EntryProfile) -> bool:
    """Whether the entry mentions what the question asks for (states it, for a count).

    "Which other..." asks beyond a list: only an entry that itself speaks of others fits;
    "when did it first..." or "before <person>" asks about a beginning, which it must state.
    """
    if question.beyond and " other " not in f" {profile.text} ":
        return False
    dated = question.kind == lexicon.WHEN
    if question.origin and not (profile.states_dated_beginning if dated else profile.states_origin):
        return False
    if question.to_come and not profile.states_future:
        return False
    if question.positive_list and profile.negative:
        return False
    if question.roles and not _names_the_holder(index, question, profile):
        return False
    if question.someone_asked and not _names_someone_else(question, profile):
        return False
    if question.identity and not any(index.stem(r) in profile.held for r in lexicon.ROLE_WORDS):
        return False
    # A count must be stated of the very thing counted, not of something else in the entry;
    # so must the deed whose date is asked, not only be how the entry is asked.
    if question.predicate and question.predicate not in profile.stated:
        return False
    if question.spoken_about and not any(a in profile.known for a in question.spoken_about):
        return False
    if question.within and not index.lexicon.places(profile.text) - {question.within}:
        return False
    if question.members_asked and not _names_several_besides(index, question, profile):
        return False
    said = profile.stated if question.kind == lexicon.HOW_MANY else profile.known
    # What "how many" counts is stated when a number stands beside it or what counts it
    # ("how many locals" of "52 citizens"): `Measure.counts_what_is_asked` holds that.
    counted = set(question.counted) if _counts_it(question.counted, profile.counted) else set()
    return all(
        any(
            f in said or f in counted or (f in _MEMBERS and not _MEMBERS.isdisjoint(said))
            for f in asked
        )
        for asked in question.focus
    )
