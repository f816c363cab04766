"""The layout of bot/ is its architecture: these tests keep each layer's imports in bounds.

The general language (stopwords, folding, sentences) sits below everything; the knowledge
never imports the engine, which reads it; the engine and the knowledge know nothing of
Discord nor of what serves them; serving and
operations know no front end; the terminal's path never loads discord.py.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parent.parent / "bot"
FRONT_ENDS = ("discord", "bot.discord", "bot.terminal", "bot.cli")
# Each layer, and the modules it must never import (a prefix forbids its submodules too).
FORBIDDEN = {
    "bot.engine": (*FRONT_ENDS, "bot.serving", "bot.replies", "bot.bench"),
    "bot.knowledge": (*FRONT_ENDS, "bot.engine", "bot.serving", "bot.replies", "bot.bench"),
    # The general language: below everything, it imports nothing of the bot but itself.
    "bot.language": (
        *FRONT_ENDS,
        "bot.engine",
        "bot.knowledge",
        "bot.serving",
        "bot.ops",
        "bot.replies",
        "bot.bench",
    ),
    "bot.serving": FRONT_ENDS,
    "bot.ops": FRONT_ENDS,
    "bot.discord": ("bot.terminal", "bot.cli"),
    "bot.replies": ("discord", "bot.discord", "bot.serving"),
    "bot.discord_format": (*FRONT_ENDS, "bot.serving", "bot.engine", "bot.knowledge"),
    "bot.terminal": ("discord", "bot.discord"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(BOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module a file imports, anywhere in it (function-level imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def breaches(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted(BOT.rglob("*.py")):
        name = module_name(path)
        if name != layer and not name.startswith(layer + "."):
            continue
        for target in sorted(imported(path)):
            for banned in forbidden:
                if target == banned or target.startswith(banned + "."):
                    found.append(f"{name} imports {target}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer):
    assert breaches(layer, FORBIDDEN[layer]) == []


def test_the_checker_sees_a_forbidden_import():
    # The scan must be able to fail: the Discord front end does import discord.py.
    assert breaches("bot.discord.bot", ("discord",))


def test_the_terminal_front_end_runs_without_loading_discord():
    code = (
        "import sys, bot.cli, bot.terminal, bot.serving, bot.bench\nprint('discord' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=BOT.parent, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
