import asyncio
import os

import pytest

from bot.engine import Engine
from bot.knowledge.serialise import entry_to_yaml
from bot.serving import open_read_only
from bot.serving.live import KnowledgeUnavailable, LiveKnowledge, open_moderated
from bot.strings import Check
from tests.knowledge.store_helpers import (
    ALICE,
    entry_from,
    make_knowledge,
    status_data,
)

PFP = "kosovo-outside-pfp"
PFP_QUESTION = "why isn't kosovo in the partnership for peace?"


async def first_watch_report(live, change):
    """Make `change` on disk while `live.watch` polls; its first report and the queue."""
    reports = asyncio.Queue()

    async def notify(result):
        await reports.put(result)

    watcher = asyncio.create_task(live.watch(0.01, notify))
    try:
        change()
        return await asyncio.wait_for(reports.get(), timeout=10), reports
    finally:
        watcher.cancel()


def answered_with(engine, question=PFP_QUESTION):
    """The id of the entry the engine answers `question` with, or None."""
    decision = engine.decide(question)
    return decision.entry.id if decision.answered else None


def write_by_hand(path, text):
    """Write as an editor or `git pull` would, and make sure the mtime moves on."""
    path.write_text(text, "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_the_engine_served_is_always_built_from_the_knowledge_served(tmp_path):
    live = LiveKnowledge(make_knowledge(tmp_path))

    engine = live.engine

    assert engine.knowledge is live.knowledge
    assert answered_with(live.engine) == PFP


def test_a_store_write_is_served_at_once(tmp_path):
    live, store = open_moderated(make_knowledge(tmp_path), tmp_path / "db.sqlite3")
    before = live.engine

    store.remove_entry(PFP, ALICE)

    assert answered_with(live.engine) is None
    assert live.engine.knowledge is live.knowledge
    assert answered_with(before) == PFP


def test_a_phrasing_added_is_served_by_an_engine_answering_as_one_rebuilt(tmp_path):
    live, store = open_moderated(make_knowledge(tmp_path), tmp_path / "db.sqlite3")
    before = live.engine
    phrasing = "what keeps kosovo out of the partnership"

    store.add_phrasing(PFP, phrasing, ALICE)

    rebuilt = Engine(live.knowledge)
    assert live.engine is not before and live.engine.knowledge is live.knowledge
    assert answered_with(live.engine, phrasing) == PFP
    for entry in live.knowledge.entries.values():
        for question in (entry.question, *entry.phrasings, phrasing):
            assert live.engine.decide(question) == rebuilt.decide(question)


def test_reload_serves_files_changed_on_disk(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root)
    entry = entry_from(status_data())
    write_by_hand(root / "entries" / "kosovo-pfp-status.yaml", entry_to_yaml(entry))
    assert live.changed_on_disk()

    result = live.reload()

    assert result.knowledge is not None
    assert live.engine.answer_entry("kosovo-pfp-status")
    assert not live.changed_on_disk()


async def test_watch_picks_up_a_change_on_disk_and_reports_it(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root)
    result, reports = await first_watch_report(live, (root / "entries" / f"{PFP}.yaml").unlink)

    assert result.knowledge is not None
    assert answered_with(live.engine) is None
    assert reports.empty()


def test_a_malformed_file_dropped_in_keeps_the_last_good_knowledge_answering(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root)
    served = live.engine
    write_by_hand(root / "entries" / "broken.yaml", "id: broken\nquestion: [unclosed\n")

    result = live.reload()

    assert result.knowledge is None
    assert [p.file for p in result.problems] == ["entries/broken.yaml"]
    assert live.problems == result.problems
    assert live.engine is served
    assert answered_with(live.engine) == PFP


async def test_watch_reports_a_broken_file_and_keeps_answering(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root)
    broken = "id: kosovo-outside-pfp\nanswer: no\n"
    result, _ = await first_watch_report(
        live, lambda: write_by_hand(root / "entries" / f"{PFP}.yaml", broken)
    )

    assert result.knowledge is None
    assert {p.file for p in result.problems} == {f"entries/{PFP}.yaml"}
    assert answered_with(live.engine) == PFP
    assert live.engine.knowledge.entries[PFP].answer.startswith("Kosovo is the only")


def test_a_later_good_write_clears_the_reported_problems(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root)
    broken = root / "entries" / "broken.yaml"
    write_by_hand(broken, "not: [valid\n")
    live.reload()

    broken.unlink()
    result = live.reload()

    assert result.knowledge is not None
    assert live.problems == ()


def test_starting_on_broken_knowledge_says_what_is_wrong(tmp_path):
    root = make_knowledge(tmp_path)
    write_by_hand(root / "entries" / "broken.yaml", "id: broken\n")

    with pytest.raises(KnowledgeUnavailable) as raised:
        LiveKnowledge(root)

    assert raised.value.problems
    assert all(p.file == "entries/broken.yaml" for p in raised.value.problems)
    assert "entries/broken.yaml" in str(raised.value)


def test_a_missing_knowledge_folder_is_reported_not_created(tmp_path):
    missing = tmp_path / "knowledge"

    with pytest.raises(KnowledgeUnavailable, match="knowledge folder not found"):
        LiveKnowledge(missing)

    assert not missing.exists()


async def test_watch_goes_on_after_a_round_that_failed(tmp_path):
    root = make_knowledge(tmp_path)
    builds = []

    def engine_factory(knowledge):
        builds.append(knowledge)
        if len(builds) == 2:
            raise OSError("the disk hiccuped")
        return Engine(knowledge)

    live = LiveKnowledge(root, engine_factory)
    reports = asyncio.Queue()

    async def notify(result):
        await reports.put(result)

    watcher = asyncio.create_task(live.watch(0.01, notify))
    try:
        (root / "entries" / f"{PFP}.yaml").unlink()
        while len(builds) < 2:
            await asyncio.sleep(0.01)
        write_by_hand(
            root / "entries" / "kosovo-pfp-status.yaml", entry_to_yaml(entry_from(status_data()))
        )
        result = await asyncio.wait_for(reports.get(), timeout=10)
    finally:
        watcher.cancel()

    assert result.knowledge is not None
    assert live.engine.answer_entry("kosovo-pfp-status")
    assert PFP not in live.knowledge.entries


async def test_emptied_entries_are_reported_and_the_last_good_knowledge_kept_serving(tmp_path):
    root = make_knowledge(tmp_path)
    live = LiveKnowledge(root)
    served = live.knowledge

    def empty_the_entries():
        for path in (root / "entries").iterdir():
            path.unlink()

    report, _ = await first_watch_report(live, empty_the_entries)

    assert [(p.file, p.message) for p in report.problems] == [("entries", Check.NO_ENTRIES)]
    assert live.knowledge is served
    assert answered_with(live.engine) == PFP


def test_opened_read_only_the_knowledge_answers_and_nothing_is_written(tmp_path):
    root = make_knowledge(tmp_path)
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))

    engine = open_read_only(root)

    assert answered_with(engine) == PFP
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_opened_read_only_broken_knowledge_says_what_is_wrong(tmp_path):
    root = make_knowledge(tmp_path)
    write_by_hand(root / "entries" / "broken.yaml", "id: broken\n")

    with pytest.raises(KnowledgeUnavailable) as raised:
        open_read_only(root)

    assert all(p.file == "entries/broken.yaml" for p in raised.value.problems)
