"""The rules every entry and source must meet, shared by the whole load and single edits.

`python -m bot check`, a reload of the running bot and a moderator's `/kb add` all go
through the functions here, so Discord refuses exactly what the checker refuses. Values
arrive as plain data (from YAML via `yamlfile`, or from a Discord form); the `Report`
places each problem on the line of its field when the data came from a file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from bot import strings
from bot.knowledge.fields import (
    ANY_LENGTH,
    date_field,
    first_control_character,
    is_null,
    kind_of,
    list_field,
    mapping_fields,
    pattern_field,
    text_field,
    text_value,
)
from bot.knowledge.files import RESERVED_NAMES, SOURCE_TEXT_LIMIT
from bot.knowledge.model import Citation, Entry, Knowledge, Source
from bot.knowledge.problems import FieldPath, Problem, Report
from bot.knowledge.quotes import (
    QUOTE_MIN_WORDS,
    find_quote,
    misquote,
    normalise,
    unpaired_fix,
    word_count,
)
from bot.language.markup import markup_in

ID_PATTERN = re.compile(r"[a-z0-9-]{3,64}")
QUESTION_LIMIT = 100
ANSWER_LIMIT = 700
TOPIC_LIMIT = 60
PHRASING_LIMIT = 200
PHRASINGS_MAX = 40
QUOTE_LIMIT = 1000
# Quotes not found whose closest passage one check looks for (each search costs up to a
# second in a long source); a moderator fixes a few at a time.
MISQUOTES_EXPLAINED = 20
SPEAKER_LIMIT = 100
TITLE_LIMIT = 300
OUTLET_LIMIT = 100
AUTHOR_LIMIT = 100
# A source's web address: article addresses run to a few hundred characters; past this it
# carries tracking parameters, and a quote's line with it must fit in one Discord message
# (QUOTE_LIMIT, SPEAKER_LIMIT and OUTLET_LIMIT with it stay within 2,000).
URL_LIMIT = 500
# A moderator whose day is ahead of the server's adds a source dated tomorrow here.
_TIME_ZONES_AHEAD = timedelta(days=1)

ENTRY_FIELDS = ("id", "question", "topic", "answer", "phrasings", "citations")
ENTRY_OPTIONAL = ("phrasings",)
CITATION_FIELDS = ("source", "quote", "speaker")
SOURCE_FIELDS = ("id", "title", "outlet", "author", "published", "url", "language", "added")
SOURCE_OPTIONAL = ("author", "url")

# How many phrasing paths are shared by every entry file's claims: all a valid entry has.
_SHARED_PATHS = PHRASINGS_MAX
# A host with a dot inside it, then anything without spaces. The dot is looked for ahead
# rather than split out: "host.part" splits many ways, and a long hostile value tried each.
_URL = re.compile(r"https://(?=[^\s/]+\.[^\s/])\S+")
_LANGUAGE = re.compile(r"[a-z]{2}")
_TRAILING_MARKS = " ?!.…"


def validate_entry_data(
    data: Mapping[str, object],
    knowledge: Knowledge,
    label: str,
    claims: ClaimIndex | None = None,
) -> tuple[Entry | None, list[Problem]]:
    """Validate one new or edited entry against a snapshot, as the full check would.

    An entry of `knowledge` with the same id is the one being replaced, so it neither
    counts as a duplicate id nor as a rival claim to its own phrasings. `claims` is
    `ClaimIndex.of(knowledge)` when the caller keeps one (made here otherwise).
    """
    report = Report(label)
    entry = check_entry(data, report, knowledge.sources)
    if entry is not None:
        (claims or ClaimIndex.of(knowledge)).check(entry, report)
    return (entry if not report.problems else None), report.sorted_problems()


def validate_source_data(
    data: Mapping[str, object], text: str, label: str
) -> tuple[Source | None, list[Problem]]:
    """Validate one new or edited source (metadata and text), as the full check would."""
    report = Report(label)
    text_report = Report(text_label(label))
    source = check_source(data, text, report, text_report)
    problems = report.sorted_problems() + text_report.sorted_problems()
    return (source if not problems else None), problems


def entry_label(entry_id: str) -> str:
    """The file an entry lives in, relative to the knowledge folder."""
    return f"entries/{entry_id}.yaml"


def text_label(label: str) -> str:
    """The text file beside a source's metadata file."""
    return label.removesuffix(".yaml") + ".txt"


