import shutil
from pathlib import Path

import pytest

from bot import strings
from bot.cli import main


def test_the_command_lines_help_lists_each_command_with_its_text_from_strings(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert done.value.code == 0
    assert strings.Cli.DESCRIPTION in shown
    for text in (strings.Cli.CHECK, strings.Cli.ASK, strings.Cli.RUN, strings.Cli.HEALTH):
        assert text in shown


def test_a_commands_help_shows_its_options_texts_from_strings(capsys):
    with pytest.raises(SystemExit):
        main(["ask", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert strings.Cli.ASK_QUESTION in shown
    assert strings.Cli.ASK_JSON in shown
    assert strings.Cli.ASK_DIRECTORY in shown


FIXTURE = str(Path(__file__).parent / "engine" / "knowledge")


@pytest.mark.parametrize("command", ["check", "sources"])
def test_check_and_sources_read_the_folder_named_with_directory_as_coverage_and_ask_do(
    command, capsys
):
    assert main([command, FIXTURE]) == 0
    as_argument = capsys.readouterr().out
    assert main([command, "--directory", FIXTURE]) == 0
    assert capsys.readouterr().out == as_argument


def test_a_folder_named_twice_differently_is_refused(capsys, tmp_path):
    with pytest.raises(SystemExit) as done:
        main(["check", FIXTURE, "--directory", str(tmp_path)])
    assert done.value.code == 2
    assert strings.Cli.TWO_DIRECTORIES in capsys.readouterr().err


def test_ask_explain_shows_the_words_as_read_after_aliases_names_and_the_kind(capsys):
    code = main(["ask", "--directory", FIXTURE, "--explain", "when did the secgen visit KFOR?"])
    shown = capsys.readouterr().out
    explained = shown[shown.index(strings.Explain.HEADER) :].splitlines()
    assert code == 0
    assert explained[1] == strings.Explain.READ_AS.format(
        text="when did the secretary general visit kfor"
    )
    assert explained[2] == strings.Explain.KIND.format(kind=strings.Explain.KINDS["when"])
    kfor = next(line for line in explained if line.startswith("  - kfor "))
    assert strings.Explain.NAME in kfor


def test_ask_explain_does_not_call_a_topic_a_name_an_answer_must_mention(capsys):
    assert main(["ask", "--directory", FIXTURE, "--explain", "Why isn't Kosovo in PfP, NATO?"]) == 0
    shown = capsys.readouterr().out
    nato = next(line for line in shown.splitlines() if line.startswith("  - nato"))
    assert strings.Explain.NAME not in nato


def test_ask_explain_marks_a_word_no_entry_writes():
    from bot.engine import Engine
    from bot.knowledge.loader import load_knowledge
    from bot.terminal import explain

    engine = Engine(load_knowledge(Path(FIXTURE)).knowledge)
    unknown = strings.Explain.NOTES.format(notes=strings.Explain.UNKNOWN)
    assert (
        strings.Explain.WORD.format(word="zeppelin", notes=unknown)
        in explain(engine, "what about the zeppelin").splitlines()
    )


def test_ask_explain_says_why_an_answer_is_hedged(capsys):
    question = "is kosovo part of any nato partnership programme"
    assert main(["ask", "--directory", FIXTURE, "--explain", question]) == 0
    shown = capsys.readouterr().out

    assert shown.startswith(strings.Reply.TENTATIVE)
    loose = next(line for line in shown.splitlines() if "matched loosely" in line)
    assert loose.startswith("  answered only as the closest covered question: its words")
    assert "a sure answer needs 0.81" in loose


def test_an_explained_close_call_names_the_entries_as_close():
    from bot.engine.engine import QuestionReading
    from bot.replies import reading_lines

    reading = QuestionReading("who leads it", None, (), close_to=("one-entry", "other-entry"))
    assert reading_lines(reading)[-1] == strings.Explain.CLOSE_TO.format(
        entries="one-entry, other-entry"
    )


def test_ask_explain_says_which_entry_came_closest_and_why_it_was_not_given(capsys):
    assert main(["ask", "--directory", FIXTURE, "--explain", "when did kosovo join pfp"]) == 0
    shown = capsys.readouterr().out.splitlines()

    assert shown[0].startswith("The briefing covers something close to that")
    assert shown[-1] == strings.Explain.REFUSED.format(
        entry="kosovo-outside-pfp", why=strings.Check.WHY_NOT_ANSWERED["kind"]
    )


def test_ask_explain_names_no_closest_entry_for_an_answered_question(capsys):
    assert main(["ask", "--directory", FIXTURE, "--explain", "why isn't kosovo in pfp"]) == 0
    assert "not answered: the closest entry" not in capsys.readouterr().out


def test_ask_explain_says_nothing_of_a_hedge_for_a_sure_answer(capsys):
    assert main(["ask", "--directory", FIXTURE, "--explain", "why isn't kosovo in pfp"]) == 0
    shown = capsys.readouterr().out
    assert "closest covered question" not in shown


def test_ask_explain_without_a_question_says_how_to_use_it(capsys):
    assert main(["ask", "--directory", FIXTURE, "--explain"]) == 2
    assert strings.Cli.EXPLAIN_ONE_QUESTION in capsys.readouterr().err


def test_ask_json_with_a_question_on_the_command_line_says_it_reads_lines(capsys):
    assert main(["ask", "--directory", FIXTURE, "--json", "why isn't kosovo in pfp"]) == 2
    assert strings.Cli.JSON_READS_LINES in capsys.readouterr().err


def test_ctrl_c_while_the_knowledge_loads_stops_quietly(capsys, monkeypatch):
    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.terminal.load_engine", interrupted)
    assert main(["ask", "--directory", FIXTURE, "why isn't kosovo in pfp"]) == 130
    assert capsys.readouterr().err == ""


def test_sources_shows_each_sources_author_when_it_has_one(capsys, tmp_path):
    folder = shutil.copytree(FIXTURE, tmp_path / "knowledge")
    [meta] = (folder / "sources").glob("*.yaml")
    meta.write_text(meta.read_text("utf-8").replace("author: null", 'author: "Jane Doe"'))
    assert main(["sources", str(folder)]) == 0
    assert ", by Jane Doe · cited by" in capsys.readouterr().out


def test_a_broken_draft_folder_names_the_check_of_that_folder(capsys, tmp_path):
    folder = shutil.copytree(FIXTURE, tmp_path / "knowledge")
    (folder / "entries" / "broken.yaml").write_text("id: [", "utf-8")
    assert main(["ask", "--directory", str(folder), "why isn't kosovo in pfp"]) == 1
    assert strings.Terminal.CHECK_HINT.format(folder=folder) in capsys.readouterr().err
