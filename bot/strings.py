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


class Check:
    """What `python -m bot check` and the moderators' editing commands say about knowledge.

    Each message completes a line `file:line: field: message`, so it names no file itself.
    """

    NO_FOLDER = "knowledge folder not found"
    NOT_UTF8 = "is not UTF-8 text (undecodable byte at offset {offset}); save it as UTF-8"
    MALFORMED = "is not valid YAML: {problem} (column {column})"
    EMPTY_FILE = "is empty; it must be a mapping of fields (see knowledge/README.md)"
    NOT_A_MAPPING = "must be a mapping of fields (`name: value` lines), not {kind}"
    DUPLICATE_KEY = "appears twice in the same mapping (first at line {line})"
    KEY_NOT_TEXT = "a key must be plain text"
    RECURSIVE_ALIAS = "refers to itself through a YAML alias"
    STRAY_ENTRY_FILE = "is not read: entries are `<id>.yaml` files"
    STRAY_SOURCE_FILE = "is not read: a source is `<id>.yaml` with its text in `<id>.txt`"
    MISSING_FIELD = "is missing; {what} needs it"
    UNKNOWN_FIELD = "is not a field of {what}; did you mean '{close}'?"
    UNKNOWN_FIELD_LIST = "is not a field of {what}; its fields are: {fields}"
    BARE_VALUE = "YAML reads a bare `{raw}` as {kind}, not text: write it in quotes"
    NULL_VALUE = "has no value; write the text in quotes"
    NOT_TEXT = "must be text, not {kind}"
    UNQUOTED_COLON = (
        "must be text, not a mapping (an unquoted `: ` inside text starts one): write it in quotes"
    )
    EMPTY_TEXT = "is empty"
    TOO_LONG = "is {length} characters long; the limit is {limit}"
    NOT_A_LIST = "must be a list (`- ...` lines), not {kind}"
    TOO_MANY = "has {count} items; the limit is {limit}"
    NO_CITATIONS = "is empty; an entry needs at least one citation"
    CITATION_NOT_A_MAPPING = "must be a mapping with source, quote and speaker, not {kind}"
    BAD_ID = "'{value}' is not a valid id: use 3 to 64 lowercase letters, digits and hyphens"
    ID_NOT_FILE_NAME = "'{value}' does not match the file name '{file}'"
    DUPLICATE_ID = "'{value}' is also the id of {other}"
    REPEATS = "'{value}' repeats {other} of this entry"
    CLAIMED = "'{value}' is also {other} of entry '{entry}' ({file})"
    THE_QUESTION = "the question"
    A_PHRASING = "a phrasing"
    UNKNOWN_SOURCE = "unknown source '{value}'; the known sources are: {known}"
    NO_SOURCES = "unknown source '{value}'; there are no sources yet"
    QUOTE_NOT_FOUND = "not found verbatim in source '{source}'; closest passage: «{passage}»"
    BAD_PUBLISHED = (
        "'{value}' is not a date: write YYYY-MM-DD, or YYYY-MM when the day is not known"
    )
    BAD_ADDED = "'{value}' is not a date: write YYYY-MM-DD"
    BAD_URL = "'{value}' is not a web address: write https://…, or null when unknown"
    BAD_LANGUAGE = "'{value}' is not a language code: write two lowercase letters, such as en"
    TEXT_MISSING = "is missing; every source needs its full text beside its metadata"
    TEXT_EMPTY = "is empty; store the source's full text"
    TEXT_WITHOUT_METADATA = "has no metadata file {file} beside it"
    AN_ENTRY = "an entry"
    A_CITATION = "a citation"
    A_SOURCE = "a source"
    OK = "ok: {entries}, {sources}"
    ENTRIES = ("{count} entry", "{count} entries")
    SOURCES = ("{count} source", "{count} sources")
    UNCITED = "uncited: «{sentence}»"
    COVERAGE = "coverage: {cited}/{total} sentences cited"
    KIND_BOOLEAN = "a boolean"
    KIND_NUMBER = "a number"
    KIND_DATE = "a date"
    KIND_NULL = "nothing (null)"
    KIND_LIST = "a list"
    KIND_MAPPING = "a mapping"
    KIND_TEXT = "text"
    KIND_OTHER = "a tagged value"


class Moderation:
    """Refusals the knowledge store returns to moderators (shown privately in `/kb`)."""

    NO_ENTRY = "There is no entry `{entry_id}`."
    SOURCE_EXISTS = "A source `{source_id}` already exists."
    PHRASING_EMPTY = "The phrasing is empty."
    PHRASING_PRESENT = "`{entry_id}` already has the phrasing “{phrasing}”."
    PHRASING_ABSENT = "`{entry_id}` has no phrasing “{phrasing}”."
    NOTHING_TO_UNDO = "There is no change left to undo."
    NO_CHANGE = "There is no change #{change_id}."
    ALREADY_UNDONE = "Change #{change_id} was already undone by change #{undo_id}."
    TEXT_NOT_UTF8 = "The attached text is not UTF-8; save it as UTF-8 plain text and try again."


class Terminal:
    """Text of the terminal mode (`python -m bot ask`, and `run` without a token)."""

    WELCOME = (
        "Ask a question about the briefing in your own words "
        "(English, Albanian or Serbian). Ctrl-D or an empty line twice to quit."
    )
    PROMPT = "\nquestion> "
    BROKEN_KNOWLEDGE = "The knowledge has problems, so nothing can be answered yet:"
    CHECK_HINT = "Run `python -m bot check` for details."
