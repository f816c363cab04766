"""The terminal as a person uses it: `python -m bot run` without a token, at a pipe and a tty."""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
import time

from bot import strings
from bot.ops.settings import PROJECT_ROOT
from tests.bot_process import bot_env, run_bot
from tests.engine.conftest import FIXTURE_KNOWLEDGE

KNOWLEDGE = {"BRIEFING_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}
PFP_QUESTION = "Why is Kosovo not part of NATO's Partnership for Peace?"
UP_ARROW = "\x1b[A"


def _prompt(*lines: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="".join(f"{line}\n" for line in lines),
        cwd=PROJECT_ROOT,
        env=bot_env(**KNOWLEDGE),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_run_without_a_token_answers_with_the_covered_question_as_its_title():
    done = _prompt("why isn't kosovo in pfp")

    assert done.returncode == 0, done.stderr
    answer = done.stdout.split(PFP_QUESTION, 1)[1]
    assert answer.lstrip("\n-").startswith("Kosovo is the only Western Balkan country")
    assert "> Kosovo remains outside even this framework of cooperation" in answer
    assert "— Radio Free Europe/Radio Liberty (RFE/RL), December 2025" in answer
    assert "As of December 2025" in answer
    related = answer.split(strings.Reply.RELATED, 1)[1]
    assert "  • Which Western Balkan countries are already in NATO?" in related


def test_a_greeting_gets_the_topics_and_how_to_browse_them_instead_of_a_refusal():
    done = _prompt("hi", "thanks!", "what can you do?", "/topics")

    assert strings.Reply.NOT_COVERED not in done.stdout
    assert done.stdout.count(strings.Welcome.TOPICS_TITLE) == 3
    for topic in ("Membership and partnerships", "Recognition", "Security"):
        assert f"• {topic} (" in done.stdout
    assert strings.Welcome.OPENING["greeting"] in done.stdout
    assert strings.Welcome.OPENING["thanks"] in done.stdout
    assert "  • What did NATO Secretary General Mark Rutte warn about Russia?" in done.stdout


def test_topics_sources_and_help_are_commands_and_quit_leaves():
    done = _prompt("topics", "sources", "help", "quit", "why isn't kosovo in pfp")

    assert done.returncode == 0, done.stderr
    assert "Membership and partnerships (3)" in done.stdout
    assert f"  • {PFP_QUESTION}" in done.stdout
    assert "• How Can Kosovo Leverage the Geopolitical Moment" in done.stdout
    assert strings.Terminal.COMMANDS in done.stdout
    assert "Kosovo is the only Western Balkan country" not in done.stdout


def test_a_question_the_briefing_does_not_cover_is_refused_with_the_closest_ones():
    done = _prompt("what's the weather like in paris?")

    assert strings.Reply.NOT_COVERED in done.stdout
    assert strings.Reply.NOT_EXACTLY_COVERED not in done.stdout


def test_emoji_alone_get_the_prompt_to_ask_not_a_refusal():
    done = _prompt("🙂🙂🙂")

    assert strings.Reply.EMPTY_QUESTION in done.stdout
    assert strings.Reply.NOT_COVERED not in done.stdout


def test_a_question_beside_a_covered_one_is_refused_as_close_but_not_covered():
    done = _prompt("why isn't kosovo in the partnership for peace yet, and is it in the EU?")

    assert strings.Reply.NOT_EXACTLY_COVERED in done.stdout
    assert strings.Reply.CLOSEST in done.stdout
    assert "Kosovo is the only Western Balkan country" not in done.stdout


def test_run_with_broken_knowledge_refuses_to_start(tmp_path):
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    done = run_bot("run", BRIEFING_KNOWLEDGE_DIR=str(tmp_path))

    assert done.returncode == 1
    assert strings.Terminal.BROKEN_KNOWLEDGE in done.stderr
    assert "Traceback" not in done.stderr


# Runs the `run` command in-process and says which modules it imported.
_IMPORTS_OF_RUN = """
import runpy, sys
sys.argv = ["bot", "run"]
try:
    runpy.run_module("bot", run_name="__main__")
except SystemExit:
    pass
print("discord imported:", "discord" in sys.modules)
"""


def test_the_terminal_mode_opens_without_importing_discord_py():
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTS_OF_RUN],
        input="quit\n",
        cwd=PROJECT_ROOT,
        env=bot_env(**KNOWLEDGE),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.rstrip().endswith("discord imported: False"), done.stderr


def test_a_reader_that_stops_early_gets_no_broken_pipe_traceback():
    questions = "".join("why isn't kosovo in pfp\n" for _ in range(2000))
    child = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=PROJECT_ROOT,
        env=bot_env(**KNOWLEDGE),
    )
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    child.stdin.write(questions.encode())
    child.stdin.close()
    assert child.stdout.readline().startswith(b'{"answered": true')
    child.stdout.close()
    child.wait(timeout=120)

    error = child.stderr.read().decode()
    assert "Traceback" not in error
    assert "BrokenPipeError" not in error
    assert child.returncode == 0


