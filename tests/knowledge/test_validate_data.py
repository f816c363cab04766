"""One entry or source from a moderator is refused exactly as `bot check` would refuse it."""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge.loader import load_knowledge
from bot.knowledge.validate import ClaimIndex, validate_entry_data, validate_source_data
from tests.knowledge.conftest import SOURCE_TEXT

LABEL = "entries/nato-allies.yaml"


def entry_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "nato-allies",
        "question": "Who is in NATO?",
        "topic": "Membership",
        "answer": "NATO has 32 members.",
        "phrasings": ["nato allies"],
        "citations": [
            {"source": "demo-source", "quote": "NATO has 32 members.", "speaker": "Demo Outlet"}
        ],
    }
    data.update(changes)
    return data


@pytest.fixture
def snapshot(knowledge):
    return load_knowledge(knowledge).knowledge


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_accepts_a_new_valid_entry(snapshot):
    entry, problems = validate_entry_data(entry_data(), snapshot, LABEL)
    assert problems == []
    assert entry is not None and entry.phrasings == ("nato allies",)


def test_accepts_an_edit_that_keeps_the_entrys_own_phrasings(snapshot):
    data = entry_data(id="nato-members", question="How many members does NATO have?")
    data["phrasings"] = ["how many nato members", "nato membership size", "nato member count"]
    entry, problems = validate_entry_data(data, snapshot, "entries/nato-members.yaml")
    assert problems == []
    assert entry is not None and len(entry.phrasings) == 3


def test_refuses_a_phrasing_another_entry_claims(snapshot):
    entry, problems = validate_entry_data(
        entry_data(phrasings=["How many NATO members"]), snapshot, LABEL
    )
    assert entry is None
    assert messages(problems) == [
        f"{LABEL}: phrasings[0]: 'How many NATO members' is also a phrasing of entry "
        "'nato-members' (entries/nato-members.yaml)"
    ]


def test_claims_carried_through_many_edits_refuse_what_claims_made_afresh_refuse(snapshot):
    members = snapshot.entries["nato-members"]
    made = ClaimIndex.of(snapshot)
    carried, saved = made, members
    for number in range(2_500):  # past the changes a carried list keeps before it is remade
        edited = dataclasses.replace(members, phrasings=(members.phrasings[0], f"words {number}"))
        carried, saved = carried.edited(saved, edited), edited
    final = dataclasses.replace(snapshot, entries={**snapshot.entries, saved.id: saved})
    afresh = ClaimIndex.of(final)
    probes = ["nato membership size", "words 7", "words 2499", "How many NATO members"]

    def refused(claims: ClaimIndex, knowledge) -> list[bool]:
        checked = [
            validate_entry_data(entry_data(phrasings=[p]), knowledge, LABEL, claims) for p in probes
        ]
        return [entry is None for entry, _ in checked]

    assert refused(carried, final) == refused(afresh, final) == [False, False, True, True]
    assert refused(made, snapshot) == [True, False, False, True]


def test_refuses_a_misquote_with_the_closest_passage(snapshot):
    citation = {"source": "demo-source", "quote": "NATO has 33 members.", "speaker": "Demo"}
    entry, problems = validate_entry_data(entry_data(citations=[citation]), snapshot, LABEL)
    assert entry is None
    assert messages(problems) == [
        f"{LABEL}: citations[0].quote: not found verbatim in source 'demo-source': the quote has "
        "«NATO has ^33^ members.» where the source has «NATO has ^32^ members.»; "
        "closest passage: «NATO has 32 members.»"
    ]


def test_refuses_every_problem_of_a_form_at_once(snapshot):
    data = entry_data(question="", answer="a" * 701, phrasing=["typo"])
    data["citations"] = []
    entry, problems = validate_entry_data(data, snapshot, LABEL)
    assert entry is None
    assert messages(problems) == [
        f"{LABEL}: phrasing: is not a field of an entry; did you mean 'phrasings'?",
        f"{LABEL}: question: is empty",
        f"{LABEL}: answer: is 701 characters long; the limit is 700",
        f"{LABEL}: citations: is empty; an entry needs at least one citation",
    ]


def test_refuses_a_number_where_text_is_meant(snapshot):
    entry, problems = validate_entry_data(entry_data(topic=2024), snapshot, LABEL)
    assert entry is None
    assert messages(problems) == [f"{LABEL}: topic: must be text, not a number"]


def source_data(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "demo-two",
        "title": "Another demo",
        "outlet": "Demo Outlet",
        "author": None,
        "published": "2025-12-28",
        "url": "https://example.org/demo-two",
        "language": "en",
        "added": "2026-11-27",
    }
    data.update(changes)
    return data


def test_accepts_a_valid_source():
    source, problems = validate_source_data(source_data(), SOURCE_TEXT, "sources/demo-two.yaml")
    assert problems == []
    assert source is not None and source.url == "https://example.org/demo-two"


def test_refuses_a_source_with_bad_metadata_and_empty_text():
    data = source_data(published="28.12.2025", language="eng")
    source, problems = validate_source_data(data, " ", "sources/demo-two.yaml")
    assert source is None
    assert messages(problems) == [
        "sources/demo-two.yaml: published: '28.12.2025' is not a date: write YYYY-MM-DD, "
        "or YYYY-MM when the day is not known",
        "sources/demo-two.yaml: language: 'eng' is not a language code: "
        "write two lowercase letters, such as en",
        "sources/demo-two.txt: is empty; store the source's full text",
    ]
