"""`/kb` replies: their text, and the reply model they are sent as, within Discord's limits.

Plain functions from store results to strings, so what a moderator reads can be checked
without Discord, and no reply is ever refused by Discord for being too long. `kb_reply`
makes a moderator's reply the same model as a member's (`DiscordReply`, bot/replies.py),
which the one `Responder` sends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from discord.utils import escape_markdown

from bot.discord_format import (
    DESCRIPTION_LIMIT,
    MESSAGE_LIMIT,
    TITLE_LIMIT,
    clip,
    one_line,
    plural,
    shorten_middle,
)
from bot.engine.held_out import Unwritten, UnwrittenEntry, unwritten_summary
from bot.knowledge.guide import SourceGuide
from bot.knowledge.history import Action, Change, HistoryPage
from bot.knowledge.loader import LoadResult
from bot.knowledge.model import Knowledge, Source, Vocabulary
from bot.knowledge.problems import FieldPath, Problem, field_name
from bot.knowledge.store import Applied, Conflict
from bot.replies import DiscordFile, DiscordReply
from bot.serving.unanswered import QuestionGroup
from bot.strings import Check, Kb, Moderation

_LINK = re.compile(r"https?://[^\s<>]+")

CODE_FENCE = "```"

_NAME_WORD = re.compile(r"[A-Za-z0-9]+")
# A page of guided coverage: at most 15 sentences (a button each), each cut so the page
# fits one message.
SENTENCE_SHOWN = 65
SPEAKER_SHOWN = 25
# A way of asking shown by `/kb held-out`: phrasings are at most 200 characters, and a
# line per text of the entries listed first should fit one message.
TEXT_SHOWN = 90
NAME_LIMIT = 64
# A line of `/kb history`, shortened in its middle beyond this, so a page of changes
# (`bot.discord.kb.history.HISTORY_LIMIT`) fits one message whole.
HISTORY_LINE_SHOWN = 130
# Within it, the moderator's display name takes at most this much, and what a change
# says of itself (a phrasing, a question) is shown when this much room is left: the
# number, date, action and the id the change is about are cut only when an id near its
# 64-character limit leaves no room.
HISTORY_ACTOR_SHOWN = 16
HISTORY_DETAIL_LEAST = 12

_DONE = {
    Action.ADD: Kb.ADDED,
    Action.EDIT: Kb.EDITED,
    Action.PHRASE_ADD: Kb.PHRASE_ADDED,
    Action.PHRASE_REMOVE: Kb.PHRASE_REMOVED,
    Action.REMOVE: Kb.REMOVED,
    Action.SOURCE_ADD: Kb.SOURCE_ADDED,
    Action.VOCAB_ADD: Kb.VOCAB_ADDED,
    Action.VOCAB_REMOVE: Kb.VOCAB_REMOVED,
}

_ANNOUNCEMENTS = {
    Action.ADD: Kb.ANNOUNCE_ADD,
    Action.EDIT: Kb.ANNOUNCE_EDIT,
    Action.PHRASE_ADD: Kb.ANNOUNCE_PHRASE_ADD,
    Action.PHRASE_REMOVE: Kb.ANNOUNCE_PHRASE_REMOVE,
    Action.REMOVE: Kb.ANNOUNCE_REMOVE,
    Action.SOURCE_ADD: Kb.ANNOUNCE_SOURCE_ADD,
    Action.VOCAB_ADD: Kb.ANNOUNCE_VOCAB_ADD,
    Action.VOCAB_REMOVE: Kb.ANNOUNCE_VOCAB_REMOVE,
}

_CONFLICTS = {Action.ADD: Kb.CONFLICT_TAKEN, Action.REMOVE: Kb.CONFLICT_REMOVED}

# A line shortened to fit a message keeps at least this many characters, else the text
# stops before it with "… (n more)".
SHORTEST_LINE = 80
# How much of a member's wording a list of unanswered questions shows: its beginning and
# end, where a long message usually asks.
WORDING = 200
OTHER_WORDING = 100


def kb_reply(
    text: str,
    problems: int = 0,
    embed: dict[str, Any] | None = None,
    files: Sequence[DiscordFile] = (),
) -> DiscordReply:
    """A moderator's reply: private, under the broken-files warning while `problems` last.

    Links keep their previews, as in any message a moderator reads; the text is cut to a
    message's limit here, once, whatever built it.
    """
    content = clip(warned(text, problems), MESSAGE_LIMIT)
    return DiscordReply(
        content=content, embed=embed, files=tuple(files), ephemeral=True, link_previews=True
    )


def conflict_reply(
    conflict: Conflict, action: Action, problems: int = 0, files: Sequence[DiscordFile] = ()
) -> DiscordReply:
    """Why a write was not saved, with the item's current text when it still exists."""
    shown = current_text(conflict)
    embed = None if shown is None else {"title": shown[0], "description": shown[1]}
    return kb_reply(conflict_text(conflict, action), problems, embed, files)


