"""Questions built to be as costly as possible to read, for the benchmark and the tests.

A member can send any text. What one question costs must not depend on how it is written,
so these questions repeat, up to the length the engine reads, every word and phrase the
engine's own patterns and word lists look for (where backtracking would start), and add
long runs of punctuation, of one letter, of digits and of mixed scripts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from bot.engine import compound, lexicon
from bot.engine.decision import MAX_QUESTION_CHARS
from bot.engine.lexicon import Lexicon

# Texts that are not words: runs of punctuation, one letter, digits, mixed scripts,
# invisible characters and markup.
_RUNS = (
    "?",
    "?!",
    ". ",
    ", ",
    "a",
    "9",
    "1 ",
    "ё ",
    "ç ",
    "字",
    "\u200b",
    "<@1> ",
    "'s ",
    "-",
    "( ",
    "% ",
)


# Made-up words of the lengths the look-up for misspellings treats apart (four letters:
# stopwords and swaps only; five and six: one edit; seven: one, then two keeping the first
# letter; eight or more: two), of letters that make no English, Albanian or Serbian word.
_CONSONANTS = "bcdfgklmnprstvz"
_MADE_UP_LENGTHS = (4, 6, 7, 9)


def _pattern_phrases(language: Lexicon) -> set[str]:
    """Every literal word, and pair of words, that the engine's patterns look for."""
    phrases: set[str] = set()
    for holder in (lexicon, compound, language):
        for value in vars(holder).values():
            if isinstance(value, re.Pattern):
                words = re.findall(r"[a-z]+", value.pattern)
                phrases.update(words)
                phrases.update(" ".join(pair) for pair in itertools.pairwise(words))
    return phrases


def _listed_words(language: Lexicon) -> set[str]:
    """Every word of the engine's word lists, and of the knowledge's vocabulary."""
    words: set[str] = set()
    for value in (*vars(lexicon).values(), *vars(language).values()):
        if isinstance(value, frozenset) and all(isinstance(item, str) for item in value):
            words.update(value)
    return words


def _filled(unit: str, limit: int) -> str:
    """`unit` repeated up to `limit` characters."""
    return (unit * (limit // max(1, len(unit)) + 1))[:limit]


def _made_up_words(length: int, limit: int) -> str:
    """Distinct made-up words of `length` letters, up to `limit` characters.

    No entry has them, so each is looked up as a misspelling of a known word: the costliest
    words to read, as a repeated word is looked up once.
    """
    words = ("".join(letters) for letters in itertools.product(_CONSONANTS, repeat=length))
    return " ".join(itertools.islice(words, limit // (length + 1)))


def hostile_questions(language: Lexicon, limit: int = MAX_QUESTION_CHARS) -> Iterator[str]:
    """Questions of `limit` characters, each a repetition of one costly unit.

    `language` is the lexicon of the knowledge the questions are for (see `Engine.lexicon`).
    """
    phrases = sorted(_pattern_phrases(language) | _listed_words(language))
    for phrase in phrases:
        yield _filled(phrase + " ", limit)
        yield _filled(phrase + "? ", limit)
    for run in _RUNS:
        yield _filled(run, limit)
    yield _filled("when did why how many who is ", limit)
    yield _filled("tell me what i want to know ", limit)
    for length in _MADE_UP_LENGTHS:
        yield _made_up_words(length, limit)
