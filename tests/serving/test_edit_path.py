"""A moderator's write checks and serves only what it changed, with a whole load's outcomes.

The store checks an entry's write against the snapshot it last loaded, reading back only the
file it writes, and the routing check asks the served engine updated to the would-be
knowledge, which is then served as it is. Each kind of write must leave exactly what a full
reload of the folder gives, and each refusal must name exactly the problems the whole checks
find (`validate_entry_data` against a fresh load, every text asked of an engine built whole).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.routing import misroutes
from bot.knowledge.history import ChangeLog
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Entry, Knowledge
from bot.knowledge.serialise import entry_to_data, entry_to_yaml
from bot.knowledge.store import Applied, KnowledgeStore, Refused
from bot.knowledge.validate import entry_label, validate_entry_data
from bot.serving.live import LiveKnowledge, open_moderated
from bot.strings import Check
from tests.engine.conftest import ARTICLE_KNOWLEDGE, FIXTURE_KNOWLEDGE
from tests.knowledge.store_helpers import ALICE, BOB

ARTICLE = "article-10"
RUTTE = "rutte-warning"
PFP = "kosovo-outside-pfp"


@pytest.fixture
def served(tmp_path: Path) -> tuple[LiveKnowledge, KnowledgeStore]:
    """The engine's fixture knowledge, copied, served and written as moderators write it."""
    root = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    return open_moderated(root, tmp_path / "db.sqlite3", routing=True)


def data_of(store: KnowledgeStore, entry_id: str, **changes: object) -> dict[str, object]:
    return {**entry_to_data(store.read_entry(entry_id).entry), **changes}


def version_of(store: KnowledgeStore, entry_id: str) -> str:
    return store.read_entry(entry_id).version


def own_texts(knowledge: Knowledge) -> list[str]:
    return [t for e in knowledge.entries.values() for t in (e.question, *e.phrasings)]


def answers(engine: Engine, texts: list[str]) -> list[str | None]:
    return [d.entry.id if d.entry else None for d in map(engine.decide, texts)]


def new_entry(store: KnowledgeStore) -> dict[str, object]:
    return data_of(
        store,
        RUTTE,
        id="rutte-second-warning",
        question="Did Rutte warn allies a second time?",
        phrasings=["second rutte warning"],
    )


