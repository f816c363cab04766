"""What the bot serves, opened once for every front end (the terminal and Discord).

`open_services` opens the knowledge store (repairing a write a crash interrupted), the
live knowledge and its engine, the question record and the log of unanswered questions,
and hands them over as one `Services`: what Discord serves. `open_read_only` opens the
engine alone, reading and writing nothing else: what the terminal serves, so it runs
without a writable data folder. Nothing here knows of Discord.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine
from bot.knowledge.store import KnowledgeStore
from bot.ops.settings import Settings
from bot.serving.live import KnowledgeUnavailable, LiveKnowledge, load_snapshot, open_moderated
from bot.serving.record import QuestionRecord
from bot.serving.unanswered import UnansweredQuestions

__all__ = ["KnowledgeUnavailable", "Services", "open_read_only", "open_services"]


@dataclass(frozen=True)
class Services:
    """The served knowledge and engine, the store that changes it, and the two question logs.

    Whoever opens the services closes them (`close`), after any write in progress.
    """

    settings: Settings
    live: LiveKnowledge
    store: KnowledgeStore
    record: QuestionRecord
    unanswered: UnansweredQuestions

    def engine(self) -> Engine:
        """The engine being served now: a reload or a moderator's write replaces it."""
        return self.live.engine

    def close(self) -> None:
        """Close the question record and the knowledge's change log (the logs open it per use)."""
        self.record.close()
        self.store.changes.close()


def open_services(settings: Settings) -> Services:
    """Open everything served from the configured folders (blocks).

    Raises `KnowledgeUnavailable` when the knowledge on disk has problems.
    """
    live, store = open_moderated(settings.knowledge_dir, settings.database_path, routing=True)
    record = QuestionRecord(settings.database_path, settings.retention_days)
    unanswered = UnansweredQuestions(settings.database_path, lambda: live.engine)
    return Services(settings, live, store, record, unanswered)


def open_read_only(knowledge_dir: Path) -> Engine:
    """The engine over the knowledge folder, for a front end that only answers (blocks).

    No store, record or lock: nothing is written, so the folders may be read-only. Raises
    `KnowledgeUnavailable` when the knowledge has problems.
    """
    return load_snapshot(knowledge_dir).engine
