import json
import time
from pathlib import Path

import pytest

from bot.ops.health import (
    STALE_AFTER_SECONDS,
    ConnectionTracker,
    HealthReporter,
    HealthState,
    assess,
    health_path,
    read_state,
    write_state,
)
from tests.bot_process import run_bot


def _write(data_dir: Path, connected: bool, knowledge_loaded: bool, age: float) -> None:
    state = HealthState(connected, knowledge_loaded, updated=time.time() - age)
    write_state(health_path(data_dir), state)


def _health(data_dir: Path):
    return run_bot("health", BRIEFING_DATA_DIR=str(data_dir))


def test_health_command_says_healthy_when_connected_with_knowledge(tmp_path: Path):
    _write(tmp_path, connected=True, knowledge_loaded=True, age=1)
    result = _health(tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("healthy")


@pytest.mark.parametrize(
    ("connected", "knowledge_loaded", "age", "reason"),
    [
        (False, True, 1, "not connected to Discord"),
        (True, False, 1, "knowledge failed to load"),
        (True, True, STALE_AFTER_SECONDS + 30, "stale"),
        (True, True, -(STALE_AFTER_SECONDS + 30), "stale"),  # stamped after now: clock stepped
    ],
)
def test_health_command_says_unhealthy_and_why(
    tmp_path: Path, connected: bool, knowledge_loaded: bool, age: float, reason: str
):
    _write(tmp_path, connected, knowledge_loaded, age)
    result = _health(tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("unhealthy")
    assert reason in result.stdout
    assert len(result.stdout.splitlines()) == 1


def test_health_command_says_unhealthy_when_the_bot_never_wrote_its_file(tmp_path: Path):
    result = _health(tmp_path / "empty")
    assert result.returncode == 1
    assert "no health file" in result.stdout


def test_health_command_says_unhealthy_when_the_file_is_garbage(tmp_path: Path):
    health_path(tmp_path).write_text("{not json")
    result = _health(tmp_path)
    assert result.returncode == 1
    assert "unreadable" in result.stdout


@pytest.mark.parametrize(
    "written",
    [
        '{"connected": true, "knowledge_loaded": true, "updated": NaN}',
        '{"connected": true, "knowledge_loaded": true, "updated": 1e400}',
        json.dumps({"connected": "false", "knowledge_loaded": True, "updated": time.time()}),
    ],
)
def test_health_command_says_unreadable_for_a_file_no_bot_writes(tmp_path: Path, written: str):
    health_path(tmp_path).write_text(written)
    result = _health(tmp_path)
    assert result.returncode == 1
    assert "unreadable" in result.stdout
    assert result.stderr == ""


def test_reporter_writes_each_change_with_a_fresh_timestamp(tmp_path: Path):
    clock = iter([100.0, 200.0, 300.0])
    reporter = HealthReporter(health_path(tmp_path), clock=lambda: next(clock))
    reporter.set_knowledge_loaded(True)
    reporter.set_connected(True)
    assert read_state(health_path(tmp_path)) == HealthState(True, True, 200.0)
    assert assess(health_path(tmp_path), now=250.0).healthy
    reporter.set_connected(False)
    assert assess(health_path(tmp_path), now=300.0).reason.endswith("not connected to Discord")


def test_reporter_heartbeat_keeps_a_quiet_bot_fresh(tmp_path: Path):
    clock = iter([10.0, 20.0])
    reporter = HealthReporter(health_path(tmp_path), clock=lambda: next(clock))
    reporter.set_connected(True)
    reporter.beat()
    assert json.loads(health_path(tmp_path).read_text())["updated"] == 20.0


def test_health_file_is_replaced_whole_and_leaves_no_temporary_file(tmp_path: Path):
    for updated in range(5):
        write_state(health_path(tmp_path), HealthState(True, True, float(updated)))
    assert [path.name for path in tmp_path.iterdir()] == ["health.json"]
    assert read_state(health_path(tmp_path)) == HealthState(True, True, 4.0)


def _tracker(tmp_path: Path) -> tuple[HealthReporter, ConnectionTracker]:
    reporter = HealthReporter(health_path(tmp_path))
    return reporter, ConnectionTracker(reporter)


def test_bot_counts_as_connected_only_once_ready(tmp_path: Path):
    reporter, tracker = _tracker(tmp_path)
    tracker.up()
    assert not reporter.state.connected
    tracker.ready()
    assert reporter.state.connected


def test_dropped_connection_is_unhealthy_until_resumed(tmp_path: Path):
    reporter, tracker = _tracker(tmp_path)
    tracker.ready()
    tracker.lost()
    assert not reporter.state.connected
    tracker.up()
    assert reporter.state.connected


def test_sharded_bot_is_connected_only_while_every_shard_is(tmp_path: Path):
    reporter, tracker = _tracker(tmp_path)
    tracker.ready()
    tracker.lost(0)
    tracker.lost(3)
    tracker.up(0)
    assert not reporter.state.connected
    tracker.up(3)
    assert reporter.state.connected


def test_bot_whose_knowledge_fails_to_load_leaves_a_health_file_saying_so(tmp_path: Path):
    (tmp_path / "knowledge" / "entries").mkdir(parents=True)
    (tmp_path / "knowledge" / "entries" / "broken.yaml").write_text("question: [unclosed\n")
    started = run_bot(
        "run",
        "--discord",
        DISCORD_TOKEN="not-a-real-token",
        BRIEFING_KNOWLEDGE_DIR=str(tmp_path / "knowledge"),
        BRIEFING_DATA_DIR=str(tmp_path / "data"),
    )
    assert started.returncode == 2  # a person must fix it: systemd does not restart on 2
    assert "broken.yaml" in started.stderr
    result = _health(tmp_path / "data")
    assert result.returncode == 1
    assert "knowledge failed to load" in result.stdout


def test_health_says_healthy_but_not_recording_when_the_record_fails(tmp_path: Path):
    from bot.serving.record import RecordStatus
    from bot.strings import Health

    reporter = HealthReporter(health_path(tmp_path))
    reporter.watch_recording(lambda: RecordStatus("database or disk is full", 4))
    reporter.set_knowledge_loaded(True)
    reporter.set_connected(True)

    result = _health(tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == Health.NOT_RECORDING.format(
        count=4, problem="database or disk is full"
    )


async def test_a_beat_that_cannot_be_written_does_not_stop_the_heartbeat(
    tmp_path: Path, caplog, monkeypatch
):
    """A full disk for a moment must not leave a bot that answers reported as hung."""
    import asyncio

    import bot.ops.health as health_module

    real_write = health_module.write_state
    failures = iter([True, True, False])

    def disk_full_twice(path, state):
        if next(failures, False):
            raise OSError(28, "No space left on device")
        real_write(path, state)

    monkeypatch.setattr(health_module, "write_state", disk_full_twice)
    reporter = HealthReporter(health_path(tmp_path), clock=time.time)
    beating = asyncio.create_task(reporter.heartbeat(interval=0.01))
    for _ in range(500):  # five seconds at most, for a heartbeat of 10 ms
        if health_path(tmp_path).exists():
            break
        await asyncio.sleep(0.01)
    beating.cancel()
    assert health_path(tmp_path).exists()
    logged = [r.getMessage() for r in caplog.records if "health_write_failed" in r.getMessage()]
    assert len(logged) == 1
