"""The knowledge's own questions, held out: how the thresholds are checked without a question set.

Each phrasing of each entry is left out of its entry and asked, as a member asking in
words the entry does not list yet would ask it. Its entry answering is right; another entry
answering is wrong, unless that entry cites one of the same passages (then it states the
same fact); abstaining is neither. Each entry is also left out of the knowledge and its
texts asked (`entries_left_out`): near questions that nothing left states, whose right
outcome is to abstain (or an entry citing the same passage). No question set is read, so
a moderator's new subject is measured the day it is added, and thresholds checked this way
are not fitted to questions someone has read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from bot.engine.engine import Engine, Thresholds
from bot.knowledge.model import Entry

# A wrong answer costs this many abstentions: one wrong answer stated confidently costs more
# trust than several honest "not covered", and three is where the served thresholds sit
# (see `Thresholds`).
WRONG_COST = 3


@dataclass(frozen=True)
class HeldOut:
    """How the held-out texts were decided."""

    asked: int
    right: int
    wrong: int

    @property
    def abstained(self) -> int:
        """Texts no entry answered."""
        return self.asked - self.right - self.wrong

    @property
    def worth(self) -> float:
        """Right answers less WRONG_COST times the wrong ones, per text asked."""
        return (self.right - WRONG_COST * self.wrong) / max(self.asked, 1)


@dataclass(frozen=True)
class HeldOutText:
    """One text left out of its entry, and the engine of the knowledge without it."""

    engine: Engine
    text: str
    entry: Entry


def held_out_cases(engine: Engine) -> list[HeldOutText]:
    """Every text of every entry with another one, each left out of its own entry.

    Each case's engine is `engine` updated for the entry without that text (milliseconds
    each), so the cases are made once and decided under as many thresholds as needed.
    """
    knowledge = engine.knowledge
    cases = []
    for entry in knowledge.entries.values():
        for texts, left_out in _left_out(entry):
            held = replace(entry, question=texts[0], phrasings=tuple(texts[1:]))
            edited = replace(knowledge, entries={**knowledge.entries, entry.id: held})
            cases.append(HeldOutText(engine.updated(edited), left_out, entry))
    return cases


def entries_left_out(engine: Engine) -> list[HeldOutText]:
    """Every text of every entry, each asked of the knowledge without that entry.

    A near question on the subject that no other entry was written for: another entry
    answering it states something else (unless it cites the same passage), so it measures
    how often a question just beside the knowledge gets a neighbour's answer. It counts
    high: a neighbour stating a related fact in other passages is counted wrong.
    """
    knowledge = engine.knowledge
    cases = []
    for entry in knowledge.entries.values():
        others = {i: other for i, other in knowledge.entries.items() if i != entry.id}
        without = engine.updated(replace(knowledge, entries=others))
        cases += [HeldOutText(without, text, entry) for text in (entry.question, *entry.phrasings)]
    return cases


def decided(cases: list[HeldOutText], thresholds: Thresholds) -> HeldOut:
    """The cases decided with `thresholds` (of `entries_left_out`: right are same passages).

    Decided by measure (`Engine.decide_by_measure`): a held-out text read exactly as
    another text of its entry is answered by that entry whatever the thresholds, and what
    is checked here is the thresholds.
    """
    right = wrong = 0
    for case in cases:
        decision = case.engine.with_thresholds(thresholds).decide_by_measure(case.text)
        if decision.entry is None:
            continue
        if decision.entry.id == case.entry.id or _cites_alike(decision.entry, case.entry):
            right += 1
        else:
            wrong += 1
    return HeldOut(asked=len(cases), right=right, wrong=wrong)


def _left_out(entry: Entry) -> Iterator[tuple[list[str], str]]:
    texts = [entry.question, *entry.phrasings]
    if len(texts) < 2:
        return
    for position, text in enumerate(texts):
        yield texts[:position] + texts[position + 1 :], text


def _cites_alike(one: Entry, other: Entry) -> bool:
    """Whether two entries cite one same passage, and so state one same fact."""
    passages = {(c.source_id, c.quote) for c in one.citations}
    return any((c.source_id, c.quote) in passages for c in other.citations)
