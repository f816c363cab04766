"""Replies never break Discord's limits, and whatever is shortened stays reachable.

Every request captured here also passes the harness's checks of Discord's limits (embed
total 6,000 and the rest) and of Discord's schema.
"""

import json
from dataclasses import replace

from bot import strings
from bot.engine import Engine
from bot.knowledge.validate import OUTLET_LIMIT, URL_LIMIT
from tests.discord import built
from tests.discord.schema import embed_length

LONG_QUOTE = ("Enlargement fatigue has set in across several capitals, officials said. " * 14)[
    :1000
].strip()
QUESTION = "What did the long report say about enlargement fatigue?"


def quotes_button(reply) -> str:
    """The custom id of a reply's "Show full quotes" button."""
    (custom_id,) = [
        b["custom_id"] for b in reply.buttons if b["label"] == strings.Discord.FULL_QUOTES_BUTTON
    ]
    return custom_id


def long_quote_knowledge(quotes: int = 1, url: str | None = "https://example.org/report"):
    return built.knowledge(
        [built.entry("enlargement-fatigue", QUESTION, quotes=(LONG_QUOTE,) * quotes)],
        [built.source(url=url)],
    )


async def test_over_long_quote_is_shortened_visibly_and_offered_in_full(start, make_bot):
    briefing = await start(make_bot(knowledge=long_quote_knowledge()))
    (reply,) = await briefing.interact(briefing.slash("ask", question=QUESTION))

    (quote,) = reply.embeds[0]["fields"]
    assert len(quote["value"]) <= 1024
    quoted, source_line = quote["value"].split("\n")
    assert quoted.startswith("> ")
    assert quoted.endswith("…")
    assert LONG_QUOTE.startswith(quoted[2:-1])
    assert source_line == "— [Example Outlet, 30 November 2025](https://example.org/report)"
    assert quotes_button(reply).startswith("briefing:quotes:enlargement-fatigue:")


async def test_show_full_quotes_sends_every_quote_in_full_privately(start, make_bot):
    briefing = await start(make_bot(knowledge=long_quote_knowledge(quotes=3)))
    (reply,) = await briefing.interact(briefing.slash("ask", question=QUESTION))
    parts = await briefing.interact(briefing.press(reply, quotes_button(reply)))

    assert len(parts) == 3
    assert parts[0].callback_type == 4
    assert all(part.path.startswith("/webhooks/") for part in parts[1:])
    assert all(part.ephemeral for part in parts)
    assert all(len(part.message["content"]) <= 2000 for part in parts)
    text = "\n".join(part.message["content"] for part in parts)
    assert text.count(LONG_QUOTE) == 3
    assert "A. Speaker, Example Outlet, 30 November 2025 <https://example.org/report>" in text


async def test_full_quotes_keep_each_quote_and_its_link_whole_at_the_longest_allowed(
    start, make_bot
):
    """The longest quote, outlet and web address a check lets through fit one message."""
    url = "https://example.org/" + "x" * (URL_LIMIT - len("https://example.org/"))
    source = built.source(url=url, outlet="O" * OUTLET_LIMIT)
    knowledge = built.knowledge(
        [built.entry("enlargement-fatigue", QUESTION, quotes=(LONG_QUOTE,) * 3)], [source]
    )
    briefing = await start(make_bot(knowledge=knowledge))
    (reply,) = await briefing.interact(briefing.slash("ask", question=QUESTION))
    parts = await briefing.interact(briefing.press(reply, quotes_button(reply)))

    assert len(parts) == 3
    assert all(part.message["content"].count(f"<{url}>") == 1 for part in parts)
    assert all(part.message["content"].count(LONG_QUOTE) == 1 for part in parts)


async def test_many_long_quotes_keep_the_embed_within_six_thousand(start, make_bot):
    briefing = await start(make_bot(knowledge=long_quote_knowledge(quotes=8)))
    (reply,) = await briefing.interact(briefing.slash("ask", question=QUESTION))

    (embed,) = reply.embeds
    assert len(embed["fields"]) == 8
    assert embed_length(embed) <= 6000
    assert all(f["value"].split("\n")[0].endswith("…") for f in embed["fields"])


