"""`python -m bot check` on vocabulary files: what the engine learns, and each mistake's line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.loader import load_knowledge
from bot.knowledge.vocabulary import vocabulary_to_yaml
from bot.language.words import ENDINGS
from bot.strings import Check

PLACES = """\
# Other names of places.
names:
  - ruritania
  - Zenda
people:
  - rassendyll
aliases:
  strelsau: ruritania
  rur: ruritania
forms:
  - endings: serbian
    stems:
      ruritanij: ruritania
  - endings: [a, om]
    stems:
      rassendyll: rassendyll
"""


def write(root: Path, name: str, text: str) -> None:
    folder = root / "vocabulary"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_a_valid_vocabulary_file_passes_the_check(knowledge, check):
    write(knowledge, "places.yaml", PLACES)
    assert check(knowledge) == (0, ["ok: 2 entries, 1 source"])


def test_the_vocabulary_is_part_of_the_snapshot_folded(knowledge):
    write(knowledge, "places.yaml", PLACES)
    vocabulary = load_knowledge(knowledge).knowledge.vocabulary["places"]
    assert vocabulary.names == ("ruritania", "zenda")
    assert vocabulary.aliases == {"strelsau": "ruritania", "rur": "ruritania"}
    assert vocabulary.forms[0].endings[:3] == ("", "a", "e")


PEOPLE = """\
people:
  - marlow
  - reyes
forms:
  - endings: albanian person
    stems:
      marlow: marlow
      reyes: reyes
  - endings: serbian person
    stems:
      marlow: marlow
      reyes: reyes
