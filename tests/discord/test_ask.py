import logging
import re
import sqlite3
import threading
from dataclasses import replace

import pytest

from bot import strings
from bot.engine import Engine
from tests.discord import built
from tests.discord.harness import BOT_ID, CHANNEL_ID, GUILD_ID, MEMBER_ID, message_payload
from tests.serving.record_helpers import unanswered_in

NO_PINGS = {"parse": []}
PFP_QUESTION = "Why is Kosovo not part of NATO's Partnership for Peace?"


async def test_answered_question_shows_answer_quotes_source_and_date(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))

    assert reply.callback_type == 4
    assert not reply.ephemeral
    assert reply.message["allowed_mentions"] == NO_PINGS
    (embed,) = reply.embeds
    assert embed["title"] == PFP_QUESTION
    assert embed["description"].startswith("Kosovo is the only Western Balkan country")
    (quote,) = embed["fields"]
    assert quote["name"] == "RFE/RL"
    assert quote["value"] == (
        "> Kosovo remains outside even this framework of cooperation, for political reasons\n"
        "— Radio Free Europe/Radio Liberty (RFE/RL), December 2025"
    )
    assert embed["footer"]["text"] == "As of December 2025"


async def test_a_loose_match_is_shown_as_the_closest_covered_question(briefing):
    asked = briefing.slash("ask", question="is kosovo part of any nato partnership programme")
    (reply,) = await briefing.interact(asked)

    (embed,) = reply.embeds
    assert embed["title"] == PFP_QUESTION
    assert reply.message["content"] == strings.Reply.TENTATIVE
    assert reply.message["allowed_mentions"] == NO_PINGS


async def test_several_questions_one_matched_loosely_are_hedged_together(briefing):
    asked = (
        "which nato members dont recognise kosovo and is kosovo part of any nato partnership"
        " programme?"
    )
    (reply,) = await briefing.interact(briefing.slash("ask", question=asked))

    content = reply.message["content"]
    assert content == f"{strings.Reply.ASKED_SEVERAL}\n{strings.Reply.SOME_TENTATIVE}"


async def test_a_close_match_is_not_hedged(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))

    assert reply.embeds[0]["title"] == PFP_QUESTION
    assert strings.Reply.TENTATIVE not in (reply.message.get("content") or "")


async def test_answer_offers_related_questions_and_not_what_i_asked(briefing, knowledge):
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))

    ids = [button["custom_id"] for button in reply.buttons]
    related = Engine(knowledge).related("kosovo-outside-pfp")
    assert len(related) == 3
    assert ids[:3] == [f"briefing:entry:{s.entry_id}" for s in related]
    assert re.fullmatch(r"briefing:miss:\d+", ids[3])
    assert reply.buttons[3]["label"] == strings.Discord.MISS_BUTTON
    assert len(ids) == 4