def test_ask_with_one_question_exits_quietly_when_the_reader_takes_one_line():
    done = subprocess.run(
        f'{sys.executable} -m bot ask "why isn\'t kosovo in pfp" | head -1',
        shell=True,
        cwd=PROJECT_ROOT,
        env=bot_env(**KNOWLEDGE),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout == f"{PFP_QUESTION}\n"
    assert done.stderr == ""


class Terminal:
    """`python -m bot run` in a pseudo-terminal, as a person types into it."""

    def __init__(self) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the bot
            os.chdir(PROJECT_ROOT)
            os.execvpe(sys.executable, [sys.executable, "-m", "bot", "run"], bot_env(**KNOWLEDGE))
        self.shown = ""

    def wait_for(self, text: str, times: int = 1, seconds: float = 60) -> None:
        """Read what is shown until `text` has appeared `times` times (fail if it does not)."""
        deadline = time.monotonic() + seconds
        while self.shown.count(text) < times:
            left = deadline - time.monotonic()
            assert left > 0, f"{text!r} not shown {times}x; shown: {self.shown[-500:]!r}"
            assert self._read(left), f"closed before {text!r}; shown: {self.shown[-500:]!r}"

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def close(self, seconds: float = 60) -> int:
        """Read what is left until the bot leaves; its exit code."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self._read(deadline - time.monotonic()):
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)

    def _read(self, seconds: float) -> bool:
        """Add what the terminal shows within `seconds`; False once the bot closed it."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, seconds))
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # Linux reports the closed terminal as EIO
            return False
        self.shown += chunk.decode("utf-8", "replace")
        return bool(chunk)


def test_at_a_terminal_the_up_arrow_recalls_the_last_question_and_quit_leaves():
    terminal = Terminal()
    try:
        terminal.wait_for("question> ")
        terminal.type("why isn't kosovo in pfp\r")
        terminal.wait_for("question> ", times=2)
        terminal.type(UP_ARROW + "\r")
        terminal.wait_for("question> ", times=3)
        terminal.type("quit\r")
    finally:
        code = terminal.close()
    assert code == 0
    assert terminal.shown.count(PFP_QUESTION) == 2
    assert "^[[A" not in terminal.shown
    assert strings.Reply.NOT_COVERED not in terminal.shown


def test_at_a_terminal_a_pasted_text_with_blank_lines_and_quit_is_read_to_its_end():
    terminal = Terminal()
    try:
        terminal.wait_for("question> ")
        terminal.type("An article I read:\r\r\rwhy isn't kosovo in pfp\rquit\r")
        terminal.wait_for("question> ", times=6)
        terminal.type("quit\r")
    finally:
        code = terminal.close()
    assert code == 0
    assert terminal.shown.count(PFP_QUESTION) == 1


def test_ask_answers_from_a_draft_knowledge_folder_given_on_the_command_line(tmp_path):
    draft = tmp_path / "draft"
    shutil.copytree(FIXTURE_KNOWLEDGE, draft)
    (draft / "entries" / "kosovo-outside-pfp.yaml").unlink()
    configured = run_bot("ask", PFP_QUESTION, **KNOWLEDGE)
    drafted = run_bot("ask", "--directory", str(draft), PFP_QUESTION, **KNOWLEDGE)

    assert configured.stdout.startswith(PFP_QUESTION)
    assert drafted.stdout.startswith(strings.Reply.NOT_EXACTLY_COVERED)
