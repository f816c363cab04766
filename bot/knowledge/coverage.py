"""Which sentences of each source no entry cites.

The knowledge should cover every fact its sources state, so that a member asking about any
of them gets an answer rather than "not covered". A sentence counts as cited when the
quotes citing its source cover at least half of its (non-space) characters. A line shorter
than the shortest quote allowed (a crosshead such as "'Sad day'") states no fact to cite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.model import Knowledge, Source
from bot.knowledge.quotes import quote_spans
from bot.knowledge.validate import QUOTE_MIN_WORDS, word_count
from bot.language.sentences import SENTENCE_STARTERS, sentence_ends

CITED_SHARE = 0.5
__all__ = ["SENTENCE_STARTERS", "Sentence", "coverage", "source_coverage", "split_sentences"]

_SIGN_OFF = re.compile(r"\s/[A-Z][A-Za-z/]*\s*\Z")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a source: its offsets in the text and the line it starts on."""

    start: int
    end: int
    line: int
    text: str


@dataclass(frozen=True)
class SourceCoverage:
    """The sentences of one source and those of them no entry cites."""

    source_id: str
    total: int
    uncited: tuple[Sentence, ...]


def split_sentences(text: str) -> list[Sentence]:
    """Split a source text into sentences, keeping "U.S. House" and "Mr. Smith" whole.

    Paragraphs (lines) always end a sentence. Within one, a sentence ends at ".", "!", "?"
    or "…" (and any closing quotes) followed by a space and a capital, unless the word
    before is an abbreviation, an initial, or an initialism such as "U.S." followed by
    a word that does not usually open a sentence. A closing sign-off such as "/WIRE"
    is not a sentence.
    """
    sign_off = _SIGN_OFF.search(text)
    body_end = sign_off.start() if sign_off else len(text)
    sentences: list[Sentence] = []
    line, counted = 1, 0
    for start, end in _paragraphs(text, body_end):
        # A paragraph is one line: its number is counted on from the last paragraph's,
        # not from the top of the text for each sentence (quadratic in a long source).
        line += text.count("\n", counted, start)
        counted = start
        cut = start
        for boundary in sentence_ends(text, start, end):
            sentences.extend(_sentence(text, cut, boundary, line))
            cut = boundary
        sentences.extend(_sentence(text, cut, end, line))
    return sentences


def coverage(knowledge: Knowledge) -> list[SourceCoverage]:
    """The uncited sentences of every source, in source id order."""
    return [source_coverage(knowledge, source) for _, source in sorted(knowledge.sources.items())]


def source_coverage(knowledge: Knowledge, source: Source) -> SourceCoverage:
    """The sentences of one source that no entry cites, and how many it has."""
    covered = bytearray(len(source.text))
    for entry in knowledge.entries.values():
        for citation in entry.citations:
            if citation.source_id == source.id:
                for start, end in quote_spans(citation.quote, source.text):
                    covered[start:end] = b"\x01" * (end - start)
    sentences = [s for s in split_sentences(source.text) if word_count(s.text) >= QUOTE_MIN_WORDS]
    uncited = tuple(s for s in sentences if not _is_cited(source.text, covered, s))
    return SourceCoverage(source.id, len(sentences), uncited)


def _is_cited(text: str, covered: bytearray, sentence: Sentence) -> bool:
    positions = [i for i in range(sentence.start, sentence.end) if not text[i].isspace()]
    cited = sum(covered[i] for i in positions)
    return cited >= CITED_SHARE * len(positions)


def _paragraphs(text: str, end: int) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in re.finditer(r"[^\n]+", text[:end])]


def _sentence(text: str, start: int, end: int, line: int) -> list[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    begin = start + len(piece) - len(piece.lstrip())
    return [Sentence(begin, begin + len(stripped), line, " ".join(stripped.split()))]
