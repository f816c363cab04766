"""Which sentences of each source no entry cites.

The knowledge should cover every fact its sources state, so that a member asking about any
of them gets an answer rather than "not covered". A sentence counts as cited when the
quotes citing its source cover at least half of its (non-space) characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.model import Knowledge, Source
from bot.knowledge.quotes import quote_spans

CITED_SHARE = 0.5

_ABBREVIATION_WORDS = """
    mr mrs ms dr prof st gen lt col sgt capt adm sen rep gov pres amb jr sr no nos vs etc
    approx est dept inc ltd co corp fig jan feb mar apr jun jul aug sep sept oct nov dec
"""
_STARTER_WORDS = """
    a an the this that these those it its he she they we i in on at for but and however
    meanwhile although while when after before since as if there here his her their our
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
SENTENCE_STARTERS = frozenset(_STARTER_WORDS.split())
_OPENERS = "\"'“‘«([„"
_TERMINATOR = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+")
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
    for start, end in _paragraphs(text, body_end):
        cut = start
        for boundary in _boundaries(text, start, end):
            sentences.extend(_sentence(text, cut, boundary))
            cut = boundary
        sentences.extend(_sentence(text, cut, end))
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
    sentences = split_sentences(source.text)
    uncited = tuple(s for s in sentences if not _is_cited(source.text, covered, s))
    return SourceCoverage(source.id, len(sentences), uncited)


def _is_cited(text: str, covered: bytearray, sentence: Sentence) -> bool:
    positions = [i for i in range(sentence.start, sentence.end) if not text[i].isspace()]
    cited = sum(covered[i] for i in positions)
    return cited >= CITED_SHARE * len(positions)


def _paragraphs(text: str, end: int) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in re.finditer(r"[^\n]+", text[:end])]


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets within text[start:end] where one sentence ends and the next begins."""
    found: list[int] = []
    for match in _TERMINATOR.finditer(text, start, end):
        following = text[match.end() : end].lstrip()
        if following and _opens_sentence(following) and not _abbreviated(text, start, match):
            found.append(match.end())
    return found


def _opens_sentence(following: str) -> bool:
    first = following.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def _abbreviated(text: str, start: int, match: re.Match[str]) -> bool:
    """Whether the full stop ending `match` belongs to an abbreviation, not a sentence end."""
    if match.group() != ".":
        return False
    word = text[start : match.end()].split()[-1].lstrip(_OPENERS)
    if word[:-1].casefold() in _ABBREVIATIONS:
        return True
    if len(word) == 2 and word[0].isupper():
        return True
    if _INITIALISM.fullmatch(word):
        following = text[match.end() :].split(maxsplit=1)[0]
        return following.strip(_OPENERS).casefold() not in SENTENCE_STARTERS
    return False


def _sentence(text: str, start: int, end: int) -> list[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    begin = start + len(piece) - len(piece.lstrip())
    line = text.count("\n", 0, begin) + 1
    return [Sentence(begin, begin + len(stripped), line, " ".join(stripped.split()))]
