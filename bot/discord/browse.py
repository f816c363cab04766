"""Browsing: `/topics`, `/sources` and `/about`, each shown to the member alone."""

from __future__ import annotations

from collections.abc import Callable

import discord
from discord import app_commands
from discord.ext import commands

from bot import strings
from bot.discord.components import Responder
from bot.engine import Engine
from bot.ops.settings import Settings
from bot.replies import render_about, render_sources, render_topics


class BrowseCog(commands.Cog):
    """What the briefing covers and where its answers come from."""

    def __init__(
        self,
        engine_source: Callable[[], Engine],
        settings: Settings,
        responder: Responder,
        me: Callable[[], discord.ClientUser | None],
    ) -> None:
        self.engine_source = engine_source
        self.responder = responder
        self.settings = settings
        self.me = me

    @app_commands.command(name="topics", description=strings.Discord.TOPICS_DESCRIPTION)
    async def topics(self, interaction: discord.Interaction) -> None:
        """The covered questions by topic, in select menus that show an answer."""
        await self.responder.respond(interaction, render_topics(self.engine_source().knowledge))

    @app_commands.command(name="sources", description=strings.Discord.SOURCES_DESCRIPTION)
    async def sources(self, interaction: discord.Interaction) -> None:
        """The stored sources with outlet, date and link."""
        await self.responder.respond(interaction, render_sources(self.engine_source().knowledge))

    @app_commands.command(name="about", description=strings.Discord.ABOUT_DESCRIPTION)
    async def about(self, interaction: discord.Interaction) -> None:
        """What the bot covers, as of when, and how to ask it."""
        me = self.me()
        name = me.display_name if me else strings.Discord.DEFAULT_NAME
        knowledge = self.engine_source().knowledge
        reply = render_about(knowledge, name, self.settings.retention_days)
        await self.responder.respond(interaction, reply)
