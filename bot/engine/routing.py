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
from bot.engine.learnt import learnt_vocabulary
from bot.knowledge.model import Entry, Knowledge
from bot.knowledge.problems import FieldPath, Problem, Report
from bot.knowledge.validate import entry_label
from bot.knowledge.yamlfile import read_yaml
from bot.language.text import clean, fold

# A stem an entry loses (a phrasing removed, or the entry) weighs more in every text asked
# with it, as fewer entries know it: its IDF, log(1 + N / k), grows by log((k + 1) / k) for
# k entries left knowing it, much for a stem few know, little for one many know (under 5 %
# of a unit from 20 on). The texts asked with a stem at most this many others know are
# asked again; the others move as little as every weight moves when an entry is added or
# removed (N changes), which no check asks about.
RARE_STEM_ENTRIES = 20


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
            decision = engine.decide_by_measure(text)
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
        decision = engine.decide_by_measure(text)
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


def misroutes_of_write(before: Engine, after: Engine) -> list[Misroute]:
    """What a write taking `before`'s knowledge to `after`'s misroutes, asked of `after`.

    A write of one entry that leaves words read as they were (`after` updated from
    `before`, the same lexicon) is checked as a save is (`misroutes_of_saved`) and, when
    the entry loses words or goes, for what it may strand: the texts it could answer
    before, which it competed for, and every text asked with a stem it no longer knows
    that few other entries know (`RARE_STEM_ENTRIES`), which weighs that stem anew. A
    write of no entry that leaves words read alike (a source defining nothing new) asks
    nothing; one that reads words otherwise (the vocabulary, an acronym a source defines)
    asks what that may move (`_moved_by_words`). Any other write (several entries, or one
    changing how words are read) may move every text: all are asked. A text misrouted
    before the write already is not its doing, and is left to `python -m bot check`.
    """
    old, new = before.knowledge.entries, after.knowledge.entries
    changed = [i for i in new if not _same(old.get(i), new[i])]
    gone = [i for i in old if i not in new]
    if not changed and not gone:
        if _reads_alike(before.knowledge, after.knowledge):
            return []
        return _in_order(after.knowledge, _stranded(before, after, _moved_by_words(before, after)))
    if after.lexicon is not before.lexicon or len(changed) + len(gone) != 1:
        return _stranded(before, after, _every_text(after.knowledge))
    (entry_id,) = changed or gone
    found = misroutes_of_saved(before.knowledge, after, new[entry_id]) if changed else []
    lost = before.known_stems(entry_id) - after.known_stems(entry_id)
    kept = {text for _, text in own_texts(new[entry_id])} if changed else set()
    if entry_id not in old or (
        not lost and all(text in kept for _, text in own_texts(old[entry_id]))
    ):
        return found
    rare = before.asked_with(lost, RARE_STEM_ENTRIES + 1)
    asked = (set(before.may_answer(entry_id)) | rare) - {
        (m.entry_id, _number(m.field)) for m in found
    }
    others = sorted((i, n) for i, n in asked if i != entry_id)
    return _in_order(after.knowledge, [*found, *_stranded(before, after, others)])


def _moved_by_words(before: Engine, after: Engine) -> list[tuple[str, int]]:
    """The texts a write of the same entries, read with other words, may answer otherwise.

    A text is decided from how it is read, the postings of its stems (which entries are
    found, and each stem's weight) and the profiles of the entries found. So only these
    may move: the texts having a phrase read otherwise (`Engine.phrases_read_otherwise`); those
    asked with a stem whose postings changed; and, for each entry read into another profile
    (other stems, or its phrasings weighed otherwise), its own texts and those it could
    answer before or after (`Engine.may_answer`). A vocabulary line for words no entry
    writes moves none: nothing is asked. Each text is (entry id, 0 or phrasing number).
    """
    phrases = after.phrases_read_otherwise(before)
    if phrases is None:
        return _every_text(after.knowledge)
    texts = set(_having(before, after, phrases))
    every = len(after.knowledge.entries)
    stems = after.stems_posted_otherwise(before)
    texts |= after.asked_with(stems, every) | before.asked_with(stems, every)
    for entry_id in after.entries_read_otherwise(before):
        entry = after.knowledge.entries[entry_id]
        texts.update((entry_id, n) for n in range(len(entry.phrasings) + 1))
        texts.update(after.may_answer(entry_id))
        texts.update(before.may_answer(entry_id))
    return sorted(texts)


