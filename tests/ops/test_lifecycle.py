import logging
import signal
import threading
import time
from pathlib import Path

import pytest

from bot.knowledge.history import ChangeLog
from bot.knowledge.loader import load_knowledge
from bot.ops.lifecycle import Shutdown, serve
from tests import store_writer_process, writer_process
from tests.bot_process import start_bot_script


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signal_during_a_write_lets_it_finish_then_closes_and_exits_zero(
    tmp_path: Path, signum: signal.Signals
):
    process = start_bot_script(Path(writer_process.__file__), str(tmp_path))
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    assert (tmp_path / "out.txt").read_text() == writer_process.WHOLE
    assert (tmp_path / "closed.txt").read_text() == "whole"
    assert f"event=shutdown_requested signal={signum.name}" in stderr
    assert "event=shutdown_complete" in stderr


def test_a_write_stuck_past_the_grace_is_abandoned_and_the_process_exits_zero(tmp_path: Path):
    """Not waited for until systemd or Docker kill the process: it ends after the grace."""
    process = start_bot_script(Path(writer_process.__file__), str(tmp_path), "stuck")
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=writer_process.STUCK_SECONDS / 4)
    assert process.returncode == 0, stderr
    assert "event=shutdown_write_timeout guard=store" in stderr
    assert "event=shutdown_complete" in stderr


async def test_steps_run_in_order_disconnect_then_writes_then_close():
    order: list[str] = []
    lock = threading.Lock()
    shutdown = Shutdown()
    shutdown.on_close("database", lambda: order.append("close"))
    shutdown.guard_writes("store", lambda: lock)
    shutdown.on_disconnect("connection", lambda: order.append("disconnect"))
    writing = threading.Event()

    def write() -> None:
        with lock:
            writing.set()
            time.sleep(0.2)
            order.append("write finished")

    writer = threading.Thread(target=write)
    writer.start()
    writing.wait()
    await shutdown.close()
    writer.join()
    assert order == ["disconnect", "write finished", "close"]


async def test_no_write_starts_while_the_database_closes():
    lock = threading.Lock()
    shutdown = Shutdown()
    shutdown.guard_writes("store", lambda: lock)
    seen: list[bool] = []
    shutdown.on_close("database", lambda: seen.append(lock.locked()))
    await shutdown.close()
    assert seen == [True]
    assert not lock.locked()


async def test_stuck_write_is_reported_and_does_not_block_the_exit(caplog):
    lock = threading.Lock()
    lock.acquire()
    closed: list[bool] = []
    shutdown = Shutdown(grace_seconds=0.05)
    shutdown.guard_writes("store", lambda: lock)
    shutdown.on_close("database", lambda: closed.append(True))
    with caplog.at_level(logging.INFO):
        await shutdown.close()
    lock.release()
    assert closed == [True]
    assert "event=shutdown_write_timeout guard=store" in caplog.messages


async def test_failing_step_is_logged_and_later_steps_still_run(caplog):
    closed: list[str] = []

    def broken() -> None:
        raise OSError("socket already gone")

    async def close_database() -> None:
        closed.append("database")

    shutdown = Shutdown()
    shutdown.on_disconnect("connection", broken)
    shutdown.on_close("database", close_database)
    with caplog.at_level(logging.INFO):
        await shutdown.close()
        await shutdown.close()
    assert closed == ["database"]
    assert any("event=shutdown_step_failed step=connection" in m for m in caplog.messages)


async def test_work_that_fails_is_raised_after_everything_closed():
    closed: list[bool] = []
    shutdown = Shutdown()
    shutdown.on_close("database", lambda: closed.append(True))

    async def refused_login() -> None:
        raise PermissionError("login refused")

    with pytest.raises(PermissionError):
        await serve(refused_login(), shutdown)
    assert closed == [True]


def test_sigterm_while_moderators_edit_leaves_whole_files_and_a_complete_history(tmp_path: Path):
    process = start_bot_script(Path(store_writer_process.__file__), str(tmp_path))
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    root = tmp_path / "knowledge"
    loaded = load_knowledge(root)
    assert loaded.knowledge is not None, loaded.problems
    assert [path.name for path in root.rglob(".*tmp*")] == []
    assert (tmp_path / "pending.txt").read_text() == "0"
    changes = ChangeLog(tmp_path / "data" / "briefing.sqlite3")
    recorded = changes.history(store_writer_process.ENTRY_ID, limit=10_000)
    entry = loaded.knowledge.entries[store_writer_process.ENTRY_ID]
    added = [p for p in entry.phrasings if p.startswith("shutdown test phrasing")]
    assert len(recorded) == len(added) >= 3
