"""Whatever the knowledge holds, a Discord reply stays within Discord's limits.

The end-to-end tests check real payloads; this one throws arbitrary lengths at the
renderer, which is where the shortening happens.
"""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import strings
from bot.discord.kb._render import HISTORY_LINE_SHOWN, history_text
from bot.discord.kb.history import HISTORY_LIMIT
from bot.discord_format import literal
from bot.engine.decision import Decision, SourcedQuote, Suggestion
from bot.knowledge.history import Action, Actor, Change, HistoryPage, ItemKind
from bot.knowledge.model import Citation, Entry, Knowledge, Source
from bot.replies import render_discord, render_full_quotes, render_sources
from tests.discord.schema import embed_length

text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=1500)
short = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)
quote = st.builds(
    SourcedQuote,
    quote=text,
    speaker=short,
    outlet=short,
    title=short,
    published=st.sampled_from(["2025-12", "2025-12-28"]),
    url=st.none() | short.map(lambda s: "https://example.org/" + s),
)
suggestion = st.builds(
    Suggestion, entry_id=st.from_regex(r"[a-z0-9-]{3,64}", fullmatch=True), question=short
)


def limits_broken(reply) -> list[str]:
    broken = []
    if len(reply.content) > 2000:
        broken.append("content")
    if reply.embed:
        embed = reply.embed
        if embed_length(embed) > 6000:
            broken.append("embed total")
        if len(embed.get("title", "")) > 256 or len(embed.get("description", "")) > 4096:
            broken.append("title or description")
        if len(embed.get("fields", [])) > 25:
            broken.append("fields")
        for field in embed.get("fields", []):
            if len(field["name"]) > 256 or len(field["value"]) > 1024:
                broken.append("field")
    for button in reply.buttons:
        if len(button.label) > 80 or len(button.custom_id) > 100:
            broken.append("button")
    if len({b.row for b in reply.buttons} | {s.row for s in reply.selects}) > 5:
        broken.append("rows")
    return broken


@settings(max_examples=60, deadline=None)
@given(
    question=short,
    answer=st.text(min_size=1, max_size=5000),
    quotes=st.lists(quote, min_size=1, max_size=30),
    related=st.lists(suggestion, max_size=5),
    trimmed=st.booleans(),
)
def test_an_answer_never_breaks_discords_limits(question, answer, quotes, related, trimmed):
    entry = Entry("some-entry", question, answer, "Topic", (), (Citation("s", "q", "speaker"),))
    decision = Decision(
        question=question,
        answered=True,
        score=1.0,
        entry=entry,
        quotes=tuple(quotes),
        as_of="2025-12",
        trimmed=trimmed,
    )
    reply = render_discord(decision, related, question_id=123456789)

    assert limits_broken(reply) == []
    fields = reply.embed["fields"]
    shortened = any(
        f"> {literal(' '.join(q.quote.split()))}\n" not in f["value"]
        for q, f in zip(quotes, fields, strict=False)
    )
    has_full_quotes = any(
        b.custom_id.startswith("briefing:quotes:some-entry:") for b in reply.buttons
    )
    assert has_full_quotes == (shortened or len(quotes) > 25)
    for changed in (False, True):
        assert all(len(part) <= 2000 for part in render_full_quotes(decision, changed))


@settings(max_examples=60, deadline=None)
@given(question=st.text(max_size=3000), suggestions=st.lists(suggestion, max_size=3))
def test_an_abstention_never_breaks_discords_limits(question, suggestions):
    decision = Decision(question, answered=False, score=0.2, suggestions=tuple(suggestions))
    assert limits_broken(render_discord(decision)) == []


# What a source's metadata may hold once validated: a title of 300 characters, an outlet and
# an author of 100, an address of any length (tracking parameters make long ones).
source = st.builds(
    Source,
    id=st.from_regex(r"[a-z0-9-]{3,40}", fullmatch=True),
    title=st.text(min_size=1, max_size=300),
    outlet=st.text(min_size=1, max_size=100),
    published=st.sampled_from(["2025-12", "2025-12-28"]),
    language=st.just("en"),
    added=st.just("2026-01-01"),
    text=st.just("Some text."),
    author=st.none() | st.text(min_size=1, max_size=100),
    url=st.none() | st.text(min_size=1, max_size=600).map(lambda s: "https://example.org/" + s),
)