async def test_pressing_a_related_question_answers_it(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    (shown,) = await briefing.interact(
        briefing.press(reply, "briefing:entry:non-recognising-allies")
    )

    assert shown.callback_type == 4
    assert shown.ephemeral
    assert shown.embeds[0]["title"] == "Which NATO members do not recognise Kosovo's independence?"
    assert shown.message["allowed_mentions"] == NO_PINGS


async def test_private_option_shows_the_answer_to_the_asker_alone(briefing):
    (reply,) = await briefing.interact(
        briefing.slash("ask", question="why isn't kosovo in pfp", private=True)
    )
    assert reply.ephemeral
    assert reply.embeds[0]["title"] == PFP_QUESTION


async def test_a_private_answer_offers_no_not_what_i_asked(briefing):
    (reply,) = await briefing.interact(
        briefing.slash("ask", question="why isn't kosovo in pfp", private=True)
    )
    assert reply.buttons
    assert not any(b["custom_id"].startswith("briefing:miss:") for b in reply.buttons)


async def test_abstention_says_so_plainly_and_offers_closest_questions(briefing, knowledge):
    question = "When will Kosovo join the EU?"
    (reply,) = await briefing.interact(briefing.slash("ask", question=question))

    assert reply.embeds == []
    content = reply.message["content"]
    assert content.startswith(strings.Reply.NOT_COVERED)
    assert strings.Reply.CLOSEST in content
    suggestions = Engine(knowledge).decide(question).suggestions
    assert 1 <= len(suggestions) <= 3
    assert [b["custom_id"] for b in reply.buttons] == [
        f"briefing:entry:{s.entry_id}" for s in suggestions
    ]
    assert [b["label"] for b in reply.buttons] == [s.question for s in suggestions]
    assert all(f"• {s.question}" in content for s in suggestions)


async def test_a_question_beside_a_covered_one_says_the_briefing_covers_something_close(
    briefing,
):
    asked = briefing.slash("ask", question="When did Kosovo leave the Partnership for Peace?")
    (reply,) = await briefing.interact(asked)

    assert reply.embeds == []
    content = reply.message["content"]
    assert content.startswith(strings.Reply.NOT_EXACTLY_COVERED)
    assert f"• {PFP_QUESTION}" in content
    assert reply.message["allowed_mentions"] == NO_PINGS


async def test_pressing_a_suggestion_shows_that_answer(briefing):
    (reply,) = await briefing.interact(
        briefing.slash("ask", question="When will Kosovo join the EU?")
    )
    for button in reply.buttons:
        (shown,) = await briefing.interact(briefing.press(reply, button["custom_id"]))

        assert shown.ephemeral
        assert shown.embeds[0]["title"] == button["label"]
        assert shown.embeds[0]["fields"][0]["value"].startswith("> ")


async def test_abstention_without_close_questions_points_to_topics(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question="what's the weather"))
    assert strings.Reply.NO_SUGGESTIONS in reply.message["content"]
    assert reply.buttons == []


async def test_suggestion_buttons_still_work_after_a_restart(start, make_bot):
    first = await start(make_bot())
    (reply,) = await first.interact(first.slash("ask", question="When will Kosovo join the EU?"))
    await first.close()

    second = await start(make_bot())
    first_suggestion = reply.buttons[0]
    (shown,) = await second.interact(second.press(reply, first_suggestion["custom_id"]))
    assert shown.embeds[0]["title"] == first_suggestion["label"]


async def test_autocomplete_offers_covered_questions_one_per_entry(briefing):
    (reply,) = await briefing.interact(briefing.autocomplete("ask", "question", "kosovo pf"))

    assert reply.callback_type == 8
    choices = reply.payload["data"]["choices"]
    assert choices[0] == {"name": PFP_QUESTION, "value": PFP_QUESTION}
    assert len({c["value"] for c in choices}) == len(choices)


async def test_picking_an_autocomplete_choice_answers_that_question(briefing):
    (completion,) = await briefing.interact(briefing.autocomplete("ask", "question", "recognis"))
    picked = completion.payload["data"]["choices"][0]["value"]
    (reply,) = await briefing.interact(briefing.slash("ask", question=picked))
    assert reply.embeds[0]["title"] == picked


