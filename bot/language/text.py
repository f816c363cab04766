"""Turn any text into comparable tokens: clean, fold, tokenise, stem.

The same functions read the knowledge and the questions, so a word folds the same way on
both sides: case, diacritics (Përse, perse), Serbian Cyrillic (вода, voda) and
typographic variants all meet in one plain Latin form before anything is compared.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Serbian Cyrillic to Serbian Latin (Gaj's alphabet), before diacritics are stripped.
_CYRILLIC = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџшѕєіїґ",
        [
            "a", "b", "v", "g", "d", "dj", "e", "z", "z", "i", "j", "k", "l", "lj", "m", "n",
            "nj", "o", "p", "r", "s", "t", "c", "u", "f", "h", "c", "c", "dz", "s", "dz", "e",
            "i", "i", "g",
        ],
        strict=True,
    )
)  # fmt: skip
# Letters NFKD does not decompose into a base letter plus a mark.
_LATIN_EXTRA = {"đ": "dj", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "ı": "i"}
_APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"}
_FOLD_TABLE = str.maketrans({**_CYRILLIC, **_LATIN_EXTRA, **_APOSTROPHES})
# Whether a text has a character the table changes: a text in a Latin alphabet with
# diacritics (most non-ASCII text) has none, and `str.translate` with a table costs a
# look-up per character where one search finds there is nothing to translate.
_TRANSLATED = re.compile(
    "[" + re.escape("".join({**_CYRILLIC, **_LATIN_EXTRA, **_APOSTROPHES})) + "]"
)
_COMBINING_MARKS = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
_DOTTED_ACRONYM = re.compile(r"\b(?:[a-z]\.){2,}")
# What every dotted acronym holds: searched for first, since a search starting with a plain
# character skips to it, where `_DOTTED_ACRONYM` is tried at every character.
_DOT_LETTER_DOT = re.compile(r"\.[a-z]\.")
# A number written with its thousands grouped ("3,000", "1.500", "1,000,000"), read as one
# number: members type "3000" as often. A group after the first has exactly three digits, so
# a decimal ("2.4", "2,4") is not one; a number starting with 0 ("0.125") is not either.
_GROUPED_NUMBER = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:[.,]\d{3})+(?![\d]|[.,]\d)")
# "n't" is "not" after its verb ("doesn't", "wasn't"), but four verbs change before it:
# read "can't" as "ca not", a question would hold a word no entry means ("ca", "wo").
_NEGATION = re.compile(r"\b(can|won|shan|ain)'t\b|n't\b")
_NEGATED_VERBS = {"can": "can not", "won": "will not", "shan": "shall not", "ain": "is not"}
_POSSESSIVE = re.compile(r"'s\b")
_CO_PREFIX = re.compile(r"\bco-(?=[a-z])")
_WORD_RUN = re.compile(r"[a-z0-9]+")
_SPACES = re.compile(r"\s+")
_ASCII_CONTROLS = {code: " " for code in (*range(0x20), 0x7F)}
# Endings removed by the light stemmer, longest first: those that make a word of another
# word (parliament-ary, member-ship, recogn-ise), and those that inflect one, in English,
# Albanian and Serbian. Enough to join recognise / recognised / recognition, member /
# members / membership, parliament / parliamentary / parliamentarians, adopt / adoption,
# elect / elections, and keep committee from commitment; a token never shrinks below
# STEM_MIN characters. (Snowball's English stemmer, through PyStemmer, was measured in
# its place: it parts English words from their Albanian and Serbian cognates, political
# from politička and politike, which the cap at STEM_PREFIX letters joins.)
STEM_MIN = 4
STEM_PREFIX = 6
STEM_CACHE = 1 << 16
_DERIVING = (
    "ational", "ization", "isation", "ations", "ation", "ments", "ment", "ships", "ship",
    "ness", "arily", "arian", "ary", "ity", "ive", "al", "ize", "ise", "ian", "ly", "ions", "ion",
)  # fmt: skip
_INFLECTING = (
    "ings", "ing", "ied", "ies", "ed", "es", "s", "ia", "an", "it", "in", "ve", "ja", "je",
    "ji", "ju", "om", "ama", "ima", "a", "e", "i", "u", "y", "o",
)  # fmt: skip
_ENGLISH = frozenset({"ings", "ing", "ied", "ies", "ed", "es", "s"})
_SUFFIXES = tuple(sorted(_DERIVING + _INFLECTING, key=len, reverse=True))
_DERIVING_SUFFIXES = tuple(sorted(_DERIVING, key=len, reverse=True))
_AFTER_ENGLISH_SUFFIXES = tuple(s for s in _SUFFIXES if s not in _ENGLISH)
# Endings before which English doubles a final consonant, and the doubles it keeps anyway.
_DOUBLING = frozenset({"ed", "ing", "ings"})
_KEPT_DOUBLE = frozenset("aeioulsz")
# English endings of short words (`_short_inflected`), and the short words ending in s
# that are not plurals or verbs (bias, plus, this, miss).
_SHORT_ENDINGS = ("ing", "ed", "s")
_SHORT_S_KEPT = ("ss", "us", "is", "as", "os")
_VOWELS = frozenset("aeiouy")
_NO_SILENT_E = frozenset("wxy")
# Albanian and Serbian case endings that end English words too (remain, commit, citizen):
# taken only from a longer word (anëtarësimin, anëtarësimit).
_CASE_AFTER_LONGER = frozenset({"an", "it", "in", "ve", "om"})


# Letters and symbols that print as nothing (the Braille blank, the Hangul fillers), used to
# post an "empty" name or message: read as spaces.
_BLANKS = str.maketrans(dict.fromkeys("\u2800\u3164\u115f\u1160\uffa0", " "))


def asks_in_words(text: str) -> bool:
    """Whether `text` holds a letter or a digit: emoji and punctuation alone ask nothing."""
    return any(char.isalnum() for char in text)


def clean(text: str) -> str:
    """Drop zero-width characters, blank out control ones, collapse whitespace.

    A zero-width character inside a word (Bel\u200bgium) vanishes rather than split it.

    This is the text the engine says it read: unlike `fold`, it is still readable. Plain
    ASCII, most questions, takes a shortcut: it has no zero-width or compatibility
    characters, only control ones, so a long message costs one pass, not one per character;
    and printable ASCII (no control character either, so its only whitespace is the space)
    only has its runs of spaces collapsed, without the translation's look-up per character.
    Other text printable once normalized (letters with diacritics, Cyrillic) is the same.
    """
    if text.isascii():
        if text.isprintable():
            return " ".join(text.split())
        return _SPACES.sub(" ", text.translate(_ASCII_CONTROLS)).strip()
    normalized = unicodedata.normalize("NFKC", text).translate(_BLANKS)
    if normalized.isprintable():  # no format, control or separator character but the space
        return " ".join(normalized.split())
    kept = []
    for char in normalized:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        kept.append(" " if category in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp") else char)
    return _SPACES.sub(" ", "".join(kept)).strip()


# Albanian writes its Slavic neighbours' names as they sound (Petrić as Petriq, Dragoš as
# Dragosh, Đukić as Gjukiq); folded, these letters stand for the Serbian Latin ones.
_ALBANIAN_SPELLINGS = (
    ("gj", "dj"), ("xh", "dz"), ("zh", "z"), ("sh", "s"), ("ll", "l"), ("rr", "r"), ("q", "c")
)  # fmt: skip


def serbian_spelling(folded: str) -> str:
    """A folded word written the Albanian way ("dragosh") as Serbian Latin folds it ("dragos")."""
    for albanian, serbian in _ALBANIAN_SPELLINGS:
        folded = folded.replace(albanian, serbian)
    return folded


# A letter typed three times or more ("whyyy", "sooo"): no word of the three languages
# has one, so it is a word stretched for emphasis.
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")


def unstretched(text: str) -> str:
    """`text` with each letter typed three times or more in a row typed once ("whyyy": "why")."""
    return _STRETCHED.sub(r"\1", text)


def fold(text: str) -> str:
    """Lowercase plain-Latin form of `text` with punctuation turned into spaces, % a word."""
    lowered = text.casefold()
    if not lowered.isascii():
        if _TRANSLATED.search(lowered):
            lowered = lowered.translate(_FOLD_TABLE)
        lowered = _COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", lowered))
    if "." in lowered and _DOT_LETTER_DOT.search(lowered):
        lowered = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), lowered)
    if "%" in lowered:  # "what % of GDP" asks for a percentage, as the word would
        lowered = lowered.replace("%", " percent ")
    if "`" in lowered:  # typed for an apostrophe ("isn`t"), as "’" and "´" are
        lowered = lowered.replace("`", "'")
    if "co-" in lowered:  # "co-operation" is "cooperation", not "co" and "operation"
        lowered = _CO_PREFIX.sub("co", lowered)
    if "'" in lowered:
        lowered = _POSSESSIVE.sub("", _NEGATION.sub(_not, lowered))
    if "," in lowered or "." in lowered:
        lowered = _GROUPED_NUMBER.sub(_ungrouped, lowered)
    # Every run of other characters becomes one space, none at either end: the runs of
    # letters and digits joined by single spaces, in one pass.
    return " ".join(_WORD_RUN.findall(lowered))


def _not(negation: re.Match[str]) -> str:
    """A negation contracted ("n't") written out, the verb it changes given whole."""
    verb = negation.group(1)
    return _NEGATED_VERBS[verb] if verb else " not"


def _ungrouped(number: re.Match[str]) -> str:
    """A grouped number's digits alone ("3,000" -> "3000")."""
    return number.group().replace(",", "").replace(".", "")


