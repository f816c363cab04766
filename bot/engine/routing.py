"""Routing: each entry's own question and phrasings must reach that entry.

A phrasing is written so that people asking it get its entry's answer. If the engine
answers it with another entry, or abstains, the phrasing does nothing for its entry (or
worse, shows that another entry owns those words), and a moderator adding it would never
know. So routing is checked like quotes: every question and phrasing is asked once of an
engine built on the knowledge, and each that does not come back to its own entry is a
problem naming the entry it reached.

This lives beside the engine, not in the knowledge package, because it asks the engine;
the knowledge package stays free of the engine, and the checker's caller joins the two.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot import strings
from bot.engine.engine import Engine
from bot.knowledge.model import Entry, Knowledge
from bot.knowledge.problems import FieldPath, Problem, Report
from bot.knowledge.validate import entry_label
from bot.knowledge.yamlfile import read_yaml


@dataclass(frozen=True)
class Misroute:
    """One of an entry's own texts that the engine answers with another entry, or not at all."""

    entry_id: str
    field: FieldPath
    text: str
    reached: str | None
    # Why its own entry does not answer it (a code of `Engine.refusal`), when none does.
    why: str = ""

    def problem(self, lines: Mapping[FieldPath, int] | None = None) -> Problem:
        """The misroute as a checker's line on the entry's file (at the field's line if known)."""
        if self.reached is None:
            why = strings.Check.WHY_NOT_ANSWERED[self.why]
            message = strings.Check.NOT_ANSWERED.format(value=self.text, why=why)
        else:
            message = strings.Check.ANSWERED_BY.format(value=self.text, entry=self.reached)
        report = Report(entry_label(self.entry_id), lines)
        report.add(self.field, message)
        return report.problems[0]


def own_texts(entry: Entry) -> Iterator[tuple[FieldPath, str]]:
    """The entry's question and each phrasing, with the field each stands in."""
    yield ("question",), entry.question
    for index, phrasing in enumerate(entry.phrasings):
        yield ("phrasings", index), phrasing


def misroutes(
    knowledge: Knowledge, entries: Iterable[Entry] | None = None, engine: Engine | None = None
) -> list[Misroute]:
    """The texts of `entries` (all entries by default) that do not reach their own entry.

    The engine is built once, on the whole knowledge, and asked every text.
    """
    engine = engine or Engine(knowledge)
    found: list[Misroute] = []
    for entry in knowledge.entries.values() if entries is None else entries:
        for field, text in own_texts(entry):
            decision = engine.decide(text)
            reached = decision.entry.id if decision.entry is not None else None
            if reached is None:
                why = engine.refusal(text, entry.id)
                found.append(Misroute(entry.id, field, text, reached, why))
            elif reached != entry.id:
                found.append(Misroute(entry.id, field, text, reached))
    return found


def misroutes_of_change(knowledge: Knowledge, changed: Entry) -> list[Misroute]:
    """What saving `changed` (new, or replacing the entry of its id) would misroute.

    Its own texts must reach it, and no other entry's text may be drawn to it. Problems
    elsewhere that the change did not cause are left to `python -m bot check`, so an
    unrelated edit is never blocked by them.
    """
    grown = dataclasses.replace(knowledge, entries={**knowledge.entries, changed.id: changed})
    return misroutes_of_saved(knowledge, Engine(grown), changed)


def misroutes_of_saved(before: Knowledge, engine: Engine, changed: Entry) -> list[Misroute]:
    """`misroutes_of_change(before, changed)`, asked of `engine`, built on the knowledge saved.

    Only the texts `changed` could answer are asked besides its own (`Engine.may_answer`),
    so an engine updated for the edit (milliseconds) answers it without a build; of those
    only whether `changed` answers them matters (`Engine.answers_with`). Misroutes
    come in the order of the entries of `before`, a new entry's last.
    """
    found: list[tuple[str, int, Misroute]] = []
    for entry_id, number in engine.may_answer(changed.id):
        entry = engine.knowledge.entries[entry_id]
        field, text = list(own_texts(entry))[number]
        if engine.answers_with(text, changed.id):
            found.append((entry_id, number, Misroute(entry_id, field, text, changed.id)))
    for number, (field, text) in enumerate(own_texts(changed)):
        decision = engine.decide(text)
        reached = decision.entry.id if decision.entry is not None else None
        if reached is None:
            why = engine.refusal(text, changed.id)
            misroute = Misroute(changed.id, field, text, reached, why)
        elif reached != changed.id:
            misroute = Misroute(changed.id, field, text, reached)
        else:
            continue
        found.append((changed.id, number, misroute))
    if not found:  # the usual case: no need to number every entry
        return []
    order = {entry_id: number for number, entry_id in enumerate(before.entries)}
    order.setdefault(changed.id, len(order))
    return [misroute for _, _, misroute in sorted(found, key=lambda f: (order[f[0]], f[1]))]


def routing_problems(knowledge: Knowledge, root: Path | None = None) -> list[Problem]:
    """Every misroute of the knowledge as a checker's problem, one line each.

    With `root`, the knowledge folder, each line points at the field in the entry's file.
    """
    found = misroutes(knowledge)
    lines = {m.entry_id: _field_lines(root, m.entry_id) for m in found} if root else {}
    return [m.problem(lines.get(m.entry_id)) for m in found]


def _field_lines(root: Path, entry_id: str) -> Mapping[FieldPath, int]:
    """The line of each field of an entry's file (none if it cannot be read any more)."""
    label = entry_label(entry_id)
    try:
        text = (root / label).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    document = read_yaml(text, Report(label))
    return document.lines if document is not None else {}
