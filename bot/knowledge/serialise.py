"""Entries and sources written as YAML in the documented format (knowledge/README.md).

Every text value is double-quoted, so YAML 1.1 never reads an answer like `no` or a date
like `2025-12` as a boolean or a date, and keys come in one fixed order, so a file written
from Discord diffs cleanly against one written by hand. The loader reads these back into
equal values (tested by round trip).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from bot.knowledge.model import Entry, Source

SOURCE_KEYS = ("id", "title", "outlet", "author", "published", "url", "language", "added")
# One line per value: PyYAML wraps quoted text with escaped line breaks, which reviewers
# would have to decode; a long line diffs more plainly.
_NEVER_WRAP = 1 << 20


def entry_to_data(entry: Entry) -> dict[str, Any]:
    """The entry as the plain mapping its YAML file holds (and the validator reads)."""
    return {
        "id": entry.id,
        "question": entry.question,
        "topic": entry.topic,
        "answer": entry.answer,
        "phrasings": list(entry.phrasings),
        "citations": [
            {"source": c.source_id, "quote": c.quote, "speaker": c.speaker} for c in entry.citations
        ],
    }


def source_to_data(source: Source) -> dict[str, Any]:
    """The source's metadata as the plain mapping its YAML file holds (text not included)."""
    return {key: getattr(source, key) for key in SOURCE_KEYS}


def entry_to_yaml(entry: Entry) -> str:
    """The text of the entry's file."""
    return _dump(entry_to_data(entry))


def source_to_yaml(source: Source) -> str:
    """The text of the source's metadata file."""
    return _dump(source_to_data(source))


def data_to_yaml(data: Mapping[str, Any]) -> str:
    """Unvalidated data written as its file would be: a refused form, handed back whole."""
    return _dump(dict(data))


class _Quoted(str):
    """A text value, always written double-quoted."""

    __slots__ = ()


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the hand-written files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Never indentless: `phrasings:` is followed by `  - "..."`."""
        super().increase_indent(flow, False)


def _represent_quoted(dumper: yaml.SafeDumper, value: _Quoted) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


_Dumper.add_representer(_Quoted, _represent_quoted)


def _quote_values(value: Any) -> Any:
    if isinstance(value, str):
        return _Quoted(value)
    if isinstance(value, dict):
        return {key: _quote_values(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_quote_values(item) for item in value]
    return value


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(
        _quote_values(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=_NEVER_WRAP,
        default_flow_style=False,
    )