def singular(word: str) -> str:
    """A folded noun without a plural's final "s": closer than its stem where the form counts.

    "attackers" is "attacker", where the stem would make it "attack": the name of an
    attacker is not the name of the attack.
    """
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=STEM_CACHE)
def stem(word: str) -> str:
    """A light, language-agnostic stem: strip common endings, then cap the length.

    One ending of any kind comes off first. After an English inflection (-s, -ed, -ing) a
    case ending may follow (a plural, then a case); otherwise only endings that make a word
    of another word (parliament-ari-ans) come off, so a word is not cut into another one's stem
    (refus-ing is not refu-s-ing). A final silent e goes next (agree-ment and agree,
    ocean-ic and ocean meet). Capping at a fixed prefix is crude but robust across the three
    languages the bot reads (Albanian and Serbian inflect heavily); the fuzzy step catches
    what it misses.
    """
    if word.isdigit():
        return word
    if len(word) <= STEM_MIN:
        return _short_inflected(word) or word
    word, suffix = _strip_one_ending(word, _SUFFIXES)
    if not suffix:
        word = _short_inflected(word) or word
    suffixes = _AFTER_ENGLISH_SUFFIXES if suffix in _ENGLISH else _DERIVING_SUFFIXES
    while suffix:
        word, suffix = _strip_one_ending(word, suffixes)
        suffixes = _DERIVING_SUFFIXES
    return _capped(_without_final_e(word))


