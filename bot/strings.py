"""Every user-facing string, in one place.

Members, moderators and terminal users read these; keeping them together keeps the tone
consistent and makes a translation or a wording change a one-file edit. Placeholders use
`str.format` names.
"""

from __future__ import annotations

from typing import ClassVar


class Reply:
    """Text of a reply to a question, shared by the terminal and Discord."""

    NOT_COVERED = (
        "The briefing doesn't cover that, so I won't guess. "
        "It only answers from its reviewed sources."
    )
    NOT_EXACTLY_COVERED = (
        "The briefing covers something close to that, but not what you asked, so I won't "
        "guess. It only answers from its reviewed sources."
    )
    CLOSEST = "Closest questions it does cover:"
    ALSO_CLOSE = "Also close to what you asked:"
    TENTATIVE = (
        "This may not be exactly what you asked: it is the closest question the briefing covers."
    )
    SOME_TENTATIVE = (
        "Some of these may not be exactly what you asked: they are the closest questions the "
        "briefing covers."
    )
    NO_SUGGESTIONS = "Try /topics to see what it covers."
    ASKED_SEVERAL = (
        "You asked more than one thing: this answers the first, the buttons below the rest."
    )
    UNREAD = (
        "Your message asks {asked} questions and the briefing reads {limit} at a time, so only "
        "the first {limit} were read: ask the rest in another message."
    )
    NO_SUGGESTIONS_TERMINAL = "Type `topics` to see what it covers, or ask in other words."
    AS_OF = "As of {date}"
    QUOTE_LINE = "> {quote}"
    ATTRIBUTION = "{speaker}, {outlet}, {date}"
    ATTRIBUTION_OUTLET = "{outlet}, {date}"
    EMPTY_QUESTION = "Ask a question about the briefing's topic, in your own words."
    RELATED = "Related questions:"


class Welcome:
    """The reply to a greeting, thanks or a request for help: what the bot covers."""

    OPENING: ClassVar[dict[str, str]] = {
        "greeting": "Hi! I'm the briefing.",
        "thanks": "You're welcome!",
        "help": "I'm the briefing.",
    }
    WHAT = (
        "I answer questions from reviewed sources, quoting them with who said it, the outlet "
        "and the date; when a question isn't covered I say so rather than guess."
    )
    TOPICS_TITLE = "Topics I cover"
    NO_TOPICS = "Nothing yet: the knowledge is empty."
    HOW_TITLE = "How to ask"
    HOW_DISCORD = (
        "Ask in your own words with `/ask`, or mention me with the question. "
        "Browse every covered question with `/topics`; `/about` tells more."
    )
    HOW_TERMINAL = (
        "Ask in your own words, or type `topics` to browse every covered question "
        "(`help` lists the commands)."
    )


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
    NOT_RECORDING = "healthy, but questions are not being recorded ({count} lost so far): {problem}"


