from bot import strings
from tests.discord import built


async def test_topics_lists_each_topic_with_a_menu_of_its_questions(briefing):
    (reply,) = await briefing.interact(briefing.slash("topics"))

    assert reply.ephemeral
    (embed,) = reply.embeds
    assert embed["title"] == strings.Discord.TOPICS_TITLE
    assert "**Membership and partnerships**: 3 questions" in embed["description"]
    assert "**Recognition**: 1 question" in embed["description"]
    placeholders = [s["placeholder"] for s in reply.selects]
    assert placeholders == ["Membership and partnerships", "Recognition", "Security"]
    membership = reply.selects[0]["options"]
    assert [o["value"] for o in membership] == [
        "article-10",
        "balkan-nato-members",
        "kosovo-outside-pfp",
    ]
    assert membership[0]["label"] == "What are NATO's conditions for enlargement?"


async def test_choosing_a_question_in_topics_shows_its_answer(briefing):
    (reply,) = await briefing.interact(briefing.slash("topics"))
    menu = reply.selects[2]["custom_id"]
    (shown,) = await briefing.interact(briefing.choose(reply, menu, ["rutte-warning"]))

    assert shown.ephemeral
    assert not shown.message.get("content")  # the question chosen is the entry's own
    assert (
        shown.embeds[0]["title"] == "What did NATO Secretary General Mark Rutte warn about Russia?"
    )
    assert [f["name"] for f in shown.embeds[0]["fields"]] == ["RFE/RL", "Mark Rutte"]


async def test_topics_splits_a_topic_past_25_questions_and_pages_past_five_menus(start, make_bot):
    briefing = await start(make_bot(knowledge=built.many_questions(topics=6, per_topic=30)))
    (first,) = await briefing.interact(briefing.slash("topics"))

    assert len(first.selects) == 4
    assert all(len(s["options"]) <= 25 for s in first.selects)
    assert [s["placeholder"] for s in first.selects[:2]] == ["Topic 00 (1/2)", "Topic 00 (2/2)"]
    assert first.embeds[0]["footer"]["text"] == "Page 1 of 3"
    assert [b["custom_id"] for b in first.buttons] == ["briefing:topics:1"]

    (second,) = await briefing.interact(briefing.press(first, "briefing:topics:1"))
    assert second.callback_type == 7
    assert [s["placeholder"] for s in second.selects[:2]] == ["Topic 02 (1/2)", "Topic 02 (2/2)"]
    assert [b["custom_id"] for b in second.buttons] == ["briefing:topics:0", "briefing:topics:2"]


async def test_sources_shows_outlet_date_and_link(briefing):
    (reply,) = await briefing.interact(briefing.slash("sources"))

    assert reply.ephemeral
    (field,) = reply.embeds[0]["fields"]
    assert (
        field["name"] == "How Can Kosovo Leverage the Geopolitical Moment to Move Closer to NATO?"
    )
    assert field["value"].startswith("Radio Free Europe/Radio Liberty (RFE/RL), December 2025\n")
    assert field["value"].endswith(strings.Discord.SOURCE_NO_LINK)


async def test_sources_links_a_source_when_its_address_is_known(start, make_bot):
    knowledge = built.knowledge(
        [built.entry("one", "What does the report say?")],
        [built.source(url="https://example.org/report", author="J. Writer")],
    )
    briefing = await start(make_bot(knowledge=knowledge))
    (reply,) = await briefing.interact(briefing.slash("sources"))
    (field,) = reply.embeds[0]["fields"]
    assert field["value"] == (
        "Example Outlet, 30 November 2025\nCited by 1 entry\nBy J. Writer\n"
        "https://example.org/report"
    )


async def test_sources_says_how_many_entries_cite_each_source(start, make_bot):
    cited, spare = built.source("cited"), built.source("spare", published="2025-10")
    entries = [
        built.entry(f"e{n}", f"What does report {n} say?", source_id="cited") for n in (1, 2)
    ]
    briefing = await start(make_bot(knowledge=built.knowledge(entries, [cited, spare])))
    (reply,) = await briefing.interact(briefing.slash("sources"))
    values = [field["value"].splitlines()[1] for field in reply.embeds[0]["fields"]]
    assert values == ["Cited by 2 entries", "Cited by 0 entries"]


async def test_sources_pages_past_ten_sources(start, make_bot):
    sources = [built.source(f"source-{n:02d}", published=f"2025-{n:02d}") for n in range(1, 13)]
    knowledge = built.knowledge([built.entry("one", "What does the report say?")], sources)
    briefing = await start(make_bot(knowledge=knowledge))
    (first,) = await briefing.interact(briefing.slash("sources"))
    assert len(first.embeds[0]["fields"]) == 10
    (second,) = await briefing.interact(briefing.press(first, "briefing:sources:1"))
    assert second.callback_type == 7
    assert [f["value"].split("\n")[0] for f in second.embeds[0]["fields"]] == [
        "Example Outlet, February 2025",
        "Example Outlet, January 2025",
    ]


async def test_about_says_what_it_covers_as_of_when_and_how_to_ask(briefing):
    (reply,) = await briefing.interact(briefing.slash("about"))

    assert reply.ephemeral
    fields = {f["name"]: f["value"] for f in reply.embeds[0]["fields"]}
    assert fields["Topics"] == "• Membership and partnerships\n• Recognition\n• Security"
    assert fields["As of"] == "Newest source: December 2025. 5 questions and 1 source."
    assert "`/ask`" in fields["How to ask"]
    assert "Ask the briefing" in fields["How to ask"]
    assert "never who asked" in fields["Privacy"]
    assert "30 days" in fields["Privacy"]


async def test_sources_shows_every_long_address_whole_on_some_page(start, make_bot):
    # Addresses near the check's 500-character limit do not fit ten to an embed.
    sources = [
        built.source(
            f"source-{n:02d}",
            url=f"https://example.org/{n:02d}/" + "a" * 470,
            published=f"2025-{n:02d}",
            author="J. Writer",
        )
        for n in range(1, 13)
    ]
    knowledge = built.knowledge([built.entry("one", "What does the report say?")], sources)
    briefing = await start(make_bot(knowledge=knowledge))
    (reply,) = await briefing.interact(briefing.slash("sources"))
    shown = []
    while True:
        shown += [f["value"].splitlines()[-1] for f in reply.embeds[0]["fields"]]
        pages = [b["custom_id"] for b in reply.buttons if b["label"] == strings.Discord.NEXT]
        if not pages:
            break
        (reply,) = await briefing.interact(briefing.press(reply, pages[0]))
    assert sorted(shown) == sorted(source.url for source in sources)


async def test_sources_shows_a_title_and_outlet_as_written_not_as_markup(start, make_bot):
    odd = built.source(title="The **real** plan_b", outlet="Weekly [Edition]", author="A_B")
    briefing = await start(make_bot(knowledge=built.knowledge([built.entry("one", "Q?")], [odd])))
    (reply,) = await briefing.interact(briefing.slash("sources"))
    (field,) = reply.embeds[0]["fields"]
    assert field["name"] == r"The \*\*real\*\* plan\_b"
    assert field["value"].startswith(r"Weekly \[Edition\], 30 November 2025")
    assert r"By A\_B" in field["value"]
