"""`python -m bot check` on entries: each broken input gives one clear line and exit 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge import loader
from bot.knowledge.loader import load_knowledge
from bot.strings import Check
from tests.knowledge.conftest import MEMBERS_YAML

ENTRY = "entries/nato-members.yaml"


def write(root: Path, name: str, text: str) -> None:
    (root / "entries" / name).write_text(text, encoding="utf-8")


def edit(root: Path, old: str, new: str) -> None:
    """Change nato-members.yaml, which becomes the file modified last (as a moderator's would)."""
    path = root / "entries" / "nato-members.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    age(path, seconds=60)


def age(path: Path, seconds: int) -> None:
    """Make `path` look modified `seconds` later than it was (a file system's clock is coarse)."""
    modified = path.stat().st_mtime + seconds
    os.utime(path, (modified, modified))


def test_good_knowledge_passes_with_a_summary(knowledge, check):
    assert check(knowledge) == (0, ["ok: 2 entries, 1 source"])


def test_load_returns_a_complete_snapshot(knowledge):
    result = load_knowledge(knowledge)
    assert result.knowledge is not None and result.problems == ()
    assert sorted(result.knowledge.entries) == ["nato-members", "us-house"]
    assert result.knowledge.entries["nato-members"].phrasings == (
        "how many nato members",
        "nato membership size",
    )
    assert result.knowledge.entries["us-house"].answer.startswith("The U.S. House")


def test_reports_malformed_yaml_with_its_line_and_column(knowledge, check):
    edit(knowledge, 'topic: "Membership"', 'topic: "Membership')
    code, lines = check(knowledge)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{ENTRY}:4: is not valid YAML: ")
    assert "(column " in lines[0]


def test_points_an_unclosed_quote_at_where_it_opens(knowledge, check):
    edit(knowledge, 'speaker: "Demo Outlet"', 'speaker: "Demo Outlet')
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        f"{ENTRY}:11: is not valid YAML: while scanning a quoted scalar, "
        "found unexpected end of stream (column 14)"
    ]


def test_reports_a_tab_indent_as_the_cause(knowledge, check):
    edit(knowledge, '  - "how many nato members"', '\t- "how many nato members"')
    code, lines = check(knowledge)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{ENTRY}:6: is not valid YAML: ")
    assert lines[0].endswith("; YAML indents with spaces, not tabs (column 1)")


def test_reports_a_top_level_that_is_not_a_mapping(knowledge, check):
    write(knowledge, "nato-members.yaml", "- just\n- a list\n")
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:1: must be a mapping of fields (`name: value` lines), not a list"],
    )


def test_reports_two_documents_in_one_file(knowledge, check):
    edit(knowledge, 'topic: "Membership"', 'topic: "Membership"\n---\ntopic: "Other"')
    code, lines = check(knowledge)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{ENTRY}:4: is not valid YAML: ")


def test_reports_an_empty_file(knowledge, check):
    write(knowledge, "nato-members.yaml", "")
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:1: is empty; it must be a mapping of fields (see knowledge/README.md)"],
    )


def test_reports_a_missing_field_on_the_line_of_its_mapping(knowledge, check):
    edit(knowledge, 'answer: "NATO has 32 members."\n', "")
    assert check(knowledge) == (1, [f"{ENTRY}:1: answer: is missing; an entry needs it"])


def test_reports_a_misspelt_field_and_suggests_the_right_one(knowledge, check):
    edit(knowledge, "phrasings:", "phrasing:")
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:5: phrasing: is not a field of an entry; did you mean 'phrasings'?"],
    )


def test_reports_a_field_of_the_wrong_type(knowledge, check):
    edit(
        knowledge,
        'phrasings:\n  - "how many nato members"\n  - "nato membership size"',
        'phrasings: "how many nato members"',
    )
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:5: phrasings: must be a list (`- ...` lines), not text"],
    )