class Check:
    """What `python -m bot check` and the moderators' editing commands say about knowledge.

    Each message completes a line `file:line: field: message`, so it names no file itself.
    """

    NO_FOLDER = "knowledge folder not found"
    UNREADABLE = "could not be read: {reason}"
    NOT_UTF8 = "is not UTF-8 text (undecodable byte at offset {offset}); save it as UTF-8"
    MALFORMED = "is not valid YAML: {problem} (column {column})"
    TAB_HINT = "; YAML indents with spaces, not tabs"
    EMPTY_FILE = "is empty; it must be a mapping of fields (see knowledge/README.md)"
    NOT_A_MAPPING = "must be a mapping of fields (`name: value` lines), not {kind}"
    DUPLICATE_KEY = "appears twice in the same mapping (first at line {line})"
    KEY_NOT_TEXT = "a key must be plain text"
    YAML_ALIAS = (
        "uses a YAML anchor or alias (`&name` or `*name`), which knowledge files may not: "
        "write each value out in full"
    )
    TOO_DEEP = "nests more than {limit} levels deep; an entry needs three"
    LINK = "is a symbolic link, which the knowledge may not hold (it is never followed)"
    NOT_REGULAR = "is not a regular file, which the knowledge may not hold"
    TOO_LARGE = "is {size} bytes; the limit is {limit} bytes (see knowledge/README.md)"
    NO_ENTRIES = "has no entries, so the bot would answer nothing"
    NO_ENTRIES_FOLDER = "folder not found; the knowledge needs its entries"
    FOLDER_UNREADABLE = "folder cannot be read ({reason}); the bot needs to list its files"
    QUOTE_TOO_SHORT = (
        "has {count} word(s); a quote needs at least {minimum} words to be a statement"
    )
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
    CONTROL_CHARACTER = (
        "holds the character U+{code:04X}, which no reply may show (a control character a "
        "terminal reads as a command, or half of a character): remove it"
    )
    DIRECTION_CHARACTER = (
        "holds the character U+{code:04X}, which reorders the text after it, so members "
        "would read it otherwise than it is written: remove it"
    )
    ADDED_IN_FUTURE = (
        "'{added}' is after today: a source is added on the day it is reviewed; check the year"
    )
    PUBLISHED_AFTER_ADDED = (
        "'{published}' is after the day the source was added ({added}): a source is "
        "published before it is added; check the year"
    )
    YAML_CONTROL_CHARACTER = (
        "holds the control character U+{code:04X} (column {column}), which YAML does not "
        "allow: remove it"
    )
    CONTROL_CHARACTER_AT = (
        "line {line} holds the character U+{code:04X}, which no reply may show: remove it"
    )
    # Names, people, protagonists and topics are read one word at a time.
    SEVERAL_WORDS = (
        "'{value}' is several words, and a name is read word by word: list the word that "
        "names it alone ('{first}'), or write an alias of the whole phrase"
    )
    MARKUP = (
        "holds Discord markup ({markup}), which the bot takes out of every question members "
        "ask: write only the words members type"
    )
    TOO_LONG = "is {length} characters long; the limit is {limit}"
    NOT_A_LIST = "must be a list (`- ...` lines), not {kind}"
    TOO_MANY = "has {count} items; the limit is {limit}"
    NO_CITATIONS = "is empty; an entry needs at least one citation"
    CITATION_NOT_A_MAPPING = "must be a mapping with source, quote and speaker, not {kind}"
    BAD_ID = "'{value}' is not a valid id: use 3 to 64 lowercase letters, digits and hyphens"
    RESERVED_ID = (
        "'{value}' is a name Windows keeps for a device: its file could not be checked out "
        "there; choose another id"
    )
    ID_NOT_FILE_NAME = "'{value}' does not match the file name '{file}'"
    DUPLICATE_ID = "'{value}' is also the id of {other}"
    REPEATS = "'{value}' repeats {other} of this entry"
    CLAIMED = "'{value}' is also {other} of entry '{entry}' ({file})"
    THE_QUESTION = "the question"
    A_PHRASING = "a phrasing"
    # Asked word for word, an entry's own text is always answered by it: the check tells how
    # questions worded like it are answered (`Engine.decide_by_measure`).
    ANSWERED_BY = (
        "questions worded like '{value}' are answered by entry '{entry}', not this one: "
        "reword it, or leave those words to that entry"
    )
    NOT_ANSWERED = (
        "questions worded like '{value}' are not answered (the bot abstains: {why}): reword "
        "it closer to this entry's words"
    )
    # Why an entry does not answer one of its own texts (codes of `Engine.refusal`).
    WHY_NOT_ANSWERED: ClassVar[dict[str, str]] = {
        "count": "this entry writes no number beside the thing it asks to count: write the "
        'number next to it, as far as the source says so ("at least 30 gunmen")',
        "kind": "this entry does not state the kind of fact it asks for, such as a date, "
        "a count or a reason",
        "focus": "this entry does not state the thing it asks for",
        "number": "it names a number this entry does not state",
        "voice": "it asks for someone's words this entry does not report",
        "proposition": "a short yes/no question needs this entry to be asked that very thing",
        "names": "it names something this entry does not mention",
        "anchor": "it shares no name or specific word with this entry",
        "coverage": "too few of its words are this entry's",
        "no-phrasing": "this entry has no phrasing, so it is reached only by its question's "
        "own words: add the ways members ask it",
        "": "other entries rank too close to it",
    }
    UNKNOWN_SOURCE = "unknown source '{value}'; the known sources are: {known}"
    NO_SOURCES = "unknown source '{value}'; there are no sources yet"
    QUOTE_NOT_FOUND = "not found verbatim in source '{source}'; closest passage: «{passage}»"
    QUOTE_DIFFERS = (
        "not found verbatim in source '{source}': the quote has «{quoted}» where the source "
        "has «{original}»; closest passage: «{passage}»"
    )
    QUOTE_NOT_SEARCHED = (
        "not found verbatim in source '{source}' (the closest passage is shown for the first "
        "{limit} quotes not found in a check only)"
    )
    QUOTE_NOTHING_LIKE = "not found verbatim in source '{source}', nor anything like it"
    WARNING = "warning: {message}"
    UNPAIRED_MARKS = "quotation marks do not pair up; quote only the words inside them: «{fix}»"
    BAD_PUBLISHED = (
        "'{value}' is not a date: write YYYY-MM-DD, or YYYY-MM when the day is not known"
    )
    BAD_ADDED = "'{value}' is not a date: write YYYY-MM-DD"
    BAD_URL = "'{value}' is not a web address: write https://…, or null when unknown"
    BAD_LANGUAGE = "'{value}' is not a language code: write two lowercase letters, such as en"
    TEXT_MISSING = "is missing; every source needs its full text beside its metadata"
    TEXT_EMPTY = "is empty; store the source's full text"
    TEXT_WITHOUT_METADATA = "has no metadata file {file} beside it"
    STRAY_VOCABULARY_FILE = "is not read: vocabulary files are `<name>.yaml` files"
    RESERVED_FILE = (
        "'{value}' is a name Windows keeps for a device: the file could not be checked out "
        "there; rename it"
    )
    NOT_A_WORD_MAPPING = "must be a mapping of `word: meaning` lines, not {kind}"
    FORMS_NOT_A_MAPPING = "must be a mapping with endings and stems, not {kind}"
    UNKNOWN_ENDINGS = (
        "'{value}' is not a set of endings; write a list of endings, or one of: {known}"
    )
    TOO_MANY_FORMS = (
        "makes {count:,} case forms (every stem with every ending of its set); a file makes at "
        "most {limit:,}: split the stems over sets of the endings each needs"
    )
    FORM_CLAIMED_HERE = "'{form}' is read as '{meaning}' here and as '{other}' above in this file"
    FORM_CLAIMED = "'{form}' is read as '{meaning}' here and as '{other}' in {file}"
    FORM_OF_THE_LANGUAGE = (
        "'{form}' is a word of the language the engine already reads as '{meaning}', "
        "whatever the subject; it cannot mean anything else"
    )
    ALIAS_OF_AN_ASKING_WORD = (
        "'{form}' decides what a question asks (who, when, why...) or makes it negative; read "
        "as something else it would change what every question holding it asks: write the "
        "phrase it stands in instead"
    )
    ALIAS_OF_A_STOPWORD = (
        "'{form}' is a short common word (be, in, to...) that stands in almost every question; "
        "read as something else it would change them all: write the longer phrase instead"
    )
    ALIAS_HIDES_NAME = (
        "'{form}' is listed as a name in {file}; read as '{meaning}' it would never be seen "
        "as that name: remove one of the two"
    )
    A_VOCABULARY = "a vocabulary file"
    A_SET_OF_FORMS = "a set of forms"
    AN_ENTRY = "an entry"
    A_CITATION = "a citation"
    A_SOURCE = "a source"
    OK = "ok: {entries}, {sources}"
    ENTRIES = ("{count} entry", "{count} entries")
    SOURCES = ("{count} source", "{count} sources")
    UNCITED = "uncited: «{sentence}»"
    COVERAGE = "coverage: {cited}/{total} sentences cited"
    # `check --held-out`: each way of asking an entry, asked as if it had not been written.
    UNWRITTEN_NONE = (
        "if it were not written, questions worded like '{value}' would not be answered ({why})"
    )
    UNWRITTEN_OTHER = (
        "if it were not written, questions worded like '{value}' would be answered by entry "
        "'{entry}'"
    )
    UNWRITTEN_WORDS = "; only it gives this entry the words {words}"
    UNWRITTEN_ENTRY = "{reached} of its {asked} ways of asking reach it when left out"
    UNWRITTEN_SUMMARY = (
        "held out: {reached} of {asked} ways of asking reach their own entry when left out "
        "({share:.1f} %), {other} would reach another entry, {none} none. Each line above is "
        "answered only because it is written word for word: members asking it in words of "
        "their own may not be answered. Write more phrasings in the words members use for the "
        "entries listed first (they have the fewest ways of asking their words cover), or "
        "vocabulary lines for the words named."
    )
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

    VOCAB_BAD_FILE = (
        "'{file}' is not a vocabulary file name: use 1 to 64 lowercase letters, digits and "
        "hyphens, other than a name Windows keeps for a device (con, nul, aux...)"
    )
    VOCAB_BAD_FIELD = "A vocabulary word goes in one of: {fields}."
    VOCAB_EMPTY_WORD = "The word is empty."
    VOCAB_SEVERAL_WORDS = (
        "'{word}' is several words, and a word of `{field}` is read alone: add the word that "
        "names it alone ('{first}'), or add an alias of the whole phrase."
    )
    VOCAB_MARKUP = (
        "The word holds Discord markup ({markup}), which the bot takes out of every question "
        "members ask: write only the words members type."
    )
    VOCAB_NEEDS_MEANING = "An alias needs a meaning: the words the engine should read instead."
    VOCAB_NO_MEANING = "Only an alias has a meaning; a word of `{field}` is listed alone."
    VOCAB_PRESENT = "“{word}” is already in `{field}` of this file."
    VOCAB_ABSENT = "“{word}” is not in `{field}` of this file."
    VOCAB_HELD_IN = "It is in `{field}` of {files}."
    VOCAB_STEM_NEEDS_MEANING = "A stem needs a meaning: the word its forms are read as."
    VOCAB_STEM_PRESENT = "“{stem}” already has the endings {endings} in this file."
    VOCAB_STEM_ABSENT = "“{stem}” is not among the stems of `forms` in this file."

    NO_ENTRY = "There is no entry `{entry_id}`."
    SOURCE_EXISTS = "A source `{source_id}` already exists."
    PHRASING_EMPTY = "The phrasing is empty."
    PHRASING_PRESENT = "`{entry_id}` already has the phrasing “{phrasing}”."
    PHRASING_ABSENT = "`{entry_id}` has no phrasing “{phrasing}”."
    NOTHING_TO_UNDO = "There is no change left to undo."
    NO_CHANGE = "There is no change #{change_id}."
    ALREADY_UNDONE = "Change #{change_id} was already undone by change #{undo_id}."
    TEXT_NOT_UTF8 = "The attached text is not UTF-8; save it as UTF-8 plain text and try again."
    WRITE_FAILED = "could not be written ({error}); nothing was changed"


