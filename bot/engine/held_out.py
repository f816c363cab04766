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

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from bot import strings
from bot.engine.engine import Engine, Thresholds
from bot.engine.routing import field_lines, own_texts
from bot.knowledge.model import Entry, Knowledge
from bot.knowledge.problems import FieldPath, Report
from bot.knowledge.validate import entry_label

# A wrong answer costs this many abstentions: one wrong answer stated confidently costs more
# trust than several honest "not covered", and three is where the served thresholds sit
# (see `Thresholds`).
WRONG_COST = 3


@dataclass(frozen=True)
class HeldOut:
    """How the held-out texts were decided, and how many answers were shown as tentative."""

    asked: int
    right: int
    wrong: int
    right_tentative: int = 0
    wrong_tentative: int = 0

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


# The `why` of an entry with no phrasing: nothing was left out and asked.
NO_OTHER_TEXT = "no-phrasing"


@dataclass(frozen=True)
class Unwritten:
    """One of an entry's texts asked of the knowledge as if it had not been written.

    `reached` is the entry answering it (None: none); when it is not its own entry, `why`
    is the check its own entry fails (a code of `Engine.refusal`) and `unknown` the words
    of the text that nothing else of its entry writes: what only this text teaches it.
    """

    entry_id: str
    field: FieldPath
    text: str
    reached: str | None
    why: str
    unknown: tuple[str, ...]

    @property
    def reaches_its_entry(self) -> bool:
        """Whether its own entry answers it even though it is not written."""
        return self.reached == self.entry_id

    def message(self) -> str:
        """What a moderator reads of it, after the file, line and field it stands in."""
        if self.reached is None:
            why = strings.Check.WHY_NOT_ANSWERED[self.why]
            said = strings.Check.UNWRITTEN_NONE.format(value=self.text, why=why)
        else:
            said = strings.Check.UNWRITTEN_OTHER.format(value=self.text, entry=self.reached)
        if not self.unknown:
            return said
        words = ", ".join(f"'{word}'" for word in self.unknown)
        return said + strings.Check.UNWRITTEN_WORDS.format(words=words)


def held_out_cases(engine: Engine) -> list[HeldOutText]:
    """Every text of every entry with another one, each left out of its own entry.

    Each case's engine is `engine` updated for the entry without that text (milliseconds
    each), so the cases are made once and decided under as many thresholds as needed.
    """
    return [case for _, case in _held_out(engine)]


def unwritten(engine: Engine, entry_id: str | None = None) -> list[Unwritten]:
    """Each text of each entry, asked with that text left out of its entry.

    A text its entry still answers is one of many ways of asking the entry's words already
    cover; one it does not is reached only because it is written word for word, and
    members asking it in other words of their own may not be answered either: what a
    moderator should write more phrasings (or vocabulary lines) for; an entry with no
    phrasing counts as its question not reaching it. With `entry_id`, that entry's texts
    only. Each case's engine is dropped once asked, so memory stays that of
    two engines.
    """
    knowledge = engine.knowledge
    entries = knowledge.entries.values() if entry_id is None else [knowledge.entries[entry_id]]
    # An entry asked only by its question has no other text to stand in for it: members
    # asking in other words have only that question's words to reach it by.
    found = [
        Unwritten(entry.id, ("question",), entry.question, None, NO_OTHER_TEXT, ())
        for entry in entries
        if not entry.phrasings
    ]
    for field, case in _held_out(engine, entry_id):
        decision = case.engine.decide_by_measure(case.text)
        reached = decision.entry.id if decision.entry is not None else None
        mine = reached == case.entry.id
        found.append(
            Unwritten(
                entry_id=case.entry.id,
                field=field,
                text=case.text,
                reached=reached,
                why="" if mine else case.engine.refusal(case.text, case.entry.id),
                unknown=() if mine else case.engine.words_unknown_to(case.text, case.entry.id),
            )
        )
    return found


@dataclass(frozen=True)
class UnwrittenEntry:
    """An entry's texts asked as if unwritten: how many reach it, and those that do not."""

    entry_id: str
    asked: int
    missed: tuple[Unwritten, ...]

    @property
    def reached(self) -> int:
        """How many of its texts reach it when left out."""
        return self.asked - len(self.missed)


