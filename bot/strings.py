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


class Terminal:
    """Text of the terminal mode (`python -m bot ask`, and `run` without a token)."""

    WELCOME = (
        "Ask a question about the briefing in your own words "
        "(English, Albanian or Serbian). Ctrl-D or an empty line twice to quit."
    )
    PROMPT = "\nquestion> "
    BROKEN_KNOWLEDGE = "The knowledge has problems, so nothing can be answered yet:"
    CHECK_HINT = "Run `python -m bot check` for details."
