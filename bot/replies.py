"""One reply model, rendered for the terminal, for JSON, and for Discord.

The engine decides; this module only shows. Nothing about what to answer is decided here.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot import strings
from bot.discord_format import (
    BUTTON_LABEL_LIMIT,
    DESCRIPTION_LIMIT,
    EMBED_LIMIT,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_LIMIT,
    FOOTER_LIMIT,
    MESSAGE_LIMIT,
    OPTION_LIMIT,
    OPTIONS_PER_SELECT,
    ROWS_LIMIT,
    TITLE_LIMIT,
    ButtonId,
    literal,
    plural,
    shorten,
)
from bot.engine.compound import MAX_QUESTIONS
from bot.engine.decision import MAX_QUESTION_CHARS, Decision, SourcedQuote, Suggestion
from bot.engine.engine import QuestionReading
from bot.knowledge.guide import citing_counts
from bot.knowledge.model import Entry, Knowledge, Source

__all__ = [
    "MAX_QUESTION_CHARS",
    "DiscordButton",
    "DiscordFile",
    "DiscordOption",
    "DiscordReply",
    "DiscordSelect",
    "attribution",
    "human_date",
    "quotes_check",
    "render_about",
    "render_discord",
    "render_full_quotes",
    "render_notice",
    "render_sources",
    "render_sources_terminal",
    "render_terminal",
    "render_topics",
    "render_topics_terminal",
    "render_welcome",
    "render_welcome_terminal",
    "shorten",
    "to_json",
]


def human_date(iso: str) -> str:
    """Show "2025-12" as "December 2025" and "2025-12-28" as "28 December 2025"."""
    parts = iso.split("-")
    if len(parts) < 2 or not all(part.isdigit() for part in parts):
        return iso
    month = strings.Months.NAMES[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def attribution(quote: SourcedQuote) -> str:
    """Who said it, where, and when: the line under every quote.

    The outlet's own reporting names the outlet once, not as speaker and outlet both,
    however each is written (an acronym within the outlet's full name; a republished
    report's "Daily Digest, reporting Wire Agency" beside "Daily Digest (Wire Agency)").
    """
    date = human_date(quote.published)
    if _is_the_outlet(quote.speaker, quote.outlet):
        return strings.Reply.ATTRIBUTION_OUTLET.format(outlet=quote.outlet, date=date)
    return strings.Reply.ATTRIBUTION.format(speaker=quote.speaker, outlet=quote.outlet, date=date)


def _is_the_outlet(speaker: str, outlet: str) -> bool:
    """Whether `speaker` is the outlet itself: words of its name, or the same name.

    Whole words only: a speaker "AN" quoted by "Annals Daily" is not the outlet. A name is
    compared up to a comma or bracket: what follows says whose report it carries.
    """
    within = rf"(?<!\w){re.escape(speaker.casefold())}(?!\w)"
    if re.search(within, outlet.casefold()):
        return True
    return _name_head(speaker) == _name_head(outlet)


def _name_head(name: str) -> str:
    return re.split(r"[,(]", name, maxsplit=1)[0].strip().casefold()


def render_terminal(decision: Decision, related: Sequence[Suggestion] = ()) -> str:
    """The reply as plain text for a terminal, with the same content a member sees.

    Each answer starts with the covered question it answers, as Discord's title does, so
    a wrong match shows; `related` are listed under the answer, as Discord's buttons.
    """
    lines: list[str] = []
    if decision.trimmed:
        lines += [strings.Terminal.TRIMMED.format(limit=MAX_QUESTION_CHARS), ""]
    if decision.unread:
        lines += [_unread(decision), ""]
    if decision.answered and decision.entry is not None:
        parts = _answered_parts(decision)
        for number, part in enumerate(parts):
            # Each answer's own date: the answers of one message may rest on sources of
            # different days.
            lines += [
                *_terminal_answer(part),
                strings.Reply.AS_OF.format(date=human_date(part.as_of)),
            ]
            lines += [""] if number < len(parts) - 1 else []
        if decision.suggestions:
            lines += ["", strings.Reply.ALSO_CLOSE]
            lines += [f"  • {s.question}" for s in decision.suggestions]
        shown = {
            *(p.entry.id for p in parts if p.entry),
            *(s.entry_id for s in decision.suggestions),
        }
        others = [s for s in related if s.entry_id not in shown]
        if others:
            lines += ["", strings.Reply.RELATED]
            lines += [f"  • {s.question}" for s in others]
    else:
        lines.append(_not_covered(decision))
        if decision.suggestions:
            lines.append(strings.Reply.CLOSEST)
            lines += [f"  • {s.question}" for s in decision.suggestions]
        else:
            lines.append(strings.Reply.NO_SUGGESTIONS_TERMINAL)
    return "\n".join(lines)


def _unread(decision: Decision) -> str:
    """The questions of a message beyond those the engine reads at once, to ask again."""
    asked = MAX_QUESTIONS + decision.unread
    return strings.Reply.UNREAD.format(asked=asked, limit=MAX_QUESTIONS)


def _not_covered(decision: Decision) -> str:
    """How an abstention opens: close to something covered (`Decision.nearby`), or not."""
    return strings.Reply.NOT_EXACTLY_COVERED if decision.nearby else strings.Reply.NOT_COVERED


def _answered_parts(decision: Decision) -> list[Decision]:
    """The answer and, for a message that asked several things, the answers to the others."""
    return [decision, *decision.also]


def _terminal_answer(part: Decision) -> list[str]:
    if part.entry is None:
        return []
    title = part.entry.question.strip()
    lines = [strings.Reply.TENTATIVE] if part.tentative else []
    lines += [title, "-" * min(len(title), 72), part.entry.answer.strip(), ""]
    for quote in part.quotes:
        lines.append("  " + strings.Reply.QUOTE_LINE.format(quote=_one_line(quote.quote)))
        source_line = "    — " + attribution(quote)
        lines.append(source_line + (f" <{quote.url}>" if quote.url else ""))
    return [*lines, ""]


def _one_line(quote: str) -> str:
    """A quote on one line, as its frame ("> ...") needs: a break would end it mid-quote.

    The source's line breaks are layout, not words: a quote is found in its source with
    runs of spaces and breaks read as one space.
    """
    return " ".join(quote.split())


def to_json(decision: Decision) -> dict[str, Any]:
    """The stable JSON contract of `python -m bot ask --json` (the benchmark reads it).

    A message that asked several things gets every answer, in order, in `answer` and
    `sources`; `entries` names every answering entry, in order, `entry_id` the leading one,
    and `question` the covered question it answers (what Discord shows as the title), None
    when nothing was answered; `tentative`
    says an answer is shown as only the closest covered question (`Decision.tentative`);
    `unread` counts the questions of the message beyond those read at once; `trimmed`
    says the message was longer than the engine reads, and was cut.
    """
    answered = decision.answered and decision.entry is not None
    parts = _answered_parts(decision) if answered else []
    return {
        "answered": answered,
        "entry_id": decision.entry.id if answered and decision.entry else None,
        "entries": [p.entry.id for p in parts if p.entry],
        "question": decision.entry.question if answered and decision.entry else None,
        "tentative": answered and decision.any_tentative,
        "unread": decision.unread,
        "trimmed": decision.trimmed,
        "score": round(decision.score, 4),
        "answer": "\n\n".join(p.entry.answer.strip() for p in parts if p.entry),
        "sources": [
            {
                "quote": q.quote,
                "speaker": q.speaker,
                "outlet": q.outlet,
                "date": q.published,
                "url": q.url,
            }
            for part in parts
            for q in part.quotes
        ],
        "suggestions": [
            {"entry_id": s.entry_id, "question": s.question} for s in decision.suggestions
        ],
    }


# Discord ---------------------------------------------------------------------------------
#
# Plain data only: the Discord front end turns these into discord.py objects. Discord's
# limits, shortening and the buttons' custom ids are in bot/discord_format.py; text is cut
# visibly, and the full text stays reachable through a button.

SOURCES_PER_PAGE = 10
EMBED_COLOUR = 0x1F6FB2


@dataclass(frozen=True)
class DiscordButton:
    """A button; `style` names a discord.py ButtonStyle, `row` its action row (0-4)."""

    label: str
    custom_id: str
    style: str = "secondary"
    row: int = 0


@dataclass(frozen=True)
class DiscordOption:
    """One option of a select menu."""

    label: str
    value: str


@dataclass(frozen=True)
class DiscordSelect:
    """A select menu on its own action row."""

    custom_id: str
    placeholder: str
    options: tuple[DiscordOption, ...]
    row: int


@dataclass(frozen=True)
class DiscordFile:
    """A file attached to a message: its name and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class DiscordReply:
    """A Discord message as data: content, at most one embed, files, buttons and menus.

    Members' replies (rendered here) and moderators' (bot/discord/kb/_render.py) are both
    this model, sent by the one `Responder`. `embed` is in Discord's JSON shape.
    `ephemeral` asks for the message to be shown to the reader alone where Discord allows
    it (an interaction reply). `link_previews` lets links in `content` unfurl: off for
    members' replies, which never need one; moderators' replies keep Discord's
    default (a reply with an embed never suppresses previews, which would hide the embed).
    """

    content: str = ""
    embed: dict[str, Any] | None = None
    files: tuple[DiscordFile, ...] = ()
    buttons: tuple[DiscordButton, ...] = ()
    selects: tuple[DiscordSelect, ...] = ()
    ephemeral: bool = False
    link_previews: bool = False


def render_discord(
    decision: Decision, related: Sequence[Suggestion] = (), question_id: int | None = None
) -> DiscordReply:
    """The Discord reply to a decision: an answer embed, or a plain abstention.

    `related` become buttons under an answer; `question_id` (the question's row in the
    record) adds the "Not what I asked" button.
    """
    notice = strings.Discord.TRIMMED.format(limit=MAX_QUESTION_CHARS) if decision.trimmed else ""
    if decision.unread:
        notice = "\n".join(filter(None, [notice, _unread(decision)]))
    if decision.answered and decision.entry is not None:
        if decision.also:
            notice = "\n".join(filter(None, [notice, strings.Reply.ASKED_SEVERAL]))
        if decision.any_tentative:
            hedge = strings.Reply.SOME_TENTATIVE if decision.also else strings.Reply.TENTATIVE
            notice = "\n".join(filter(None, [notice, hedge]))
        return _answer(decision, decision.entry, related, question_id, notice)
    return _abstention(decision, notice)


def _answer(
    decision: Decision,
    entry: Entry,
    related: Sequence[Suggestion],
    question_id: int | None,
    notice: str,
) -> DiscordReply:
    title = shorten(entry.question, TITLE_LIMIT)
    description = shorten(literal(entry.answer), DESCRIPTION_LIMIT)
    footer = shorten(strings.Reply.AS_OF.format(date=human_date(decision.as_of)), FOOTER_LIMIT)
    quotes = decision.quotes[:FIELDS_LIMIT]
    names = [shorten(literal(q.speaker), FIELD_NAME_LIMIT) for q in quotes]
    room = EMBED_LIMIT - len(title) - len(description) - len(footer) - sum(map(len, names))
    per_field = min(FIELD_VALUE_LIMIT, room // max(1, len(quotes)))
    values, cut = [], len(quotes) < len(decision.quotes)
    for quote in quotes:
        value, shortened = _quote_value(quote, per_field)
        values.append(value)
        cut = cut or shortened
    embed = {
        "title": title,
        "description": description,
        "color": EMBED_COLOUR,
        "fields": [
            {"name": name, "value": value, "inline": False}
            for name, value in zip(names, values, strict=True)
        ],
        "footer": {"text": footer},
    }
    asked_too = [Suggestion(p.entry.id, p.entry.question) for p in decision.also if p.entry]
    nearby = _nearby(entry.id, (*asked_too, *decision.suggestions, *related))
    buttons = [_entry_button(s, "secondary", row=0) for s in nearby]
    if question_id is not None:
        custom_id = ButtonId.build(ButtonId.MISS, question_id)
        buttons.append(DiscordButton(strings.Discord.MISS_BUTTON, custom_id, "danger", row=1))
    if cut:
        custom_id = ButtonId.build(ButtonId.QUOTES, entry.id, quotes_check(decision.quotes))
        buttons.append(DiscordButton(strings.Discord.FULL_QUOTES_BUTTON, custom_id, row=1))
    return DiscordReply(content=notice, embed=embed, buttons=tuple(buttons))


def _nearby(answered_id: str, candidates: Sequence[Suggestion]) -> list[Suggestion]:
    """Up to three other questions under an answer: the engine's close calls come first.

    A close call means the question could also have meant another entry, so the member
    must see it before the merely related ones.
    """
    seen = {answered_id}
    nearby = []
    for suggestion in candidates:
        if suggestion.entry_id not in seen:
            seen.add(suggestion.entry_id)
            nearby.append(suggestion)
    return nearby[:3]


def _quote_value(quote: SourcedQuote, limit: int) -> tuple[str, bool]:
    """A quote with its outlet and date (linked when a URL is known), within `limit`.

    Also says whether anything had to be left out to fit, the quote's end or the link, so
    the reply offers the full quotes, where both are.
    """
    source = f"{literal(quote.outlet)}, {human_date(quote.published)}"
    line = f"— [{source}]({quote.url})" if quote.url else f"— {source}"
    link_dropped = len(line) > limit // 2
    if link_dropped:
        line = shorten(f"— {source}", limit // 2)
    frame = strings.Reply.QUOTE_LINE.format(quote="")
    room = limit - len(line) - len(frame) - 1
    whole = literal(_one_line(quote.quote))
    shortened = shorten(whole, max(1, room))
    text = strings.Reply.QUOTE_LINE.format(quote=shortened)
    return f"{text}\n{line}", link_dropped or shortened != whole


def _entry_button(suggestion: Suggestion, style: str, row: int) -> DiscordButton:
    label = shorten(suggestion.question, BUTTON_LABEL_LIMIT)
    return DiscordButton(label, ButtonId.build(ButtonId.ENTRY, suggestion.entry_id), style, row)


def _abstention(decision: Decision, notice: str) -> DiscordReply:
    """Not covered, and the closest covered questions.

    The member's question is not repeated: the reply may be public, and a public reply
    shows only what was reviewed into the knowledge, never a member's unreviewed words
    (another member's, through the message menu).
    """
    lines = [notice] if notice else []
    lines.append(_not_covered(decision))
    suggestions = decision.suggestions[:3]
    if suggestions:
        lines.append(strings.Reply.CLOSEST)
        lines += [f"• {shorten(s.question, OPTION_LIMIT)}" for s in suggestions]
    else:
        lines.append(strings.Reply.NO_SUGGESTIONS)
    buttons = tuple(_entry_button(s, "primary", row=0) for s in suggestions)
    return DiscordReply(content=shorten("\n".join(lines), MESSAGE_LIMIT), buttons=buttons)


def render_full_quotes(decision: Decision, changed: bool = False) -> tuple[str, ...]:
    """Every quote of an answer in full, as messages within Discord's 2,000 characters.

    `changed`: they are not the quotes of the reply whose button asked for them (the entry
    was edited, or its id given to another since); the first message says so, and for
    which question they are.
    """
    blocks = [
        strings.Discord.FULL_QUOTE.format(
            quote=literal(_one_line(q.quote)), attribution=_linked_attribution(q)
        )
        for q in decision.quotes
    ]
    if changed and decision.entry is not None:
        question = literal(decision.entry.question)
        blocks.insert(0, strings.Discord.QUOTES_CHANGED.format(question=question))
    return _pack(blocks, MESSAGE_LIMIT)


def quotes_check(quotes: Sequence[SourcedQuote]) -> str:
    """A short fingerprint of an answer's quotes, each with what the full quotes show of it.

    "Show full quotes" carries it in its custom id: the quotes a press would show are
    those of the reply it is on only if theirs is the same. Of the quotes and their
    speaker, outlet, date and link (not the source's title, which the full quotes do not
    show), not of how they are laid out, so a new layout changes no fingerprint.
    """
    shown = [(q.quote, q.speaker, q.outlet, q.published, q.url) for q in quotes]
    canonical = json.dumps(shown, ensure_ascii=False)
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return digest[: ButtonId.CHECK_LENGTH]


def _linked_attribution(quote: SourcedQuote) -> str:
    return literal(attribution(quote)) + (f" <{quote.url}>" if quote.url else "")


def _pack(blocks: Sequence[str], limit: int) -> tuple[str, ...]:
    """Join blocks into as few messages as fit; a block longer than a message is split."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        pieces = [block[i : i + limit] for i in range(0, len(block), limit)] or [""]
        for piece in pieces:
            joined = f"{current}\n\n{piece}" if current else piece
            if len(joined) <= limit:
                current = joined
            else:
                messages.append(current)
                current = piece
    if current:
        messages.append(current)
    return tuple(messages)


def render_notice(text: str, ephemeral: bool = True) -> DiscordReply:
    """A short plain message (cooldown, error, confirmation), by default to the member alone."""
    return DiscordReply(content=shorten(text, MESSAGE_LIMIT), ephemeral=ephemeral)


def render_topics(knowledge: Knowledge, page: int = 0) -> DiscordReply:
    """What the briefing covers: one select menu per topic (split past 25 questions).

    Paged when more menus are needed than fit in one message.
    """
    menus = _topic_menus(knowledge)
    if not menus:
        return render_notice(strings.Discord.EMPTY_KNOWLEDGE)
    per_page = ROWS_LIMIT if len(menus) <= ROWS_LIMIT else ROWS_LIMIT - 1
    pages = math.ceil(len(menus) / per_page)
    page = min(max(page, 0), pages - 1)
    shown = menus[page * per_page : (page + 1) * per_page]
    selects = tuple(
        DiscordSelect(ButtonId.pick(slot), placeholder, options, row=slot)
        for slot, (placeholder, options) in enumerate(shown)
    )
    counts = _topic_counts(knowledge)
    lines = [strings.Discord.TOPICS_INTRO, ""]
    lines += [
        strings.Discord.TOPIC_LINE.format(topic=topic, count=plural(strings.Discord.TOPIC_COUNT, n))
        for topic, n in counts
    ]
    embed: dict[str, Any] = {
        "title": strings.Discord.TOPICS_TITLE,
        "description": shorten("\n".join(lines), DESCRIPTION_LIMIT),
        "color": EMBED_COLOUR,
    }
    if pages > 1:
        embed["footer"] = {"text": strings.Discord.PAGE.format(page=page + 1, pages=pages)}
    buttons = _page_buttons(ButtonId.TOPICS, page, pages, row=len(shown))
    return DiscordReply(embed=embed, selects=selects, buttons=buttons, ephemeral=True)


def _topic_counts(knowledge: Knowledge) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for entry in knowledge.entries.values():
        counts[entry.topic] = counts.get(entry.topic, 0) + 1
    return sorted(counts.items(), key=lambda pair: pair[0].casefold())


def _topic_menus(knowledge: Knowledge) -> list[tuple[str, tuple[DiscordOption, ...]]]:
    """(placeholder, options) per menu: a topic's questions, 25 to a menu."""
    menus = []
    for topic, _ in _topic_counts(knowledge):
        entries = sorted(
            (e for e in knowledge.entries.values() if e.topic == topic),
            key=lambda e: e.question.casefold(),
        )
        options = [DiscordOption(shorten(e.question, OPTION_LIMIT), e.id) for e in entries]
        parts = math.ceil(len(options) / OPTIONS_PER_SELECT)
        for part in range(parts):
            chunk = tuple(options[part * OPTIONS_PER_SELECT : (part + 1) * OPTIONS_PER_SELECT])
            placeholder = (
                strings.Discord.TOPIC_PLACEHOLDER.format(topic=topic)
                if parts == 1
                else strings.Discord.TOPIC_PART_PLACEHOLDER.format(
                    topic=topic, part=part + 1, parts=parts
                )
            )
            menus.append((shorten(placeholder, OPTION_LIMIT), chunk))
    return menus


def _page_buttons(action: str, page: int, pages: int, row: int) -> tuple[DiscordButton, ...]:
    buttons = []
    if page > 0:
        custom_id = ButtonId.build(action, page - 1)
        buttons.append(DiscordButton(strings.Discord.PREVIOUS, custom_id, row=row))
    if page < pages - 1:
        custom_id = ButtonId.build(action, page + 1)
        buttons.append(DiscordButton(strings.Discord.NEXT, custom_id, row=row))
    return tuple(buttons)


def render_sources(knowledge: Knowledge, page: int = 0) -> DiscordReply:
    """The stored sources, newest first: title, outlet, date, citing entries, author, link."""
    sources = sorted(knowledge.sources.values(), key=lambda s: (s.published, s.id), reverse=True)
    if not sources:
        return render_notice(strings.Discord.NO_SOURCES)
    cited = citing_counts(knowledge)
    title, description = strings.Discord.SOURCES_TITLE, strings.Discord.SOURCES_INTRO
    longest_footer = strings.Discord.PAGE.format(page=len(sources), pages=len(sources))
    room = EMBED_LIMIT - len(title) - len(description) - len(longest_footer)
    pages = _paged([_source_field(source, cited[source.id]) for source in sources], room)
    page = min(max(page, 0), len(pages) - 1)
    embed: dict[str, Any] = {
        "title": title,
        "description": description,
        "color": EMBED_COLOUR,
        "fields": pages[page],
    }
    if len(pages) > 1:
        embed["footer"] = {"text": strings.Discord.PAGE.format(page=page + 1, pages=len(pages))}
    buttons = _page_buttons(ButtonId.SOURCES, page, len(pages), row=0)
    return DiscordReply(embed=embed, buttons=buttons, ephemeral=True)


def _paged(fields: Sequence[dict[str, Any]], room: int) -> list[list[dict[str, Any]]]:
    """Fields in pages of at most `SOURCES_PER_PAGE`, each within `room` characters.

    Pages end where the next field would pass the embed's total, so no field is cut: a
    source's long address is the line a member most needs to reach it.
    """
    pages: list[list[dict[str, Any]]] = [[]]
    used = 0
    for field in fields:
        size = len(field["name"]) + len(field["value"])
        if pages[-1] and (len(pages[-1]) == SOURCES_PER_PAGE or used + size > room):
            pages.append([])
            used = 0
        pages[-1].append(field)
        used += size
    return pages


def _source_field(source: Source, cited: int) -> dict[str, Any]:
    """A source's field: outlet and date, how many entries cite it, author, address.

    The address is kept whole (the check holds it within `URL_LIMIT`); the lines before
    it are what is shortened should a field pass Discord's limit.
    """
    name = shorten(literal(source.title), FIELD_NAME_LIMIT)
    outlet, date = literal(source.outlet), human_date(source.published)
    lines = [
        strings.Discord.SOURCE_LINE.format(outlet=outlet, date=date),
        plural(strings.Discord.SOURCE_CITED, cited),
    ]
    if source.author:
        lines.append(strings.Discord.SOURCE_BY.format(author=literal(source.author)))
    address = source.url if source.url else strings.Discord.SOURCE_NO_LINK
    about = shorten("\n".join(lines), FIELD_VALUE_LIMIT - len(address) - 1)
    return {"name": name, "value": f"{about}\n{address}", "inline": False}


def render_about(knowledge: Knowledge, bot_name: str, retention_days: int) -> DiscordReply:
    """What the bot covers, as of which date, how to ask it, and what it records."""
    topics = [topic for topic, _ in _topic_counts(knowledge)]
    newest = knowledge.newest_source_date()
    entries_forms, sources_forms = strings.Discord.ABOUT_COUNTS
    as_of = strings.Discord.ABOUT_AS_OF.format(
        date=human_date(newest) if newest else strings.Discord.ABOUT_NOTHING,
        entries=plural(entries_forms, len(knowledge.entries)),
        sources=plural(sources_forms, len(knowledge.sources)),
    )
    how = strings.Discord.ABOUT_HOW.format(name=bot_name, context_menu=strings.Discord.CONTEXT_MENU)
    fields = [
        (strings.Discord.ABOUT_TOPICS_TITLE, "\n".join(f"• {t}" for t in topics) or "—"),
        (strings.Discord.ABOUT_AS_OF_TITLE, as_of),
        (strings.Discord.ABOUT_HOW_TITLE, how),
        (
            strings.Discord.ABOUT_RECORD_TITLE,
            strings.Discord.ABOUT_RECORD.format(days=retention_days),
        ),
    ]
    embed = {
        "title": strings.Discord.ABOUT_TITLE,
        "description": strings.Discord.ABOUT_DESCRIPTION_TEXT,
        "color": EMBED_COLOUR,
        "fields": [
            {"name": name, "value": shorten(value, FIELD_VALUE_LIMIT), "inline": False}
            for name, value in fields
        ],
    }
    return DiscordReply(embed=embed, ephemeral=True)


def render_welcome(knowledge: Knowledge, kind: str) -> DiscordReply:
    """The reply to a greeting, thanks or a request for help: what the bot covers.

    Shown to the member alone where Discord allows it: nobody else needs to read it.
    """
    fields = [
        (strings.Welcome.TOPICS_TITLE, _topic_list(knowledge)),
        (strings.Welcome.HOW_TITLE, strings.Welcome.HOW_DISCORD),
    ]
    embed = {
        "title": strings.Welcome.OPENING[kind],
        "description": strings.Welcome.WHAT,
        "color": EMBED_COLOUR,
        "fields": [
            {"name": name, "value": shorten(value, FIELD_VALUE_LIMIT), "inline": False}
            for name, value in fields
        ],
    }
    return DiscordReply(embed=embed, ephemeral=True)


def render_welcome_terminal(knowledge: Knowledge, kind: str) -> str:
    """The terminal's reply to a greeting, thanks or a request for help."""
    return "\n".join(
        [
            strings.Welcome.OPENING[kind],
            strings.Welcome.WHAT,
            "",
            strings.Welcome.TOPICS_TITLE + ":",
            _topic_list(knowledge),
            "",
            strings.Welcome.HOW_TERMINAL,
        ]
    )


def _topic_list(knowledge: Knowledge) -> str:
    topics = _topic_counts(knowledge)
    if not topics:
        return strings.Welcome.NO_TOPICS
    forms = strings.Discord.TOPIC_COUNT
    return "\n".join(f"• {topic} ({plural(forms, count)})" for topic, count in topics)


def render_topics_terminal(knowledge: Knowledge) -> str:
    """Every covered question, by topic: what /topics shows, as plain text."""
    if not knowledge.entries:
        return strings.Discord.EMPTY_KNOWLEDGE
    blocks = []
    for topic, count in _topic_counts(knowledge):
        questions = sorted(
            (e.question for e in knowledge.entries.values() if e.topic == topic), key=str.casefold
        )
        heading = strings.Terminal.TOPIC_HEADING.format(topic=topic, count=count)
        blocks.append("\n".join([heading, *(f"  • {q}" for q in questions)]))
    return "\n\n".join(blocks)


def render_sources_terminal(knowledge: Knowledge) -> str:
    """The stored sources, newest first: what /sources shows, as plain text."""
    sources = sorted(knowledge.sources.values(), key=lambda s: (s.published, s.id), reverse=True)
    if not sources:
        return strings.Terminal.NO_SOURCES
    return "\n".join(
        "• "
        + strings.Terminal.SOURCE_LINE.format(
            title=source.title,
            outlet=source.outlet,
            date=human_date(source.published),
            author=strings.Terminal.SOURCE_BY.format(author=source.author) if source.author else "",
            url=f" <{source.url}>" if source.url else "",
        )
        for source in sources
    )


def reading_lines(reading: QuestionReading) -> list[str]:
    """How a question was read, a line each: for `ask --explain` and `/kb vocab read`."""
    lines = [strings.Explain.READ_AS.format(text=reading.read_as)]
    if reading.kind is not None:
        kind = strings.Explain.KINDS.get(reading.kind, reading.kind)
        lines.append(strings.Explain.KIND.format(kind=kind))
    for word in reading.words:
        notes = [
            note
            for note, applies in (
                (strings.Explain.NAME, word.name),
                (strings.Explain.UNKNOWN, not word.known),
                (strings.Explain.CORRECTED, word.corrected),
            )
            if applies
        ]
        shown = strings.Explain.NOTES.format(notes="; ".join(notes)) if notes else ""
        lines.append(strings.Explain.WORD.format(word=word.word, notes=shown))
    if not reading.words:
        lines.append(strings.Explain.NO_WORDS)
    if reading.close_to:
        entries = ", ".join(reading.close_to)
        lines.append(strings.Explain.CLOSE_TO.format(entries=entries))
    if reading.loose is not None:
        score, needed = reading.loose
        lines.append(strings.Explain.LOOSE.format(score=score, needed=needed))
    if reading.opposite:
        lines.append(strings.Explain.OPPOSITE)
    if reading.refused is not None:
        entry, why = reading.refused
        reason = strings.Check.WHY_NOT_ANSWERED[why]
        lines.append(strings.Explain.REFUSED.format(entry=entry, why=reason))
    return lines
