"""An edit updates the engine for the entries it touched: it answers as a rebuilt engine."""

import gc
from dataclasses import replace

import pytest

from bot.engine import Engine
from bot.engine.index import Index, read_alike
from bot.engine.reach import Reach
from bot.knowledge.model import Citation, Entry, Knowledge
from tests.engine.test_routing import article_vocabulary_writes

OTHER_QUESTIONS = [
    "hello",
    "who warned about russia and when",
    "what does article 10 say",
    "is the country a member of the partnership",
    "which allies do not recognise it",
    "pfp membership obstacles",
]


def with_entry(knowledge: Knowledge, entry_id: str, **changes: object) -> Knowledge:
    entries = dict(knowledge.entries)
    entries[entry_id] = replace(knowledge.entries[entry_id], **changes)
    return Knowledge(entries=entries, sources=knowledge.sources, vocabulary=knowledge.vocabulary)


def without_entry(knowledge: Knowledge, entry_id: str) -> Knowledge:
    entries = {i: e for i, e in knowledge.entries.items() if i != entry_id}
    return Knowledge(entries=entries, sources=knowledge.sources, vocabulary=knowledge.vocabulary)


def with_new_entry(knowledge: Knowledge, entry: Entry) -> Knowledge:
    entries = {**knowledge.entries, entry.id: entry}
    return Knowledge(
        entries=dict(sorted(entries.items())),
        sources=knowledge.sources,
        vocabulary=knowledge.vocabulary,
    )


def new_entry(knowledge: Knowledge, entry_id: str, **changes: object) -> Entry:
    """An entry of `entry_id` citing what the first entry cites, asked in words new to it."""
    first = knowledge.entries[sorted(knowledge.entries)[0]]
    fields = {
        "question": "When did the quorblat treaty on zyxwv fisheries start?",
        "phrasings": ("quorblat fisheries treaty", "what about the zyxwv fisheries"),
        "answer": "The quorblat treaty on zyxwv fisheries started on 3 May 2024.",
        **changes,
    }
    return replace(first, id=entry_id, **fields)


def without_a_word_of_its_own(knowledge: Knowledge) -> tuple[str, Knowledge]:
    """The knowledge without an entry holding a word no other entry holds, and that word."""
    index = Engine(knowledge)._index
    word, (position,) = next((w, p) for w, p in index.postings.items() if len(p) == 1)
    return word, without_entry(knowledge, index.profiles[position].entry.id)


def questions_of(*snapshots: Knowledge) -> list[str]:
    asked = [
        text
        for knowledge in snapshots
        for entry in knowledge.entries.values()
        for text in (entry.question, *entry.phrasings)
    ]
    return [*dict.fromkeys(asked), *OTHER_QUESTIONS]


def assert_answers_alike(updated: Engine, rebuilt: Engine, questions: list[str]) -> None:
    for question in questions:
        assert updated.decide(question) == rebuilt.decide(question), question
        assert updated.complete(question[:12]) == rebuilt.complete(question[:12]), question
    for entry_id in rebuilt.knowledge.entries:
        assert updated.related(entry_id) == rebuilt.related(entry_id), entry_id
        assert updated.answer_entry(entry_id) == rebuilt.answer_entry(entry_id), entry_id


