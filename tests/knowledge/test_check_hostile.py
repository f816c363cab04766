"""`python -m bot check` on knowledge made to hurt: each is refused in one line, unread."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot import strings
from bot.knowledge.files import SOURCE_TEXT_LIMIT, YAML_FILE_LIMIT
from bot.knowledge.validate import MISQUOTES_EXPLAINED
from bot.knowledge.yamlfile import DEPTH_LIMIT
from tests.knowledge.conftest import HOUSE_YAML, MEMBERS_YAML, SOURCE_ID
from tests.knowledge.store_helpers import refuse_listing

ENTRY = "entries/nato-members.yaml"
TEXT = f"sources/{SOURCE_ID}.txt"
SECRET = "DISCORD_TOKEN=not-for-anyone"


def alias_bomb(levels: int) -> str:
    """Nested aliases: `levels` levels of nine make 9**levels strings once expanded."""
    lines = ["id: nato-members", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels):
        lines.append(
            f"l{level}: &l{level} ["
            + ",".join([f"*{'a' if level == 1 else f'l{level - 1}'}"] * 9)
            + "]"
        )
    return "\n".join(lines) + "\n"


def write_entry(root: Path, text: str) -> None:
    (root / "entries" / "nato-members.yaml").write_text(text, encoding="utf-8")


def secret_file(root: Path) -> Path:
    """A file outside the knowledge folder that must never be read through it."""
    secret = root.parent / "environ"
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def test_refuses_an_alias_bomb_at_its_first_anchor_without_building_it(knowledge, check):
    write_entry(knowledge, alias_bomb(levels=4))
    message = strings.Check.YAML_ALIAS
    assert check(knowledge) == (1, [f"{ENTRY}:2: {message}"])


def test_refuses_an_anchor_even_when_no_alias_uses_it(knowledge, check):
    write_entry(knowledge, MEMBERS_YAML.replace('topic: "Membership"', 'topic: &t "Membership"'))
    assert check(knowledge) == (1, [f"{ENTRY}:3: {strings.Check.YAML_ALIAS}"])


def test_refuses_nesting_deeper_than_the_limit(knowledge, check):
    deep = "[" * (DEPTH_LIMIT + 1) + '"x"' + "]" * (DEPTH_LIMIT + 1)
    write_entry(knowledge, MEMBERS_YAML.replace('topic: "Membership"', f"topic: {deep}"))
    message = strings.Check.TOO_DEEP.format(limit=DEPTH_LIMIT)
    assert check(knowledge) == (1, [f"{ENTRY}:3: {message}"])


def test_refuses_an_entry_file_over_the_size_limit_unread(knowledge, check):
    padding = "#" * YAML_FILE_LIMIT + "\n"
    write_entry(knowledge, MEMBERS_YAML + padding)
    size = len((MEMBERS_YAML + padding).encode("utf-8"))
    message = strings.Check.TOO_LARGE.format(size=size, limit=YAML_FILE_LIMIT)
    assert check(knowledge) == (1, [f"{ENTRY}: {message}"])


def test_refuses_a_source_text_over_the_size_limit(knowledge, check):
    text = knowledge / "sources" / f"{SOURCE_ID}.txt"
    with text.open("a", encoding="utf-8") as handle:
        handle.write("More text. " * (SOURCE_TEXT_LIMIT // 11 + 1))
    message = strings.Check.TOO_LARGE.format(size=text.stat().st_size, limit=SOURCE_TEXT_LIMIT)
    assert check(knowledge) == (1, [f"{TEXT}: {message}"])


def test_refuses_a_source_text_linked_elsewhere_and_never_shows_its_target(knowledge, check):
    text = knowledge / "sources" / f"{SOURCE_ID}.txt"
    text.unlink()
    text.symlink_to(secret_file(knowledge))
    code, lines = check(knowledge)
    assert (code, lines) == (1, [f"{TEXT}: {strings.Check.LINK}"])
    assert SECRET not in "\n".join(lines)


def test_refuses_a_linked_entry_file(knowledge, check):
    linked = knowledge / "entries" / "linked.yaml"
    linked.symlink_to(knowledge / "entries" / "nato-members.yaml")
    assert check(knowledge) == (1, [f"entries/linked.yaml: {strings.Check.LINK}"])


def test_refuses_a_linked_entries_folder(knowledge, check):
    elsewhere = knowledge.parent / "elsewhere"
    (knowledge / "entries").rename(elsewhere)
    (knowledge / "entries").symlink_to(elsewhere, target_is_directory=True)
    assert check(knowledge) == (1, [f"entries: {strings.Check.LINK}"])


def test_a_folder_that_cannot_be_listed_is_one_line_not_a_traceback(knowledge, check, monkeypatch):
    refuse_listing(monkeypatch, knowledge / "sources")
    unreadable = strings.Check.FOLDER_UNREADABLE.format(reason="Permission denied")
    code, lines = check(knowledge)
    assert code == 1
    assert f"sources: {unreadable}" in lines


def test_refuses_a_fifo_without_waiting_for_a_writer(knowledge, check):
    os.mkfifo(knowledge / "entries" / "pipe.yaml")
    assert check(knowledge) == (1, [f"entries/pipe.yaml: {strings.Check.NOT_REGULAR}"])


def test_refuses_a_folder_where_an_entry_file_should_be(knowledge, check):
    (knowledge / "entries" / "folder.yaml").mkdir()
    assert check(knowledge) == (1, [f"entries/folder.yaml: {strings.Check.NOT_REGULAR}"])


def test_an_empty_entries_folder_is_a_problem_not_empty_knowledge(knowledge, check):
    for path in (knowledge / "entries").iterdir():
        path.unlink()
    assert check(knowledge) == (1, [f"entries: {strings.Check.NO_ENTRIES}"])


def test_a_missing_entries_folder_is_a_problem_not_empty_knowledge(knowledge, check):
    for path in (knowledge / "entries").iterdir():
        path.unlink()
    (knowledge / "entries").rmdir()
    assert check(knowledge) == (1, [f"entries: {strings.Check.NO_ENTRIES_FOLDER}"])


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u200d", "\u00ad"])
def test_a_question_copied_with_an_invisible_character_is_still_a_duplicate(
    knowledge, check, invisible
):
    copied = "How many mem" + invisible + "bers does NATO have?"
    taken = HOUSE_YAML.replace(
        'question: "What did the U.S. House discuss?"', f'question: "{copied}"'
    )
    (knowledge / "entries" / "us-house.yaml").write_text(taken, encoding="utf-8")
    code, lines = check(knowledge)
    message = strings.Check.CLAIMED.format(
        value=copied, other=strings.Check.THE_QUESTION, entry="nato-members", file=ENTRY
    )
    assert (code, lines) == (1, [f"entries/us-house.yaml:2: question: {message}"])


@pytest.mark.parametrize(("quote", "words"), [("a", 1), ("NATO has", 2), ("NATO — has", 2)])
def test_a_quote_too_short_to_be_a_statement_is_refused(knowledge, check, quote, words):
    write_entry(knowledge, MEMBERS_YAML.replace('"NATO has 32 members."', f'"{quote}"'))
    message = strings.Check.QUOTE_TOO_SHORT.format(count=words, minimum=3)
    assert check(knowledge) == (1, [f"{ENTRY}:10: citations[0].quote: {message}"])


def test_a_three_word_quote_is_a_statement(knowledge, check):
    write_entry(
        knowledge, MEMBERS_YAML.replace('quote: "NATO has 32 members."', 'quote: "NATO has 32"')
    )
    assert check(knowledge) == (0, ["ok: 2 entries, 1 source"])


def test_a_control_character_in_a_source_text_is_refused_with_its_line(knowledge, check):
    """ESC, BEL: a terminal would run them as commands, a reply would hide them."""
    text = knowledge / "sources" / f"{SOURCE_ID}.txt"
    lines = text.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("Europe", "\x1b[2J\x1b]0;PWNED\x07Europe")
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = strings.Check.CONTROL_CHARACTER_AT.format(line=3, code=0x1B)
    code, reported = check(knowledge)
    assert code == 1
    assert f"{TEXT}: {message}" in reported
    assert all("\x1b" not in line and "\x07" not in line for line in reported)


def test_a_control_character_written_as_an_escape_in_an_entry_is_refused(knowledge, check):
    write_entry(knowledge, MEMBERS_YAML.replace('"NATO has 32 members."', '"NATO has\\u001b 32"'))
    message = strings.Check.CONTROL_CHARACTER.format(code=0x1B)
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:4: answer: {message}", f"{ENTRY}:10: citations[0].quote: {message}"],
    )


def test_only_the_first_misquotes_of_a_check_are_searched_for_their_closest_passage(
    knowledge, check
):
    """Each search costs up to a second in a long source: files of made-up quotes would
    make a load take minutes. The rest are refused all the same, in fewer words."""
    for file in range(5):
        citations = "".join(
            f'  - source: {SOURCE_ID}\n    quote: "NATO has {file}{number} members."\n'
            f'    speaker: "Demo Outlet"\n'
            for number in range(10, 15)
        )
        text = MEMBERS_YAML.replace("nato-members", f"made-up-{file}")
        text = text.replace("How many members", f"How many members ({file})")
        text = text.replace('  - "how many nato members"\n  - "nato membership size"\n', "")
        (knowledge / "entries" / f"made-up-{file}.yaml").write_text(
            text.replace("phrasings:\n", "") + citations, encoding="utf-8"
        )
    code, lines = check(knowledge)
    assert code == 1
    searched = [line for line in lines if "closest passage: «" in line]
    unsearched = strings.Check.QUOTE_NOT_SEARCHED.format(
        source=SOURCE_ID, limit=MISQUOTES_EXPLAINED
    )
    assert len(searched) == MISQUOTES_EXPLAINED
    assert sum(line.endswith(unsearched) for line in lines) == 25 - MISQUOTES_EXPLAINED


@pytest.mark.parametrize(("byte", "code"), [("\x00", 0), ("\x07", 7)])
def test_a_character_yaml_refuses_is_reported_on_its_line_without_the_character(
    knowledge, check, byte, code
):
    path = knowledge / "entries" / "nato-members.yaml"
    text = MEMBERS_YAML.replace('"How many members', f'"How many m{byte}embers')
    path.write_text("# Zenda’s entry\n" + text, encoding="utf-8")
    message = strings.Check.YAML_CONTROL_CHARACTER.format(code=code, column=22)
    assert check(knowledge) == (1, [f"{ENTRY}:3: {message}"])
