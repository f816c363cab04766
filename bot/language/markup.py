"""Discord's markup in text: mentions, @everyone/@here, custom emoji, timestamps, commands.

A member's question arrives with this markup in it, and the Discord front end takes it
out before the engine reads the question (`bot.discord.markup`). So no question a member
asks ever holds it, and a phrasing, question or vocabulary word that does can never be
matched as written (and a mention would keep someone's id in the knowledge): the
knowledge's checks refuse it (`markup_in`). Both read the same patterns, here.
"""

from __future__ import annotations

import re

USER = re.compile(r"<@!?\d{1,20}>")
ROLE = re.compile(r"<@&\d{1,20}>")
CHANNEL = re.compile(r"<#(\d{1,20})>")
EVERYONE = re.compile(r"@(?:everyone|here)\b")
EMOJI = re.compile(r"<a?:\w{1,32}:\d{1,20}>")
TIMESTAMP = re.compile(r"<t:-?\d{1,20}(?::[tTdDfFsSR])?>")
# A command mention shows a clickable command, not words of the question.
SLASH_COMMAND = re.compile(r"</[\w -]{1,100}:\d{1,20}>")
# A link to a server's tabs: <id:customize>, <id:browse>, <id:guide>, <id:linked-roles:123>.
GUILD_NAVIGATION = re.compile(r"<id:[a-z-]{1,32}(?::\d{1,20})?>")
SOUND = re.compile(r"<sound:\d{1,20}:\d{1,20}>")

_ANY = re.compile(
    "|".join(
        p.pattern
        for p in (
            USER,
            ROLE,
            CHANNEL,
            EVERYONE,
            EMOJI,
            TIMESTAMP,
            SLASH_COMMAND,
            GUILD_NAVIGATION,
            SOUND,
        )
    )
)


def markup_in(text: str) -> str | None:
    """The first of Discord's markup in `text` that a member's question never keeps, if any."""
    found = _ANY.search(text)
    return found[0] if found else None
