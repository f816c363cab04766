"""Moderators' vocabulary edits: validated like the checker, recorded, and undone exactly."""

from bot.engine import Engine
from bot.knowledge.history import Action
from bot.knowledge.loader import load_knowledge
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


def test_refuses_a_file_name_that_is_no_plain_name(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.add_word("../entries/x", "names", "zenda", "", ALICE)

    assert isinstance(result, Refused)
    assert not list(root.rglob("x.yaml"))
