"""The little language knowledge the engine needs: stopwords, aliases, names, question kinds.

Everything here is written in folded form (see `text.fold`): lowercase plain Latin, so
Serbian Cyrillic and diacritics are already gone. The lists are about how people ask
(English, Albanian, Serbian), never about one question or one subject: the subject's names
and words are the knowledge's vocabulary, which `Lexicon` reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, takewhile

from bot.knowledge.model import Vocabulary
from bot.language.english import IRREGULAR_PAST
from bot.language.text import fold
from bot.language.text import stem as stem_of
from bot.language.words import (
    CALENDAR_NAMES,
    GENERAL_ALIASES,
    MONTHS,
    STOPWORDS,
    is_stopword,
)
from bot.language.words import word_set as _word_set

# Opening words that make a question ask for a date, or for a count or an amount.
# A question's kind is read where a question starts: at the start of a sentence or clause,
# after a few filler words, or after "I wonder", "do you know" and the like. A "when"
# inside the context of a long question ("when I read it...") does not make it ask for a
# date, and neither does a clause like "when I read", where a subject follows. "How many"
# asks for a count wherever it stands.
# Anything up to the last word of asking ("... I'd like to know") is read as one span, not
# as a repeated choice: a `.*` inside a repeated group backtracks without bound ("ask ask
# ask ..." froze the engine for minutes). The language matched is the same.
_LEAD_IN = (
    r"^(?:.* (?:know|remember|wonder|wondering|sure|idea|tell me|asking|ask|curious) )?"
    r"(?:(?:so|and|but|ok|okay|also|then|hey|hi|please|pls|well|just|quick question|"
    r"i (?:was |am )?(?:wonder|wondering|curious)(?: about)?|does anyone know|"
    r"can you tell me|could you tell me|tell me|any idea|do you know|"
    r"a ja|dhe|i|pa|a) )*"
)
_WHEN = re.compile(
    _LEAD_IN + r"(?:(?:since )?when(?! (?:i|im|ive|we|you|he|she|they|it|people|someone|one|"
    r"my|our|your|their|reading|looking|thinking|the|a|an|this|that) )"
    r"|what year|which year"
    r"|(?:on |in |by |until |till )?(?:what|which)(?: exact| precise)?"
    r" (?:dates?|month|day(?! to day))"
    r"|(?:what|which)(?: is| was| s)? the (?:exact |precise )?(?:date|day(?! to day))"
    r"|(?:kog|kojeg) (?:datuma|dana)|koji (?:je )?datum"
    r"|(?:ne )?(?:cilen|cfare) (?:date|dite)"
    r"|(?:by|until|till) when"
    r"|how long ago|in what years?|in which years?|during which years?|kur|kada|kad|koje godine"
    r"|cilin vit"
    r"|ne cilin vit)(?: |$)"
)
# "<country> <body> when?", "since when exactly": a "when" ending a clause asks for a date too,
# as does "since when" anywhere.
_WHEN_LAST = re.compile(
    r"(?:.* )?(?:when(?: (?:exactly|precisely|roughly|again|then|tho|though|actually"
    r"|approximately|about|was that|was it|did that happen|did it happen))*$|since when\b)"
)
# "What figure did she give", "what amount": nouns that are the number asked, not a thing
# whose name the entry must write.
NUMBER_NOUNS = _word_set("figure figures amount sum total")
_HOW_MANY = re.compile(
    r"(?:^|.* )(?:how many|how much|what number of|the number of|what percentage"
    r"|what share|what (?:" + "|".join(NUMBER_NOUNS) + r")|koliko|sa shume"
    r"|sa [a-z]+ (?:ka|kane|kishte|kishin|jane|ishin|kemi|keni))(?: |$)"
)
# "What's <country>'s actual reason for...": a reason asked after a few words of its owner.
# "Where did it happen", Albanian "ku", Serbian "gde"/"gdje": a place is asked. Not where
# someone or something stands or is heading (a position), nor where a text is from or was
# published (its source, often an outlet no vocabulary lists as a name).
_WHERE = re.compile(_LEAD_IN + r"(?:where|ku|gde|gdje)(?: |$)")
_WHERE_WORD = re.compile(r"\b(?:where|ku|gde|gdje)\b")  # looked for once, before each clause
_WHERE_NOT_A_PLACE = re.compile(
    r"\b(?:stand|stands|standing|stood|heading|headed|going|goes|lead|leads|leave|leaves"
    r"|left|end up|ends up|fit|fits|stoji|stoje|qendron|published|publish|reported|report"
    r"|come out|came out|appear|appeared|read)\b|\bfrom$"
)
_WHY = re.compile(
    _LEAD_IN + r"(?:why|how come|for what reasons?|what (?:is|are|was|were) the reasons?"
    r"|what reasons?|on what grounds|pse|perse|zasto|zbog cega|iz kog razloga"
    r"|what(?: (?:is|are|was|were))? (?:[a-z0-9]+ ){1,3}reasons? (?:for|behind|why))(?: |$)"
)
# "How long may they stay?", "for how long", Serbian "koliko dugo", Albanian "sa gjate":
# a span of time ("how long ago" asks for a date).
_HOW_LONG = re.compile(
    r"(?:^|.* )(?:how long(?! ago)|koliko dugo|sa gjate|sa kohe|per sa kohe)(?: |$)"
)
# "How old was she?", "at what age": an age, in the three languages ("sa vjeç", "koliko godina
# je imao"). Read before a count, since "koliko" also opens "how many".
_HOW_OLD = re.compile(
    r"(?:^|.* )(?:how old|at what age|what age|sa vjec|koliko (?:je )?(?:star|stara|staro|stari)"
    r"|koliko (?:je )?godina (?:je )?(?:ima|imao|imala|imaju|imali|imale))(?: |$)"
)
# "What time did it start?", "at what hour": a time of day ("what time of year" asks a date).
_AT_TIME = re.compile(
    r"(?:^|.* )(?:what time(?! of)|(?:at )?(?:what|which) hour|u koliko sati|u koje vreme"
    r"|ne cfare ore|ne cilen ore)(?: |$)"
)
_CLAUSE = re.compile(r"[.?!;:,\n]+")

WHEN = "when"
HOW_MANY = "how_many"
HOW_LONG = "how_long"
WHY = "why"
HOW_OLD = "how_old"
AT_TIME = "at_time"
WHERE = "where"
# How many questions' clauses and kinds are remembered: a question is read several ways
# in a row, and this many is enough for that (repeats of old questions are not the point).
CLAUSE_CACHE = 16
# How many names written in questions (their capitalised words) are remembered folded, with
# aliases resolved: the same few recur from question to question.
NAME_CACHE = 1024


# The nouns a question asking why may use ("what reason did she give"): the entry must state
# a reason, not write the word.
REASON_WORDS = _word_set("reason reasons grounds")
# The phrases that only say a date is asked (Serbian "kog datuma", "koji je datum",
# Albanian "ne cilen dite"; English "date" is a stopword already): the entry must state a
# date, not write them. Only where they ask: "dan nezavisnosti" (Independence Day), "90
# dana" (days) are words to match.
_DATE_ASKED = re.compile(
    r"\b(?:kog|kojeg|koji(?: je)?|cilen|cila|cfare) (?:datuma|datum|dana|dite|dita|diten|date)\b"
)


def date_asking_positions(folded: str) -> frozenset[int]:
    """The positions (in `folded.split()`) of the words that only ask for a date."""
    return frozenset(
        folded.count(" ", 0, asked.start()) + offset
        for asked in _DATE_ASKED.finditer(folded)
        for offset in range(asked.group().count(" ") + 1)
    )


_WHY_WORDS = re.compile(r"\b(?:why|how come|reasons?|grounds|pse|perse|zasto|razloga|cega)\b")


# What a question asks for, when a word names it: the thing counted ("how many troops"),
# the thing asked after ("what job", "which outlet", "what was the turnout") or the deed
# ("who won"). An entry that never mentions that word does not state what was asked, however
# well the rest of the question matches it ("who won the elections" is not "when are the
# elections").
_AUXILIARY = r"(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should)"


# "When the outlet asked <body>..., did it commit to anything?": a "when" with its own subject,
# followed by a clause that asks, sets the scene of the question; it does not ask for a date.
_SCENE = re.compile(r"(?:.* )?when (?!" + _AUXILIARY + r"\b)")
_ASKING = re.compile(r"(?:and |but |so )?(?:" + _AUXILIARY + r"|what|which|who|how|why|where)\b")


def _setting_a_scene(clause: str, rest: tuple[str, ...]) -> bool:
    """Whether a "when" clause only sets the scene for a later clause that asks."""
    return _SCENE.match(clause) is not None and any(_ASKING.match(c.strip()) for c in rest)


_FOCUS = re.compile(
    _LEAD_IN + r"(?:(?:in|on|during) )?"
    r"(?:(?P<count>how many|how much)|(?:what|which)(?: (?:is|was|are|were) (?P<article>the|a|an))?"
    r"|who(?: (?:will|would|could|did|does|do|has|have|had|can|might))?)"
    r" (?P<rest>.+)$"
)
_AUXILIARIES = _word_set("is was are were did does do has have had will would could should can")
# Serbian asks whether with "li" after its verb ("da li", "je li", "ima li", "hoce li"), in
# chat joined to it ("dal", "jel"); "zar" asks it expecting a yes.
_SERBIAN_BEFORE_LI = _word_set("da je jesu jesi ima imaju hoce moze mogu treba postoji")
_SERBIAN_ASKING_WHETHER = _word_set("dal dali jel jeli zar")
# Albanian asks whether with "a" before the verb ("a eshte", Gheg "a osht"), its negation or
# the pronoun that comes before it ("a e njeh", "a u zgjodh"); English "a" is followed by a
# noun, never by one of these.
_ALBANIAN_AFTER_A = _word_set(
    "eshte osht asht jane jan ishte ishin ka kane kan kishte kishin do mund duhet nuk po"
    " e i u ia ua jemi jeni jam ekziston ekzistojne"
)
# "how many <word> <word>": what is counted, and the word that may follow it (English only:
# an Albanian or Serbian count question is held to stating a count, as before).
_HOW_MANY_WORD = re.compile(r"\bhow many (?P<word>[a-z]+)(?: (?P<following>[a-z]+))?")
_TIME_NOUNS = _word_set("year date day month week time hour minute decade century")
# "How many dead", "how many injured": a state or a deed stands for the people in it, whom
# an entry counts in any words ("three police officers were killed").
_STATES = _word_set("dead alive missing hurt")
# "How many attackers" is answered by "at least 30 persons": those who do something are
# counted as people as often as by what they do. A plural in -ers, -ors, -ists or -ants
# names those who do it ("protesters", "investors", "activists", "migrants"), as do a few
# other plurals.
_PEOPLE_WORDS = ("people", "persons", "men", "women", "individuals")
# Those who are no party to what happened, counted by one another's word ("how many
# locals sought help" of "52 citizens"), and by the words above; not those who did
# something ("how many soldiers" is no count of citizens).
_CIVILIANS = ("citizens", "residents", "locals", "inhabitants", "civilians")
_DOERS = ("ers", "ors", "ists", "ants")
_PEOPLE_NOUNS = _word_set("students citizens residents civilians troops gunmen police pilgrims")


def _asks_for_several(folded: str, clauses_: tuple[str, ...]) -> bool:
    """Whether a clause asks for several members of a list by name (`_WHICH_SEVERAL`)."""
    if "which" not in folded and "what" not in folded:  # most questions: no clause to try
        return False
    return any(_WHICH_SEVERAL.match(clause) for clause in clauses_)


def _counts_people(word: str) -> bool:
    """Whether a plural names people of any kind: those who act, citizens, or people."""
    return word in _PEOPLE_WORDS or word in _CIVILIANS or _of_people(word)


def _of_people(word: str) -> bool:
    """Whether a plural counted names people: those who do something, or a few others."""
    return word.endswith(_DOERS) or word in _PEOPLE_NOUNS


# Words naming only a class of answer ("which country", "what kind", "what document": "a
# letter of intent" names no document, "what material": "concrete"), not what is asked; and
# a word in -ing after "what" is a verb ("what's stopping..."), not a thing asked for.
_CLASS_NOUNS = _word_set(
    "country kind type sort part area one ones person people thing things way ways role"
    " year date day month time hour expert analyst official diplomat politician leader"
    " government"
    " word words quote"
    " document documents material materials sector sectors areas field fields domain domains"
    " product products goods commodity commodities resource resources item items types"
    " category categories form forms method methods means tool tools instrument instruments"
    " mechanism mechanisms"
)
# A word in -ly longer than this is an adverb ("publicly", "exactly"), not what is asked
# (shorter ones, "july", "only", "rely", are other words).
_ADVERB_MIN = 5
# Words that qualify what is asked ("what big steps", "which key allies") rather than name it.
_QUALIFIERS = _word_set(
    "main key major big biggest important latest recent concrete specific exact actual real"
    " political military economic diplomatic foreign international"
)


# Words asking for a part of something ("what share of citizens", "what portion of the
# ballots"), which an entry states as "one in three", "a third", "most of", "88%": the part
# is asked of the noun after "of".
_SHARES = _word_set("share proportion fraction portion percentage")
# Words asking for a measure of something ("what size of majority", "what level of
# support"): what is asked is the noun after "of", which the entry must state.
_MEASURES = _word_set("size level amount number degree extent scale")


def _is_a_deed(following: list[str]) -> bool:
    """Whether the word after a noun (none or one) is a verb form: an auxiliary or a past."""
    return bool(following) and _is_a_verb_form(following[0])


def _is_a_verb_form(word: str) -> bool:
    """Whether a word is an auxiliary, a form in -ed or -ing, or an irregular past ("fled")."""
    return word in _AUXILIARIES or word.endswith(("ed", "ing")) or word in IRREGULAR_PAST


def _is_class_noun(word: str) -> bool:
    return word in _CLASS_NOUNS or word.rstrip("s") in _CLASS_NOUNS


# "Which other countries...", "who else...": members beyond those an entry lists.
_BEYOND = re.compile(_LEAD_IN + r"(?:(?:what|which|any) other|who else|what else)(?: |$)")
# "What did <person> say...", "according to <person>": the person must be one whose words the
# entry reports, not merely one it mentions.
_SAYS = (
    r"(?:say|says|said|tell|told|think|thinks|thought|believe|believes|argue|argues|warn"
    r"|warns|warned|claim|claims|mean|means|announce|announced|describe|described|want"
    r"|wants|see|sees|propose|proposes|stress|stresses|suggest|suggests|view|views|predict)"
)
_SPEAKER_ASKED = re.compile(
    _LEAD_IN
    + r"(?:what|how|why|where|when|did|does|has)(?: "
    + _AUXILIARY
    + r")? (?P<subject>(?:[a-z0-9]+ ){1,6}?)(?P<verb>"
    + _SAYS
    + r")\b"
    r"|.*\baccording to (?P<source>(?:[a-z0-9]+ ?){1,3})"
)
# Albanian and Serbian ask for someone's words with the verb before or after the speaker
# ("cfare tha X", "cfare ka thene X", "sta je rekla X", "sta je X rekao", "sta kaze X";
# folded): every one of these verbs is one of speaking.
_SAYS_ELSEWHERE = (
    r"(?:tha|thote|thone|thane|thene|deklaroi|deklaruan|deklaruar|rekao|rekla|rekli|kaze"
    r"|kazu|izjavio|izjavila|izjavili|porucio|porucila|porucili)"
)
_SPEAKER_ASKED_ELSEWHERE = re.compile(
    _LEAD_IN
    + r"(?:cfare|cka|sta|sto)(?: (?:ka|kane|kishte|je|su|ce))? (?:(?P<verb>"
    + _SAYS_ELSEWHERE
    + r") (?P<after>(?:[a-z0-9]+ ?){1,6})|(?P<before>(?:[a-z0-9]+ ){1,6}?)"
    + _SAYS_ELSEWHERE
    + r"\b)"
)
# What a speaker is asked about, after the speaker ("cfare tha X per Y", "sta je rekao X o Y").
_ABOUT_ELSEWHERE = re.compile(r"\b(?:per|mbi|rreth|o|za|about|on)\b")
_VOICE_VERBS = (
    r"(?:says|said|told|tells|argues|warns|warned|warning"
    r"|announced|described|describes|sees|believes|stresses|underscores|highlights|notes"
    r"|raised|adds|confirms|emphasized|emphasised|underlined|replied|writes|reports|asked"
    r"|acknowledged|acknowledges|stated|states|explained|explains|added|insisted|admitted)\b"
)
_VOICE = re.compile(
    r"(?P<voice>(?:[a-z0-9]+ ){1,3})"
    + _VOICE_VERBS
    + r"|\baccording to (?P<source>(?:[a-z0-9]+ ?){1,3})"
)
# Where a `_VOICE` match can be: a verb of saying after a space, or "according to". Every
# match holds one and starts at most three words before it, so `voices` searches only there:
# `_VOICE` tried at every character of a long answer is most of an index build's reading.
# The space opens the first pattern so that the search skips from space to space.
_SAID = re.compile(r" " + _VOICE_VERBS)
_ACCORDING = re.compile(r"\baccording to ")
_VOICE_WORDS = 3
# Verbs that ask for the words of a country too ("what did <country> say"), not only of a
# person ("what does <country> want" asks about the country, not for its words). The
# protagonists the knowledge is about are not held to this: their views come in many voices.
_SPEECH = _word_set("say says said tell told think thinks thought claim claims argue argues argued")
# A light verb ("did <body> give <country> its list") carries its deed in its object, which
# entries word in many ways: no one word is the deed.
_LIGHT_VERBS = _word_set("give gave get got make made take took")
# "When did <country> join <body>?", "What year did <country> join?": a question when a country
# did something asks the date of that deed, which an entry giving a date for something
# else, and naming the deed only in how it is asked, does not state.
_PREDICATE = re.compile(
    _LEAD_IN
    + r"(?:(?:since )?when |(?:on |in )?(?:what|which) (?:date|year|day|month) )?"
    + _AUXILIARY
    + r" (?P<rest>.+)$"
)


# "When did it first / start...", "when did <person> become <role>", "who was it before
# <person>": the question asks about a beginning, or about what came before or after
# someone; an entry that states no beginning and no before or after states something else.
# Only a person becomes something in this sense: "when did <country> become independent"
# asks the date of that deed, which an entry stating the declaration gives.
_ORIGIN = re.compile(
    r"\b(?:first|start|started|starts|begin|began|begun|originally|initially|founded"
    r"|established|created|take over|takes over|took over|taken over|taking over"
    r"|(?:take|took|taken|assume|assumed|leave|left) office|appointed|sworn in"
    # Serbian "prvi put", "prvobitno", Albanian "(per) here te pare", "fillimisht".
    r"|prvi put|prvi puta|prvobitno|here te pare|fillimisht)\b"
)
# The person may be named in full: "before <first name> <surname>", either listed.
_NEXT_TO_SOMEONE = re.compile(r"\b(?:before|after|until|since) (?P<who>[a-z]+(?: [a-z]+)?)\b")
_BECAME = re.compile(r"\b(?P<who>[a-z]+) (?:become|became)\b")
_BEGINNING_STATED = (
    r"first|start|started|since|began|begin|founded|established|created|before|after"
    r"|previous|former|earlier"
)
_ORIGIN_STATED = re.compile(rf"\b(?:{_BEGINNING_STATED}|from \w+(?: \w+)? to)\b")
# "From <status> to <status>" says what came before, not when it began: "when did it
# first become <status>" is not answered by the date it moved on from it. "Became" and
# "from <year> to <year>" do date a beginning.
_DATED_BEGINNING_STATED = re.compile(
    rf"\b(?:{_BEGINNING_STATED}|became|become|from (?:1[5-9]|20)\d\d to)\b"
)


# "When is the next...": a date to come, which only an entry speaking of one states.
_NEXT = re.compile(r"\b(?:next|upcoming|future|coming|when will|going to)\b")
_FUTURE_STATED = re.compile(r"\b(?:next|upcoming|heading|again|will|future|coming)\b")


# "Where in <country> was it held?" asks for a place inside the one named: an entry naming
# no other place does not state it.
_WHERE_WITHIN = re.compile(r"\bwhere (?:exactly )?(?:in|inside|within) (?P<place>[a-z]+)\b")


def states_an_origin(folded: str) -> bool:
    """Whether folded text says when something began, or what came before or after."""
    return _ORIGIN_STATED.search(folded) is not None


def states_a_dated_beginning(folded: str) -> bool:
    """Whether folded text may date when something began (not only what it moved on from)."""
    return _DATED_BEGINNING_STATED.search(folded) is not None


_TIME_UNITS = (
    "minute minutes hour hours day days week weeks month months year years decade decades"
    " century centuries dite dit dita jave javesh muaj vit vite vjet dan dana nedelja nedelje"
    " nedelju mesec meseca meseci godina godine godinu"
)
_SPAN_COUNTS = (
    "a an one two three four five six seven eight nine ten eleven twelve fifteen twenty"
    " thirty forty fifty sixty ninety hundred few several many couple"
)
_SPAN_STATED = re.compile(
    r"\b(?:(?:\d+|" + "|".join(_SPAN_COUNTS.split()) + r")(?: |-)"
    r"(?:" + "|".join(_TIME_UNITS.split()) + r")|for (?:years|decades|months|weeks|days"
    r"|centuries|long)|since|until|till|ago|deri)\b"
)


# Question words that stand for the subject of what is asked ("who does not recognise X",
# "which members..."), in English, Serbian and Albanian.
_WHO_OR_WHICH = _word_set("who which ko koji koja koje koju kush cili cila cilat cilet")


def asks_for_a_list(folded: str) -> bool:
    """Whether folded text asks who or which ones do something (or how many countries do).

    Its subject is open: any one it lists may be asked of ("does <member> recognise X").
    """
    return folded.partition(" ")[0] in _WHO_OR_WHICH or _LIST.match(folded) is not None


def _asks_where(clauses_: tuple[str, ...]) -> bool:
    """Whether a clause asks where (see `_WHERE`), not one inside a yes/no question.

    "Is <country>, where <person> governs, in <body>?" asks whether, not where.
    """
    return not (clauses_ and opens_as_yes_no(clauses_[0])) and any(
        _WHERE.match(clause) and not _WHERE_NOT_A_PLACE.search(clause) for clause in clauses_
    )


def opens_as_yes_no(folded: str) -> bool:
    """Whether folded text opens as a yes/no question does, in any of the three languages.

    An English auxiliary; Serbian "da li", "je li", "ima li" (a verb before "li") or their
    chat forms ("dal", "jel"); Albanian "a" before a verb or the pronoun that comes first
    ("a eshte", "a ka", "a e njeh").
    """
    first, _, rest = folded.partition(" ")
    second = rest.partition(" ")[0]
    return (
        first in _AUXILIARIES
        or first in _SERBIAN_ASKING_WHETHER
        or (first in _SERBIAN_BEFORE_LI and second == "li")
        or (first == "a" and second in _ALBANIAN_AFTER_A)
    )


def states_a_span(folded: str) -> bool:
    """Whether folded text says how long something lasts or lasted (a span, since, until)."""
    return _SPAN_STATED.search(folded) is not None


# An age ("a 45-year-old", "aged 45", "45 vjeç") or when something began, which tells how
# old it is ("founded in 1949", "plates dating from before 1999", "born in 1975").
_AGE_STATED = re.compile(
    r"\b(?:\d{1,3} (?:year|years|yr|yrs) old|aged? \d{1,3}|age of \d{1,3}|\d{1,3} vjec\w*"
    r"|\d{1,3} godin\w* star\w*|born|founded|established|created|formed|built"
    r"|dating (?:back )?(?:from|to)|dates (?:back )?(?:from|to))\b"
)
# A time of day: "14:30" and "3.30" fold to "14 30", "3 30"; "9 a.m." to "9 am".
_TIME_STATED = re.compile(
    r"\b(?:(?:[01]?\d|2[0-3]) [0-5]\d|\d{1,2} ?(?:am|pm)|o clock|oclock|midnight|noon|dawn"
    r"|morning|afternoon|evening|night|overnight|(?:local|cet|gmt|utc) time)\b"
)


def states_an_age(folded: str) -> bool:
    """Whether folded text states how old someone or something is, or when it began."""
    return _AGE_STATED.search(folded) is not None


def states_a_time(folded: str) -> bool:
    """Whether folded text states a time of day (an hour, morning, night)."""
    return _TIME_STATED.search(folded) is not None


# Kinds few questions ask: what asks each, and what states it. An entry's statement is read
# for them only when a question asks (see `answers_a_rare_kind`), not at every build.
_RARE_KINDS = {HOW_OLD: (_HOW_OLD, states_an_age), AT_TIME: (_AT_TIME, states_a_time)}
# "What year", "in which years", Serbian "koje godine", Albanian "cilin vit": a date asked
# for its year, which "on 21 June" does not give.
_ASKS_A_YEAR = re.compile(r"\b(?:(?:what|which) years?|koje godine|cilin vit)\b")
_A_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)s?\b")


def _names_a_post(words: list[str]) -> bool:
    """Whether one of `words` is a post someone holds, in the singular or plural."""
    return any(w in ROLE_WORDS or (w.endswith("s") and w[:-1] in ROLE_WORDS) for w in words)


def asks_for_a_year(folded: str) -> bool:
    """Whether a question (folded) asks for the year of something."""
    return _ASKS_A_YEAR.search(folded) is not None


# "In which month", Serbian "kog meseca", Albanian "ne cilin muaj": a date asked for its
# month, which a year alone does not give.
_ASKS_A_MONTH = re.compile(r"\b(?:(?:what|which) months?|kog meseca|kojeg meseca|cilin muaj)\b")


def asks_for_a_month(folded: str) -> bool:
    """Whether a question (folded) asks for the month of something."""
    return _ASKS_A_MONTH.search(folded) is not None


# "On what date", "what day", "the exact date", Serbian "kog datuma", "kog dana", Albanian
# "ne cilen date", "cilen dite": a date asked for its day, which a month or a year alone
# does not give. Not "by what date": a deadline may be a year ("by 2012"); not "what
# day-to-day role", folded "what day to day".
_DAY_WORD = r"(?:date|day(?! to day))"
_ASKS_A_DAY = re.compile(
    r"(?P<deadline>\b(?:by|until|till) )?\b(?:(?:(?:what|which)(?: exact| precise)?"
    r"|(?:what|which)(?: is| was| s)? the(?: exact| precise)?|exact|precise) "
    + _DAY_WORD
    + r"|(?:kog|kojeg|koji) (?:datuma|dana|datum|dan)"
    r"|(?:cilen|cila|cfare) (?:date|dite|dita))\b"
)
# A date written as digits ("2008-02-17", folded "2008 02 17"), or a day named by its feast.
_DAY_IN_DIGITS = re.compile(r"\b(?:1[89]|20)\d\d \d{1,2} \d{1,2}\b")
_FEAST_DAYS = re.compile(r"\b(?:new years? (?:day|eve)|christmas|easter)\b")


def asks_for_a_day(folded: str) -> bool:
    """Whether a question (folded) asks for the day of something (not by when it is due)."""
    asked = _ASKS_A_DAY.search(folded)
    return asked is not None and asked.group("deadline") is None


def states_a_day(folded: str) -> bool:
    """Whether folded text names a day: of a month ("29 january"), of the week, or a feast."""
    return (
        _DAY_OF_MONTH.search(folded) is not None
        or not _WEEKDAYS.isdisjoint(folded.split())
        or _DAY_IN_DIGITS.search(folded) is not None
        or _FEAST_DAYS.search(folded) is not None
    )


def years_given(folded: str) -> frozenset[str]:
    """The years (and decades: "1990s") folded text writes."""
    return frozenset(_A_YEAR.findall(folded))


def states_a_year(folded: str) -> bool:
    """Whether folded text names a year (or a decade: "the 1990s")."""
    return _A_YEAR.search(folded) is not None


RARE_KINDS = frozenset(_RARE_KINDS)


def answers_a_rare_kind(kind: str, statement: str, asked: Iterable[str]) -> bool:
    """Whether an entry answers a question asking `kind` (`HOW_OLD` or `AT_TIME`).

    It does when its folded `statement` (answer and quotes) gives that fact, or when one of
    the folded ways it is `asked` asks for it: its moderator wrote it to answer that.
    """
    asks, states = _RARE_KINDS[kind]
    return states(statement) or any(asks.match(text) for text in asked)


def states_a_future(folded: str) -> bool:
    """Whether folded text speaks of something still to come."""
    return _FUTURE_STATED.search(folded) is not None


# A list or a count is of those that do, or of those that do not: "which countries
# recognise <country>" is not answered by the ones that do not.
_LIST = re.compile(
    _LEAD_IN + r"(?:which|what|how many)(?: [a-z]+)?(?: [a-z]+)? (?:country|members?|allies)\b"
)
_NEGATIVE = _word_set(
    "not no non refuse refuses refused refusing refusal holdout holdouts reject rejects deny"
    " denies oppose opposes opposed against outside excluded without"
)
_WITHOUT = "without"
# Serbian "ne" is "not" ("koje ne priznaju": which do not recognise), but folded, Albanian
# "në" ("in") is written alike: it is read as "not" only in a question Serbian's own small
# words show to be Serbian, more of them than Albanian's.
_SERBIAN_NOT = "ne"
# "Is it a member or not?", Albanian "apo jo", Serbian "ili ne": the alternative ending a
# question ("or not", "or not yet") negates nothing, but in a question opening by asking
# which ones do something: "which recognise it or not" asks of both, and keeps it. Inside a
# question it may be a real "not" ("hesitate or not recognise").
_ALTERNATIVE_ASKED = re.compile(
    r" (?:or not|apo jo|ili ne)(?= (?:yet|at all|really|please|pls|though|tho|then|lol|thanks"
    r"|thank|thx|ty|tbh|now|currently|hvala|jos|tani|ende|faleminderit)\b|$)"
)
# A question opening by asking which ones do something, where "or not" asks of both kinds.
_ASKS_WHICH = re.compile(
    _LEAD_IN + r"(?:which|who|how many|cilat|cilet|cili|cila|kush|koje|koji|koja|ko)\b"
)


def _alternative_read(folded: str) -> str:
    """A folded question with its closing "or not" read: past it, or as "or not" in English.

    In a question asking which ones, Albanian "apo jo" and Serbian "ili ne" are read as
    "or not": their "jo" and "ne" are its "not", not words an entry must write.
    """
    if _ASKS_WHICH.match(folded) is None:
        return _ALTERNATIVE_ASKED.sub("", folded)
    return _ALTERNATIVE_ASKED.sub(" or not", folded)


_WEEKDAYS = CALENDAR_NAMES - frozenset(MONTHS.split())
_SERBIAN_WORDS = _word_set(
    "je su da li sta sto zasto kako kada gde ko koji koja koje nije nisu ima imaju ce od za iz"
)
_ALBANIAN_WORDS = _word_set(
    "eshte jane nje dhe per nga qe kush cili cila cfare pse kur nuk kane ishte te"
)


def _in_serbian(words: list[str]) -> bool:
    """Whether a question's folded words are Serbian rather than Albanian, by their small words."""
    serbian = sum(word in _SERBIAN_WORDS for word in words)
    return serbian > sum(word in _ALBANIAN_WORDS for word in words)


