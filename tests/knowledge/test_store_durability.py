import errno
import fcntl
import itertools
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest

from bot.knowledge import store as store_module
from bot.knowledge.files import (
    cleanup_leftovers,
    fingerprint,
    knowledge_lock,
    list_folders,
    still_as_seen,
    write_atomic,
)
from bot.knowledge.history import Actor, ChangeLog
from bot.knowledge.loader import load_knowledge
from bot.knowledge.store import Applied, Conflict, Refused
from bot.ops.settings import PROJECT_ROOT
from bot.serving.live import open_moderated
from tests.knowledge.store_helpers import (
    ALICE,
    BOB,
    make_knowledge,
    open_store,
    recognition_data,
)

PFP = "kosovo-outside-pfp"
RECOGNITION = "allies-not-recognising"
CRASHED = 17


def run_writer_that_crashes(root: Path, database: Path, crash_at: str, write: str) -> int:
    """Run a write in another process that dies (os._exit) at `crash_at`."""
    script = textwrap.dedent(
        f"""
        import os, sys
        from pathlib import Path
        import bot.knowledge.files as files
        import bot.knowledge.history as history
        from tests.knowledge.store_helpers import *
        calls = []
        def die_at(name, original, on_call=1):
            def wrapper(*args, **kwargs):
                calls.append(name)
                if calls.count(name) == on_call:
                    os._exit({CRASHED})
                return original(*args, **kwargs)
            return wrapper
        {crash_at}
        store = open_store(Path(sys.argv[1]), Path(sys.argv[2]))
        {write}
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, str(root), str(database)], cwd=PROJECT_ROOT, check=False
    )
    return completed.returncode


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.rglob(".*.tmp-*"))


def test_a_writer_killed_between_writing_and_renaming_loses_nothing(tmp_path):
    root = make_knowledge(tmp_path)
    database = tmp_path / "db.sqlite3"
    path = root / "entries" / f"{PFP}.yaml"
    original = path.read_bytes()

    code = run_writer_that_crashes(
        root,
        database,
        "files.os.replace = die_at('replace', files.os.replace)",
        "store.add_phrasing('kosovo-outside-pfp', 'crash phrasing', ALICE)",
    )

    assert code == CRASHED
    assert path.read_bytes() == original
    [leftover] = root.rglob(".*.tmp-*")
    assert leftover.name.startswith(f".{PFP}.yaml.tmp-")
    assert "crash phrasing" in leftover.read_text("utf-8")
    store = open_store(root, database)
    assert leftovers(root) == []
    assert store.history() == []
    assert store.changes.pending() == []
    assert load_knowledge(root).knowledge is not None
    assert isinstance(store.add_phrasing(PFP, "after the crash", BOB), Applied)


def test_a_writer_killed_after_renaming_keeps_the_change_and_its_history(tmp_path):
    root = make_knowledge(tmp_path)
    database = tmp_path / "db.sqlite3"

    code = run_writer_that_crashes(
        root,
        database,
        "history.ChangeLog.finish = die_at('finish', history.ChangeLog.finish)",
        "store.add_phrasing('kosovo-outside-pfp', 'crash phrasing', ALICE)",
    )

    assert code == CRASHED
    store = open_store(root, database)
    assert "crash phrasing" in load_knowledge(root).knowledge.entries[PFP].phrasings
    [change] = store.history()
    assert change.actor == ALICE
    assert isinstance(store.undo(BOB), Applied)
    assert "crash phrasing" not in load_knowledge(root).knowledge.entries[PFP].phrasings


def killed_before_finishing(tmp_path: Path, write: str):
    """The running bot's knowledge and store, and a writer in another process that dies
    after writing `write`'s files but before recording the change done."""
    root = make_knowledge(tmp_path)
    database = tmp_path / "db.sqlite3"
    live, store = open_moderated(root, database)  # the running bot, opened before the crash
    code = run_writer_that_crashes(
        root,
        database,
        "history.ChangeLog.finish = die_at('finish', history.ChangeLog.finish)",
        write,
    )
    assert code == CRASHED
    return root, live, store


def test_a_change_a_killed_writer_finished_is_served_by_the_running_bots_next_write(tmp_path):
    root, live, store = killed_before_finishing(
        tmp_path, "store.add_phrasing('kosovo-outside-pfp', 'crash phrasing', ALICE)"
    )

    assert isinstance(store.add_phrasing(RECOGNITION, "after the crash", BOB), Applied)
    assert "crash phrasing" in live.knowledge.entries[PFP].phrasings
    assert live.knowledge == load_knowledge(root).knowledge
    assert store.changes.pending() == []


def test_a_vocabulary_change_a_killed_writer_finished_keeps_its_history_at_the_next_one(
    tmp_path,
):
    """A vocabulary write repairs what a dead writer left first, as an entry write does:
    otherwise the next change to the same file made the dead writer's look undone."""
    _, live, store = killed_before_finishing(
        tmp_path, "store.add_word('moderators', 'names', 'zubin', '', ALICE)"
    )

    assert isinstance(store.add_word("moderators", "names", "mitrovica", "", BOB), Applied)
    assert [(change.actor, change.detail) for change in store.history()] == [
        (BOB, "names: mitrovica"),
        (ALICE, "names: zubin"),
    ]
    assert store.changes.pending() == []
    assert "zubin" in live.engine.lexicon.names


def test_a_source_half_written_by_a_killed_writer_is_rolled_back(tmp_path):
    root = make_knowledge(tmp_path)
    database = tmp_path / "db.sqlite3"
    before = sorted(p.name for p in (root / "sources").iterdir())

    code = run_writer_that_crashes(
        root,
        database,
        "files.os.replace = die_at('replace', files.os.replace, on_call=2)",
        "store.add_source({'id': 'new-source', 'title': 't', 'outlet': 'o',"
        " 'published': '2026-01', 'language': 'en'}, 'Text.', ALICE)",
    )

    assert code == CRASHED
    assert (root / "sources" / "new-source.txt").exists()
    store = open_store(root, database)
    assert sorted(p.name for p in (root / "sources").iterdir() if p.name != ".lock") == before
    assert store.history() == []


def test_a_second_writer_killed_mid_change_is_repaired_by_the_next_write_without_restart(
    tmp_path,
):
    root = make_knowledge(tmp_path)
    database = tmp_path / "db.sqlite3"
    store = open_store(root, database)  # the running bot, opened before the crash
    before = sorted(p.name for p in (root / "sources").iterdir())

    code = run_writer_that_crashes(
        root,
        database,
        "files.os.replace = die_at('replace', files.os.replace, on_call=2)",
        "store.add_source({'id': 'new-source', 'title': 't', 'outlet': 'o',"
        " 'published': '2026-01', 'language': 'en'}, 'Text.', ALICE)",
    )

    assert code == CRASHED
    assert load_knowledge(root).knowledge is None  # half a source: every write would fail
    assert leftovers(root) != [] and store.changes.pending() != []
    assert isinstance(store.add_phrasing(PFP, "after the crash", BOB), Applied)
    assert sorted(p.name for p in (root / "sources").iterdir()) == before
    assert leftovers(root) == [] and store.changes.pending() == []
    assert [change.actor for change in store.history()] == [BOB]


def test_a_temporary_file_of_a_killed_writer_is_removed_by_the_next_write(tmp_path):
    root = make_knowledge(tmp_path)
    database = tmp_path / "db.sqlite3"
    store = open_store(root, database)

    code = run_writer_that_crashes(
        root,
        database,
        "files.os.replace = die_at('replace', files.os.replace)",
        "store.add_phrasing('kosovo-outside-pfp', 'crash phrasing', ALICE)",
    )

    assert code == CRASHED
    assert len(leftovers(root)) == 1
    assert isinstance(store.add_phrasing(PFP, "after the crash", BOB), Applied)
    assert leftovers(root) == []
    assert "crash phrasing" not in load_knowledge(root).knowledge.entries[PFP].phrasings


def test_cleanup_removes_only_temporary_files(tmp_path):
    root = make_knowledge(tmp_path)
    write_atomic(root / "entries" / "kept.yaml", b"kept")
    (root / "entries" / ".kept.yaml.tmp-1a2b3c4d").write_bytes(b"half")
    (root / "sources" / ".notes").write_bytes(b"not ours")

    removed = cleanup_leftovers(root)

    assert [p.name for p in removed] == [".kept.yaml.tmp-1a2b3c4d"]
    assert (root / "entries" / "kept.yaml").read_bytes() == b"kept"
    assert (root / "sources" / ".notes").exists()


def test_a_hundred_concurrent_edits_leave_files_history_and_engine_consistent(tmp_path):
    root = make_knowledge(tmp_path)
    live, store = open_moderated(root, tmp_path / "db.sqlite3")

    def add_phrasing(number: int) -> object:
        return store.add_phrasing(PFP, f"concurrent phrasing {number}", ALICE)

    def edit_answer(number: int) -> object:
        base = store.read_entry(RECOGNITION).version
        data = recognition_data(answer=f"Answer number {number}.")
        return store.edit_entry(RECOGNITION, data, base, BOB)

    with ThreadPoolExecutor(max_workers=16) as pool:
        futures = [pool.submit(add_phrasing if n % 3 == 0 else edit_answer, n) for n in range(100)]
    results = [f.result() for f in futures]
    phrasings = results[::3]
    edits = [r for n, r in enumerate(results) if n % 3]

    assert len(phrasings) == 34
    assert all(isinstance(r, Applied) for r in phrasings)
    applied_edits = [r for r in edits if isinstance(r, Applied)]
    assert applied_edits
    assert all(isinstance(r, Applied | Conflict) for r in edits)
    on_disk = load_knowledge(root).knowledge
    added = {f"concurrent phrasing {n}" for n in range(0, 100, 3)}
    assert set(on_disk.entries[PFP].phrasings) >= added
    last_edit = max(applied_edits, key=lambda r: r.change_id)
    answer_of_last = store.changes.files(last_edit.change_id)[0].after.decode()
    assert on_disk.entries[RECOGNITION].answer in answer_of_last
    history = store.history(limit=1000)
    assert len(history) == len(phrasings) + len(applied_edits)
    for entry_id in (PFP, RECOGNITION):
        chain = [store.changes.files(c.id)[0] for c in reversed(store.history(entry_id, 1000))]
        for earlier, later in itertools.pairwise(chain):
            assert later.before == earlier.after
        assert chain[-1].after == (root / "entries" / f"{entry_id}.yaml").read_bytes()
    assert live.engine.knowledge == on_disk
    assert live.knowledge is live.engine.knowledge


def test_a_failed_write_is_refused_and_rolls_back_what_was_written(tmp_path, monkeypatch):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    before = sorted(p.name for p in (root / "sources").iterdir())
    real_put = store_module.put
    calls = []

    def put_until_disk_full(path, content):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_put(path, content)

    monkeypatch.setattr(store_module, "put", put_until_disk_full)
    metadata = {"id": "new-source", "title": "t", "outlet": "o", "published": "2026-01"}

    result = store.add_source({**metadata, "language": "en"}, "Text.", ALICE)

    assert isinstance(result, Refused)
    assert "No space left on device" in result.problems[0].message
    assert sorted(p.name for p in (root / "sources").iterdir()) == before
    assert store.history() == []
    assert store.changes.pending() == []


def test_a_change_log_that_cannot_begin_refuses_the_write_and_changes_nothing(
    tmp_path, monkeypatch
):
    """Refused like a failed write, so the moderator's text comes back with a retry."""
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    entry_file = root / "entries" / f"{PFP}.yaml"
    before = entry_file.read_bytes()

    def log_full(*_: object, **__: object) -> int:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store.changes, "begin", log_full)
    result = store.add_phrasing(PFP, "pfp and kosovo, why not", ALICE)

    assert isinstance(result, Refused)
    assert "database or disk is full" in result.problems[0].message
    assert entry_file.read_bytes() == before


