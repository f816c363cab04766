"""Command line: `python -m bot ask | check | coverage | sources | bench | sync | run | health`."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from bot import strings
from bot.knowledge.check import run_check, run_coverage, run_report, run_sources
from bot.ops import health
from bot.ops.settings import Settings, SettingsError, load_settings

# The exit status of a command stopped by Ctrl-C, as shells report one (128 + SIGINT).
INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=strings.Cli.DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help=strings.Cli.CHECK)
    check.add_argument("directory", nargs="?", help=strings.Cli.DIRECTORY)
    check.add_argument("--directory", dest="named_directory", help=strings.Cli.DIRECTORY)
    reports = check.add_mutually_exclusive_group()
    reports.add_argument("--coverage", action="store_true", help=strings.Cli.CHECK_COVERAGE)
    reports.add_argument("--held-out", action="store_true", help=strings.Cli.CHECK_HELD_OUT)
    cover = commands.add_parser("coverage", help=strings.Cli.COVERAGE)
    cover.add_argument("source", nargs="?", help=strings.Cli.COVERAGE_SOURCE)
    cover.add_argument("--directory", help=strings.Cli.DIRECTORY)
    listing = commands.add_parser("sources", help=strings.Cli.SOURCES)
    listing.add_argument("directory", nargs="?", help=strings.Cli.DIRECTORY)
    listing.add_argument("--directory", dest="named_directory", help=strings.Cli.DIRECTORY)
    ask = commands.add_parser("ask", help=strings.Cli.ASK)
    ask.add_argument("question", nargs="?", help=strings.Cli.ASK_QUESTION)
    ask.add_argument("--json", action="store_true", help=strings.Cli.ASK_JSON)
    ask.add_argument("--directory", help=strings.Cli.ASK_DIRECTORY)
    ask.add_argument("--explain", action="store_true", help=strings.Cli.ASK_EXPLAIN)
    run_parser = commands.add_parser("run", help=strings.Cli.RUN)
    run_parser.add_argument("--discord", action="store_true", help=strings.Cli.RUN_DISCORD)
    commands.add_parser("sync", help=strings.Cli.SYNC)
    bench = commands.add_parser("bench", help=strings.Cli.BENCH)
    bench.add_argument("--peer", help=strings.Cli.BENCH_PEER)
    commands.add_parser("health", help=strings.Cli.HEALTH)
    args = parser.parse_args(argv)
    _one_directory(parser, args)
    try:
        settings = load_settings()
        if args.command == "run" and args.discord:
            settings.require_token()
        if args.command in ("ask", "bench", "run", "sync"):
            discord = args.command == "sync" or (args.command == "run" and settings.discord_mode)
            settings.require_folders(writable_data=discord)
    except SettingsError as error:
        print(strings.Run.CONFIGURATION_ERROR.format(error=error), file=sys.stderr)
        return 2
    try:
        return _command(args, settings)
    except BrokenPipeError:
        return _reader_gone()
    except KeyboardInterrupt:
        # Ctrl-C before the prompt or the bot took it over (while the knowledge loads): a
        # stop asked for, not a failure to show as a traceback.
        return INTERRUPTED


def _one_directory(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Take `--directory` as the folder argument of `check` and `sources`, as of the others.

    `coverage` and `ask` name the folder `--directory` (their argument is a source or a
    question), so moderators type it for every command; given both ways, they must agree.
    """
    named = getattr(args, "named_directory", None)
    if named is None:
        return
    if args.directory is not None and args.directory != named:
        parser.error(strings.Cli.TWO_DIRECTORIES)
    args.directory = named


def _command(args: argparse.Namespace, settings: Settings) -> int:
    """Run the chosen command with valid settings; return the exit code."""
    if args.command in ("check", "coverage", "sources"):
        root = Path(args.directory) if args.directory else settings.knowledge_dir
        if args.command == "coverage":
            return run_coverage(root, args.source)
        if args.command == "sources":
            return run_sources(root)
        if args.held_out:
            from bot.engine.held_out import unwritten_report

            return run_report(root, unwritten_report)
        from bot.engine.routing import routing_problems

        return run_check(root, args.coverage, snapshot_checks=(routing_problems,))
    if args.command == "ask":
        if args.directory:
            settings = dataclasses.replace(settings, knowledge_dir=Path(args.directory))
        return _ask(settings, args.question, as_json=args.json, explain=args.explain)
    if args.command == "run" and not settings.discord_mode:
        return _ask(settings, None, as_json=False, explain=False)
    if args.command in ("run", "sync"):
        from bot.discord import run

        return run.run(settings) if args.command == "run" else run.sync(settings)
    if args.command == "bench" and args.peer:
        from bot import peer_bench

        return peer_bench.run(Path(args.peer))
    if args.command == "bench":
        from bot import bench

        return bench.run(settings)
    if args.command == "health":
        code, reason = health.check(settings.data_dir)
        print(reason)
        return code
    return 2


def _reader_gone() -> int:
    """Stop quietly when whoever read the output has gone (`python -m bot ask ... | head -1`).

    What is left to write goes nowhere, so Python's final flush raises nothing either.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def _ask(settings: Settings, question: str | None, as_json: bool, explain: bool) -> int:
    """The terminal: one question (and how it is read, with `explain`), JSON lines, or the prompt.

    Also what `run` opens without a Discord token: it needs no discord.py, so the prompt
    opens without importing it.
    """
    from bot import terminal

    if explain and (question is None or as_json):
        print(strings.Cli.EXPLAIN_ONE_QUESTION, file=sys.stderr)
        return 2
    if as_json and question is not None:
        print(strings.Cli.JSON_READS_LINES, file=sys.stderr)
        return 2
    engine = terminal.load_engine(settings)
    if engine is None:
        return 1
    terminal.tolerate_any_bytes(sys.stdin, sys.stdout)
    if as_json:
        terminal.answer_json_lines(engine, terminal.bounded_lines(sys.stdin), sys.stdout)
        return 0
    if question is not None:
        print(terminal.answer_once(engine, question))
        if explain:
            print(terminal.explain(engine, question))
        return 0
    return terminal.run_prompt(engine)