async def test_mention_with_a_question_is_answered_in_reply_to_it(briefing):
    bot_user = briefing.discord.bot_user
    asked = briefing.message(f"<@{BOT_ID}> why isn't kosovo in pfp", mentions=[bot_user])
    (reply,) = await briefing.post(asked)

    assert reply.path == f"/channels/{CHANNEL_ID}/messages"
    assert int(reply.payload["message_reference"]["message_id"]) == int(asked["id"])
    assert reply.payload["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert reply.embeds[0]["title"] == PFP_QUESTION


async def test_only_a_direct_mention_of_the_bot_is_a_question(briefing):
    bot_user = briefing.discord.bot_user
    everyone = briefing.message("@everyone why isn't kosovo in pfp", mention_everyone=True)
    role = briefing.message("<@&700000000000000500> why pfp", mention_roles=["700000000000000500"])
    reply_ping = briefing.message("and why isn't kosovo in pfp", mentions=[bot_user])
    from_a_bot = briefing.message(f"<@{BOT_ID}> why pfp", mentions=[bot_user], bot=True)

    for message in (everyone, role, reply_ping, from_a_bot):
        assert await briefing.post(message) == []


async def test_a_bare_mention_explains_how_to_ask(briefing):
    (reply,) = await briefing.post(
        briefing.message(f"<@!{BOT_ID}>", mentions=[briefing.discord.bot_user])
    )
    assert reply.payload["content"].startswith("Mention me with a question")


async def test_context_menu_answers_the_chosen_message(briefing):
    target = briefing.message("which countries don't recognise kosovo", user_id=MEMBER_ID + 1)
    (reply,) = await briefing.interact(briefing.message_command("Ask the briefing", target))

    assert reply.callback_type == 4
    assert reply.embeds[0]["title"] == "Which NATO members do not recognise Kosovo's independence?"
    assert reply.message["allowed_mentions"] == NO_PINGS


async def test_context_menu_on_a_forwarded_message_answers_the_forwarded_text(briefing):
    target = briefing.message("", user_id=MEMBER_ID + 1)
    target["message_reference"] = {"type": 1, "message_id": "1", "channel_id": str(CHANNEL_ID)}
    forwarded = {key: target[key] for key in ("type", "timestamp", "edited_timestamp", "flags")}
    forwarded |= {"content": "which countries don't recognise kosovo", "embeds": []}
    forwarded |= {"attachments": [], "mentions": [], "mention_roles": []}
    target["message_snapshots"] = [{"message": forwarded}]
    (reply,) = await briefing.interact(briefing.message_command("Ask the briefing", target))

    assert reply.embeds[0]["title"] == "Which NATO members do not recognise Kosovo's independence?"


async def test_context_menu_on_a_message_without_text_says_so(briefing):
    target = briefing.message("", user_id=MEMBER_ID + 1)
    (reply,) = await briefing.interact(briefing.message_command("Ask the briefing", target))
    assert reply.ephemeral
    assert reply.message["content"] == strings.Discord.NO_TEXT_TO_ASK


async def test_context_menu_on_a_bots_message_asks_nothing(briefing):
    target = message_payload(
        author=briefing.discord.bot_user, content=strings.Reply.NOT_COVERED, channel_id=CHANNEL_ID
    )
    (reply,) = await briefing.interact(briefing.message_command("Ask the briefing", target))
    assert reply.ephemeral
    assert reply.message["content"] == strings.Discord.BOT_MESSAGE
    assert unanswered_in(briefing.client.record, GUILD_ID) == []


@pytest.mark.parametrize(
    "said",
    [
        "My cousin Arben lives at 12 Rruga Dardania in Mitrovica and hates the weather",
        "How nice that Arben finally moved to Ferizaj with his wife Drita.",
        "Will be in Ferizaj tomorrow, call me on 044 123 456",
    ],
)
async def test_context_menu_on_a_statement_keeps_none_of_its_words(briefing, said):
    target = briefing.message(said, user_id=MEMBER_ID + 1)
    await briefing.interact(briefing.message_command("Ask the briefing", target))

    (recorded,) = unanswered_in(briefing.client.record, GUILD_ID)
    assert recorded.question == ""


async def test_a_mention_split_by_a_masked_link_is_not_made_whole(briefing):
    question = "Is <@[700000000000000123](https://example.com)> going to join the OSCE soon?"
    await briefing.interact(briefing.slash("ask", question=question))

    (recorded,) = unanswered_in(briefing.client.record, GUILD_ID)
    assert "<@" not in recorded.question
    assert "700000000000000123" not in recorded.question


async def test_question_with_everyone_pings_nobody(briefing):
    question = "@everyone <@&700000000000000500> is kosovo joining nato tomorrow?"
    (reply,) = await briefing.interact(briefing.slash("ask", question=question))

    assert reply.message["content"].startswith(strings.Reply.NOT_COVERED)
    assert "@everyone" not in reply.message["content"]
    assert reply.message["allowed_mentions"] == NO_PINGS


SPAM = "Free nitro for everyone at https://discord-gift.example/claim now, trust me"


async def test_an_abstention_never_repeats_the_members_words(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question=SPAM))

    assert reply.message["content"].startswith(strings.Reply.NOT_COVERED)
    assert "nitro" not in reply.message["content"]
    assert "discord-gift" not in reply.message["content"]


