"""`/kb`: the moderators' commands for curating the knowledge from inside Discord.

`_access` decides who may write, `_forms` turns form text into entry data, `_render` writes
the replies, `_ui` holds the forms and buttons, and `_cog` wires them to the store.
"""

from __future__ import annotations

from discord.ext import commands

from bot.discord.kb._cog import KbCog, KbServices

__all__ = ["KbCog", "KbServices", "add_kb"]


async def add_kb(bot: commands.Bot, services: KbServices) -> None:
    """Register the `/kb` group on `bot` (call from its `setup_hook`)."""
    await bot.add_cog(KbCog(bot, services))
