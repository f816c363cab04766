"""An index reads an entry's answer, quotes, topic and speakers as one text.

The index reads the quotes many entries cite once for all of them, so what runs from an
entry's answer into its quote must still be read as written there.
"""

import pytest

from bot.engine import Engine
from bot.engine.index import read_alike
from bot.knowledge.model import Citation, Entry, Knowledge
from tests.engine.conftest import cited_entry

WHEN_ASKED = "when was the agreement to reopen the border crossing"


def with_entry(knowledge: Knowledge, answer: str, quote: str, speaker: str = "RFE/RL") -> Engine:
    """The engine of `knowledge` with one more entry, answering `answer`, citing `quote`."""
    entry = Entry(
        id="border-crossing",
        question="When did the ministers agree to reopen the border crossing?",
        answer=answer,
        topic="Travel",
        phrasings=("border crossing reopening date", "ministers reopen border crossing"),
        citations=(Citation(next(iter(knowledge.sources)), quote, speaker),),
    )
    entries = {**knowledge.entries, entry.id: entry}
    return Engine(Knowledge(entries, knowledge.sources, knowledge.vocabulary))


@pytest.mark.parametrize(
    ("answer", "quote"),
    [
        ("The ministers agreed to reopen the border crossing last year", "after long talks"),
        ("The ministers agreed to reopen the border crossing last", "year, after long talks"),
        ("The ministers agreed to reopen the border crossing", "last year, after long talks"),
    ],
)
def test_a_date_is_found_wherever_it_stands_in_the_answer_and_its_quote(engine, answer, quote):
    decision = with_entry(engine.knowledge, answer, quote).decide(WHEN_ASKED)
    assert decision.entry is not None and decision.entry.id == "border-crossing"


def test_an_entry_stating_no_date_does_not_answer_when(engine):
    answer = "The ministers agreed to reopen the border crossing after long talks"
    decision = with_entry(engine.knowledge, answer, "in the capital").decide(WHEN_ASKED)
    assert decision.entry is None


@pytest.mark.parametrize(
    ("answer", "quote"),
    [
        ("The crossing must reopen, said the sec gen", "of the alliance in the capital"),
        ("The crossing must reopen, said the sec", "gen of the alliance in the capital"),
    ],
)
def test_an_alias_is_read_whether_or_not_it_runs_from_the_answer_into_the_quote(
    engine, answer, quote
):
    """ "sec gen" is the fixture vocabulary's alias of "secretary general"."""
    reading = with_entry(engine.knowledge, answer, quote)._index
    known = reading.profiles[reading.position["border-crossing"]].known
    assert reading.stem("secretary") in known
    assert reading.stem("gen") not in known


def test_quotes_cited_by_several_entries_are_read_alike_in_each(engine):
    quote = "last year, after long talks"
    rebuilt = with_entry(engine.knowledge, "The ministers agreed to reopen it", quote)
    entry = rebuilt.knowledge.entries["border-crossing"]
    twin = Entry(
        id="border-crossing-twin",
        question="Did the ministers agree to reopen the crossing?",
        answer="Yes, the ministers agreed, after years of talks",
        topic="Travel",
        phrasings=(),
        citations=entry.citations,
    )
    entries = {**rebuilt.knowledge.entries, twin.id: twin}
    both = Engine(Knowledge(entries, rebuilt.knowledge.sources, rebuilt.knowledge.vocabulary))
    profiles = {p.entry.id: p for p in both._index.profiles}
    alone = {p.entry.id: p for p in rebuilt._index.profiles}
    assert profiles["border-crossing"].known == alone["border-crossing"].known
    assert profiles["border-crossing"].states_date
    assert profiles["border-crossing-twin"].states_date


def test_a_person_listed_makes_the_roles_beside_them_held_and_the_entry_read_otherwise(engine_of):
    """What a profile derives when first asked is compared when two vocabularies read it.

    Listing Vukic as a person changes none of the entry's stems, only who holds a post:
    a moderator's routing check must still see the entry read otherwise.
    """
    entry = cited_entry(
        "envoy-visit",
        "Who visited the crossing?",
        "The envoy Zora Vukic visited the crossing",
        ("crossing visit",),
    )
    unlisted = engine_of(entry)._index
    listed = engine_of(entry, people=("vukic",))._index
    post = listed.stem("envoy")
    assert post not in unlisted.profiles[0].held_by_people
    assert post in listed.profiles[0].held_by_people
    assert not read_alike(unlisted.profiles[0], listed.profiles[0])
