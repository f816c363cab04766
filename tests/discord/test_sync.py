from dataclasses import replace

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.sync import sync_commands
from tests.discord.harness import APPLICATION_ID, GUILD_ID, Harness

GLOBAL = f"/applications/{APPLICATION_ID}/commands"


class Extra(commands.Cog):
    """A cog another feature (such as moderation) would add."""

    @app_commands.command(description="An extra command")
    async def extra(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message("extra")


def command_writes(harness):
    return [r for r in harness.discord.history if r.method == "PUT"]


async def test_first_start_syncs_every_command_globally(start, make_bot):
    briefing = await start(make_bot())

    (sync,) = command_writes(briefing)
    assert sync.path == GLOBAL
    assert sorted((c["type"], c["name"]) for c in sync.payload) == [
        (1, "about"),
        (1, "ask"),
        (1, "sources"),
        (1, "topics"),
        (3, "Ask the briefing"),
    ]
    ask = next(c for c in sync.payload if c["name"] == "ask")
    assert [(o["name"], o["type"], o.get("autocomplete")) for o in ask["options"]] == [
        ("question", 3, True),
        ("private", 5, None),
    ]


async def test_a_restart_with_the_same_commands_does_not_sync(start, make_bot):
    await start(make_bot())
    again = await start(make_bot())
    assert command_writes(again) == []


async def test_a_changed_command_set_is_synced_at_start(start, make_bot):
    await start(make_bot())
    changed = await start(make_bot(cogs=[lambda responder, announce: [Extra()]]))

    (sync,) = command_writes(changed)
    assert "extra" in {c["name"] for c in sync.payload}


async def test_configured_guilds_get_the_commands_instantly(start, make_bot, settings):
    guild_settings = replace(settings, sync_guild_ids=(GUILD_ID,))
    briefing = await start(make_bot(settings=guild_settings))

    (sync,) = command_writes(briefing)
    assert sync.path == f"/applications/{APPLICATION_ID}/guilds/{GUILD_ID}/commands"
    assert "ask" in {c["name"] for c in sync.payload}


async def test_changing_the_configured_guilds_syncs_again(start, make_bot, settings):
    await start(make_bot())
    moved = await start(make_bot(settings=replace(settings, sync_guild_ids=(GUILD_ID,))))
    assert len(command_writes(moved)) == 1


async def test_sync_command_syncs_even_when_nothing_changed(start, make_bot, settings):
    await start(make_bot())
    briefing = await start(make_bot(sync_at_start=False))
    assert command_writes(briefing) == []

    await briefing.run(sync_commands(briefing.client.tree, (), settings.data_dir))
    (sync,) = command_writes(briefing)
    assert sync.path == GLOBAL


async def test_guild_commands_are_answered_like_global_ones(start, make_bot, settings):
    briefing = await start(make_bot(settings=replace(settings, sync_guild_ids=(GUILD_ID,))))
    payload = briefing.slash("ask", question="why isn't kosovo in pfp")
    payload["data"]["guild_id"] = str(GUILD_ID)
    (reply,) = await briefing.interact(payload)
    assert reply.embeds[0]["title"] == "Why is Kosovo not part of NATO's Partnership for Peace?"


async def test_a_refused_sync_does_not_stop_the_bot_and_is_tried_at_next_start(
    start, make_bot, fakes, caplog
):
    refused = Harness(make_bot())
    fakes.append(refused.discord)
    refused.discord.refuse("/applications/{application_id}/commands", status=429)
    await refused.start()
    assert "event=commands_sync_failed status=429" in caplog.text
    (reply,) = await refused.interact(refused.slash("ask", question="why isn't kosovo in pfp"))
    assert reply.embeds
    await refused.close()

    again = await start(make_bot())
    assert len(command_writes(again)) == 1