@pytest.mark.parametrize(
    ("bare", "kind"),
    [
        ("no", "a boolean"),
        ("off", "a boolean"),
        ("yes", "a boolean"),
        ("On", "a boolean"),
        ("2024", "a number"),
        ("1.5", "a number"),
        ("2025-12-28", "a date"),
        ("null", "nothing (null)"),
    ],
)
def test_reports_yaml_reading_a_bare_word_as_another_type(knowledge, check, bare, kind):
    edit(knowledge, 'topic: "Membership"', f"topic: {bare}")
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:3: topic: YAML reads a bare `{bare}` as {kind}, not text: write it in quotes"],
    )


def test_accepts_the_same_words_in_quotes(knowledge, check):
    edit(knowledge, 'topic: "Membership"', 'topic: "no"')
    edit(knowledge, 'answer: "NATO has 32 members."', "answer: '32'")
    assert check(knowledge)[0] == 0


def test_reports_a_bare_value_inside_the_phrasings(knowledge, check):
    edit(knowledge, '  - "how many nato members"', "  - off")
    assert check(knowledge) == (
        1,
        [
            f"{ENTRY}:6: phrasings[0]: YAML reads a bare `off` as a boolean, not text: "
            "write it in quotes"
        ],
    )


def test_reports_an_empty_value(knowledge, check):
    edit(knowledge, 'answer: "NATO has 32 members."', "answer:")
    assert check(knowledge) == (1, [f"{ENTRY}:4: answer: has no value; write the text in quotes"])


def test_reports_an_unquoted_colon_that_makes_a_mapping(knowledge, check):
    edit(knowledge, '  - "how many nato members"', "  - nato: size")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        f"{ENTRY}:6: phrasings[0]: must be text, not a mapping "
        "(an unquoted `: ` inside text starts one): write it in quotes"
    ]


def test_reports_a_key_given_twice(knowledge, check):
    edit(knowledge, 'topic: "Membership"', 'topic: "Membership"\ntopic: "Other"')
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:4: topic: appears twice in the same mapping (first at line 3)"],
    )


def test_reports_an_empty_string(knowledge, check):
    edit(knowledge, 'topic: "Membership"', 'topic: "  "')
    assert check(knowledge) == (1, [f"{ENTRY}:3: topic: is empty"])


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'question: "How many members does NATO have?"',
            f'question: "{"q" * 101}"',
            "2: question: is 101 characters long; the limit is 100",
        ),
        (
            'answer: "NATO has 32 members."',
            f'answer: "{"a" * 701}"',
            "4: answer: is 701 characters long; the limit is 700",
        ),
        (
            'topic: "Membership"',
            f'topic: "{"t" * 61}"',
            "3: topic: is 61 characters long; the limit is 60",
        ),
        (
            '  - "how many nato members"',
            f'  - "{"p" * 201}"',
            "6: phrasings[0]: is 201 characters long; the limit is 200",
        ),
        (
            'quote: "NATO has 32 members."',
            f'quote: "{"NATO has 32 members. " * 48}"',
            "10: citations[0].quote: is 1007 characters long; the limit is 1000",
        ),
        (
            'speaker: "Demo Outlet"',
            f'speaker: "{"s" * 101}"',
            "11: citations[0].speaker: is 101 characters long; the limit is 100",
        ),
    ],
)
def test_reports_text_over_its_length_limit(knowledge, check, old, new, expected):
    edit(knowledge, old, new)
    assert check(knowledge) == (1, [f"{ENTRY}:{expected}"])


def test_reports_too_many_phrasings(knowledge, check):
    many = "".join(f'\n  - "phrasing number {i}"' for i in range(41))
    edit(
        knowledge,
        'phrasings:\n  - "how many nato members"\n  - "nato membership size"',
        f"phrasings:{many}",
    )
    assert check(knowledge) == (1, [f"{ENTRY}:5: phrasings: has 41 items; the limit is 40"])


def test_reports_an_id_that_does_not_match_the_file_name(knowledge, check):
    edit(knowledge, "id: nato-members", "id: nato-size")
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:1: id: 'nato-size' does not match the file name 'nato-members'"],
    )


