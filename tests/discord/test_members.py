"""What members meet first: markup in their questions, long messages, greetings and help.

Every test goes through discord.py's real command tree (tests/discord/harness.py).
"""

import sqlite3

import pytest

from bot import strings
from bot.engine.decision import MAX_QUESTION_CHARS
from tests.discord.harness import BOT_ID, CHANNEL_ID

NO_PINGS = {"parse": []}
PFP_QUESTION = "Why is Kosovo not part of NATO's Partnership for Peace?"
RECOGNITION_QUESTION = "Which NATO members do not recognise Kosovo's independence?"
MARKUP = [
    "<@456>",
    "<@!456>",
    "<@&123>",
    f"<#{CHANNEL_ID}>",
    "<#999>",
    "<:kfor:123>",
    "<a:wave:8123>",
    "<t:1700000000:R>",
    "<t:1700000000>",
    "@everyone",
    "@here",
    "</topics:42>",
    "</kb phrase add:42>",
    "<id:customize>",
    "<id:browse>",
    "<sound:123:456>",
]
CHATTER = (
    "I was reading the news this morning with my coffee, and there was a long piece about "
    "the region and all the diplomacy going on, which honestly I found hard to follow. "
)


def _titles(reply) -> list[str]:
    return [embed["title"] for embed in reply.embeds]


@pytest.mark.parametrize("markup", MARKUP)
async def test_a_question_with_discord_markup_gets_the_same_answer_as_without(briefing, markup):
    question = f"{markup} why isn't kosovo in pfp {markup}?"
    (reply,) = await briefing.interact(briefing.slash("ask", question=question))

    assert _titles(reply) == [PFP_QUESTION]
    assert reply.message["allowed_mentions"] == NO_PINGS


async def test_a_masked_link_is_read_as_its_text(briefing):
    question = "[why isn't kosovo in pfp](https://example.com/kosovo/123456)"
    (reply,) = await briefing.interact(briefing.slash("ask", question=question))
    assert _titles(reply) == [PFP_QUESTION]


