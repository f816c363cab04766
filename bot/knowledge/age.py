"""Which of several knowledge files is the newer, so a clash is blamed on the one just changed.

When two entries claim the same words, the moderator who just wrote one of them should be
told to change theirs, not the entry that was there first. The rule, from the strongest
evidence to the weakest:

1. a file git sees as changed (modified, staged or untracked) is newer than one it does not,
   when the folder is in a git repository with git installed;
2. otherwise, the file modified later (its modification time) is newer;
3. otherwise, the file with the later name is newer.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

GIT_TIMEOUT_SECONDS = 5


def oldest_first(root: Path, labels: Sequence[str]) -> list[str]:
    """`labels` (paths relative to `root`) ordered from the oldest file to the newest."""
    changed = changed_in_git(root)

    def age(label: str) -> tuple[bool, int, str]:
        try:
            modified = (root / label).stat().st_mtime_ns
        except OSError:
            modified = 0
        return label in changed, modified, label

    return sorted(labels, key=age)


def changed_in_git(root: Path) -> frozenset[str]:
    """The files under `root` that differ from git's last commit (empty without git)."""
    diff = _git(root, "diff", "--name-only", "--relative", "HEAD", "--", ".")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", ".")
    return frozenset(diff + untracked)


def _git(root: Path, *arguments: str) -> list[str]:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *arguments],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    return done.stdout.splitlines()
