"""Reading one field of knowledge data: text, lists, mappings and dates, with plain messages.

These are the building blocks of the rules in `validate`. Each returns the field's value
when it is right and None (or an empty list) when it is not, after adding one problem to
the report, so a whole file's problems are found in one pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import date

from bot import strings
from bot.knowledge.problems import FieldPath, Report
from bot.knowledge.yamlfile import Bare
from bot.language.text import clean

ANY_LENGTH = 10_000
_MONTH = re.compile(r"\d{4}-\d{2}")
# Control characters but the tab and the line breaks: invisible in a reply, and a terminal
# reads some as commands (ESC clears the screen); and lone surrogates, halves of a character
# a client sent wrongly, which no file or reply can hold.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters that reorder the text after them (right-to-left overrides, embeddings and
# isolates): the words a member reads are then not in the order they are written.
_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")

_KIND_NAMES = {
    "boolean": strings.Check.KIND_BOOLEAN,
    "number": strings.Check.KIND_NUMBER,
    "date": strings.Check.KIND_DATE,
    "null": strings.Check.KIND_NULL,
    "list": strings.Check.KIND_LIST,
    "mapping": strings.Check.KIND_MAPPING,
    "text": strings.Check.KIND_TEXT,
    "other": strings.Check.KIND_OTHER,
}


def kind_of(value: object) -> str:
    """How a value reads to a moderator ("a boolean", "a list"), for messages."""
    if isinstance(value, Bare):
        kind = value.kind
    elif isinstance(value, bool):
        kind = "boolean"
    elif isinstance(value, int | float):
        kind = "number"
    elif isinstance(value, date):
        kind = "date"
    elif value is None:
        kind = "null"
    elif isinstance(value, list | tuple):
        kind = "list"
    elif isinstance(value, Mapping):
        kind = "mapping"
    elif isinstance(value, str):
        kind = "text"
    else:
        kind = "other"
    return _KIND_NAMES[kind]


def is_null(value: object) -> bool:
    """Whether a value is absent: None, or a YAML null however it was written."""
    return value is None or (isinstance(value, Bare) and value.kind == "null")


def mapping_fields(
    report: Report,
    data: object,
    path: FieldPath,
    fields: tuple[str, ...],
    optional: tuple[str, ...],
    what: str,
) -> Mapping[str, object] | None:
    """`data` as a mapping, or None when it is not one; report missing and unknown fields."""
    if not isinstance(data, Mapping):
        message = strings.Check.NOT_A_MAPPING.format(kind=kind_of(data))
        if path:
            message = strings.Check.CITATION_NOT_A_MAPPING.format(kind=kind_of(data))
        report.add(path, message)
        return None
    for key in data:
        if key not in fields:
            report.add((*path, key), _unknown_field(str(key), fields, what))
    for name in fields:
        if name not in data and name not in optional:
            report.add((*path, name), strings.Check.MISSING_FIELD.format(what=what))
    return data


def _unknown_field(key: str, fields: tuple[str, ...], what: str) -> str:
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if close:
        return strings.Check.UNKNOWN_FIELD.format(what=what, close=close[0])
    return strings.Check.UNKNOWN_FIELD_LIST.format(what=what, fields=", ".join(fields))


def text_field(
    report: Report,
    data: Mapping[str, object],
    path: FieldPath,
    name: str,
    limit: int,
    nullable: bool = False,
) -> str | None:
    """The stripped text of field `name`, or None when it is absent or wrong (reported)."""
    if name not in data:
        return None
    return text_value(report, (*path, name), data[name], limit, nullable)


def text_value(
    report: Report, path: FieldPath, value: object, limit: int, nullable: bool = False
) -> str | None:
    """The stripped text of `value`, or None when it is no text, empty or too long.

    Text of nothing but invisible characters (zero-width spaces) is empty: it reads as
    nothing, to a member and to the engine.
    """
    if is_null(value):
        if not nullable:
            raw = value.raw if isinstance(value, Bare) else ""
            if raw:
                report.add(path, strings.Check.BARE_VALUE.format(raw=raw, kind=kind_of(value)))
            else:
                report.add(path, strings.Check.NULL_VALUE)
        return None
    if isinstance(value, Bare):
        report.add(path, strings.Check.BARE_VALUE.format(raw=value.raw, kind=kind_of(value)))
        return None
    if isinstance(value, Mapping):
        report.add(path, strings.Check.UNQUOTED_COLON)
        return None
    if not isinstance(value, str):
        report.add(path, strings.Check.NOT_TEXT.format(kind=kind_of(value)))
        return None
    text = value.strip()
    if not text or (not text.isascii() and not clean(text)):
        report.add(path, strings.Check.EMPTY_TEXT)
        return None
    if len(text) > limit:
        report.add(path, strings.Check.TOO_LONG.format(length=len(text), limit=limit))
        return None
    control = _CONTROL.search(text)
    if control is not None:
        report.add(path, strings.Check.CONTROL_CHARACTER.format(code=ord(control.group())))
        return None
    direction = _DIRECTION.search(text)
    if direction is not None:
        report.add(path, strings.Check.DIRECTION_CHARACTER.format(code=ord(direction.group())))
        return None
    return text


def first_control_character(text: str) -> tuple[int, int] | None:
    """The line (from 1) and code of the first control character in `text`, if any."""
    control = _CONTROL.search(text)
    if control is None:
        return None
    return text.count("\n", 0, control.start()) + 1, ord(control.group())


def list_field(report: Report, path: FieldPath, value: object, limit: int) -> list[object]:
    """The items of a list field (at most `limit` of them), or [] when it is no list."""
    if not isinstance(value, list | tuple):
        report.add(path, strings.Check.NOT_A_LIST.format(kind=kind_of(value)))
        return []
    if len(value) > limit:
        report.add(path, strings.Check.TOO_MANY.format(count=len(value), limit=limit))
    return list(value)


def date_field(
    report: Report, data: Mapping[str, object], name: str, message: str, month: bool
) -> str | None:
    """An ISO date field (`YYYY-MM-DD`, or `YYYY-MM` when `month`), checked for real dates."""
    value = text_field(report, data, (), name, ANY_LENGTH)
    if value is None:
        return None
    if not _is_date(value, month):
        report.add((name,), message.format(value=value))
        return None
    return value


def _is_date(value: str, month: bool) -> bool:
    if month and _MONTH.fullmatch(value):
        value += "-01"
    if not _DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def pattern_field(
    report: Report,
    data: Mapping[str, object],
    name: str,
    pattern: re.Pattern[str],
    message: str,
    nullable: bool = False,
    limit: int = ANY_LENGTH,
) -> str | None:
    """A text field that must match `pattern` whole (`message` explains the form)."""
    value = text_field(report, data, (), name, limit, nullable)
    if value is None:
        return None
    if not pattern.fullmatch(value):
        report.add((name,), message.format(value=value))
        return None
    return value
