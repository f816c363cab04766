"""A stand-in for the bot saving moderators' edits through the real knowledge store.

It adds phrasings one after another (each a full validated, atomic, recorded store write, run
in a worker thread as the Discord cogs do) until it is signalled, with the knowledge lock
registered as the shutdown's write guard. It prints `writing` once edits are flowing; the
test then sends the signal. The close step records how many changes were left pending at
the moment the database would close.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.knowledge.files import knowledge_lock
from bot.knowledge.history import Actor, ChangeLog
from bot.knowledge.store import KnowledgeStore
from bot.ops.lifecycle import Shutdown, serve
from bot.ops.logs import configure_logging
from tests.knowledge.store_helpers import make_knowledge

ENTRY_ID = "kosovo-outside-pfp"
MODERATOR = Actor(id=333333333333333333, name="Moderator")


async def keep_editing(store: KnowledgeStore, connected: asyncio.Event) -> None:
    """Add phrasing after phrasing while "connected"."""
    count = 0
    while connected.is_set():
        phrasing = f"shutdown test phrasing {count}"
        await asyncio.to_thread(store.add_phrasing, ENTRY_ID, phrasing, MODERATOR)
        count += 1
        if count == 3:
            print("writing", flush=True)


def main(folder: Path) -> None:
    """Run until signalled; leave the knowledge, the database and `pending.txt` in `folder`."""
    configure_logging("INFO")
    root = make_knowledge(folder)
    changes = ChangeLog(folder / "data" / "briefing.sqlite3")
    store = KnowledgeStore(root, changes)

    def close_database() -> None:
        (folder / "pending.txt").write_text(str(len(changes.pending())))

    async def run() -> None:
        connected = asyncio.Event()
        connected.set()
        shutdown = Shutdown()
        shutdown.on_disconnect("connection", connected.clear)
        shutdown.guard_writes("knowledge", lambda: knowledge_lock(root))
        shutdown.on_close("database", close_database)
        await serve(keep_editing(store, connected), shutdown)

    asyncio.run(run())


if __name__ == "__main__":
    main(Path(sys.argv[1]))
