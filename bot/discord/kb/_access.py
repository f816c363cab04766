"""Who may change the knowledge: checked on every `/kb` command and every button press.

Discord hides `/kb` from members without Manage Server (the group's default permissions),
but a server's admins can change who sees a command, and buttons outlive the command that
sent them, so the bot decides again itself each time.

Moderators' roles are known by id. A role given by name in the settings (the fallback) is
looked up once per server, when the server becomes available at start, by its exact name,
and from then on only that role's id counts: a role created later with the same name, or a
name differing only in case, gives no access.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from enum import Enum

import discord

from bot.ops.logs import event
from bot.ops.settings import Settings
from bot.strings import Kb

log = logging.getLogger(__name__)


class Access(Enum):
    """Whether a member may write, and if not, which refusal to show."""

    ALLOWED = ""
    NOT_HERE = Kb.NOT_HERE
    NOT_ALLOWED = Kb.NOT_ALLOWED


class ModeratorRoles:
    """The ids of the moderators' roles in each server: configured ids, plus named roles."""

    def __init__(self, settings: Settings) -> None:
        self._ids = frozenset(settings.moderator_role_ids)
        self._names = settings.moderator_role_names
        self._named: dict[int, frozenset[int]] = {}

    def resolved(self, guild_id: int) -> bool:
        """Whether the server's named roles were looked up (or there are none to look up)."""
        return not self._names or guild_id in self._named

    def resolve(self, guild_id: int, roles: Iterable[tuple[int, str]]) -> None:
        """Look up the configured names among the server's (id, name) roles, once.

        A name matching no role, or several (which one is meant?), gives no role.
        """
        if self.resolved(guild_id):
            return
        roles = list(roles)
        found: set[int] = set()
        for name in self._names:
            matches = [role_id for role_id, role_name in roles if role_name == name]
            if len(matches) == 1:
                found.add(matches[0])
            event(
                log,
                "moderator_role_by_name",
                logging.WARNING,
                guild=guild_id,
                matches=len(matches),
                role=matches[0] if len(matches) == 1 else "-",
                advice="put the role id in BRIEFING_MODERATOR_ROLES",
            )
        self._named[guild_id] = frozenset(found)

    def ids(self, guild_id: int) -> frozenset[int]:
        """The role ids that make a member a moderator in the server."""
        return self._ids | self._named.get(guild_id, frozenset())


def access(
    settings: Settings,
    guild_id: int | None,
    manage_guild: bool,
    role_ids: Iterable[int],
    roles: ModeratorRoles | None = None,
) -> Access:
    """Decide from plain values, so the rule is readable and testable on its own.

    Only guilds listed in `edit_guild_ids` take writes; there, a member needs Manage
    Server or one of the moderators' roles, by id.
    """
    if guild_id is None or guild_id not in settings.edit_guild_ids:
        return Access.NOT_HERE
    wanted = (roles or ModeratorRoles(settings)).ids(guild_id)
    if manage_guild or not wanted.isdisjoint(role_ids):
        return Access.ALLOWED
    return Access.NOT_ALLOWED


def access_of(
    settings: Settings, roles: ModeratorRoles, interaction: discord.Interaction
) -> Access:
    """The access of the member behind an interaction.

    Named roles not yet looked up in this server (it became available before `/kb` was
    loaded) are looked up now, from the server as the bot has it.
    """
    guild = interaction.guild
    if guild is not None and guild.id in settings.edit_guild_ids and not roles.resolved(guild.id):
        roles.resolve(guild.id, ((role.id, role.name) for role in guild.roles))
    member = interaction.user
    member_roles = member.roles if isinstance(member, discord.Member) else []
    return access(
        settings,
        interaction.guild_id,
        interaction.permissions.manage_guild,
        (role.id for role in member_roles),
        roles,
    )