WRITES: dict[str, Callable[[KnowledgeStore], object]] = {
    "add entry": lambda store: store.add_entry(new_entry(store), ALICE),
    "edit entry": lambda store: store.edit_entry(
        RUTTE,
        data_of(store, RUTTE, answer="Mark Rutte warned that Russia has brought war back."),
        version_of(store, RUTTE),
        ALICE,
    ),
    "remove entry": lambda store: store.remove_entry(RUTTE, ALICE, version_of(store, RUTTE)),
    "add phrasing": lambda store: store.add_phrasing(RUTTE, "rutte on russia", ALICE),
    "remove phrasing": lambda store: store.remove_phrasing(RUTTE, "rutte warning russia", ALICE),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_each_kind_of_write_serves_what_a_full_reload_of_the_folder_gives(served, write):
    live, store = served

    assert isinstance(write(store), Applied)

    reloaded = load_knowledge(live.root).knowledge
    assert live.knowledge == reloaded
    assert list(live.knowledge.entries) == list(reloaded.entries)
    texts = own_texts(reloaded)
    assert answers(live.engine, texts) == answers(Engine(reloaded), texts)
    assert not live.changed_on_disk()


def whole_check(knowledge: Knowledge, data: dict[str, object]) -> tuple[object, ...]:
    """The problems of saving `data` found the whole way: a fresh claims list, every text asked."""
    entry, problems = validate_entry_data(data, knowledge, entry_label(str(data["id"])))
    if entry is None:
        return tuple(problems)
    grown = dataclasses.replace(knowledge, entries={**knowledge.entries, entry.id: entry})
    found = misroutes(grown, engine=Engine(grown))
    return tuple(m.problem() for m in found if entry.id in (m.entry_id, m.reached))


def with_phrasing(entry: Entry, phrasing: str) -> dict[str, object]:
    return entry_to_data(dataclasses.replace(entry, phrasings=(*entry.phrasings, phrasing)))


def another_entrys_question(store: KnowledgeStore) -> tuple[Callable[[], object], dict]:
    data = {**new_entry(store), "question": store.read_entry(PFP).entry.question}
    return (lambda: store.add_entry(data, ALICE)), data


def a_phrasing_another_entry_claims(store: KnowledgeStore) -> tuple[Callable[[], object], dict]:
    data = with_phrasing(store.read_entry(ARTICLE).entry, "rutte warning russia")
    return (lambda: store.add_phrasing(ARTICLE, "rutte warning russia", ALICE)), data


def a_misquote(store: KnowledgeStore) -> tuple[Callable[[], object], dict]:
    data = data_of(store, RUTTE)
    data["citations"] = [{**data["citations"][0], "quote": "Mark Rutte warned about China"}]
    version = version_of(store, RUTTE)
    return (lambda: store.edit_entry(RUTTE, data, version, ALICE)), data


def a_phrasing_another_entry_answers(store: KnowledgeStore) -> tuple[Callable[[], object], dict]:
    data = with_phrasing(store.read_entry(ARTICLE).entry, "kosovo pfp")
    return (lambda: store.add_phrasing(ARTICLE, "kosovo pfp", ALICE)), data


def a_question_drawing_another_entrys_phrasing(
    store: KnowledgeStore,
) -> tuple[Callable[[], object], dict]:
    # A phrasing whose words its entry has in no other text is drawn away by an entry that
    # comes to be about them all.
    assert isinstance(store.add_phrasing(RUTTE, "russia threat to allies", ALICE), Applied)
    data = data_of(store, ARTICLE, question="What threat does Russia pose to allies?")
    version = version_of(store, ARTICLE)
    return (lambda: store.edit_entry(ARTICLE, data, version, ALICE)), data


REFUSALS = (
    another_entrys_question,
    a_phrasing_another_entry_claims,
    a_misquote,
    a_phrasing_another_entry_answers,
    a_question_drawing_another_entrys_phrasing,
)


@pytest.mark.parametrize("refusal", REFUSALS, ids=[r.__name__ for r in REFUSALS])
def test_a_refused_write_names_the_problems_the_whole_checks_find_and_changes_nothing(
    served, refusal
):
    live, store = served
    store.add_phrasing(RUTTE, "rutte on russia", ALICE)
    write, data = refusal(store)
    before = {p: p.read_bytes() for p in sorted((live.root / "entries").iterdir())}
    serving = live.knowledge
    expected = whole_check(load_knowledge(live.root).knowledge, data)

    result = write()

    assert expected
    assert result == Refused(expected)
    assert {p: p.read_bytes() for p in sorted((live.root / "entries").iterdir())} == before
    assert live.knowledge is serving


def test_an_entry_added_taking_another_entrys_phrasing_among_entries_added_and_removed_is_refused(
    tmp_path,
):
    """Among fifty entries the served engine follows an entry removed and one added without
    making its routing check's reach again, and still refuses an entry that would answer
    another entry's phrasing, with the problems the whole checks find.
    """
    root = tmp_path / "knowledge"
    shutil.copytree(ARTICLE_KNOWLEDGE, root)
    live, store = open_moderated(root, tmp_path / "db.sqlite3", routing=True)
    count = len(live.knowledge.entries)
    assert isinstance(store.remove_entry("balkan-nato-members", ALICE), Applied)
    added = {**entry_to_data(live.knowledge.entries["mediu-nato-is-a-process"])}
    added.update(id="mediu-again", question="Is joining NATO a zyxwv process?", phrasings=[])
    assert isinstance(store.add_entry(added, ALICE), Applied)
    taken = live.knowledge.entries["kosovo-steps-toward-nato"]
    data = {
        **entry_to_data(taken),
        "id": "a-copy-of-kosovo-steps",
        "question": f"Tell me: {taken.question}",
        "phrasings": [f"{phrasing} please" for phrasing in taken.phrasings],
    }
    expected = whole_check(load_knowledge(live.root).knowledge, data)

    result = store.add_entry(data, ALICE)

    assert result == Refused(expected)
    assert any("are answered by entry 'a-copy-of-kosovo-steps'" in p.message for p in expected)
    assert live.engine._reach is not None and live.engine._reach._count == count
    assert "a-copy-of-kosovo-steps" not in live.knowledge.entries


def replace_by_hand(path: Path, text: str) -> None:
    """Write `path` as many editors do: a new file renamed over the old one."""
    temporary = path.with_name(f"{path.name}~")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)


def with_hand_phrasing(store: KnowledgeStore, entry_id: str, phrasing: str) -> str:
    entry = store.read_entry(entry_id).entry
    return entry_to_yaml(dataclasses.replace(entry, phrasings=(*entry.phrasings, phrasing)))


def claimed_by(entry_id: str, phrasing: str) -> str:
    return Check.CLAIMED.format(
        value=phrasing, other=Check.A_PHRASING, entry=entry_id, file=entry_label(entry_id)
    )