def test_a_change_the_log_cannot_finish_is_served_and_finished_by_the_next_write(
    tmp_path, monkeypatch
):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    real_finish = store.changes.finish

    def log_locked(_: int) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store.changes, "finish", log_locked)
    result = store.add_phrasing(PFP, "pfp and kosovo, why not", ALICE)

    assert isinstance(result, Applied)
    assert "pfp and kosovo, why not" in store.read_entry(PFP).entry.phrasings
    monkeypatch.setattr(store.changes, "finish", real_finish)
    assert isinstance(store.add_phrasing(PFP, "why is kosovo left out of pfp", BOB), Applied)
    assert [change.actor for change in store.history(PFP)][:2] == [BOB, ALICE]
    assert store.changes.pending() == []


def test_a_link_in_the_lock_files_place_is_never_followed(tmp_path):
    """A committed or planted .lock link would make a write create a file outside the
    folder, or, pointing nowhere, leave writers in several processes unlocked."""
    root = make_knowledge(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / ".lock").symlink_to(outside / "made-by-the-bot")
    store = open_store(root, tmp_path / "db.sqlite3")

    assert isinstance(store.add_phrasing(PFP, "pfp and kosovo, why not", ALICE), Applied)
    assert list(outside.iterdir()) == []
    assert not (root / ".lock").is_symlink()


