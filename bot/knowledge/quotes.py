"""Finding a citation's quote in its source text.

A quote must stand in its source verbatim. The only leniency is for differences a reader
cannot see or that keyboards make unavoidable: runs of whitespace, and the typographic
variants of quotes, dashes and the ellipsis (’ for ', “ for ", — for -, … for ...).
Anything else, even one changed word, is a different quote and is refused.
"""

from __future__ import annotations

import difflib
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

CONTEXT_SHARE = 5
# Up to this many characters the whole source is aligned with the quote at once; beyond,
# only the few windows that words of the quote point to, so a long source costs little more
# than reading it a few times.
WHOLE_TEXT_LIMIT = 20_000
ANCHOR_WORDS = 3
ANCHORS_MAX = 48
ANCHOR_HITS_MAX = 50
WINDOWS_MAX = 3
DIFFERENCE_CONTEXT = 3
_MARK = "^"
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
_PLAIN_MARKS = str.maketrans(TYPOGRAPHIC)
# Whether a text holds a typographic mark at all: most hold none, and translating one
# character at a time was much of a 10,000-entry load's time.
_A_TYPOGRAPHIC_MARK = re.compile("[" + re.escape("".join(TYPOGRAPHIC)) + "]")


@dataclass(frozen=True)
class NormalisedText:
    """A text with whitespace collapsed and typographic variants replaced.

    `origin[i]` is the index in the original text of normalised character `i`, so a match
    found in the normalised text can be shown, or measured, in the original.
    """

    text: str
    origin: Sequence[int]

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
    """The form in which two texts are compared: one space per whitespace run, plain marks.

    Computed directly, not through the cache of `normalised_text`: a load normalises
    thousands of short texts (quotes, phrasings), which would push the few long source
    texts out of that cache and make each quote check normalise its source again.
    """
    if _A_TYPOGRAPHIC_MARK.search(text) is not None:
        text = text.translate(_PLAIN_MARKS)
    return " ".join(text.split())


@lru_cache(maxsize=32)
def normalised_text(text: str) -> NormalisedText:
    """Normalise `text`, remembering where each character came from.

    Cached because a load checks many quotes against the same few long source texts.
    """
    chars: list[str] = []
    origin = array("q")  # 8 bytes an index, where a list of ints takes over 30
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
    return NormalisedText("".join(chars), origin)


def find_quote(quote: str, text: str) -> bool:
    """Whether `quote` stands verbatim in `text` (up to whitespace and typographic marks)."""
    needle = normalise(quote)
    return bool(needle) and needle in normalised_text(text).text


def quote_spans(quote: str, text: str) -> list[tuple[int, int]]:
    """Every place `quote` occurs in `text`, as (start, end) offsets in `text`."""
    return normalised_text(text).spans(quote)


@dataclass(frozen=True)
class Misquote:
    """What the source says where a quote not found in it comes closest.

    `passage` is the closest passage in whole words on one line, in the source's own
    typography, ready to copy ("" when nothing is alike). `difference`, when there is one,
    is the quote's and the source's wording where they first part, the differing words
    between "^" marks ("^^" where one side has nothing).
    """

    passage: str
    difference: tuple[str, str] | None


def misquote(quote: str, text: str) -> Misquote:
    """Where `quote` comes closest in `text`, and where it first differs from it there.

    The best-matching window is widened by a fifth of the quote's length each side (a
    misquote is often shorter than the original), but not into the neighbouring
    sentences. The difference is found against the window as aligned, before that
    fitting to sentences, so a quote starting mid-sentence shows its real slip.
    """
    source = normalised_text(text)
    needle = normalise(quote)
    if not source.text or not needle:
        return Misquote("", None)
    window = _best_window(needle, source.text)
    if window is None:
        return Misquote("", None)
    margin = len(needle) // CONTEXT_SHARE
    aligned = _whole_words(source.text, window[0] - margin, window[1] + margin)
    start, end = _widen(source.text, window[0], window[1], len(needle))
    passage = text[source.origin[start] : source.origin[end - 1] + 1]
    return Misquote(" ".join(passage.split()), first_difference(needle, aligned))


