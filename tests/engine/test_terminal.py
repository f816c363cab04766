import io
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bot import strings
from bot.engine.decision import MAX_QUESTION_CHARS
from bot.terminal import answer_json_lines, answer_once, bounded_lines, run_prompt

from .conftest import FIXTURE_KNOWLEDGE

PROJECT = Path(__file__).resolve().parents[2]


def _run_bot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env,
        timeout=60,
    )


def test_json_mode_writes_one_object_per_line_in_order():
    questions = ["why isn't kosovo in pfp", "", "good morning", "rutte warning russia"]
    done = _run_bot("ask", "--json", stdin="\n".join(questions) + "\n")
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["answered"] for r in replies] == [True, False, False, True]
    assert [r["entry_id"] for r in replies] == ["kosovo-outside-pfp", None, None, "rutte-warning"]
    first = replies[0]
    assert set(first) == {
        "answered",
        "entry_id",
        "entries",
        "question",
        "tentative",
        "unread",
        "trimmed",
        "score",
        "answer",
        "sources",
        "suggestions",
    }
    assert set(first["sources"][0]) == {"quote", "speaker", "outlet", "date", "url"}
    assert first["answer"].startswith("Kosovo is the only")


def test_json_mode_names_the_covered_question_it_answered_and_none_when_it_did_not():
    done = _run_bot("ask", "--json", stdin="why isn't kosovo in pfp\nlol\n")
    answered, abstained = (json.loads(line) for line in done.stdout.splitlines())
    engine = _engine_from_fixture()
    assert answered["question"] == engine.knowledge.entries[answered["entry_id"]].question
    assert abstained["question"] is None


def test_json_mode_says_whether_the_answer_is_only_the_closest_covered_question():
    asked = [
        "why isn't kosovo in pfp",
        "is kosovo part of any nato partnership programme",
        "which nato members dont recognise kosovo and is kosovo part of any nato partnership"
        " programme?",
        "lol",
    ]
    done = _run_bot("ask", "--json", stdin="\n".join(asked) + "\n")
    sure, loose, several, abstained = (json.loads(line) for line in done.stdout.splitlines())
    assert sure["tentative"] is False
    assert loose["entry_id"] == "kosovo-outside-pfp"
    assert loose["tentative"] is True
    assert several["entry_id"] == "non-recognising-allies"
    assert several["tentative"] is True
    assert abstained["tentative"] is False


def test_json_mode_reads_a_line_of_any_length_as_one_question_held_to_the_limit():
    """Only what the engine reads is kept: a 5 MB line takes the memory of one question."""
    pasted = "why isn't kosovo in pfp " * 200_000
    done = _run_bot("ask", "--json", stdin=f"{pasted}\nlol\n")
    long, short = (json.loads(line) for line in done.stdout.splitlines())
    assert long["entry_id"] == "kosovo-outside-pfp"
    assert not short["answered"]


def test_a_piped_line_is_kept_to_one_character_past_what_a_question_may_hold():
    stream = io.StringIO("x" * 10_000 + "\nnext\n")
    assert list(bounded_lines(stream)) == ["x" * (MAX_QUESTION_CHARS + 1) + "\n", "next\n"]


def test_json_mode_answers_each_line_as_soon_as_it_is_read():
    out = io.StringIO()
    answer_json_lines(_engine_from_fixture(), iter(["pfp kosovo\n"]), out)
    assert json.loads(out.getvalue())["answered"] is True


def test_ask_with_a_question_prints_the_answer_with_its_source_once():
    done = _run_bot("ask", "which nato members don't recognise kosovo")
    assert done.returncode == 0, done.stderr
    assert "Greece, Romania" in done.stdout
    assert "— Radio Free Europe/Radio Liberty (RFE/RL), December 2025" in done.stdout
    assert "RFE/RL, Radio Free Europe" not in done.stdout


def test_ask_with_an_empty_question_asks_for_a_question():
    assert "Ask a question" in answer_once(_engine_from_fixture(), "   ")


def test_a_question_too_long_to_read_whole_says_so_without_naming_discord():
    shown = answer_once(_engine_from_fixture(), "why isn't kosovo in pfp " + "and so on " * 500)
    assert shown.startswith(strings.Terminal.TRIMMED.format(limit=MAX_QUESTION_CHARS))
    assert "Discord" not in shown


def test_a_question_of_invisible_characters_asks_for_a_question():
    for invisible in ("\u200b\u2060", "\u2800\u3164", "\u3164"):
        assert answer_once(_engine_from_fixture(), invisible) == strings.Reply.EMPTY_QUESTION


