"""Other people's benchmark: real FAQ-bot traffic in HINT3's format (`python -m bot bench --peer`).

HINT3 (Haptik's SOFMattress, Curekart and Powerplay11 bots) gives each bot a training file
and a test file of `sentence,label` rows; a test query labelled NO_NODES_DETECTED asks
what the bot does not cover. The commercial platforms measured on it answer 66-85 % of the
covered queries. Each bot's intents become a knowledge as a moderator given no answers
would write it: one entry per intent, its training sentences as question and phrasings
(within the knowledge's limits, a sentence claimed by an earlier intent dropped), an
answer and quote naming the intent, one source holding those sentences, no vocabulary.
A covered query is right when its intent's entry answers it, an uncovered one when none
does; the bots' own training sentences are asked too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine
from bot.knowledge.model import Citation, Entry, Knowledge, Source
from bot.knowledge.validate import PHRASING_LIMIT, PHRASINGS_MAX, QUESTION_LIMIT, claim_key

OUT_OF_SCOPE = "NO_NODES_DETECTED"
TRAIN_SUFFIX, TEST_SUFFIX = "_train.csv", "_test.csv"
# An entry id is 3 to 64 characters of lowercase letters, digits and hyphens.
_ID_MIN, _ID_MAX = 3, 64
_NOT_IN_ID = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class PeerScore:
    """How one bot's test queries and own training sentences were answered."""

    covered: int
    right: int
    uncovered: int
    declined: int
    answered: int
    wrong: int
    own: int
    own_right: int

    def line(self, name: str) -> str:
        """The figures as `python -m bot bench --peer` prints them."""
        return (
            f"{name}: covered queries answered by their intent {_share(self.right, self.covered)}"
            f", uncovered declined {_share(self.declined, self.uncovered)}"
            f", wrong among answers {_share(self.wrong, self.answered)}"
            f", own training sentences answered by their intent {_share(self.own_right, self.own)}"
        )


def run(folder: Path, out: Callable[[str], None] = print) -> int:
    """Score every bot with both files in `folder`; 1 when there is none."""
    names = sorted(
        path.name.removesuffix(TRAIN_SUFFIX)
        for path in folder.glob(f"*{TRAIN_SUFFIX}")
        if (folder / path.name.replace(TRAIN_SUFFIX, TEST_SUFFIX)).is_file()
    )
    if not names:
        out(f"no <bot>{TRAIN_SUFFIX} with its <bot>{TEST_SUFFIX} in {folder}")
        return 1
    for name in names:
        knowledge = intent_knowledge(name, read_rows(folder / f"{name}{TRAIN_SUFFIX}"))
        test = read_rows(folder / f"{name}{TEST_SUFFIX}")
        out(scored(knowledge, test).line(name))
    return 0


def read_rows(path: Path) -> list[tuple[str, str]]:
    """The (sentence, label) rows of a HINT3 file, whitespace runs made one space."""
    with path.open(encoding="utf-8", newline="") as file:
        return [(" ".join(row["sentence"].split()), row["label"]) for row in csv.DictReader(file)]


def intent_knowledge(name: str, rows: Iterable[tuple[str, str]]) -> Knowledge:
    """One entry per intent, in the order the intents first appear (see the module's doc)."""
    by_intent: dict[str, list[str]] = {}
    claimed: set[str] = set()
    for sentence, label in rows:
        key = claim_key(sentence)
        if key and key not in claimed and len(sentence) <= PHRASING_LIMIT:
            claimed.add(key)
            by_intent.setdefault(label, []).append(sentence)
    source = Source(
        id=entry_id(f"{name}-answers"),
        title=f"{name} answers",
        outlet=name,
        published="2020-08",
        language="en",
        added="2020-08-01",
        text="".join(f"{_statement(label)}\n" for label in by_intent),
    )
    entries = (_entry(label, texts, source) for label, texts in by_intent.items())
    found = {entry.id: entry for entry in entries if entry is not None}
    return Knowledge(entries=found, sources={source.id: source})


def entry_id(label: str) -> str:
    """The entry id of an intent's label ("CANCEL_ORDER" is cancel-order)."""
    slug = _NOT_IN_ID.sub("-", label.lower()).strip("-")[:_ID_MAX]
    return slug if len(slug) >= _ID_MIN else f"{slug}-intent"


def scored(knowledge: Knowledge, test: Iterable[tuple[str, str]]) -> PeerScore:
    """The test queries and the knowledge's own texts asked of the engine of `knowledge`."""
    engine = Engine(knowledge)
    covered = right = uncovered = declined = answered = wrong = 0
    for sentence, label in test:
        decision = engine.decide(sentence)
        reached = decision.entry.id if decision.entry is not None else None
        answered += reached is not None
        if label == OUT_OF_SCOPE:
            uncovered += 1
            declined += reached is None
            wrong += reached is not None
        else:
            covered += 1
            right += reached == entry_id(label)
            wrong += reached is not None and reached != entry_id(label)
    own = [(entry.id, text) for entry in knowledge.entries.values() for text in _texts(entry)]
    own_right = sum(_answers(engine, text, owner) for owner, text in own)
    return PeerScore(covered, right, uncovered, declined, answered, wrong, len(own), own_right)


def _entry(label: str, texts: list[str], source: Source) -> Entry | None:
    question = next((text for text in texts if len(text) <= QUESTION_LIMIT), None)
    if question is None:
        return None
    statement = _statement(label)
    return Entry(
        id=entry_id(label),
        question=question,
        answer=statement,
        topic=source.outlet,
        phrasings=tuple(text for text in texts if text != question)[:PHRASINGS_MAX],
        citations=(Citation(source_id=source.id, quote=statement, speaker=source.outlet),),
    )


def _statement(label: str) -> str:
    """The answer and quote of an intent: a sentence naming it, as its label does."""
    return f"Answer about {label.replace('_', ' ').lower()} for customers."


def _texts(entry: Entry) -> tuple[str, ...]:
    return (entry.question, *entry.phrasings)


def _answers(engine: Engine, text: str, entry_id_: str) -> bool:
    decision = engine.decide(text)
    return decision.entry is not None and decision.entry.id == entry_id_


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / max(whole, 1):.1f} %"
