"""An entry's own text, asked word for word, is answered by that entry.

However many other entries share its words, and however alike their own texts stem: a
moderator who adds the way members ask ("is it a member?") to the entry that answers it
must see that entry answer it, whatever entries stand before it in the knowledge.
"""

from dataclasses import replace

import pytest

from bot.engine import Engine
from bot.engine.routing import misroutes
from bot.knowledge.model import Entry, Knowledge


def knowledge_with(base: Knowledge, entries: list[Entry]) -> Knowledge:
    """`base`'s sources and vocabulary with `entries` only."""
    return Knowledge(
        entries={entry.id: entry for entry in entries},
        sources=base.sources,
        vocabulary=base.vocabulary,
    )


def entry_like(template: Entry, entry_id: str, question: str, *phrasings: str) -> Entry:
    return replace(template, id=entry_id, question=question, phrasings=phrasings)


@pytest.fixture(scope="module")
def template(engine: Engine) -> Entry:
    return engine.knowledge.entries["article-10"]


def test_a_text_is_answered_by_its_own_entry_when_another_entrys_text_stems_alike(
    engine: Engine, template: Entry
) -> None:
    gains = entry_like(
        template,
        "a-gains",
        "What would the duchy gain from membership of the league?",
        "What's in it for the duchy to be a member of the league?",
    )
    blocked = entry_like(
        template,
        "b-blocked",
        "Why is the duchy's membership of the league blocked?",
        "Is the duchy a member of the league?",
    )
    served = Engine(knowledge_with(engine.knowledge, [gains, blocked]))

    assert served.decide("Is the duchy a member of the league?").entry.id == "b-blocked"
    asked = served.decide("What's in it for the duchy to be a member of the league?")
    assert asked.entry.id == "a-gains"


def test_a_text_of_common_words_is_answered_by_its_own_entry_behind_many_sharing_them(
    engine: Engine, template: Entry
) -> None:
    crowd = [
        entry_like(
            template,
            f"a-{number:02d}",
            f"Does the duchy's league ratify treaty {word}?",
            f"duchy league {word}",
        )
        for number, word in enumerate(
            [
                "salt",
                "iron",
                "wool",
                "grain",
                "timber",
                "copper",
                "silver",
                "amber",
                "pearl",
                "linen",
                "silk",
                "wine",
                "honey",
                "tin",
                "lead",
                "glass",
            ]
        )
    ]
    elsewhere = [
        entry_like(template, f"b-{number:02d}", f"Who trades in {word}?", f"{word} traders")
        for number, word in enumerate(
            [
                "spice",
                "cattle",
                "horses",
                "furs",
                "dyes",
                "ivory",
                "coal",
                "marble",
                "paper",
                "ink",
                "oil",
                "rope",
            ]
        )
    ]
    last = entry_like(template, "z-last", "Is the duchy in the league?", "duchy league")
    served = Engine(knowledge_with(engine.knowledge, [*crowd, *elsewhere, last]))

    assert served.decide("Is the duchy in the league?").entry.id == "z-last"


def test_an_own_text_a_check_refuses_is_still_answered_word_for_word_and_only_so(
    engine: Engine, template: Entry
) -> None:
    charter = entry_like(
        template,
        "charter-text",
        "What does the league's charter say about the duchy?",
        "When will the duchy sign the league charter?",
    )
    knowledge = knowledge_with(engine.knowledge, [charter])
    served = Engine(knowledge)
    asked = "When will the duchy sign the league charter?"

    assert served.decide_by_measure(asked).entry is None  # the entry states no date
    assert served.decide(asked).entry.id == "charter-text"
    assert served.decide("when will the Duchy sign the league charter").entry.id == "charter-text"
    assert not served.decide("When will the duchy sign the league treaty?").answered
    reported = misroutes(knowledge)
    assert [(m.text, m.reached, m.why) for m in reported] == [(asked, None, "kind")]


def test_an_own_text_of_no_meaningful_word_is_answered_only_word_for_word(
    engine: Engine, template: Entry
) -> None:
    helping = entry_like(template, "what-it-does", "What can the briefing do?", "Can you help me?")
    served = Engine(knowledge_with(engine.knowledge, [helping]))

    assert served.decide("can you help me").entry.id == "what-it-does"
    assert not served.decide("Could you help me?").answered
    assert not served.decide_by_measure("Can you help me?").answered


def test_an_own_text_left_once_something_is_set_aside_is_not_taken_as_asked_word_for_word(
    engine: Engine, template: Entry
) -> None:
    guard = entry_like(
        template, "league-guard", "What does the league do for the duchy?", "who guards the duchy"
    )
    served = Engine(knowledge_with(engine.knowledge, [guard]))

    assert served.decide("Who guards the duchy?").entry.id == "league-guard"
    assert not served.decide("Besides the league, who guards the duchy?").answered
