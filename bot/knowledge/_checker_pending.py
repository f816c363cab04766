"""Interim stand-in for the checker's `validate_entry_data` / `validate_source_data`.

Same signatures as the checker branch provides (see interfaces.md); it only builds the
values, without the rules. Deleted when branch `checker` is merged.
"""

from __future__ import annotations

from typing import Any

from bot.knowledge.loader import Problem
from bot.knowledge.model import Citation, Entry, Knowledge, Source


def validate_entry_data(
    data: dict[str, Any], knowledge: Knowledge, label: str
) -> tuple[Entry | None, list[Problem]]:
    """Build the entry from `data`; a missing field is the only problem found."""
    try:
        entry = Entry(
            id=data["id"],
            question=data["question"],
            answer=data["answer"],
            topic=data["topic"],
            phrasings=tuple(data.get("phrasings") or ()),
            citations=tuple(
                Citation(source_id=c["source"], quote=c["quote"], speaker=c["speaker"])
                for c in data["citations"]
            ),
        )
    except (KeyError, TypeError) as error:
        return None, [Problem(label, f"missing {error}")]
    return entry, []


def validate_source_data(
    data: dict[str, Any], text: str, label: str
) -> tuple[Source | None, list[Problem]]:
    """Build the source from `data` and `text`; a missing field is the only problem found."""
    try:
        source = Source(
            id=data["id"],
            title=data["title"],
            outlet=data["outlet"],
            published=str(data["published"]),
            language=data["language"],
            added=str(data["added"]),
            text=text,
            author=data.get("author"),
            url=data.get("url"),
        )
    except (KeyError, TypeError) as error:
        return None, [Problem(label, f"missing {error}")]
    return source, []
