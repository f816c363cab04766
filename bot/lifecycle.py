"""Clean shutdown: on SIGTERM or Ctrl-C, finish the write in progress, close everything, exit 0.

The hook for anything that writes files or the database (the moderation store, the question
record): register the lock your writes hold with `Shutdown.guard_writes(name, lock)`. That is
the whole contract; nothing else of yours is touched. On shutdown the steps run in this order:

1. `on_disconnect` steps (close the Discord connection), so no new question or edit arrives;
2. every guarded lock is taken, which waits for a write in progress to finish and keeps any
   other from starting;
3. `on_close` steps (close the database), with the locks held; then the locks are released.

Signals are handled by the event loop (`loop.add_signal_handler`): the handler runs between
callbacks, so it never interrupts code in the middle of a write the way Python's default
KeyboardInterrupt, or the default SIGTERM (immediate death), would.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import signal
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

from bot.logs import event

log = logging.getLogger("briefing.lifecycle")

Step = Callable[[], object]
GRACE_SECONDS = 20.0
_POLL_SECONDS = 0.02
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class ThreadLock(Protocol):
    """A `threading.Lock` or `threading.RLock`: what a write holds while it runs."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        """Take the lock; with `blocking=False`, only if it is free now."""

    def release(self) -> None:
        """Give the lock back."""


WriteLock = ThreadLock | asyncio.Lock


@dataclass(frozen=True)
class _Named:
    name: str
    item: Any


class Shutdown:
    """What must stop, finish or close before the process exits, in order.

    `grace_seconds` bounds the wait for a write in progress; it is kept below systemd's
    TimeoutStopSec and compose's stop_grace_period so the bot gives up on a stuck write, says
    so in the log, and still exits before it is killed.
    """

    def __init__(self, grace_seconds: float = GRACE_SECONDS) -> None:
        self.grace_seconds = grace_seconds
        self._disconnect: list[_Named] = []
        self._locks: list[_Named] = []
        self._close: list[_Named] = []
        self._done = False

    def on_disconnect(self, name: str, step: Step) -> None:
        """Run `step` (plain or async) first, to stop new work arriving."""
        self._disconnect.append(_Named(name, step))

    def guard_writes(self, name: str, lock: WriteLock) -> None:
        """Wait for `lock` (held by every write) before anything is closed."""
        self._locks.append(_Named(name, lock))

    def on_close(self, name: str, step: Step) -> None:
        """Run `step` (plain or async) once no write is in progress."""
        self._close.append(_Named(name, step))

    async def close(self) -> None:
        """Run every step once, in order; a failing step is logged and the rest still run."""
        if self._done:
            return
        self._done = True
        await _run_steps(self._disconnect)
        held = await self._take_locks()
        try:
            await _run_steps(self._close)
        finally:
            for lock in held:
                lock.release()
        event(log, "shutdown_complete")

    async def _take_locks(self) -> list[WriteLock]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace_seconds
        held: list[WriteLock] = []
        for named in self._locks:
            if await _acquire(named.item, deadline):
                held.append(named.item)
            else:
                event(log, "shutdown_write_timeout", logging.ERROR, lock=named.name)
        return held


async def serve(work: Awaitable[object], shutdown: Shutdown) -> None:
    """Run `work` until it ends or SIGTERM/SIGINT arrives; then shut down in order.

    Returns normally after a signal, so the command exits 0; an exception raised by `work`
    itself (a refused login, say) is raised again once everything is closed.
    """
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, _request_stop, stop, signum)
    task = asyncio.ensure_future(work)
    waiter = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
        await shutdown.close()
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
    await _finish(task, shutdown.grace_seconds)


def _request_stop(stop: asyncio.Event, signum: int) -> None:
    if not stop.is_set():
        event(log, "shutdown_requested", signal=signal.Signals(signum).name)
    stop.set()


async def _finish(task: asyncio.Future[object], grace_seconds: float) -> None:
    """Let `work` return after its connection closed; cancel it if it does not."""
    done, _ = await asyncio.wait({task}, timeout=grace_seconds)
    if not done:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        return
    task.result()


async def _run_steps(steps: list[_Named]) -> None:
    for named in steps:
        try:
            outcome = named.item()
            if inspect.isawaitable(outcome):
                await outcome
        except Exception as error:
            event(log, "shutdown_step_failed", logging.ERROR, step=named.name, error=repr(error))


async def _acquire(lock: WriteLock, deadline: float) -> bool:
    """Take `lock` without blocking the event loop, giving up at `deadline`."""
    loop = asyncio.get_running_loop()
    if isinstance(lock, asyncio.Lock):
        try:
            await asyncio.wait_for(lock.acquire(), max(0.0, deadline - loop.time()))
        except TimeoutError:
            return False
        return True
    while not lock.acquire(blocking=False):
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(_POLL_SECONDS)
    return True
