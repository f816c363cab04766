"""Durable file writes for the knowledge folder: a crash leaves the old file or the new one.

Every write goes to a temporary file beside its target (named `.<name>.tmp-<random>`, so the
loader, which ignores names starting with a dot, never reads it), is flushed and fsynced, then
renamed over the target, and the folder is fsynced so the rename itself survives a power cut.
Writers hold `knowledge_lock`, which serialises threads of this process and other processes
(a second bot, a maintenance script) sharing the folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import secrets
import threading
from collections.abc import Iterator
from pathlib import Path

LOCK_FILE = ".lock"
KNOWLEDGE_FOLDERS = ("entries", "sources", "vocabulary")
_TEMP_MARK = ".tmp-"
_THREAD_LOCK = threading.RLock()
_HELD = threading.local()


@contextlib.contextmanager
def knowledge_lock(root: Path) -> Iterator[None]:
    """Hold the knowledge folder exclusively: first among threads, then among processes.

    Re-entrant within a thread (only the outermost hold takes the file lock, which would
    otherwise wait for itself), so a store write may call a reload that takes it again.
    """
    with _THREAD_LOCK:
        if getattr(_HELD, "depth", 0):
            _HELD.depth += 1
            try:
                yield
            finally:
                _HELD.depth -= 1
            return
        with _file_lock(root):
            _HELD.depth = 1
            try:
                yield
            finally:
                _HELD.depth = 0


@contextlib.contextmanager
def _file_lock(root: Path) -> Iterator[None]:
    """Make writers in other processes wait, through `flock` on `<root>/.lock`.

    A folder whose lock file cannot be opened (missing, or mounted read-only for a bot that
    only answers) is served without it: nothing can be written there, so nothing
    interleaves, and a missing folder is reported by the loader rather than created here.
    """
    try:
        handle = open(root / LOCK_FILE, "a+b")  # noqa: SIM115 - closed by the `with` below
    except OSError:
        handle = None
    if handle is None:
        yield
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def version_of(content: bytes | None) -> str | None:
    """The version of a file: a hash of its bytes, or None when the file does not exist.

    A hash rather than a counter or a time, so a file changed by hand or by `git pull` gets
    a new version too, and a file restored byte for byte gets its old version back.
    """
    return None if content is None else hashlib.sha256(content).hexdigest()[:16]


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def write_atomic(path: Path, content: bytes) -> None:
    """Replace `path` with `content` so that readers and crashes see all of it or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}{_TEMP_MARK}{secrets.token_hex(4)}")
    try:
        with open(temp, "xb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def remove_durable(path: Path) -> None:
    """Delete `path` (if present) so that the deletion survives a crash."""
    path.unlink(missing_ok=True)
    _fsync_folder(path.parent)


def put(path: Path, content: bytes | None) -> None:
    """Make `path` hold `content`, or not exist when `content` is None."""
    if content is None:
        remove_durable(path)
    else:
        write_atomic(path, content)


Fingerprint = tuple[tuple[str, int, int, int], ...]


def knowledge_files(root: Path) -> list[Path]:
    """Every file the loader reads (or complains about): the visible files of the folders."""
    found = []
    for name in KNOWLEDGE_FOLDERS:
        folder = root / name
        if folder.is_dir():
            found.extend(p for p in folder.iterdir() if not p.name.startswith(".") and p.is_file())
    return sorted(found)


def fingerprint(root: Path) -> Fingerprint:
    """What changes when any knowledge file is added, removed, rewritten or replaced.

    Cheap (one stat per file), so it can be polled; the inode catches an atomic replace
    even within the file system's time resolution.
    """
    stats = []
    for path in knowledge_files(root):
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        name = path.relative_to(root).as_posix()
        stats.append((name, stat.st_mtime_ns, stat.st_size, stat.st_ino))
    return tuple(stats)


def cleanup_leftovers(root: Path) -> list[Path]:
    """Remove temporary files a crashed writer left behind; return what was removed.

    Called at start, under the lock, so no live writer's temporary file is taken.
    """
    with knowledge_lock(root):
        leftovers = [p for p in root.rglob(f".*{_TEMP_MARK}*") if p.is_file()]
        for path in leftovers:
            path.unlink(missing_ok=True)
        return leftovers


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
