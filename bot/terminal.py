"""Terminal mode: the same replies a Discord member sees, in a shell.

`run_prompt` is the interactive prompt (also what `run` opens when no Discord token is
configured), with `help`, `topics`, `sources` and `quit` for what Discord's commands show;
`answer_json_lines` is the line protocol the quality benchmark drives. Nothing here
imports discord.py, so the prompt opens fast.
"""

from __future__ import annotations

import io
import json
import select
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from bot import strings
from bot.engine import Engine
from bot.engine.decision import MAX_QUESTION_CHARS
from bot.knowledge.check import show_problems
from bot.language.markup import plain_text
from bot.language.text import asks_in_words, clean
from bot.ops.settings import Settings
from bot.replies import (
    reading_lines,
    render_sources_terminal,
    render_terminal,
    render_topics_terminal,
    render_welcome_terminal,
    to_json,
)
from bot.serving import KnowledgeUnavailable, open_read_only
from bot.small_talk import small_talk

EngineSource = Engine | Callable[[], Engine]

# A piped or JSON line is kept to one character more than a question may hold: enough for the
# engine to say it read only the first MAX_QUESTION_CHARS.
_LINE_KEPT = MAX_QUESTION_CHARS + 1


def load_engine(settings: Settings, errors: TextIO | None = None) -> Engine | None:
    """An engine over the configured knowledge, or None (with the problems shown).

    Opened read-only by the serving package: the terminal writes nothing. `errors`
    defaults to the standard error of the moment it is called.
    """
    try:
        return open_read_only(settings.knowledge_dir)
    except KnowledgeUnavailable as unavailable:
        show_problems(unavailable.problems, settings.knowledge_dir, errors or sys.stderr)
        return None


def tolerate_any_bytes(stdin: TextIO, stdout: TextIO) -> None:
    """Read and write UTF-8, replacing what cannot be decoded or shown.

    A stray byte in piped input, or a terminal that cannot show Cyrillic, must cost one
    character, not the session with a traceback.
    """
    for stream in (stdin, stdout):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def answer_once(engine: Engine, question: str) -> str:
    """The terminal rendering of the reply to one question.

    A greeting, thanks or a request for help gets what the bot covers, not a refusal.
    Discord's markup pasted in is taken out, as Discord's front end takes it out.
    """
    question = plain_text(question)
    if not asks_in_words(clean(question)):
        return strings.Reply.EMPTY_QUESTION
    kind = small_talk(question)
    if kind is not None:
        return render_welcome_terminal(engine.knowledge, kind)
    decision = engine.decide(question)
    return render_terminal(decision, engine.related_to_answer(decision))


def explain(engine: Engine, question: str) -> str:
    """How the engine read `question`, as lines for a moderator (`ask --explain`)."""
    reading = engine.reading(plain_text(question))
    return "\n".join((strings.Explain.HEADER, *reading_lines(reading)))


def answer_json_lines(engine: Engine, lines: Iterable[str], out: TextIO) -> None:
    """One JSON reply per input line, in order, each flushed as soon as it is written.

    Every line gets a reply, even an empty one, so a caller can pair inputs and outputs
    by position.
    """
    for line in lines:
        decision = engine.decide(plain_text(line.rstrip("\r\n")))
        out.write(json.dumps(to_json(decision), ensure_ascii=False) + "\n")
        out.flush()


def bounded_lines(stream: TextIO) -> Iterator[str]:
    """The lines of `stream`, each cut to one character more than a question may hold.

    The engine reads MAX_QUESTION_CHARS of a question and says when there was more; the
    rest of a longer line is read and dropped a piece at a time, so a line of any length
    takes the memory of one question.
    """
    while line := bounded_line(stream):
        yield line


def bounded_line(stream: TextIO) -> str:
    """The next line of `stream` (with its line break), cut as `bounded_lines` cuts it."""
    line = stream.readline(_LINE_KEPT)
    if len(line) < _LINE_KEPT or line.endswith("\n"):
        return line
    while (rest := stream.readline(_LINE_KEPT)) and not rest.endswith("\n"):
        pass
    return line + "\n"