async def test_a_question_over_discords_limit_is_read_in_part_and_the_reply_says_so(briefing):
    question = "why isn't kosovo in pfp " + "and so on " * 500
    (reply,) = await briefing.interact(briefing.slash("ask", question=question))
    assert reply.message["content"].startswith(
        "(Your message was longer than the 4,000 characters a Discord message can hold"
    )
    assert len(reply.message["content"]) <= 2000


async def test_over_long_question_labels_are_shortened_on_buttons(start, make_bot):
    long_question = "What does the report say about " + "the many member states " * 3 + "?"
    knowledge = built.knowledge(
        [
            built.entry("long-one", long_question[:100]),
            built.entry("other", "What does the report say about the summit in Brussels?"),
        ]
    )
    briefing = await start(make_bot(knowledge=knowledge))
    (reply,) = await briefing.interact(briefing.slash("ask", question="summit brussels report"))
    labels = [b["label"] for b in reply.buttons]
    assert all(len(label) <= 80 for label in labels)
    assert any(label.endswith("…") for label in labels)


async def test_show_full_quotes_on_an_old_reply_whose_entry_id_was_reused_says_so(start, make_bot):
    served = [Engine(long_quote_knowledge())]
    briefing = await start(make_bot(engine_source=lambda: served[0]))
    (reply,) = await briefing.interact(briefing.slash("ask", question=QUESTION))
    (same,) = await briefing.interact(briefing.press(reply, quotes_button(reply)))
    assert same.message["content"].startswith(f"“{LONG_QUOTE}”")

    # A moderator removed the entry and gave its id to a new one, with its own quotes.
    other = "Zenda's delegation walked out of the summit before the vote, officials said."
    zenda = "What happened at the Zenda summit?"
    reused = built.entry("enlargement-fatigue", zenda, quotes=(other,))
    served[0] = Engine(built.knowledge([reused]))
    (shown,) = await briefing.interact(briefing.press(reply, quotes_button(reply)))

    told = strings.Discord.QUOTES_CHANGED.format(question=zenda)
    assert shown.ephemeral
    assert shown.message["content"].startswith(told)
    assert other in shown.message["content"]
    assert LONG_QUOTE not in shown.message["content"]


async def test_show_full_quotes_after_a_quote_was_corrected_says_the_quotes_changed(
    start, make_bot
):
    knowledge = long_quote_knowledge()
    served = [Engine(knowledge)]
    briefing = await start(make_bot(engine_source=lambda: served[0]))
    (reply,) = await briefing.interact(briefing.slash("ask", question=QUESTION))

    # Same entry, same question: only its quote was corrected since the reply.
    entry = knowledge.entries["enlargement-fatigue"]
    (citation,) = entry.citations
    corrected = replace(citation, quote=LONG_QUOTE.replace("several", "many"))
    edited = replace(entry, citations=(corrected,))
    served[0] = Engine(replace(knowledge, entries={entry.id: edited}))
    (shown,) = await briefing.interact(briefing.press(reply, quotes_button(reply)))

    assert shown.message["content"].startswith(
        strings.Discord.QUOTES_CHANGED.format(question=QUESTION)
    )
    assert corrected.quote in shown.message["content"]


async def test_show_full_quotes_on_a_reply_sent_before_buttons_carried_its_quotes_asks_again(
    start, make_bot
):
    """Such a button cannot tell whose quotes it would show: the member is told to ask."""
    briefing = await start(make_bot(knowledge=long_quote_knowledge()))
    (reply,) = await briefing.interact(briefing.slash("ask", question=QUESTION))
    # The same reply as sent before the update: its button's id carried no fingerprint.
    old = "briefing:quotes:enlargement-fatigue"
    written = json.dumps(reply.payload).replace(quotes_button(reply), old)
    old_reply = replace(reply, payload=json.loads(written))
    (told,) = await briefing.interact(briefing.press(old_reply, old))

    assert told.ephemeral
    assert told.message["content"] == strings.Discord.QUOTES_BUTTON_OUTDATED
