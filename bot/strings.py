"""Every user-facing string, in one place.

Members, moderators and terminal users read these; keeping them together keeps the tone
consistent and makes a translation or a wording change a one-file edit. Placeholders use
`str.format` names.
"""

from __future__ import annotations


class Reply:
    """Text of a reply to a question, shared by the terminal and Discord."""

    NOT_COVERED = (
        "The briefing doesn't cover that, so I won't guess. "
        "It only answers from its reviewed sources."
    )
    CLOSEST = "Closest questions it does cover:"
    NO_SUGGESTIONS = "Try /topics to see what it covers."
    AS_OF = "As of {date}"
    SOURCES = "Sources"
    QUOTE_LINE = "“{quote}”"
    ATTRIBUTION = "{speaker}, {outlet}, {date}"
    TRIMMED = "(Your question was long, so only its first {limit} characters were read.)"
    EMPTY_QUESTION = "Ask a question about the briefing's topic, in your own words."


class Months:
    """Month names for dates shown to readers."""

    NAMES = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )


class Health:
    """The `health` command's one-line answers, read by operators and container runtimes."""

    HEALTHY = "healthy: connected to Discord, knowledge loaded, updated {age}s ago"
    MISSING = "unhealthy: no health file at {path}; the bot has not started or cannot write there"
    UNREADABLE = "unhealthy: the health file at {path} is unreadable"
    STALE = (
        "unhealthy: the health file was last updated {age}s ago (stale after {limit}s); "
        "the bot is stopped or hung"
    )
    KNOWLEDGE_FAILED = "unhealthy: the knowledge failed to load"
    NOT_CONNECTED = "unhealthy: not connected to Discord"


class Moderation:
    """Refusals the knowledge store returns to moderators (shown privately in `/kb`)."""

    NO_ENTRY = "There is no entry `{entry_id}`."
    ENTRY_EXISTS = "An entry `{entry_id}` already exists."
    SOURCE_EXISTS = "A source `{source_id}` already exists."
    PHRASING_EMPTY = "The phrasing is empty."
    PHRASING_PRESENT = "`{entry_id}` already has the phrasing “{phrasing}”."
    PHRASING_ABSENT = "`{entry_id}` has no phrasing “{phrasing}”."
    NOTHING_TO_UNDO = "There is no change left to undo."
    NO_CHANGE = "There is no change #{change_id}."
    ALREADY_UNDONE = "Change #{change_id} was already undone by change #{undo_id}."
    TEXT_NOT_UTF8 = "The attached text is not UTF-8; save it as UTF-8 plain text and try again."
    TEXT_EMPTY = "The source text is empty."