def edits(knowledge: Knowledge) -> dict[str, Knowledge]:
    first, second = sorted(knowledge.entries)[:2]
    entry = knowledge.entries[first]
    other = knowledge.entries[second]
    return {
        "a phrasing added": with_entry(
            knowledge, first, phrasings=(*entry.phrasings, "a brand new way to ask zyxwv")
        ),
        "another entry's question added as a phrasing": with_entry(
            knowledge, first, phrasings=(*entry.phrasings, other.question)
        ),
        "a phrasing removed": with_entry(knowledge, first, phrasings=entry.phrasings[1:]),
        "the answer rewritten": with_entry(
            knowledge, first, answer=entry.answer + " Officials welcomed it on Monday."
        ),
        "the question and topic changed": with_entry(
            knowledge, second, question="Which partnership is it left out of?", topic="Other"
        ),
        "an entry removed": without_entry(knowledge, second),
        "an entry added in words new to the index": with_new_entry(
            knowledge, new_entry(knowledge, "m-new-entry")
        ),
        "an entry added before every other": with_new_entry(
            knowledge, new_entry(knowledge, "0-first", question=other.question)
        ),
        "an entry added asked as another is": with_new_entry(
            knowledge, replace(entry, id=f"{first}-again")
        ),
        "the first entry removed": without_entry(knowledge, first),
        "an entry removed with a word no other entry has": without_a_word_of_its_own(knowledge)[1],
        "two entries added and one removed at once": without_entry(
            with_new_entry(
                with_new_entry(knowledge, new_entry(knowledge, "m-new-entry")),
                replace(other, id=f"{second}-copy", topic="Copies"),
            ),
            first,
        ),
    }


RESIZING_EDITS = [
    "an entry removed",
    "an entry added in words new to the index",
    "an entry added before every other",
    "an entry added asked as another is",
    "the first entry removed",
    "an entry removed with a word no other entry has",
    "two entries added and one removed at once",
]


@pytest.mark.parametrize(
    "edit",
    [
        "a phrasing added",
        "another entry's question added as a phrasing",
        "a phrasing removed",
        "the answer rewritten",
        "the question and topic changed",
        *RESIZING_EDITS,
    ],
)
def test_an_updated_engine_answers_exactly_as_one_rebuilt_on_the_edited_knowledge(engine, edit):
    edited = edits(engine.knowledge)[edit]
    updated = engine.updated(edited)
    assert updated.knowledge is edited
    assert_answers_alike(updated, Engine(edited), questions_of(engine.knowledge, edited))


def test_edits_in_a_row_answer_as_the_last_snapshot_rebuilt(engine):
    updated = engine
    knowledge = engine.knowledge
    for edit in ("a phrasing added", "the answer rewritten", "a phrasing removed"):
        knowledge = edits(knowledge)[edit]
        updated = updated.updated(knowledge)
    assert_answers_alike(updated, Engine(knowledge), questions_of(engine.knowledge, knowledge))


def test_the_engine_an_edit_starts_from_keeps_answering_from_its_own_snapshot(engine):
    knowledge = engine.knowledge
    first = sorted(knowledge.entries)[0]
    before = {q: engine.decide(q) for q in questions_of(knowledge)}
    engine.updated(edits(knowledge)["a phrasing removed"])
    engine.updated(with_entry(knowledge, first, phrasings=(), answer="Nothing to say."))
    assert {q: engine.decide(q) for q in before} == before


@pytest.mark.parametrize("edit", ["a phrasing added", "a phrasing removed", "the answer rewritten"])
def test_an_updated_index_holds_what_a_rebuilt_one_holds(engine, edit):
    """The tables behind typo correction and ranking, not only the answers to a few questions."""
    edited = edits(engine.knowledge)[edit]
    updated, rebuilt = engine.updated(edited)._index, Engine(edited)._index
    assert updated.postings == rebuilt.postings
    assert updated.asked_postings == rebuilt.asked_postings
    assert updated.idf == rebuilt.idf
    assert [p.asked_weights for p in updated.profiles] == [
        p.asked_weights for p in rebuilt.profiles
    ]
    assert updated.asked_folded == rebuilt.asked_folded
    assert updated.asked_owner == rebuilt.asked_owner
    assert updated.kept_names == rebuilt.kept_names
    assert updated._words_by_length == rebuilt._words_by_length