@pytest.mark.parametrize("reserved", ["nul", "aux", "com1"])
def test_reports_an_id_windows_keeps_for_a_device(knowledge, check, reserved):
    (knowledge / "entries" / "nato-members.yaml").unlink()
    write(
        knowledge, f"{reserved}.yaml", MEMBERS_YAML.replace("id: nato-members", f"id: {reserved}")
    )
    message = Check.RESERVED_ID.format(value=reserved)
    assert check(knowledge) == (1, [f"entries/{reserved}.yaml:1: id: {message}"])


@pytest.mark.parametrize("bad_id", ["Nato_Members", "ab", "x" * 65])
def test_reports_an_id_that_breaks_the_pattern(knowledge, check, bad_id):
    (knowledge / "entries" / "nato-members.yaml").unlink()
    write(knowledge, f"{bad_id}.yaml", MEMBERS_YAML.replace("id: nato-members", f"id: {bad_id}"))
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        f"entries/{bad_id}.yaml:1: id: '{bad_id}' is not a valid id: "
        "use 3 to 64 lowercase letters, digits and hyphens"
    ]


def test_reports_a_duplicate_id(knowledge, check):
    write(knowledge, "nato-members-copy.yaml", MEMBERS_YAML)
    code, lines = check(knowledge)
    assert code == 1
    assert lines[:2] == [
        "entries/nato-members-copy.yaml:1: id: 'nato-members' is also the id of "
        "entries/nato-members.yaml",
        "entries/nato-members-copy.yaml:1: id: 'nato-members' does not match the file name "
        "'nato-members-copy'",
    ]
    assert len(lines) == 5  # and its question and two phrasings, claimed by the original


def test_reports_a_phrasing_claimed_by_two_entries_on_the_file_changed_last(knowledge, check):
    edit(knowledge, '  - "how many nato members"', '  - "US  House Balkans"')
    assert check(knowledge) == (
        1,
        [
            f"{ENTRY}:6: phrasings[0]: 'US  House Balkans' is also a phrasing "
            "of entry 'us-house' (entries/us-house.yaml)"
        ],
    )


def test_reports_a_phrasing_equal_to_another_entrys_question_on_the_new_phrasing(knowledge, check):
    edit(knowledge, '  - "how many nato members"', '  - "what did the U.S. House discuss"')
    assert check(knowledge) == (
        1,
        [
            f"{ENTRY}:6: phrasings[0]: 'what did the U.S. House discuss' is also "
            "the question of entry 'us-house' (entries/us-house.yaml)"
        ],
    )


def test_a_clash_between_files_of_the_same_age_is_blamed_on_the_later_name(knowledge, check):
    edit(knowledge, '  - "how many nato members"', '  - "us house balkans"')
    other = knowledge / "entries" / "us-house.yaml"
    moment = (knowledge / "entries" / "nato-members.yaml").stat().st_mtime_ns
    os.utime(other, ns=(moment, moment))
    _, lines = check(knowledge)
    assert lines == [
        "entries/us-house.yaml:8: phrasings[0]: 'us house balkans' is also a phrasing "
        f"of entry 'nato-members' ({ENTRY})"
    ]


def test_a_clash_is_blamed_on_the_file_git_sees_as_changed_even_if_older(knowledge, check):
    git = ["git", "-C", str(knowledge), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "knowledge"], check=True)
    house = knowledge / "entries" / "us-house.yaml"
    house.write_text(
        house.read_text(encoding="utf-8").replace("us house balkans", "how many nato members"),
        encoding="utf-8",
    )
    age(house, seconds=-3600)
    _, lines = check(knowledge)
    assert lines == [
        "entries/us-house.yaml:8: phrasings[0]: 'how many nato members' is also a phrasing "
        f"of entry 'nato-members' ({ENTRY})"
    ]


def test_reports_a_phrasing_repeated_inside_one_entry(knowledge, check):
    edit(knowledge, '  - "nato membership size"', '  - "How many NATO members"')
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:7: phrasings[1]: 'How many NATO members' repeats phrasings[0] of this entry"],
    )


