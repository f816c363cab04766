"""Replies go out before their questions are written: a shutdown lets the queue drain."""

import sqlite3
import threading
import time
from pathlib import Path

from bot.discord.asker import Asker
from bot.discord.cooldown import Cooldown
from bot.serving.record import QuestionRecord
from tests.serving.test_record import ANSWERED


async def test_questions_waiting_to_be_recorded_are_written_before_the_record_closes(
    tmp_path: Path,
):
    record = QuestionRecord(tmp_path / "db.sqlite3", retention_days=30)
    asker = Asker(lambda: None, record, Cooldown(5, 30))  # the engine is not asked here
    slow_file = threading.Lock()

    def write_slowly(number: int) -> None:
        with slow_file:
            time.sleep(0.01)
        record.record(f"question {number}", ANSWERED, 1, 2)

    for number in range(20):
        asker._recording.submit(write_slowly, number)
    await asker.finish_recording(limit=10)
    record.close()

    rows = sqlite3.connect(tmp_path / "db.sqlite3").execute("SELECT COUNT(*) FROM questions")
    assert rows.fetchone() == (20,)
    assert record.status.not_recorded == 0