def first_difference(quote: str, passage: str) -> tuple[str, str] | None:
    """Where `quote` first departs from `passage`, as the two wordings with the words marked.

    Words are compared after normalisation, so only real differences show. Words of the
    passage before or after the quote's own are context, not a difference. Each side is
    a few words of context around the differing ones.
    """
    said = normalise(quote).split()
    source = normalise(passage).split()
    matcher = difflib.SequenceMatcher(None, said, source, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        at_an_end = index in (0, len(opcodes) - 1)
        if tag == "equal" or (at_an_end and tag == "insert"):
            continue
        before = min(DIFFERENCE_CONTEXT, i1)
        after = min(DIFFERENCE_CONTEXT, len(said) - i2)
        lead = "… " if i1 > before else ""
        tail = " …" if i2 + after < len(said) else ""
        return tuple(
            lead + _marked(words, start, end, before, after) + tail
            for words, start, end in ((said, i1, i2), (source, j1, j2))
        )
    return None


def _whole_words(haystack: str, start: int, end: int) -> str:
    """`haystack[start:end]` widened to whole words."""
    start, end = max(0, start), min(len(haystack), end)
    while start > 0 and haystack[start - 1] != " ":
        start -= 1
    while end < len(haystack) and haystack[end] != " ":
        end += 1
    return haystack[start:end]


def _marked(words: list[str], start: int, end: int, before: int, after: int) -> str:
    """The words from `start` to `end` between marks, with `before` and `after` words around."""
    marked = f"{_MARK}{' '.join(words[start:end])}{_MARK}"
    return " ".join([*words[start - before : start], marked, *words[end : end + after]])


def _best_window(needle: str, haystack: str) -> tuple[int, int] | None:
    """The (start, end) of the part of `haystack` that best aligns with `needle`.

    A long haystack is aligned only around the places its words point to (see
    `_candidate_starts`): aligning a 1,000-character quote with all of a 5 MB source took
    over half a minute, and a moderator's write waited for it.
    """
    if len(haystack) <= WHOLE_TEXT_LIMIT:
        alignment = fuzz.partial_ratio_alignment(needle, haystack)
        return alignment.dest_start, alignment.dest_end
    best: tuple[float, int, int] | None = None
    reach = len(needle) // 2 + 1
    for start in _candidate_starts(needle, haystack):
        low, high = max(0, start - reach), min(len(haystack), start + len(needle) + reach)
        alignment = fuzz.partial_ratio_alignment(needle, haystack[low:high])
        if best is None or alignment.score > best[0]:
            best = (alignment.score, low + alignment.dest_start, low + alignment.dest_end)
    return None if best is None else (best[1], best[2])


def _candidate_starts(needle: str, haystack: str) -> list[int]:
    """Where in `haystack` the quote most likely starts, most likely first.

    Each run of a few words of the quote found in the source votes for the start it
    implies; runs found too often (common phrases) count only when nothing rarer is found.
    Single words are tried only when no run of words is found at all.
    """
    bucket = max(16, len(needle) // 4)
    crowded: Counter[int] = Counter()
    for size in (ANCHOR_WORDS, 1):
        votes: Counter[int] = Counter()
        for offset, anchor in _anchors(needle, size):
            hits = _occurrences(haystack, anchor, ANCHOR_HITS_MAX + 1)
            cells = [max(0, hit - offset) // bucket for hit in hits]
            (votes if len(hits) <= ANCHOR_HITS_MAX else crowded).update(cells)
        if votes:
            return [cell * bucket for cell, _ in votes.most_common(WINDOWS_MAX)]
    return [cell * bucket for cell, _ in crowded.most_common(WINDOWS_MAX)]


def _anchors(needle: str, size: int) -> list[tuple[int, str]]:
    """Runs of `size` words of `needle` with their offsets, evenly spread, at most ANCHORS_MAX."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", needle)]
    runs = [
        (words[i][0], " ".join(w for _, w in words[i : i + size]))
        for i in range(len(words) - size + 1)
    ]
    if size == 1:
        runs = sorted(runs, key=lambda run: -len(run[1]))
    step = max(1, len(runs) // ANCHORS_MAX)
    return runs[::step][:ANCHORS_MAX]


def _occurrences(haystack: str, anchor: str, limit: int) -> list[int]:
    found: list[int] = []
    start = haystack.find(anchor)
    while start != -1 and len(found) < limit:
        found.append(start)
        start = haystack.find(anchor, start + 1)
    return found


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
    ends = [match.end() for match in _SENTENCE_END.finditer(haystack, start, end)]
    if ends and ends[0] - start < spill:
        start = ends[0] + 1
    if ends and end - ends[-1] < spill and ends[-1] > start:
        end = ends[-1]
    return start, end


def _ends_sentence(haystack: str, index: int) -> bool:
    """Whether a sentence ends at `index` (or just before its space), or the text does."""
    if index <= 0 or index >= len(haystack):
        return True
    return bool(
        _AT_SENTENCE_END.search(haystack, 0, index)
        or (haystack[index - 1] == " " and _AT_SENTENCE_END.search(haystack, 0, index - 1))
    )


_QUOTATION_MARK = re.compile("''|[\"“”„‟«»]")
_CLOSING_MARKS = "”»"
_OPENING_MARKS = "“„‟«"


def unpaired_fix(quote: str) -> str | None:
    """The quote cut to the words inside its quotation marks, when the marks do not pair up.

    A quote taken from the middle of a quotation ends with a lone closing mark and the
    attribution (`...the vote,” she said.`), which reads oddly in a block quote; the
    speaker field already says who spoke. None when the marks pair up (or nothing sensible
    is left after cutting).
    """
    marks = list(_QUOTATION_MARK.finditer(quote))
    if len(marks) % 2 == 0:
        return None
    first, last = marks[0], marks[-1]
    if _is_closing(quote, first):
        fix = quote[: first.start()].rstrip(" ,;:")
    elif not _is_closing(quote, last):
        fix = quote[last.end() :].strip()
    else:
        return None
    return fix if len(fix.split()) > 1 else None


def _is_closing(text: str, mark: re.Match[str]) -> bool:
    """Whether a quotation mark closes a quotation: by its shape, or by what stands around it."""
    if mark.group() in _CLOSING_MARKS:
        return True
    if mark.group() in _OPENING_MARKS:
        return False
    before = text[mark.start() - 1 : mark.start()]
    after = text[mark.end() : mark.end() + 1]
    return bool(before) and not before.isspace() and (not after or not after.isalnum())
