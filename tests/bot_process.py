"""Run `python -m bot` in a child process with a controlled configuration.

Every setting the bot reads is set explicitly (empty means its default), so a developer's own
`.env` never leaks into a test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bot.ops.settings import PROJECT_ROOT

SETTING_NAMES = tuple(
    re.findall(r'read\(\s*"([A-Z_]+)"', (PROJECT_ROOT / "bot" / "ops" / "settings.py").read_text())
)


def bot_env(**settings: str) -> dict[str, str]:
    """The current environment with every setting blank except `settings`."""
    env = {key: value for key, value in os.environ.items() if key not in SETTING_NAMES}
    env.update(dict.fromkeys(SETTING_NAMES, ""))
    env.update(settings)
    return env


def run_bot(*args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` to completion and capture what it printed."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=PROJECT_ROOT,
        env=bot_env(**settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def start_bot_script(script: Path, *args: str, **settings: str) -> subprocess.Popen[str]:
    """Start a Python script with the bot importable, for tests that signal it midway."""
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        cwd=PROJECT_ROOT,
        env={**bot_env(**settings), "PYTHONPATH": str(PROJECT_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
