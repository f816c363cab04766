"""A stand-in for the bot for the shutdown tests: it writes a file slowly, under a lock.

Each write rewrites `out.txt` in place (deliberately not atomically) chunk by chunk in a worker
thread while holding the lock registered with `Shutdown.guard_writes`, so only the shutdown
hook stands between a signal and a half-written file. It prints `writing` once a write is well
under way; the test then sends the signal. The close step records whether the file was whole
at the moment the "database" was closed.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path

from bot.ops.lifecycle import Shutdown, serve
from bot.ops.logs import configure_logging

CHUNKS = 200
CHUNK = "x" * 1023 + "\n"
WHOLE = CHUNK * CHUNKS + "END\n"
STUCK_SECONDS = 120


def write_slowly(path: Path, lock: threading.Lock) -> None:
    """Rewrite `path` in place, chunk by chunk, holding `lock`."""
    with lock, path.open("w") as file:
        for index in range(CHUNKS):
            file.write(CHUNK)
            file.flush()
            if index == 20:
                print("writing", flush=True)
            time.sleep(0.005)
        file.write("END\n")


def write_forever(path: Path, lock: threading.Lock) -> None:
    """A write that never ends (a file system that hangs), holding `lock`."""
    with lock:
        print("writing", flush=True)
        time.sleep(STUCK_SECONDS)


async def keep_writing(path: Path, lock: threading.Lock, connected: asyncio.Event) -> None:
    """Write again and again while "connected", as a bot saving moderators' edits would."""
    while connected.is_set():
        await asyncio.to_thread(write_slowly, path, lock)


async def stuck_writing(path: Path, lock: threading.Lock, connected: asyncio.Event) -> None:
    """One write that never ends, in a thread of the event loop's default executor."""
    await asyncio.to_thread(write_forever, path, lock)


def main(folder: Path, stuck: bool = False) -> None:
    """Run until signalled; leave `out.txt` and `closed.txt` in `folder`.

    `stuck`: the write never ends, and the shutdown's grace is one second.
    """
    configure_logging("INFO")
    lock = threading.Lock()
    out = folder / "out.txt"

    def close_database() -> None:
        state = "whole" if out.read_text() == WHOLE else "partial"
        (folder / "closed.txt").write_text(state)

    async def run() -> None:
        connected = asyncio.Event()
        connected.set()
        shutdown = Shutdown(grace_seconds=1.0) if stuck else Shutdown()
        shutdown.on_disconnect("connection", connected.clear)
        shutdown.guard_writes("store", lambda: lock)
        shutdown.on_close("database", close_database)
        work = stuck_writing if stuck else keep_writing
        await serve(work(out, lock, connected), shutdown)

    asyncio.run(run())


if __name__ == "__main__":
    main(Path(sys.argv[1]), stuck=sys.argv[2:] == ["stuck"])
