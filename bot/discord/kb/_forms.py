"""The text of the `/kb` forms, turned into the plain data the knowledge store validates.

A Discord modal holds at most five text inputs, so an entry's citations share one input,
written as short `source:` / `speaker:` / `quote:` blocks separated by a blank line. This
module only reshapes text (and turns away an unfit attachment before the form); every
rule about what is valid belongs to the validator the store runs, so `/kb` refuses exactly
what `python -m bot check` refuses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from bot.discord_format import ELLIPSIS, FORM_PARAGRAPH_LIMIT
from bot.engine.compound import split_questions
from bot.knowledge.files import RESERVED_NAMES
from bot.knowledge.model import Entry
from bot.knowledge.problems import Problem
from bot.knowledge.store import Refused
from bot.knowledge.validate import PHRASING_LIMIT, QUESTION_LIMIT
from bot.strings import Kb

_KEY_LINE = re.compile(r"^\s*(source|speaker|quote)\s*:\s*(.*)$", re.IGNORECASE)
_ID_WORD = re.compile(r"[a-z0-9]+")
ID_LENGTH = 48
FALLBACK_ID = "entry"


@dataclass(frozen=True)
class EntryForm:
    """The five inputs of the entry form, as the moderator sees and types them."""

    question: str = ""
    topic: str = ""
    answer: str = ""
    phrasings: str = ""
    citations: str = ""


def form_from_entry(entry: Entry) -> EntryForm:
    """The form pre-filled with an entry's current text."""
    return EntryForm(
        question=entry.question,
        topic=entry.topic,
        answer=entry.answer,
        phrasings="\n".join(entry.phrasings),
        citations=citations_text(entry),
    )


def citations_text(entry: Entry) -> str:
    """The entry's citations as the blocks the citations input holds."""
    return "\n\n".join(
        f"source: {c.source_id}\nspeaker: {c.speaker}\nquote: {c.quote}" for c in entry.citations
    )


def form_from_wordings(wordings: Sequence[str]) -> EntryForm:
    """The new-entry form holding members' wordings: the first as question, the rest as phrasings.

    Discord refuses a form whose pre-filled text exceeds an input's limit, and a member's
    wording may be a long message: each is reduced to what asks (`asking_part`). The
    question input always gets something to start from (the end of its wording, where a
    long message usually asks); a wording that cannot be a phrasing whole is left out
    rather than cut, since a cut phrasing would be saved as such if not noticed.
    """
    if not wordings:
        return EntryForm()
    question = asking_part(wordings[0], QUESTION_LIMIT) or _end_at_word(
        " ".join(wordings[0].split()), QUESTION_LIMIT
    )
    lines: list[str] = []
    for wording in wordings[1:]:
        phrasing = asking_part(wording, PHRASING_LIMIT)
        if not phrasing or phrasing.casefold() in {question.casefold(), *map(str.casefold, lines)}:
            continue
        if len("\n".join([*lines, phrasing])) <= FORM_PARAGRAPH_LIMIT:
            lines.append(phrasing)
    return EntryForm(question=question, phrasings="\n".join(lines))


def asking_part(wording: str, limit: int) -> str:
    """`wording` on one line if it fits `limit`, else the last question it asks that fits.

    Empty when neither fits: a long message's own question may be a whole paragraph.
    """
    text = " ".join(wording.split())
    if len(text) <= limit:
        return text
    asked = [question for question in split_questions(text) if len(question) <= limit]
    return asked[-1] if asked else ""


def _end_at_word(text: str, limit: int) -> str:
    """The last words of `text` that fit in `limit`, after an ellipsis showing the cut."""
    tail = text[len(text) - (limit - len(ELLIPSIS)) :]
    start = tail.find(" ")
    if 0 <= start < len(tail) - 1:
        tail = tail[start + 1 :]
    return ELLIPSIS + tail


def entry_data(form: EntryForm, entry_id: str) -> dict[str, Any]:
    """The mapping an entry file would hold for this form (not yet validated)."""
    return {
        "id": entry_id,
        "question": form.question.strip(),
        "topic": form.topic.strip(),
        "answer": form.answer.strip(),
        "phrasings": phrasing_lines(form.phrasings),
        "citations": parse_citations(form.citations),
    }


def phrasing_lines(text: str) -> list[str]:
    """One phrasing per non-empty line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def parse_citations(text: str) -> list[dict[str, str]]:
    """Read `source:` / `speaker:` / `quote:` blocks into citation mappings.

    A blank line or a repeated key starts the next citation; a line without a key continues
    the value above it (a long quote wrapped by hand); text before any key is taken as a
    quote, so a pasted quote is not lost. A missing key stays missing, and the validator
    names it.
    """
    citations: list[dict[str, str]] = []
    current: dict[str, str] = {}
    last_key = "quote"
    for line in text.splitlines():
        match = _KEY_LINE.match(line)
        if not line.strip():
            current = _close(citations, current)
        elif match:
            key = match.group(1).lower()
            if key in current:
                current = _close(citations, current)
            current[key] = match.group(2).strip()
            last_key = key
        else:
            previous = current.get(last_key, "")
            current[last_key] = f"{previous} {line.strip()}".strip()
    _close(citations, current)
    return citations


def _close(citations: list[dict[str, str]], current: dict[str, str]) -> dict[str, str]:
    if current:
        citations.append(current)
    return {}


def new_entry_id(question: str, taken: Collection[str]) -> str:
    """An id made from the question's words, unique among `taken`.

    Readable in a file listing and in a diff; the moderator may choose another with the
    command's `entry_id` option.
    """
    folded = unicodedata.normalize("NFKD", question).encode("ascii", "ignore").decode()
    folded = folded.replace("'", "")
    words = _ID_WORD.findall(folded.lower())
    base = ""
    for word in words:
        candidate = f"{base}-{word}" if base else word
        if len(candidate) > ID_LENGTH:
            break
        base = candidate
    if len(base) < 3 or base in RESERVED_NAMES:
        base = FALLBACK_ID
    unique, number = base, 2
    while unique in taken:
        unique, number = f"{base}-{number}", number + 1
    return unique


def unfit_upload(filename: str, size: int, limit: int) -> Refused | None:
    """A refusal if an attached file is not a `.txt` file within `limit` bytes, else None.

    Decided from what Discord says about the file, so the form opens at once; the file
    itself is downloaded only when the form is submitted.
    """
    if not filename.lower().endswith(".txt"):
        return Refused((Problem("", Kb.NOT_TXT),))
    if size > limit:
        return Refused((Problem("", Kb.TOO_BIG.format(limit=limit)),))
    return None