async def test_a_mention_that_also_tags_a_member_is_answered(briefing):
    asked = briefing.message(
        f"<@{BOT_ID}> why isn't kosovo in pfp? <@456> <:kfor:123>",
        mentions=[briefing.discord.bot_user, briefing.discord.user(456)],
    )
    (reply,) = await briefing.post(asked)

    assert _titles(reply) == [PFP_QUESTION]
    assert reply.payload["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_the_message_menu_answers_a_message_that_tags_someone(briefing):
    target = briefing.message("<@456> which countries don't recognise kosovo <@&123>", user_id=457)
    (reply,) = await briefing.interact(briefing.message_command("Ask the briefing", target))
    assert _titles(reply) == [RECOGNITION_QUESTION]


async def test_the_message_menu_on_a_message_of_mentions_only_says_there_is_no_text(briefing):
    target = briefing.message("<@456> <:wave:1>", user_id=457)
    (reply,) = await briefing.interact(briefing.message_command("Ask the briefing", target))
    assert reply.message["content"] == strings.Discord.NO_TEXT_TO_ASK


async def test_a_channel_mention_reads_as_the_channel_name_and_an_unknown_one_as_nothing(
    briefing, settings
):
    question = f"<@456> what is said in <#{CHANNEL_ID}> about <#999> the weather?"
    await briefing.interact(briefing.slash("ask", question=question))

    db = sqlite3.connect(settings.database_path)
    (recorded,) = [row[0] for row in db.execute("SELECT question FROM questions")]
    assert recorded == "what is said in general about the weather?"


async def test_the_record_holds_the_question_without_anyones_id(briefing, settings):
    await briefing.interact(briefing.slash("ask", question="<@456> why isn't kosovo in pfp"))
    await briefing.interact(briefing.slash("ask", question="<@&123> what's the weather <@!789>"))

    db = sqlite3.connect(settings.database_path)
    questions = [row[0] for row in db.execute("SELECT question FROM questions ORDER BY id")]
    assert questions == ["why isn't kosovo in pfp", "what's the weather"]


async def test_a_long_message_is_read_whole_and_its_asking_sentence_counts(briefing):
    message = CHATTER * 4 + "Anyway, my question: why isn't Kosovo in the Partnership for Peace?"
    assert 500 < len(message) <= 2000
    asked = briefing.message(f"<@{BOT_ID}> {message}", mentions=[briefing.discord.bot_user])
    (reply,) = await briefing.post(asked)

    assert _titles(reply) == [PFP_QUESTION]
    assert not reply.payload.get("content")


async def test_a_message_over_discords_limit_says_how_much_was_read(briefing):
    message = "why isn't kosovo in pfp? " + CHATTER * 40
    assert len(message) > MAX_QUESTION_CHARS
    (reply,) = await briefing.interact(briefing.slash("ask", question=message[:6000]))

    notice = strings.Discord.TRIMMED.format(limit=MAX_QUESTION_CHARS)
    assert notice in reply.message["content"]
    assert "4,000 characters" in notice


@pytest.mark.parametrize(
    ("said", "opening"),
    [
        ("hi", strings.Welcome.OPENING["greeting"]),
        ("Hello there!", strings.Welcome.OPENING["greeting"]),
        ("Përshëndetje", strings.Welcome.OPENING["greeting"]),
        ("Здраво", strings.Welcome.OPENING["greeting"]),
        ("thanks!", strings.Welcome.OPENING["thanks"]),
        ("faleminderit", strings.Welcome.OPENING["thanks"]),
        ("hvala puno", strings.Welcome.OPENING["thanks"]),
        ("help", strings.Welcome.OPENING["help"]),
        ("what can you do?", strings.Welcome.OPENING["help"]),
        ("/topics", strings.Welcome.OPENING["help"]),
    ],
)
async def test_small_talk_gets_what_the_bot_covers_not_a_refusal(briefing, said, opening):
    (reply,) = await briefing.interact(briefing.slash("ask", question=said))

    (embed,) = reply.embeds
    assert embed["title"] == opening
    topics, how = embed["fields"]
    assert topics["value"].split("\n") == [
        "• Membership and partnerships (3 questions)",
        "• Recognition (1 question)",
        "• Security (1 question)",
    ]
    assert "`/topics`" in how["value"]
    assert reply.ephemeral


async def test_a_mention_with_help_gets_what_the_bot_covers(briefing):
    asked = briefing.message(f"<@{BOT_ID}> help", mentions=[briefing.discord.bot_user])
    (reply,) = await briefing.post(asked)

    assert _titles(reply) == [strings.Welcome.OPENING["help"]]
    assert reply.payload["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_about_says_what_the_bot_covers_and_how_to_browse_it(briefing):
    (reply,) = await briefing.interact(briefing.slash("about"))

    fields = {field["name"]: field["value"] for field in reply.embeds[0]["fields"]}
    assert fields[strings.Discord.ABOUT_TOPICS_TITLE].split("\n") == [
        "• Membership and partnerships",
        "• Recognition",
        "• Security",
    ]
    assert "`/topics` to browse" in fields[strings.Discord.ABOUT_HOW_TITLE]


async def test_a_greeting_before_a_question_still_asks_the_question(briefing):
    (reply,) = await briefing.interact(
        briefing.slash("ask", question="hi, why isn't kosovo in pfp?")
    )
    assert _titles(reply) == [PFP_QUESTION]


async def test_small_talk_is_not_recorded_as_an_unanswered_question(briefing, settings):
    await briefing.interact(briefing.slash("ask", question="thanks!"))

    db = sqlite3.connect(settings.database_path)
    assert db.execute("SELECT COUNT(*) FROM questions").fetchone() == (0,)
