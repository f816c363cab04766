"""The text of `/kb` replies, kept within Discord's limits.

Plain functions from store results to strings, so what a moderator reads can be checked
without Discord, and no reply is ever refused by Discord for being too long.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.knowledge.history import Action, Change
from bot.knowledge.model import Knowledge, Source
from bot.knowledge.problems import Problem
from bot.knowledge.store import Applied
from bot.strings import Check, Kb

MESSAGE_LIMIT = 2000
DESCRIPTION_LIMIT = 4096
CODE_FENCE = "```"

_ANNOUNCEMENTS = {
    Action.ADD: Kb.ANNOUNCE_ADD,
    Action.EDIT: Kb.ANNOUNCE_EDIT,
    Action.PHRASE_ADD: Kb.ANNOUNCE_PHRASE_ADD,
    Action.PHRASE_REMOVE: Kb.ANNOUNCE_PHRASE_REMOVE,
    Action.REMOVE: Kb.ANNOUNCE_REMOVE,
    Action.SOURCE_ADD: Kb.ANNOUNCE_SOURCE_ADD,
}


def lines_within(header: str, lines: Iterable[str], limit: int = MESSAGE_LIMIT) -> str:
    """`header` and as many whole lines as fit in `limit`, saying how many were left out."""
    lines = list(lines)
    text = header
    for index, line in enumerate(lines):
        candidate = f"{text}\n{line}" if text else line
        rest = len(lines) - index - 1
        reserve = len("\n" + Kb.TRUNCATED.format(more=rest)) if rest else 0
        if len(candidate) + reserve > limit:
            return f"{text}\n" + Kb.TRUNCATED.format(more=len(lines) - index)
        text = candidate
    return text


def problems_text(header: str, problems: Sequence[Problem], footer: str = "") -> str:
    """A refusal or check report: one `file:line: field: message` line per problem."""
    limit = MESSAGE_LIMIT - (len(footer) + 1 if footer else 0)
    text = lines_within(header, (f"- {_problem_line(p)}" for p in problems), limit)
    return f"{text}\n{footer}" if footer else text


def warned(text: str, problems: int) -> str:
    """`text` under a warning that the files on disk are broken, when they are.

    Every `/kb` reply carries it while the problems last, so moderators learn of them even
    with no log channel. The text is cut at a line, with a visible mark, to make room.
    """
    if not problems:
        return text
    warning = Kb.BROKEN_WARNING.format(count=problems)
    room = MESSAGE_LIMIT - len(warning) - 1
    if len(text) > room:
        cut = text.rfind("\n", 0, room)
        text = text[: cut if cut > 0 else room - 1] + "\n…"
    return f"{warning}\n{text}"


def _problem_line(problem: Problem) -> str:
    return str(problem) if problem.file else problem.message


def code_block(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """`text` in a YAML code block, cut to fit `limit` with a visible mark."""
    room = limit - len(CODE_FENCE) * 2 - len("yaml\n\n") - 1
    body = text if len(text) <= room else text[: room - 1] + "…"
    return f"{CODE_FENCE}yaml\n{body}\n{CODE_FENCE}"


def history_text(changes: Sequence[Change]) -> str:
    """The history, one line per change, newest first."""
    if not changes:
        return Kb.HISTORY_EMPTY
    return lines_within(f"**{Kb.HISTORY_TITLE}**", (_history_line(c) for c in changes))


def _history_line(change: Change) -> str:
    undone = Kb.HISTORY_UNDONE.format(undo_id=change.undone_by) if change.undone_by else ""
    detail = f" · {_one_line(change.detail)}" if change.detail else ""
    return Kb.HISTORY_LINE.format(
        id=change.id,
        at=change.at.replace("T", " ").removesuffix("+00:00") + " UTC",
        actor=change.actor.name,
        action=change.action,
        item_id=change.item_id,
        detail=detail,
        undone=undone,
    )


def sources_text(sources: Sequence[Source], knowledge: Knowledge) -> str:
    """The stored sources, newest first, with how many entries cite each."""
    if not sources:
        return Kb.SOURCES_EMPTY
    cited = {
        source.id: sum(
            any(c.source_id == source.id for c in e.citations) for e in knowledge.entries.values()
        )
        for source in sources
    }
    lines = (
        Kb.SOURCE_LINE.format(
            id=s.id, title=s.title, outlet=s.outlet, published=s.published, cited=cited[s.id]
        )
        for s in sources
    )
    return lines_within(f"**{Kb.SOURCES_TITLE}**", lines)


def announcement(actor: str, action: Action, applied: Applied, undone: int | None = None) -> str:
    """The log channel's line for one change."""
    if action is Action.UNDO:
        what = Kb.ANNOUNCE_UNDO.format(
            undone=undone, item_id=applied.item_id, change_id=applied.change_id
        )
    else:
        what = _ANNOUNCEMENTS[action].format(item_id=applied.item_id, change_id=applied.change_id)
    return Kb.ANNOUNCE.format(actor=actor, what=what)


def knowledge_summary(knowledge: Knowledge) -> str:
    """How much knowledge there is ("54 entries, 1 source"), in the checker's words."""
    return f"{_count(Check.ENTRIES, len(knowledge.entries))}, " + _count(
        Check.SOURCES, len(knowledge.sources)
    )


def _count(forms: tuple[str, str], count: int) -> str:
    return (forms[0] if count == 1 else forms[1]).format(count=count)


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
