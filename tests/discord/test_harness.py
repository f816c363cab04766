"""Self-check of the harness: the private discord.py names it needs, and each of its paths.

A toy bot stands in for ours here, so a failure points at the harness (or a discord.py
upgrade), not at the briefing bot.
"""

import re
from inspect import signature

import discord
from discord import app_commands
from discord.ext import commands
from discord.state import ConnectionState

from tests.discord import harness as harness_module
from tests.discord.conftest import without_spec
from tests.discord.harness import BOT_ID, EPHEMERAL, PRIVATE_NAMES
from tests.discord.schema import embed_length, limit_problems


class Echo(discord.ui.DynamicItem[discord.ui.Button], template=r"toy:echo:(?P<word>\w+)"):
    def __init__(self, word: str) -> None:
        super().__init__(discord.ui.Button(label=word, custom_id=f"toy:echo:{word}"))
        self.word = word

    @classmethod
    async def from_custom_id(cls, interaction, item, match: re.Match[str]):
        return cls(match["word"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"pressed {self.word}", ephemeral=True)


class ToyBot(commands.Bot):
    def __init__(self) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.none(),
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.seen: list[str] = []

    async def setup_hook(self) -> None:
        self.add_dynamic_items(Echo)

        @self.tree.command(description="Say it back")
        async def say(interaction: discord.Interaction, text: str, quiet: bool = False) -> None:
            view = discord.ui.View(timeout=None)
            view.add_item(Echo("again"))
            await interaction.response.send_message(text, ephemeral=quiet, view=view)

        @say.autocomplete("text")
        async def complete(interaction: discord.Interaction, current: str):
            return [app_commands.Choice(name=f"{current}!", value=current)]

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append(message.content)
        await message.reply("heard", mention_author=False)


def test_every_private_discord_name_the_harness_uses_still_exists():
    for name, value in PRIVATE_NAMES.items():
        if isinstance(value, str):
            owners = {"Client": discord.Client(intents=discord.Intents.none())}
            owners |= {"ConnectionState": ConnectionState, "BaseView": discord.ui.view.BaseView}
            owner = owners[name.split(".")[0]]
            assert hasattr(owner, value), name
        else:
            assert value is not None, name
    adapter_request = signature(harness_module.AsyncWebhookAdapter.request).parameters
    assert {"route", "session", "payload", "multipart", "params"} <= set(adapter_request)
    http_request = signature(harness_module.HTTPClient.request).parameters
    assert {"route", "files", "form"} <= set(http_request)


async def test_login_runs_setup_hook_and_sets_the_bot_user(start):
    bot = ToyBot()
    await start(bot)
    assert bot.user is not None
    assert bot.user.id == BOT_ID
    assert bot.tree.get_command("say") is not None


async def test_slash_command_reply_is_captured_as_discord_would_receive_it(start):
    harness = await start(ToyBot())
    (reply,) = await harness.interact(harness.slash("say", text="hello", quiet=True))
    assert reply.callback_type == 4
    assert reply.message["content"] == "hello"
    assert reply.ephemeral
    assert reply.message["flags"] == EPHEMERAL
    assert reply.message["allowed_mentions"] == {"parse": []}
    assert [b["custom_id"] for b in reply.buttons] == ["toy:echo:again"]


async def test_autocomplete_choices_are_captured(start):
    harness = await start(ToyBot())
    (reply,) = await harness.interact(harness.autocomplete("say", "text", "hi"))
    assert reply.callback_type == 8
    assert reply.payload["data"]["choices"] == [{"name": "hi!", "value": "hi"}]


async def test_pressing_a_dynamic_button_reaches_its_callback(start):
    harness = await start(ToyBot())
    (sent,) = await harness.interact(harness.slash("say", text="hello"))
    (pressed,) = await harness.interact(harness.press(sent, "toy:echo:again"))
    assert pressed.message["content"] == "pressed again"
    assert pressed.ephemeral


async def test_a_posted_message_reaches_on_message_and_the_reply_is_captured(start):
    bot = ToyBot()
    harness = await start(bot)
    (reply,) = await harness.post(harness.message("hi there"))
    assert bot.seen == ["hi there"]
    assert reply.method == "POST"
    assert reply.template == "/channels/{channel_id}/messages"
    assert reply.message["content"] == "heard"


def test_limits_catch_an_embed_over_six_thousand_characters():
    from tests.discord.harness import Request

    embed = {"description": "x" * 4000, "fields": [{"name": "n", "value": "v" * 1024}] * 2}
    request = Request("POST", "/channels/{channel_id}/messages", "/channels/1/messages", {})
    request = Request(request.method, request.template, request.path, {"embeds": [embed]})
    assert embed_length(embed) == 6050
    assert limit_problems(request) == ["embeds total more than 6000 characters"]


def test_schema_refuses_an_over_long_embed_title(api_schema):
    from tests.discord.harness import Request

    if api_schema is None:
        without_spec()
    schema = api_schema
    body = {"type": 4, "data": {"embeds": [{"title": "t" * 257}]}}
    request = Request(
        "POST",
        "/interactions/{webhook_id}/{webhook_token}/callback",
        "/interactions/1/t/callback",
        body,
    )
    assert schema.problems(request)
    body["data"]["embeds"][0]["title"] = "t" * 256
    assert schema.problems(request) == []
