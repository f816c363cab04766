"""Command line: `python -m bot ask | check | bench | sync | run`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.knowledge.check import run_check
from bot.settings import SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the knowledge")
    check.add_argument("directory", nargs="?", help="knowledge folder (default: configured)")
    check.add_argument(
        "--coverage", action="store_true", help="list source sentences no entry cites"
    )
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    if args.command == "check":
        root = Path(args.directory) if args.directory else settings.knowledge_dir
        return run_check(root, args.coverage)
    return 2
