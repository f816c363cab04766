"""A small knowledge folder in tmp_path, and the data moderators would submit."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bot.knowledge.history import Actor, ChangeLog
from bot.knowledge.model import Citation, Entry
from bot.knowledge.serialise import entry_to_yaml
from bot.knowledge.store import KnowledgeStore

SOURCE_ID = "rferl-2025-12-kosovo-nato"
# The fixture's own copy of a source, so these tests hold whatever sources are shipped.
FIXTURE_SOURCES = Path(__file__).parents[1] / "engine" / "knowledge" / "sources"
ALICE = Actor(id=111111111111111111, name="Alice")
BOB = Actor(id=222222222222222222, name="Bob")


def pfp_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "kosovo-outside-pfp",
        "question": "Why is Kosovo not part of NATO's Partnership for Peace?",
        "topic": "Membership and partnerships",
        "answer": "Kosovo is the only Western Balkan country outside the Partnership for Peace.",
        "phrasings": ["why isn't kosovo in pfp", "kosovo partnership for peace"],
        "citations": [
            {
                "source": SOURCE_ID,
                "quote": "Kosovo remains outside even this framework of cooperation, "
                "for political reasons",
                "speaker": "RFE/RL",
            }
        ],
    }
    data.update(changes)
    return data


def recognition_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "allies-not-recognising",
        "question": "Which NATO members do not recognise Kosovo?",
        "topic": "Recognition",
        "answer": "Greece, Romania, Slovakia and Spain do not recognise Kosovo's independence.",
        "phrasings": ["who doesn't recognize kosovo in nato"],
        "citations": [
            {
                "source": SOURCE_ID,
                "quote": "four countries—Greece, Romania, Slovakia, and Spain—do not recognize "
                "Kosovo’s independence",
                "speaker": "RFE/RL",
            }
        ],
    }
    data.update(changes)
    return data


def status_data(**changes: object) -> dict[str, object]:
    """A new entry, not yet in the folder, that no other entry's words claim."""
    data = pfp_data(
        id="kosovo-pfp-status",
        question="Is Kosovo a member of the Partnership for Peace?",
        phrasings=[],
    )
    data.update(changes)
    return data


def make_knowledge(tmp_path: Path) -> Path:
    """A fixture source plus two entries, written as the store writes them."""
    root = tmp_path / "knowledge"
    (root / "entries").mkdir(parents=True)
    shutil.copytree(FIXTURE_SOURCES, root / "sources")
    for data in (pfp_data(), recognition_data()):
        entry = entry_from(data)
        (root / "entries" / f"{entry.id}.yaml").write_text(entry_to_yaml(entry), "utf-8")
    return root


def entry_from(data: dict[str, object]) -> Entry:
    return Entry(
        id=str(data["id"]),
        question=str(data["question"]),
        answer=str(data["answer"]),
        topic=str(data["topic"]),
        phrasings=tuple(data["phrasings"]),  # type: ignore[arg-type]
        citations=tuple(
            Citation(c["source"], c["quote"], c["speaker"])
            for c in data["citations"]  # type: ignore[attr-defined]
        ),
    )


def open_store(root: Path, database: Path) -> KnowledgeStore:
    return KnowledgeStore(root, ChangeLog(database))


def refuse_listing(monkeypatch, folder: Path) -> None:
    """Make `folder` one this process may not list, as a wrong owner or mode does (tests
    may run as root, whom no mode stops)."""
    listdir = os.listdir

    def guarded(path=".", *args):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return listdir(path, *args)

    monkeypatch.setattr(os, "listdir", guarded)
