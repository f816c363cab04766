"""`make run` installs what running needs; `make test` the test tools too."""

import os
import subprocess
from pathlib import Path

from bot.ops.settings import PROJECT_ROOT


def _make(*arguments: str, folder: Path = PROJECT_ROOT) -> subprocess.CompletedProcess[str]:
    """`make` run in `folder`, outside any make that runs these tests."""
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=folder,
        env={k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _planned(target: str) -> str:
    """The commands `make` would run for `target` on a fresh clone (nothing is run)."""
    done = _make("--dry-run", "--always-make", target)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_make_run_installs_the_dependencies_but_not_the_test_tools_nor_the_project():
    planned = _planned("run")
    assert "pip install --quiet -r .venv/requirements-run.txt" in planned
    assert "requirements-test" not in planned
    assert "pip install --quiet -e" not in planned
    assert planned.rstrip().endswith("-m bot run")


def test_make_test_installs_the_test_tools():
    planned = _planned("test")
    assert "project['optional-dependencies'][extra]" in planned
    assert "> .venv/requirements-test.txt" in planned
    assert "pip install --quiet -r .venv/requirements-test.txt" in planned


def test_a_venv_whose_creation_fails_halfway_is_removed_so_the_next_run_retries(tmp_path):
    """As Debian without python3-venv does: the interpreter is made, then it fails."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "Makefile").write_text((PROJECT_ROOT / "Makefile").read_text())
    failing = tmp_path / "python-without-venv"
    failing.write_text("#!/bin/sh\nmkdir -p .venv/bin && cp /bin/true .venv/bin/python && exit 1\n")
    failing.chmod(0o755)
    done = _make(".venv/bin/python", f"PYTHON={failing}", folder=project)
    assert done.returncode != 0
    assert not (project / ".venv").exists()


def test_a_python_older_than_the_bot_needs_is_refused_with_a_line_saying_so(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "Makefile").write_text((PROJECT_ROOT / "Makefile").read_text())
    older = tmp_path / "python3.10"
    older.write_text("#!/bin/sh\nexit 1\n")  # sys.version_info < (3, 11): exit status 1
    older.chmod(0o755)
    done = _make(".venv/bin/python", f"PYTHON={older}", folder=project)
    assert done.returncode != 0
    assert "is not Python 3.11 or newer" in done.stdout + done.stderr
    assert not (project / ".venv").exists()