class Misquotes:
    """Says why quotes were not found, searching the closest passage of at most `limit`.

    The search costs up to a second in a long source: a load shares one of these, so
    files of made-up quotes cannot make it slow; the quotes past the limit are still
    refused, with a shorter message.
    """

    def __init__(self, limit: int = MISQUOTES_EXPLAINED) -> None:
        self.limit = limit
        self._left = limit

    def message(self, quote: str, source: Source) -> str:
        """Why `quote` was refused (see `misquote_message`), while the budget lasts."""
        if self._left <= 0:
            return strings.Check.QUOTE_NOT_SEARCHED.format(source=source.id, limit=self.limit)
        self._left -= 1
        return misquote_message(quote, source)


def check_entry(
    data: object,
    report: Report,
    sources: Mapping[str, Source | None],
    file_id: str | None = None,
    misquotes: Misquotes | None = None,
) -> Entry | None:
    """Check one entry's fields; return the entry only when it has no problem.

    `sources` maps each known source id to its source, or to None when that source is
    itself broken (its problems are reported there, not again on every citation).
    `misquotes` says why quotes were not found (one shared by a whole load).
    """
    before = len(report.problems)
    data = mapping_fields(report, data, (), ENTRY_FIELDS, ENTRY_OPTIONAL, strings.Check.AN_ENTRY)
    if data is None:
        return None
    entry_id = _id(report, data, file_id)
    question = _typed(
        report, ("question",), text_field(report, data, (), "question", QUESTION_LIMIT)
    )
    topic = text_field(report, data, (), "topic", TOPIC_LIMIT)
    answer = text_field(report, data, (), "answer", ANSWER_LIMIT)
    phrasings = _phrasings(report, data.get("phrasings", []))
    citations = _citations(report, data.get("citations"), sources, misquotes or Misquotes())
    _repeats(report, question, phrasings)
    if len(report.problems) > before:
        return None
    return Entry(
        id=str(entry_id),
        question=str(question),
        answer=str(answer),
        topic=str(topic),
        phrasings=tuple(p for p in phrasings if p is not None),
        citations=citations,
    )


def check_source(
    data: object, text: str | None, report: Report, text_report: Report, file_id: str | None = None
) -> Source | None:
    """Check one source's metadata and text; return the source only when it has no problem.

    `text` is None when reading it already failed (and was reported).
    """
    before = len(report.problems) + len(text_report.problems)
    if text is not None and not text.strip():
        text_report.add((), strings.Check.TEXT_EMPTY)
    control = first_control_character(text) if text is not None else None
    if control is not None:
        line, code = control
        text_report.add((), strings.Check.CONTROL_CHARACTER_AT.format(line=line, code=code))
    size = len(text.encode("utf-8", errors="surrogatepass")) if text is not None else 0
    if size > SOURCE_TEXT_LIMIT:
        text_report.add((), strings.Check.TOO_LARGE.format(size=size, limit=SOURCE_TEXT_LIMIT))
    data = mapping_fields(report, data, (), SOURCE_FIELDS, SOURCE_OPTIONAL, strings.Check.A_SOURCE)
    if data is None:
        return None
    source_id = _id(report, data, file_id)
    title = text_field(report, data, (), "title", TITLE_LIMIT)
    outlet = text_field(report, data, (), "outlet", OUTLET_LIMIT)
    author = text_field(report, data, (), "author", AUTHOR_LIMIT, nullable=True)
    published = date_field(report, data, "published", strings.Check.BAD_PUBLISHED, month=True)
    added = date_field(report, data, "added", strings.Check.BAD_ADDED, month=False)
    url = pattern_field(
        report, data, "url", _URL, strings.Check.BAD_URL, nullable=True, limit=URL_LIMIT
    )
    if added is not None and date.fromisoformat(added) > date.today() + _TIME_ZONES_AHEAD:
        report.add(("added",), strings.Check.ADDED_IN_FUTURE.format(added=added))
    if published is not None and added is not None and _first_day(published) > added:
        report.add(
            ("published",),
            strings.Check.PUBLISHED_AFTER_ADDED.format(published=published, added=added),
        )
    language = pattern_field(report, data, "language", _LANGUAGE, strings.Check.BAD_LANGUAGE)
    if text is None or len(report.problems) + len(text_report.problems) > before:
        return None
    return Source(
        id=str(source_id),
        title=str(title),
        outlet=str(outlet),
        published=str(published),
        language=str(language),
        added=str(added),
        text=text,
        author=author,
        url=url,
    )


