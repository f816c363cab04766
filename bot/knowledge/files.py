"""Durable file writes for the knowledge folder: a crash leaves the old file or the new one.

Every write goes to a temporary file beside its target (named `.<name>.tmp-<random>`, so the
loader, which ignores names starting with a dot, never reads it), is flushed and fsynced, then
renamed over the target, and the folder is fsynced so the rename itself survives a power cut.
Writers hold `knowledge_lock`, which serialises threads of this process and other processes
(a second bot, a maintenance script) sharing the folder.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import fcntl
import hashlib
import os
import secrets
import stat
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO

LOCK_FILE = ".lock"
# Names Windows reserves whatever the extension ("nul.yaml" is the null device there): a
# knowledge file so named could not be checked out from git or unzipped from an export.
RESERVED_NAMES = frozenset(
    ("con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)))
)
KNOWLEDGE_FOLDERS = ("entries", "sources", "vocabulary")
# About eight times a full entry (40 phrasings of 200 characters, a 700-character answer
# and three 1,000-character quotes come to about 12 kB): ample for any real file, small
# enough that parsing one costs milliseconds.
YAML_FILE_LIMIT = 100_000
# A source is one article, speech or report: the shipped ones are under 10 kB, a long
# report's text is a few hundred kB. A whole book is not a briefing source.
SOURCE_TEXT_LIMIT = 1_000_000
_READ_CHUNK = 64 * 1024
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
    A link in the lock file's place (committed, or planted) is never followed: it is
    replaced by the lock file, so no file outside the folder is created and the lock holds.
    """
    path = root / LOCK_FILE
    if path.is_symlink():
        with contextlib.suppress(OSError):
            path.unlink()
    handle = _lock_handle(path)
    if handle is None:
        yield
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _lock_handle(path: Path) -> BinaryIO | None:
    """The lock file opened to lock it: for writing, or else for reading.

    `flock` locks a file opened for reading as well: a lock file left by another user (a
    run as root) still serialises every writer, rather than none.
    """
    flags = os.O_NOFOLLOW | os.O_CLOEXEC
    for extra, mode in ((os.O_RDWR | os.O_CREAT | os.O_APPEND, "a+b"), (os.O_RDONLY, "rb")):
        try:
            return os.fdopen(os.open(path, flags | extra, 0o644), mode)
        except OSError:
            continue
    return None


def version_of(content: bytes | None) -> str | None:
    """The version of a file: a hash of its bytes, or None when the file does not exist.

    A hash rather than a counter or a time, so a file changed by hand or by `git pull` gets
    a new version too, and a file restored byte for byte gets its old version back.
    """
    return None if content is None else hashlib.sha256(content).hexdigest()[:16]


class Refusal(Enum):
    """Why a knowledge file is refused without being read."""

    LINK = "link"
    NOT_REGULAR = "not regular"
    TOO_LARGE = "too large"


class FileRefused(Exception):
    """A knowledge file that is not read: a symbolic link, not a regular file, or too large.

    Links are refused rather than followed because git carries them: a contributed link to
    `/proc/self/environ` would otherwise be served, exported and quoted as a source.
    """

    def __init__(self, refusal: Refusal, size: int = 0, limit: int = 0) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal
        self.size = size
        self.limit = limit


def limit_of(path: Path) -> int:
    """The most bytes a knowledge file may hold: a source text's limit, or a YAML file's."""
    return SOURCE_TEXT_LIMIT if path.suffix == ".txt" else YAML_FILE_LIMIT


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, never following a link, at most `limit`.

    Opened without following a final symbolic link and without blocking (a FIFO would hang
    a plain open), then checked on the open descriptor, so a file swapped for a link after
    the folder was listed is refused too. Reads stop one byte past the limit, so a file
    that grows while being read costs no more. Raises `FileRefused`, or `OSError` when the
    file cannot be opened (`FileNotFoundError` when it does not exist).
    """
    limit = limit_of(path) if limit is None else limit
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise FileRefused(Refusal.LINK) from None
        raise
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise FileRefused(Refusal.NOT_REGULAR)
        if status.st_size > limit:
            raise FileRefused(Refusal.TOO_LARGE, status.st_size, limit)
        content = _read_at_most(descriptor, limit + 1)
    finally:
        os.close(descriptor)
    if len(content) > limit:
        raise FileRefused(Refusal.TOO_LARGE, len(content), limit)
    return content


def _read_at_most(descriptor: int, size: int) -> bytes:
    chunks = []
    while size > 0:
        chunk = os.read(descriptor, min(size, _READ_CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_bytes(path: Path) -> bytes | None:
    """The regular file's bytes, or None when it does not exist; a link is never followed."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None


