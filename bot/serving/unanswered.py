"""What members asked that the knowledge did not serve, grouped so moderators act once per gap.

Questions the bot abstained on, answers marked "Not what I asked" and answers shown as only
the closest covered question come from the question record. Twenty members asking the same
thing in twenty ways is one gap, so questions are grouped by similarity of their content
words (folded and alias-resolved by the engine's own normaliser, so "secretary-general" and
"Secretary General" meet), each group with its count, a few example wordings and when it
was last asked.

A question the served engine now answers confidently is no longer a gap, so it is not
listed: whether a moderator added it as a phrasing or an entry from this list, by `/kb add`
or by hand. That is asked of the engine each time the list is made, not remembered, so
once such a change is undone and the bot again does not answer, the question is listed
again. A group a moderator dismissed is recorded in the `dismissed` table, and questions
like it are not shown again, whatever the engine answers.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.engine.index import content_words
from bot.engine.lexicon import Lexicon
from bot.knowledge.history import Actor
from bot.ops import database
from bot.serving.record import RecordedQuestion, stamp, unanswered_questions

# Two questions belong together when their content words score at least this (0-100,
# rapidfuzz token_set_ratio): "When will <country> join the <body>?" and "<country> <body>
# membership when" do (78); "Who leads <body>?" and "Who is <body> secretary general?" do not (57).
SIMILAR = 75.0
# Below this many content words, set similarity calls any question containing the word
# "word" equal to "word?", so short questions must match almost exactly.
SHORT = 2
SHORT_SIMILAR = 90.0
# Set similarity scores 100 whenever one question's words all stand in the other, so
# "<country> <body>" would swallow "Does <country> pay into the <body> budget every year?"
# and a dismissal of the short one would hide the long one. A question with more than half
# again as many content words asks something more: "when will <country> join <body>" (3)
# and "<country> <body> membership finally" (4) still group; 2 against 4 or more do not.
LEAST_SHARE_OF_WORDS = 2 / 3
EXAMPLES = 3
# The `reason` of a moderator's dismissal. Files written before the list asked the engine
# also hold rows with the reasons "phrasing" and "entry", from groups added as a phrasing
# or an entry: those are not read, so a group whose change was undone since comes back.
DISMISSED = "dismissed"
# `/kb unanswered` groups at most this many of the most recent questions not served (nor
# dismissed, nor answered now), so its reply stays quick however long the record grows.
READ_LIMIT = 2000
# Finding them decides each distinct wording once (0.5-1 ms each) and reads rows that
# cost microseconds: a record full of wordings dismissed or answered since stops the search
# at this many decisions (about a second) or this many rows, however few of the window it
# filled.
JUDGED_LIMIT = READ_LIMIT // 2
SCAN_LIMIT = 50 * READ_LIMIT
# A moderator waits at most this long for another program's lock on the file before being
# told the record cannot be read (reads never wait for the bot's own writes: WAL).
BUSY_SECONDS = 5.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dismissed (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    words TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    actor_id INTEGER NOT NULL,
    actor_name TEXT NOT NULL,
    guild_id INTEGER
);
"""


class Unserved(StrEnum):
    """Why a question counts as not served."""

    UNANSWERED = "unanswered"
    MISS = "miss"
    TENTATIVE = "tentative"


@dataclass(frozen=True)
class Asked:
    """One question not served; `entry_id` is the entry a miss or a tentative answer gave."""

    text: str
    when: datetime
    kind: Unserved
    entry_id: str | None = None


@dataclass(frozen=True)
class QuestionGroup:
    """Questions that ask the same thing, newest first.

    `id` is stable while the group's newest question stays the same, short enough for a
    button's custom id. `answered_with` lists the entries members said did not answer them;
    `closest_with` the entries that answered them as only the closest covered question.
    """

    id: str
    count: int
    misses: int
    examples: tuple[str, ...]
    last_asked: datetime
    answered_with: tuple[str, ...]
    members: tuple[Asked, ...] = field(repr=False)
    tentative: int = 0
    closest_with: tuple[str, ...] = ()


def from_record(questions: Iterable[RecordedQuestion]) -> Iterator[Asked]:
    """The record's unanswered, missed and tentatively answered questions as `Asked` values."""
    for q in questions:
        yield Asked(text=q.question, when=q.asked_at, kind=_unserved(q), entry_id=q.entry_id)


