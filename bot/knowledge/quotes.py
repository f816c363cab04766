"""Finding a citation's quote in its source text.

A quote must stand in its source verbatim. The only leniency is for differences a reader
cannot see or that keyboards make unavoidable: runs of whitespace, and the typographic
variants of quotes, dashes and the ellipsis (’ for ', “ for ", — for -, … for ...).
Anything else, even one changed word, is a different quote and is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

CONTEXT_SHARE = 5
_SENTENCE_END = re.compile(r"[.!?]+[\"')]*(?= )")
_AT_SENTENCE_END = re.compile(r"[.!?][\"')]*\Z")
TYPOGRAPHIC = {
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "‐": "-",
    "‑": "-",
    "‒": "-",
    "–": "-",
    "—": "-",
    "―": "-",
    "…": "...",
}


@dataclass(frozen=True)
class NormalisedText:
    """A text with whitespace collapsed and typographic variants replaced.

    `origin[i]` is the index in the original text of normalised character `i`, so a match
    found in the normalised text can be shown, or measured, in the original.
    """

    text: str
    origin: tuple[int, ...]

    def spans(self, quote: str) -> list[tuple[int, int]]:
        """Every place `quote` occurs, as (start, end) offsets in the original text."""
        needle = normalise(quote)
        found: list[tuple[int, int]] = []
        if not needle:
            return found
        start = self.text.find(needle)
        while start != -1:
            end = start + len(needle)
            found.append((self.origin[start], self.origin[end - 1] + 1))
            start = self.text.find(needle, start + 1)
        return found


def normalise(text: str) -> str:
    """The form in which two texts are compared: one space per whitespace run, plain marks."""
    return normalised_text(text).text


@lru_cache(maxsize=32)
def normalised_text(text: str) -> NormalisedText:
    """Normalise `text`, remembering where each character came from.

    Cached because a load checks many quotes against the same few long source texts.
    """
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                origin.append(index)
            continue
        for plain in TYPOGRAPHIC.get(char, char):
            chars.append(plain)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return NormalisedText("".join(chars), tuple(origin))


def find_quote(quote: str, text: str) -> bool:
    """Whether `quote` stands verbatim in `text` (up to whitespace and typographic marks)."""
    needle = normalise(quote)
    return bool(needle) and needle in normalise(text)


def quote_spans(quote: str, text: str) -> list[tuple[int, int]]:
    """Every place `quote` occurs in `text`, as (start, end) offsets in `text`."""
    return normalised_text(text).spans(quote)


def closest_passage(quote: str, text: str) -> str:
    """The passage of `text` most like `quote`, in whole words, on one line.

    Shown next to a refused quote so a moderator can see what the source really says, in
    its own typography, ready to copy. The best-matching window is widened by a fifth of
    the quote's length each side (a misquote is often shorter than the original), but not
    into the neighbouring sentences.
    """
    source = normalised_text(text)
    needle = normalise(quote)
    if not source.text or not needle:
        return ""
    alignment = fuzz.partial_ratio_alignment(needle, source.text)
    start, end = _widen(source.text, alignment.dest_start, alignment.dest_end, len(needle))
    passage = text[source.origin[start] : source.origin[end - 1] + 1]
    return " ".join(passage.split())


def _widen(haystack: str, start: int, end: int, length: int) -> tuple[int, int]:
    """Fit the aligned window to the sentence it is mostly in, with a little context."""
    start, end = _trim_to_sentence(haystack, start, end)
    margin = length // CONTEXT_SHARE
    if not _ends_sentence(haystack, start):
        before = haystack[max(0, start - margin) : start]
        ends = list(_SENTENCE_END.finditer(before))
        start -= len(before) - (ends[-1].end() + 1 if ends else 0)
    if not _ends_sentence(haystack, end):
        after = _SENTENCE_END.search(haystack, end, min(len(haystack), end + 2 * margin))
        end = after.end() if after else min(len(haystack), end + margin)
    while start < end and haystack[start] == " ":
        start += 1
    while start > 0 and haystack[start - 1] != " ":
        start -= 1
    while end < len(haystack) and haystack[end] != " ":
        end += 1
    return start, max(end, start + 1)


def _trim_to_sentence(haystack: str, start: int, end: int) -> tuple[int, int]:
    """Drop a short spill of the window into the sentence before or after."""
    spill = (end - start) // 3
    for match in _SENTENCE_END.finditer(haystack, start, end):
        if match.end() - start < spill:
            start = match.end() + 1
        elif end - match.end() < spill:
            return start, match.end()
    return start, end


def _ends_sentence(haystack: str, index: int) -> bool:
    """Whether a sentence ends at `index` (or just before its space), or the text does."""
    if index <= 0 or index >= len(haystack):
        return True
    return bool(
        _AT_SENTENCE_END.search(haystack, 0, index)
        or (haystack[index - 1] == " " and _AT_SENTENCE_END.search(haystack, 0, index - 1))
    )