def _first_day(published: str) -> str:
    """The first day a `published` date may stand for (its month's first, when no day)."""
    return published if len(published) > len("YYYY-MM") else f"{published}-01"


# An entry's claim: its id, its file's label, and what the text is in it (the question or a
# phrasing), as a refusal names them.
_Owner = tuple[str, str, str]
# How many texts edits may change before a claims list is made whole again: its changes
# are copied at each edit, where the whole list (75,000 texts at 10,000 entries) would be.
_CHANGES_KEPT = 2_000


class ClaimIndex:
    """Which entry claims each question and phrasing, to refuse a second claim.

    Two entries answering to the same words would make the engine's choice between them
    arbitrary, so a phrasing (or a question) belongs to one entry only. Texts are compared
    casefolded, with invisible characters dropped and whitespace, typographic marks and
    trailing punctuation evened out.

    An edited copy (`edited`) shares the claims it was made from, never changed once made,
    and holds only what its edits changed (None: a claim taken back).
    """

    def __init__(self) -> None:
        self._owners: dict[str, _Owner] = {}
        self._changes: dict[str, _Owner | None] = {}

    @classmethod
    def of(cls, knowledge: Knowledge) -> ClaimIndex:
        """The claims of every entry of a snapshot (which, loaded whole, has no clash)."""
        claims = cls()
        for entry in knowledge.entries.values():
            for key, owner in _owned(entry):
                claims._owners.setdefault(key, owner)
        return claims

    def edited(self, old: Entry | None, new: Entry | None) -> ClaimIndex:
        """A copy with `old`'s claims taken back and `new`'s made (either may be None).

        What an edit of one entry does to the claims of a snapshot, without claiming (or
        copying) the texts of every other entry again (75,000 of them at 10,000 entries).
        """
        edited = ClaimIndex()
        edited._owners, edited._changes = self._owners, dict(self._changes)
        if old is not None:
            for _, text in _claims(old):
                key = claim_key(text)
                owner = edited._owner(key)
                if owner is not None and owner[0] == old.id:
                    edited._changes[key] = None
        if new is not None:
            for key, owner in _owned(new):
                if edited._owner(key) is None:
                    edited._changes[key] = owner
        if len(edited._changes) > _CHANGES_KEPT:
            owners = {**edited._owners, **edited._changes}
            edited._owners = {k: v for k, v in owners.items() if v is not None}
            edited._changes = {}
        return edited

    def check(self, entry: Entry, report: Report) -> None:
        """Report each of `entry`'s claims already made by another entry."""
        for path, text in _claims(entry):
            owner = self._owner(claim_key(text))
            if owner is not None and owner[0] != entry.id:
                other_id, other_label, what = owner
                message = strings.Check.CLAIMED.format(
                    value=text, other=what, entry=other_id, file=other_label
                )
                report.add(path, message)

    def _owner(self, key: str) -> _Owner | None:
        if key in self._changes:
            return self._changes[key]
        return self._owners.get(key)


@dataclass(frozen=True)
class Claimant:
    """The question and phrasings an entry file claims, read even when it has other problems.

    Read from the file's data rather than from a valid entry, so a clash is reported in
    the same run as every other problem, not once the others are fixed.
    """

    report: Report
    claims: tuple[tuple[FieldPath, str], ...]


def claimant(data: object, report: Report) -> Claimant:
    """The claims of one entry file's data (those that are text at all)."""
    claims: list[tuple[FieldPath, str]] = []
    if isinstance(data, Mapping):
        question = data.get("question")
        if isinstance(question, str) and question.strip():
            claims.append((("question",), question))
        phrasings = data.get("phrasings")
        if isinstance(phrasings, list):
            claims.extend(
                (_phrasing_path(index), phrasing)
                for index, phrasing in enumerate(phrasings)
                if isinstance(phrasing, str) and phrasing.strip()
            )
    return Claimant(report, tuple(claims))