def text_file(item_id: str, text: str) -> DiscordFile:
    """A moderator's unsaved text as a file to download (a typed id made safe in its name)."""
    return DiscordFile(yours_file_name(item_id), text.encode("utf-8"))


def lines_within(
    header: str,
    lines: Iterable[str],
    limit: int = MESSAGE_LIMIT,
    left_out: int = 0,
    more: str = Kb.TRUNCATED,
) -> str:
    """`header` and as many lines as fit in `limit`, saying how many were left out.

    A line too long for the room left is shortened in its middle (`shorten_middle`) to its
    share of that room, the lines after it keeping theirs, so one long line never hides
    the others, nor a long refusal its reason; only when a share would be too short to
    read does the text stop there.

    `left_out` counts the lines of a listing capped before it came here: the last line
    (`more`, with the count) tells of them and of any cut here together, so the number a
    moderator reads is everything not shown.
    """
    lines = list(lines)
    text = header
    for index, line in enumerate(lines):
        rest = len(lines) - index - 1 + left_out
        reserve = len("\n" + more.format(more=rest)) if rest else 0
        room = limit - len(text) - (1 if text else 0) - reserve
        if len(line) > room:
            share = room // (len(lines) - index)
            if share < SHORTEST_LINE:
                return f"{text}\n" + more.format(more=len(lines) - index + left_out)
            line = shorten_middle(line, share)
        text = f"{text}\n{line}" if text else line
    return f"{text}\n{more.format(more=left_out)}" if left_out else text


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


def history_text(page: HistoryPage, knowledge: Knowledge) -> str:
    """A page of the history, one line per change, newest first.

    Above the lines, how many older changes the page leaves out and the command showing
    them, so no change is ever out of reach and the count is never cut off.
    """
    if not page.changes:
        return _no_history_text(page, knowledge)
    header = f"**{Kb.HISTORY_TITLE}**"
    if page.older:
        oldest = page.changes[-1].id
        command = (
            Kb.HISTORY_COMMAND.format(before=oldest)
            if page.item_id is None
            else Kb.HISTORY_ENTRY_COMMAND.format(item_id=page.item_id, before=oldest)
        )
        older = plural(Kb.OLDER_CHANGES, page.older)
        header += "\n" + Kb.HISTORY_OLDER.format(older=older, command=command)
    return lines_within(header, map(_history_line, page.changes))


def _no_history_text(page: HistoryPage, knowledge: Knowledge) -> str:
    """Why a page of history is empty: nothing recorded, nothing older, or no such item."""
    item_id, before = page.item_id, page.before
    if item_id is None:
        if before is None:
            return Kb.HISTORY_EMPTY
        return Kb.HISTORY_NONE_BEFORE.format(before=before)
    if before is not None:
        # A page before a change: the moderator came from a listing of it (an entry
        # removed since is no item of the knowledge, but its changes were listed).
        return Kb.HISTORY_NONE_FOR_BEFORE.format(item_id=item_id, before=before)
    if not _is_item(knowledge, item_id):
        return Kb.HISTORY_UNKNOWN.format(item_id=item_id)
    return Kb.HISTORY_NONE_FOR.format(item_id=item_id)


def _is_item(knowledge: Knowledge, item_id: str) -> bool:
    """Whether `item_id` names an entry, a source or a vocabulary file, as history does."""
    vocabulary = {f"vocabulary/{name}.yaml" for name in knowledge.vocabulary}
    return item_id in knowledge.entries or item_id in knowledge.sources or item_id in vocabulary