class Terminal:
    """Text of the terminal mode (`python -m bot ask`, and `run` without a token)."""

    WELCOME = (
        "Ask a question about the briefing in your own words "
        "(English, Albanian or Serbian). Type `help` for the commands; `quit`, Ctrl-D or an "
        "empty line twice to leave."
    )
    PROMPT = "\nquestion> "
    TRIMMED = (
        "(Your question was longer than the {limit:,} characters the briefing reads, so only "
        "its first {limit:,} characters were read.)"
    )
    COMMANDS = (
        "Commands: `topics` lists the covered questions by topic, `sources` the sources the "
        "answers quote, `help` shows this, `quit` leaves. Anything else is a question."
    )
    COMMAND_WORDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "help": ("help", "?"),
        "topics": ("topics", "/topics"),
        "sources": ("sources", "/sources"),
        "quit": ("quit", "exit", "q", "/quit", "/exit"),
    }
    TOPIC_HEADING = "{topic} ({count})"
    SOURCE_LINE = "{title}\n    {outlet}, {date}{author}{url}"
    SOURCE_BY = ", by {author}"
    NO_SOURCES = "No sources are stored yet."
    BROKEN_KNOWLEDGE = "The knowledge has problems, so nothing can be answered yet:"
    CHECK_HINT = "Run `python -m bot check --directory {folder}` for details."
    NO_SOURCE = "no source '{source}'; the sources are: {known}"
    NO_SOURCES_LISTED = "no sources yet"
    COVERAGE = "{source}: {cited}/{total} sentences cited"
    COVERAGE_HINT = (
        "Each uncited sentence follows with a citation to paste under `citations:` in a new "
        "entry file (see knowledge/README.md); write its question, answer and phrasings."
    )
    UNCITED = "{where}: uncited; suggested topic: {topic}"
    SOURCE_LISTED = "{id} · {title} · {outlet}, {published}{author} · {cited}"
    CITED_BY = ("cited by {count} entry", "cited by {count} entries")