@pytest.mark.parametrize("edit", RESIZING_EDITS)
def test_an_index_with_entries_added_or_removed_holds_what_a_rebuilt_one_holds(engine, edit):
    """Every entry at the position a build gives it, every weight and mass to the last bit."""
    edited = edits(engine.knowledge)[edit]
    updated, rebuilt = engine.updated(edited)._index, Engine(edited)._index
    assert updated.lexicon is engine._index.lexicon  # updated in place, not built whole
    assert updated.position == rebuilt.position
    assert [p.entry for p in updated.profiles] == [p.entry for p in rebuilt.profiles]
    assert updated.postings == rebuilt.postings
    assert updated.asked_postings == rebuilt.asked_postings
    assert updated.idf == rebuilt.idf
    assert updated.unknown_weight == rebuilt.unknown_weight
    assert [p.asked_weights for p in updated.profiles] == [
        p.asked_weights for p in rebuilt.profiles
    ]
    assert updated.presence == rebuilt.presence
    assert updated.asked_folded == rebuilt.asked_folded
    assert updated.asked_owner == rebuilt.asked_owner
    assert updated.kept_names == rebuilt.kept_names
    assert updated._words_by_length == rebuilt._words_by_length


def test_a_word_only_a_removed_entry_had_is_no_longer_known_nor_corrected_to(engine):
    word, edited = without_a_word_of_its_own(engine.knowledge)
    updated = engine.updated(edited)
    assert word not in {w for ws in updated._index._words_by_length.values() for w in ws}
    assert_answers_alike(updated, Engine(edited), [word, f"what about {word}", *OTHER_QUESTIONS])


def test_an_entry_added_is_answered_and_suggested_as_in_a_rebuilt_engine(engine):
    knowledge = engine.knowledge
    added = new_entry(knowledge, "m-new-entry")
    edited = with_new_entry(knowledge, added)
    updated = engine.updated(edited)
    assert updated.decide(added.question).entry == added
    assert updated.decide("quorblat treaty when?") == Engine(edited).decide("quorblat treaty when?")
    assert [s.entry_id for s in updated.complete("quorbl")] == ["m-new-entry"]


def test_removing_an_entry_and_undoing_it_answers_as_before(engine):
    knowledge = engine.knowledge
    removed = sorted(knowledge.entries)[1]
    without = engine.updated(without_entry(knowledge, removed))
    assert without.answer_entry(removed) is None
    undone = without.updated(knowledge)
    assert_answers_alike(undone, engine, questions_of(knowledge))
    assert undone._index.idf == engine._index.idf


def test_adds_and_removals_in_a_row_answer_as_the_last_snapshot_rebuilt(engine):
    knowledge = engine.knowledge
    updated = engine
    for number in range(3):
        knowledge = with_new_entry(knowledge, new_entry(knowledge, f"k-added-{number}"))
        updated = updated.updated(knowledge)
        knowledge = without_entry(knowledge, sorted(knowledge.entries)[number])
        updated = updated.updated(knowledge)
    assert_answers_alike(updated, Engine(knowledge), questions_of(engine.knowledge, knowledge))


@pytest.mark.parametrize(
    "changes",
    [
        {
            "citations": (
                Citation("rferl-2025-12-kosovo-nato", "Russia has brought war", "Zora Quill"),
            )
        },
        {"answer": "The Quorblat Fisheries Council (QFC) runs the zyxwv treaty since 2024."},
    ],
    ids=["quoting a person no entry quotes", "defining an acronym"],
)
def test_an_entry_added_that_teaches_the_knowledge_a_word_answers_as_a_rebuilt_engine(
    engine, changes
):
    """The learnt vocabulary changes with it, so the engine is built whole."""
    knowledge = engine.knowledge
    edited = with_new_entry(knowledge, new_entry(knowledge, "m-new-entry", **changes))
    updated = engine.updated(edited)
    assert updated.lexicon is not engine.lexicon
    assert_answers_alike(updated, Engine(edited), [*questions_of(edited), "what did quill say"])


def test_an_entry_added_defining_an_acronym_as_the_sources_do_is_updated_in_place(engine):
    """The sources' definition is learnt first, so the entry's teaches nothing new."""
    knowledge = engine.knowledge
    answer = "Radio Free Europe/Radio Liberty (RFE/RL) reported on the quorblat treaty."
    edited = with_new_entry(knowledge, new_entry(knowledge, "m-new-entry", answer=answer))
    updated = engine.updated(edited)
    assert updated.lexicon is engine.lexicon
    assert_answers_alike(updated, Engine(edited), [*questions_of(edited), "what did rfe/rl report"])


