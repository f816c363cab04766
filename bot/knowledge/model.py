"""The knowledge as immutable values.

Everything here is frozen so a snapshot can be shared between the engine, the Discord
front end and a moderator's edit without anyone mutating it by accident.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Source:
    """A stored source text as reviewed, with the metadata a reply shows.

    `published` and `added` are ISO dates; `published` may be month-precise ("2025-12")
    when the outlet's page gives no day, so the bot never claims a day it does not know.
    """

    id: str
    title: str
    outlet: str
    published: str
    language: str
    added: str
    text: str
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Citation:
    """A verbatim quote from a stored source and who said or wrote it."""

    source_id: str
    quote: str
    speaker: str


@dataclass(frozen=True)
class Entry:
    """One question the knowledge answers, with its phrasings and citations."""

    id: str
    question: str
    answer: str
    topic: str
    phrasings: tuple[str, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class Forms:
    """Case forms: every stem followed by every ending is read as the word it stands for."""

    endings: tuple[str, ...]
    stems: Mapping[str, str]


@dataclass(frozen=True)
class Vocabulary:
    """What one vocabulary file teaches the engine about the subject's words.

    `names` are places, states and bodies; `people` those a question may ask to quote;
    `protagonists` the names the whole knowledge is about, and `topics` the names every entry
    is about whether it writes them or not; `aliases` map what people write onto the words
    the sources use, and `forms` add the inflected forms of names (see knowledge/README.md).
    """

    names: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    protagonists: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)
    forms: tuple[Forms, ...] = ()


def _frozen(mapping: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Knowledge:
    """A complete, validated snapshot of the knowledge.

    A snapshot is only ever built from a load that found no problem, so holding one means
    holding knowledge that is safe to serve.
    """

    entries: Mapping[str, Entry] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    # The vocabulary files by name (their file name without `.yaml`).
    vocabulary: Mapping[str, Vocabulary] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", _frozen(self.entries))
        object.__setattr__(self, "sources", _frozen(self.sources))
        object.__setattr__(self, "vocabulary", _frozen(self.vocabulary))

    def as_of(self, entry: Entry) -> str:
        """The publication date of the newest source the entry cites.

        Derived rather than stored, so it can never drift from the citations.
        """
        return max(self.sources[c.source_id].published for c in entry.citations)

    def newest_source_date(self) -> str:
        """The publication date of the newest stored source ("" with no source)."""
        return max((s.published for s in self.sources.values()), default="")