class Cli:
    """The command line's help (`python -m bot --help`, `python -m bot <command> --help`)."""

    DESCRIPTION = "The policy-briefing bot: answer questions, check the knowledge, serve Discord."
    CHECK = "validate the knowledge"
    DIRECTORY = "knowledge folder (default: configured)"
    TWO_DIRECTORIES = "name the knowledge folder once: as an argument or with --directory"
    CHECK_COVERAGE = "list source sentences no entry cites"
    CHECK_HELD_OUT = (
        "ask each way of asking an entry as if it had not been written: those its entry "
        "would not answer show where members' own words may not be answered"
    )
    COVERAGE = "a source's uncited sentences, each with a citation ready to paste"
    COVERAGE_SOURCE = "the source's id (default: every source's share)"
    SOURCES = "list the sources and how many entries cite each"
    ASK = "ask questions in the terminal"
    ASK_QUESTION = "answer this one question and exit"
    ASK_JSON = "one question per stdin line, JSON out"
    ASK_DIRECTORY = "answer from this knowledge folder, e.g. a draft (default: configured)"
    EXPLAIN_ONE_QUESTION = 'ask --explain reads one question: python -m bot ask --explain "..."'
    JSON_READS_LINES = (
        "ask --json reads one question per line from its input, not from the command line: "
        'echo "..." | python -m bot ask --json'
    )
    ASK_EXPLAIN = (
        "also show how the question is read: its words after aliases and corrections, the "
        "names an answer must mention, and the kind of fact asked"
    )
    RUN = "serve Discord (terminal prompt when no token is set)"
    RUN_DISCORD = "fail, not fall back, without a token"
    SYNC = "sync the slash commands with Discord now"
    BENCH = "measure answer quality and matching speed"
    BENCH_PEER = (
        "score only the FAQ-bot benchmark in this folder (HINT3: <bot>_train.csv, <bot>_test.csv)"
    )
    HEALTH = "exit 0 if the running bot is connected and serving"


class Explain:
    """How a question is read (`python -m bot ask --explain`): for choosing aliases."""

    HEADER = "How the bot read it:"
    READ_AS = "  read as: {text}"
    KIND = "  asks for: {kind}"
    KINDS: ClassVar[dict[str, str]] = {
        "when": "a date",
        "how_many": "a number",
        "how_long": "a span of time",
        "why": "a reason",
        "how_old": "an age or when it began",
        "at_time": "a time of day",
        "where": "a place",
    }
    WORD = "  - {word}{notes}"
    NOTES = " ({notes})"
    NAME = "a name: an answer must mention it"
    UNKNOWN = "no entry writes it"
    CORRECTED = "a misspelling read as this word"
    NO_WORDS = "  no meaningful word"
    CLOSE_TO = (
        "  answered only as the closest covered question: as close to it are {entries}"
        " (make the question's words one entry's)"
    )
    LOOSE = (
        "  answered only as the closest covered question: its words matched loosely (score"
        " {score:.2f}; a sure answer needs {needed:.2f}: a phrasing in these words helps)"
    )
    OPPOSITE = (
        "  answered only as the closest covered question: it asks the opposite (or the"
        " future) of what the entry's yes/no question asks, so the entry's yes or no would"
        " read as another answer (if the entry does answer this very question, a phrasing"
        " in its words makes the answer sure; if it asks the opposite, leave it)"
    )
    # `why` is one of `Check.WHY_NOT_ANSWERED`, which speak of the question as "it".
    REFUSED = "  not answered: the closest entry is {entry}, but {why}"


