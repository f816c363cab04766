"""Knowledge built in code, for the shapes the test knowledge folder does not have:
over-long quotes, many topics, many questions, links."""

from bot.knowledge.model import Citation, Entry, Knowledge, Source


def source(source_id: str = "long-report", url: str | None = None, **fields) -> Source:
    values = {
        "id": source_id,
        "title": "A long report on enlargement",
        "outlet": "Example Outlet",
        "published": "2025-11-30",
        "language": "en",
        "added": "2026-11-27",
        "text": "The full text of the report.",
        "url": url,
    }
    return Source(**(values | fields))


def entry(
    entry_id: str,
    question: str,
    topic: str = "Enlargement",
    quotes: tuple[str, ...] = ("A short quote.",),
    source_id: str = "long-report",
) -> Entry:
    return Entry(
        id=entry_id,
        question=question,
        answer=f"The answer to: {question}",
        topic=topic,
        phrasings=(),
        citations=tuple(Citation(source_id, quote, "A. Speaker") for quote in quotes),
    )


def knowledge(entries: list[Entry], sources: list[Source] | None = None) -> Knowledge:
    sources = sources if sources is not None else [source()]
    return Knowledge(entries={e.id: e for e in entries}, sources={s.id: s for s in sources})


def many_questions(topics: int, per_topic: int) -> Knowledge:
    """`topics` topics of `per_topic` questions each, with distinct wording."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    entries = [
        entry(
            f"topic-{t}-question-{q}",
            f"What does report {words[t % len(words)]} {t} say in part {q}?",
            topic=f"Topic {t:02d}",
        )
        for t in range(topics)
        for q in range(per_topic)
    ]
    return knowledge(entries)
