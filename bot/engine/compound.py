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

# Words opening a question: those asking for something (what, who...) and, in English, the
# auxiliaries opening a yes/no question (is, did...); Serbian opens one with "da li".
_ASKING_WORDS = (
    "what|who|whom|whose|when|where|why|how|which|"
    "kush|çfarë|cfare|çka|pse|kur|si|cila|cilat|cili|"
    "ko|šta|sta|kada|zašto|zasto|kako|koji|koje|koja|"
    "ко|шта|када|зашто|како|који|које|која"
)
_QUESTION_WORDS = (
    _ASKING_WORDS + "|is|are|was|were|does|do|did|has|have|will|would|can|could|should|da li|да ли"
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
# In a sentence ending with a full stop, "and has a passport" goes on stating: only a part
# opening with a word asking for something ("..., and what did they do.") is a question.
_ASKS_FOR_SOMETHING = re.compile(rf"^\W*(?:{_ASKING_WORDS})\b", re.IGNORECASE)
_STATEMENT_ENDS = (".", "!")
# A question needs this many words to stand on its own, not a stray "and why?".
MIN_PART_WORDS = 3
MAX_QUESTIONS = 4


def split_questions(text: str) -> list[str]:
    """The questions `text` asks, without the statements around them."""
    return [question for sentence in split_chat(text) for question in _questions_in(sentence)]


def marked_questions(text: str) -> list[str]:
    """The questions of `text` in its sentences ending with a question mark."""
    return [
        question
        for sentence in split_chat(text)
        if sentence.rstrip().endswith("?")
        for question in _questions_in(sentence)
    ]


def asked_apart(text: str) -> list[str]:
    """Each question of `text` as `decide_compound` decides it: after what the message says.

    A question leans on the statement just before it, as a reader takes "that" or "there":
    "I saw they were cutting troops somewhere in the east. Where was that, and did the
    ministry say anything?" asks where the troops were cut, and "Everything in <place>
    began at a bridge. What was blocking the way, and how did the police respond?" asks
    both about that place. Only that sentence: each question is read once more with it,
    so a message of several questions costs little more than one read whole.
    """
    asked: list[tuple[str, str]] = []
    said = ""
    for sentence in split_chat(text):
        questions = _questions_in(sentence)
        if not questions:
            said = sentence
        asked += [(said, question) for question in questions]
    if len(asked) < 2:
        return [question for _, question in asked]
    return [f"{said} {question}" if said else question for said, question in asked]


def _questions_in(sentence: str) -> list[str]:
    """The questions one sentence asks: its parts that ask, as a statement's parts do not."""
    asks = _ASKS_FOR_SOMETHING if sentence.rstrip().endswith(_STATEMENT_ENDS) else _ASKS
    parts = (part.strip(" ,;") for part in _BOUNDARY.split(sentence))
    return [p for p in parts if len(p.split()) >= MIN_PART_WORDS and asks.search(p)]


def decide_compound(
    decide: Callable[[str], Decision],
    question: str,
    max_chars: int = MAX_QUESTION_CHARS,
) -> Decision:
    """Decide each question of a message that asks several, else the message whole.

    Each question is asked after the statement just before it (`asked_apart`).
    A message asking more than `MAX_QUESTIONS` is decided on its first ones, and the
    decision says how many were left `unread`, so the reply can ask for them again
    instead of reading a list of questions as one.

    A message longer than the engine reads is a paste, not a list of questions.
    """
    text = question.strip()
    questions = asked_apart(text) if len(text) <= max_chars else []
    if len(questions) > MAX_QUESTIONS:
        read = questions[:MAX_QUESTIONS]
        decision = _decided_together(decide, read, " ".join(read))
        return replace(decision, question=text, unread=len(questions) - MAX_QUESTIONS)
    if len(questions) >= 2:
        return _decided_together(decide, questions, question)
    return decide(question)


def _decided_together(
    decide: Callable[[str], Decision], questions: list[str], whole: str
) -> Decision:
    """The answers to `questions` standing together, else `whole` decided as one text.

    They stand together only when every question is answered, by at least two different
    entries; the first unanswered question stops the attempt (no more work is spent on
    the rest).
    """
    parts = []
    for part in questions:
        decision = decide(part)
        if not decision.answered:
            break
        parts.append(decision)
    else:
        answers = _distinct_entries(parts)
        if len(answers) >= 2:
            return replace(answers[0], question=whole.strip(), also=tuple(answers[1:]))
    return decide(whole)


def _distinct_entries(decisions: Iterable[Decision]) -> list[Decision]:
    seen: set[str] = set()
    distinct = []
    for decision in decisions:
        if decision.entry is not None and decision.entry.id not in seen:
            seen.add(decision.entry.id)
            distinct.append(decision)
    return distinct
