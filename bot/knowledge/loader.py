"""Read the knowledge folder into a snapshot, or into the list of what is wrong with it.

A load never returns half the knowledge: either every file is valid and a complete
`Knowledge` comes back, or the problems do and the caller keeps what it had.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.knowledge.model import Citation, Entry, Knowledge, Source


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge, located as precisely as possible."""

    file: str
    message: str
    field: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


@dataclass(frozen=True)
class LoadResult:
    """Either a complete snapshot (no problems) or the problems (no snapshot)."""

    knowledge: Knowledge | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """Whether the load produced a snapshot that is safe to serve."""
        return self.knowledge is not None


def load_knowledge(root: Path) -> LoadResult:
    """Load and validate every source and entry under `root`."""
    sources = {s.id: s for s in (_read_source(p) for p in sorted(root.glob("sources/*.yaml")))}
    entries = {e.id: e for e in (_read_entry(p) for p in sorted(root.glob("entries/*.yaml")))}
    return LoadResult(Knowledge(entries=entries, sources=sources), ())


def _read_source(path: Path) -> Source:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_text(encoding="utf-8")
    return Source(
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


def _read_entry(path: Path) -> Entry:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Entry(
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
