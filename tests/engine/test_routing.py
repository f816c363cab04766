"""Routing is checked like quotes: every question and phrasing must reach its own entry.

`python -m bot check` asks an engine built on the knowledge each entry's own texts, as a
member would, and names each text that another entry answers, or that no entry answers.
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine import Engine, match
from bot.engine.engine import READ_WINDOW, SERVED
from bot.engine.index import Index
from bot.engine.reach import Reach
from bot.engine.routing import (
    misroutes,
    misroutes_of_change,
    misroutes_of_saved,
    misroutes_of_write,
    own_texts,
)
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Entry, Knowledge
from bot.language.text import fold
from bot.ops.settings import PROJECT_ROOT
from tests.engine.conftest import ARTICLE_KNOWLEDGE, FIXTURE_KNOWLEDGE

ENTRY = "entries/article-10.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the engine's fixture knowledge that a test may change."""
    copy = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, copy)
    return copy


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(root)])
    return code, capsys.readouterr().out.splitlines()


def add_phrasing(root: Path, text: str) -> None:
    path = root / ENTRY
    content = path.read_text(encoding="utf-8")
    anchor = '  - "conditions to join nato"\n'
    assert anchor in content
    path.write_text(content.replace(anchor, f'{anchor}  - "{text}"\n'), encoding="utf-8")


def test_fixture_knowledge_passes_the_routing_check(root, capsys):
    assert check(root, capsys) == (0, ["ok: 5 entries, 1 source"])


def test_reports_a_phrasing_that_another_entry_answers(root, capsys):
    add_phrasing(root, "which western balkan countries are in nato already")
    assert check(root, capsys) == (
        1,
        [
            f"{ENTRY}:10: phrasings[2]: questions worded like 'which western balkan countries "
            "are in nato already' are answered by entry 'balkan-nato-members', not this one: "
            "reword it, or leave those words to that entry"
        ],
    )


def test_reports_a_phrasing_that_no_entry_answers(root, capsys):
    add_phrasing(root, "who will win the next world cup")
    assert check(root, capsys) == (
        1,
        [
            f"{ENTRY}:10: phrasings[2]: questions worded like 'who will win the next world cup' "
            "are not answered (the bot abstains: it shares no name or specific word with this "
            "entry): reword it closer to this entry's words"
        ],
    )


def replace_question(root: Path, question: str) -> None:
    path = root / ENTRY
    content = path.read_text(encoding="utf-8")
    old = "What are NATO's conditions for enlargement?"
    path.write_text(content.replace(old, question), encoding="utf-8")


def test_reports_a_question_that_does_not_reach_its_entry(root, capsys):
    replace_question(root, "When did NATO set its conditions for enlargement?")
    assert check(root, capsys) == (
        1,
        [
            f"{ENTRY}:2: question: questions worded like 'When did NATO set its conditions for "
            "enlargement?' are not answered (the bot abstains: this entry does not state the "
            "kind of fact it asks for, such as a date, a count or a reason): reword it closer to "
            "this entry's words"
        ],
    )


def test_reports_another_entrys_phrasing_that_an_edit_draws_away(root, capsys):
    # A phrasing whose words its entry has in no other text ("threat", "allies") is drawn
    # away by an entry that comes to be about them all.
    rutte = root / "entries/rutte-warning.yaml"
    anchor = '  - "what did the nato chief say about russia"\n'
    rutte.write_text(
        rutte.read_text(encoding="utf-8").replace(
            anchor, f'{anchor}  - "russia threat to allies"\n'
        ),
        encoding="utf-8",
    )
    assert check(root, capsys) == (0, ["ok: 5 entries, 1 source"])
    replace_question(root, "What threat does Russia pose to allies?")
    assert check(root, capsys) == (
        1,
        [
            "entries/rutte-warning.yaml:10: phrasings[2]: questions worded like 'russia threat "
            "to allies' are answered by entry 'article-10', not this one: reword it, or leave "
            "those words to that entry"
        ],
    )


def test_coverage_alone_does_not_ask_the_engine(root, capsys):
    add_phrasing(root, "who will win the next world cup")
    main(["check", str(root), "--coverage"])
    assert not any("world cup" in line for line in capsys.readouterr().out.splitlines())


