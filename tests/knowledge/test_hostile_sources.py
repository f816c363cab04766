"""A hostile source is read in bounded time: `check` and `coverage` finish and say why.

Each shape below once made a pattern try every position of a long run again and again
(quadratic or worse): a run of full stops, a long gap of punctuation before a word, a run
of capitalised initials, thousands of brackets, a URL of many dots. Each is far larger
here than the size at which it took minutes, and far under the limits a source may have.
The commands run in a child process (`run_bot`, with its timeout) so that a regression
fails on its timeout rather than hanging the suite.
"""

from __future__ import annotations

from bot import strings
from bot.knowledge.validate import URL_LIMIT
from tests.bot_process import run_bot
from tests.knowledge.conftest import SOURCE_ID, SOURCE_TEXT, SOURCE_YAML

HOSTILE_TEXT = (
    SOURCE_TEXT
    + "Doe said the plan works.\n"
    + "." * 100_000
    + "\n"
    + "a ."
    + "," * 100_000
    + "1 Bcd c\n"
    + "A." * 100_000
    + "\n"
    + "(AB) " * 40_000
    + "\n"
    + "Ab cd. " * 5_000
    + "\n"
)


def test_a_hostile_source_text_is_checked_and_covered_in_bounded_time(knowledge):
    (knowledge / "sources" / f"{SOURCE_ID}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    checked = run_bot("check", "--directory", str(knowledge))
    covered = run_bot("coverage", SOURCE_ID, "--directory", str(knowledge))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert covered.stdout.startswith(f"{SOURCE_ID}: 3/"), covered.stderr


def test_a_url_of_many_dots_is_refused_in_bounded_time(knowledge):
    # Within the length allowed (URL_LIMIT), so the address's form is what is checked.
    url = "https://" + "a." * (URL_LIMIT // 2 - 8) + " x"
    metadata = SOURCE_YAML.replace("url: null", f'url: "{url}"')
    (knowledge / "sources" / f"{SOURCE_ID}.yaml").write_text(metadata, encoding="utf-8")
    checked = run_bot("check", "--directory", str(knowledge))
    assert checked.returncode == 1
    assert strings.Check.BAD_URL.format(value=url)[:40] in checked.stdout