# Those a list or a count is of: "countries without an embassy" are those that lack one.
_LISTED_STEMS = frozenset(stem_of(w) for w in ("country", "member", "ally", "state", "people"))


# "Who is the speaker / the <body> spokesperson / <country>'s prime minister?" asks who
# holds a role: an entry answers only if it names someone (or some country) beside that
# role. "What's the name of the spokesperson" asks who holds the role, as "who is" does.
# The role follows an article or the name of a topic (see `Lexicon`), or a name.
# "What are the names of the judges", and a member's keywords "names of the judges", ask
# for the people holding the post as "who were the judges" does.
_HOLDER_ASKED = (
    # "Who was (eventually) elected speaker": the post someone was given.
    r"(?:who(?: was| were| is| has been| will be| got)?(?: eventually| finally| then| now)?"
    r" (?:elected|appointed|named|chosen|picked|nominated)(?: as)?"
    r"|who(?: is| was| are| were|s)|what(?: is| was| are| were| s)? the names? of"
    r"|names of(?: the)?)"
)
# ...or "who is <country>'s prime minister": the role after a name, not "who is eligible".
_WHO_HOLDS_NAMED = re.compile(_LEAD_IN + _HOLDER_ASKED + r" (?P<role>.+)$")
# "Which judges voted against?", "which expert argued" ask for people: an entry must name
# someone, not only count them. Not necessarily beside the word the question uses for their
# post ("which lawmaker" of "Congressman <name>").
_WHICH_POST = re.compile(_LEAD_IN + r"(?:which|what) (?P<rest>.+)$")
# "What is the name of the X" asks for X's own name, which the question does not give.
# "What are the names of the <post>s", "names of the <post>s": the people holding a post are
# asked for; of other things ("the names of the countries that...") a list is.
_NAMES_ASKED = re.compile(r"\bnames of\b")
# "Which two countries...", "which 14 countries": the members of a list are asked for by
# name, which the list's count alone does not give.
_WHICH_SEVERAL = re.compile(
    _LEAD_IN + r"(?:which|what) (?:[2-9]|[1-9]\d+|two|three|four|five|six|seven|eight|nine|ten)"
    r" (?!of\b)[a-z]+\b"
)
# "What are the names of the five people arrested": people are asked for, by name.
_NAMES_OF_SOME = re.compile(
    r"\bnames? of (?:the |these |those |all )?(?:[a-z0-9]+ )?(?P<who>[a-z]+)\b"
)
_NAME_OF = re.compile(r"\bwhat(?: is| was| s)? the (?:[a-z]+ )?names? of\b")
# "What post does <person> hold?", "what was <person>'s job?" ask who a person is, as
# "who is <person>" does: the word for a post names no thing the entry must write, but the
# entry must say what the person is. Only of a person: "what position did <body> take" asks
# for a stance.
POST_WORDS = _word_set("position post job office title function role")
_POST_FORMS = POST_WORDS | {f"{word}s" for word in POST_WORDS}
_POSTS_ASKED = r"(?:" + "|".join(sorted(POST_WORDS)) + r")s?"
_POST_OF_SOMEONE = re.compile(
    _LEAD_IN
    + r"(?:what|which) (?:"
    + _POSTS_ASKED
    + r" "
    + _AUXILIARY
    + r" (?P<holder>.+?)(?: (?:hold|held|have|had|occupy|occupied|fill|filled)(?: then| now)?)?"
    + r"|(?:is|was) (?P<owner>.+?) "
    + _POSTS_ASKED
    + r")$"
)
ROLE_WINDOW = 3
# "the governor of the central bank": the role is what comes before what qualifies it; an
# entry naming the bank but no governor does not say who the governor is. So do a clause
# ("the minister who announced it") and a deed ("the envoy leading the talks") qualify it.
_ROLE_QUALIFIED = re.compile(
    r" (?:of|for|at|in|who|whom|whose|that|which|where|when|the|a|an|[a-z]+ing) "
)
# Words ending what qualifies a role ("the president of <body> when it voted").
_QUALIFIER_ENDS = _word_set(
    "when while during before after since until in at on who that which whose"
)
# "Who is <person>": at most this many words name the person (first, middle, last name).
_PERSON_WORDS = 3
# Words naming what someone is, in the three languages: an entry saying who a person is
# has one beside the name ("the foreign policy chief Jane Doe").
ROLE_WORDS = _word_set(
    """
    president prime minister chief spokesperson spokesman spokeswoman ambassador secretary
    commander governor leader head chair chairman chairwoman analyst expert professor
    former deputy diplomat envoy congressman congresswoman senator lawmaker mayor premier
    chancellor judge prosecutor editor journalist reporter founder official researcher
    adviser advisor officer representative commissioner mediator negotiator rapporteur
    lawyer attorney speaker
    kryeminister presidente presidenti ministri ministre zedhenes ambasador ambasadori
    kryetar kryetari ish predsednik predsednica premijer ministar ministarka portparol sef
    bivsi bivsa
    """
)

