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