def test_half_a_character_in_a_source_or_a_name_is_refused_or_stored_not_raised(tmp_path):
    """A lone surrogate (half of a character a client sent wrongly) cannot be written to
    a file or to the history: the source is refused, the name stored with a "?" instead."""
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    metadata = {"id": "new-source", "title": "t", "outlet": "o", "published": "2026-01"}

    refused = store.add_source({**metadata, "language": "en"}, "Text \ud800 here.", ALICE)
    applied = store.add_phrasing(PFP, "pfp and kosovo, why not", Actor(7, "Ann\ud800"))

    assert isinstance(refused, Refused)
    assert "U+D800" in refused.problems[0].message
    assert isinstance(applied, Applied)
    assert store.history()[0].actor.name == "Ann?"


def test_a_change_whose_files_are_in_place_when_syncing_fails_is_applied_and_served(
    tmp_path, monkeypatch
):
    """The folder's sync fails after the rename: the file is the new one, so the change
    stands, recorded as done, rather than "nothing was changed"."""
    root = make_knowledge(tmp_path)
    live, store = open_moderated(root, tmp_path / "db.sqlite3")
    real_put = store_module.put

    def put_then_sync_fails(path, content):
        real_put(path, content)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(store_module, "put", put_then_sync_fails)
    result = store.add_phrasing(PFP, "pfp and kosovo, why not", ALICE)

    assert isinstance(result, Applied)
    assert "pfp and kosovo, why not" in live.knowledge.entries[PFP].phrasings
    assert [change.actor for change in store.history()] == [ALICE]
    assert store.changes.pending() == []


