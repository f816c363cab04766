"""Browsing: `/topics`, `/sources` and `/about`, each shown to the member alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot import strings
from bot.discord.components import respond
from bot.replies import render_about, render_sources, render_topics

if TYPE_CHECKING:
    from bot.discord.bot import BriefingBot


class BrowseCog(commands.Cog):
    """What the briefing covers and where its answers come from."""

    def __init__(self, bot: BriefingBot) -> None:
        self.bot = bot

    @app_commands.command(name="topics", description=strings.Discord.TOPICS_DESCRIPTION)
    async def topics(self, interaction: discord.Interaction) -> None:
        """The covered questions by topic, in select menus that show an answer."""
        await respond(interaction, render_topics(self.bot.engine_source().knowledge))

    @app_commands.command(name="sources", description=strings.Discord.SOURCES_DESCRIPTION)
    async def sources(self, interaction: discord.Interaction) -> None:
        """The stored sources with outlet, date and link."""
        await respond(interaction, render_sources(self.bot.engine_source().knowledge))

    @app_commands.command(name="about", description=strings.Discord.ABOUT_DESCRIPTION)
    async def about(self, interaction: discord.Interaction) -> None:
        """What the bot covers, as of when, and how to ask it."""
        name = self.bot.user.display_name if self.bot.user else strings.Discord.DEFAULT_NAME
        knowledge = self.bot.engine_source().knowledge
        reply = render_about(knowledge, name, self.bot.settings.retention_days)
        await respond(interaction, reply)
