"""Moderators' vocabulary edits: validated like the checker, recorded, and undone exactly."""

import pytest

from bot.engine import Engine
from bot.knowledge.history import Action
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Vocabulary
from bot.knowledge.store import Applied, Refused
from tests.knowledge.store_helpers import ALICE, BOB, make_knowledge, open_store

FILE = "vocabulary/moderators.yaml"


def test_an_alias_added_is_written_read_by_the_engine_and_recorded(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.add_word("moderators", "aliases", "Strelsau", "ruritania", ALICE)

    assert isinstance(result, Applied)
    assert (root / FILE).read_text(encoding="utf-8").endswith("aliases:\n  strelsau: ruritania\n")
    engine = Engine(load_knowledge(root).knowledge)
    assert engine.lexicon.apply_aliases("news from strelsau") == "news from ruritania"
    (change,) = store.history(FILE)
    assert (change.action, change.actor.name, change.detail) == (
        Action.VOCAB_ADD,
        "Alice",
        "aliases: Strelsau → ruritania",
    )


def test_a_word_added_to_a_list_and_removed_again_leaves_no_file(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    assert isinstance(store.add_word("moderators", "names", "Zenda", "", ALICE), Applied)
    assert load_knowledge(root).knowledge.vocabulary["moderators"].names == ("zenda",)

    assert isinstance(store.remove_word("moderators", "names", "zenda", BOB), Applied)

    assert not (root / FILE).exists()
    assert "moderators" not in load_knowledge(root).knowledge.vocabulary


def test_undo_restores_the_vocabulary_file_byte_for_byte(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_word("moderators", "names", "zenda", "", ALICE)
    before = (root / FILE).read_bytes()
    store.add_word("moderators", "aliases", "strelsau", "ruritania", ALICE)

    assert isinstance(store.undo(BOB), Applied)

    assert (root / FILE).read_bytes() == before


def test_an_alias_that_clashes_with_another_file_is_refused_with_the_checkers_line(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_word("places", "names", "zenda", "", ALICE)

    result = store.add_word("moderators", "aliases", "zenda", "ruritania", ALICE)

    assert isinstance(result, Refused)
    assert [str(p) for p in result.problems] == [
        "vocabulary/moderators.yaml:5: aliases.zenda: 'zenda' is listed as a name in "
        "vocabulary/places.yaml; read as 'ruritania' it would never be seen as that name: "
        "remove one of the two"
    ]
    assert not (root / FILE).exists()


def test_refuses_an_alias_without_a_meaning_and_a_word_already_there(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_word("moderators", "names", "zenda", "", ALICE)

    no_meaning = store.add_word("moderators", "aliases", "strelsau", "", ALICE)
    twice = store.add_word("moderators", "names", "Zenda", "", ALICE)
    absent = store.remove_word("moderators", "people", "rassendyll", ALICE)

    assert [p.message for r in (no_meaning, twice, absent) for p in r.problems] == [
        "An alias needs a meaning: the words the engine should read instead.",
        "“zenda” is already in `names` of this file.",
        "“rassendyll” is not in `people` of this file.",
    ]


@pytest.mark.parametrize(("file", "written"), [("../entries/x", "x.yaml"), ("nul", "nul.yaml")])
def test_refuses_a_file_name_that_is_no_plain_name(tmp_path, file, written):
    """Nor one Windows keeps for a device: git could not check the file out there."""
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.add_word(file, "names", "zenda", "", ALICE)

    assert isinstance(result, Refused)
    assert not list(root.rglob(written))


# Case forms


def test_case_forms_join_the_forms_of_their_endings_and_are_read_by_the_engine(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    results = [
        store.add_forms("moderators", "albanian", "Zend", "zenda", ALICE),
        store.add_forms("moderators", '"", a, om', "strelsau", "strelsau", ALICE),
        store.add_forms("moderators", "Albanian", "ruritani", "ruritania", BOB),
    ]

    assert all(isinstance(result, Applied) for result in results)
    assert (
        (root / FILE)
        .read_text(encoding="utf-8")
        .endswith(
            "forms:\n"
            "  - endings: albanian\n"
            "    stems:\n"
            "      zend: zenda\n"
            "      ruritani: ruritania\n"
            '  - endings: ["", a, om]\n'
            "    stems:\n"
            "      strelsau: strelsau\n"
        )
    )
    lexicon = Engine(load_knowledge(root).knowledge).lexicon
    assert lexicon.apply_aliases("zendes ruritanise strelsauom") == "zenda ruritania strelsau"
    assert [change.detail for change in store.history(FILE)][-1] == "forms (albanian): Zend → zenda"


def test_a_stem_removed_leaves_every_set_unless_one_is_named_and_undo_is_exact(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_forms("moderators", "albanian", "zend", "zenda", ALICE)
    store.add_forms("moderators", "serbian", "zend", "zenda", ALICE)
    store.add_forms("moderators", "serbian", "strelsau", "strelsau", ALICE)
    before = (root / FILE).read_bytes()

    assert isinstance(store.remove_forms("moderators", "zend", "serbian", BOB), Applied)
    forms = load_knowledge(root).knowledge.vocabulary["moderators"].forms
    assert [dict(f.stems) for f in forms] == [{"zend": "zenda"}, {"strelsau": "strelsau"}]
    assert isinstance(store.remove_forms("moderators", "zend", None, BOB), Applied)
    forms = load_knowledge(root).knowledge.vocabulary["moderators"].forms
    assert [dict(f.stems) for f in forms] == [{"strelsau": "strelsau"}]

    assert isinstance(store.undo(BOB), Applied)
    assert isinstance(store.undo(BOB), Applied)
    assert (root / FILE).read_bytes() == before


def test_refuses_unknown_endings_a_stem_without_meaning_one_there_and_one_absent(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_forms("moderators", "albanian", "zend", "zenda", ALICE)
    before = (root / FILE).read_bytes()

    refused = [
        store.add_forms("moderators", "latin", "rom", "rome", ALICE),
        store.add_forms("moderators", "serbian", "rom", " ", ALICE),
        store.add_forms("moderators", "albanian", "ZEND", "zenda", ALICE),
        store.remove_forms("moderators", "zend", "serbian", ALICE),
        store.remove_forms("moderators", "rom", None, ALICE),
    ]

    assert [str(p) for r in refused for p in r.problems] == [
        "vocabulary/moderators.yaml: forms.endings: 'latin' is not a set of endings; write a "
        "list of endings, or one of: albanian, serbian, albanian person, serbian person",
        "vocabulary/moderators.yaml: A stem needs a meaning: the word its forms are read as.",
        "vocabulary/moderators.yaml: “zend” already has the endings albanian in this file.",
        "vocabulary/moderators.yaml: “zend” is not among the stems of `forms` in this file.",
        "vocabulary/moderators.yaml: “rom” is not among the stems of `forms` in this file.",
    ]
    assert (root / FILE).read_bytes() == before


def test_a_case_form_another_file_reads_otherwise_is_refused_with_the_checkers_line(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_word("places", "aliases", "zendes", "ruritania", ALICE)

    result = store.add_forms("moderators", "albanian", "zend", "zenda", ALICE)

    assert isinstance(result, Refused)
    assert [str(p) for p in result.problems] == [
        "vocabulary/places.yaml:5: aliases.zendes: 'zendes' is read as 'ruritania' here and as "
        "'zenda' in vocabulary/moderators.yaml"
    ]
    assert not (root / FILE).exists()


def test_a_vocabulary_write_publishes_what_a_load_of_the_folder_gives(tmp_path):
    """Only the vocabulary is read again for a vocabulary write; the rest is carried over."""
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    published = []
    store.subscribe(published.append)

    store.add_word("moderators", "aliases", "strelsau", "ruritania", ALICE)
    store.add_word("places", "names", "zenda", "", BOB)
    store.remove_word("moderators", "aliases", "strelsau", ALICE)

    assert len(published) == 3
    assert published[-1] == load_knowledge(root).knowledge
    assert "strelsau" not in published[-1].vocabulary.get("moderators", Vocabulary()).aliases
    assert "zenda" in published[-1].vocabulary["places"].names


def test_refuses_a_name_of_several_words_with_the_word_to_list(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.add_word("moderators", "names", "Zubin Potok", "", ALICE)

    assert isinstance(result, Refused)
    assert [p.message for p in result.problems] == [
        "'zubin potok' is several words, and a word of `names` is read alone: add the word "
        "that names it alone ('zubin'), or add an alias of the whole phrase."
    ]
    assert not (root / FILE).exists()