async def test_the_message_menu_never_repeats_another_members_message_publicly(briefing):
    target = briefing.message(SPAM, user_id=MEMBER_ID + 1)
    (reply,) = await briefing.interact(briefing.message_command("Ask the briefing", target))

    assert not reply.ephemeral
    assert reply.message["content"].startswith(strings.Reply.NOT_COVERED)
    assert "nitro" not in reply.message["content"]
    assert "discord-gift" not in reply.message["content"]


async def test_mention_with_everyone_is_answered_without_pinging(briefing):
    asked = briefing.message(
        f"<@{BOT_ID}> @everyone is kosovo joining nato tomorrow?",
        mentions=[briefing.discord.bot_user],
        mention_everyone=True,
    )
    (reply,) = await briefing.post(asked)
    assert reply.payload["content"].startswith(strings.Reply.NOT_COVERED)
    assert "@everyone" not in reply.payload["content"]
    assert reply.payload["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_cooldown_stops_a_flood_with_a_friendly_private_message(start, make_bot, settings):
    from dataclasses import replace

    briefing = await start(make_bot(settings=replace(settings, cooldown_questions=2)))
    for _ in range(2):
        (reply,) = await briefing.interact(briefing.slash("ask", question="why pfp"))
        assert reply.embeds
    (stopped,) = await briefing.interact(briefing.slash("ask", question="why pfp"))

    assert stopped.ephemeral
    assert stopped.message["content"].startswith("You're asking quickly: please wait 30 seconds")
    (other,) = await briefing.interact(
        briefing.slash("ask", question="why pfp", user_id=MEMBER_ID + 1)
    )
    assert other.embeds


async def test_a_flood_of_mentions_gets_one_public_notice_then_silence(start, make_bot, settings):
    from dataclasses import replace

    briefing = await start(make_bot(settings=replace(settings, cooldown_questions=2)))
    bot_user = briefing.discord.bot_user
    replies = []
    for _ in range(6):
        asked = briefing.message(f"<@{BOT_ID}> why pfp", mentions=[bot_user])
        replies.append(await briefing.post(asked))

    answered, again, told, *silent = replies
    assert answered[0].embeds and again[0].embeds
    assert told[0].message["content"].startswith("You're asking quickly: please wait 30 seconds")
    assert silent == [[], [], []]
    (other,) = await briefing.post(
        briefing.message(f"<@{BOT_ID}> why pfp", mentions=[bot_user], user_id=MEMBER_ID + 1)
    )
    assert other.embeds


@pytest.mark.parametrize(
    "invisible", ["\u200b", "\u2060\u200d", "<@123456789012345678> \u200b", "🙂🙂🙂", "?!"]
)
async def test_a_question_of_invisible_characters_gets_the_private_prompt_to_ask(
    briefing, invisible
):
    (reply,) = await briefing.interact(briefing.slash("ask", question=invisible))
    assert reply.ephemeral
    assert reply.message["content"] == strings.Reply.EMPTY_QUESTION


async def test_a_mention_of_invisible_characters_explains_how_to_ask(briefing):
    asked = briefing.message(f"<@{BOT_ID}> \u200b", mentions=[briefing.discord.bot_user])
    (reply,) = await briefing.post(asked)
    assert reply.payload["content"].startswith("Mention me with a question")


async def test_a_flood_of_bare_mentions_gets_replies_only_within_the_cooldown(
    start, make_bot, settings
):
    from dataclasses import replace

    briefing = await start(make_bot(settings=replace(settings, cooldown_questions=2)))
    bare = briefing.message(f"<@{BOT_ID}>", mentions=[briefing.discord.bot_user])
    replies = [await briefing.post(bare) for _ in range(5)]

    assert [len(sent) for sent in replies] == [1, 1, 0, 0, 0]
    assert replies[0][0].message["content"].startswith("Mention me with a question")


async def test_an_empty_question_does_not_use_up_the_cooldown(start, make_bot, settings):
    from dataclasses import replace

    briefing = await start(make_bot(settings=replace(settings, cooldown_questions=1)))
    (empty,) = await briefing.interact(briefing.slash("ask", question="   "))
    assert empty.message["content"] == strings.Reply.EMPTY_QUESTION
    (reply,) = await briefing.interact(briefing.slash("ask", question="why pfp"))
    assert reply.embeds


async def test_an_error_inside_a_command_shows_an_apology_with_an_error_id(start, make_bot, caplog):
    def broken_engine():
        raise RuntimeError("knowledge exploded")

    briefing = await start(make_bot(engine_source=broken_engine))
    with caplog.at_level(logging.ERROR, logger="briefing"):
        (reply,) = await briefing.interact(briefing.slash("ask", question="why pfp"))

    assert reply.ephemeral
    content = reply.message["content"]
    assert content.startswith("Sorry, something went wrong on my side")
    assert "Traceback" not in content
    assert "knowledge exploded" not in content
    error_id = re.search(r"error id: ([0-9a-f]{8})", content)[1]
    (logged,) = [r for r in caplog.records if error_id in r.getMessage()]
    assert logged.exc_info is not None
    assert "knowledge exploded" in str(logged.exc_info[1])


async def test_an_error_behind_a_button_shows_an_apology(start, make_bot, knowledge):
    from bot.engine import Engine

    engine = Engine(knowledge)
    calls = []

    def engine_then_broken():
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("gone")
        return engine

    briefing = await start(make_bot(engine_source=engine_then_broken))
    (reply,) = await briefing.interact(
        briefing.slash("ask", question="When will Kosovo join the EU?")
    )
    (pressed,) = await briefing.interact(briefing.press(reply, reply.buttons[0]["custom_id"]))

    assert pressed.ephemeral
    assert "error id" in pressed.message["content"]


async def test_not_what_i_asked_records_the_miss(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    miss = reply.buttons[-1]["custom_id"]
    deferred, thanks = await briefing.interact(briefing.press(reply, miss))

    # Acknowledged before the record is written: a busy file may take longer than 3 s.
    assert deferred.callback_type == 5
    assert thanks.ephemeral
    assert thanks.message["content"] == strings.Discord.MISS_NOTED
    (missed,) = unanswered_in(briefing.client.record, GUILD_ID)
    assert missed.id == int(miss.rsplit(":", 1)[1])
    assert missed.entry_id == "kosovo-outside-pfp"


async def test_every_question_is_recorded_with_place_but_never_who_asked(briefing, settings):
    await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    await briefing.interact(briefing.slash("ask", question="what's the weather"))
    await briefing.post(
        briefing.message(
            f"<@{BOT_ID}> When will Kosovo join the EU?", mentions=[briefing.discord.bot_user]
        )
    )

    db = sqlite3.connect(settings.database_path)
    rows = db.execute("SELECT question, answered, entry_id, guild_id, channel_id FROM questions")
    assert rows.fetchall() == [
        ("why isn't kosovo in pfp", 1, "kosovo-outside-pfp", GUILD_ID, CHANNEL_ID),
        ("what's the weather", 0, None, GUILD_ID, CHANNEL_ID),
        ("When will Kosovo join the EU?", 0, None, GUILD_ID, CHANNEL_ID),
    ]
    everything = [
        str(value)
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for row in db.execute(f"SELECT * FROM {table}")
        for value in row
    ]
    assert str(MEMBER_ID) not in " ".join(everything)


async def test_each_question_is_logged_without_the_member(briefing, caplog):
    with caplog.at_level(logging.INFO, logger="briefing"):
        await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))

    (line,) = [r.getMessage() for r in caplog.records if "event=question" in r.getMessage()]
    assert "answered=True entry=kosovo-outside-pfp" in line
    assert re.search(r"latency_ms=\d", line)
    assert all(str(MEMBER_ID) not in r.getMessage() for r in caplog.records)