def test_an_entry_file_replaced_by_hand_since_the_last_write_is_seen_by_the_next_write(served):
    live, store = served
    store.add_phrasing(RUTTE, "rutte on russia", ALICE)
    replace_by_hand(
        live.root / "entries" / f"{PFP}.yaml", with_hand_phrasing(store, PFP, "pfp and kosovo")
    )

    result = store.add_phrasing(ARTICLE, "pfp and kosovo", ALICE)

    assert [(p.file, p.message) for p in result.problems] == [
        (entry_label(ARTICLE), claimed_by(PFP, "pfp and kosovo"))
    ]


def test_an_entry_file_added_by_hand_since_the_last_write_is_seen_by_the_next_write(served):
    live, store = served
    store.add_phrasing(RUTTE, "rutte on russia", ALICE)
    entry = dataclasses.replace(
        store.read_entry(PFP).entry, id="pfp-by-hand", question="Who keeps Kosovo out of PfP?"
    )
    entry = dataclasses.replace(entry, phrasings=("pfp and kosovo",))
    (live.root / "entries" / "pfp-by-hand.yaml").write_text(entry_to_yaml(entry), "utf-8")

    result = store.add_phrasing(ARTICLE, "pfp and kosovo", ALICE)

    assert [(p.file, p.message) for p in result.problems] == [
        (entry_label(ARTICLE), claimed_by("pfp-by-hand", "pfp and kosovo"))
    ]


def test_an_entry_file_edited_in_place_is_reloaded_by_the_watcher_and_writes_start_from_it(
    served,
):
    live, store = served
    path = live.root / "entries" / f"{PFP}.yaml"
    path.write_text(with_hand_phrasing(store, PFP, "pfp and kosovo"), "utf-8")

    assert isinstance(store.add_phrasing(RUTTE, "rutte on russia", ALICE), Applied)
    assert live.changed_on_disk()  # the write did not hide the edit from the watcher
    live.reload()
    refused = store.add_phrasing(ARTICLE, "pfp and kosovo", ALICE)
    assert isinstance(store.remove_phrasing(RUTTE, "rutte on russia", ALICE), Applied)

    assert [(p.file, p.message) for p in refused.problems] == [
        (entry_label(ARTICLE), claimed_by(PFP, "pfp and kosovo"))
    ]
    assert live.knowledge == load_knowledge(live.root).knowledge
    assert "pfp and kosovo" in live.knowledge.entries[PFP].phrasings
    assert not live.changed_on_disk()


def test_a_source_broken_in_place_and_reloaded_by_the_watcher_refuses_every_write_until_fixed(
    served,
):
    live, store = served
    quote = store.read_entry(RUTTE).entry.citations[0].quote
    [text] = (live.root / "sources").glob("*.txt")
    original = text.read_text("utf-8")
    text.write_text(original.replace(quote, "Nothing said."), "utf-8")
    serving = live.knowledge

    reloaded = live.reload()
    refused = store.add_phrasing(ARTICLE, "article ten allies", ALICE)
    text.write_text(original, "utf-8")
    live.reload()
    applied = store.remove_phrasing(RUTTE, "rutte warning russia", ALICE)

    assert reloaded.knowledge is None
    assert isinstance(refused, Refused)
    assert {p.file for p in refused.problems} == {entry_label(RUTTE)}
    assert live.knowledge is not serving
    assert isinstance(applied, Applied)
    assert live.knowledge.sources == serving.sources


def test_a_write_by_another_store_on_the_folder_is_seen_by_the_next_write(served, tmp_path):
    live, store = served
    store.add_phrasing(RUTTE, "rutte on russia", ALICE)
    other = KnowledgeStore(live.root, ChangeLog(tmp_path / "db.sqlite3"))
    assert isinstance(other.remove_phrasing(RUTTE, "rutte warning russia", BOB), Applied)
    assert isinstance(other.add_phrasing(PFP, "pfp and kosovo", BOB), Applied)

    result = store.add_phrasing(ARTICLE, "pfp and kosovo", ALICE)
    store.remove_phrasing(RUTTE, "rutte on russia", ALICE)

    assert [(p.file, p.message) for p in result.problems] == [
        (entry_label(ARTICLE), claimed_by(PFP, "pfp and kosovo"))
    ]
    assert live.knowledge == load_knowledge(live.root).knowledge
    assert "rutte warning russia" not in live.knowledge.entries[RUTTE].phrasings


def test_removing_the_last_entry_is_refused_as_a_load_of_the_emptied_folder_would_be(served):
    live, store = served
    *others, last = live.knowledge.entries
    for entry_id in others:
        assert isinstance(store.remove_entry(entry_id, ALICE), Applied)

    result = store.remove_entry(last, ALICE)

    assert [(p.file, p.message) for p in result.problems] == [("entries", Check.NO_ENTRIES)]
    assert list(live.knowledge.entries) == [last]


