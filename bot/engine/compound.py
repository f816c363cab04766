"""Messages that ask several things at once: each question decided, every answer shown.

"Who doesn't recognise <country>, and how many members does <body> have?" asks two things no
single entry states; each question is decided on its own, and when every one of them is
answered, all the answers are shown.

A part is answered only by the same strict rules as a whole question, and a compound
answer needs every question in the message answered, so splitting never lowers the bar:
a message whose second question the knowledge does not cover keeps the whole message's
decision.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from bot.engine.decision import MAX_QUESTION_CHARS, Decision
from bot.language.sentences import split_chat

_QUESTION_WORDS = (
    "what|who|whom|whose|when|where|why|how|which|is|are|was|were|does|do|did|has|have|"
    "will|would|can|could|should|"
    "kush|çfarë|cfare|çka|pse|kur|si|cila|cilat|cili|"
    "ko|šta|sta|kada|zašto|zasto|kako|koji|koje|koja|da li|"
    "ко|шта|када|зашто|како|који|које|која|да ли"
)
# Where a new question starts inside one sentence: at "and", "also", "plus" (Albanian
# "dhe", "edhe"; Serbian "i", "и") followed by a question word. Sentence ends are found by
# the splitter the coverage check uses, so "the U.S. reduced" is one question.
_BOUNDARY = re.compile(
    r"[,;]?\s+(?:and|also|plus|dhe|edhe|i|и)\s+(?:also\s+)?"
    rf"(?=(?:{_QUESTION_WORDS})\b)",
    re.IGNORECASE,
)
_ASKS = re.compile(rf"^\W*(?:{_QUESTION_WORDS})\b|\?\s*$", re.IGNORECASE)
# A question needs this many words to stand on its own, not a stray "and why?".
MIN_PART_WORDS = 3
MAX_QUESTIONS = 4


def split_questions(text: str) -> list[str]:
    """The questions `text` asks, without the statements around them."""
    parts = [part.strip(" ,;") for s in split_chat(text) for part in _BOUNDARY.split(s)]
    return [p for p in parts if len(p.split()) >= MIN_PART_WORDS and _ASKS.search(p)]


def decide_compound(
    decide: Callable[[str], Decision], question: str, max_chars: int = MAX_QUESTION_CHARS
) -> Decision:
    """Decide each question of a message that asks several, else the message whole.

    The answers stand together only when every question is answered, by at least two
    different entries; the first unanswered question stops the attempt (no more work is
    spent on the rest) and the message is decided whole. A message longer than the engine
    reads is a paste, not a list of questions.
    """
    text = question.strip()
    questions = split_questions(text) if len(text) <= max_chars else []
    if 2 <= len(questions) <= MAX_QUESTIONS:
        parts = []
        for part in questions:
            decision = decide(part)
            if not decision.answered:
                break
            parts.append(decision)
        else:
            answers = _distinct_entries(parts)
            if len(answers) >= 2:
                return replace(answers[0], question=text, also=tuple(answers[1:]))
    return decide(question)


def _distinct_entries(decisions: Iterable[Decision]) -> list[Decision]:
    seen: set[str] = set()
    distinct = []
    for decision in decisions:
        if decision.entry is not None and decision.entry.id not in seen:
            seen.add(decision.entry.id)
            distinct.append(decision)
    return distinct
