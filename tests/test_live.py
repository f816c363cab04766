import asyncio
import os

from bot.knowledge.serialise import entry_to_yaml
from bot.live import LiveKnowledge, open_moderated
from tests.knowledge.store_helpers import (
    ALICE,
    FakeEngine,
    entry_from,
    make_knowledge,
    pfp_data,
)

PFP = "kosovo-outside-pfp"


def write_by_hand(path, text):
    """Write as an editor or `git pull` would, and make sure the mtime moves on."""
    path.write_text(text, "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_the_engine_served_is_always_built_from_the_knowledge_served(tmp_path):
    live = LiveKnowledge(make_knowledge(tmp_path), FakeEngine)

    snapshot = live.snapshot

    assert snapshot.engine.knowledge is snapshot.knowledge
    assert live.engine.answers(PFP)


def test_a_store_write_is_served_at_once(tmp_path):
    live, store = open_moderated(make_knowledge(tmp_path), tmp_path / "db.sqlite3", FakeEngine)
    before = live.snapshot

    store.remove_entry(PFP, ALICE)

    assert not live.engine.answers(PFP)
    assert live.engine.knowledge is live.knowledge
    assert before.engine.answers(PFP)


def test_reload_serves_files_changed_on_disk(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root, FakeEngine)
    entry = entry_from(pfp_data(id="kosovo-pfp-status", phrasings=[]))
    write_by_hand(root / "entries" / "kosovo-pfp-status.yaml", entry_to_yaml(entry))
    assert live.changed_on_disk()

    result = live.reload()

    assert result.ok
    assert live.engine.answers("kosovo-pfp-status")
    assert not live.changed_on_disk()


async def test_watch_picks_up_a_change_on_disk_and_reports_it(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root, FakeEngine)
    reports = asyncio.Queue()

    async def notify(result):
        await reports.put(result)

    watcher = asyncio.create_task(live.watch(0.01, notify))
    try:
        (root / "entries" / f"{PFP}.yaml").unlink()
        result = await asyncio.wait_for(reports.get(), timeout=10)
    finally:
        watcher.cancel()

    assert result.ok
    assert not live.engine.answers(PFP)
    assert reports.empty()