# Taking words away: what is left must still be answered, as a whole check would find.

KB_KNOWLEDGE = Path(__file__).parents[1] / "discord" / "kb_knowledge"
THREE_ENTRIES = (ARTICLE, "balkan-nato-members", PFP)


def serve_copy(tmp_path: Path, keep: tuple[str, ...] = ()) -> tuple[LiveKnowledge, KnowledgeStore]:
    """The /kb fixture knowledge, copied (only the entries `keep` when given) and served."""
    root = tmp_path / "knowledge"
    shutil.copytree(KB_KNOWLEDGE, root)
    for path in (root / "entries").iterdir():
        if keep and path.stem not in keep:
            path.unlink()
    return open_moderated(root, tmp_path / "db.sqlite3", routing=True)


def whole_routing_check(knowledge: Knowledge) -> tuple[object, ...]:
    """Every text of `knowledge` not answered by its entry, asked of an engine built whole."""
    return tuple(m.problem() for m in misroutes(knowledge, engine=Engine(knowledge)))


def without(knowledge: Knowledge, entry_id: str, phrasing: str | None = None) -> Knowledge:
    entries = dict(knowledge.entries)
    if phrasing is None:
        del entries[entry_id]
    else:
        entry = entries[entry_id]
        kept = tuple(p for p in entry.phrasings if p != phrasing)
        entries[entry_id] = dataclasses.replace(entry, phrasings=kept)
    return dataclasses.replace(knowledge, entries=entries)


def test_removing_an_entry_whose_words_another_entrys_phrasing_needs_is_refused(tmp_path):
    live, store = serve_copy(tmp_path, keep=THREE_ENTRIES)
    serving = live.knowledge

    result = store.remove_entry(ARTICLE, ALICE)

    assert [(p.file, p.field, p.message) for p in result.problems] == [
        (
            entry_label("balkan-nato-members"),
            "phrasings[0]",
            Check.NOT_ANSWERED.format(
                value="balkan nato members", why=Check.WHY_NOT_ANSWERED["anchor"]
            ),
        )
    ]
    assert (live.root / "entries" / f"{ARTICLE}.yaml").is_file()
    assert live.knowledge is serving


@pytest.mark.parametrize("keep", [(), THREE_ENTRIES], ids=["six entries", "three entries"])
def test_removing_any_phrasing_or_entry_is_refused_just_when_a_whole_check_finds_it_strands(
    tmp_path, keep
):
    live, store = serve_copy(tmp_path, keep)
    knowledge = live.knowledge
    removals = [
        (entry_id, phrasing)
        for entry_id, entry in knowledge.entries.items()
        for phrasing in (*entry.phrasings, None)
    ]
    refused, expected = [], []

    for entry_id, phrasing in removals:
        if phrasing is None:
            result = store.remove_entry(entry_id, ALICE)
        else:
            result = store.remove_phrasing(entry_id, phrasing, ALICE)
        refused.append(result.problems if isinstance(result, Refused) else ())
        expected.append(whole_routing_check(without(knowledge, entry_id, phrasing)))
        if isinstance(result, Applied):
            assert isinstance(store.undo(ALICE), Applied)

    assert refused == expected
    assert any(expected)


@pytest.mark.parametrize("write", ["undo", "source add"])
def test_a_hand_edit_made_while_a_whole_folder_write_is_checked_is_reloaded_by_the_watcher(
    served, monkeypatch, write
):
    live, store = served
    assert isinstance(store.add_phrasing(RUTTE, "rutte on russia", ALICE), Applied)
    hand_edit = with_hand_phrasing(store, PFP, "pfp and kosovo")
    checked_whole = store._load_staged

    def checked_then_edited_by_hand(files):
        result = checked_whole(files)
        replace_by_hand(live.root / "entries" / f"{PFP}.yaml", hand_edit)
        return result

    monkeypatch.setattr(store, "_load_staged", checked_then_edited_by_hand)
    if write == "undo":
        applied = store.undo(ALICE)
    else:
        applied = store.add_source(
            {
                "id": "extra",
                "title": "Extra",
                "outlet": "Extra",
                "published": "2025-12-01",
                "language": "en",
            },
            "An extra report.",
            ALICE,
        )

    assert isinstance(applied, Applied)
    assert live.changed_on_disk()  # the write did not hide the hand edit from the watcher
    live.reload()
    assert "pfp and kosovo" in live.knowledge.entries[PFP].phrasings