def _having(
    before: Engine, after: Engine, phrases: frozenset[tuple[str, ...]]
) -> Iterator[tuple[str, int]]:
    """The own texts of `after`'s entries having one of the folded `phrases`.

    As written, or as either engine's aliases rewrite them: a name one engine reads as a
    person is found in a text writing another name for it. Only a text writing one of
    their `Lexicon.starts_of` can.
    """
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            by_first.setdefault(phrase[0], []).append(phrase)
    if not by_first:
        return
    starts = before.lexicon.starts_of(phrases) | after.lexicon.starts_of(phrases)
    for entry_id, entry in after.knowledge.entries.items():
        for number, (_, text) in enumerate(own_texts(entry)):
            words = fold(clean(text)).split()
            if starts.isdisjoint(words):
                continue
            readings = (words, before.lexicon.aliased(words), after.lexicon.aliased(words))
            if any(_has_a_phrase(read, by_first) for read in readings):
                yield entry_id, number


def _has_a_phrase(words: list[str], by_first: Mapping[str, list[tuple[str, ...]]]) -> bool:
    """Whether `words` hold one of the phrases, listed by their first word, in a row."""
    for start, word in enumerate(words):
        for phrase in by_first.get(word, ()):
            if tuple(words[start : start + len(phrase)]) == phrase:
                return True
    return False


def _reads_alike(before: Knowledge, after: Knowledge) -> bool:
    """Whether the engine reads words alike in both: the same vocabulary, written and learnt.

    A source added that defines no new acronym changes no answer, so it asks nothing.
    """
    return before.vocabulary == after.vocabulary and (
        learnt_vocabulary(before) == learnt_vocabulary(after)
    )


def _same(entry: Entry | None, other: Entry) -> bool:
    return entry is other or entry == other


def _every_text(knowledge: Knowledge) -> list[tuple[str, int]]:
    return [
        (i, n) for i, entry in knowledge.entries.items() for n in range(len(entry.phrasings) + 1)
    ]


def _number(field: FieldPath) -> int:
    """The text's number in `own_texts`: 0 for the question, else the phrasing's plus one."""
    return 0 if field == ("question",) else int(field[1]) + 1


def _stranded(before: Engine, after: Engine, texts: Iterable[tuple[str, int]]) -> list[Misroute]:
    """Those of `texts` (entry id, number) that `after` does not answer with their entry.

    Each is asked of `before` too only when `after` misroutes it: a text `before` already
    misrouted, written the same, is no misroute of the write.
    """
    found = []
    for entry_id, number in texts:
        field, text = list(own_texts(after.knowledge.entries[entry_id]))[number]
        misroute = _misroute(after, entry_id, field, text)
        if misroute is not None and not _misrouted_before(before, entry_id, text):
            found.append(misroute)
    return found


def _misroute(engine: Engine, entry_id: str, field: FieldPath, text: str) -> Misroute | None:
    """How `engine` misroutes the text of the entry `entry_id` (None: it answers with it)."""
    decision = engine.decide_by_measure(text)
    reached = decision.entry.id if decision.entry is not None else None
    if reached == entry_id:
        return None
    why = engine.refusal(text, entry_id) if reached is None else ""
    return Misroute(entry_id, field, text, reached, why)


def _misrouted_before(before: Engine, entry_id: str, text: str) -> bool:
    entry = before.knowledge.entries.get(entry_id)
    if entry is None or all(text != own for _, own in own_texts(entry)):
        return False
    return _misroute(before, entry_id, ("question",), text) is not None


def _in_order(knowledge: Knowledge, found: list[Misroute]) -> list[Misroute]:
    """`found` in the order of the entries of `knowledge`, each entry's texts in theirs."""
    if len(found) < 2:
        return found
    order = {entry_id: number for number, entry_id in enumerate(knowledge.entries)}
    return sorted(found, key=lambda m: (order.get(m.entry_id, len(order)), _number(m.field)))


def routing_problems(knowledge: Knowledge, root: Path | None = None) -> list[Problem]:
    """Every misroute of the knowledge as a checker's problem, one line each.

    With `root`, the knowledge folder, each line points at the field in the entry's file.
    """
    found = misroutes(knowledge)
    lines = {m.entry_id: field_lines(root, m.entry_id) for m in found} if root else {}
    return [m.problem(lines.get(m.entry_id)) for m in found]


def field_lines(root: Path, entry_id: str) -> Mapping[FieldPath, int]:
    """The line of each field of an entry's file (none if it cannot be read any more)."""
    label = entry_label(entry_id)
    try:
        text = (root / label).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    document = read_yaml(text, Report(label))
    return document.lines if document is not None else {}