def test_a_read_during_a_source_add_never_reports_the_half_written_source(tmp_path):
    """A source is two files; a reader between them must not call the knowledge broken."""
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    adding = threading.Event()
    refused: list[object] = []

    def read_while_adding() -> None:
        while not adding.is_set():
            for result in (store.read_entry(PFP), store.check().knowledge):
                if isinstance(result, Refused) or result is None:
                    refused.append(result)

    reader = threading.Thread(target=read_while_adding)
    reader.start()
    try:
        for number in range(30):
            metadata = {"id": f"added-{number}", "title": "t", "outlet": "o"}
            data = {**metadata, "published": "2026-01", "language": "en"}
            assert isinstance(store.add_source(data, f"Text number {number}.", ALICE), Applied)
    finally:
        adding.set()
        reader.join()
    assert refused == []


def test_a_file_replaced_by_hand_is_seen_even_when_its_inode_comes_back(tmp_path):
    """ext4 may give a file replaced twice its first inode back; the folder's time still
    moves, so a write never trusts its snapshot over the hand edit (a duplicate phrasing
    written on top of it would stop the folder loading)."""
    root = make_knowledge(tmp_path)
    entry = root / "entries" / f"{RECOGNITION}.yaml"
    seen = fingerprint(root)
    time.sleep(0.01)  # past the file system's clock tick
    replacement = entry.with_name(".hand-edit")
    replacement.write_text(entry.read_text() + "\n", encoding="utf-8")
    os.replace(replacement, entry)
    listing = list_folders(root)
    name = f"entries/{RECOGNITION}.yaml"
    old_inode = next(stamp[3] for stamp in seen if stamp[0] == name)
    reused = replace(listing, inodes={**listing.inodes, name: old_inode})

    assert not still_as_seen(root, seen, reused, ())


def test_a_hand_edit_landing_just_after_a_write_is_reloaded_and_kept(tmp_path, monkeypatch):
    """An editor saving the file the moment the store put it in place (while the change is
    recorded as done): the watcher serves the edit, and the next write builds on it."""
    root = make_knowledge(tmp_path)
    live, store = open_moderated(root, tmp_path / "db.sqlite3")
    entry = root / "entries" / f"{PFP}.yaml"
    finish = ChangeLog.finish

    def finish_after_a_hand_edit(log: ChangeLog, change_id: int) -> None:
        text = entry.read_text(encoding="utf-8")
        entry.write_text(text.replace("phrasings:\n", 'phrasings:\n  - "by hand"\n'), "utf-8")
        finish(log, change_id)

    monkeypatch.setattr(ChangeLog, "finish", finish_after_a_hand_edit)
    assert isinstance(store.add_phrasing(PFP, "first by the store", ALICE), Applied)
    monkeypatch.setattr(ChangeLog, "finish", finish)

    assert live.changed_on_disk()
    assert isinstance(store.add_phrasing(PFP, "second by the store", BOB), Applied)
    phrasings = load_knowledge(root).knowledge.entries[PFP].phrasings
    assert {"by hand", "first by the store", "second by the store"} <= set(phrasings)


def test_a_lock_file_this_process_may_only_read_still_locks(tmp_path, monkeypatch):
    """A lock file left by another user (a run as root): flock on it opened for reading."""
    root = make_knowledge(tmp_path)
    lock = root / ".lock"
    lock.touch()
    real_open = os.open

    def not_for_writing(path: str, flags: int, *args: int) -> int:
        if Path(path).name == ".lock" and flags & os.O_RDWR:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", not_for_writing)
    with knowledge_lock(root), open(lock, "rb") as other, pytest.raises(BlockingIOError):
        fcntl.flock(other.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_a_change_is_synced_to_disk_before_its_files_are_written(tmp_path):
    """Not only at the next checkpoint: a power cut must never leave a file changed with no
    pending record to roll it back by (SQLite's full syncing of each commit)."""
    store = open_store(make_knowledge(tmp_path), tmp_path / "db.sqlite3")
    assert isinstance(store.add_phrasing(PFP, "a phrasing recorded", ALICE), Applied)
    with store.changes._connect() as connection:
        (synchronous,) = connection.execute("PRAGMA synchronous").fetchone()
    assert synchronous == 2  # FULL
