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
import yaml

from bot.ops.settings import PROJECT_ROOT

SHIPPED = PROJECT_ROOT / "knowledge"
SOURCES_NEXT = Path(__file__).parent / "fixtures" / "sources-next"
KNOWLEDGE_KINDS = ("shipped", "grown")


def grow(root: Path) -> Path:
    """Copy the shipped knowledge to `root` and add the new sources and their entries.

    Where the shipped knowledge already holds one of those sources (a moderator added it
    since), the copy first leaves it out with the entries citing it, so it is still grown
    by another moderator's few entries on those texts.
    """
    shutil.copytree(SHIPPED, root, ignore=shutil.ignore_patterns("README.md"))
    _leave_out(root, {path.stem for path in (SOURCES_NEXT / "sources").glob("*.yaml")})
    for folder in ("sources", "entries"):
        for path in sorted((SOURCES_NEXT / folder).iterdir()):
            shutil.copyfile(path, root / folder / path.name)
    return root


def _leave_out(root: Path, source_ids: set[str]) -> None:
    """Remove those sources, and every entry citing one of them, from the copy at `root`."""
    for source_id in source_ids:
        for suffix in (".yaml", ".txt"):
            (root / "sources" / f"{source_id}{suffix}").unlink(missing_ok=True)
    for path in sorted((root / "entries").glob("*.yaml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        if any(citation["source"] in source_ids for citation in entry["citations"]):
            path.unlink()


def knowledge_root(kind: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped knowledge folder itself, or a grown copy of it in a temporary folder."""
    if kind == "shipped":
        return SHIPPED
    return grow(tmp_path_factory.mktemp("grown") / "knowledge")