def test_an_entry_removed_that_alone_quotes_a_person_answers_as_a_rebuilt_engine(engine):
    """The learnt vocabulary loses the person, so the engine is built whole."""
    knowledge = engine.knowledge
    quoting = {
        entry.id: {c.speaker for c in entry.citations if len(c.speaker.split()) == 2}
        for entry in knowledge.entries.values()
    }
    alone = next(
        entry_id
        for entry_id, speakers in quoting.items()
        if speakers - {s for other, ss in quoting.items() if other != entry_id for s in ss}
    )
    edited = without_entry(knowledge, alone)
    updated = engine.updated(edited)
    assert updated.lexicon is not engine.lexicon
    assert_answers_alike(updated, Engine(edited), questions_of(knowledge))


def test_entries_added_more_than_half_of_those_there_will_be_are_built_whole(engine):
    knowledge = engine.knowledge
    edited = knowledge
    for number in range(len(knowledge.entries) + 1):
        edited = with_new_entry(edited, new_entry(knowledge, f"m-new-{number}"))
    updated = engine.updated(edited)
    assert updated.lexicon is not engine.lexicon
    assert_answers_alike(updated, Engine(edited), questions_of(edited))


def test_an_entry_added_with_the_others_reordered_answers_as_a_rebuilt_engine(engine):
    """The first entry to define an acronym is the one learnt: a new order is built whole."""
    knowledge = engine.knowledge
    grown = with_new_entry(knowledge, new_entry(knowledge, "m-new-entry"))
    edited = Knowledge(
        entries=dict(reversed(grown.entries.items())),
        sources=knowledge.sources,
        vocabulary=knowledge.vocabulary,
    )
    updated = engine.updated(edited)
    assert updated.lexicon is not engine.lexicon
    assert_answers_alike(updated, Engine(edited), questions_of(edited))


def read_texts(reach: Reach) -> tuple[dict[tuple[int, int], object], set[tuple[int, int]]]:
    """How the reach reads each text read otherwise than plainly, and its tangled texts."""
    readings = {reach.text(key): read for key, read in reach._readings.items()}
    return readings, {reach.text(key) for key in reach._tangled}


@pytest.mark.parametrize("edit", [*RESIZING_EDITS, "a phrasing added"])
def test_the_routing_reach_updated_for_an_edit_reads_and_finds_as_a_built_one(article_engine, edit):
    """Texts of the entries kept are not read again, but are read as anew, and each entry
    may answer the texts it may answer in an engine built on the edited knowledge.

    The first article's knowledge has texts read in parts and tangled ones.
    """
    routed = Engine(article_engine.knowledge)
    routed.prepare_routing()
    edited = edits(article_engine.knowledge)[edit]
    updated, rebuilt = routed.updated(edited), Engine(edited)
    rebuilt.prepare_routing()
    made, anew = updated._reach, rebuilt._reach
    assert made is not None and anew is not None
    assert made is not routed._reach and anew._readings and anew._tangled
    assert read_texts(made) == read_texts(anew)
    for entry_id in edited.entries:
        assert updated.may_answer(entry_id) == rebuilt.may_answer(entry_id), entry_id


def test_entries_added_and_removed_in_a_row_leave_what_each_entry_may_answer_as_a_build_finds(
    article_engine,
):
    """The routing reach follows entries added and removed without being made again.

    Their number moves every word's weight a little, which the reach allows for: what
    each entry may answer is still exactly what an engine built on the knowledge finds.
    """
    knowledge = article_engine.knowledge
    routed = Engine(knowledge)
    routed.prepare_routing()
    ids = sorted(knowledge.entries)
    first, other = knowledge.entries[ids[0]], knowledge.entries[ids[5]]
    edited = knowledge
    for edit in (
        lambda k: with_new_entry(k, replace(first, id=f"{ids[5]}-copy", question=other.question)),
        lambda k: without_entry(k, ids[9]),
        lambda k: with_new_entry(k, new_entry(k, "m-new-entry")),
        lambda k: without_entry(k, f"{ids[5]}-copy"),
    ):
        edited = edit(edited)
        routed = routed.updated(edited)
        assert routed._reach is not None and routed._reach._count == len(knowledge.entries)
        rebuilt = Engine(edited)
        for entry_id in edited.entries:
            assert routed.may_answer(entry_id) == rebuilt.may_answer(entry_id), entry_id