def write_atomic(path: Path, content: bytes) -> os.stat_result:
    """Replace `path` with `content` so that readers and crashes see all of it or none.

    Returns the file's status as written, taken before it is in place: a hand edit
    landing right after differs from it (`refingerprinted`).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}{_TEMP_MARK}{secrets.token_hex(4)}")
    try:
        with open(temp, "xb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return written


def remove_durable(path: Path) -> None:
    """Delete `path` (if present) so that the deletion survives a crash."""
    path.unlink(missing_ok=True)
    _fsync_folder(path.parent)


def put(path: Path, content: bytes | None) -> os.stat_result | None:
    """Make `path` hold `content`, or not exist when `content` is None; the written status."""
    if content is None:
        remove_durable(path)
        return None
    return write_atomic(path, content)


Fingerprint = tuple[tuple[str, int, int, int], ...]
_NAME_AND_INODE = itemgetter(0, 3)  # of a stamp in a fingerprint


def knowledge_files(root: Path) -> list[Path]:
    """Every name the loader reads (or complains about): the visible names in the folders.

    Whatever each is (a link, a folder, a FIFO): the loader refuses what is not a regular
    file, so a caller copying or packing these must check each with `read_regular`. A
    folder that is itself a link is not looked into (the loader reports it).
    """
    found = []
    for name in KNOWLEDGE_FOLDERS:
        folder = root / name
        if folder.is_dir() and not folder.is_symlink():
            found.extend(p for p in folder.iterdir() if not p.name.startswith("."))
    return sorted(found)


def fingerprint(root: Path) -> Fingerprint:
    """What changes when any knowledge file is added, removed, rewritten or replaced.

    Cheap (one stat per file, read from the folder listing without a path object per
    file, each stamp made in place: at 10,000 entries a write takes one of these, and
    the stats are most of it), so it can be polled; the inode
    catches an atomic replace even within the file system's time resolution.
    """
    stamps: list[tuple[str, int, int, int]] = []
    for name in KNOWLEDGE_FOLDERS:
        folder = root / name
        if not folder.is_dir() or folder.is_symlink():
            continue
        prefix = f"{name}/"
        found = [_folder_stamp(name, folder)]
        with os.scandir(folder) as listing:
            for item in listing:
                file = item.name
                if file.startswith("."):
                    continue
                try:
                    status = item.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue
                found.append((prefix + file, status.st_mtime_ns, status.st_size, status.st_ino))
        found.sort()  # by name: names are unique, so no two stamps compare further
        stamps += found
    return tuple(stamps)


def refingerprinted(
    root: Path, seen: Fingerprint, written: Mapping[Path, os.stat_result | None]
) -> Fingerprint:
    """`seen` with the stamps of the `written` paths, as `put` wrote them (None: removed).

    What a writer knows after writing those files over a folder last seen as `seen`;
    anything else that changed meanwhile, a hand edit of a written file just after it was
    put in place included, still differs from a fresh `fingerprint`.
    """
    stamps = list(seen)
    folders = {path.relative_to(root).parts[0] for path in written}
    for name in sorted(folders):
        at = bisect.bisect_left(stamps, _place(name), key=_place_of)
        if at < len(stamps) and stamps[at][0] == name:
            stamps[at] = _folder_stamp(name, root / name)
    for path, status in written.items():
        name = path.relative_to(root).as_posix()
        at = bisect.bisect_left(stamps, _place(name), key=_place_of)
        if at < len(stamps) and stamps[at][0] == name:
            del stamps[at]
        if status is not None:
            stamps.insert(at, _stamp(name, status))
    return tuple(stamps)


def _place(name: str) -> tuple[str, ...]:
    """Where a stamp stands in a fingerprint: by folder, then by file name."""
    return tuple(name.split("/", 1))


def _place_of(stamp: tuple[str, int, int, int]) -> tuple[str, ...]:
    return _place(stamp[0])


def _stamp(name: str, status: os.stat_result) -> tuple[str, int, int, int]:
    return (name, status.st_mtime_ns, status.st_size, status.st_ino)


def _folder_stamp(name: str, folder: Path) -> tuple[str, int, int, int]:
    """A knowledge folder's stamp: its modification time where a file's has its inode.

    Adding, removing or replacing a file in it changes that time, even when the file
    system gives a replaced file its old inode back (ext4 may, after two replaces), and
    `Listing.matches` compares names with that last field: one comparison covers both.
    """
    changed = folder.stat().st_mtime_ns
    return (name, changed, -1, changed)


@dataclass(frozen=True)
class Listing:
    """The knowledge folders as one listing shows them, without a stat per file.

    `inodes` holds each visible name (as a fingerprint names it) with its inode, which the
    listing gives for free: a file added, removed or replaced atomically (as this module
    and many editors write: the new file has its own inode while the old one still
    exists) changes them, whatever the file system's clock; and each folder's name with its
    modification time (one stat a folder), which catches a replaced file given its old inode
    back. `leftovers` are the temporary files of writers.
    """

    inodes: dict[str, int]
    leftovers: tuple[Path, ...]

    def matches(self, seen: Fingerprint) -> bool:
        """Whether `seen` holds the same names with the same inodes."""
        return dict(map(_NAME_AND_INODE, seen)) == self.inodes


def list_folders(root: Path) -> Listing:
    """One listing of the knowledge folders: a few milliseconds at 10,000 entries.

    A folder that is itself a link is not looked into, as `fingerprint` does not.
    """
    inodes: dict[str, int] = {}
    leftovers: list[Path] = []
    for name in KNOWLEDGE_FOLDERS:
        folder = root / name
        if not folder.is_dir() or folder.is_symlink():
            continue
        prefix = f"{name}/"
        inodes[name] = _folder_stamp(name, folder)[3]
        with os.scandir(folder) as listing:
            items = list(listing)
        # `name[0]`, not `startswith`: a method call per file costs a millisecond here.
        inodes.update({prefix + i.name: i.inode() for i in items if i.name[0] != "."})
        hidden = [i.name for i in items if i.name[0] == "."]
        leftovers += [folder / name for name in hidden if _TEMP_MARK in name]
    return Listing(inodes, tuple(leftovers))


def still_as_seen(root: Path, seen: Fingerprint, listing: Listing, written: Iterable[Path]) -> bool:
    """Whether a write of `written` may rely on what was loaded when the folder was `seen`.

    The folder must list the same names with the same inodes (`Listing.matches`), and each
    of `written` that `seen` holds must have its stamp still (one stat each), so a hand
    edit in place of the very file about to be written is never overwritten from an older
    copy. A file edited in place elsewhere is not looked at (that takes a stat of every
    file, tens of milliseconds at 10,000 entries): its stamp differs from the fingerprint a
    write leaves (`refingerprinted`), so whoever polls `fingerprint` (the served
    knowledge's watcher) reloads it.
    """
    if not listing.matches(seen):
        return False
    for path in written:
        name = path.relative_to(root).as_posix()
        at = bisect.bisect_left(seen, _place(name), key=_place_of)
        if at == len(seen) or seen[at][0] != name:
            continue  # not in the folder as seen, nor (the listing says) now
        try:
            if _stamp(name, path.lstat()) != seen[at]:
                return False
        except FileNotFoundError:
            return False
    return True


def cleanup_leftovers(root: Path, listing: Listing | None = None) -> list[Path]:
    """Remove temporary files a crashed writer left behind; return what was removed.

    Every writer calls it under the lock before writing, so no live writer's temporary
    file is taken, and the leftovers of a writer killed in another process are gone by the
    next write rather than at the next start. Only the folders writes go to are looked at
    (in `listing` when the writer has just taken one), and links are removed as names,
    never followed.
    """
    with knowledge_lock(root):
        leftovers = (list_folders(root) if listing is None else listing).leftovers
        for path in leftovers:
            path.unlink(missing_ok=True)
        return sorted(leftovers)


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