class Kb:
    """What moderators see in `/kb` (always privately) and what the log channel is told."""

    GROUP = "Curate the briefing's knowledge (moderators)"
    PHRASE_GROUP = "Manage the other ways members ask an entry's question"
    SOURCE_GROUP = "Manage the source articles quotes are taken from"
    ADD = "Add a new entry (opens a form)"
    EDIT = "Edit an entry (opens a form with its current text)"
    PHRASE_ADD = "Add a phrasing to an entry"
    PHRASE_REMOVE = "Remove a phrasing from an entry"
    REMOVE = "Remove an entry (asks to confirm; undoable)"
    HISTORY = "Who changed what and when, newest first"
    UNDO = "Undo the last change, or a chosen one, exactly"
    UNANSWERED = "What members asked that the briefing did not answer"
    SOURCE_ADD = "Add a source article (a form, or an attached .txt file)"
    SOURCE_LIST = "List the stored sources"
    VOCAB_GROUP = "Manage the vocabulary: the names, people, aliases and forms the engine reads"
    VOCAB_ADD = "Add a name, a person or an alias to a vocabulary file"
    VOCAB_REMOVE = "Remove a word or an alias from a vocabulary file"
    VOCAB_LIST = "List the vocabulary files, or the words of one"
    VOCAB_READ = "How the bot reads a question: its words after aliases, names, unknown words"
    VOCAB_ADD_FORM = "Read every case form of a name (a stem with a set of endings) as the name"
    VOCAB_REMOVE_FORM = "Stop reading a stem's case forms from a vocabulary file"
    OPTION_VOCAB_ENDINGS = "A set the engine knows (albanian, serbian...), or endings with commas"
    OPTION_VOCAB_ENDINGS_REMOVED = "Only the forms with these endings (default: all of the stem's)"
    OPTION_VOCAB_STEM = (
        "What every form begins with: the name without its ending, as members write it"
    )
    OPTION_VOCAB_STEM_MEANING = "The word every form is read as (the name as the sources write it)"
    OPTION_VOCAB_FIELD = "What the word is: a name, a person, an alias..."
    OPTION_VOCAB_WORD = "The word or phrase, as members write it"
    OPTION_VOCAB_MEANING = "For an alias: the words the engine should read instead"
    OPTION_VOCAB_FILE = "The vocabulary file, its name without .yaml (default: moderators)"
    OPTION_VOCAB_LISTED = "A vocabulary file to list the words of (default: all files, counted)"
    OPTION_VOCAB_QUESTION = "A question as a member would ask it"
    CHECK = "Check the knowledge on disk, as `python -m bot check` does"
    RELOAD = "Re-read the knowledge from disk (after a git pull or a hand edit)"
    EXPORT = "Download the knowledge as a zip of its files"
    OPTION_ENTRY = "The entry (start typing its question)"
    OPTION_NEW_ID = "The new entry's id (default: made from its question)"
    OPTION_TEXT = "The phrasing, as members would ask it"
    OPTION_HISTORY_ENTRY = "Only the changes to this entry or source"
    OPTION_CHANGE = "The change number shown in /kb history (default: the last change)"
    OPTION_BEFORE = "Only the changes older than this change number (to see older pages)"
    OPTION_FILE = "The source's text as a UTF-8 .txt file (instead of pasting it)"
    OPTION_AUTHOR = "The author's name, if known"
    OPTION_URL = "The article's web address (https://…), if known"
    OPTION_LANGUAGE = "Two-letter language code of the text (default: en)"

    NOT_ALLOWED = "Only the briefing's moderators can change its knowledge."
    NOT_HERE = "The knowledge can't be changed from this server."

    ADD_TITLE = "New entry"
    EDIT_TITLE = "Edit {entry_id}"
    SOURCE_TITLE = "New source"
    FIELD_QUESTION = "Question"
    FIELD_TOPIC = "Topic"
    FIELD_ANSWER = "Answer (only what the quotes support)"
    FIELD_PHRASINGS = "Other phrasings, one per line"
    FIELD_CITATIONS = "Citations: source, speaker, quote"
    HINT_TOPIC = "For example: {topics}"
    HINT_CITATIONS = "source: <source id>\nspeaker: <who said it>\nquote: <verbatim words>"
    FIELD_SOURCE_ID = "Id (lowercase letters, digits, hyphens)"
    FIELD_TITLE = "Title"
    FIELD_OUTLET = "Outlet"
    FIELD_PUBLISHED = "Published (YYYY-MM-DD, or YYYY-MM)"
    FIELD_SOURCE_TEXT = "Full text, exactly as published"

    ADDED = "Added `{entry_id}` (change #{change_id}). Members can ask it now."
    EDITED = "Saved `{entry_id}` (change #{change_id}). Members get the new text now."
    PHRASE_ADDED = "Added the phrasing “{text}” to `{entry_id}` (change #{change_id})."
    PHRASE_REMOVED = "Removed the phrasing “{text}” from `{entry_id}` (change #{change_id})."
    VOCAB_ADDED = "Added “{text}” to `{item_id}` (change #{change_id}). The engine reads it now."
    VOCAB_REMOVED = "Removed “{text}” from `{item_id}` (change #{change_id})."
    VOCAB_TITLE = "Vocabulary"
    VOCAB_ATTACHED = "Every word of the file, a line each: `{name}` (attached)."
    VOCAB_EMPTY = "There is no vocabulary file yet."
    VOCAB_NO_FILE = "There is no vocabulary file `{file}`."
    VOCAB_FILE_LINE = "`{file}`: {counts}"
    VOCAB_COUNT = "{count} {field}"
    VOCAB_FORMS = "forms of {count} stems"
    VOCAB_WORDS_LINE = "**{field}**: {words}"
    VOCAB_STEM = "{stem}- ({endings})"
    VOCAB_STEM_CHOICE = "{stem}- ({endings}) → {meaning}"
    REMOVED = "Removed `{entry_id}` (change #{change_id}). `/kb undo` brings it back."
    UNDONE = "Undid change #{undone} (now change #{change_id})."
    SOURCE_ADDED = "Added the source `{source_id}` (change #{change_id}). Entries can cite it now."
    REFUSED = "Nothing was saved:"
    REFUSED_HINT = "Press “Fix and retry” to reopen the form with your text."
    RETRY = "Fix and retry"
    CONFLICT = (
        "Nothing was saved: `{item_id}` changed since you opened it. "
        "Its current text is below; your text is attached, so nothing is lost."
    )
    CONFLICT_REMOVED = (
        "Nothing was removed: `{item_id}` changed since the confirmation was shown. Its "
        "current text is below; press “Look again” to be asked about it as it is now."
    )
    CONFLICT_TAKEN = (
        "Nothing was saved: someone else added an entry `{item_id}` since you opened the "
        "form, so that id is taken. Their entry is below; yours is attached, so nothing is "
        "lost. Add yours under another id (“Add under another id” reopens your form, the id "
        "made from its question), or merge it into theirs (“Edit their entry”)."
    )
    CONFLICT_GONE = (
        "Nothing was saved: `{item_id}` no longer exists. "
        "Your text is attached, so nothing is lost."
    )
    UNDO_CONFLICT = (
        "Nothing was undone: change #{later}, made later and still in effect, touched "
        "`{item_id}`. Undo it first (`/kb undo change:{later}`; see `/kb history entry:{item_id}`)."
    )
    UNDO_CHANGED_BY_HAND = (
        "Nothing was undone: `{item_id}` was changed outside the bot since that change (its "
        "file edited by hand or copied in), and undoing it would throw that away. Edit it "
        "instead, or undo an older change by its number (see `/kb history entry:{item_id}`)."
    )
    CANNOT_OPEN = (
        "`{entry_id}` can't be changed until the knowledge on disk is fixed ({count} problem(s)):"
    )
    CURRENT_TEXT = "Current text of {item_id}"
    YOURS_FILE = "{item_id}-yours.yaml"
    NEW_SOURCE_FILE = "source"
    NEW_ENTRY_FILE = "entry"
    EDIT_AGAIN = "Edit the current text"
    LOOK_AGAIN = "Look again"
    ANOTHER_ID = "Add under another id"
    EDIT_TAKEN = "Edit their entry"
    CONFIRM_REMOVE = "Remove `{entry_id}`: “{question}”?"
    REMOVE_BUTTON = "Remove"
    CANCEL_BUTTON = "Cancel"
    CANCELLED = "Nothing was removed."
    TRUNCATED = "… ({more} more)"
    TOO_LONG_FOR_FORM = (
        "`{entry_id}` is too long for Discord's form; edit its file in knowledge/entries/ "
        "and run `/kb reload`."
    )

    HISTORY_TITLE = "Changes, newest first"
    HISTORY_EMPTY = "No changes recorded yet."
    HISTORY_OLDER = "{older} not shown: see them with {command}"
    OLDER_CHANGES = ("{count} older change", "{count} older changes")
    HISTORY_COMMAND = "`/kb history before:{before}`"
    HISTORY_ENTRY_COMMAND = "`/kb history entry:{item_id} before:{before}`"
    HISTORY_NONE_BEFORE = "No change was recorded before #{before}."
    HISTORY_NONE_FOR = "No recorded change touched `{item_id}`."
    HISTORY_NONE_FOR_BEFORE = "No change before #{before} touched `{item_id}`."
    HISTORY_UNKNOWN = (
        "No entry, source or vocabulary file has the id `{item_id}`, and no recorded change "
        "touched one by that id. Check its spelling (autocomplete offers the entries)."
    )
    HISTORY_LINE = "#{id} · {at} · {actor} · {action} `{item_id}`{detail}{undone}"
    HISTORY_UNDONE = " (undone by #{undo_id})"

    SOURCES_TITLE = "Sources"
    SOURCES_EMPTY = "There are no sources yet."
    SOURCE_LINE = "`{id}` · {title} · {outlet}, {published} · cited by {cited}"
    COVERAGE = "How much of a source entries cite, with a form for each uncited sentence"
    OPTION_SOURCE = "The source (start typing its id; default: every source)"
    COVERAGE_TITLE = "`{source_id}`: {cited}/{total} sentences cited"
    COVERAGE_ALL_CITED = "Every sentence is cited."
    COVERAGE_HINT = (
        "Press a sentence's number to write its entry: the form holds the quote, the source, "
        "the speaker and a suggested topic; you write the question, answer and phrasings."
    )
    COVERAGE_LINE = "**{number}.** “{sentence}” · {speaker}"
    HELD_OUT = "Which entries need more phrasings: their ways of asking answered only as written"
    OPTION_HELD_OUT_ENTRY = "Only this entry's ways of asking (default: every entry's)"
    HELD_OUT_TITLE = (
        "Held out: {reached}/{asked} ways of asking reach their entry when left out ({share:.0f} %)"
    )
    HELD_OUT_HINT = (
        "Each way of asking below is answered only because it is written word for word: "
        "members asking the same in their own words may not be. For the entries listed "
        "first, add phrasings in members' words (`/kb phrase add`), or make a word named "
        "an alias of one the entry writes (`/kb vocab add`)."
    )
    HELD_OUT_ALL = "Every way of asking reaches its entry even when left out."
    HELD_OUT_TOO_MANY = (
        "The knowledge has {texts} ways of asking; a held-out report asks at most {limit} at "
        "once. Name an entry (`entry:`) to see its own."
    )
    HELD_OUT_BUSY = "A held-out report is being made; ask again when it is shown."
    HELD_OUT_ENTRY_LINE = "`{entry_id}` · {reached}/{asked} reach it when left out"
    HELD_OUT_NONE_LINE = "• “{text}”: not answered ({why})"
    HELD_OUT_OTHER_LINE = "• “{text}”: answered by `{other}`"
    HELD_OUT_WORDS = "; only it gives {words}"
    COVERAGE_MORE = "… and {more} more after these."
    COVERAGE_SUMMARY = "Sentences cited, by source:"
    COVERAGE_SOURCE_LINE = "`{source_id}` · {cited}/{total}"
    COVERAGE_PICK = "Choose a source to cover"
    NO_SOURCE = "There is no source `{source_id}`; `/kb source list` shows them."
    ID_TAKEN = "`{entry_id}` already exists: `/kb edit` changes it, or choose another id."
    NOT_TXT = "The attached file must be a .txt file."
    TOO_BIG = "The attached file is too large (the limit is {limit} bytes)."
    DOWNLOAD_FAILED = "The attached file could not be downloaded from Discord; try again."

    BROKEN_WARNING = (
        "⚠️ The files on disk have {count} problem(s); members get the last good knowledge. "
        "`/kb check` lists them."
    )
    CHECK_OK = "The knowledge on disk is valid: {summary}."
    CHECK_PROBLEMS = "The knowledge on disk has {count} problem(s):"
    CHECK_FILE = "check.txt"
    RELOADED = "Reloaded from disk: {summary}. Members get it now."
    RELOAD_KEPT = (
        "The files on disk have {count} problem(s), so the bot keeps answering from its "
        "last good knowledge. Fix these and run `/kb reload` again:"
    )
    EXPORTED = "The knowledge as of now: {summary}."
    EXPORT_TOO_LARGE = (
        "The knowledge zips to {size:.1f} MB, more than the {limit:.0f} MB Discord takes in "
        "this server: copy the knowledge folder from the bot's machine instead."
    )

    UNANSWERED_EMPTY = "Nothing unanswered to review."
    RECORD_FAILING = (
        "⚠️ Questions are not being recorded right now ({problem}): members still get "
        "answers, but this list misses what was asked since. The operator can see it in "
        "`python -m bot health`."
    )
    RECORD_UNREADABLE = (
        "The record of questions cannot be read ({problem}), so there is nothing to review "
        "until the operator repairs it. Members still get answers."
    )
    UNANSWERED_TITLE = "Unanswered questions, most asked first"
    UNANSWERED_LINE = "**{number}.** “{question}” · asked {count}× · last {last}{misses}{also}"
    UNANSWERED_MISSES = " · {misses} marked “Not what I asked” (answered with {entries})"
    UNANSWERED_TENTATIVE = " · {tentative} answered only as the closest question ({entries})"
    UNANSWERED_ALSO = " · also: {others}"
    UNANSWERED_MORE = (
        "… ({more} more, asked less often: they move up as those above are answered or dismissed)"
    )
    UNANSWERED_PICK = "Choose a group to act on"
    GROUP_OPTION = "{number}. {question}"
    GROUP_DETAIL = "“{question}” · asked {count}× · last {last}"
    GROUP_ASKED = "Asked as:"
    AS_PHRASING = "Add as a phrasing of…"
    NEW_ENTRY = "New entry from it"
    DISMISS = "Dismiss"
    DISMISSED = "Dismissed {count} question(s); they won't be listed again."

    ANNOUNCE = "{actor} {what}"
    ANNOUNCE_ADD = "added `{item_id}` (change #{change_id})"
    ANNOUNCE_EDIT = "edited `{item_id}` (change #{change_id})"
    ANNOUNCE_PHRASE_ADD = "added a phrasing to `{item_id}` (change #{change_id})"
    ANNOUNCE_PHRASE_REMOVE = "removed a phrasing from `{item_id}` (change #{change_id})"
    ANNOUNCE_VOCAB_ADD = "added a word to `{item_id}` (change #{change_id})"
    ANNOUNCE_VOCAB_REMOVE = "removed a word from `{item_id}` (change #{change_id})"
    ANNOUNCE_REMOVE = "removed `{item_id}` (change #{change_id})"
    ANNOUNCE_UNDO = "undid change #{undone} on `{item_id}` (change #{change_id})"
    ANNOUNCE_SOURCE_ADD = "added the source `{item_id}` (change #{change_id})"
    ANNOUNCE_RELOAD = "reloaded the knowledge from disk: {summary}"
    ANNOUNCE_KEPT = (
        "tried to reload, but the files have {count} problem(s); "
        "still serving the last good knowledge"
    )
    DISK_RELOADED = "Picked up the knowledge changed on disk: {summary}."
    DISK_KEPT = (
        "The knowledge changed on disk has {count} problem(s), so the bot keeps answering "
        "from its last good knowledge. Fix these (`/kb check` shows them again):"
    )


