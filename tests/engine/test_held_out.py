"""The knowledge's own phrasings held out: the figure the thresholds are checked on."""

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine import Engine
from bot.engine.engine import SERVED
from bot.engine.held_out import decided, entries_left_out, held_out_cases
from bot.knowledge.model import Knowledge
from tests.engine.conftest import FIXTURE_KNOWLEDGE


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


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the engine's fixture knowledge that a test may change."""
    copy = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, copy)
    return copy


def add_phrasing(root: Path, text: str) -> None:
    path = root / "entries/article-10.yaml"
    content = path.read_text(encoding="utf-8")
    anchor = '  - "conditions to join nato"\n'
    path.write_text(content.replace(anchor, f'{anchor}  - "{text}"\n'), encoding="utf-8")


def held_out_report(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(root), "--held-out"])
    return code, capsys.readouterr().out.splitlines()


def test_knowledge_whose_texts_all_reach_their_entry_when_left_out_gets_only_the_summary(
    root, capsys
):
    code, lines = held_out_report(root, capsys)

    assert code == 0
    assert len(lines) == 1
    assert lines[0].startswith(
        "held out: 18 of 18 ways of asking reach their own entry when left out (100.0 %), "
        "0 would reach another entry, 0 none."
    )


def test_a_text_its_entry_answers_only_as_written_is_named_with_the_words_only_it_gives(
    root, capsys
):
    add_phrasing(root, "what are the entry requirements")

    code, lines = held_out_report(root, capsys)

    assert code == 0
    assert lines[:2] == [
        "entries/article-10.yaml: 3 of its 4 ways of asking reach it when left out",
        "entries/article-10.yaml:10: phrasings[2]: if it were not written, questions worded "
        "like 'what are the entry requirements' would not be answered (too few of its words "
        "are this entry's); only it gives this entry the words 'entry'",
    ]
    assert lines[2].startswith("held out: 18 of 19 ways of asking reach their own entry")


def test_a_text_another_entry_would_answer_when_left_out_names_that_entry_fewest_reached_first(
    root, capsys
):
    add_phrasing(root, "how do countries get admitted to nato")

    _, lines = held_out_report(root, capsys)

    headers = [line for line in lines if line.endswith("reach it when left out")]
    assert headers == [
        "entries/balkan-nato-members.yaml: 2 of its 3 ways of asking reach it when left out",
        "entries/article-10.yaml: 3 of its 4 ways of asking reach it when left out",
    ]
    assert (
        "entries/article-10.yaml:10: phrasings[2]: if it were not written, questions worded "
        "like 'how do countries get admitted to nato' would be answered by entry "
        "'balkan-nato-members'"
    ) in lines


def test_the_held_out_report_of_knowledge_the_check_refuses_prints_its_problems_and_fails(
    root, capsys
):
    (root / "entries/article-10.yaml").write_text("id: article-10\n", encoding="utf-8")

    code, lines = held_out_report(root, capsys)

    assert code == 1
    assert lines and all(line.startswith("entries/article-10.yaml:") for line in lines)
    assert not any(line.startswith("held out:") for line in lines)