def _history_line(change: Change) -> str:
    """A change on one line of about `HISTORY_LINE_SHOWN` characters.

    Only the moderator's name and the change's detail are shortened, never the id it is
    about: a line without it does not say what the change or its undo touched.
    """
    fields = {
        "id": change.id,
        "at": change.at.replace("T", " ").removesuffix("+00:00") + " UTC",
        "actor": one_line(change.actor.name, HISTORY_ACTOR_SHOWN),
        "action": change.action,
        "item_id": change.item_id,
        "undone": Kb.HISTORY_UNDONE.format(undo_id=change.undone_by) if change.undone_by else "",
    }
    bare = Kb.HISTORY_LINE.format(**fields, detail="")
    room = HISTORY_LINE_SHOWN - len(bare) - len(" · ")
    if not change.detail or room < HISTORY_DETAIL_LEAST:
        # An id near its 64-character limit leaves no room: the line is cut in the middle.
        return shorten_middle(bare, HISTORY_LINE_SHOWN)
    detail = shorten_middle(" ".join(change.detail.split()), room)
    return Kb.HISTORY_LINE.format(**fields, detail=f" · {detail}")


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


def coverage_text(guide: SourceGuide) -> str:
    """A source's share of cited sentences and its uncited ones, numbered like their buttons."""
    title = Kb.COVERAGE_TITLE.format(
        source_id=guide.source.id, cited=guide.cited, total=guide.total
    )
    if not guide.uncited:
        return f"**{title}**\n{Kb.COVERAGE_ALL_CITED}"
    lines = [
        Kb.COVERAGE_LINE.format(
            number=number,
            sentence=one_line(suggestion.sentence.text, SENTENCE_SHOWN),
            speaker=one_line(suggestion.speaker, SPEAKER_SHOWN),
        )
        for number, suggestion in enumerate(guide.suggestions, 1)
    ]
    more = guide.uncited - len(guide.suggestions)
    footer = f"\n{Kb.COVERAGE_MORE.format(more=more)}" if more else ""
    header = f"**{title}**\n{Kb.COVERAGE_HINT}"
    return lines_within(header, lines, MESSAGE_LIMIT - len(footer)) + footer


def coverage_summary_text(guides: Sequence[SourceGuide]) -> str:
    """Every source's share of cited sentences."""
    if not guides:
        return Kb.SOURCES_EMPTY
    lines = (
        Kb.COVERAGE_SOURCE_LINE.format(source_id=g.source.id, cited=g.cited, total=g.total)
        for g in guides
    )
    return lines_within(f"**{Kb.COVERAGE_SUMMARY}**", lines)


def held_out_text(found: list[Unwritten], entries: Sequence[UnwrittenEntry]) -> str:
    """`/kb held-out`: the share of texts reaching their entry when left out, and more.

    Then each entry's texts that do not (`entries`, fewest reached first), as many as fit.
    """
    title = Kb.HELD_OUT_TITLE.format(**unwritten_summary(found))
    if not entries:
        return f"**{title}**\n{Kb.HELD_OUT_ALL}"
    lines = []
    for entry in entries:
        lines.append(
            Kb.HELD_OUT_ENTRY_LINE.format(
                entry_id=entry.entry_id, reached=entry.reached, asked=entry.asked
            )
        )
        lines += map(_held_out_line, entry.missed)
    return lines_within(f"**{title}**\n{Kb.HELD_OUT_HINT}", lines)


def _held_out_line(case: Unwritten) -> str:
    text = one_line(case.text, TEXT_SHOWN)
    if case.reached is None:
        line = Kb.HELD_OUT_NONE_LINE.format(text=text, why=Check.WHY_NOT_ANSWERED[case.why])
    else:
        line = Kb.HELD_OUT_OTHER_LINE.format(text=text, other=case.reached)
    if not case.unknown:
        return line
    return line + Kb.HELD_OUT_WORDS.format(words=", ".join(f"“{w}”" for w in case.unknown))