# Words a body's name ends in ("the Constitutional Court", "the International Rescue
# Committee"), or a group's ("Democratic Party MPs"): a speaker so named is no person.
BODY_WORDS = _word_set(
    """
    court council union committee commission ministry government parliament assembly
    party office agency organisation organization institute foundation international
    alliance association bank police army mps
    """
)


# "Besides defence cooperation, what else...", "apart from X", "other than X", "X aside":
# the question sets X aside and asks for something else. X runs to a comma, a question
# word, or the end, and is at most a few words long.
_SET_ASIDE = re.compile(
    r"\b(?:besides|apart from|other than|aside from|except(?: for)?|leaving aside"
    r"|setting aside|putting aside|in addition to)\s+(?P<aside>[^,;:?!.]+?)"
    r"(?=\s*[,;:?!.]|\s+(?:what|which|who|whom|how|why|when|where|does|do|did|is|are|was"
    r"|were|can|could|should|would|will|has|have|" + _SAYS + r")\b|\s*$)",
    re.IGNORECASE,
)
SET_ASIDE_WORDS = 8
# Words one of which `_SET_ASIDE` needs (every phrase it starts with holds one): plain ASCII
# text without any sets nothing aside, which a look for each tells sooner than the search.
_ASIDE_WORDS = ("besides", "apart from", "other than", "aside", "except", "in addition to")