VOCABULARY_WRITES = article_vocabulary_writes()[::4]


@pytest.mark.parametrize(
    ("what", "written"), VOCABULARY_WRITES, ids=[what for what, _ in VOCABULARY_WRITES]
)
def test_an_engine_updated_for_a_vocabulary_write_answers_and_holds_as_a_rebuilt_one(
    article_engine, what, written
):
    """Only the entries writing a phrase read otherwise are read again; the engine answers,
    completes and relates exactly as one built on the written knowledge."""
    updated, rebuilt = article_engine.updated(written), Engine(written)
    moved = updated._index.read_otherwise_than(article_engine._index)
    assert moved is not None and len(moved) < len(written.entries)  # not built whole
    index, whole = updated._index, rebuilt._index
    assert index.postings == whole.postings
    assert index.asked_postings == whole.asked_postings
    assert index.idf == whole.idf
    pairs = zip(index.profiles, whole.profiles, strict=True)
    assert all(read_alike(one, other) for one, other in pairs)
    assert index.asked_folded == whole.asked_folded
    assert index._words_by_length == whole._words_by_length
    assert index._word_counts == whole._word_counts
    assert_answers_alike(updated, rebuilt, questions_of(written))


def test_a_vocabulary_write_changing_the_topics_is_built_whole(article_engine):
    knowledge = article_engine.knowledge
    name, vocabulary = next((n, v) for n, v in knowledge.vocabulary.items() if v.topics)
    fewer = replace(vocabulary, topics=vocabulary.topics[1:])
    written = replace(knowledge, vocabulary={**knowledge.vocabulary, name: fewer})
    updated = article_engine.updated(written)
    assert updated._index.read_otherwise_than(article_engine._index) is None
    assert_answers_alike(updated, Engine(written), questions_of(written))


@pytest.mark.parametrize(
    ("what", "written"), VOCABULARY_WRITES, ids=[what for what, _ in VOCABULARY_WRITES]
)
def test_the_routing_reach_carried_over_a_vocabulary_write_finds_as_a_built_one(
    article_engine, what, written
):
    """The texts of the entries read again are listed anew; what each entry may answer is
    what an engine built on the written knowledge finds."""
    routed = Engine(article_engine.knowledge)
    routed.prepare_routing()
    updated, rebuilt = routed.updated(written), Engine(written)
    rebuilt.prepare_routing()
    assert updated._reach is not None and updated._reach is not routed._reach
    assert read_texts(updated._reach) == read_texts(rebuilt._reach)
    for entry_id in written.entries:
        assert updated.may_answer(entry_id) == rebuilt.may_answer(entry_id), entry_id


def test_an_update_holds_the_collector_of_cycles_off_and_leaves_it_on(engine, monkeypatch):
    # A collection walks every live object: in a process holding much, one set off by an
    # update's allocations cost it 100 ms. The index is remade with the collector off.
    collector_on: list[bool] = []
    update_index = Index.updated

    def recorded(index: Index, knowledge: Knowledge) -> Index:
        collector_on.append(gc.isenabled())
        return update_index(index, knowledge)

    monkeypatch.setattr(Index, "updated", recorded)
    edited = with_entry(
        engine.knowledge, "rutte-warning", phrasings=("what did the nato chief warn about",)
    )
    assert engine.updated(edited).decide("what did the nato chief warn about").answered
    assert collector_on == [False]
    assert gc.isenabled()
