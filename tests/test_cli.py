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
