"""A small, valid knowledge folder that each test breaks in its own way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main

SOURCE_ID = "demo-source"
SOURCE_YAML = """\
id: demo-source
title: "A demo article"
outlet: "Demo Outlet"
author: null
published: "2025-12"
url: null
language: en
added: "2026-11-27"
"""
SOURCE_TEXT = """\
NATO has 32 members. The U.S. House of Representatives discussed the Western Balkans.

“Europe must be prepared,” the secretary general said.
/DEMO
"""
MEMBERS_YAML = """\
id: nato-members
question: "How many members does NATO have?"
topic: "Membership"
answer: "NATO has 32 members."
phrasings:
  - "how many nato members"
  - "nato membership size"
citations:
  - source: demo-source
    quote: "NATO has 32 members."
    speaker: "Demo Outlet"
"""
HOUSE_YAML = """\
id: us-house
question: "What did the U.S. House discuss?"
topic: "United States"
answer: >-
  The U.S. House of Representatives discussed the Western Balkans; NATO's head
  said Europe must be prepared.
phrasings:
  - "us house balkans"
citations:
  - source: demo-source
    quote: "The U.S. House of Representatives discussed the Western Balkans."
    speaker: "Demo Outlet"
  - source: demo-source
    quote: "\\"Europe must be prepared,\\" the secretary general said"
    speaker: "Demo Outlet"
"""


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    """A valid knowledge folder: one source, two entries citing every sentence of it."""
    root = tmp_path / "knowledge"
    (root / "sources").mkdir(parents=True)
    (root / "entries").mkdir()
    (root / "sources" / f"{SOURCE_ID}.yaml").write_text(SOURCE_YAML, encoding="utf-8")
    (root / "sources" / f"{SOURCE_ID}.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    (root / "entries" / "nato-members.yaml").write_text(MEMBERS_YAML, encoding="utf-8")
    (root / "entries" / "us-house.yaml").write_text(HOUSE_YAML, encoding="utf-8")
    return root


@pytest.fixture
def check(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, list[str]]]:
    """Run `python -m bot check` in-process; return its exit code and output lines."""

    def run(root: Path, *flags: str) -> tuple[int, list[str]]:
        code = main(["check", str(root), *flags])
        return code, capsys.readouterr().out.splitlines()

    return run