def test_reports_an_entry_without_citations(knowledge, check):
    text = MEMBERS_YAML[: MEMBERS_YAML.index("citations:")] + "citations: []\n"
    write(knowledge, "nato-members.yaml", text)
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:8: citations: is empty; an entry needs at least one citation"],
    )


def test_reports_a_citation_of_an_unknown_source(knowledge, check):
    edit(knowledge, "source: demo-source", "source: demo-sauce")
    assert check(knowledge) == (
        1,
        [
            f"{ENTRY}:9: citations[0].source: unknown source 'demo-sauce'; "
            "the known sources are: demo-source"
        ],
    )


def test_reports_a_quote_not_in_its_source_marking_where_it_differs(knowledge, check):
    edit(knowledge, 'quote: "NATO has 32 members."', 'quote: "NATO has thirty-two members."')
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        f"{ENTRY}:10: citations[0].quote: not found verbatim in source 'demo-source': "
        "the quote has «NATO has ^thirty-two^ members.» where the source has "
        "«NATO has ^32^ members.»; closest passage: «NATO has 32 members.»"
    ]


@pytest.mark.parametrize(
    ("quote", "quoted", "original"),
    [
        ("ATO has 32 members.", "«^ATO^ has 32 members.»", "«^NATO^ has 32 members.»"),
        ("NATO has 32 member", "«NATO has 32 ^member^»", "«NATO has 32 ^members.^»"),
    ],
)
def test_a_quote_cut_inside_a_word_is_not_verbatim(knowledge, check, quote, quoted, original):
    """A quote cut inside a word can say the opposite ("possible" of "impossible")."""
    edit(knowledge, 'quote: "NATO has 32 members."', f'quote: "{quote}"')
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        f"{ENTRY}:10: citations[0].quote: not found verbatim in source 'demo-source': "
        f"the quote has {quoted} where the source has {original}; "
        "closest passage: «NATO has 32 members.»"
    ]


def test_a_clash_is_reported_in_the_same_run_as_the_other_files_problems(knowledge, check):
    edit(knowledge, '  - "how many nato members"', '  - "us house balkans"')
    edit(knowledge, 'quote: "NATO has 32 members."', 'quote: "NATO has 33 members."')
    house = knowledge / "entries" / "us-house.yaml"
    house.write_text(house.read_text(encoding="utf-8").replace("id: us-house", "id: US"))
    age(house, seconds=-3600)
    code, lines = check(knowledge)
    assert code == 1
    assert [line.split(": ")[0:2] for line in lines] == [
        [ENTRY + ":6", "phrasings[0]"],
        [ENTRY + ":10", "citations[0].quote"],
        ["entries/us-house.yaml:1", "id"],
    ]


def test_a_quote_whose_quotation_marks_do_not_pair_up_is_a_warning_with_the_fix(knowledge, check):
    house = knowledge / "entries" / "us-house.yaml"
    text = house.read_text(encoding="utf-8")
    house.write_text(text.replace('\\"Europe must', "Europe must"), encoding="utf-8")
    code, lines = check(knowledge)
    assert code == 0
    assert lines == [
        "ok: 2 entries, 1 source",
        "entries/us-house.yaml:14: citations[1].quote: warning: quotation marks do not pair "
        "up; quote only the words inside them: «Europe must be prepared»",
    ]


def test_accepts_a_quote_differing_only_in_whitespace_and_typography(knowledge, check):
    path = knowledge / "entries" / "us-house.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('\\"Europe must be prepared,\\"', "“Europe  must be\\n    prepared,”")
    path.write_text(text, encoding="utf-8")
    assert check(knowledge)[0] == 0


def test_reports_every_problem_at_once_and_serves_nothing(knowledge, check):
    edit(knowledge, 'topic: "Membership"', "topic: no")
    write(knowledge, "broken.yaml", "question: [unclosed\n")
    code, lines = check(knowledge)
    assert code == 1
    assert len(lines) == 2
    assert lines[0].startswith("entries/broken.yaml:")
    assert lines[1].startswith(f"{ENTRY}:3: topic: YAML reads a bare `no`")
    result = load_knowledge(knowledge)
    assert result.knowledge is None and result.problems
    assert len(result.problems) == 2