def vocabulary_text(knowledge: Knowledge, file: str | None, limit: int = MESSAGE_LIMIT) -> str:
    """The vocabulary files with what each holds, or the words of one file (within `limit`)."""
    if file is None:
        if not knowledge.vocabulary:
            return Kb.VOCAB_EMPTY
        lines = (
            Kb.VOCAB_FILE_LINE.format(file=name, counts=_vocabulary_counts(v))
            for name, v in sorted(knowledge.vocabulary.items())
        )
        return lines_within(f"**{Kb.VOCAB_TITLE}**", lines)
    vocabulary = knowledge.vocabulary.get(file)
    if vocabulary is None:
        return Kb.VOCAB_NO_FILE.format(file=file)
    return lines_within(f"**{Kb.VOCAB_TITLE}: `{file}`**", _vocabulary_lines(vocabulary), limit)


def vocabulary_file_listing(knowledge: Knowledge, file: str) -> DiscordFile | None:
    """Every word of one vocabulary file, a line each, when they do not fit one message.

    A message shows a file's fields cut in the middle; a moderator looking for the word to
    remove needs all of them.
    """
    vocabulary = knowledge.vocabulary.get(file)
    if vocabulary is None:
        return None
    whole = f"**{Kb.VOCAB_TITLE}: `{file}`**\n" + "\n".join(_vocabulary_lines(vocabulary))
    if len(whole) <= MESSAGE_LIMIT:
        return None
    lines = [f"{field}: {word}" for field, words in _vocabulary_words(vocabulary) for word in words]
    return DiscordFile(f"vocabulary-{file}.txt", ("\n".join(lines) + "\n").encode("utf-8"))


def _vocabulary_lines(vocabulary: Vocabulary) -> list[str]:
    return [
        Kb.VOCAB_WORDS_LINE.format(field=field, words=", ".join(words))
        for field, words in _vocabulary_words(vocabulary)
        if words
    ]


def _vocabulary_words(vocabulary: Vocabulary) -> list[tuple[str, list[str]]]:
    aliases = [f"{form} → {meaning}" for form, meaning in vocabulary.aliases.items()]
    stems = [f"{stem}- → {m}" for forms in vocabulary.forms for stem, m in forms.stems.items()]
    return [
        ("names", list(vocabulary.names)),
        ("people", list(vocabulary.people)),
        ("protagonists", list(vocabulary.protagonists)),
        ("topics", list(vocabulary.topics)),
        ("aliases", aliases),
        ("forms", stems),
    ]


def _vocabulary_counts(vocabulary: Vocabulary) -> str:
    counts = [
        Kb.VOCAB_COUNT.format(count=len(words), field=field)
        for field, words in _vocabulary_words(vocabulary)
        if words and field != "forms"
    ]
    stems = sum(len(forms.stems) for forms in vocabulary.forms)
    if stems:
        counts.append(Kb.VOCAB_FORMS.format(count=stems))
    return ", ".join(counts)


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
    return f"{plural(Check.ENTRIES, len(knowledge.entries))}, " + plural(
        Check.SOURCES, len(knowledge.sources)
    )


def done_text(
    action: Action,
    applied: Applied,
    text: str = "",
    warnings: Sequence[tuple[FieldPath, str]] = (),
) -> str:
    """What the moderator is told once a change is saved; `text` is the phrasing, if any.

    `warnings` are what is odd but was saved (quotation marks that do not pair up), each
    with its field and the fix, as the checker prints them.
    """
    done = _DONE[action].format(
        entry_id=applied.item_id,
        source_id=applied.item_id,
        item_id=applied.item_id,
        change_id=applied.change_id,
        text=" ".join(text.split()),
    )
    lines = (
        f"- {field_name(path)}: {Check.WARNING.format(message=message)}"
        for path, message in warnings
    )
    return lines_within(done, lines)


def undone_text(applied: Applied, undone: int | None) -> str:
    """What the moderator is told once a change is undone."""
    return Kb.UNDONE.format(undone=undone, change_id=applied.change_id)