def set_aside(text: str) -> tuple[str, str]:
    """The question without what it sets aside ("besides X, what else..."), and X.

    Both are cleaned text, so the rest is read as any question is; X is "" when nothing is
    set aside, or when it is too long to be only a thing set aside.
    """
    if text.isascii():
        lowered = text.lower()
        if not any(word in lowered for word in _ASIDE_WORDS):
            return text, ""
    match = _SET_ASIDE.search(text)
    if match is None or len(match.group("aside").split()) > SET_ASIDE_WORDS:
        return text, ""
    rest = f"{text[: match.start()].rstrip()} {text[match.end() :].lstrip(' ,;:')}".strip()
    return rest, match.group("aside")


# Roles whose holder a question may ask to quote ("what did the spokesperson say"):
# like a person, the entry must report the holder's words, not merely mention the role.
SPEAKING_ROLES = _word_set(
    """
    spokesperson president minister ambassador chancellor commander representative envoy
    commissioner judge prosecutor
    """
)


# "What did <person> say about the elections?": what someone's words are asked about. An
# entry quoting them on something else does not answer it.
_SPOKEN_ABOUT = re.compile(r"(?:^|.* )" + _SAYS + r" (?:about|on|regarding) (?P<about>.+)$")


# Whom the source asked for comment speaks in it too, if only to give no response.
_ASKED = re.compile(r"\basked the ((?:[a-z0-9]+ ?){1,3})")