def test_a_change_is_judged_on_the_knowledge_it_would_make(root):
    knowledge = load_knowledge(root).knowledge
    assert knowledge is not None and misroutes(knowledge) == []
    entry = knowledge.entries["article-10"]
    grown = Entry(
        id=entry.id,
        question=entry.question,
        answer=entry.answer,
        topic=entry.topic,
        phrasings=(*entry.phrasings, "kosovo pfp"),
        citations=entry.citations,
    )
    (found,) = misroutes_of_change(knowledge, grown)
    assert (found.entry_id, found.field, found.text, found.reached) == (
        "article-10",
        ("phrasings", 2),
        "kosovo pfp",
        "kosovo-outside-pfp",
    )


def test_the_check_command_fails_with_one_line_per_misrouted_text(root):
    add_phrasing(root, "who will win the next world cup")
    finished = subprocess.run(
        [sys.executable, "-m", "bot", "check", str(root)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 1
    assert finished.stdout.splitlines() == [
        f"{ENTRY}:10: phrasings[2]: questions worded like 'who will win the next world cup' "
        "are not answered (the bot abstains: it shares no name or specific word with this "
        "entry): reword it closer to this entry's words"
    ]


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("When did NATO set its conditions for enlargement?", "kind"),
        ("who will win the next world cup", "focus"),
        ("What are NATO's conditions for enlargement?", ""),
    ],
)
def test_the_engine_says_which_check_keeps_an_entry_from_answering(question, why):
    from bot.engine import Engine

    engine = Engine(load_knowledge(FIXTURE_KNOWLEDGE).knowledge)
    assert engine.refusal(question, "article-10") == why


def article_edits() -> list[Entry]:
    """Edited article entries, many drawing another entry's texts.

    An entry given another entry's question with its words reversed as a phrasing, given
    another's first phrasing as its question, or given all another's phrasings.
    """
    knowledge = load_knowledge(ARTICLE_KNOWLEDGE).knowledge
    ids = sorted(knowledge.entries)
    edits = []
    for number, entry_id in enumerate(ids[::4]):
        entry = knowledge.entries[entry_id]
        other = knowledge.entries[ids[(number * 7 + 3) % len(ids)]]
        reversed_question = " ".join(reversed(other.question.rstrip("?").split()))
        first = (*other.phrasings, other.question)[0]
        edits += [
            dataclasses.replace(entry, phrasings=(*entry.phrasings, reversed_question)),
            dataclasses.replace(
                entry, question=f"{first}?", phrasings=(*entry.phrasings, entry.question)
            ),
            dataclasses.replace(entry, phrasings=(*entry.phrasings, *other.phrasings)),
        ]
    return edits


@pytest.mark.parametrize("edited", article_edits(), ids=lambda edited: edited.id)
def test_an_edit_is_judged_as_asking_every_text_would_judge_it(article_engine, edited):
    knowledge = article_engine.knowledge
    saved = dataclasses.replace(knowledge, entries={**knowledge.entries, edited.id: edited})
    engine = Engine(saved)

    every_text = [
        m for m in misroutes(saved, engine=engine) if edited.id in (m.entry_id, m.reached)
    ]

    assert misroutes_of_saved(knowledge, engine, edited) == every_text