@settings(max_examples=60, deadline=None)
@given(sources=st.lists(source, min_size=1, max_size=25, unique_by=lambda s: s.id))
def test_the_list_of_sources_never_breaks_discords_limits(sources):
    knowledge = Knowledge(entries={}, sources={s.id: s for s in sources}, vocabulary={})
    for page in range(3):
        assert limits_broken(render_sources(knowledge, page)) == []


def test_a_page_of_sources_with_the_longest_titles_and_addresses_fits_discords_limits():
    """Ten fields of a long title and a long address each passed 6,000 characters."""
    longest = [
        Source(
            id=f"source-{number}",
            title="T" * 300,
            outlet="O" * 100,
            published="2025-12-28",
            language="en",
            added="2026-01-01",
            text="Some text.",
            url="https://example.org/" + "u" * 300,
        )
        for number in range(12)
    ]
    knowledge = Knowledge(entries={}, sources={s.id: s for s in longest}, vocabulary={})
    assert limits_broken(render_sources(knowledge)) == []


def test_a_page_of_the_longest_history_lines_shows_every_change_and_the_count_left_out():
    long_id = "z" * 64
    changes = [
        Change(
            id=100_000 - number,
            at="2026-01-01T00:00:00+00:00",
            actor=Actor(1, "J" * 32),
            action=Action.VOCAB_REMOVE,
            kind=ItemKind.ENTRY,
            item_id=long_id,
            detail="w " * 300,
            undoes=None,
            undone_by=100_001,
        )
        for number in range(HISTORY_LIMIT)
    ]
    page = HistoryPage(changes, older=99_000, item_id=long_id, before=None)

    shown = history_text(page, Knowledge()).splitlines()

    assert len("\n".join(shown)) <= 2000
    assert "99000 older changes" in shown[1]
    assert [line.split(" ·")[0] for line in shown[2:]] == [f"#{c.id}" for c in changes]


def test_a_history_line_shortens_the_name_and_detail_never_the_id_it_is_about():
    change = Change(
        id=3,
        at="2026-01-01T00:00:00+00:00",
        actor=Actor(1, "A moderator with a long display name"),
        action=Action.REMOVE,
        kind=ItemKind.ENTRY,
        item_id="kosovo-defence-investment",
        detail="How much is Kosovo investing in defence, and why is it spending more? " * 3,
        undoes=None,
        undone_by=4,
    )
    page = HistoryPage([change], older=0, item_id=None, before=None)
    (line,) = history_text(page, Knowledge()).splitlines()[1:]
    assert "· remove `kosovo-defence-investment`" in line
    short = replace(change, actor=Actor(1, "Jo"), item_id="rutte-warning")
    (with_detail,) = history_text(replace(page, changes=[short]), Knowledge()).splitlines()[1:]
    assert "remove `rutte-warning` · How much is Kosovo" in with_detail
    assert line.endswith("(undone by #4)")
    assert len(line) <= HISTORY_LINE_SHOWN


def test_an_empty_older_page_of_a_removed_entry_says_no_change_before_it_not_no_such_id():
    # The moderator came from a listing of the removed entry's changes (#1 and #2).
    page = HistoryPage([], older=0, item_id="removed-entry", before=1)
    assert history_text(page, Knowledge()) == strings.Kb.HISTORY_NONE_FOR_BEFORE.format(
        item_id="removed-entry", before=1
    )


def test_a_history_line_of_an_undone_change_to_a_long_id_keeps_the_whole_id():
    change = Change(
        id=1239,
        at="2026-01-01T00:00:00+00:00",
        actor=Actor(1, "Moderator of the Balkans and beyond"),
        action=Action.PHRASE_REMOVE,
        kind=ItemKind.ENTRY,
        item_id="kosovo-foreign-ministry-visa-statement",
        detail="a phrasing",
        undoes=None,
        undone_by=1240,
    )
    page = HistoryPage([change], older=0, item_id=None, before=None)
    (line,) = history_text(page, Knowledge()).splitlines()[1:]
    assert "phrase-remove `kosovo-foreign-ministry-visa-statement`" in line
    assert line.endswith("(undone by #1240)")
