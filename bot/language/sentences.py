"""Where sentences end: one splitter for the sources and for members' questions.

A full stop after an abbreviation ("Mr.", "Jan."), an initial ("J. Smith") or an initialism
followed by a word that does not usually open a sentence ("the U.S. reduced") ends no
sentence. The coverage check splits sources with it; the engine splits a message into the
questions it asks and finds the sentence that asks. Sources are edited prose, where a
sentence opens with a capital; chat is not ("what is x? and who is y"), so in chat any
"?", "!" or ":" ends a sentence, and so does a full stop that ends no abbreviation.
"""

from __future__ import annotations

import re
from itertools import pairwise

_ABBREVIATION_WORDS = """
    mr mrs ms dr prof st gen lt col sgt capt adm sen rep gov pres amb jr sr no nos vs etc
    approx est dept inc ltd co corp fig jan feb mar apr jun jul aug sep sept oct nov dec
"""
_STARTER_WORDS = """
    a an the this that these those it its he she they we i in on at for but and however
    meanwhile although while when after before since as if there here his her their our
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
# Abbreviations that end names and lists, and so often a sentence: "...Construction Co.
# Ltd. Both companies said" ends one at "Ltd.", which a capital after it shows, unless
# that capital opens another abbreviation ("Co. Ltd.").
_OFTEN_FINAL = frozenset(("inc", "ltd", "co", "corp", "plc", "llc", "etc"))
# Words that usually open a sentence: after "U.S." one of them says the sentence ended.
SENTENCE_STARTERS = frozenset(_STARTER_WORDS.split())
_OPENERS = "\"'“‘«([„"
# Each starts only where a run of stops starts: tried at every stop of a long run not
# followed by a space ("....x"), each try ate the rest of the run (quadratic in the run).
_TERMINATOR = re.compile(r"(?:(?<![.!?])[.!?]+|…)[\"'”’»)\]]*(?=\s)")
_CHAT_TERMINATOR = re.compile(r"(?:(?<![.!?])[.!?]+|…)[\"'”’»)\]]*(?=\s)")
_CHAT_OR_COLON = re.compile(r"(?:(?<![.!?:])[.!?:]+|…)[\"'”’»)\]]*(?=\s)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+")
# What follows a terminator, after spaces: anything at all, and its first character after
# opening marks. Read in place, never as a copy of the rest of the text, which made a long
# source's splitting take quadratic time.
_FOLLOWING = re.compile(r"\s*(?P<rest>[" + re.escape(_OPENERS) + r"]*(?P<first>\S?))")
# How far around a full stop an abbreviation, or the word after an initialism, is read.
_WORD_REACH = 64
_NEXT_WORD = re.compile(r"\s*(\S{0," + str(_WORD_REACH) + r"})")


def sentence_ends(
    text: str, start: int = 0, end: int | None = None, chat: bool = False, colon: bool = False
) -> list[int]:
    """Offsets within text[start:end] where one sentence ends and the next begins.

    In prose (`chat` false) the next sentence must open with a capital or a digit. With
    `colon`, a colon ends a sentence of chat too: "Two countries: which is older?" is
    one question, but what it asks is what follows the colon.
    """
    end = len(text) if end is None else end
    terminator = (_CHAT_OR_COLON if colon else _CHAT_TERMINATOR) if chat else _TERMINATOR
    found: list[int] = []
    for match in terminator.finditer(text, start, end):
        following = _FOLLOWING.match(text, match.end(), end)
        if not following["rest"] or _abbreviated(text, start, match):
            continue
        first = following["first"]
        if chat or first.isupper() or first.isdigit():
            found.append(match.end())
    return found


def split_chat(text: str, colon: bool = False) -> list[str]:
    """The sentences of a member's message, stripped, in order ("U.S." ends none)."""
    cuts = [0, *sentence_ends(text, chat=True, colon=colon), len(text)]
    pieces = (text[a:b].strip() for a, b in pairwise(cuts))
    return [piece for piece in pieces if piece]


def _abbreviated(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether the full stop ending `match` belongs to an abbreviation, not a sentence end."""
    if match.group() != ".":
        return False
    word = text[max(start, match.end() - _WORD_REACH) : match.end()]
    word = word.rsplit(maxsplit=1)[-1].lstrip(_OPENERS)
    abbreviation = word[:-1].casefold()
    if abbreviation in _OFTEN_FINAL:
        following = _next_word(text, match.end()).strip(_OPENERS)
        opens_another = following.rstrip(".").casefold() in _ABBREVIATIONS
        return not following[:1].isupper() or opens_another
    if abbreviation in _ABBREVIATIONS:
        return True
    if len(word) == 2 and word[0].isupper():
        return True
    if _INITIALISM.fullmatch(word):
        following = _next_word(text, match.end())
        return following.strip(_OPENERS).casefold() not in SENTENCE_STARTERS
    return False


def _next_word(text: str, start: int) -> str:
    """The word after `start`, past any spaces (its first `_WORD_REACH` characters)."""
    return _NEXT_WORD.match(text, start).group(1)
