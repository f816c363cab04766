"""What the engine decided about one question: the one reply model every front end renders."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.model import Entry

# The engine reads a question whole up to the longest message Discord carries (2,000
# characters, 4,000 for members with a larger limit); the rest is cut, and the reply says
# so. Re-exported by `bot.replies`, which shows the limit.
MAX_QUESTION_CHARS = 4000


@dataclass(frozen=True)
class SourcedQuote:
    """A citation resolved against its source, ready to show."""

    quote: str
    speaker: str
    outlet: str
    title: str
    published: str
    url: str | None


@dataclass(frozen=True)
class Suggestion:
    """A covered question offered when the engine does not answer, or as a related one."""

    entry_id: str
    question: str


@dataclass(frozen=True)
class Decision:
    """The engine's verdict on one question.

    `answered` is true only when the engine is confident the entry answers the question; then
    `entry`, `quotes` and `as_of` are set, and `suggestions` holds the covered questions that
    came within a close call of it (usually none). Otherwise `suggestions` holds up to three
    covered questions closest to what was asked. `question` is the text the engine actually read
    (cleaned and, when `trimmed`, cut to the length limit). When the message asked several
    things and every one was answered, `also` holds the answers beyond this one.

    `tentative` marks an answer the entry accounts for less well than most of the
    knowledge's own phrasings are accounted for when held out, or with another entry within
    a close call (`TENTATIVE_MARGIN`): it is shown as the closest covered question, since a
    near question on a detail the entry does not give scores like this, and a member must
    not read it as a confident answer.

    `nearby`, when nothing was answered, says the best entry accounts for the question's
    words but not for what it asks (a date, a number, someone's words, that very
    proposition): the briefing covers something close to it, not that. An off-topic
    question is never nearby.

    `unread` counts the questions of a message asking more than the engine takes at once
    that were not read: the reply asks for them again.
    """

    question: str
    answered: bool
    score: float
    entry: Entry | None = None
    quotes: tuple[SourcedQuote, ...] = ()
    as_of: str = ""
    suggestions: tuple[Suggestion, ...] = ()
    trimmed: bool = False
    also: tuple[Decision, ...] = ()
    tentative: bool = False
    nearby: bool = False
    unread: int = 0

    @property
    def any_tentative(self) -> bool:
        """Whether this answer, or the answer to another question of the message, is tentative."""
        return self.tentative or any(part.tentative for part in self.also)