class SlowEngine:
    """An engine whose decisions wait until the test lets them through."""

    def __init__(self, engine):
        self.engine = engine
        self.released = threading.Event()

    def decide(self, question):
        assert self.released.wait(timeout=5)
        return self.engine.decide(question)

    def __getattr__(self, name):
        return getattr(self.engine, name)


async def test_a_slow_answer_is_deferred_then_sent_as_a_follow_up(start, make_bot, knowledge):
    from bot.engine import Engine

    slow = SlowEngine(Engine(knowledge))
    bot = make_bot(engine_source=lambda: slow)
    bot.asker.defer_after = 0.0
    briefing = await start(bot)
    briefing.discord.observers.append(
        lambda request: request.callback_type == 5 and slow.released.set()
    )

    deferred, answer = await briefing.interact(
        briefing.slash("ask", question="why isn't kosovo in pfp", private=True)
    )
    assert deferred.callback_type == 5
    assert deferred.payload["data"]["flags"] == 64
    assert answer.method == "POST"
    assert answer.template == "/webhooks/{webhook_id}/{webhook_token}"
    assert answer.ephemeral
    assert answer.embeds[0]["title"] == PFP_QUESTION
    assert answer.payload["allowed_mentions"] == NO_PINGS


class BrokenAfterThinking(SlowEngine):
    """An engine that fails once the question has been deferred ("thinking…")."""

    def decide(self, question):
        super().decide(question)
        raise RuntimeError("knowledge exploded")