def _unserved(question: RecordedQuestion) -> Unserved:
    if question.missed:
        return Unserved.MISS
    return Unserved.TENTATIVE if question.tentative else Unserved.UNANSWERED


def words_of(text: str, lexicon: Lexicon) -> str:
    """The form questions are compared in: content words, folded, in order."""
    return " ".join(content_words(lexicon, text))


def first_similar(words: str, keys: list[str]) -> int | None:
    """The position of the first of `keys` similar to `words` (None: none is).

    Set similarity bounds every test `similar` makes from above (the exact and the short
    ones included), so rapidfuzz's compiled loop picks the few candidates worth testing:
    with thousands of keys, testing each in Python took tens of seconds.
    """
    candidates = process.extract(
        words, keys, scorer=fuzz.token_set_ratio, score_cutoff=SIMILAR, limit=None
    )
    matching = [index for key, _, index in candidates if similar(words, key)]
    return min(matching, default=None)


def similar(a: str, b: str) -> bool:
    """Whether two questions (in `words_of` form) ask the same thing."""
    if a == b:
        return True
    fewer, more = sorted((len(a.split()), len(b.split())))
    if fewer < SHORT:
        return fuzz.token_sort_ratio(a, b) >= SHORT_SIMILAR
    if fewer < LEAST_SHARE_OF_WORDS * more:
        return False
    return fuzz.token_set_ratio(a, b) >= SIMILAR


def group_questions(asked: Iterable[Asked], lexicon: Lexicon) -> list[QuestionGroup]:
    """Group the questions, most asked first (then most recent).

    Each question joins the first group whose newest question it is similar to, so a group
    never drifts far from the wording it is shown with.
    """
    keys: list[str] = []
    members_of: list[list[Asked]] = []
    home_of: dict[str, int] = {}
    for item in sorted(asked, key=lambda a: a.when, reverse=True):
        words = words_of(item.text, lexicon)
        if not words:
            continue
        if words not in home_of:
            found = first_similar(words, keys)
            if found is None:
                keys.append(words)
                members_of.append([])
                found = len(keys) - 1
            home_of[words] = found
        members_of[home_of[words]].append(item)
    clusters = zip(keys, members_of, strict=True)
    groups = [_group(key, members, lexicon) for key, members in clusters]
    return sorted(groups, key=lambda g: (g.count, g.last_asked), reverse=True)


def served_now(engine: Engine, item: Asked) -> bool:
    """Whether `engine` answers the question confidently, and not with the answer refused.

    A miss is served only by another entry than the one the member said did not answer
    them: that entry answering it again, even by its own words, is what they refused, so
    it stays listed until a moderator moves it or dismisses it.
    """
    decision = engine.decide(item.text)
    entry = decision.entry
    if not decision.answered or entry is None or decision.any_tentative:
        return False
    return item.kind is not Unserved.MISS or entry.id != item.entry_id


def still_unserved(
    asked: Iterable[Asked],
    engine: Engine,
    dismissed: Iterable[str],
    judged: int = JUDGED_LIMIT,
) -> Iterator[Asked]:
    """The questions neither like a dismissed one nor served by `engine` now, in order.

    Each wording is judged once: a question asked a thousand times costs one decision.
    It stops after judging `judged` wordings: a record full of questions dismissed or
    answered since cannot stall the list.
    """
    gone = sorted(set(dismissed))
    verdicts: dict[tuple[str, Unserved, str | None], bool] = {}
    for item in asked:
        key = (item.text, item.kind, item.entry_id)
        if key not in verdicts:
            if len(verdicts) == judged:
                return
            words = words_of(item.text, engine.lexicon)
            verdicts[key] = first_similar(words, gone) is None and not served_now(engine, item)
        if verdicts[key]:
            yield item


def _group(key: str, members: list[Asked], lexicon: Lexicon) -> QuestionGroup:
    examples: dict[str, str] = {}
    for item in members:
        examples.setdefault(words_of(item.text, lexicon), " ".join(item.text.split()))
    misses = [m for m in members if m.kind is Unserved.MISS]
    tentative = [m for m in members if m.kind is Unserved.TENTATIVE]
    return QuestionGroup(
        id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:12],
        count=len(members),
        misses=len(misses),
        examples=tuple(examples.values())[:EXAMPLES],
        last_asked=members[0].when,
        answered_with=_entries_of(misses),
        members=tuple(members),
        tentative=len(tentative),
        closest_with=_entries_of(tentative),
    )


