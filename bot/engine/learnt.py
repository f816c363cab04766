"""What the knowledge's own texts teach the engine, so moderators write only what they lack.

A source that writes "Democratic Party (DP)" has defined an acronym; a citation's speaker
"Jane Doe, minister" is a person a question may ask to quote; a word a source writes with a
capital where no sentence starts, and never in lowercase, is a name. The vocabulary files
(knowledge/vocabulary) always win: what is learnt only fills in what they do not say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from bot.engine.lexicon import BODY_WORDS, ROLE_WORDS
from bot.knowledge.model import Knowledge, Vocabulary
from bot.language.english import common_english_words
from bot.language.text import fold
from bot.language.words import CALENDAR_NAMES, NAME_PARTICLES, is_stopword

# "Long Name (ACR)" or "Name (Translation, ACR)": the words in brackets, and the name
# before them (capitalised words, and the small words a name may hold).
_BRACKETS = re.compile(r"\(([^()\n]{1,80})\)")
_ACRONYM = re.compile(r"[A-Z][A-Za-z/&.-]+")
_ACRONYM_CAPITALS = 2
_ACRONYM_LENGTH = 12
# A word, and small words a multi-word name may hold (House of Representatives, Court of
# Justice; in Albanian and Serbian too); before an acronym, "and" too.
WORD = re.compile(r"[^\W\d_][\w'’-]*")
_WORDS_AND_GAPS = re.compile(f"({WORD.pattern})")
_NAME_JOINERS = frozenset({"for", "of", "the", "per", "për", "za", "e", "i", "te", "të"})
_ACRONYM_JOINERS = _NAME_JOINERS | {"and"}
_NAME_WORDS = 8
# How much text before a bracket is read for the name it defines: eight words many times
# over. The whole text before each bracket made a source of many brackets quadratic.
_NAME_REACH = 400
_SENTENCE_ENDS = frozenset(".!?:…\n")
# Searched from the start of a gap's last run of non-word characters only: from every one
# of a long run's characters, the search made a hostile gap quadratic.
_TRAILING_NON_WORD = re.compile(r"(?<!\W)\W*$")
# Capitalised words folded, remembered: the same names recur in every entry; enough for the
# names of a large knowledge, few enough that the memory stays small.
_WORD_CACHE = 4096
# Initials of a name of several words that members may write for it: two letters (ZR) to
# five; longer ones are more often defined in the text, which `defined_acronyms` reads.
_INITIALS = (2, 5)
# What stands around a word and is no part of it: punctuation, brackets, quotation marks.
_EDGES = ".,;:!?()[]\"'“”‘’«»"
# A speaker's name is two to four capitalised words before any comma or bracket.
_SPEAKER_WORDS = (2, 4)


def learnt_vocabulary(knowledge: Knowledge) -> Vocabulary:
    """The names, people and acronyms the sources and citations state themselves."""
    sources = [source.text for source in knowledge.sources.values()]
    entries = knowledge.entries.values()
    prose = [
        *sources,
        *(e.answer for e in entries),
        *(c.quote for e in entries for c in e.citations),
    ]
    aliases: dict[str, str] = {}
    for text in prose:
        for form, meaning in defined_acronyms(text):
            aliases.setdefault(form, meaning)
    for form, meaning in initialisms(sources).items():
        aliases.setdefault(form, meaning)
    # An outlet cited for its own reporting ("Roya News") is no person to quote by name.
    outlets = {_name_part(source.outlet) for source in knowledge.sources.values()}
    speakers = (c.speaker for e in entries for c in e.citations)
    people = (s for s in speakers if _name_part(s) not in outlets)
    return Vocabulary(
        names=capitalised_names(sources),
        people=tuple(dict.fromkeys(w for s in people for w in speaker_name(s))),
        aliases=aliases,
    )


def _name_part(speaker: str) -> str:
    """The folded words of a speaker or an outlet before any comma or bracket."""
    return fold(re.split(r"[,(]", speaker, maxsplit=1)[0])


def defined_acronyms(text: str) -> list[tuple[str, str]]:
    """The (acronym, name) pairs `text` defines, folded; a translation given with one too.

    "Democratic Party (DP)" gives ("dp", "democratic party"); "Bashkimi (Union, BU)" gives
    ("bu", "bashkimi") and ("union", "bashkimi").
    """
    found = []
    for match in _BRACKETS.finditer(text):
        name = fold(_name_before(text[max(0, match.start() - _NAME_REACH) : match.start()]))
        parts = [part.strip() for part in match.group(1).split(",")]
        acronyms = [part for part in parts if _is_acronym(part)]
        if not name or not acronyms or not _may_stand_for(acronyms[0], name, parts):
            continue
        for part in parts:
            form = fold(part)
            if form and form != name and (_is_acronym(part) or part[:1].isupper()):
                found.append((form, name))
    return found


def initialisms(texts: Iterable[str]) -> dict[str, str]:
    """Initials of the names of several words `texts` write, as members shorten them.

    "The Zenda Strategic Forum" gives ("zsf", "zenda strategic forum"), "the ZR General
    Assembly" ("zrga", ...), "Anna von der Berg" ("avdb", ...). Only initials no other name
    of the texts shares, of _INITIALS letters, that spell no common English word or small
    word ("Ursula Smith" is not "us"): a question writing them names that name as an
    acronym would.
    """
    named: dict[str, set[str]] = {}
    seen: set[tuple[str, ...]] = set()
    for text in texts:
        for name in _names_of_several_words(text):
            if tuple(name) in seen:  # a source names the same few many times
                continue
            seen.add(tuple(name))
            letters = "".join(w if w.isupper() else w[0] for w in name if w not in _NAME_JOINERS)
            named.setdefault(fold(letters), set()).add(fold(" ".join(name)))
    fewest, most = _INITIALS
    common = common_english_words()
    return {
        form: names.pop()
        for form, names in named.items()
        if len(names) == 1
        and fewest <= len(form) <= most
        and form not in common
        and not is_stopword(form)
    }


def _names_of_several_words(text: str) -> Iterator[list[str]]:
    """Each run of capitalised words `text` writes (with a name's small words inside)."""
    run: list[str] = []
    for word in [*text.split(), ""]:
        bare = word.strip(_EDGES)
        if word[:1] in _EDGES:  # "(DP)", a quotation: a name of its own
            yield from _name_of(run)
            run = []
        if bare[:1].isupper() or (run and (bare in _NAME_JOINERS or bare in NAME_PARTICLES)):
            run.append(bare.removesuffix("'s").removesuffix("’s"))
            if word.endswith(bare) and not bare.endswith(("'s", "’s")):
                continue
        yield from _name_of(run)
        run = []


def _name_of(run: list[str]) -> list[list[str]]:
    """The name a run of capitalised words holds, past small words at its ends: [] if none.

    A run longer than a name is (a title in capitals, a list of names) holds none.
    """
    if len(run) > _NAME_WORDS:
        return []
    while run and (run[-1] in _NAME_JOINERS or run[-1] in NAME_PARTICLES):
        run.pop()
    while run and is_stopword(fold(run[0])):
        run.pop(0)
    return [run] if len(run) > 1 else []


def _may_stand_for(acronym: str, name: str, parts: list[str]) -> bool:
    """Whether `acronym` may stand for the folded `name` (or its translation among `parts`).

    It starts with the name's letter, and a name of one word holds its letters in order:
    "force in Zenda (ZFOR)" names only Zenda before the bracket, which "ZFOR" does not
    spell. A longer name may be abbreviated in another language, in letters it lacks, or
    in that language's word order: "Democratic League of Zenda (LDZ)", every letter the
    initial of one of its words.
    """
    letters = fold(acronym).replace(" ", "")
    if not letters:
        return False
    if " " in name:
        initials = {word[0] for word in name.split()}
        return letters[0] == name[0] or set(letters) <= initials
    if letters[0] != name[0]:
        return False
    translations = [fold(part) for part in parts if not _is_acronym(part)]
    spelt = iter(" ".join([name, *translations]))
    return all(letter in spelt for letter in letters)


def _is_acronym(part: str) -> bool:
    capitals = sum(char.isupper() for char in part)
    return (
        len(part) <= _ACRONYM_LENGTH
        and capitals >= _ACRONYM_CAPITALS
        and _ACRONYM.fullmatch(part) is not None
    )


def _name_before(text: str) -> str:
    """The capitalised name that ends `text` (with the small words inside it), or ""."""
    words = text.split()[-_NAME_WORDS:]
    start = len(words)
    while start > 0 and (words[start - 1][:1].isupper() or words[start - 1] in _ACRONYM_JOINERS):
        start -= 1
    name = words[start:]
    while name and name[0].casefold() in _ACRONYM_JOINERS:
        name = name[1:]
    return " ".join(name)


def speaker_name(speaker: str) -> list[str]:
    """The folded words of a person's name in a citation's speaker ("Jane Doe, minister").

    Only a name of capitalised words, not all in capitals, past the particles a name may
    hold ("Anna van der Berg"): an outlet ("AP") or a role ("the minister") is no one a
    question asks to quote by name. A role before the name is not part of it ("Prime
    Minister Jane Doe"), and a role alone names no one ("Zenda's Defence Minister").
    """
    written = re.split(r"[,(]", speaker, maxsplit=1)[0].split()
    roles = [i for i, w in enumerate(written) if fold(w) in ROLE_WORDS]
    if roles:
        written = written[roles[-1] + 1 :]
    name = [w for w in written if w.casefold() not in NAME_PARTICLES]
    fewest, most = _SPEAKER_WORDS
    if not fewest <= len(name) <= most or _names_a_body(name):
        return []
    if not all(w[:1].isupper() and not w.isupper() for w in name):
        return []
    return fold(" ".join(name)).split()


def _names_a_body(name: list[str]) -> bool:
    """Whether a speaker's capitalised words name a body, not a person.

    A body's name ends in what it is ("Constitutional Court") or belongs to someone
    ("Zenda's Foreign Ministry"); a person's name does neither.
    """
    return fold(name[-1]) in BODY_WORDS or any(w.endswith(("'s", "’s")) for w in name)


def capitalised_names(sources: Iterable[str]) -> tuple[str, ...]:
    """Words the sources write alone with a capital where no sentence starts, never in lowercase.

    A word of one letter, a month or a day, or one the sources also write in lowercase, is an
    ordinary word that happened to open a title or a quote.
    """
    capitalised: dict[str, None] = {}
    lowercase: set[str] = set()
    for text in sources:
        capitalised.update(dict.fromkeys(lone_capitalised(text)))
        lowercase.update(fold(" ".join(_lowercase_words(text))).split())
    ordinary = lowercase | CALENDAR_NAMES
    return tuple(w for w in capitalised if len(w) > 1 and w not in ordinary)


def lone_capitalised(text: str) -> tuple[str, ...]:
    """Folded words capitalised on their own where no sentence starts.

    Not inside a longer name: Partnership for Peace is "partnership" in lowercase too.
    The text is cut once into its words and what stands before each; only the
    capitalised words, a few of a text's words, are then looked at closely.
    """
    parts = _WORDS_AND_GAPS.split(text)
    words, gaps = parts[1::2], parts[::2]
    found = []
    for i in [*compress(count(), map(str.isupper, map(itemgetter(0), words)))]:
        if (
            _capital_beside(words, i, -1)
            or _capital_beside(words, i, 1)
            or _opens_sentence(gaps[i], i)
        ):
            continue
        found += _capitalised_parts(words[i])
    return tuple(found)


def _opens_sentence(gap: str, i: int) -> bool:
    """Whether word `i`, after `gap` (what stands since the word before), opens a sentence.

    It does when it starts the text, or when the gap ends in a sentence's end or a line
    break (a crosshead has no full stop) and only non-words. Reading only the gap reads a
    long source in linear time.
    """
    if i == 0 and not gap:
        return True
    if _SENTENCE_ENDS.isdisjoint(gap):  # most gaps: a space, a comma
        return False
    trailing = _TRAILING_NON_WORD.search(gap)
    return trailing is not None and any(c in _SENTENCE_ENDS for c in trailing.group())


def _capital_beside(words: list[str], i: int, step: int) -> bool:
    """Whether the word next to word `i` (past small joining words) is capitalised."""
    i += step
    while 0 <= i < len(words) and words[i].casefold() in _NAME_JOINERS:
        i += step
    return 0 <= i < len(words) and words[i][0].isupper()


def _lowercase_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w[:1].islower()]


@lru_cache(maxsize=_WORD_CACHE)
def _capitalised_parts(word: str) -> tuple[str, ...]:
    """The folded words of a written word's capitalised parts: "Zenda-led" names only zenda."""
    return tuple(w for part in word.split("-") if part[:1].isupper() for w in folded_word(part))


@lru_cache(maxsize=_WORD_CACHE)
def folded_word(word: str) -> tuple[str, ...]:
    """The folded words of one written word, remembered: names recur in every entry."""
    return tuple(fold(word).split())