def voices(folded: str) -> frozenset[str]:
    """The words naming who speaks in folded text: the few words before a verb of saying."""
    return frozenset(
        word
        for m in _voice_matches(folded)
        for word in (m.group("voice") or m.group("source")).split()
    ) | _asked_for_comment(folded)


def _voice_hints(folded: str) -> list[int]:
    """Where each verb of saying after a space, and each "according to", starts, in order."""
    starts = [match.start() + 1 for match in _SAID.finditer(folded)]
    if "according to " in folded:
        starts = sorted(starts + [match.start() for match in _ACCORDING.finditer(folded)])
    return starts


def _asked_for_comment(folded: str) -> set[str]:
    """The words naming whom folded text says was asked (`_ASKED`).

    Few texts say so, and looking for the words first is a fraction of a regex's search.
    """
    if "asked the " not in folded:
        return set()
    return {word for m in _ASKED.finditer(folded) for word in m.group(1).split()}


def _voice_matches(folded: str) -> list[re.Match[str]]:
    """The matches `_VOICE.finditer(folded)` gives, found by searching only near a hint.

    The next match holds a hint at or after where the last match ended, and starts after
    the space `_VOICE_WORDS` + 1 spaces before it (its words hold no space), so searching
    from there (or from the last match's end, if later) skips no match; each search starts
    at or after the last one's end, so the text is still read once.
    """
    matches: list[re.Match[str]] = []
    end = 0
    for hint in _voice_hints(folded):
        if hint < end:
            continue
        start = hint
        for _ in range(_VOICE_WORDS + 1):
            start = folded.rfind(" ", 0, start)
            if start < 0:
                break
        match = _VOICE.search(folded, max(end, start + 1))
        if match is None:
            break
        matches.append(match)
        end = match.end()
    return matches


_REASON = re.compile(
    r"\b(?:because|due to|reasons?|prompted|so that|in order to|blocked|without this"
    r"|thanks to|owing to|caused?|as a result|to demonstrate|to compensate|in exchange for"
    r"|means|meant|interest in|leads? to|led to|results? in|resulted in|stems? from"
    r"|driven by|is why"
    # A deed done to prevent something states its purpose, which is the reason asked for.
    r"|to (?:prevent|stop|dissuade|discourage|deter|avoid))\b"
)


def states_a_reason(folded: str) -> bool:
    """Whether folded text gives a reason (because, due to, for ... reasons, blocked by...)."""
    return _REASON.search(folded) is not None


_DATE_WORDS = re.compile(
    r"\b(?:1[89]\d\ds?|20\d\ds?|" + "|".join(sorted(CALENDAR_NAMES)) + r"|last year|previous year"
    r"|this year|new years? (?:day|eve)|christmas|easter|years? (?:ago|earlier|later)"
    r"|this (?:week|month|autumn|spring|summer|winter)"
    r"|earlier this|(?:last|next) (?:week|month)|yesterday|today|recently)\b"
)
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " twenty thirty forty fifty hundred hundreds thousand thousands million millions billion"
    " billions dozen dozens percent"
)
# "One" alone is no count ("one of the reasons", "the one who"), but a single thing is.
_COUNT = re.compile(
    r"\b(?:\d+|most of|a single|only one|just one|" + "|".join(_NUMBER_WORDS.split()) + r")\b"
)
_YEAR_OR_DAY = re.compile(
    r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2} (?:" + "|".join(MONTHS.split()[:12]) + r")\b"
    r"|\b(?:" + "|".join(MONTHS.split()[:12]) + r") \d{1,2}\b"
    r"|\b(?:article|neni|clan|clana|clanu) \d+\b"
)


def states_a_date(folded: str) -> bool:
    """Whether folded text states when something happened (a year, a month, a time)."""
    return _DATE_WORDS.search(folded) is not None


# "May" is a month only beside a day or a year: "they may stay" names none.
_MONTH_NAMES = re.compile(
    r"\b(?:" + "|".join(m for m in MONTHS.split() if m != "may") + r")\b"
    r"|\b\d{1,4}(?:st|nd|rd|th)? (?:of )?may\b|\bmay \d{1,4}(?:st|nd|rd|th)?\b"
)
# A day of a month, its number kept: "17 february", "17th of february", "february 17th".
_DAY_OF_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(?:"
    + "|".join(MONTHS.split())
    + r")\b|\b(?:"
    + "|".join(MONTHS.split())
    + r") (\d{1,2})(?:st|nd|rd|th)?\b"
)


def states_a_month(folded: str) -> bool:
    """Whether folded text names a month."""
    return _MONTH_NAMES.search(folded) is not None


def dates_given(folded: str) -> frozenset[str]:
    """The words of the dates a folded question writes itself: its years, months and days."""
    words = set(_DATE_WORDS.findall(folded))
    for day in _DAY_OF_MONTH.finditer(folded):
        words.add(day.group(1) or day.group(2))
    return frozenset(words)


def states_a_date_besides(folded: str, given: frozenset[str]) -> bool:
    """Whether folded text states a date other than those `given` (a question's own).

    "When in 2013 did it join?" is not answered by an entry whose only date is 2013.
    """
    if not given:
        return states_a_date(folded)
    kept = " ".join(word for word in folded.split() if word not in given)
    if states_a_date(kept):
        return True
    days = (day.group(1) or day.group(2) for day in _DAY_OF_MONTH.finditer(folded))
    return any(day not in given for day in days)


# Months that are words too ("may", "march") name a month beside a day or a year, or
# after a word of time ("in March", "since May").
_WORDS_AS_MONTHS = frozenset({"may", "march"})
_MONTH_WRITTEN = (
    r"\b(?:\d{{1,4}}(?:st|nd|rd|th)? (?:of )?{month}|{month} \d{{1,4}}"
    r"|(?:in|on|during|since|until|till|by|from|early|late|mid|of|last|next|this) {month})\b"
)


def days_given(folded: str) -> frozenset[str]:
    """The days and months a folded question names ("on Tuesday", "on 3 May", "in March").

    Not its years, nor "today": "how many died in the war of the 1990s" and "how large is
    it today" name the time of what they ask about, not the day a count was made.
    """
    days = {day.group(1) or day.group(2) for day in _DAY_OF_MONTH.finditer(folded)}
    named = set(CALENDAR_NAMES.intersection(folded.split()))
    for word in _WORDS_AS_MONTHS & named:
        if not re.search(_MONTH_WRITTEN.format(month=word), folded):
            named.remove(word)  # "how many may stay", "how many joined the march": no month
    return frozenset(days | named)


def counts_given(folded: str) -> frozenset[str]:
    """The counts a folded text writes ("46", "four"), not its years or days."""
    return frozenset(_COUNT.findall(_YEAR_OR_DAY.sub(" ", folded)))


def states_a_count_besides(folded: str, given: frozenset[str]) -> bool:
    """Whether folded text states a count other than those `given` (a question's own)."""
    if not given:
        return states_a_count(folded)
    kept = " ".join(word for word in folded.split() if word not in given)
    return states_a_count(kept)


def counts_written(words: list[str]) -> list[tuple[int, int]]:
    """Where folded words write a count: each as (first, last) word, years and days aside.

    "a single ferry" is a count of the ferry, as "14 countries" is; "in 2021" is none.
    """
    text = " ".join(words)
    blanked = _YEAR_OR_DAY.sub(lambda m: " " * len(m.group()), text)
    return [
        (text.count(" ", 0, m.start()), text.count(" ", 0, m.end()))
        for m in _COUNT.finditer(blanked)
    ]


def states_a_count(folded: str) -> bool:
    """Whether folded text states a count or an amount (not merely a year or a day).

    A count in words ("three", "most of") is never part of a year or a day, so the first
    count found, if in words, settles it without taking out the years and days.
    """
    first = _COUNT.search(folded)
    if first is None or not first.group()[0].isdigit():
        return first is not None
    return _COUNT.search(_YEAR_OR_DAY.sub(" ", folded)) is not None


def _written_aliases(vocabularies: tuple[Vocabulary, ...]) -> dict[str, str]:
    """The general aliases, the files' aliases, then every case form their stems make."""
    aliases = dict(GENERAL_ALIASES)
    for vocabulary in vocabularies:
        aliases.update(vocabulary.aliases)
    for vocabulary in vocabularies:
        for forms in vocabulary.forms:
            for stem, name in forms.stems.items():
                for ending in forms.endings:
                    aliases.setdefault(stem + ending, name)
    return aliases


@dataclass(frozen=True)
class Reading:
    """What a question asks, read once (by `Lexicon.read`); the measures use this, not the text.

    `folded` is the whole question folded with aliases resolved, `clauses` its clauses, each
    folded so. `kind` is the kind of fact asked (`WHEN`, `HOW_MANY`, `HOW_LONG`, `WHY`,
    `HOW_OLD`, `AT_TIME`, or None), `yes_no` whether it asks whether something holds.
    The other fields are words, as written: `focus` what each clause asks for ("how many
    soldiers"; "government minister", either word naming it); `beyond` whether it asks past
    a list ("which other..."); `origin` whether it asks about a beginning; `to_come` whether
    it asks a date still to come; `positive_list` whether it asks which or how many do
    something (not which do not); `roles` the role whose holder it asks; `people` those
    whose own words it asks for; `spoken_about` what it asks their words about;
    `predicate` the deed it asks of a country; `within` the place it asks a location inside
    of; `identity` whether it asks who a person is; `name_asked` whether it asks the name
    of something ("what is the name of the <thing>"); `someone_asked` whether it asks for
    people by their post ("which judges", "which expert"); `negative` whether it asks in the
    negative ("not", "never", "refuse"); `role_of` the words of what the role asked is
    held of ("the president of <body>": the body's words); `counted` the words "how many"
    stands right before ("how many countries"), which an entry must count.
    """

    folded: str
    clauses: tuple[str, ...]
    kind: str | None
    yes_no: bool
    focus: tuple[str, ...]
    beyond: bool
    origin: bool
    to_come: bool
    positive_list: bool
    roles: tuple[str, ...]
    people: frozenset[str]
    spoken_about: tuple[str, ...]
    predicate: str
    within: str
    identity: bool
    name_asked: bool = False
    someone_asked: bool = False
    negative: bool = False
    role_of: tuple[str, ...] = ()
    counted: tuple[str, ...] = ()
    members_asked: bool = False