def test_prompt_answers_until_end_of_input():
    out = io.StringIO()
    code = run_prompt(_engine_from_fixture(), io.StringIO("pfp kosovo\nlol\n"), out)
    shown = out.getvalue()
    assert code == 0
    assert "Kosovo is the only Western Balkan country" in shown
    assert "The briefing doesn't cover that" in shown


def _engine_from_fixture():
    from bot.engine import Engine
    from bot.knowledge.loader import load_knowledge

    knowledge = load_knowledge(FIXTURE_KNOWLEDGE).knowledge
    assert knowledge is not None
    return Engine(knowledge)


def test_ask_reports_broken_knowledge_instead_of_a_traceback(tmp_path):
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "bad.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    env = {**os.environ, "BRIEFING_KNOWLEDGE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "hello"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "The knowledge has problems" in done.stderr


def test_json_mode_survives_bytes_that_are_not_utf8():
    env = {**os.environ, "BRIEFING_KNOWLEDGE_DIR": str(FIXTURE_KNOWLEDGE)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input=b"pfp kosovo\n\xff\xfe broken \x80 bytes\n" + "Косово\n".encode(),
        capture_output=True,
        cwd=PROJECT,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(replies) == 3
    assert replies[0]["answered"] is True
    assert replies[1]["answered"] is False


def _terminal() -> tuple[int, io.TextIOWrapper]:
    """A pseudo-terminal: the fd a person types into, and the prompt's end as its stdin."""
    typed, prompt_side = os.openpty()
    return typed, open(prompt_side, encoding="utf-8", closefd=True)


def test_a_paste_with_blank_lines_at_a_terminal_is_read_to_its_end():
    typed, stdin = _terminal()
    os.write(typed, b"An article I read:\n\n\nwhy isn't kosovo in pfp\nquit\n\x04")
    out = io.StringIO()
    with stdin:
        run_prompt(_engine_from_fixture(), stdin, out)
    os.close(typed)
    assert "Kosovo is the only Western Balkan country" in out.getvalue()
    assert out.getvalue().count(strings.Terminal.PROMPT) == 6


def test_quit_or_two_empty_lines_typed_at_a_terminal_leave():
    for keys in (["quit"], ["", ""]):
        typed, stdin = _terminal()
        out = io.StringIO()

        def type_each_line_at_its_prompt(keys=keys, typed=typed, out=out) -> None:
            for number, line in enumerate(keys, 1):
                while out.getvalue().count(strings.Terminal.PROMPT) < number:
                    time.sleep(0.01)
                os.write(typed, line.encode() + b"\n")

        typist = threading.Thread(target=type_each_line_at_its_prompt)
        typist.start()
        with stdin:
            run_prompt(_engine_from_fixture(), stdin, out)
        typist.join()
        os.close(typed)
        assert out.getvalue().count(strings.Terminal.PROMPT) == len(keys)


def test_discord_markup_pasted_at_the_terminal_is_not_read_as_words():
    """As Discord's front end does: <@123> is no number the answer must state."""
    engine = _engine_from_fixture()
    plain = answer_once(engine, "why isn't kosovo in pfp")
    assert answer_once(engine, "why isn't <@123456> kosovo in pfp <:flag:987654>") == plain
    out = io.StringIO()
    answer_json_lines(engine, iter(["<@&42> why isn't kosovo in pfp\n"]), out)
    assert json.loads(out.getvalue())["answered"] is True


def test_json_mode_says_when_a_question_was_cut_to_the_length_read():
    done = _run_bot("ask", "--json", stdin="why isn't kosovo in pfp " + "x" * 5000 + "\n")
    (reply,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert reply["trimmed"] is True


def test_related_questions_under_two_answers_repeat_neither_answered_question():
    engine = _engine_from_fixture()
    asked = (
        "which nato members dont recognise kosovo and why isnt kosovo in the partnership for peace?"
    )
    decision = engine.decide(asked)
    answered = {decision.entry.id, *(part.entry.id for part in decision.also)}
    assert answered == {"non-recognising-allies", "kosovo-outside-pfp"}

    related = [s.entry_id for s in engine.related_to_answer(decision)]
    assert len(related) == 3 and answered.isdisjoint(related)
    shown = answer_once(engine, asked).split(strings.Reply.RELATED)[1]
    assert [line.removeprefix("  • ") for line in shown.strip("\n").splitlines()] == [
        engine.knowledge.entries[entry_id].question for entry_id in related
    ]
