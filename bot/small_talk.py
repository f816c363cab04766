"""Greetings, thanks and requests for help: messages that ask nothing of the knowledge.

"hi", "thanks!", "help" or "what can you do?" are not questions the briefing could cover,
and a refusal ("the briefing doesn't cover that") tells a newcomer nothing. The front ends
answer them with what the bot covers instead. Only a message made entirely of such words
counts: "hi, why isn't X in Y?" is a question, and is asked.

The words are general language (English, Albanian, Serbian, in their folded form), not
the subject: what the bot covers comes from the knowledge.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.language.text import fold

SmallTalk = Literal["greeting", "thanks", "help"]

# A longer message says more than hello: it is read as a question.
MAX_CHARS = 80

_PHRASES: dict[SmallTalk, tuple[str, ...]] = {
    "greeting": (
        "hi", "hello", "hey", "heya", "hiya", "howdy", "yo", "greetings", "good morning",
        "good afternoon", "good evening", "good day", "morning", "how are you", "what up",
        "whats up", "sup",
        "pershendetje", "tungjatjeta", "tung", "miredita", "mirembrema", "miremengjes",
        "ckemi", "si je", "si jeni",
        "zdravo", "cao", "pozdrav", "dobar dan", "dobro jutro", "dobro vece", "dobar vecer",
        "kako si", "kako ste", "hej",
    ),
    "thanks": (
        "thanks", "thank you", "thx", "ty", "tysm", "cheers", "much appreciated",
        "appreciated", "many thanks", "faleminderit", "flm", "rrofsh", "hvala", "merci",
    ),
    "help": (
        "help", "i need help", "what can you do", "what do you do", "what do you know",
        "what do you cover", "what can i ask", "what should i ask", "what are you",
        "who are you", "how does this work", "how do i use this", "how do you work",
        "commands", "topics", "sources", "about", "menu", "start",
        "ndihme", "me ndihmo", "cfare di", "cfare mund te besh", "kush je",
        "pomoc", "pomozi", "sta znas", "sta mozes", "ko si",
        "sta mozes da radis", "sta mozes da uradis", "sta umes", "sta radis",
    ),
}  # fmt: skip
# Words that come with small talk and add nothing to it.
_FILLER = frozenset({
    "a", "again", "all", "and", "bot", "briefing", "everyone", "folks", "great", "guys", "i",
    "just", "lot", "mate", "me", "much", "nice", "oh", "ok", "okay", "please", "pls", "plz",
    "so", "team", "the", "there", "this", "very", "you", "shume", "puno", "lepo",
})  # fmt: skip
_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(p) for p in sorted((p for ps in _PHRASES.values() for p in ps), key=len)[::-1]
    )
    + r")\b"
)
_KIND = {phrase: kind for kind, phrases in _PHRASES.items() for phrase in phrases}
# When a message both greets and asks for help ("hi, what can you do?"), help is the answer.
_PRECEDENCE: tuple[SmallTalk, ...] = ("help", "thanks", "greeting")


def small_talk(text: str) -> SmallTalk | None:
    """The kind of small talk `text` is, or None when it is (or may be) a real question."""
    if len(text) > MAX_CHARS:
        return None
    folded = fold(text)
    found = {_KIND[match] for match in _PATTERN.findall(folded)}
    rest = _PATTERN.sub(" ", folded).split()
    if not found or any(word not in _FILLER for word in rest):
        return None
    return next(kind for kind in _PRECEDENCE if kind in found)