class Lexicon:
    """The language of one knowledge snapshot: the general language, and its vocabulary.

    Built from the knowledge's vocabulary files (`Vocabulary`): the names of places, people
    and bodies, the aliases that map people's words onto the sources' words, and the case
    forms of names. Nothing about the subject is written in code; an engine reads the
    vocabulary of the snapshot it is built from.
    """

    def __init__(
        self, vocabularies: Iterable[Vocabulary] = (), learnt: Vocabulary | None = None
    ) -> None:
        """Read the knowledge's vocabulary files, then what its texts state (`learnt`).

        What is learnt fills in only words the files and the general language leave free.
        """
        vocabularies = tuple(vocabularies)
        learnt = learnt or Vocabulary()
        self.names = frozenset(word for v in vocabularies for word in v.names)
        self.people = frozenset(word for v in vocabularies for word in v.people)
        self.protagonists = frozenset(word for v in vocabularies for word in v.protagonists)
        self.topics = frozenset(word for v in vocabularies for word in v.topics)
        aliases = _written_aliases(vocabularies)
        known = self.names | self.people | self.topics | aliases.keys() | STOPWORDS
        aliases |= {form: read for form, read in learnt.aliases.items() if form not in known}
        self.people |= {word for word in learnt.people if word not in known}
        self._named = self.people | self.names
        # Names the sources write with a capital are names to the reading of a question
        # (never corrected as a typo, and an entry that lacks one cannot answer), but not
        # places a question asks within, or near which an entry names a role's holder:
        # a capital is not enough to tell a place from a programme or an adjective.
        self.written_names = self.names | {
            word for word in learnt.names if word not in known and word not in self.people
        }
        # Names near which an entry may name who holds a post (`near_people`): the people
        # the files list and the speakers cited. Not every capital the sources write: those
        # the files do not list are places and adjectives as often as people.
        self._persons = self.people
        self._alias_words = {tuple(key.split()): value.split() for key, value in aliases.items()}
        # Aliases of one word for one word, which a misspelling may be corrected to.
        self.one_word_aliases = {
            key: value
            for key, value in aliases.items()
            if " " not in key and value and " " not in value
        }
        self._alias_lengths: dict[str, tuple[int, ...]] = {}
        for key in sorted(self._alias_words, key=len, reverse=True):
            self._alias_lengths[key[0]] = (*self._alias_lengths.get(key[0], ()), len(key))
        self._longest_alias = max(map(len, self._alias_words), default=1)
        # Names of several words the vocabulary writes in full, as an alias stands for them
        # ("saint kitts and nevis"): one name, however many of its words are names.
        self.name_phrases = frozenset(
            " ".join(value)
            for value in self._alias_words.values()
            if len(value) > 1 and not self._named.isdisjoint(value)
        )
        # The aliases of one word, by the word: most aliases a text holds are of one word.
        self._alias_of_word = {
            key[0]: value for key, value in self._alias_words.items() if len(key) == 1
        }
        # A role may follow the name of a topic as it follows an article ("who is the
        # <topic> spokesperson").
        before_role = "|".join(["the", "a", "an", *(re.escape(t) for t in sorted(self.topics))])
        self._who_holds = re.compile(
            _LEAD_IN + _HOLDER_ASKED + r" (?P<role>(?:" + before_role + r") .+)$"
        )
        # A question is read several ways in a row: its clauses and kind are remembered.
        self.clauses = lru_cache(maxsize=CLAUSE_CACHE)(self._read_clauses)
        self.question_kind = lru_cache(maxsize=CLAUSE_CACHE)(self._read_kind)
        self.read_name = lru_cache(maxsize=NAME_CACHE)(self._read_name)

    def phrases_read_otherwise(self, other: Lexicon) -> frozenset[tuple[str, ...]] | None:
        """The folded phrases `other` reads otherwise than this lexicon does (None: any text).

        A vocabulary write changes how some phrases are read: an alias added, removed or
        changed, and a name or a person listed or no longer. A text having none of them is
        read alike by both. Topics and protagonists bear on every entry and every question:
        when they differ, any text may be read otherwise.
        """
        if self.topics != other.topics or self.protagonists != other.protagonists:
            return None
        phrases: set[tuple[str, ...]] = set()
        for key in self._alias_words.keys() | other._alias_words.keys():
            if self._alias_words.get(key) != other._alias_words.get(key):
                phrases.add(key)
        for mine, theirs in (
            (self._named, other._named),
            (self.people, other.people),
            (self.written_names, other.written_names),
        ):
            phrases.update(tuple(name.split()) for name in mine ^ theirs)
        return frozenset(phrases)

    def starts_of(self, phrases: Iterable[tuple[str, ...]]) -> set[str]:
        """The folded words a text must write for one of `phrases` to be read in it.

        A phrase's first word, or the first word of an alias rewriting words into one of
        the phrases' words: a text writing none of them holds no phrase, as written or
        as this lexicon rewrites it.
        """
        phrases = [phrase for phrase in phrases if phrase]
        words = {word for phrase in phrases for word in phrase}
        starts = {phrase[0] for phrase in phrases}
        starts.update(
            key[0] for key, value in self._alias_words.items() if not words.isdisjoint(value)
        )
        return starts

    def alias_of(self, word: str) -> str:
        """The canonical form of one folded word (itself when it is no one-word alias)."""
        return self.one_word_aliases.get(word, word)

    def apply_aliases(self, folded: str) -> str:
        """Rewrite every alias in folded text to its one canonical form, longest alias first."""
        return " ".join(self.aliased(folded.split()))

    def aliased(self, words: list[str]) -> list[str]:
        """`apply_aliases` of folded words; `words` itself (no copy) when none opens an alias.

        Only the words an alias may start at are tried, and the words between are copied
        in slices: an index reads every text of every entry through this.
        """
        lengths = self._alias_lengths
        if lengths.keys().isdisjoint(words):
            return words
        of_word, of_words = self._alias_of_word, self._alias_words
        out: list[str] = []
        position = 0
        for start in compress(count(), map(lengths.__contains__, words)):
            if start < position:  # inside an alias already replaced
                continue
            word = words[start]
            for length in lengths[word]:
                replacement = (
                    of_word.get(word)
                    if length == 1
                    else of_words.get(tuple(words[start : start + length]))
                )
                if replacement is not None:
                    out += words[position:start]
                    out += replacement
                    position = start + length
                    break
        out += words[position:]
        return out

    def closes(self, words: list[str]) -> bool:
        """Whether no alias may start in folded `words` and run past their end.

        Then `aliased` of them and of what follows them, apart, is `aliased` of the two
        together, which lets an index alias the quotes many entries cite once.
        """
        tail = words[max(0, len(words) - self._longest_alias + 1) :]
        lengths = self._alias_lengths
        return not any(
            position + lengths[word][0] > len(tail)
            for position, word in enumerate(tail)
            if word in lengths
        )

    def _read_name(self, name: str) -> str:
        """A name as written in a question, folded with aliases resolved (see `read_name`)."""
        return self.apply_aliases(fold(name))

    def _read_clauses(self, text: str) -> tuple[str, ...]:
        """The clauses of a question, each folded with aliases resolved.

        Remembered, because every reading of what a question asks starts from them.
        """
        return tuple(self.apply_aliases(fold(clause)) for clause in _CLAUSE.split(text))

    def _read_kind(self, text: str) -> str | None:
        """Whether it asks for an age, a time of day, a count, a span, a date, a reason.

        `text` is the cleaned question, punctuation kept, so clauses can be told apart.
        """
        clauses_ = self.clauses(text)
        if any(_HOW_OLD.match(clause) for clause in clauses_):
            return HOW_OLD
        if any(_AT_TIME.match(clause) for clause in clauses_):
            return AT_TIME
        if any(_HOW_MANY.match(clause) for clause in clauses_):
            return HOW_MANY
        if any(_HOW_LONG.match(clause) for clause in clauses_):
            return HOW_LONG
        if any(
            (_WHEN.match(clause) and not _setting_a_scene(clause, clauses_[i + 1 :]))
            or _WHEN_LAST.match(clause)
            for i, clause in enumerate(clauses_)
        ):
            return WHEN
        if any(_WHY.match(clause) for clause in clauses_):
            return WHY
        if _WHERE_WORD.search(" ".join(clauses_)) and _asks_where(clauses_):
            return WHERE
        return None

    def _asks_yes_or_no(self, clauses_: tuple[str, ...], kind: str | None) -> bool:
        """Whether the question asks whether something holds ("is <country> in <body>?").

        Its first clause opens with an auxiliary ("is", "did", Serbian "da li"), and it asks
        for no date, count or reason.
        """
        if not clauses_ or kind is not None:
            return False
        return opens_as_yes_no(clauses_[0])

    def read(self, text: str) -> Reading:
        """Read what a question asks, once, from its clauses.

        `text` is the cleaned question, punctuation kept, so clauses can be told apart.
        """
        folded = self.apply_aliases(_alternative_read(fold(text)))
        clauses_ = self.clauses(text)
        kind = self.question_kind(text)
        people = self._people_asked_to_speak(clauses_)
        yes_no = self._asks_yes_or_no(clauses_, kind)
        words = folded.split()
        negative = self.says_negative(words) or (_SERBIAN_NOT in words and _in_serbian(words))
        return Reading(
            folded=folded,
            clauses=clauses_,
            kind=kind,
            yes_no=yes_no,
            focus=self._question_focus(clauses_, kind),
            beyond=self._asks_beyond_a_list(clauses_),
            origin=self._asks_for_an_origin(clauses_, kind),
            to_come=self._asks_for_a_date_to_come(clauses_, kind),
            positive_list=self._asks_for_those_that_do(clauses_, negative),
            roles=self._roles_asked(clauses_),
            name_asked=_NAME_OF.search(folded) is not None,
            someone_asked=any(map(self._asks_for_holders, clauses_)),
            role_of=self._role_held_of(clauses_),
            counted=self._counted(clauses_) if kind == HOW_MANY else (),
            identity=self._asks_who_someone_is(clauses_) or self._asks_post_of(clauses_),
            people=people,
            spoken_about=self._spoken_about(clauses_) if people else (),
            predicate=self._predicate_asked(clauses_),
            within=self._place_asked_within(clauses_),
            negative=negative,
            members_asked=_asks_for_several(folded, clauses_),
        )

    def asks_why(self, text: str, folded: str | None = None) -> bool:
        """Whether the question asks for a reason (a cheap look for a why-word comes first).

        `folded` is `fold(text)` when the caller has it already (an index reading entries).
        """
        folded = fold(text) if folded is None else folded
        return self.may_ask_why(folded) and self.question_kind(text) == WHY

    @staticmethod
    def may_ask_why(folded: str) -> bool:
        """Whether folded text holds a word that may ask for a reason (why, how come...)."""
        return _WHY_WORDS.search(folded) is not None

    def asks_where(self, text: str) -> bool:
        """Whether the question asks for a place: an entry asked so states one."""
        return self.question_kind(text) == WHERE

    def asks_how_long(self, text: str) -> bool:
        """Whether the question asks for a span of time: an entry asked so states one."""
        return "long" in text.lower() and self.question_kind(text) == HOW_LONG

    def _question_focus(self, clauses_: tuple[str, ...], kind: str | None) -> tuple[str, ...]:
        """The words naming what each clause of the question asks for (see `_FOCUS`)."""
        found = []
        for clause in clauses_:
            # "What reason did..." asks why, and "what post does <person> hold" who someone
            # is: each has its own check, and names no thing the entry must write.
            if (kind == WHY and _WHY.match(clause)) or self._post_of(clause):
                continue
            match = _FOCUS.match(clause)
            word = (
                ""
                if match is None
                else self._first_asked(
                    match.group("rest").split(),
                    counted=bool(match.group("count")),
                    named=bool(match.group("article")),
                )
            )
            if word and not is_stopword(word) and not (kind == HOW_MANY and word in NUMBER_NOUNS):
                found.append(word)
        return tuple(found)

    def _counted(self, clauses_: tuple[str, ...]) -> tuple[str, ...]:
        """The words "how many" stands right before: what a count must be a count of.

        "How many countries took part" is not answered by "on three occasions" of an entry
        that names countries elsewhere. Not a name ("how many <people> live abroad" counts
        the people, whom an entry may count as "one in three citizens"), nor a unit of time
        ("how many years" asks for a span, which dates give too), nor a state or a deed
        ("how many dead", "how many injured").
        """
        found: list[str] = []
        for clause in clauses_:
            match = _HOW_MANY_WORD.search(clause)
            if match is None:
                continue
            word, following = match.group("word"), match.group("following") or ""
            if word in self.names or word in self.people or is_stopword(word):
                continue
            if word.rstrip("s") in _TIME_NOUNS or word in _STATES or word.endswith("ed"):
                continue
            found.append(word)
            if self._modifies(word, following):
                found.append(following)
            if word in _CIVILIANS or word in _PEOPLE_WORDS:
                found += (*_PEOPLE_WORDS, *_CIVILIANS)
            elif _of_people(word):
                found += _PEOPLE_WORDS
        return tuple(found)

    def _first_asked(self, words: list[str], counted: bool = False, named: bool = False) -> str:
        """The word naming what is asked, past names, qualifiers and class nouns.

        "How many <country> soldiers" asks for soldiers, "which <body> countries sent" for what they
        sent, "what big steps" for steps; past a class noun and an auxiliary comes the deed
        ("which countries are offering"), unless it is someone's name ("which years was <person>")
        or their speaking ("which expert argued"), which other checks weigh. A word in -ing
        straight after "what" is a verb ("what's stopping"), not a thing asked for; after an
        article (`named`: "what are the opening hours") it names the thing. But a count
        (`counted`) is of the noun "how many" stands before: "how many days can <people> stay"
        counts days, and the subject after the auxiliary is who stays, not what is counted.
        "What share of <people> live abroad" asks for a part of those people: they are what
        the entry must state it of ("one in three of them"), not the word "share". A word
        qualifying the noun after it comes with that noun ("which defence minister"). After
        an article, a class noun doing something is what the question is about, not a class
        of answer: "what is the government worried about" asks for no government.
        """
        if words and words[0].endswith("ing") and not named:
            return ""
        position = self._past_names(words, 0)
        if words[position : position + 2] in ([part, "of"] for part in _SHARES | _MEASURES):
            position = self._past_names(words, position + 2)
        if position < len(words) and _is_class_noun(words[position]):
            if counted or (named and _is_a_deed(words[position + 1 : position + 2])):
                return ""
            position += 1
            if position < len(words) and words[position] in _AUXILIARIES:
                position = self._past_names(words, position + 1)
        word = words[position] if position < len(words) else ""
        if _is_class_noun(word) or word in _SPEECH:
            return ""
        following = words[position + 1] if position + 1 < len(words) else ""
        if self._modifies(word, following):
            return f"{word} {following}"
        return word

    def _modifies(self, word: str, following: str) -> bool:
        """Whether `word` may qualify the noun after it ("defence minister", "city names").

        Then either names what is asked. A verb ("announced", "fled"), a stopword, a name or a
        class noun after it ends what is asked.
        """
        return bool(
            word
            and not is_stopword(word)
            and following
            and not is_stopword(following)
            and not _is_a_verb_form(following)
            and following not in self.names
            and following not in self.people
            and not _is_class_noun(following)
        )

    def _past_names(self, words: list[str], position: int) -> int:
        """The position of the first word from `position` that is no name and no qualifier.

        A count qualifies too: "which two countries" asks for countries, not for "two".
        """
        while position < len(words) and (
            words[position] in self.names
            or words[position] in self.people
            or words[position] in self.topics
            or words[position] in _QUALIFIERS
            or _COUNT.fullmatch(words[position]) is not None
            or (words[position].endswith("ly") and len(words[position]) > _ADVERB_MIN)
        ):
            position += 1
        return position

    def _predicate_asked(self, clauses_: tuple[str, ...]) -> str:
        """The deed a question asks about a country ("did <country> recognise": recognise).

        Only of a country other than the protagonists, which every entry is about in one way
        or another.
        """
        for clause in clauses_:
            match = _PREDICATE.match(clause)
            if match is None:
                continue
            named = False
            for word in match.group("rest").split():
                if word in self.names or word in self.people or word in self.topics:
                    named = named or (word in self.names and word not in self.protagonists)
                elif word in _LIGHT_VERBS:
                    return ""
                elif not (is_stopword(word) or word.endswith("ly")):
                    return word if named else ""
        return ""

    def _place_asked_within(self, clauses_: tuple[str, ...]) -> str:
        """The place a question asks a location inside of ("where in <country>"), or ""."""
        match = _WHERE_WITHIN.search(" ".join(clauses_))
        return match.group("place") if match and match.group("place") in self.names else ""

    def places(self, folded: str) -> frozenset[str]:
        """The countries, cities and organisations named in folded text."""
        return frozenset(word for word in folded.split() if word in self.names)

    def _asks_for_an_origin(self, clauses_: tuple[str, ...], kind: str | None) -> bool:
        """Whether the question asks when something began, or about someone's before or after."""
        folded = " ".join(clauses_)
        if kind == WHEN and _ORIGIN.search(folded):
            return True
        if kind == WHEN and any(m.group("who") in self.people for m in _BECAME.finditer(folded)):
            return True
        return any(map(self._names_someone, _NEXT_TO_SOMEONE.finditer(folded)))

    def _names_someone(self, next_to: re.Match[str]) -> bool:
        """Whether "before/after <who>" names a listed person, maybe by first name and surname.

        The second word counts only after a word that may be a first name: "after meeting
        <person>" and "before the <person> government" ask about no one's before or after.
        """
        first, *second = next_to.group("who").split()
        if first in self.people:
            return True
        may_be_a_name = not is_stopword(first) and not first.endswith(("ing", "ed"))
        return may_be_a_name and bool(second) and second[0] in self.people

    def _asks_for_a_date_to_come(self, clauses_: tuple[str, ...], kind: str | None) -> bool:
        """Whether the question asks when something next happens."""
        return kind == WHEN and _NEXT.search(" ".join(clauses_)) is not None

    def _asks_for_those_that_do(self, clauses_: tuple[str, ...], negative: bool) -> bool:
        """Whether the question asks which or how many countries do something (not which do not).

        Only with no negative anywhere in it: a "they" may carry one from an earlier clause.
        """
        return not negative and any(_LIST.match(clause) for clause in clauses_)

    def is_negative(self, text: str) -> bool:
        """Whether text asks or states in the negative (not, refuse, non-recognising...).

        "Without" heads a phrase saying how a deed is done ("visit without a visa"): the deed
        itself is done, so the statement is not negative. Only straight after those a list is
        of ("countries without an embassy") does it say they lack something.
        """
        return self.says_negative(self.apply_aliases(fold(text)).split())

    @staticmethod
    def says_negative(words: list[str]) -> bool:
        """`is_negative` of a text's folded words, aliases resolved.

        Most texts have no negative word at all, which one look at the set tells.
        """
        return not _NEGATIVE.isdisjoint(words) and any(
            word in _NEGATIVE
            and (
                word != _WITHOUT or (position > 0 and stem_of(words[position - 1]) in _LISTED_STEMS)
            )
            for position, word in enumerate(words)
        )

    def _roles_asked(self, clauses_: tuple[str, ...]) -> tuple[str, ...]:
        """The words of the role the question asks the holder of, or () if it asks no such.

        "Who is <country's> president" and "who was <person's> lawyer" ask who holds a post
        of theirs; "who is <person>" asks who the person is (`_asks_who_someone_is`).
        """
        for clause in clauses_:
            match = self._who_holds.match(clause)
            if match is None:
                match = _WHO_HOLDS_NAMED.match(clause)
                if match is None or not self._names_first(match.group("role")):
                    continue
            role = _ROLE_QUALIFIED.split(match.group("role"), maxsplit=1)[0]
            words = self._before_a_clause([w for w in role.split() if not is_stopword(w)])
            if _NAMES_ASKED.search(clause[: match.start("role")]) and not _names_a_post(words):
                continue  # "the names of the allies that..." asks for a list, not holders
            if any(w in self.people for w in words):
                post = [w for w in words if w not in self.people]
                return tuple(post) if post and all(w in ROLE_WORDS for w in post) else ()
            return tuple(w for w in words if w not in self.names and w not in self.topics)
        return ()

    def _before_a_clause(self, words: list[str]) -> list[str]:
        """The words of a role up to a person named after them: "the boss <person> met"."""
        for i, word in enumerate(words[1:], 1):
            if word in self.people and words[i - 1] not in self.people:
                return words[:i]
        return words

    @staticmethod
    def _asks_for_holders(clause: str) -> bool:
        """Whether a clause asks "which (<qualifier>) <post>s <deed>": people are asked for.

        "Which judges...", "which foreign ministers...", "which expert argued", not "which
        ministry of..." nor "which was the minister" (an auxiliary first: the post is its
        subject's, whom "who is" reads).
        """
        if "which" not in clause and "what" not in clause:  # most clauses: no pattern to try
            return False
        names = _NAMES_OF_SOME.search(clause)
        if names is not None and _counts_people(names.group("who")):
            return True
        match = _WHICH_POST.match(clause)
        if match is None:
            return False
        words = match.group("rest").split()[:3]
        for i, word in enumerate(words[:2]):
            post = word[:-1] if word.endswith("s") and word[:-1] in ROLE_WORDS else word
            if post in ROLE_WORDS and words[i + 1 : i + 2] != ["of"]:
                return True
            if word in _AUXILIARIES:
                return False
        return False

    def _role_held_of(self, clauses_: tuple[str, ...]) -> tuple[str, ...]:
        """The words of what the role asked is held of: "president of <body>" gives the body's.

        The holder an entry names must hold the role of that: "Who was President of <body>"
        is not answered by "<country>'s President <person>", though both say president.
        What qualifies the role ends where a clause or a deed starts ("...of <body> when
        <deed>", "...of <body> mentioned in the article").
        """
        for clause in clauses_:
            match = self._who_holds.match(clause) or _WHO_HOLDS_NAMED.match(clause)
            if match is None:
                continue
            held_of = match.group("role").partition(" of ")[2].split()
            words = takewhile(lambda w: w not in _QUALIFIER_ENDS and not _is_a_deed([w]), held_of)
            return tuple(w for w in words if not is_stopword(w))
        return ()

    def _names_first(self, role: str) -> bool:
        """Whether what follows "who is" opens with a name (a place, a body, a person) or a role."""
        first = role.split()[0]
        return first in self.names or first in self.people or first in ROLE_WORDS

    def _asks_who_someone_is(self, clauses_: tuple[str, ...]) -> bool:
        """Whether the question asks only who a person is ("who is <person>?").

        Its answer says what the person is or does (a role beside the name), which an entry
        merely reporting the person's deeds or words does not.
        """
        for clause in clauses_:
            match = _WHO_HOLDS_NAMED.match(clause)
            if match is None:
                continue
            words = [w for w in match.group("role").split() if not is_stopword(w)]
            if any(w in self.people for w in words) and len(words) <= _PERSON_WORDS:
                return not any(w in self.names or w in self.topics for w in words)
        return False

    def _asks_post_of(self, clauses_: tuple[str, ...]) -> bool:
        """Whether a clause asks what post a person holds ("what job does <person> have")."""
        return any(map(self._post_of, clauses_))

    def _post_of(self, clause: str) -> bool:
        """Whether the clause asks what post a named person holds (see `_POST_OF_SOMEONE`).

        Only the person's name stands between the post and the verb: "what job did <person>
        have before" asks for an earlier post, which an entry naming the present one does not give.
        """
        if _POST_FORMS.isdisjoint(clause.split()):  # most clauses: no pattern to try
            return False
        match = _POST_OF_SOMEONE.match(clause)
        if match is None:
            return False
        words = (match.group("holder") or match.group("owner")).split()
        return (
            len(words) <= _PERSON_WORDS
            and words[-1] in self.people
            and not any(is_stopword(w) or w in self.names or w in self.topics for w in words)
        )

    def holders(self, folded: str) -> frozenset[str]:
        """Words standing within a few words of a person's or a country's name in folded text."""
        return self.near_names([w for w in folded.split() if not is_stopword(w)])

    def near_names(self, words: list[str]) -> frozenset[str]:
        """`holders` of a text's folded words without stopwords (an index has them already)."""
        return _near(words, self._named)

    def near_people(self, words: list[str]) -> frozenset[str]:
        """`near_names`, of a person's name only: "the mayor of <town>" names no mayor."""
        return _near(words, self._persons)

    def around_names_besides(
        self, words: list[str], besides: frozenset[str]
    ) -> Iterator[list[str]]:
        """The words next to each name (a place, a body, a person) other than those `besides` names.

        Next to it only: a name naming a thing stands beside the thing's word ("the <name>
        summit", "<name> mission"), where one a few words off names something else of the
        same sentence.
        """
        named = self._named - besides
        for i in compress(count(), map(named.__contains__, words)):
            yield words[max(0, i - 1) : i + 2]

    def around_people_besides(
        self, words: list[str], besides: frozenset[str]
    ) -> Iterator[list[str]]:
        """The words within ROLE_WINDOW of each person other than those `besides` names.

        A name written beside one of theirs is the same person's other name: "<first>
        <last>" is the person a question naming only "<last>" asks about.
        """
        named = self._persons - besides
        for i in compress(count(), map(named.__contains__, words)):
            if not self._beside_a_name_of(words, i, besides):
                yield words[max(0, i - ROLE_WINDOW) : i + ROLE_WINDOW + 1]

    def _beside_a_name_of(self, words: list[str], position: int, people: frozenset[str]) -> bool:
        """Whether the run of person words holding `position` has a word of `people`."""
        start = end = position
        while start > 0 and words[start - 1] in self._persons:
            start -= 1
        while end + 1 < len(words) and words[end + 1] in self._persons:
            end += 1
        return not people.isdisjoint(words[start : end + 1])

    def _asks_beyond_a_list(self, clauses_: tuple[str, ...]) -> bool:
        """Whether the question asks for members beyond those named ("which other...")."""
        return any(_BEYOND.match(clause) for clause in clauses_)

    def _people_asked_to_speak(self, clauses_: tuple[str, ...]) -> frozenset[str]:
        """The people (or role holders) whose own words the question asks for ("what did X say")."""
        people: set[str] = set()
        for clause in clauses_:
            match = _SPEAKER_ASKED.match(clause)
            if match is not None:
                subject = match.group("subject") or match.group("source") or ""
                # "According to <country>" asks for its words as "what did <country> say" does.
                speaks = match.group("verb") in _SPEECH or match.group("source") is not None
                people.update(self._speakers_named(subject, speaks))
                continue
            elsewhere = _SPEAKER_ASKED_ELSEWHERE.match(clause)
            if elsewhere is not None:
                after = _ABOUT_ELSEWHERE.split(elsewhere.group("after") or "", maxsplit=1)[0]
                subject = after or elsewhere.group("before")
                people.update(self._speakers_named(subject, speaks=True))
        return frozenset(people)

    def _speakers_named(self, subject: str, speaks: bool) -> set[str]:
        """Whose words a question's subject asks for: the people or roles it names.

        The subject's head is before "of" ("article 10 of the <place> treaty" asks what the
        article says). A place speaks only when no one is named: in "<country's> president
        <name>" it says whose president.
        """
        words = subject.partition(" of ")[0].split()
        named = {w for w in words if w in self.people or w in SPEAKING_ROLES}
        if named or not speaks:
            return named
        return {w for w in words if w in self.names and w not in self.protagonists}

    def _spoken_about(self, clauses_: tuple[str, ...]) -> tuple[str, ...]:
        """The words naming what a question asks someone's words about, if it asks so."""
        for clause in clauses_:
            match = _SPOKEN_ABOUT.match(clause)
            if match is not None:
                return tuple(w for w in match.group("about").split() if not is_stopword(w))
        return ()


def _near(words: list[str], named: frozenset[str]) -> frozenset[str]:
    """The words within ROLE_WINDOW of one of `named` in `words` (a text's folded words)."""
    near: set[str] = set()
    for i in compress(count(), map(named.__contains__, words)):
        near.update(words[max(0, i - ROLE_WINDOW) : i + ROLE_WINDOW + 1])
    return frozenset(near)
