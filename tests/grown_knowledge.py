"""The shipped knowledge, and a copy grown the way a moderator grows it.

Tests of the shipped knowledge check invariants (it passes the check, quotes are verbatim,
every sentence is cited, every question and phrasing reaches its entry) that must hold
whatever moderators add. So each such test also runs on a copy grown with three new sources
on another subject and a few entries citing them (`tests/fixtures/sources-next`, copies
of the texts in `../shared/sources-next`, so the tests never depend on that folder).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.ops.settings import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "knowledge"
SOURCES_NEXT = Path(__file__).parent / "fixtures" / "sources-next"
KNOWLEDGE_KINDS = ("shipped", "grown")


def grow(root: Path) -> Path:
    """Copy the shipped knowledge to `root` and add the new sources and their entries."""
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("README.md"))
    for folder in ("sources", "entries"):
        for path in sorted((SOURCES_NEXT / folder).iterdir()):
            shutil.copyfile(path, root / folder / path.name)
    return root


def knowledge_root(kind: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped knowledge folder itself, or a grown copy of it in a temporary folder."""
    if kind == "shipped":
        return SHIPPED
    return grow(tmp_path_factory.mktemp("grown") / "knowledge")