@pytest.mark.parametrize("private", [False, True])
async def test_an_error_after_thinking_is_apologised_for_where_the_thinking_was_shown(
    start, make_bot, knowledge, private
):
    broken = BrokenAfterThinking(Engine(knowledge))
    bot = make_bot(engine_source=lambda: broken)
    bot.asker.defer_after = 0.0
    briefing = await start(bot)
    briefing.discord.observers.append(
        lambda request: request.callback_type == 5 and broken.released.set()
    )

    deferred, apology = await briefing.interact(
        briefing.slash("ask", question="why isn't kosovo in pfp", private=private)
    )

    assert deferred.callback_type == 5
    assert "error id" in apology.message["content"]
    # Discord shows the first follow-up of a deferral as the deferral was: sent as such,
    # in the channel after a public "thinking…", to the member alone after a private one.
    assert deferred.ephemeral == private
    assert apology.ephemeral == private


async def test_autocomplete_offers_the_questions_holding_the_typed_word_first(start, make_bot):
    """An entry with many phrasings holding the word does not crowd the others out."""
    chatty = replace(
        built.entry("aa-chatty", "What did the summit decide?"),
        phrasings=tuple(f"alliance summit point {n}" for n in range(40)),
    )
    named = [
        built.entry(f"named-{n:02d}", f"Which alliance member joined in round {n}?")
        for n in range(30)
    ]
    first = built.entry("zz-first", "Alliance members: how many are there?")
    briefing = await start(make_bot(knowledge=built.knowledge([chatty, *named, first])))
    (reply,) = await briefing.interact(briefing.autocomplete("ask", "question", "alliance"))

    names = [choice["name"] for choice in reply.payload["data"]["choices"]]
    assert len(names) == 25
    assert names[0] == "Alliance members: how many are there?"
    assert all("alliance" in name.casefold() for name in names)