def _short_inflected(word: str) -> str | None:
    """The base of a short English word inflected (us-ing, vot-ed, run-s), or None.

    `_strip_one_ending` takes no ending that would leave fewer than STEM_MIN letters, which
    keeps the short words of every language whole; but then use, uses, using and used are
    four stems, and fine and fined two. A base of two or three letters holding a vowel is
    English's: after one vowel and one consonant, the silent e the ending took comes back
    (us-e, fin-e, vot-e; not after w, x or y: fix-ing); after a cluster the base stands
    (ask-ed, add-ing, aim-ed); before -ed or -ing a base ending in a vowel is not a base
    (ne-ed, go-ing), unless in a y after a vowel, which sounds as a consonant (pay-ing).
    """
    if word.endswith(_SHORT_S_KEPT):
        return None
    suffix = next((s for s in _SHORT_ENDINGS if word.endswith(s)), "")
    base = word[: -len(suffix)] if suffix else ""
    if not 2 <= len(base) < STEM_MIN or not _VOWELS & set(base):
        return None
    if suffix == "s":
        return base
    if base[-1] in _VOWELS and not (base[-1] == "y" and base[-2] in _VOWELS):
        return None
    single_vowel = base[-2] in _VOWELS and (len(base) == 2 or base[-3] not in _VOWELS)
    if single_vowel and base[-1] not in _NO_SILENT_E:
        return base + "e"
    return base if len(base) == STEM_MIN - 1 else None


def _capped(word: str) -> str:
    """The word's first STEM_PREFIX letters, or one more not to split a double (committ-ee)."""
    if len(word) > STEM_PREFIX and word[STEM_PREFIX] == word[STEM_PREFIX - 1]:
        return word[: STEM_PREFIX + 1]
    return word[:STEM_PREFIX]


def _without_final_e(word: str) -> str:
    while len(word) > STEM_MIN and word[-1] == "e":
        word = word[:-1]
    return word


def _strip_one_ending(word: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    """The word without the longest of `suffixes` it ends with, and that suffix ("" if none)."""
    for suffix in suffixes:
        shortest = STEM_MIN + 1 if suffix in _CASE_AFTER_LONGER else STEM_MIN
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            kept = word[: -len(suffix)]
            return (_undoubled(kept) if suffix in _DOUBLING else kept), suffix
    return word, ""


def _undoubled(word: str) -> str:
    """Planned, stopping: English doubles a final consonant before -ed and -ing."""
    if len(word) >= STEM_MIN and word[-1] == word[-2] and word[-1] not in _KEPT_DOUBLE:
        return word[:-1]
    return word
