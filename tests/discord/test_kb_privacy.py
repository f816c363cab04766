"""`/kb unanswered` shows a guild's moderators their own guild's questions, never a private one,
and the moderators' role counts by id, never by a name someone else can copy."""

from __future__ import annotations

import logging

from bot.strings import Kb, Reply
from tests.discord.harness import GUILD_ID, ROLE_ID, ROLE_NAME, snowflake
from tests.discord.kb_support import (
    OTHER_GUILD_ID,
    in_guild,
    kb,
    make_world,
    moderator,
    with_moderator_role,
)

HERE = "Will Kosovo get a seat at the OSCE soon?"
PRIVATE_HERE = "Does Kosovo pay into the OSCE budget?"
ELSEWHERE = "When will Kosovo host the Council of Europe summit?"
PRIVATE_ELSEWHERE = "Is Kosovo applying to Interpol again this year?"


async def _ask(harness, question: str, guild_id: int = GUILD_ID, private: bool = False) -> None:
    payload = in_guild(harness.slash("ask", question=question, private=private), guild_id)
    (reply,) = await harness.interact(payload)
    assert Reply.NOT_COVERED in reply.message["content"]


async def test_moderators_see_only_their_guilds_public_unanswered_questions(harness):
    await _ask(harness, HERE)
    await _ask(harness, PRIVATE_HERE, private=True)
    await _ask(harness, ELSEWHERE, OTHER_GUILD_ID)
    await _ask(harness, PRIVATE_ELSEWHERE, OTHER_GUILD_ID, private=True)

    listed = (await harness.interact(moderator(kb(harness, "unanswered"))))[-1]
    shown = listed.message["content"]

    assert HERE in shown
    assert all(q not in shown for q in (PRIVATE_HERE, ELSEWHERE, PRIVATE_ELSEWHERE))


async def test_a_miss_marked_in_another_guild_is_not_shown(harness):
    answered = "why isn't kosovo in pfp"
    (reply,) = await harness.interact(in_guild(harness.slash("ask", question=answered), 1 << 60))
    miss = reply.buttons[-1]["custom_id"]
    await harness.interact(in_guild(harness.press(reply, miss), 1 << 60))

    listed = (await harness.interact(moderator(kb(harness, "unanswered"))))[-1]
    assert listed.message["content"] == Kb.UNANSWERED_EMPTY


async def test_the_moderators_role_counts_by_id(harness):
    requests = await harness.interact(with_moderator_role(kb(harness, "unanswered")))
    assert requests[-1].message["content"] == Kb.UNANSWERED_EMPTY


async def _role_named_like_the_moderators(harness) -> int:
    """Someone who may manage roles creates one with the moderators' role's name."""
    copy = int(snowflake())
    await harness.create_role(copy, ROLE_NAME)
    return copy


async def test_a_role_named_like_the_moderators_role_but_with_another_id_is_refused(harness):
    copy = await _role_named_like_the_moderators(harness)
    payload = with_moderator_role(kb(harness, "unanswered"))
    payload["member"]["roles"] = [str(copy)]

    (reply,) = await harness.interact(payload)
    assert reply.message["content"] == Kb.NOT_ALLOWED


async def test_a_role_given_by_name_is_looked_up_once_at_start_with_a_warning(
    tmp_path, start, caplog
):
    world = make_world(tmp_path, moderator_role_ids=(), moderator_role_names=(ROLE_NAME,))
    with caplog.at_level(logging.WARNING, logger="bot"):
        harness = await start(world.bot)
    copy = await _role_named_like_the_moderators(harness)
    try:
        by_original = await harness.interact(with_moderator_role(kb(harness, "unanswered")))
        copied = with_moderator_role(kb(harness, "unanswered"))
        copied["member"]["roles"] = [str(copy)]
        (by_copy,) = await harness.interact(copied)
    finally:
        world.bot.record.close()

    (warning,) = [
        r.getMessage() for r in caplog.records if "moderator_role_by_name" in r.getMessage()
    ]
    assert f"role={ROLE_ID}" in warning
    assert by_original[-1].message["content"] == Kb.UNANSWERED_EMPTY
    assert by_copy.message["content"] == Kb.NOT_ALLOWED