@lru_cache(maxsize=_SHARED_PATHS)
def _phrasing_path(index: int) -> FieldPath:
    """The path of the phrasing at `index`, one object for every entry file's claims."""
    return ("phrasings", index)


def report_clashes(
    claimants: Sequence[Claimant], oldest_first: Callable[[list[str]], list[str]]
) -> None:
    """Report each text two entry files claim, on the newer file; the older keeps its claim.

    `oldest_first` orders the files of a clash by age (see `bot.knowledge.age`); it is
    asked only when there is a clash, since finding out may take a look at git.
    """
    owners: dict[str, list[tuple[Claimant, FieldPath, str]]] = {}
    for found in claimants:
        for path, text in found.claims:
            owners.setdefault(claim_key(text), []).append((found, path, text))
    clashes = [
        claims for claims in owners.values() if len({c.report.label for c, _, _ in claims}) > 1
    ]
    if not clashes:
        return
    labels = sorted({c.report.label for claims in clashes for c, _, _ in claims})
    rank = {label: index for index, label in enumerate(oldest_first(labels))}
    for claims in clashes:
        claims.sort(key=lambda claim: rank[claim[0].report.label])
        owner, owner_path, _ = claims[0]
        what = (
            strings.Check.THE_QUESTION if owner_path[0] == "question" else strings.Check.A_PHRASING
        )
        owner_id = _file_id(owner)
        for found, path, text in claims[1:]:
            if found.report.label != owner.report.label:
                message = strings.Check.CLAIMED.format(
                    value=text, other=what, entry=owner_id, file=owner.report.label
                )
                found.report.add(path, message)


def _file_id(found: Claimant) -> str:
    return found.report.label.removeprefix("entries/").removesuffix(".yaml")


def claim_key(text: str) -> str:
    """The form in which two phrasings count as the same words.

    Format characters (Unicode category Cf: zero-width spaces and joiners, the byte-order
    mark, the word joiner, direction marks) are dropped first: they are invisible, so a
    copy of a question carrying one reads the same and must count as the same.
    """
    # Printable text (nearly all) holds no format character: only the rest is read per
    # character, which at 10,000 entries was most of the check's time.
    if text.isprintable():
        visible = text
    else:
        visible = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return normalise(visible).casefold().rstrip(_TRAILING_MARKS)


def _owned(entry: Entry) -> Iterator[tuple[str, _Owner]]:
    """Each of `entry`'s claims as a claims list keeps it: its key, and who claims it how."""
    label = entry_label(entry.id)
    for path, text in _claims(entry):
        what = strings.Check.THE_QUESTION if path[0] == "question" else strings.Check.A_PHRASING
        yield claim_key(text), (entry.id, label, what)


def _claims(entry: Entry) -> Iterable[tuple[FieldPath, str]]:
    yield ("question",), entry.question
    for index, phrasing in enumerate(entry.phrasings):
        yield ("phrasings", index), phrasing


def _id(report: Report, data: Mapping[str, object], file_id: str | None) -> str | None:
    value = text_field(report, data, (), "id", ANY_LENGTH)
    if value is None:
        return None
    if not ID_PATTERN.fullmatch(value):
        report.add(("id",), strings.Check.BAD_ID.format(value=value))
    elif value in RESERVED_NAMES:
        report.add(("id",), strings.Check.RESERVED_ID.format(value=value))
    elif file_id is not None and value != file_id:
        report.add(("id",), strings.Check.ID_NOT_FILE_NAME.format(value=value, file=file_id))
    return value


def _phrasings(report: Report, value: object) -> list[str | None]:
    """Each phrasing's text, None where it is wrong, so positions match the file."""
    if is_null(value):
        return []
    items = list_field(report, ("phrasings",), value, PHRASINGS_MAX)
    return [
        _typed(report, ("phrasings", i), text_value(report, ("phrasings", i), item, PHRASING_LIMIT))
        for i, item in enumerate(items)
    ]