class Discord:
    """Text members and moderators see in Discord (commands, replies, buttons, menus)."""

    DEFAULT_NAME = "Briefing"
    TRIMMED = (
        "(Your message was longer than the {limit:,} characters a Discord message can hold, "
        "so only its first {limit:,} characters were read.)"
    )
    ASK_DESCRIPTION = "Ask the briefing a question in your own words"
    ASK_QUESTION = "Your question (suggestions appear as you type)"
    ASK_PRIVATE = "Show the answer to you alone"
    CONTEXT_MENU = "Ask the briefing"
    TOPICS_DESCRIPTION = "Browse what the briefing covers, by topic"
    SOURCES_DESCRIPTION = "The sources the briefing answers from"
    ABOUT_DESCRIPTION = "What the briefing covers and how to ask it"

    MISS_BUTTON = "Not what I asked"
    MISS_NOTED = "Thanks, noted: moderators will see that this answer missed your question."
    MISS_UNKNOWN = "Thanks. That question is no longer in the record, so nothing was noted."
    MISS_NOT_YOURS = (
        "Only the member who asked can mark this answer. If it missed a question of yours, "
        "ask it with /ask and mark that answer."
    )
    FULL_QUOTES_BUTTON = "Show full quotes"
    FULL_QUOTE = "“{quote}”\n— {attribution}"
    QUOTES_CHANGED = (
        "The quotes have changed since that reply was sent: these are the ones the briefing "
        "holds now, for “{question}”."
    )
    ENTRY_GONE = "That question is no longer covered by the briefing. Try /topics."
    QUOTES_BUTTON_OUTDATED = (
        "This button is on a reply sent before the bot was last updated, and can no longer "
        "tell which quotes that reply showed: ask the question again to see them in full."
    )
    ENTRY_CHANGED = (
        "The question you chose has changed since that reply was sent: "
        "this is what the briefing covers under it now."
    )
    CONTROLS_EXPIRED = (
        "These controls have expired (they last 15 minutes, and not past a restart of the "
        "bot): run the command again."
    )
    FORM_EXPIRED = (
        "This form was opened before the bot restarted, so nothing was saved. What you typed "
        "is attached: run the command again and paste it in."
    )
    FORM_EXPIRED_FILE = "your-form.txt"
    FORM_EXPIRED_EMPTY = (
        "This form was opened before the bot restarted, so nothing was saved: run the command "
        "again."
    )
    NO_TEXT_TO_ASK = "That message has no text I could read as a question."
    BOT_MESSAGE = "That message is a bot's, not a member's question: ask in your own words."
    MENTION_HOW_TO = "Mention me with a question: @{name} <your question>"
    TOO_SLOW = (
        "Sorry, I couldn't answer that in time. Please try again in a moment, "
        "or pick a question from /topics."
    )
    COOLDOWN = (
        "You're asking quickly: please wait {count} second before the next question. "
        "/topics lists everything the briefing covers in the meantime.",
        "You're asking quickly: please wait {count} seconds before the next question. "
        "/topics lists everything the briefing covers in the meantime.",
    )
    ERROR = (
        "Sorry, something went wrong on my side and I couldn't answer. "
        "Please try again later. (error id: {error_id})"
    )

    TOPICS_TITLE = "What the briefing covers"
    TOPICS_INTRO = "Choose a question in a menu below to see its answer."
    TOPIC_LINE = "**{topic}**: {count}"
    TOPIC_COUNT = ("{count} question", "{count} questions")
    TOPIC_PLACEHOLDER = "{topic}"
    TOPIC_PART_PLACEHOLDER = "{topic} ({part}/{parts})"
    PAGE = "Page {page} of {pages}"
    PREVIOUS = "Previous"
    NEXT = "Next"
    EMPTY_KNOWLEDGE = "The briefing covers nothing yet."

    SOURCES_TITLE = "Sources"
    SOURCES_INTRO = "Every answer quotes one of these, verbatim."
    SOURCE_LINE = "{outlet}, {date}"
    SOURCE_CITED = ("Cited by {count} entry", "Cited by {count} entries")
    SOURCE_BY = "By {author}"
    SOURCE_NO_LINK = "No link stored"
    NO_SOURCES = "No sources are stored yet."

    ABOUT_TITLE = "About the briefing"
    ABOUT_DESCRIPTION_TEXT = (
        "I answer questions on the topics below from a curated set of questions and answers, "
        "written from reviewed sources. Every answer quotes its sources verbatim, with who "
        "said it, the outlet and the date. When the briefing doesn't cover a question I say "
        "so and offer the closest questions it does cover: I never guess."
    )
    ABOUT_TOPICS_TITLE = "Topics"
    ABOUT_HOW_TITLE = "How to ask"
    ABOUT_HOW = (
        "• `/ask` with your question, in your own words (add `private` to see the answer "
        "alone)\n"
        "• mention me with the question: @{name} <your question>\n"
        "• on any message: Apps → {context_menu}\n"
        "• `/topics` to browse, `/sources` for the sources"
    )
    ABOUT_AS_OF_TITLE = "As of"
    ABOUT_AS_OF = "Newest source: {date}. {entries} and {sources}."
    ABOUT_COUNTS = (
        ("{count} question", "{count} questions"),
        ("{count} source", "{count} sources"),
    )
    ABOUT_NOTHING = "nothing yet"
    ABOUT_RECORD_TITLE = "Privacy"
    ABOUT_RECORD = (
        "The questions asked are kept for {days} days so moderators can improve the briefing: "
        "the text, the answer given, the server, channel and time, never who asked."
    )


