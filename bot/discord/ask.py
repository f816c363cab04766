"""Asking: `/ask` (with autocomplete), a mention of the bot, and the "Ask the briefing" menu."""

from __future__ import annotations

from collections.abc import Callable

import discord
from discord import app_commands
from discord.ext import commands

from bot import strings
from bot.discord.asker import MENTION, Asker, Place, asks_nothing
from bot.discord.components import Responder
from bot.discord.errors import defer_thinking, log_error
from bot.discord_format import CHOICES_LIMIT, OPTION_LIMIT, shorten
from bot.engine import Engine
from bot.replies import DiscordReply, render_notice


def _text_of(message: discord.Message) -> str:
    """The words of a message; of a forwarded one (which has none of its own), the forwarded."""
    if message.content or not message.message_snapshots:
        return message.content
    return message.message_snapshots[0].content


def _shown_privately(interaction: discord.Interaction, reply: DiscordReply, private: bool) -> bool:
    """Whether a reply to a question is shown to the member alone.

    A private question's replies are; a public one's notices (a cooldown, an empty
    question) are too, unless the reply was deferred: Discord shows the first follow-up of a
    deferral as the deferral was, whatever it asks, so a notice after a public "thinking…"
    (the question took too long) is public, and is sent as what it is.
    """
    if private:
        return True
    return reply.ephemeral and not interaction.response.is_done()


def _place(guild_id: int | None, channel_id: int | None) -> Place:
    return Place(guild_id=guild_id, channel_id=channel_id)


class AskCog(commands.Cog):
    """Every way a member asks a question.

    `me` is the bot's own user once logged in: only a mention of it is a question. Context
    menus cannot live in a cog's class body, so the bot registers `ask_menu` itself.
    """

    def __init__(
        self,
        asker: Asker,
        engine_source: Callable[[], Engine],
        responder: Responder,
        me: Callable[[], discord.ClientUser | None],
    ) -> None:
        self.asker = asker
        self.responder = responder
        self.engine_source = engine_source
        self.me = me
        self.ask_menu = app_commands.ContextMenu(
            name=strings.Discord.CONTEXT_MENU, callback=self.ask_about_message
        )

    @app_commands.command(name="ask", description=strings.Discord.ASK_DESCRIPTION)
    @app_commands.describe(
        question=strings.Discord.ASK_QUESTION, private=strings.Discord.ASK_PRIVATE
    )
    async def ask(
        self, interaction: discord.Interaction, question: str, private: bool = False
    ) -> None:
        """Answer the question typed (or picked from the suggestions)."""

        async def defer() -> None:
            await defer_thinking(interaction, private)

        async def send(reply: DiscordReply) -> None:
            await self.responder.respond(
                interaction, reply, ephemeral=_shown_privately(interaction, reply, private)
            )

        place = _place(interaction.guild_id, interaction.channel_id)
        await self.asker.answer(
            question, interaction.user.id, place, "slash", send, on_slow=defer, private=private
        )

    @ask.autocomplete("question")
    async def suggest(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Covered questions matching what the member has typed so far, one per entry.

        The value is the covered question itself, so picking one asks exactly it.
        """
        suggestions = self.engine_source().complete(current, limit=CHOICES_LIMIT)
        return [
            app_commands.Choice(
                name=shorten(s.question, OPTION_LIMIT), value=shorten(s.question, OPTION_LIMIT)
            )
            for s in suggestions[:CHOICES_LIMIT]
        ]

    async def ask_about_message(
        self, interaction: discord.Interaction, message: discord.Message
    ) -> None:
        """Answer the text of the chosen message as a question.

        Not a message of the bot itself or another bot: its words are the bot's replies
        (or a program's), and would be answered and recorded as a member's question.
        """
        if message.author.bot:
            await self.responder.respond(interaction, render_notice(strings.Discord.BOT_MESSAGE))
            return
        text = _text_of(message)
        if asks_nothing(text):
            await self.responder.respond(interaction, render_notice(strings.Discord.NO_TEXT_TO_ASK))
            return

        async def defer() -> None:
            await defer_thinking(interaction, private=False)

        async def send(reply: DiscordReply) -> None:
            private = _shown_privately(interaction, reply, private=False)
            await self.responder.respond(interaction, reply, ephemeral=private)

        place = _place(interaction.guild_id, interaction.channel_id)
        await self.asker.answer(
            text, interaction.user.id, place, "context_menu", send, on_slow=defer
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """A message that mentions the bot directly is a question; reply to it.

        Only a user mention of the bot itself counts (`<@id>` in the text): not @everyone,
        @here, a role the bot has, nor a reply to one of its messages.
        """
        me = self.me()
        if me is None or message.author.bot or me.id not in message.raw_mentions:
            return
        try:
            await self._answer_mention(message, me)
        except Exception as error:
            error_id = log_error(error, "mention")
            await message.reply(
                strings.Discord.ERROR.format(error_id=error_id),
                mention_author=False,
                allowed_mentions=discord.AllowedMentions.none(),
            )

    async def _answer_mention(self, message: discord.Message, me: discord.ClientUser) -> None:
        """Reply to a message that mentions the bot; the Asker takes the mentions out."""

        async def send(reply: DiscordReply) -> None:
            await message.reply(mention_author=False, **self.responder.message_fields(reply))

        if asks_nothing(message.content):
            # The reply is public, so bare mentions count toward the cooldown, past which
            # they get silence rather than a flood of replies.
            if not self.asker.cooldown.wait_for(message.author.id):
                how_to = strings.Discord.MENTION_HOW_TO.format(name=me.display_name)
                await send(render_notice(how_to, ephemeral=False))
            return
        place = _place(message.guild.id if message.guild else None, message.channel.id)
        await self.asker.answer(message.content, message.author.id, place, MENTION, send)
