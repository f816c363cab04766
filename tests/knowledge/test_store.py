import io
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor

from bot.knowledge.files import SOURCE_TEXT_LIMIT, knowledge_lock, version_of
from bot.knowledge.history import Action
from bot.knowledge.loader import load_knowledge
from bot.knowledge.store import Applied, Conflict, Refused, decode_upload
from bot.strings import Check
from tests.knowledge.store_helpers import (
    ALICE,
    BOB,
    SOURCE_ID,
    make_knowledge,
    open_store,
    pfp_data,
    status_data,
)

PFP = "kosovo-outside-pfp"
RECOGNITION = "allies-not-recognising"


KFOR_SOURCE = {
    "id": "example-2026-01-kfor",
    "title": "KFOR at 26",
    "outlet": "Example News",
    "published": "2026-01",
    "language": "en",
}


def test_adding_an_entry_writes_its_file_and_records_who_added_it(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    data = status_data(phrasings=["is kosovo in the pfp"])

    result = store.add_entry(data, ALICE)

    assert isinstance(result, Applied)
    assert load_knowledge(root).knowledge.entries["kosovo-pfp-status"].phrasings == (
        "is kosovo in the pfp",
    )
    [change] = store.history()
    assert (change.id, change.action, change.item_id) == (result.change_id, Action.ADD, data["id"])
    assert change.actor == ALICE


def test_adding_an_entry_whose_id_exists_is_a_conflict_showing_both_texts(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    before = (root / "entries" / f"{PFP}.yaml").read_text("utf-8")

    result = store.add_entry(pfp_data(answer="A different answer."), ALICE)

    assert isinstance(result, Conflict)
    assert result.current_text == before
    assert "A different answer." in result.refused_text
    assert (root / "entries" / f"{PFP}.yaml").read_text("utf-8") == before


def test_an_edit_from_the_current_version_replaces_the_entry(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    stored = store.read_entry(PFP)

    result = store.edit_entry(PFP, pfp_data(answer="Updated answer."), stored.version, ALICE)

    assert isinstance(result, Applied)
    assert result.version == store.read_entry(PFP).version != stored.version
    assert load_knowledge(root).knowledge.entries[PFP].answer == "Updated answer."


def test_two_edits_from_the_same_version_keep_the_first_and_return_the_second(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    base = store.read_entry(PFP).version

    first = store.edit_entry(PFP, pfp_data(answer="Alice's answer."), base, ALICE)
    second = store.edit_entry(PFP, pfp_data(answer="Bob's answer."), base, BOB)

    assert isinstance(first, Applied)
    assert isinstance(second, Conflict)
    assert "Alice's answer." in second.current_text
    assert "Bob's answer." in second.refused_text
    assert load_knowledge(root).knowledge.entries[PFP].answer == "Alice's answer."
    retry = store.edit_entry(PFP, pfp_data(answer="Bob's answer."), first.version, BOB)
    assert isinstance(retry, Applied)


def test_an_edit_cannot_rename_the_entry(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    base = store.read_entry(PFP).version

    store.edit_entry(PFP, pfp_data(id="another-name"), base, ALICE)

    assert sorted(p.name for p in (root / "entries").iterdir()) == [
        f"{RECOGNITION}.yaml",
        f"{PFP}.yaml",
    ]


def test_editing_a_missing_entry_is_a_conflict_saying_it_is_gone(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    base = store.read_entry(PFP).version
    store.remove_entry(PFP, ALICE)

    result = store.edit_entry(PFP, pfp_data(answer="Too late."), base, BOB)

    assert isinstance(result, Conflict)
    assert result.current_text is None
    assert "Too late." in result.refused_text


def test_a_phrasing_is_added_and_removed(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    added = store.add_phrasing(PFP, "  pfp   kosovo why not ", ALICE)
    assert isinstance(added, Applied)
    assert "pfp kosovo why not" in load_knowledge(root).knowledge.entries[PFP].phrasings

    removed = store.remove_phrasing(PFP, "PFP kosovo why not", BOB)
    assert isinstance(removed, Applied)
    assert "pfp kosovo why not" not in load_knowledge(root).knowledge.entries[PFP].phrasings
    assert [c.action for c in store.history(PFP)] == [Action.PHRASE_REMOVE, Action.PHRASE_ADD]
    assert store.history(PFP)[0].detail == "pfp kosovo why not"


def test_a_phrasing_the_entry_already_has_is_refused(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    before = (root / "entries" / f"{PFP}.yaml").read_bytes()

    result = store.add_phrasing(PFP, "Why Isn't Kosovo In PfP", ALICE)

    assert isinstance(result, Refused)
    assert "already has the phrasing" in result.problems[0].message
    assert (root / "entries" / f"{PFP}.yaml").read_bytes() == before
    assert store.history() == []


def test_removing_a_phrasing_the_entry_lacks_is_refused(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.remove_phrasing(PFP, "never said this", ALICE)

    assert isinstance(result, Refused)
    assert "has no phrasing" in result.problems[0].message


def test_a_phrasing_is_removed_as_typed_with_the_marks_that_count_it_a_duplicate(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    typed = "Why isn\u2019t Kosovo in PfP?"
    assert isinstance(store.add_phrasing(PFP, typed, ALICE), Refused)  # a duplicate

    removed = store.remove_phrasing(PFP, typed, ALICE)

    assert isinstance(removed, Applied)
    phrasings = load_knowledge(root).knowledge.entries[PFP].phrasings
    assert phrasings == ("kosovo partnership for peace",)
    assert store.history(PFP)[0].detail == "why isn't kosovo in pfp"


def test_writing_to_an_unknown_entry_is_refused(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.add_phrasing("../../etc/passwd", "hello there", ALICE)

    assert isinstance(result, Refused)
    assert "There is no entry" in result.problems[0].message


def test_removing_an_entry_deletes_its_file(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.remove_entry(PFP, ALICE)

    assert isinstance(result, Applied)
    assert result.version is None
    assert PFP not in load_knowledge(root).knowledge.entries


def test_removing_an_entry_changed_since_the_confirmation_is_a_conflict(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    shown = store.read_entry(PFP).version
    store.add_phrasing(PFP, "pfp and kosovo", BOB)

    result = store.remove_entry(PFP, ALICE, base_version=shown)

    assert isinstance(result, Conflict)
    assert "pfp and kosovo" in result.current_text
    assert PFP in load_knowledge(root).knowledge.entries


def test_undo_restores_a_hand_written_file_byte_for_byte(tmp_path):
    root = make_knowledge(tmp_path)
    path = root / "entries" / f"{PFP}.yaml"
    hand_written = (
        "# Written by hand, with a comment and folded text.\n"
        f"id: {PFP}\n"
        'question: "Why is Kosovo not part of NATO\'s Partnership for Peace?"\n'
        "topic: Membership and partnerships\n"
        "answer: >-\n"
        "  Kosovo is the only Western Balkan country\n"
        "  outside the Partnership for Peace.\n"
        "phrasings:\n"
        "- why isn't kosovo in pfp\n"
        "citations:\n"
        f"  - source: {SOURCE_ID}\n"
        "    quote: Kosovo remains outside even this framework of cooperation\n"
        "    speaker: RFE/RL\n"
    ).encode()
    path.write_bytes(hand_written)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.edit_entry(PFP, pfp_data(answer="Changed."), version_of(hand_written), ALICE)
    assert path.read_bytes() != hand_written

    result = store.undo(BOB)

    assert isinstance(result, Applied)
    assert path.read_bytes() == hand_written
    assert result.version == version_of(hand_written)


def test_undoing_a_removal_recreates_the_entry_byte_for_byte(tmp_path):
    root = make_knowledge(tmp_path)
    path = root / "entries" / f"{PFP}.yaml"
    original = path.read_bytes()
    store = open_store(root, tmp_path / "db.sqlite3")
    store.remove_entry(PFP, ALICE)

    store.undo(ALICE)

    assert path.read_bytes() == original


def test_undoing_an_addition_deletes_the_entry(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_entry(status_data(), ALICE)

    store.undo(ALICE)

    assert not (root / "entries" / "kosovo-pfp-status.yaml").exists()


def test_repeated_undo_walks_back_one_change_at_a_time(tmp_path):
    root = make_knowledge(tmp_path)
    path = root / "entries" / f"{PFP}.yaml"
    original = path.read_bytes()
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_phrasing(PFP, "first phrasing", ALICE)
    after_first = path.read_bytes()
    store.add_phrasing(PFP, "second phrasing", ALICE)

    store.undo(BOB)
    assert path.read_bytes() == after_first
    store.undo(BOB)
    assert path.read_bytes() == original
    result = store.undo(BOB)
    assert isinstance(result, Refused)
    assert "no change left to undo" in result.problems[0].message


def test_undoing_an_older_change_that_a_later_one_built_on_is_a_conflict(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    first = store.add_phrasing(PFP, "first phrasing", ALICE)
    store.add_phrasing(PFP, "second phrasing", BOB)

    result = store.undo(ALICE, first.change_id)

    assert isinstance(result, Conflict)
    assert "second phrasing" in result.current_text
    assert "first phrasing" not in result.refused_text
    assert "second phrasing" in load_knowledge(root).knowledge.entries[PFP].phrasings


def test_undoing_a_change_that_later_changes_put_back_byte_for_byte_names_the_newest(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    first = store.add_phrasing(PFP, "first phrasing", ALICE)
    store.remove_phrasing(PFP, "first phrasing", BOB)
    again = store.add_phrasing(PFP, "first phrasing", BOB)

    result = store.undo(ALICE, first.change_id)

    assert isinstance(result, Conflict)
    assert result.undo_first == again.change_id
    assert "first phrasing" in load_knowledge(root).knowledge.entries[PFP].phrasings


def test_a_change_undone_and_undone_again_later_does_not_stop_an_older_undo(tmp_path):
    root = make_knowledge(tmp_path)
    path = root / "entries" / f"{PFP}.yaml"
    original = path.read_bytes()
    store = open_store(root, tmp_path / "db.sqlite3")
    first = store.add_phrasing(PFP, "first phrasing", ALICE)
    store.add_phrasing(PFP, "second phrasing", BOB)
    store.undo(BOB)

    result = store.undo(ALICE, first.change_id)

    assert isinstance(result, Applied)
    assert path.read_bytes() == original


def test_a_change_cannot_be_undone_twice(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    change = store.add_phrasing(PFP, "first phrasing", ALICE)
    undo = store.undo(ALICE, change.change_id)

    result = store.undo(BOB, change.change_id)

    assert isinstance(result, Refused)
    assert f"already undone by change #{undo.change_id}" in result.problems[0].message


def test_undoing_an_undo_redoes_the_change(tmp_path):
    root = make_knowledge(tmp_path)
    path = root / "entries" / f"{PFP}.yaml"
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_phrasing(PFP, "first phrasing", ALICE)
    changed = path.read_bytes()
    undo = store.undo(ALICE)

    store.undo(ALICE, undo.change_id)

    assert path.read_bytes() == changed


def test_undoing_an_unknown_change_is_refused(tmp_path):
    store = open_store(make_knowledge(tmp_path), tmp_path / "db.sqlite3")

    result = store.undo(ALICE, 42)

    assert isinstance(result, Refused)
    assert "no change #42" in result.problems[0].message


def test_history_lists_changes_newest_first_with_who_and_what(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_phrasing(PFP, "first phrasing", ALICE)
    store.add_phrasing(RECOGNITION, "nato non recognisers", BOB)
    store.remove_entry(PFP, BOB)

    everything = store.history()
    about_pfp = store.history(PFP)

    assert [(c.action, c.item_id, c.actor.name) for c in everything] == [
        (Action.REMOVE, PFP, "Bob"),
        (Action.PHRASE_ADD, RECOGNITION, "Bob"),
        (Action.PHRASE_ADD, PFP, "Alice"),
    ]
    assert [c.action for c in about_pfp] == [Action.REMOVE, Action.PHRASE_ADD]
    assert len(store.history(limit=1)) == 1
    assert everything[0].at.endswith("+00:00")


def test_history_and_undo_work_after_a_restart(tmp_path):
    root = make_knowledge(tmp_path)
    database = tmp_path / "db.sqlite3"
    original = (root / "entries" / f"{PFP}.yaml").read_bytes()
    change = open_store(root, database).remove_entry(PFP, ALICE)

    restarted = open_store(root, database)

    [listed] = restarted.history()
    assert (listed.id, listed.actor.id) == (change.change_id, ALICE.id)
    assert isinstance(restarted.undo(BOB), Applied)
    assert (root / "entries" / f"{PFP}.yaml").read_bytes() == original
    assert restarted.history()[0].undoes == change.change_id
    assert restarted.history()[1].undone_by == restarted.history()[0].id


def test_a_new_source_is_stored_with_its_text_and_listed(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    metadata = {
        "id": "example-2026-01-kfor",
        "title": "KFOR at 26",
        "outlet": "Example News",
        "author": None,
        "published": "2026-01-05",
        "url": None,
        "language": "en",
    }
    text = "KFOR remains in Kosovo.\nIts mandate is unchanged.\n"

    result = store.add_source(metadata, text, ALICE)

    assert isinstance(result, Applied)
    assert (root / "sources" / "example-2026-01-kfor.txt").read_text("utf-8") == text
    assert [s.id for s in store.list_sources()] == ["example-2026-01-kfor", SOURCE_ID]
    assert store.list_sources()[0].added  # defaulted to today
    cited = status_data(
        id="kfor-mandate",
        question="Has KFOR's mandate changed?",
        citations=[
            {"source": "example-2026-01-kfor", "quote": "mandate is unchanged", "speaker": "X"}
        ],
    )
    assert isinstance(store.add_entry(cited, BOB), Applied)


def test_undoing_a_source_addition_removes_both_files(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    metadata = dict(KFOR_SOURCE)
    store.add_source(metadata, "Some text.\n", ALICE)

    store.undo(ALICE)

    assert sorted(p.name for p in (root / "sources").iterdir() if p.name[0] != ".") == [
        f"{SOURCE_ID}.txt",
        f"{SOURCE_ID}.yaml",
    ]


def test_a_source_with_an_existing_id_or_no_text_is_refused(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    metadata = {
        "id": SOURCE_ID,
        "title": "t",
        "outlet": "o",
        "published": "2026-01",
        "language": "en",
    }

    existing = store.add_source(metadata, "text", ALICE)
    empty = store.add_source({**metadata, "id": "new-source"}, "  \n", ALICE)

    assert isinstance(existing, Refused)
    assert "already exists" in existing.problems[0].message
    assert isinstance(empty, Refused)
    assert [(p.file, p.message) for p in empty.problems] == [
        ("sources/new-source.txt", "is empty; store the source's full text")
    ]


def test_an_uploaded_text_must_be_utf8(tmp_path):
    assert decode_upload("\ufeffKosovo – NATO".encode()) == "Kosovo – NATO"
    refused = decode_upload("Kosovo".encode("utf-16"))
    assert isinstance(refused, Refused)
    assert "UTF-8" in refused.problems[0].message


def test_export_zips_every_yaml_file_and_text_and_nothing_else(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    (root / "entries" / f".{PFP}.yaml.tmp-dead").write_text("half", "utf-8")

    archive = zipfile.ZipFile(io.BytesIO(store.export()))

    assert sorted(archive.namelist()) == [
        f"entries/{RECOGNITION}.yaml",
        f"entries/{PFP}.yaml",
        f"sources/{SOURCE_ID}.txt",
        f"sources/{SOURCE_ID}.yaml",
    ]
    assert archive.read(f"entries/{PFP}.yaml") == (root / "entries" / f"{PFP}.yaml").read_bytes()


def test_a_write_hands_the_new_snapshot_to_subscribers(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    received = []
    store.subscribe(received.append)

    store.add_phrasing(PFP, "first phrasing", ALICE)
    store.add_phrasing(PFP, "first phrasing", ALICE)

    [snapshot] = received
    assert "first phrasing" in snapshot.entries[PFP].phrasings


def test_a_quote_not_verbatim_in_its_source_is_refused_with_the_closest_passage(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    citation = {
        "source": SOURCE_ID,
        "quote": "Kosovo stays outside this framework of cooperation for political reasons",
        "speaker": "RFE/RL",
    }

    result = store.add_entry(status_data(citations=[citation]), ALICE)

    assert isinstance(result, Refused)
    [problem] = result.problems
    assert (problem.file, problem.field) == ("entries/kosovo-pfp-status.yaml", "citations[0].quote")
    assert "not found verbatim" in problem.message
    assert "remains outside even this framework of cooperation, for political" in problem.message
    assert not (root / "entries" / "kosovo-pfp-status.yaml").exists()
    assert store.history() == []


def test_an_edit_that_breaks_a_rule_is_refused_and_changes_nothing(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    before = (root / "entries" / f"{PFP}.yaml").read_bytes()
    stored = store.read_entry(PFP)

    result = store.edit_entry(PFP, pfp_data(answer="", topic=None), stored.version, ALICE)

    assert isinstance(result, Refused)
    assert {p.field for p in result.problems} == {"answer", "topic"}
    assert (root / "entries" / f"{PFP}.yaml").read_bytes() == before


def test_a_phrasing_another_entry_already_claims_is_refused(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.add_phrasing(RECOGNITION, "Kosovo partnership for peace", ALICE)

    assert isinstance(result, Refused)
    assert f"of entry '{PFP}'" in result.problems[0].message


def test_undoing_a_source_that_an_entry_now_cites_is_refused(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    metadata = dict(KFOR_SOURCE)
    source_change = store.add_source(metadata, "Its mandate is unchanged.\n", ALICE)
    citation = {"source": "example-2026-01-kfor", "quote": "mandate is unchanged", "speaker": "X"}
    store.add_entry(status_data(citations=[citation]), ALICE)

    result = store.undo(BOB, source_change.change_id)

    assert isinstance(result, Refused)
    assert "unknown source 'example-2026-01-kfor'" in result.problems[0].message
    assert (root / "sources" / "example-2026-01-kfor.txt").exists()


def test_a_file_changed_by_hand_between_two_writes_is_what_the_next_write_sees(tmp_path):
    root = make_knowledge(tmp_path)
    path = root / "entries" / f"{PFP}.yaml"
    store = open_store(root, tmp_path / "db.sqlite3")
    store.add_phrasing(PFP, "first phrasing", ALICE)
    path.write_text(path.read_text("utf-8").replace("first phrasing", "hand phrasing"), "utf-8")

    stored = store.read_entry(PFP)
    result = store.remove_phrasing(PFP, "hand phrasing", BOB)

    assert "hand phrasing" in stored.entry.phrasings
    assert isinstance(result, Applied)
    assert store.history()[0].detail == "hand phrasing"


def test_a_write_on_top_of_a_broken_file_is_refused_naming_it(tmp_path):
    root = make_knowledge(tmp_path)
    (root / "entries" / "broken.yaml").write_text("id: broken\n", "utf-8")
    store = open_store(root, tmp_path / "db.sqlite3")

    result = store.add_phrasing(PFP, "first phrasing", ALICE)

    assert isinstance(result, Refused)
    assert {p.file for p in result.problems} == {"entries/broken.yaml"}
    read = store.read_entry(PFP)
    assert isinstance(read, Refused)
    assert {p.file for p in read.problems} == {"entries/broken.yaml"}


def test_export_is_refused_while_a_file_is_a_link_and_packs_nothing(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    (tmp_path / "environ").write_text("DISCORD_TOKEN=not-for-anyone", "utf-8")
    (root / "sources" / "notes.txt").symlink_to(tmp_path / "environ")

    refused = store.export()

    assert isinstance(refused, Refused)
    assert [(p.file, p.message) for p in refused.problems] == [("sources/notes.txt", Check.LINK)]


def test_a_write_is_refused_while_a_file_is_a_link_and_the_link_is_not_followed(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    (tmp_path / "environ").write_text("DISCORD_TOKEN=not-for-anyone", "utf-8")
    (root / "entries" / "linked.yaml").symlink_to(tmp_path / "environ")
    metadata = {"id": "new-source", "title": "t", "outlet": "o", "published": "2026-01"}

    added = store.add_source({**metadata, "language": "en"}, "Some text.", ALICE)
    undone = store.undo(ALICE)

    for result in (added, undone):
        assert isinstance(result, Refused)
        assert [(p.file, p.message) for p in result.problems] == [
            ("entries/linked.yaml", Check.LINK)
        ]
    assert not (root / "sources" / "new-source.txt").exists()


def test_a_source_text_over_the_size_limit_is_refused(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "db.sqlite3")
    metadata = {"id": "new-source", "title": "t", "outlet": "o", "published": "2026-01"}
    text = "é" * (SOURCE_TEXT_LIMIT // 2 + 1)  # within the limit in characters, not in bytes

    refused = store.add_source({**metadata, "language": "en"}, text, ALICE)

    assert isinstance(refused, Refused)
    message = Check.TOO_LARGE.format(size=SOURCE_TEXT_LIMIT + 2, limit=SOURCE_TEXT_LIMIT)
    assert [(p.file, p.message) for p in refused.problems] == [("sources/new-source.txt", message)]


def test_a_misquote_is_refused_without_waiting_for_a_writer_holding_the_knowledge(tmp_path):
    root = make_knowledge(tmp_path)
    store = open_store(root, tmp_path / "changes.sqlite3")
    citation = {"source": SOURCE_ID, "quote": "Kosovo remains outside, for reasons", "speaker": "X"}
    held, release = threading.Event(), threading.Event()

    def other_writer() -> None:
        with knowledge_lock(root):
            held.set()
            release.wait(60)

    writer = threading.Thread(target=other_writer)
    writer.start()
    held.wait(10)
    pool = ThreadPoolExecutor(1)
    try:
        future = pool.submit(store.add_entry, status_data(citations=[citation]), ALICE)
        result = future.result(timeout=30)
    finally:
        release.set()
        writer.join()
        pool.shutdown()
    assert isinstance(result, Refused)
    (problem,) = result.problems
    assert problem.field == "citations[0].quote"
    assert "not found verbatim" in problem.message
