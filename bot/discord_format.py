"""Discord's limits, text fitted to them, counts in words, and the buttons' custom ids.

Written once for every reply, the members' (bot/replies.py) and the moderators'
(bot/discord/kb/_render.py), as plain data: nothing here imports discord.py, so the
terminal renders with the same rules without loading it. Every length below is a limit
Discord enforces (a message over one is refused outright), so text is cut visibly.
"""

from __future__ import annotations

import re

MESSAGE_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_LIMIT = 6000
FIELDS_LIMIT = 25
BUTTON_LABEL_LIMIT = 80
OPTION_LIMIT = 100
OPTIONS_PER_SELECT = 25
# Autocomplete offers at most this many choices.
CHOICES_LIMIT = 25
PLACEHOLDER_LIMIT = 150
ROWS_LIMIT = 5
FORM_TITLE_LIMIT = 45
FORM_PARAGRAPH_LIMIT = 4000
# A component's custom id (an input of a form among them).
INPUT_ID_LIMIT = 100
ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending with a visible "…" when cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return text[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


# What Discord reads as markup anywhere in a line: emphasis, strikes, spoilers, code, masked
# links, and the angle brackets of mentions, emoji and timestamps.
_INLINE_MARKUP = re.compile(r"([\\*_~`|\[\]<])")
# What it reads only opening a line: headings, block quotes, lists.
_LINE_MARKUP = re.compile(r"^(\s*)([#>+-])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def literal(text: str) -> str:
    """`text` shown by Discord as written: every character it would read as markup escaped.

    Quotes are a source's words and answers a moderator's, reviewed as plain text: a
    "||...||" must not hide them, "**not**" must not lose its asterisks, nor a backtick typed
    for an apostrophe open a code span, nor a "<t:...>" become a date that changes daily.
    """
    escaped = _INLINE_MARKUP.sub(r"\\\1", text)
    escaped = _LINE_MARKUP.sub(r"\1\\\2", escaped)
    return _NUMBERED.sub(r"\1\\\2", escaped)


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis, its spaces kept as typed.

    For a form's pre-filled text and a menu's labels, where what was typed is shown as is.
    """
    return text if len(text) <= limit else text[: limit - len(ELLIPSIS)] + ELLIPSIS


def shorten_middle(text: str, limit: int) -> str:
    """`text` within `limit` characters, its middle cut out at words and shown as "…".

    For a line whose beginning says what it is about and whose end says why or how often
    (a refusal, a group of questions): both are kept. Text without spaces is cut anywhere.
    """
    if len(text) <= limit:
        return text
    keep = max(0, limit - len(ELLIPSIS))
    tail_length = keep // 3
    head = text[: keep - tail_length]
    tail = text[len(text) - tail_length :] if tail_length else ""
    space = head.rfind(" ")
    if space > len(head) // 2:
        head = head[:space]
    space = tail.find(" ")
    if 0 <= space < len(tail) // 2:
        tail = tail[space:]
    return head + ELLIPSIS + tail


def one_line(text: str, limit: int = 80) -> str:
    """`text` on one line (runs of spaces and line breaks made one space), then clipped."""
    return clip(" ".join(text.split()), limit)


def plural(forms: tuple[str, str], count: int) -> str:
    """The singular or the plural form (each with `{count}`) for `count`."""
    return (forms[0] if count == 1 else forms[1]).format(count=count)


class ButtonId:
    """The custom ids of the bot's buttons and menus: built and parsed from this one table.

    A custom id carries everything a press needs (`briefing:<action>:<argument>`), so a press
    works after a restart, on any message ever sent. A button whose action depends on more
    than its argument also carries a `check` (`briefing:<action>:<argument>:<check>`), a
    short fingerprint of what the message showed, for the press to compare with what the
    argument now leads to: "Show full quotes" carries its quotes' (`replies.quotes_check`).
    """

    ENTRY = "entry"
    MISS = "miss"
    QUOTES = "quotes"
    TOPICS = "topics"
    SOURCES = "sources"
    ACTIONS = (ENTRY, MISS, QUOTES, TOPICS, SOURCES)
    # A /topics menu: the values are entry ids, the slot only tells the menus apart.
    PICK_PATTERN = r"briefing:pick:(?P<slot>[0-9])"
    CHECK_LENGTH = 8
    PATTERN = (
        r"briefing:(?P<action>"
        + "|".join(ACTIONS)
        + r"):(?P<argument>[a-z0-9-]{1,64})"
        + rf"(?::(?P<check>[0-9a-f]{{{CHECK_LENGTH}}}))?"
    )

    @classmethod
    def build(cls, action: str, argument: str | int, check: str | None = None) -> str:
        """The custom id of a button doing `action` with `argument` (and `check`)."""
        if action not in cls.ACTIONS:
            raise ValueError(f"no button action {action!r}")
        return f"briefing:{action}:{argument}" + (f":{check}" if check else "")

    @classmethod
    def pick(cls, slot: int) -> str:
        """The custom id of the `slot`-th /topics menu of a message."""
        return f"briefing:pick:{slot}"

    @classmethod
    def parse(cls, custom_id: str) -> tuple[str, str, str | None] | None:
        """(action, argument, check) of a button's custom id, or None when not one of ours."""
        match = re.fullmatch(cls.PATTERN, custom_id)
        return (match["action"], match["argument"], match["check"]) if match else None
