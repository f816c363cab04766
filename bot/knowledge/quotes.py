"""Finding a citation's quote in its source text.

A quote must stand in its source verbatim. The only leniency is for differences a reader
cannot see or that keyboards make unavoidable: runs of whitespace, and the typographic
variants of quotes, dashes and the ellipsis (’ for ', “ for ", — for -, … for ...).
Anything else, even one changed word, is a different quote and is refused.
"""

from __future__ import annotations

import bisect
import difflib
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from bot.language.sentences import sentence_ends

# A quote is evidence for an answer, so it must say something: a subject, a verb and what
# is said of it is the shortest statement ("ministers approved it"). One or two words
# ("a", "the minister") stand in almost any text and would cite nothing.
QUOTE_MIN_WORDS = 3
_WORD_CHARACTER = re.compile(r"\w")

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
# What a word may carry around it that is not a wording: a quotation mark opening or
# closing a quotation ("Over begins the quote Over recent years...).
_QUOTATION_MARKS = "\"'"
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
        for start in self.whole_word_starts(needle):
            end = start + len(needle)
            found.append((self.origin[start], self.origin[end - 1] + 1))
        return found

    def whole_word_starts(self, needle: str) -> Iterator[int]:
        """Where the normalised `needle` stands in the text, neither end inside a word.

        "possible to advance" is not in "it is impossible to advance": a quote cut inside a
        word can say the opposite of its source.
        """
        text, size = self.text, len(needle)
        start = text.find(needle)
        while start != -1:
            end = start + size
            cut_before = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
            cut_after = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
            if not (cut_before or cut_after):
                yield start
            start = text.find(needle, start + 1)


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
    """Whether `quote` stands verbatim in `text`, from a word's start to a word's end.

    Up to whitespace and typographic marks (see `normalise`).
    """
    needle = normalise(quote)
    starts = normalised_text(text).whole_word_starts(needle)
    return bool(needle) and next(starts, None) is not None


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
    start, end = _widen(source.text, window[0], window[1], needle)
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
    matcher = difflib.SequenceMatcher(None, _keys(said), _keys(source), autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        at_an_end = index in (0, len(opcodes) - 1)
        if tag == "equal" or (at_an_end and tag == "insert"):
            continue
        if tag == "replace" and index == 0:  # the source's words before the quote's own
            j1 = max(j1, j2 - (i2 - i1))
        if tag == "replace" and index == len(opcodes) - 1:  # and after them
            j2 = min(j2, j1 + (i2 - i1))
        before = min(DIFFERENCE_CONTEXT, i1)
        after = min(DIFFERENCE_CONTEXT, len(said) - i2)
        lead = "… " if i1 > before else ""
        tail = " …" if i2 + after < len(said) else ""
        return tuple(
            lead + _marked(words, start, end, before, after) + tail
            for words, start, end in ((said, i1, i2), (source, j1, j2))
        )
    return None


def _keys(words: list[str]) -> list[str]:
    """The words as compared: a quotation mark at either end is not part of the wording.

    A quote opening a quotation starts where the source's quotation mark stands, or just
    after it; either way its first word is the source's, not a difference.
    """
    return [word.strip(_QUOTATION_MARKS) or word for word in words]


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


def _widen(haystack: str, start: int, end: int, needle: str) -> tuple[int, int]:
    """Fit the aligned window to the sentences it is mostly in, with a little context."""
    ends = _sentence_ends(haystack)
    start, end = _trim_to_sentence(haystack, ends, start, end, needle)
    margin = len(needle) // CONTEXT_SHARE
    if not _ends_sentence(haystack, ends, start):
        before = _within(ends, start - margin, start)
        start = before[-1] + 1 if before else max(0, start - margin)
    if not _ends_sentence(haystack, ends, end):
        after = _within(ends, end, end + 2 * margin)
        end = after[0] if after else min(len(haystack), end + margin)
    while start < end and haystack[start] == " ":
        start += 1
    while start > 0 and haystack[start - 1] != " ":
        start -= 1
    while end < len(haystack) and haystack[end] != " ":
        end += 1
    return start, max(end, start + 1)


def _trim_to_sentence(
    haystack: str, ends: list[int], start: int, end: int, needle: str
) -> tuple[int, int]:
    """Drop a short spill of the window into the sentence before or after.

    Not when the quote's own first (or last) words stand in that spill: then the short
    sentence is the quote's own first (or last) one.
    """
    inside = _within(ends, start, end)
    if not inside:
        return start, end
    spill = (end - start) // 3
    words = needle.split()
    opening = " ".join(words[:ANCHOR_WORDS]).lstrip(_QUOTATION_MARKS)
    closing = " ".join(words[-ANCHOR_WORDS:]).rstrip(_QUOTATION_MARKS)
    # The alignment may start a character or a word into the quote: look from just before.
    head = haystack[max(0, start - len(opening)) : inside[0]]
    tail = haystack[inside[-1] : end + len(closing)]
    if inside[0] - start < spill and opening not in head:
        start = inside[0] + 1
    if end - inside[-1] < spill and inside[-1] > start and closing not in tail:
        end = inside[-1]
    return start, end


@lru_cache(maxsize=32)
def _sentence_ends(text: str) -> list[int]:
    """Where the sentences of a (normalised) source end, by the shared sentence splitter.

    Abbreviations ("U.S.", "Jan.") end none, as in the coverage check.
    """
    return sentence_ends(text)


def _within(ends: list[int], low: int, high: int) -> list[int]:
    """The sentence ends strictly after `low` and up to `high`, in order."""
    return ends[bisect.bisect_right(ends, low) : bisect.bisect_right(ends, high)]


def _ends_sentence(haystack: str, ends: list[int], index: int) -> bool:
    """Whether a sentence ends at `index` (or just before its space), or the text does."""
    if index <= 0 or index >= len(haystack):
        return True
    position = bisect.bisect_left(ends, index - 1)
    nearby = ends[position : position + 2]
    return index in nearby or (haystack[index - 1] == " " and index - 1 in nearby)


_QUOTATION_MARK = re.compile("''|[\"“”„‟«»]")
_CLOSING_MARKS = "”»"
_OPENING_MARKS = "“„‟«"


def word_count(text: str) -> int:
    """How many words `text` has: the runs between spaces that hold a letter or digit."""
    return sum(1 for token in text.split() if _WORD_CHARACTER.search(token))


def unpaired_fix(quote: str) -> str | None:
    """The quote cut to the words inside its quotation marks, when the marks do not pair up.

    A quote taken from the middle of a quotation ends with a lone closing mark and the
    attribution (`...the vote,” she said.`), which reads oddly in a block quote; the
    speaker field already says who spoke. None when the marks pair up, or when what is left
    after cutting is too short to be a quote.
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
    return fix if word_count(fix) >= QUOTE_MIN_WORDS else None


def marks_unpaired(text: str) -> bool:
    """Whether the quotation marks of `text` do not pair up: it opens or closes a quotation."""
    return len(_QUOTATION_MARK.findall(text)) % 2 == 1


def _is_closing(text: str, mark: re.Match[str]) -> bool:
    """Whether a quotation mark closes a quotation: by its shape, or by what stands around it."""
    if mark.group() in _CLOSING_MARKS:
        return True
    if mark.group() in _OPENING_MARKS:
        return False
    before = text[mark.start() - 1 : mark.start()]
    after = text[mark.end() : mark.end() + 1]
    return bool(before) and not before.isspace() and (not after or not after.isalnum())
