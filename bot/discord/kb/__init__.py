"""`/kb`: the moderators' commands for curating the knowledge from inside Discord.

`_access` decides who may write, `_forms` turns form text into entry data, `_render` writes
the replies, `_ui` holds the forms and buttons, and `_cog` wires them to the store.
"""

from __future__ import annotations

from collections.abc import Callable

from discord.ext import commands

from bot.discord.kb._cog import KbCog, KbServices
from bot.live import LiveKnowledge, open_moderated
from bot.settings import Settings
from bot.unanswered import UnansweredQuestions

__all__ = ["KbCog", "KbServices", "open_kb"]


def open_kb(settings: Settings) -> tuple[LiveKnowledge, Callable[[commands.Bot], KbCog]]:
    """The served knowledge, and the factory of the `/kb` cog for the bot that serves it.

    The bot must answer from `live.engine` so moderators' writes are served at once;
    `/kb unanswered` reads the questions the bot records in the same database. Blocks:
    opening the store repairs a write a crash interrupted.
    """
    live, store = open_moderated(settings.knowledge_dir, settings.database_path)
    unanswered = UnansweredQuestions(settings.database_path, lambda: live.engine.lexicon)

    def make(bot: commands.Bot) -> KbCog:
        return KbCog(bot, KbServices(settings, store, live, unanswered))

    return live, make