async def test_autocomplete_never_offers_more_than_25_choices(start, make_bot):
    briefing = await start(make_bot(knowledge=built.many_questions(topics=6, per_topic=30)))
    for typed in ("", "report", "what does report alpha say"):
        (reply,) = await briefing.interact(briefing.autocomplete("ask", "question", typed))
        choices = reply.payload["data"]["choices"]
        assert 0 < len(choices) <= 25
        assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)


async def test_an_error_answering_a_mention_replies_with_an_apology(start, make_bot):
    def broken_engine():
        raise RuntimeError("knowledge exploded")

    briefing = await start(make_bot(engine_source=broken_engine))
    asked = briefing.message(f"<@{BOT_ID}> why pfp", mentions=[briefing.discord.bot_user])
    (reply,) = await briefing.post(asked)

    assert reply.payload["content"].startswith("Sorry, something went wrong on my side")
    assert "knowledge exploded" not in reply.payload["content"]
    assert reply.payload["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_the_bot_answers_the_same_on_discords_sharded_connection(start, make_bot, knowledge):
    from discord.ext import commands

    from bot.discord.bot import BriefingBot
    from bot.engine import Engine

    sharded = type("ShardedBriefingBot", (BriefingBot, commands.AutoShardedBot), {})
    plain = make_bot()
    engine = Engine(knowledge)
    bot = sharded(plain.settings, lambda: engine, plain.record, shard_count=2)
    briefing = await start(bot)

    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    assert reply.embeds[0]["title"] == PFP_QUESTION
    assert bot.shard_count == 2


async def test_a_control_nothing_answers_any_more_says_it_has_expired(briefing):
    """A moderator's buttons live in memory for 15 minutes, and none outlive a restart."""
    briefing.client.expired_grace = 0.2
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    (expired,) = await briefing.interact(briefing.press(reply, "a-view-long-gone:confirm"))

    assert expired.callback_type == 4
    assert expired.ephemeral
    assert expired.message["content"] == strings.Discord.CONTROLS_EXPIRED
    assert expired.message["allowed_mentions"] == {"parse": []}


async def test_a_form_nothing_answers_any_more_hands_back_what_was_typed(briefing):
    """A form stays open on a moderator's screen past a restart of the bot."""
    briefing.client.expired_grace = 0.2
    typed = [("question", "What is KFOR's role?"), ("answer", "It keeps a safe environment.")]
    rows = [
        {"type": 1, "components": [{"type": 4, "custom_id": name, "value": value}]}
        for name, value in typed
    ]
    gone = {"custom_id": "a-form-long-gone", "components": rows}
    (expired,) = await briefing.interact(briefing.interaction(5, gone, MEMBER_ID))

    assert expired.ephemeral
    assert expired.message["content"] == strings.Discord.FORM_EXPIRED
    handed_back = expired.files[strings.Discord.FORM_EXPIRED_FILE].decode("utf-8")
    assert handed_back == (
        "# question\nWhat is KFOR's role?\n\n# answer\nIt keeps a safe environment.\n"
    )


async def test_a_form_nothing_answers_any_more_with_nothing_typed_attaches_nothing(briefing):
    briefing.client.expired_grace = 0.2
    rows = [{"type": 1, "components": [{"type": 4, "custom_id": "question", "value": ""}]}]
    gone = {"custom_id": "a-form-long-gone", "components": rows}
    (expired,) = await briefing.interact(briefing.interaction(5, gone, MEMBER_ID))

    assert expired.message["content"] == strings.Discord.FORM_EXPIRED_EMPTY
    assert not expired.files


async def test_a_control_still_known_is_answered_by_it_alone(briefing):
    briefing.client.expired_grace = 0.2
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    deferred, thanks = await briefing.interact(
        briefing.press(reply, reply.buttons[-1]["custom_id"])
    )

    assert deferred.callback_type == 5
    assert thanks.message["content"] == strings.Discord.MISS_NOTED


def _miss_buttons(reply) -> list[dict]:
    return [b for b in reply.buttons if b["custom_id"].startswith("briefing:miss:")]


async def test_an_answer_in_direct_messages_offers_no_not_what_i_asked(briefing):
    # The button tells the member moderators will see the miss; no server's moderators can.
    asked = briefing.in_direct_messages(briefing.slash("ask", question="why isn't kosovo in pfp"))
    (answer,) = await briefing.interact(asked)
    assert answer.embeds[0]["title"] == PFP_QUESTION
    assert _miss_buttons(answer) == []


async def test_the_message_menu_on_a_statement_offers_no_not_what_i_asked(briefing):
    # A message asking without a question mark leaves no words in the record to list.
    target = briefing.message("is kosovo in the partnership for peace", user_id=MEMBER_ID + 7)
    (answer,) = await briefing.interact(briefing.message_command("Ask the briefing", target))
    assert answer.embeds[0]["title"] == PFP_QUESTION
    assert _miss_buttons(answer) == []
    asked = briefing.message("is kosovo in the partnership for peace?", user_id=MEMBER_ID + 7)
    (marked,) = await briefing.interact(briefing.message_command("Ask the briefing", asked))
    assert len(_miss_buttons(marked)) == 1


async def test_a_wait_of_one_second_is_said_in_the_singular(start, make_bot, settings):
    briefing = await start(
        make_bot(settings=replace(settings, cooldown_questions=1, cooldown_seconds=1))
    )
    await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    (stopped,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    assert "please wait 1 second before" in stopped.message["content"]


async def test_only_the_asker_can_mark_an_answer_not_what_they_asked(briefing):
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    (miss,) = _miss_buttons(reply)
    (told,) = await briefing.interact(briefing.press(reply, miss["custom_id"], MEMBER_ID + 9))
    assert told.ephemeral
    assert told.message["content"] == strings.Discord.MISS_NOT_YOURS
    assert unanswered_in(briefing.client.record, GUILD_ID) == []
    *_, thanks = await briefing.interact(briefing.press(reply, miss["custom_id"]))
    assert thanks.message["content"] == strings.Discord.MISS_NOTED


async def test_only_the_member_who_mentioned_the_bot_can_mark_its_reply(briefing):
    asked = briefing.message(
        f"<@{BOT_ID}> why isn't kosovo in pfp?", mentions=[briefing.discord.bot_user]
    )
    (reply,) = await briefing.post(asked)
    (miss,) = _miss_buttons(reply)
    (told,) = await briefing.interact(briefing.press(reply, miss["custom_id"], MEMBER_ID + 9))
    assert told.message["content"] == strings.Discord.MISS_NOT_YOURS
    *_, thanks = await briefing.interact(briefing.press(reply, miss["custom_id"]))
    assert thanks.message["content"] == strings.Discord.MISS_NOTED


async def test_an_old_button_whose_entry_was_given_another_question_says_so(
    start, make_bot, knowledge
):
    served = [Engine(knowledge)]
    briefing = await start(make_bot(engine_source=lambda: served[0]))
    (reply,) = await briefing.interact(briefing.slash("ask", question="why isn't kosovo in pfp"))
    pressed = "briefing:entry:non-recognising-allies"
    (same,) = await briefing.interact(briefing.press(reply, pressed))
    assert not same.message.get("content")

    reused = replace(
        knowledge.entries["non-recognising-allies"], question="What did NATO say in Zenda?"
    )
    served[0] = Engine(replace(knowledge, entries={**knowledge.entries, reused.id: reused}))
    (shown,) = await briefing.interact(briefing.press(reply, pressed))
    assert shown.message["content"] == strings.Discord.ENTRY_CHANGED
    assert shown.embeds[0]["title"] == "What did NATO say in Zenda?"
