"""Command line: `python -m bot ask | check | bench | sync | run | health`."""

from __future__ import annotations

import argparse
import sys

from bot import health
from bot.knowledge.loader import load_knowledge
from bot.settings import SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the knowledge")
    check.add_argument("directory", nargs="?", help="knowledge folder (default: configured)")
    commands.add_parser("health", help="exit 0 if the running bot is connected and serving")
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    if args.command == "check":
        result = load_knowledge(settings.knowledge_dir)
        for problem in result.problems:
            print(problem)
        return 0 if result.ok else 1
    if args.command == "health":
        code, reason = health.check(settings.data_dir)
        print(reason)
        return code
    return 2