def fewest_reached_first(found: list[Unwritten]) -> list[UnwrittenEntry]:
    """The entries with a text that does not reach them, the smallest share reached first.

    Where more phrasings help most comes first; entries reaching the same share, by id.
    """
    by_entry: dict[str, list[Unwritten]] = defaultdict(list)
    for case in found:
        by_entry[case.entry_id].append(case)
    entries = [
        UnwrittenEntry(entry_id, len(cases), tuple(c for c in cases if not c.reaches_its_entry))
        for entry_id, cases in by_entry.items()
    ]
    entries = [entry for entry in entries if entry.missed]
    return sorted(entries, key=lambda e: (e.reached / e.asked, e.entry_id))


def unwritten_summary(found: list[Unwritten]) -> dict[str, float]:
    """The figures of `strings.Check.UNWRITTEN_SUMMARY` (and of `/kb held-out`'s title)."""
    reached = sum(case.reaches_its_entry for case in found)
    none = sum(case.reached is None for case in found)
    return {
        "reached": reached,
        "asked": len(found),
        "share": 100 * reached / max(len(found), 1),
        "other": len(found) - reached - none,
        "none": none,
    }


def unwritten_report(knowledge: Knowledge, root: Path | None = None) -> list[str]:
    """`check --held-out`: each text its entry answers only as written, and a summary.

    One `file:line: field: message` line per such text, under a line for its entry giving
    how many of its texts reach it, the entries reaching the smallest share first (see
    `fewest_reached_first`); with `root`, the knowledge folder, each line points at the
    field in the entry's file.
    """
    found = unwritten(Engine(knowledge))
    lines = []
    for entry in fewest_reached_first(found):
        label = entry_label(entry.entry_id)
        report = Report(label, field_lines(root, entry.entry_id) if root else None)
        for case in entry.missed:
            report.add(case.field, case.message())
        reached = strings.Check.UNWRITTEN_ENTRY.format(reached=entry.reached, asked=entry.asked)
        lines += [f"{label}: {reached}", *map(str, report.problems)]
    return [*lines, strings.Check.UNWRITTEN_SUMMARY.format(**unwritten_summary(found))]


def _held_out(
    engine: Engine, entry_id: str | None = None
) -> Iterator[tuple[FieldPath, HeldOutText]]:
    """Each text with another one in its entry, its field, and the engine without it.

    Of every entry, or of the entry `entry_id` only.
    """
    knowledge = engine.knowledge
    entries = knowledge.entries.values() if entry_id is None else [knowledge.entries[entry_id]]
    for entry in entries:
        for field, held, left_out in _left_out(entry):
            yield field, HeldOutText(engine.updated(_with(knowledge, held)), left_out, entry)


def _with(knowledge: Knowledge, entry: Entry) -> Knowledge:
    """`knowledge` with `entry` in place of the entry of its id."""
    return replace(knowledge, entries={**knowledge.entries, entry.id: entry})


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
    right: list[bool] = []
    wrong: list[bool] = []
    for case in cases:
        decision = case.engine.with_thresholds(thresholds).decide_by_measure(case.text)
        if decision.entry is None:
            continue
        if decision.entry.id == case.entry.id or _cites_alike(decision.entry, case.entry):
            right.append(decision.tentative)
        else:
            wrong.append(decision.tentative)
    return HeldOut(len(cases), len(right), len(wrong), sum(right), sum(wrong))


def _left_out(entry: Entry) -> Iterator[tuple[FieldPath, Entry, str]]:
    """Each text of `entry` (with another one), its field, and the entry without it."""
    texts = [entry.question, *entry.phrasings]
    if len(texts) < 2:
        return
    for position, (field, text) in enumerate(own_texts(entry)):
        rest = texts[:position] + texts[position + 1 :]
        yield field, replace(entry, question=rest[0], phrasings=tuple(rest[1:])), text


def _cites_alike(one: Entry, other: Entry) -> bool:
    """Whether two entries cite one same passage, and so state one same fact."""
    passages = {(c.source_id, c.quote) for c in one.citations}
    return any((c.source_id, c.quote) in passages for c in other.citations)