def test_ignores_leftover_temporary_files_of_atomic_writes(knowledge, check):
    write(knowledge, ".nato-members.yaml.tmp", "not: [valid")
    (knowledge / "sources" / ".demo-source.txt.tmp").write_bytes(b"\xff\xfe")
    assert check(knowledge) == (0, ["ok: 2 entries, 1 source"])


def test_reports_a_file_that_would_silently_not_be_read(knowledge, check):
    write(knowledge, "nato-extra.yml", MEMBERS_YAML)
    assert check(knowledge) == (
        1,
        ["entries/nato-extra.yml: is not read: entries are `<id>.yaml` files"],
    )


def test_reports_a_missing_knowledge_folder(tmp_path, check):
    code, lines = check(tmp_path / "nowhere")
    assert code == 1
    assert lines == [f"{tmp_path / 'nowhere'}: knowledge folder not found"]


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_command_line_passes_on_good_knowledge(knowledge):
    finished = run_module("check", str(knowledge))
    assert finished.returncode == 0
    assert finished.stdout == "ok: 2 entries, 1 source\n"


def test_command_line_fails_with_one_line_per_problem(knowledge):
    edit(knowledge, "phrasings:", "phrasing:")
    edit(knowledge, 'topic: "Membership"', "topic: off")
    finished = run_module("check", str(knowledge))
    assert finished.returncode == 1
    assert finished.stdout.splitlines() == [
        f"{ENTRY}:3: topic: YAML reads a bare `off` as a boolean, not text: write it in quotes",
        f"{ENTRY}:5: phrasing: is not a field of an entry; did you mean 'phrasings'?",
    ]


def test_reports_a_file_that_vanishes_while_loading(knowledge, monkeypatch):
    real_read = loader.read_regular

    def vanishing(path: Path, limit: int | None = None) -> bytes:
        if path.name == "us-house.yaml":
            path.unlink()  # removed by a writer between listing and reading
        return real_read(path, limit)

    monkeypatch.setattr(loader, "read_regular", vanishing)
    result = load_knowledge(knowledge)
    assert result.knowledge is None
    assert [str(p) for p in result.problems] == [
        "entries/us-house.yaml: could not be read: No such file or directory"
    ]


@pytest.mark.parametrize(
    "markup",
    [
        "<@123456789012345678>",
        "<@&42>",
        "<#42>",
        "@everyone",
        "<:flag:42>",
        "<t:1700000000:R>",
        "[nato](https://example.org/a)",
    ],
)
def test_reports_a_phrasing_holding_discord_markup_members_never_type(knowledge, check, markup):
    edit(knowledge, '"how many nato members"', f'"{markup} how many nato members"')
    assert check(knowledge) == (
        1,
        [f"{ENTRY}:6: phrasings[0]: {Check.MARKUP.format(markup=markup)}"],
    )


@pytest.mark.parametrize("direction", ["\u202e", "\u2066"])
def test_reports_a_question_whose_words_a_direction_character_reorders(knowledge, check, direction):
    """A right-to-left override shows "NATO have?" as "?evah OTAN": not what is written."""
    edit(
        knowledge,
        '"How many members does NATO have?"',
        f'"How many members does {direction}NATO have?"',
    )
    message = Check.DIRECTION_CHARACTER.format(code=ord(direction))
    assert check(knowledge) == (1, [f"{ENTRY}:2: question: {message}"])


@pytest.mark.parametrize("invisible", ["\u200b\u200b", "\u2800", "\u3164", "\u2800 \u3164\uffa0"])
def test_reports_a_question_of_only_invisible_characters_as_empty(knowledge, check, invisible):
    """Zero-width characters, and the Braille blank and Hangul fillers that print nothing."""
    edit(knowledge, '"How many members does NATO have?"', f'"{invisible}"')
    assert check(knowledge) == (1, [f"{ENTRY}:2: question: {Check.EMPTY_TEXT}"])
