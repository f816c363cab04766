"""Health: the running bot writes its state to a file; `python -m bot health` judges it.

A container's HEALTHCHECK (or a systemd watchdog script) runs in a separate process, so the
bot cannot simply be asked. Instead it rewrites a small JSON file in the data folder every few
seconds with what matters to an operator: is it connected to Discord, did its knowledge load,
is the question record being written.
The timestamp inside makes a hung or killed bot visible: a file nobody refreshed is stale,
and stale is unhealthy.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from bot.ops.logs import event
from bot.serving.record import RecordStatus
from bot.strings import Health

log = logging.getLogger(__name__)

HEALTH_FILE_NAME = "health.json"
HEARTBEAT_SECONDS = 15.0
STALE_AFTER_SECONDS = 90.0


@dataclass(frozen=True)
class HealthState:
    """What the running bot last reported about itself; `updated` is a Unix time."""

    connected: bool = False
    knowledge_loaded: bool = False
    updated: float = 0.0
    recording_problem: str = ""
    not_recorded: int = 0


@dataclass(frozen=True)
class Verdict:
    """The health check's answer: healthy or not, and one line saying why."""

    healthy: bool
    reason: str


def health_path(data_dir: Path) -> Path:
    """Where the bot writes its health state, inside the data folder."""
    return data_dir / HEALTH_FILE_NAME


def write_state(path: Path, state: HealthState) -> None:
    """Replace the health file in one rename, so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    temporary.write_text(json.dumps(asdict(state)), encoding="utf-8")
    os.replace(temporary, path)


def read_state(path: Path) -> HealthState | None:
    """Read the health file; None when it is missing."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    updated = float(data["updated"])
    if not math.isfinite(updated):
        raise ValueError("the update time is not a finite number")
    return HealthState(
        connected=_flag(data["connected"]),
        knowledge_loaded=_flag(data["knowledge_loaded"]),
        updated=updated,
        recording_problem=str(data.get("recording_problem", "")),
        not_recorded=int(data.get("not_recorded", 0)),
    )


def _flag(value: object) -> bool:
    """A JSON true or false: a string such as "false" would read as true."""
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def assess(path: Path, now: float, stale_after: float = STALE_AFTER_SECONDS) -> Verdict:
    """Judge the health file at `path` as of the Unix time `now`."""
    try:
        state = read_state(path)
    except (OSError, ValueError, KeyError, TypeError):
        return Verdict(False, Health.UNREADABLE.format(path=path))
    if state is None:
        return Verdict(False, Health.MISSING.format(path=path))
    age = now - state.updated
    # A file stamped well after now (a clock stepped back) would stay "fresh" until the
    # clock caught up, however long the bot hung: it is as stale as one long unchanged.
    if age > stale_after or age < -stale_after:
        return Verdict(False, Health.STALE.format(age=round(age), limit=round(stale_after)))
    if not state.knowledge_loaded:
        return Verdict(False, Health.KNOWLEDGE_FAILED)
    if not state.connected:
        return Verdict(False, Health.NOT_CONNECTED)
    if state.recording_problem:
        # Still healthy: members get answers, and restarting would not mend the file (a
        # container runtime restarts what it calls unhealthy). The line tells the operator.
        return Verdict(
            True,
            Health.NOT_RECORDING.format(count=state.not_recorded, problem=state.recording_problem),
        )
    return Verdict(True, Health.HEALTHY.format(age=max(0, round(age))))


class HealthReporter:
    """Keeps the bot's health state and rewrites the health file whenever it changes.

    The Discord client calls `set_connected` from its connect, resume and disconnect events and
    the start-up calls `set_knowledge_loaded`; `heartbeat()` refreshes the timestamp so the file
    stays fresh while nothing changes.
    """

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self._path = path
        self._clock = clock
        self._state = HealthState()
        self._recording: Callable[[], RecordStatus] = RecordStatus

    def watch_recording(self, status: Callable[[], RecordStatus]) -> None:
        """Report the question record's `status()` with every write of the file.

        Read, not pushed: the record fails in worker threads, and the file is written from
        the event loop's thread only.
        """
        self._recording = status

    @property
    def state(self) -> HealthState:
        """The state as last written."""
        return self._state

    def set_connected(self, connected: bool) -> None:
        """Record whether the bot holds a live connection to Discord."""
        self._write(replace(self._state, connected=connected))

    def set_knowledge_loaded(self, loaded: bool) -> None:
        """Record whether a knowledge snapshot is being served."""
        self._write(replace(self._state, knowledge_loaded=loaded))

    def beat(self) -> None:
        """Refresh the timestamp: the bot is alive, whatever its state."""
        self._write(self._state)

    async def heartbeat(self, interval: float = HEARTBEAT_SECONDS) -> None:
        """Refresh the file every `interval` seconds until cancelled.

        A beat that cannot be written (a full disk, the folder briefly read-only) is logged
        once and tried again at the next: a heartbeat that stopped would report a bot that
        is answering as hung.
        """
        failing = False
        while True:
            try:
                self.beat()
            except OSError as error:
                if not failing:
                    event(log, "health_write_failed", logging.ERROR, error=error)
                failing = True
            else:
                failing = False
            await asyncio.sleep(interval)

    def _write(self, state: HealthState) -> None:
        recording = self._recording()
        self._state = replace(
            state,
            updated=self._clock(),
            recording_problem=recording.problem,
            not_recorded=recording.not_recorded,
        )
        write_state(self._path, self._state)


class ConnectionTracker:
    """Whether every Discord connection is up, from the gateway's events.

    A sharded bot has one connection per shard: it counts as connected once all shards were
    ready and none has dropped since. `key` is the shard id, or None for an unsharded bot.
    Kept free of discord.py so it can be tested alone; the Discord client feeds it.
    """

    def __init__(self, reporter: HealthReporter) -> None:
        self.reporter = reporter
        self._ready = False
        self._down: set[int | None] = set()

    def ready(self) -> None:
        """Every connection is up (discord.py's `on_ready`)."""
        self._ready = True
        self._down.clear()
        self._report()

    def up(self, key: int | None = None) -> None:
        """One connection came back (a resume, or a shard's ready)."""
        self._down.discard(key)
        self._report()

    def lost(self, key: int | None = None) -> None:
        """One connection dropped."""
        self._down.add(key)
        self._report()

    def _report(self) -> None:
        self.reporter.set_connected(self._ready and not self._down)


def check(data_dir: Path) -> tuple[int, str]:
    """The `health` command: exit code 0 when healthy, 1 when not, with its one-line reason."""
    verdict = assess(health_path(data_dir), now=time.time())
    return (0 if verdict.healthy else 1), verdict.reason
