"""One serving process per data folder.

Two bots on one data folder and token would answer every mention twice, record every
question twice and take turns writing one health file that then says nothing true. A
serving process holds an exclusive `flock` on `<data folder>/serving.lock` for its life;
a second one finds it held and stops with a configuration error's exit code. The lock
goes with the process, however it ends: no stale lock file can keep a restart out.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import BinaryIO

LOCK_FILE = "serving.lock"


class AlreadyServing(Exception):
    """Another process serves from the same data folder."""


def hold_the_data_folder(data_dir: Path) -> BinaryIO | None:
    """Take the data folder for this process; keep the returned handle open while serving.

    None when the lock file cannot be made (a read-only folder, where nothing is written
    either): serving goes on, as it would without the lock.
    """
    path = data_dir / LOCK_FILE
    try:
        handle = os.fdopen(
            os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644), "a+b"
        )
    except OSError:
        return None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as held:
        handle.close()
        raise AlreadyServing(str(data_dir)) from held
    return handle
