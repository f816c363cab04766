"""Who may change the knowledge: checked on every `/kb` command and every button press.

Discord hides `/kb` from members without Manage Server (the group's default permissions),
but a server's admins can change who sees a command, and buttons outlive the command that
sent them, so the bot decides again itself each time.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

import discord

from bot.settings import Settings
from bot.strings import Kb


class Access(Enum):
    """Whether a member may write, and if not, which refusal to show."""

    ALLOWED = ""
    NOT_HERE = Kb.NOT_HERE
    NOT_ALLOWED = Kb.NOT_ALLOWED


def access(
    settings: Settings, guild_id: int | None, manage_guild: bool, role_names: Iterable[str]
) -> Access:
    """Decide from plain values, so the rule is readable and testable on its own.

    Only guilds listed in `edit_guild_ids` take writes; there, a member needs Manage
    Server or a role named in `moderator_roles` (names compared ignoring case).
    """
    if guild_id is None or guild_id not in settings.edit_guild_ids:
        return Access.NOT_HERE
    wanted = {name.casefold() for name in settings.moderator_roles}
    if manage_guild or any(name.casefold() in wanted for name in role_names):
        return Access.ALLOWED
    return Access.NOT_ALLOWED


def access_of(settings: Settings, interaction: discord.Interaction) -> Access:
    """The access of the member behind an interaction.

    Role names are known when the bot caches the server (the `guilds` intent); without it
    only Manage Server counts.
    """
    member = interaction.user
    roles = member.roles if isinstance(member, discord.Member) else []
    return access(
        settings,
        interaction.guild_id,
        interaction.permissions.manage_guild,
        (role.name for role in roles),
    )
