"""An edit updates the engine for the entries it touched: it answers as a rebuilt engine."""

from dataclasses import replace

import pytest

from bot.engine import Engine
from bot.knowledge.model import Knowledge

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
    }


@pytest.mark.parametrize(
    "edit",
    [
        "a phrasing added",
        "another entry's question added as a phrasing",
        "a phrasing removed",
        "the answer rewritten",
        "the question and topic changed",
        "an entry removed",
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
