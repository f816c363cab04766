"""Clean shutdown: on SIGTERM or Ctrl-C, finish the write in progress, close everything, exit 0.

The hook for anything that writes files or the database (the knowledge store, the question
record): tell the shutdown what your writes hold, as a function returning that context
manager: `shutdown.guard_writes("knowledge", lambda: knowledge_lock(root))`, or
`lambda: self._lock` for a plain `threading.Lock`. That is the whole contract; nothing else
of the writer is touched. On shutdown the steps run in this order:

1. `on_disconnect` steps (close the Discord connection), so no new question or edit arrives;
2. each guard is entered, in a helper thread, which waits for a write in progress to finish
   and keeps any other from starting;
3. `on_close` steps (close the database), while the guards are held; then they are released.
   A close step must therefore not take a guarded lock itself.
A write still in progress after `grace_seconds` is logged and abandoned: the process ends
at once, rather than be killed later by its supervisor.

Signals are handled by the event loop (`loop.add_signal_handler`): the handler runs between
callbacks, so it never interrupts code in the middle of a write the way Python's default
KeyboardInterrupt, or the default SIGTERM (immediate death), would.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import signal
import threading
from collections.abc import Awaitable, Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from bot.ops.logs import event

log = logging.getLogger("briefing.lifecycle")

Step = Callable[[], object]
Guard = Callable[[], AbstractContextManager[object]]
GRACE_SECONDS = 20.0
_POLL_SECONDS = 0.02
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


@dataclass(frozen=True)
class _Step:
    name: str
    run: Step


class _Held:
    """A guard entered and held by its own thread until `release()`.

    A thread, because the guard may be a thread-affine lock (an RLock, or a file lock taken
    through one) that must be entered and left by the same thread, and because entering it
    blocks, which the event loop must not.
    """

    def __init__(self, name: str, guard: Guard) -> None:
        self.name = name
        self.entered = threading.Event()
        self._release = threading.Event()
        self._thread = threading.Thread(
            target=self._hold, args=(guard,), name=f"shutdown-{name}", daemon=True
        )
        self._thread.start()

    def _hold(self, guard: Guard) -> None:
        with guard():
            self.entered.set()
            self._release.wait()

    def release(self) -> None:
        """Leave the guard (at once if entered, as soon as it is if still waiting)."""
        self._release.set()
        if self.entered.is_set():
            self._thread.join()


class Shutdown:
    """What must stop, finish or close before the process exits, in order.

    `grace_seconds` bounds the wait for a write in progress; it is kept below systemd's
    TimeoutStopSec and compose's stop_grace_period so the bot gives up on a stuck write, says
    so in the log, and still exits before it is killed.
    """

    def __init__(
        self, grace_seconds: float = GRACE_SECONDS, leave: Callable[[], None] | None = None
    ) -> None:
        self.grace_seconds = grace_seconds
        self._disconnect: list[_Step] = []
        self._guards: list[tuple[str, Guard]] = []
        self._close: list[_Step] = []
        self._done = False
        # Whether a write was still in progress when the grace ran out (see `serve`).
        self.stuck = False
        self._leave = leave or _leave_now

    def on_disconnect(self, name: str, step: Step) -> None:
        """Run `step` (plain or async) first, to stop new work arriving."""
        self._disconnect.append(_Step(name, step))

    def guard_writes(self, name: str, guard: Guard) -> None:
        """Enter `guard()` (what every write holds) before anything is closed."""
        self._guards.append((name, guard))

    def on_close(self, name: str, step: Step) -> None:
        """Run `step` (plain or async) once no write is in progress."""
        self._close.append(_Step(name, step))

    async def close(self) -> None:
        """Run every step once, in order; a failing step is logged and the rest still run."""
        if self._done:
            return
        self._done = True
        await _run_steps(self._disconnect)
        held = await self._enter_guards()
        try:
            await _run_steps(self._close)
        finally:
            for guard in held:
                guard.release()
        event(log, "shutdown_complete")

    async def _enter_guards(self) -> list[_Held]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace_seconds
        held = [_Held(name, guard) for name, guard in self._guards]
        for guard in held:
            while not guard.entered.is_set() and loop.time() < deadline:
                await asyncio.sleep(_POLL_SECONDS)
            if not guard.entered.is_set():
                event(log, "shutdown_write_timeout", logging.ERROR, guard=guard.name)
                self.stuck = True
        return held

    def leave(self) -> None:
        """End the process now, a write still stuck in a thread (see `serve`)."""
        self._leave()


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
    try:
        await until_done_or_set(task, stop)
    finally:
        await shutdown.close()
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
    try:
        await _finish(task, shutdown.grace_seconds)
    finally:
        # A write stuck past the grace holds a thread that asyncio.run would wait for
        # without end (until systemd or Docker kill the process): leave now instead. What
        # the write left half done, the store repairs at the next start.
        if shutdown.stuck:
            shutdown.leave()


async def until_done_or_set(task: asyncio.Future[object], event: asyncio.Event) -> None:
    """Wait until `task` is done or `event` is set, whichever comes first."""
    waiter = asyncio.ensure_future(event.wait())
    try:
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()


def _leave_now() -> None:
    """Flush the logs and end the process, exit code 0, not waiting for any thread."""
    logging.shutdown()
    os._exit(0)


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


async def _run_steps(steps: list[_Step]) -> None:
    for step in steps:
        try:
            outcome = step.run()
            if inspect.isawaitable(outcome):
                await outcome
        except Exception as error:
            event(log, "shutdown_step_failed", logging.ERROR, step=step.name, error=repr(error))
