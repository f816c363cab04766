"""The knowledge's own phrasings held out: the figure the thresholds are checked on."""

from dataclasses import replace

from bot.engine import Engine
from bot.engine.engine import SERVED
from bot.engine.held_out import decided, entries_left_out, held_out_cases
from bot.knowledge.model import Knowledge


def test_every_text_of_an_entry_with_another_is_held_out_of_it_once(engine):
    knowledge = engine.knowledge
    cases = held_out_cases(engine)

    expected = sum(1 + len(e.phrasings) for e in knowledge.entries.values() if e.phrasings)
    assert len(cases) == expected
    for case in cases:
        held = case.engine.knowledge.entries[case.entry.id]
        assert case.text not in (held.question, *held.phrasings)
        assert len(held.phrasings) == len(case.entry.phrasings) - 1


def test_a_held_out_phrasing_in_its_entrys_words_is_answered_by_its_entry(engine):
    served = decided(held_out_cases(engine), SERVED)

    assert served.right == served.asked
    assert served.wrong == served.abstained == 0


def test_stricter_thresholds_leave_held_out_phrasings_unanswered(engine):
    cases = held_out_cases(engine)

    served = decided(cases, SERVED)
    stricter = decided(cases, SERVED.scaled(1.5))
    impossible = decided(cases, SERVED.scaled(3.0))

    assert stricter.right < served.right
    assert stricter.abstained > 0
    assert impossible.right == impossible.wrong == 0


def _with_rival(knowledge: Knowledge, citations: tuple) -> Knowledge:
    """The knowledge with another entry asked as one of rutte-warning's phrasings is."""
    warning = knowledge.entries["rutte-warning"]
    rival = replace(
        warning,
        id="rutte-said",
        question="What did Rutte say about Russia and war in Europe?",
        phrasings=("rutte warning russia war",),
        citations=citations,
    )
    return replace(knowledge, entries={**knowledge.entries, rival.id: rival})


def test_another_entry_answering_a_held_out_phrasing_is_wrong_unless_it_cites_the_same_passage(
    engine,
):
    knowledge = engine.knowledge
    warning, treaty = knowledge.entries["rutte-warning"], knowledge.entries["article-10"]

    def decided_on(rival_citations: tuple):
        cases = held_out_cases(Engine(_with_rival(knowledge, rival_citations)))
        return decided([c for c in cases if c.text == "rutte warning russia"], SERVED)

    same_passage = decided_on(warning.citations[1:])
    other_passage = decided_on(treaty.citations)

    assert (same_passage.right, same_passage.wrong) == (1, 0)
    assert (other_passage.right, other_passage.wrong) == (0, 1)
    assert other_passage.worth == -3.0


def test_every_text_of_every_entry_is_asked_of_the_knowledge_without_its_entry(engine):
    knowledge = engine.knowledge
    cases = entries_left_out(engine)

    assert len(cases) == sum(1 + len(e.phrasings) for e in knowledge.entries.values())
    for case in cases:
        assert case.entry.id not in case.engine.knowledge.entries
        assert len(case.engine.knowledge.entries) == len(knowledge.entries) - 1


def test_an_entry_left_out_is_wrongly_answered_only_by_one_citing_other_passages(engine):
    """With an entry gone, a rival asked in its words answers its texts: wrong when the
    rival cites other passages, not when it cites the same one; with no rival, none
    answers (the fixture's entries are far apart)."""
    knowledge = engine.knowledge
    warning, treaty = knowledge.entries["rutte-warning"], knowledge.entries["article-10"]

    def decided_on(knowledge: Knowledge):
        cases = entries_left_out(Engine(knowledge))
        return decided([c for c in cases if c.entry.id == "rutte-warning"], SERVED)

    alone = decided_on(knowledge)
    same_passage = decided_on(_with_rival(knowledge, warning.citations[1:]))
    other_passage = decided_on(_with_rival(knowledge, treaty.citations))

    assert alone.wrong == alone.right == 0
    assert same_passage.right > 0 and same_passage.wrong == 0
    assert other_passage.wrong > 0 and other_passage.right == 0
