"""The knowledge and engine being served, swapped whole when the knowledge changes.

The current knowledge and the engine built from it live in one immutable `Snapshot`, and a
change replaces that snapshot with a single assignment, so a question being answered sees
the old pair or the new one, never a mixture. A load that finds problems (a broken file
written by hand, a bad merge) never replaces anything: the bot keeps answering from its last
good knowledge and the problems are returned, logged and, through `watch`, handed to
whoever tells the moderators.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine
from bot.engine.routing import misroutes_of_write
from bot.knowledge.files import Fingerprint, fingerprint, knowledge_lock
from bot.knowledge.history import ChangeLog
from bot.knowledge.loader import LoadResult, load_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.problems import Problem
from bot.knowledge.store import KnowledgeStore
from bot.ops.logs import event

log = logging.getLogger(__name__)


class KnowledgeUnavailable(RuntimeError):
    """The knowledge on disk has problems and there is no earlier good snapshot to serve."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Snapshot:
    """A knowledge snapshot and the engine built from it: always replaced together."""

    knowledge: Knowledge
    engine: Engine


def load_snapshot(
    root: Path, engine_factory: Callable[[Knowledge], Engine] | None = None
) -> Snapshot:
    """The knowledge at `root` and the engine built from it (blocks).

    It only reads: it takes no lock and writes nothing, so a front end that only answers
    (the terminal) opens a read-only folder with it. Raises `KnowledgeUnavailable` when
    the knowledge has problems.
    """
    result = load_knowledge(root)
    if result.knowledge is None:
        raise KnowledgeUnavailable(result.problems)
    build = engine_factory or Engine
    return Snapshot(result.knowledge, build(result.knowledge))