def _typed(report: Report, path: FieldPath, text: str | None) -> str | None:
    """`text`, a way members ask, unless it holds Discord markup, which none can (reported)."""
    markup = markup_in(text) if text is not None else None
    if markup is None:
        return text
    report.add(path, strings.Check.MARKUP.format(markup=markup))
    return None


def _repeats(report: Report, question: str | None, phrasings: list[str | None]) -> None:
    """Report a phrasing that repeats the question or an earlier phrasing of the same entry."""
    seen: dict[str, str] = {}
    if question is not None:
        seen[claim_key(question)] = strings.Check.THE_QUESTION
    for index, phrasing in enumerate(phrasings):
        if phrasing is None:
            continue
        key = claim_key(phrasing)
        if key in seen:
            message = strings.Check.REPEATS.format(value=phrasing, other=seen[key])
            report.add(("phrasings", index), message)
        else:
            seen[key] = f"phrasings[{index}]"


def _citations(
    report: Report, value: object, sources: Mapping[str, Source | None], misquotes: Misquotes
) -> tuple[Citation, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        report.add(("citations",), strings.Check.NOT_A_LIST.format(kind=kind_of(value)))
        return ()
    if not value:
        report.add(("citations",), strings.Check.NO_CITATIONS)
    items = list(value)
    found = (
        _citation(report, ("citations", i), item, sources, misquotes)
        for i, item in enumerate(items)
    )
    return tuple(c for c in found if c is not None)


def _citation(
    report: Report,
    path: FieldPath,
    value: object,
    sources: Mapping[str, Source | None],
    misquotes: Misquotes,
) -> Citation | None:
    value = mapping_fields(report, value, path, CITATION_FIELDS, (), strings.Check.A_CITATION)
    if value is None:
        return None
    source_id = text_field(report, value, path, "source", ANY_LENGTH)
    quote = text_field(report, value, path, "quote", QUOTE_LIMIT)
    speaker = text_field(report, value, path, "speaker", SPEAKER_LIMIT)
    count = word_count(quote) if quote is not None else QUOTE_MIN_WORDS
    if count < QUOTE_MIN_WORDS:
        message = strings.Check.QUOTE_TOO_SHORT.format(count=count, minimum=QUOTE_MIN_WORDS)
        report.add((*path, "quote"), message)
        return None
    if source_id is None or quote is None or speaker is None:
        return None
    if source_id not in sources:
        report.add((*path, "source"), _unknown_source(source_id, sources))
        return None
    source = sources[source_id]
    if source is None:
        return None
    if not find_quote(quote, source.text):
        report.add((*path, "quote"), misquotes.message(quote, source))
        return None
    return Citation(source_id=source_id, quote=quote, speaker=speaker)


def _unknown_source(source_id: str, sources: Mapping[str, Source | None]) -> str:
    if not sources:
        return strings.Check.NO_SOURCES.format(value=source_id)
    return strings.Check.UNKNOWN_SOURCE.format(value=source_id, known=", ".join(sorted(sources)))


def misquote_message(quote: str, source: Source) -> str:
    """Why a quote was refused: where it first differs from the closest passage, and that passage.

    The closest passage is in the source's own typography, ready to copy.
    """
    found = misquote(quote, source.text)
    if not found.passage:
        return strings.Check.QUOTE_NOTHING_LIKE.format(source=source.id)
    if found.difference is None:
        return strings.Check.QUOTE_NOT_FOUND.format(source=source.id, passage=found.passage)
    quoted, original = found.difference
    return strings.Check.QUOTE_DIFFERS.format(
        source=source.id, quoted=quoted, original=original, passage=found.passage
    )


def quote_warnings(entry: Entry) -> list[tuple[FieldPath, str]]:
    """What is odd but not wrong in an entry's quotes: quotation marks that do not pair up."""
    found: list[tuple[FieldPath, str]] = []
    for index, citation in enumerate(entry.citations):
        fix = unpaired_fix(citation.quote)
        if fix is not None:
            message = strings.Check.UNPAIRED_MARKS.format(fix=fix)
            found.append((("citations", index, "quote"), message))
    return found