def run_prompt(engine: EngineSource, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Ask questions until `quit`, end of input (Ctrl-D), two empty lines in a row, or Ctrl-C.

    At a terminal, `quit` and an empty line leave only when typed alone: a line that came
    with others (a paste) is read as a question, so a pasted text's blank lines cannot end
    the session and hand the rest of the paste to the shell (`_typed_alone`).
    `engine` may be a callable returning the current engine, so a live-reloaded knowledge
    is picked up between questions.
    """
    current = engine if callable(engine) else (lambda: engine)
    read_line = _line_reader(stdin, stdout)
    print(strings.Terminal.WELCOME, file=stdout)
    empty_before = False
    while True:
        waiting_before = _input_waiting(stdin, 0)
        try:
            line = read_line()
        except (KeyboardInterrupt, EOFError):
            break
        if line is None:
            break
        empty = not line.strip()
        leaves = _command(line) == "quit" or (empty and empty_before)
        if leaves and _typed_alone(stdin, waiting_before):
            break
        empty_before = empty and not waiting_before
        print(_reply(current(), line), file=stdout)
    print(file=stdout)
    return 0


# How long a line read at a terminal waits for more of a paste before counting as typed
# alone: a terminal may deliver a long paste in several writes.
PASTE_GRACE_SECONDS = 0.15


def _typed_alone(stdin: TextIO, waiting_before: bool) -> bool:
    """Whether the line just read was typed on its own, not part of a paste.

    At a terminal, each read returns one line, and a paste's lines are already waiting
    before they are read, or more of the paste waits after them. Piped input is a
    script, not a paste: its lines count as written.
    """
    if not _is_terminal(stdin):
        return True
    return not waiting_before and not _input_waiting(stdin, PASTE_GRACE_SECONDS)


def _input_waiting(stdin: TextIO, seconds: float) -> bool:
    """Whether more input from the terminal can be read now (or within `seconds`)."""
    if not _is_terminal(stdin):
        return False
    ready, _, _ = select.select([stdin], [], [], seconds)
    return bool(ready)


def _is_terminal(stdin: TextIO) -> bool:
    return hasattr(stdin, "fileno") and stdin.isatty()


def _reply(engine: Engine, line: str) -> str:
    """What a line typed at the prompt gets: a command's output, or the answer."""
    command = _command(line)
    if command == "help":
        welcome = render_welcome_terminal(engine.knowledge, "help")
        return f"{welcome}\n\n{strings.Terminal.COMMANDS}"
    if command == "topics":
        return render_topics_terminal(engine.knowledge)
    if command == "sources":
        return render_sources_terminal(engine.knowledge)
    return answer_once(engine, line)


def _command(line: str) -> str | None:
    """The prompt command `line` is (a word alone on the line), or None for a question."""
    typed = line.strip().casefold()
    return next((c for c, words in strings.Terminal.COMMAND_WORDS.items() if typed in words), None)


def _line_reader(stdin: TextIO, stdout: TextIO) -> Callable[[], str | None]:
    """A function returning the next line typed (None at end of input).

    At a real terminal, the standard library's readline gives line editing and history
    (the arrow keys recall earlier questions instead of typing escape codes); it is
    imported only then, since piped input needs neither.
    """
    if stdin is sys.stdin and stdout is sys.stdout and stdin.isatty():
        import readline  # noqa: F401  (importing it is what gives input() editing and history)

        def read_typed() -> str | None:
            print(file=stdout)
            return input(strings.Terminal.PROMPT.lstrip("\n"))

        return read_typed

    def read_piped() -> str | None:
        stdout.write(strings.Terminal.PROMPT)
        stdout.flush()
        line = bounded_line(stdin)
        return line or None

    return read_piped