class LiveKnowledge:
    """Serves the last good snapshot of the knowledge folder at `root`.

    `engine_factory` builds the engine for a snapshot; tests may pass one that counts or
    fails builds. Without one, the first engine is built and each later snapshot updates
    the served engine for the entries it changed (milliseconds, where a build of a large
    knowledge takes seconds).
    """

    def __init__(
        self, root: Path, engine_factory: Callable[[Knowledge], Engine] | None = None
    ) -> None:
        """Load the knowledge (blocks); raise `KnowledgeUnavailable` if it has problems."""
        self.root = root
        self._engine_factory = engine_factory
        self.problems: tuple[Problem, ...] = ()
        # The engine of a write's would-be knowledge, made to check its routing: served as
        # it is if that write is installed next.
        self._prepared: Snapshot | None = None
        self._reload_listeners: list[Callable[[Fingerprint, LoadResult], None]] = []
        with knowledge_lock(root):
            self._seen: Fingerprint = fingerprint(self.root)
            self._snapshot = load_snapshot(root, engine_factory)

    @property
    def engine(self) -> Engine:
        """The engine being served (its knowledge is the matching snapshot)."""
        return self._snapshot.engine

    @property
    def knowledge(self) -> Knowledge:
        """The knowledge being served."""
        return self._snapshot.knowledge

    @property
    def seen(self) -> Fingerprint:
        """The fingerprint of the folder when the knowledge served was loaded or written."""
        return self._seen

    def routing_problems(self, before: Knowledge, after: Knowledge) -> list[Problem]:
        """What a write taking the knowledge from `before` to `after` would misroute.

        The knowledge store's write check: asked of the served engine updated to `after`,
        which `install` then serves if this write is the one installed, so a write costs
        one update of the engine and no build (`routing.misroutes_of_write`).
        """
        with knowledge_lock(self.root):
            served = self._snapshot
            earlier = served.engine if served.knowledge is before else self._engine_for(before)
            prepared = Snapshot(after, self._engine_for(after))
            self._prepared = prepared
        misroutes = misroutes_of_write(earlier, prepared.engine)
        return [misroute.problem() for misroute in misroutes]

    def install(self, knowledge: Knowledge, seen: Fingerprint | None = None) -> None:
        """Serve `knowledge` (already validated), building its engine first (blocks).

        The knowledge store calls this after each write, holding the knowledge lock, with
        the fingerprint of the folder it wrote (`seen`; taken here when not given).
        """
        with knowledge_lock(self.root):
            prepared, self._prepared = self._prepared, None
            if prepared is not None and prepared.knowledge is knowledge:
                self._snapshot = prepared
            else:
                self._snapshot = Snapshot(knowledge, self._engine_for(knowledge))
            self._seen = fingerprint(self.root) if seen is None else seen
            self.problems = ()

    def on_reload(self, callback: Callable[[Fingerprint, LoadResult], None]) -> None:
        """Call `callback` with the fingerprint and the result of every reload, good or not.

        Called holding the knowledge lock, before any write can follow the reload: the
        knowledge store starts its next write from what the reload found.
        """
        self._reload_listeners.append(callback)

    def reload(self) -> LoadResult:
        """Re-read the folder; serve it if it is good, else keep the last good (blocks).

        Returns the load result: its problems tell moderators what is wrong and where.
        """
        with knowledge_lock(self.root):
            self._seen = fingerprint(self.root)
            result = load_knowledge(self.root)
            for callback in self._reload_listeners:
                callback(self._seen, result)
            if result.knowledge is None:
                self.problems = result.problems
                self._log_problems(result.problems)
                return result
            self._snapshot = Snapshot(result.knowledge, self._engine_for(result.knowledge))
            self.problems = ()
        event(log, "knowledge_reloaded", entries=len(result.knowledge.entries))
        return result

    def _engine_for(self, knowledge: Knowledge) -> Engine:
        """The engine of `knowledge`: built by the factory, or the served one updated."""
        if self._engine_factory is not None:
            return self._engine_factory(knowledge)
        return self._snapshot.engine.updated(knowledge)

    def changed_on_disk(self) -> bool:
        """Whether a knowledge file was added, removed or modified since the last load."""
        return fingerprint(self.root) != self._seen

    async def watch(
        self,
        interval: float,
        notify: Callable[[LoadResult], Awaitable[None]] | None = None,
    ) -> None:
        """Poll the folder every `interval` seconds and reload what changed; runs until cancelled.

        Picks up edits made outside the bot (a `git pull`, a hand edit). `notify` receives
        every reload's result, good or not, for the log channel. An error in one round is
        logged and the watch goes on: one failed look must not stop all later ones.
        """
        while True:
            await asyncio.sleep(interval)
            try:
                await self._look(notify)
            except Exception as error:  # logged; the next round may succeed
                event(log, "knowledge_watch_failed", logging.ERROR, error=repr(error))

    async def _look(self, notify: Callable[[LoadResult], Awaitable[None]] | None) -> None:
        if not await asyncio.to_thread(self.changed_on_disk):
            return
        result = await asyncio.to_thread(self.reload)
        if notify is not None:
            await notify(result)

    @staticmethod
    def _log_problems(problems: tuple[Problem, ...]) -> None:
        event(log, "knowledge_kept", logging.WARNING, problems=len(problems))
        for problem in problems:
            event(log, "knowledge_problem", logging.WARNING, problem=str(problem))


def open_moderated(
    root: Path,
    database_path: Path,
    engine_factory: Callable[[Knowledge], Engine] | None = None,
    routing: bool = False,
) -> tuple[LiveKnowledge, KnowledgeStore]:
    """The served knowledge and its store, wired so every write is served at once (blocks).

    The store opens first, so a write a crash interrupted is repaired before loading; it
    starts each write from the last snapshot written or reloaded (a file edited by hand is
    reloaded by the watcher, `watch`, and the store starts from that). With
    `routing`, the store refuses any write after which an entry's own words would not reach
    it, or would reach another (`LiveKnowledge.routing_problems`), as moderators' writes are;
    what that check needs is made now, so the first write does not wait for it.
    """
    store = KnowledgeStore(root, ChangeLog(database_path))
    live = LiveKnowledge(root, engine_factory)
    store.adopt(live.seen, live.knowledge)
    if routing:
        live.engine.prepare_routing()
        store.write_check = live.routing_problems
    store.subscribe(lambda knowledge: live.install(knowledge, store.seen))
    live.on_reload(store.reloaded)
    return live, store