class Settings:
    """Why a setting (environment or .env) stops a command: one line, naming the setting."""

    TOKEN_REQUIRED = (
        "DISCORD_TOKEN: required to connect to Discord; set it in the environment or .env"
    )
    NO_KNOWLEDGE_FOLDER = "BRIEFING_KNOWLEDGE_DIR: no folder at {folder}"
    KNOWLEDGE_UNREADABLE = "BRIEFING_KNOWLEDGE_DIR: cannot read {folder} ({reason})"
    ENV_FILE_UNREADABLE = "{file}: cannot be read ({reason})"
    ENV_FILE_NOT_TEXT = "not UTF-8 text"
    TOKEN_MALFORMED = "holds a space or a control character; paste the token Discord shows, alone"
    ENV_FILE_BAD_LINE = "{file}:{line}: is not a setting: write NAME=value, or # before a comment"
    INVALID = "{name}: {problem}"
    NOT_WRITABLE = "{name}: cannot write to {folder} ({reason})"
    NOT_AN_ID = "expected a Discord id (15 to 21 digits), got {raw!r}"
    NOT_AN_ID_LIST = "expected comma-separated Discord ids, got {raw!r}"
    NOT_A_COUNT = "expected a whole number of at least 1, got {raw!r}"
    TOO_MANY_DAYS = "expected at most {limit:,} days, got {raw!r}"
    NOT_A_NUMBER = "expected a number, got {raw!r}"
    NOT_POSITIVE = "expected a number above 0 (and finite), got {raw!r}"
    NOT_A_LEVEL = "expected one of {levels}, got {raw!r}"


class Run:
    """What `python -m bot run` and `python -m bot sync` print (never the token)."""

    NO_TOKEN_FOR_SYNC = (
        "No Discord token is configured (DISCORD_TOKEN), so there is nowhere to sync to."
    )
    CONFIGURATION_ERROR = "configuration error: {error}"
    LOGIN_FAILED = "Discord refused the token: check DISCORD_TOKEN (the token is not shown)."
    UNREACHABLE = "Could not reach Discord ({error}); check the network and try again."
    ALREADY_SERVING = (
        "Another bot process already serves from {data_dir}: stop it first (two would "
        "answer every question twice)."
    )
    SYNCED_GLOBAL = "Synced {count} commands globally; Discord may take up to an hour to show them."
    SYNCED_GUILDS = "Synced {count} commands to {guilds} server(s); they are available now."