def undo_conflict_text(conflict: Conflict) -> str:
    """Why an undo was refused: a later change, or an edit outside the bot, touched the file."""
    if conflict.undo_first is None:
        return Kb.UNDO_CHANGED_BY_HAND.format(item_id=conflict.item_id)
    return Kb.UNDO_CONFLICT.format(item_id=conflict.item_id, later=conflict.undo_first)


def cannot_open_text(entry_id: str, problems: Sequence[Problem]) -> str:
    """Why an entry's form can't open: the files on disk are broken."""
    header = Kb.CANNOT_OPEN.format(entry_id=entry_id, count=len(problems))
    return problems_text(header, problems)


def confirm_remove_text(entry_id: str, question: str) -> str:
    """The question asked before removing an entry."""
    return Kb.CONFIRM_REMOVE.format(entry_id=entry_id, question=question)


def conflict_text(conflict: Conflict, action: Action) -> str:
    """Why a write was not saved: the item changed, or went, since it was shown.

    A removal has no text to hand back, and a new entry's id was never opened by the
    moderator: someone else took it meanwhile.
    """
    if conflict.current_text is None:
        return Kb.CONFLICT_GONE.format(item_id=conflict.item_id)
    return _CONFLICTS.get(action, Kb.CONFLICT).format(item_id=conflict.item_id)


def current_text(conflict: Conflict) -> tuple[str, str] | None:
    """The title and body showing the item's current text, when it still exists."""
    if conflict.current_text is None:
        return None
    title = Kb.CURRENT_TEXT.format(item_id=conflict.item_id)
    return clip(title, TITLE_LIMIT), code_block(conflict.current_text)


def check_text(result: LoadResult, warnings: Sequence[Problem] = ()) -> str:
    """The report of `/kb check`: the problems, or that all is valid and any warnings."""
    return problems_text(*_check_report(result, warnings))


def check_file(result: LoadResult, warnings: Sequence[Problem] = ()) -> DiscordFile | None:
    """The whole report of `/kb check` as a file, when the message cannot hold every line.

    A bad merge may break dozens of files: the message lists what fits, the file all.
    """
    header, problems = _check_report(result, warnings)
    whole = "\n".join([header, *(f"- {_problem_line(p)}" for p in problems)])
    if whole == problems_text(header, problems):
        return None
    return DiscordFile(Kb.CHECK_FILE, f"{whole}\n".encode())


def _check_report(result: LoadResult, warnings: Sequence[Problem]) -> tuple[str, Sequence[Problem]]:
    if result.knowledge is None:
        return Kb.CHECK_PROBLEMS.format(count=len(result.problems)), result.problems
    return Kb.CHECK_OK.format(summary=knowledge_summary(result.knowledge)), warnings


def reload_texts(result: LoadResult, actor: str) -> tuple[str, str]:
    """The reply to `/kb reload`, and the log channel's line about it."""
    if result.knowledge is None:
        count = len(result.problems)
        reply = problems_text(Kb.RELOAD_KEPT.format(count=count), result.problems)
        what = Kb.ANNOUNCE_KEPT.format(count=count)
    else:
        summary = knowledge_summary(result.knowledge)
        reply = Kb.RELOADED.format(summary=summary)
        what = Kb.ANNOUNCE_RELOAD.format(summary=summary)
    return reply, Kb.ANNOUNCE.format(actor=actor, what=what)


def disk_text(result: LoadResult) -> str:
    """The log channel's line about knowledge the disk watch picked up, or kept out."""
    if result.knowledge is None:
        header = Kb.DISK_KEPT.format(count=len(result.problems))
        return problems_text(header, result.problems)
    return Kb.DISK_RELOADED.format(summary=knowledge_summary(result.knowledge))


def export_texts(knowledge: Knowledge, now: datetime) -> tuple[str, str]:
    """The reply to `/kb export`, and the zip's file name."""
    summary = knowledge_summary(knowledge)
    return Kb.EXPORTED.format(summary=summary), f"knowledge-{now:%Y-%m-%d-%H%M}.zip"


def unanswered_text(groups: Sequence[QuestionGroup], left_out: int = 0) -> str:
    """The groups of questions not served, numbered, most asked first.

    `left_out` counts the smaller groups not passed: the moderator is told how many more
    there are, and that they move up as the ones shown are dealt with.
    """
    if not groups:
        return Kb.UNANSWERED_EMPTY
    lines = (_group_line(number, group) for number, group in enumerate(groups, 1))
    title = f"**{Kb.UNANSWERED_TITLE}**"
    return lines_within(title, lines, left_out=left_out, more=Kb.UNANSWERED_MORE)