def narrow_retrieval(monkeypatch: pytest.MonkeyPatch, budget: int, kept: int) -> None:
    """Retrieval walking `budget` postings and re-weighing `kept` entries.

    At 10,000 entries most words have more postings than retrieval walks; on the small
    article knowledge these budgets make its common words behave as such words do. It
    shortlists and measures fewer in proportion.
    """
    monkeypatch.setattr(match, "POSTINGS_BUDGET", budget)
    monkeypatch.setattr(match, "RESCORED", kept)
    monkeypatch.setattr(match, "SHORTLIST", max(2, kept * 2 // 3))
    monkeypatch.setattr(match, "CANDIDATES", max(1, kept // 2))


@pytest.mark.parametrize(("budget", "kept"), [(20, 3), (30, 6)])
@pytest.mark.parametrize("edited", article_edits(), ids=lambda edited: edited.id)
def test_an_edit_is_judged_by_an_updated_engine_as_asking_every_text_would(
    monkeypatch, edited, budget, kept
):
    narrow_retrieval(monkeypatch, budget, kept)
    knowledge = load_knowledge(ARTICLE_KNOWLEDGE).knowledge
    served = Engine(knowledge)
    served.prepare_routing()
    saved = dataclasses.replace(knowledge, entries={**knowledge.entries, edited.id: edited})
    engine = served.updated(saved)

    every_text = [
        m for m in misroutes(saved, engine=engine) if edited.id in (m.entry_id, m.reached)
    ]

    assert misroutes_of_saved(knowledge, engine, edited) == every_text


def test_a_chain_of_edits_is_judged_as_asking_every_text_would_judge_it(monkeypatch):
    narrow_retrieval(monkeypatch, budget=30, kept=6)
    knowledge = load_knowledge(ARTICLE_KNOWLEDGE).knowledge
    engine = Engine(knowledge)
    engine.prepare_routing()
    edits = article_edits()[::3]
    # An entry added midway moves every later entry's position: the index is built whole.
    added = dataclasses.replace(edits[0], id="aaa-added", question="Who added this entry?")
    drawing = 0
    for edited in [*edits[:3], added, *edits[3:]]:
        saved = dataclasses.replace(knowledge, entries={**knowledge.entries, edited.id: edited})
        engine = engine.updated(saved)
        every_text = [
            m for m in misroutes(saved, engine=engine) if edited.id in (m.entry_id, m.reached)
        ]
        assert misroutes_of_saved(knowledge, engine, edited) == every_text
        drawing += any(m.reached == edited.id for m in every_text)
        knowledge = saved
    assert drawing > 0


def test_whether_an_entry_answers_a_text_is_what_deciding_it_answers(article_engine):
    entries = list(article_engine.knowledge.entries.values())
    texts = [text for entry in entries for _, text in own_texts(entry)]
    texts += [f"{first} And {second}" for first, second in itertools.pairwise(texts)]
    checked = 0
    for text in texts:
        decision = article_engine.decide(text)
        answered = decision.entry.id if decision.entry is not None else None
        for entry in entries[:: max(1, len(entries) // 6)]:
            assert article_engine.answers_with(text, entry.id) == (entry.id == answered)
            checked += 1
        if answered is not None:
            assert article_engine.answers_with(text, answered)
    assert checked > 0


class EveryText(Reach):
    """A reach that finds every text around every entry: what `may_answer` then finds is
    what judging every text finds."""

    def around(self, index: Index, position: int) -> set[int]:
        return {
            self.key(other, n)
            for other, profile in enumerate(index.profiles)
            for n in range(len(profile.asked))
        }


@pytest.mark.parametrize(("budget", "kept"), [(20, 3), (30, 6), (40, 8)])
def test_an_engine_updated_for_entries_added_and_removed_finds_every_text_each_may_answer(
    monkeypatch, budget, kept
):
    """The updated reach's listings leave out no text an entry may answer.

    Retrieval is narrowed so that texts are listed for the kept entries of a word too, and
    the entries added move some of those texts' words across what retrieval walks.
    """
    narrow_retrieval(monkeypatch, budget, kept)
    knowledge = load_knowledge(ARTICLE_KNOWLEDGE).knowledge
    engine = Engine(knowledge)
    engine.prepare_routing()
    ids = sorted(knowledge.entries)
    grown = {**knowledge.entries}
    steps = [(0, 7, None), (0, 2, None), (11, 2, 20), (30, 40, 8), (0, 9, 7)]
    for number, (copied, asked, gone) in enumerate(steps):
        entry = dataclasses.replace(
            knowledge.entries[ids[copied]],
            id=f"{ids[asked]}-{number}",
            question=knowledge.entries[ids[asked]].question,
        )
        grown[entry.id] = entry
        if gone is not None:
            grown.pop(ids[gone])
        saved = dataclasses.replace(knowledge, entries=dict(sorted(grown.items())))
        engine = engine.updated(saved)
        judged = Engine(saved)
        judged._reach = EveryText(judged._index, READ_WINDOW, SERVED.least_share)
        # Carried over, not made again: made for the first count, with the added entries'
        # slots after those of the entries it was made for.
        assert engine._reach is not None and engine._reach._count == len(knowledge.entries)
        assert len(engine._reach._at) == len(knowledge.entries) + number + 1
        assert engine._reach._kept
        for entry_id in saved.entries:
            assert engine.may_answer(entry_id) == judged.may_answer(entry_id), entry_id


def test_a_chain_of_edits_leaves_what_each_entry_may_answer_as_judging_every_text_finds(
    monkeypatch,
):
    """An entry edited may come to be asked with every word of another entry's text, or
    cease to be, by a word retrieval does not walk: whether that text's own entry is
    surely measured is then worked out again."""
    narrow_retrieval(monkeypatch, budget=30, kept=6)
    knowledge = load_knowledge(ARTICLE_KNOWLEDGE).knowledge
    engine = Engine(knowledge)
    engine.prepare_routing()
    for edited in article_edits()[::2]:
        saved = dataclasses.replace(knowledge, entries={**knowledge.entries, edited.id: edited})
        engine = engine.updated(saved)
        judged = Engine(saved)
        judged._reach = EveryText(judged._index, READ_WINDOW, SERVED.least_share)
        for entry_id in saved.entries:
            assert engine.may_answer(entry_id) == judged.may_answer(entry_id), entry_id
        knowledge = saved


def article_vocabulary_writes() -> list[tuple[str, Knowledge]]:
    """The article knowledge with one vocabulary file written otherwise, many misrouting.

    A question's longest word made to mean another entry's longest word, or its whole
    question (the texts having it, and the entries asked or stating it, read otherwise),
    an alias taken out, a name read as a
    person (a text writing another name for it then asks for someone's words), a word
    of a question made a name, and a word no entry writes given a meaning.
    """
    knowledge = load_knowledge(ARTICLE_KNOWLEDGE).knowledge
    file = max(knowledge.vocabulary, key=lambda name: len(knowledge.vocabulary[name].aliases))
    vocabulary = knowledge.vocabulary[file]
    questions = [entry.question for entry in knowledge.entries.values()]

    def longest(question: str) -> str:
        return max(fold(question).split(), key=len)

    def written(**changes: object) -> Knowledge:
        changed = dataclasses.replace(vocabulary, **changes)
        return dataclasses.replace(knowledge, vocabulary={**knowledge.vocabulary, file: changed})

    writes = [("unwritten word", written(aliases={**vocabulary.aliases, "zzqword": "nato"}))]
    for number, question in enumerate(questions[::6]):
        other = questions[(number * 5 + 2) % len(questions)]
        word, meaning = longest(question), longest(other)
        aliases = {**vocabulary.aliases, word: meaning}
        writes.append((f"{word} as {meaning}", written(aliases=aliases)))
        words = " ".join(fold(other).split())
        writes.append((f"{word} as {words}", written(aliases={**vocabulary.aliases, word: words})))
    for alias in sorted(vocabulary.aliases)[::40]:
        aliases = {k: v for k, v in vocabulary.aliases.items() if k != alias}
        writes.append((f"without {alias}", written(aliases=aliases)))
    asked = {word for question in questions for word in fold(question).split()}
    names = {n for v in knowledge.vocabulary.values() for n in v.names if n in asked}
    for name in sorted(names):
        writes.append((f"{name} a person", written(people=(*vocabulary.people, name))))
    for question in questions[1::9]:
        writes.append(
            (f"{longest(question)} a name", written(names=(*vocabulary.names, longest(question))))
        )
    return writes


@pytest.mark.parametrize(
    ("what", "written"), article_vocabulary_writes(), ids=lambda w: w if isinstance(w, str) else ""
)
def test_a_vocabulary_write_is_judged_as_asking_every_text_would_judge_it(
    article_engine, what, written
):
    after = article_engine.updated(written)
    misrouted_before = {
        (m.entry_id, m.text) for m in misroutes(article_engine.knowledge, engine=article_engine)
    }
    every_text = [
        m for m in misroutes(written, engine=after) if (m.entry_id, m.text) not in misrouted_before
    ]

    assert misroutes_of_write(article_engine, after) == every_text


def test_vocabulary_writes_that_misroute_are_among_those_judged():
    """The comparison above is not of empty lists only."""
    engine = Engine(load_knowledge(ARTICLE_KNOWLEDGE).knowledge)
    misrouting = [
        what
        for what, written in article_vocabulary_writes()
        if misroutes_of_write(engine, engine.updated(written))
    ]
    assert len(misrouting) >= 3, misrouting


def test_a_vocabulary_line_for_a_word_no_entry_writes_asks_no_text(article_engine, monkeypatch):
    _, written = article_vocabulary_writes()[0]
    after = article_engine.updated(written)

    def asked(self, question):
        raise AssertionError(f"asked {question!r}")

    monkeypatch.setattr(Engine, "decide", asked)
    assert misroutes_of_write(article_engine, after) == []