"""


@pytest.mark.parametrize(
    "written", ["marlowut", "marlowun", "marlowa", "marlowom", "marlowu", "marlowov", "reyesa"]
)
def test_a_persons_endings_fit_a_name_ending_in_a_consonant(knowledge, written):
    write(knowledge, "people.yaml", PEOPLE)
    lexicon = Engine(load_knowledge(knowledge).knowledge).lexicon
    name = "reyes" if written.startswith("reyes") else "marlow"
    assert lexicon.apply_aliases(f"what did {written} say") == f"what did {name} say"


def test_the_engine_reads_aliases_and_case_forms_from_the_knowledge(knowledge):
    write(knowledge, "places.yaml", PLACES)
    lexicon = Engine(load_knowledge(knowledge).knowledge).lexicon
    assert lexicon.apply_aliases("news from strelsau and ruritanijom") == (
        "news from ruritania and ruritania"
    )
    assert lexicon.apply_aliases("rassendyllom said") == "rassendyll said"
    assert lexicon.places("the king of zenda") == frozenset({"zenda"})


def test_without_vocabulary_the_engine_knows_no_name(knowledge):
    lexicon = Engine(load_knowledge(knowledge).knowledge).lexicon
    assert lexicon.apply_aliases("news from strelsau") == "news from strelsau"
    assert lexicon.places("the king of zenda") == frozenset()


def test_reports_an_unknown_field_with_the_close_one(knowledge, check):
    write(knowledge, "places.yaml", "name:\n  - ruritania\n")
    assert check(knowledge) == (
        1,
        [
            "vocabulary/places.yaml:1: name: is not a field of a vocabulary file; "
            "did you mean 'names'?"
        ],
    )


def test_reports_an_empty_word(knowledge, check):
    write(knowledge, "places.yaml", 'aliases:\n  strelsau: ""\n')
    assert check(knowledge) == (1, ["vocabulary/places.yaml:2: aliases.strelsau: is empty"])


def test_reports_a_name_of_several_words_which_no_question_word_would_match(knowledge, check):
    write(knowledge, "places.yaml", "names:\n  - ruritania\n  - Zubin Potok\n")
    assert check(knowledge) == (
        1,
        [
            "vocabulary/places.yaml:3: names[1]: 'zubin potok' is several words, and a name is "
            "read word by word: list the word that names it alone ('zubin'), or write an alias "
            "of the whole phrase"
        ],
    )


def test_reports_aliases_that_are_not_a_mapping(knowledge, check):
    write(knowledge, "places.yaml", "aliases:\n  - strelsau\n")
    assert check(knowledge) == (
        1,
        [
            "vocabulary/places.yaml:1: aliases: must be a mapping of `word: meaning` lines, "
            "not a list"
        ],
    )


def test_reports_a_form_claimed_by_two_meanings_in_two_files(knowledge, check):
    write(knowledge, "places.yaml", PLACES)
    write(knowledge, "rivals.yaml", "aliases:\n  rur: rural\n")
    assert check(knowledge) == (
        1,
        [
            "vocabulary/rivals.yaml:2: aliases.rur: 'rur' is read as 'rural' here and as "
            "'ruritania' in vocabulary/places.yaml"
        ],
    )


@pytest.mark.parametrize(
    ("meaning", "other"), [("border crossings", "border crossing"), ("party", "parties")]
)
def test_accepts_a_form_two_files_read_as_forms_of_one_word(knowledge, check, meaning, other):
    write(knowledge, "towns.yaml", f"aliases:\n  strelsaus: {meaning}\n")
    write(knowledge, "rivals.yaml", f"aliases:\n  strelsaus: {other}\n")
    assert check(knowledge) == (0, ["ok: 2 entries, 1 source"])


def test_reports_a_case_form_that_clashes_with_an_alias(knowledge, check):
    write(knowledge, "places.yaml", PLACES)
    write(knowledge, "rivals.yaml", "forms:\n  - endings: [ur]\n    stems:\n      r: rural\n")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        "vocabulary/rivals.yaml:4: forms[0].stems.r: 'rur' is read as 'rural' here and as "
        "'ruritania' in vocabulary/places.yaml"
    ]


def test_reports_an_alias_that_hides_a_listed_name(knowledge, check):
    write(knowledge, "places.yaml", PLACES)
    write(knowledge, "rivals.yaml", "aliases:\n  zenda: ruritania\n")
    assert check(knowledge) == (
        1,
        [
            "vocabulary/rivals.yaml:2: aliases.zenda: 'zenda' is listed as a name in "
            "vocabulary/places.yaml; read as 'ruritania' it would never be seen as that name: "
            "remove one of the two"
        ],
    )


def test_reports_an_alias_of_a_word_of_the_general_language(knowledge, check):
    write(knowledge, "places.yaml", "aliases:\n  dont: ruritania\n")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        "vocabulary/places.yaml:2: aliases.dont: 'dont' is a word of the language the engine "
        "already reads as 'do not', whatever the subject; it cannot mean anything else"
    ]


def test_reports_an_alias_of_a_short_common_word_but_not_of_a_longer_one(knowledge, check):
    write(knowledge, "places.yaml", "aliases:\n  be: eu\n  talks: dialogue\n")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        "vocabulary/places.yaml:2: aliases.be: 'be' is a short common word (be, in, to...) "
        "that stands in almost every question; read as something else it would change them "
        "all: write the longer phrase instead"
    ]


@pytest.mark.parametrize("word", ["when", "why", "not", "pse", "zasto"])
def test_reports_an_alias_of_a_word_deciding_what_questions_ask(knowledge, check, word):
    write(knowledge, "places.yaml", f"aliases:\n  {word}: date\n")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        f"vocabulary/places.yaml:2: aliases.{word}: "
        + Check.ALIAS_OF_AN_ASKING_WORD.format(form=word)
    ]


@pytest.mark.parametrize("name", ["nul", "AUX", "com1"])
def test_reports_a_vocabulary_file_named_as_windows_names_a_device(knowledge, check, name):
    write(knowledge, f"{name}.yaml", "names:\n  - ruritania\n")
    assert check(knowledge) == (
        1,
        [f"vocabulary/{name}.yaml: " + Check.RESERVED_FILE.format(value=name)],
    )


def test_reports_an_unknown_set_of_endings(knowledge, check):
    write(knowledge, "places.yaml", "forms:\n  - endings: latin\n    stems:\n      rom: rome\n")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        "vocabulary/places.yaml:2: forms[0].endings: 'latin' is not a set of endings; write a "
        "list of endings, or one of: albanian, serbian, albanian person, serbian person"
    ]


def test_reports_a_stray_file_in_the_vocabulary_folder(knowledge, check):
    write(knowledge, "notes.txt", "ruritania")
    assert check(knowledge) == (
        1,
        ["vocabulary/notes.txt: is not read: vocabulary files are `<name>.yaml` files"],
    )


def test_a_vocabulary_written_back_reads_the_same_and_stays_byte_stable(knowledge):
    tricky = PLACES.replace("  rur: ruritania\n", '  rur: ruritania\n  "off": "yes: or no"\n')
    write(knowledge, "places.yaml", tricky)
    read = load_knowledge(knowledge).knowledge.vocabulary["places"]
    text = vocabulary_to_yaml(read)
    write(knowledge, "places.yaml", text)
    again = load_knowledge(knowledge).knowledge.vocabulary["places"]
    assert again == read
    assert vocabulary_to_yaml(again) == text
    assert "endings: serbian" in text


def test_reports_a_word_holding_discord_markup(knowledge, check):
    write(knowledge, "places.yaml", 'aliases:\n  strelsau: "<@123456789012345678>"\n')
    assert check(knowledge) == (
        1,
        [
            "vocabulary/places.yaml:2: aliases.strelsau: "
            + Check.MARKUP.format(markup="<@123456789012345678>")
        ],
    )


def test_an_alias_the_general_language_already_makes_is_accepted(knowledge, check):
    write(knowledge, "places.yaml", "aliases:\n  dont: do not\n")
    assert check(knowledge) == (0, ["ok: 2 entries, 1 source"])


def test_reports_a_file_whose_case_forms_multiply_past_the_limit(knowledge, check):
    """Every stem times every ending: 300 endings and 100 stems in 8 kB would make 30,000."""
    endings = ", ".join(f"e{number}" for number in range(300))
    stems = "".join(f"      zq{number}x: ruritania\n" for number in range(100))
    write(knowledge, "places.yaml", f"forms:\n  - endings: [{endings}]\n    stems:\n{stems}")
    code, lines = check(knowledge)
    assert code == 1
    assert lines == [
        "vocabulary/places.yaml:1: forms: makes 30,000 case forms (every stem with every ending "
        "of its set); a file makes at most 25,000: split the stems over sets of the endings "
        "each needs"
    ]


@pytest.mark.parametrize(
    "asked", ["who held the post before marlow", "who was it before ann marlow"]
)
def test_before_a_person_named_in_full_asks_about_a_beginning(knowledge, asked):
    write(knowledge, "people.yaml", PEOPLE)
    lexicon = Engine(load_knowledge(knowledge).knowledge).lexicon
    assert lexicon.read(asked).origin


def test_the_guide_lists_each_set_of_endings_as_the_engine_reads_it():
    guide = (Path(__file__).parents[2] / "knowledge" / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^- `([a-z ]+)`: (.+(?:\n  .+)*)", guide, re.MULTILINE)
    read = {name: tuple(e.strip().strip('"') for e in text.split(",")) for name, text in listed}
    assert read == ENDINGS


@pytest.mark.parametrize(
    ("meaning", "other"),
    [("governor", "government"), ("politico", "political"), ("zenda", "zendan")],
)
def test_reports_meanings_that_only_stem_alike(knowledge, check, meaning, other):
    write(knowledge, "towns.yaml", f"aliases:\n  strelsaus: {meaning}\n")
    write(knowledge, "rivals.yaml", f"aliases:\n  strelsaus: {other}\n")
    code, lines = check(knowledge)
    assert code == 1
    assert f"'strelsaus' is read as '{meaning}' here and as '{other}'" in lines[0]