def recording_text(text: str, problem: str) -> str:
    """`text` under a warning that questions are not being recorded, when they are not."""
    if not problem:
        return text
    return lines_within(Kb.RECORD_FAILING.format(problem=problem), text.split("\n"))


def group_options(groups: Sequence[QuestionGroup]) -> list[tuple[str, str]]:
    """The (label, group id) options of the menu that picks a group."""
    return [
        (Kb.GROUP_OPTION.format(number=number, question=group.examples[0]), group.id)
        for number, group in enumerate(groups, 1)
    ]


def group_text(group: QuestionGroup) -> str:
    """One group: its newest wording, how often and when it was asked, and as what."""
    detail = Kb.GROUP_DETAIL.format(
        question=as_typed(shorten_middle(group.examples[0], WORDING)),
        count=group.count,
        last=_when(group.last_asked),
    )
    asked = [f"- {as_typed(example)}" for example in group.examples]
    return lines_within(detail, [Kb.GROUP_ASKED, *asked])


def dismissed_text(group: QuestionGroup) -> str:
    """What the moderator is told once a group is dismissed."""
    return Kb.DISMISSED.format(count=group.count)


def _group_line(number: int, group: QuestionGroup) -> str:
    others = ", ".join(
        f"“{as_typed(shorten_middle(e, OTHER_WORDING))}”" for e in group.examples[1:]
    )
    answers = ""
    if group.misses:
        entries = _entry_ids(group.answered_with)
        answers = Kb.UNANSWERED_MISSES.format(misses=group.misses, entries=entries)
    if group.tentative:
        entries = _entry_ids(group.closest_with)
        answers += Kb.UNANSWERED_TENTATIVE.format(tentative=group.tentative, entries=entries)
    return Kb.UNANSWERED_LINE.format(
        number=number,
        question=as_typed(shorten_middle(group.examples[0], WORDING)),
        count=group.count,
        last=_when(group.last_asked),
        misses=answers,
        also=Kb.UNANSWERED_ALSO.format(others=others) if others else "",
    )


def as_typed(text: str) -> str:
    """A member's words shown to moderators as typed: their markup escaped, links not unfurled.

    A stray backtick typed for an apostrophe ("the army`s budget") would otherwise open a
    code span swallowing the rest of the listing, and a member's link would unfurl in the
    moderator's reply.
    """
    return _LINK.sub(r"<\g<0>>", escape_markdown(text))


def _entry_ids(entry_ids: Sequence[str]) -> str:
    return ", ".join(f"`{entry_id}`" for entry_id in entry_ids)


def _when(moment: datetime) -> str:
    """A time Discord shows relative to the reader's clock ("3 hours ago")."""
    return f"<t:{int(moment.timestamp())}:R>"


def refused_text(problems: Sequence[Problem], retry: bool = False) -> str:
    """Why nothing was saved; with `retry`, how to reopen the form."""
    return problems_text(Kb.REFUSED, problems, footer=Kb.REFUSED_HINT if retry else "")


def no_entry_text(entry_id: str) -> str:
    """The reply when an entry asked for does not exist."""
    return Moderation.NO_ENTRY.format(entry_id=entry_id)


def too_long_text(entry_id: str) -> str:
    """The reply when an entry grown by hand does not fit Discord's form."""
    return Kb.TOO_LONG_FOR_FORM.format(entry_id=entry_id)


def yours_file_name(item_id: str) -> str:
    """The name of the file handing back a moderator's text (a typed id made safe)."""
    name = "-".join(_NAME_WORD.findall(item_id))[:NAME_LIMIT] or Kb.NEW_ENTRY_FILE
    return Kb.YOURS_FILE.format(item_id=name)


def topics_text(knowledge: Knowledge) -> str:
    """The topics in use, for the topic input's hint."""
    return "; ".join(sorted({entry.topic for entry in knowledge.entries.values()}))
