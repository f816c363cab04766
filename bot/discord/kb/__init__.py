"""`/kb`: the moderators' commands for curating the knowledge from inside Discord.

One cog per area (entries, history and undo, sources and coverage, unanswered questions,
vocabulary, the knowledge as a whole), each with one moderator check and one error path
(`_desk.ModeratorCog`); their commands are gathered in the one `/kb` group. `_access`
decides who may write, `_forms` turns form text into entry data, `_render` writes the
replies, `_ui` holds the forms and buttons, and `_desk` what every area shares.
"""

from __future__ import annotations

from collections.abc import Sequence

from discord import app_commands
from discord.ext import commands

from bot.discord.components import Responder
from bot.discord.kb._desk import Announce, Desk, ModeratorCog
from bot.discord.kb.entries import EntriesCog
from bot.discord.kb.history import HistoryCog
from bot.discord.kb.sources import SourcesCog
from bot.discord.kb.unanswered import UnansweredCog
from bot.discord.kb.vocabulary import VocabularyCog
from bot.discord.kb.whole import WholeKnowledgeCog
from bot.serving import Services
from bot.strings import Kb

__all__ = ["KbGroupCog", "kb_cogs"]

# In the order Discord lists their commands (subgroups first, then the rest by area).
AREAS: tuple[type[ModeratorCog], ...] = (
    EntriesCog,
    HistoryCog,
    UnansweredCog,
    SourcesCog,
    VocabularyCog,
    WholeKnowledgeCog,
)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class KbGroupCog(commands.GroupCog, group_name="kb", group_description=Kb.GROUP):
    """The `/kb` group itself, holding every area's commands; see README's moderators' guide.

    Discord hides it from members without Manage Server; the areas decide again themselves.
    """

    def __init__(self, areas: Sequence[ModeratorCog]) -> None:
        super().__init__()
        self.areas = tuple(areas)
        group = self.app_command
        assert group is not None  # a GroupCog always has its group
        handed = [command for area in self.areas for command in area.hand_over_commands()]
        for command in sorted(handed, key=lambda c: not isinstance(c, app_commands.Group)):
            command.parent = group
            group.add_command(command)


def kb_cogs(services: Services, responder: Responder, announce: Announce) -> list[commands.Cog]:
    """The `/kb` group and its areas, working with `services`.

    `responder` sends every reply, as it sends members'; `announce` tells the moderators'
    log channel about a change.
    """
    desk = Desk(services, responder, announce)
    areas = [area(desk) for area in AREAS]
    return [KbGroupCog(areas), *areas]
