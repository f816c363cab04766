"""One reply model, rendered for the terminal, for JSON, and for Discord.

The engine decides; this module only shows. Nothing about what to answer is decided here.
"""

from __future__ import annotations

from typing import Any

from bot import strings
from bot.engine.decision import MAX_QUESTION_CHARS, Decision, SourcedQuote

__all__ = ["MAX_QUESTION_CHARS", "attribution", "human_date", "render_terminal", "to_json"]


def human_date(iso: str) -> str:
    """Show "2025-12" as "December 2025" and "2025-12-28" as "28 December 2025"."""
    parts = iso.split("-")
    if len(parts) < 2 or not all(part.isdigit() for part in parts):
        return iso
    month = strings.Months.NAMES[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def attribution(quote: SourcedQuote) -> str:
    """Who said it, where, and when: the line under every quote."""
    return strings.Reply.ATTRIBUTION.format(
        speaker=quote.speaker, outlet=quote.outlet, date=human_date(quote.published)
    )


def render_terminal(decision: Decision) -> str:
    """The reply as plain text for a terminal, with the same content a member sees."""
    lines: list[str] = []
    if decision.trimmed:
        lines += [strings.Reply.TRIMMED.format(limit=MAX_QUESTION_CHARS), ""]
    if decision.answered and decision.entry is not None:
        lines += [decision.entry.answer.strip(), ""]
        for quote in decision.quotes:
            lines.append("  " + strings.Reply.QUOTE_LINE.format(quote=quote.quote))
            source_line = "    — " + attribution(quote)
            lines.append(source_line + (f" <{quote.url}>" if quote.url else ""))
        lines += ["", strings.Reply.AS_OF.format(date=human_date(decision.as_of))]
    else:
        lines.append(strings.Reply.NOT_COVERED)
        if decision.suggestions:
            lines.append(strings.Reply.CLOSEST)
            lines += [f"  • {s.question}" for s in decision.suggestions]
        else:
            lines.append(strings.Reply.NO_SUGGESTIONS)
    return "\n".join(lines)


def to_json(decision: Decision) -> dict[str, Any]:
    """The stable JSON contract of `python -m bot ask --json` (the benchmark reads it)."""
    answered = decision.answered and decision.entry is not None
    return {
        "answered": answered,
        "entry_id": decision.entry.id if answered and decision.entry else None,
        "score": round(decision.score, 4),
        "answer": decision.entry.answer.strip() if answered and decision.entry else "",
        "sources": [
            {
                "quote": q.quote,
                "speaker": q.speaker,
                "outlet": q.outlet,
                "date": q.published,
                "url": q.url,
            }
            for q in (decision.quotes if answered else ())
        ],
        "suggestions": [
            {"entry_id": s.entry_id, "question": s.question} for s in decision.suggestions
        ],
    }
