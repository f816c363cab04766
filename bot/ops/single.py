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
    handle = _lock_handle(data_dir / LOCK_FILE)
    if handle is None:
        return None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as held:
        handle.close()
        raise AlreadyServing(str(data_dir)) from held
    return handle


def _lock_handle(path: Path) -> BinaryIO | None:
    """The lock file opened to lock it: for writing, or else for reading.

    `flock` locks a file opened for reading as well: a lock file left by another user (a
    run as root) still keeps a second bot out.
    """
    flags = os.O_NOFOLLOW | os.O_CLOEXEC
    for extra, mode in ((os.O_RDWR | os.O_CREAT, "a+b"), (os.O_RDONLY, "rb")):
        try:
            return os.fdopen(os.open(path, flags | extra, 0o644), mode)
        except OSError:
            continue
    return None
