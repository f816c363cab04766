"""Terminal mode: the same replies a Discord member sees, in a shell.

`run_prompt` is the interactive prompt (also what `run` opens when no Discord token is
configured); `answer_json_lines` is the line protocol the quality benchmark drives.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

from bot import strings
from bot.engine import Engine
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import Problem
from bot.replies import render_terminal, to_json
from bot.settings import Settings

EngineSource = Engine | Callable[[], Engine]


def load_engine(settings: Settings, errors: TextIO = sys.stderr) -> Engine | None:
    """An engine over the configured knowledge, or None (with the problems shown)."""
    result = load_knowledge(settings.knowledge_dir)
    if result.knowledge is None:
        show_problems(result.problems, errors)
        return None
    return Engine(result.knowledge)


def show_problems(problems: Sequence[Problem], errors: TextIO = sys.stderr) -> None:
    """Say why nothing can be answered: the first problems and how to see them all."""
    print(strings.Terminal.BROKEN_KNOWLEDGE, file=errors)
    for problem in problems[:20]:
        print(f"  {problem}", file=errors)
    print(strings.Terminal.CHECK_HINT, file=errors)


def tolerate_any_bytes(stdin: TextIO, stdout: TextIO) -> None:
    """Read and write UTF-8, replacing what cannot be decoded or shown.

    A stray byte in piped input, or a terminal that cannot show Cyrillic, must cost one
    character, not the session with a traceback.
    """
    for stream in (stdin, stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def answer_once(engine: Engine, question: str) -> str:
    """The terminal rendering of the reply to one question."""
    if not question.strip():
        return strings.Reply.EMPTY_QUESTION
    return render_terminal(engine.decide(question))


def answer_json_lines(engine: Engine, lines: Iterable[str], out: TextIO) -> None:
    """One JSON reply per input line, in order, each flushed as soon as it is written.

    Every line gets a reply, even an empty one, so a caller can pair inputs and outputs
    by position.
    """
    for line in lines:
        decision = engine.decide(line.rstrip("\r\n"))
        out.write(json.dumps(to_json(decision), ensure_ascii=False) + "\n")
        out.flush()


def run_prompt(engine: EngineSource, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Ask questions until end of input (Ctrl-D), two empty lines in a row, or Ctrl-C.

    `engine` may be a callable returning the current engine, so a live-reloaded knowledge
    is picked up between questions.
    """
    current = engine if callable(engine) else (lambda: engine)
    print(strings.Terminal.WELCOME, file=stdout)
    empty_in_a_row = 0
    while True:
        stdout.write(strings.Terminal.PROMPT)
        stdout.flush()
        try:
            line = stdin.readline()
        except KeyboardInterrupt:
            break
        if not line:
            break
        empty_in_a_row = 0 if line.strip() else empty_in_a_row + 1
        if empty_in_a_row >= 2:
            break
        print(answer_once(current(), line), file=stdout)
    print(file=stdout)
    return 0
