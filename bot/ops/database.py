"""The bot's SQLite file: the one place that opens it and sets it up.

The question record, the unanswered-question groups and the knowledge's change history keep
their tables in the same file. Each opens it through `connect`, so all of them get the same
settings: WAL (a moderator's read never blocks a question being recorded, nor the reverse),
a bounded wait for another writer's lock, and incremental vacuum, so the file shrinks again
after old questions are pruned.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

# How long a statement waits for another writer's lock before failing. Callers run in worker
# threads, so a wait never holds up the event loop; the record passes a shorter one.
BUSY_SECONDS = 30.0


def connect(path: Path, busy_seconds: float = BUSY_SECONDS, schema: str = "") -> sqlite3.Connection:
    """An open connection to the file at `path`, set up, with `schema` applied.

    Raises `sqlite3.Error` when the file cannot be used (locked past `busy_seconds`, not a
    database, read-only, disk full); callers decide how to carry on without it. The
    connection may be used from any thread, one at a time: callers that share it hold a lock.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        path, timeout=busy_seconds, isolation_level=None, check_same_thread=False
    )
    try:
        _set_up(connection)
        if schema:
            connection.executescript(schema)
    except sqlite3.Error:
        connection.close()
        raise
    return connection


@contextlib.contextmanager
def session(
    path: Path, busy_seconds: float = BUSY_SECONDS, schema: str = ""
) -> Iterator[sqlite3.Connection]:
    """A short-lived connection for one unit of work, committed as one transaction.

    For code that runs in whichever worker thread is free and should not share a connection.
    """
    connection = connect(path, busy_seconds, schema)
    try:
        connection.execute("BEGIN")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
    finally:
        connection.close()


def add_missing_columns(
    connection: sqlite3.Connection, table: str, columns: dict[str, str]
) -> None:
    """Add the `columns` (name: declaration) a file made by an older version lacks."""
    present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    for name, declaration in columns.items():
        if name not in present:
            connection.execute(f"ALTER TABLE {table} ADD COLUMN {name} {declaration}")


def has_table(connection: sqlite3.Connection, table: str) -> bool:
    """Whether the file holds `table` (another part of the bot makes it when first used)."""
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return found is not None


def shrink(connection: sqlite3.Connection) -> None:
    """Give the pages freed by deletions back to the file system.

    Incremental vacuum moves free pages to the end and truncates; with WAL, the truncation
    reaches the file at the checkpoint, so one is run at once. The pragma frees one page per
    step, and `execute` would take only the first: `executescript` runs it to the end.
    """
    connection.executescript("PRAGMA incremental_vacuum;")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _set_up(connection: sqlite3.Connection) -> None:
    """WAL, normal syncing (safe with WAL), foreign keys, and incremental vacuum.

    `auto_vacuum` only takes effect on a file without tables, or after a VACUUM: a file made
    before it was set is converted once, here, at its next opening.
    """
    connection.execute("PRAGMA foreign_keys=ON")
    (auto_vacuum,) = connection.execute("PRAGMA auto_vacuum").fetchone()
    if auto_vacuum != _INCREMENTAL:
        connection.execute("PRAGMA auto_vacuum=INCREMENTAL")
        connection.execute("VACUUM")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")


_INCREMENTAL = 2