def _entries_of(members: list[Asked]) -> tuple[str, ...]:
    """The entries that answered these questions, each once, in order."""
    return tuple(dict.fromkeys(m.entry_id for m in members if m.entry_id))


def closest_entries(engine: Engine, group: QuestionGroup, limit: int) -> list[tuple[str, str]]:
    """The entries a group's wording most likely belongs to, as (question, id) pairs.

    The engine's suggestions first, then the entries that missed it or answered it as only
    the closest covered question, then partial matches,
    then the rest alphabetically: a menu holds only `limit`, so the likely ones must lead.
    """
    question = group.examples[0]
    closest = [s.entry_id for s in engine.decide(question).suggestions]
    closest += [*group.answered_with, *group.closest_with]
    closest += [s.entry_id for s in engine.complete(question, limit)]
    closest += sorted(engine.knowledge.entries)
    entries = engine.knowledge.entries
    return [
        (entries[entry_id].question, entry_id)
        for entry_id in dict.fromkeys(closest)
        if entry_id in entries
    ][:limit]


class UnansweredQuestions:
    """Groups of one guild's not-served questions, minus those dismissed or answered now.

    Methods block on SQLite and on the engine; call them through `asyncio.to_thread` from
    async code. They raise `sqlite3.Error` when the file cannot be used: the caller tells
    the moderator.
    """

    def __init__(self, database_path: Path, engine: Callable[[], Engine]) -> None:
        """`engine` gives the engine being served: an edit or a reload replaces it."""
        self._path = database_path
        self._engine = engine

    def recent_groups(self, guild_id: int | None, read: int = READ_LIMIT) -> list[QuestionGroup]:
        """Every group of the guild's `read` most recent questions not served, largest first.

        All of them, so a caller showing the first few can say how many more there are.
        Dismissed questions and those answered now are left out before the `read` are
        counted, so a dismissed question asked thousands of times hides none older. Reads
        the question record through a connection of its own, so it can run in a worker
        thread while the bot goes on answering.
        """
        engine = self._engine()
        dismissed = self.dismissed_words(guild_id)
        with self._session() as connection:
            recorded = unanswered_questions(connection, guild_id, limit=SCAN_LIMIT)
            unserved = still_unserved(from_record(recorded), engine, dismissed)
            newest = list(itertools.islice(unserved, read))
        return group_questions(newest, engine.lexicon)

    def dismiss(self, group: QuestionGroup, actor: Actor, guild_id: int | None) -> None:
        """Record that `actor` dismissed `group` in a guild.

        It and questions like it stay hidden there; another guild's moderators decide
        about their own.
        """
        lexicon = self._engine().lexicon
        # Each question's words are kept as long as the question itself: stamped with when
        # it was asked (its newest asking), they are pruned with it (`QuestionRecord.prune`).
        last_asked: dict[str, datetime] = {}
        for member in group.members:
            words = words_of(member.text, lexicon)
            if words:
                last_asked[words] = max(member.when, last_asked.get(words, member.when))
        with self._session() as connection:
            connection.executemany(
                "INSERT INTO dismissed (words, reason, at, actor_id, actor_name, guild_id)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (words, DISMISSED, stamp(at), actor.id, actor.name, guild_id)
                    for words, at in sorted(last_asked.items())
                ],
            )

    def dismissed_words(self, guild_id: int | None) -> list[str]:
        """Every question dismissed in the guild, in `words_of` form.

        Rows from before dismissals were kept per guild (no guild) count everywhere.
        """
        with self._session() as connection:
            rows = connection.execute(
                "SELECT DISTINCT words FROM dismissed"
                " WHERE reason = ? AND (guild_id IS ? OR guild_id IS NULL)",
                (DISMISSED, guild_id),
            )
            return [row[0] for row in rows]

    @contextlib.contextmanager
    def _session(self) -> Iterator[sqlite3.Connection]:
        with database.session(self._path, BUSY_SECONDS, _SCHEMA) as connection:
            database.add_missing_columns(connection, "dismissed", {"guild_id": "INTEGER"})
            yield connection
