"""Discord's markup in text: mentions, @everyone/@here, custom emoji, timestamps, commands.

A member's question arrives with this markup in it, and every front end takes it out
before the engine reads the question (`plain_text`): left in, the engine would read the
456 of `<@456>` as a number the answer does not state, and the record would keep an id.
So no question a member asks ever holds it, and a phrasing, question or vocabulary word
that does can never be matched as written (and a mention would keep someone's id in the
knowledge): the knowledge's checks refuse it (`markup_in`). Both read the same patterns,
here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
# A masked link shows its text, not its address, which a question keeps only as that text.
MASKED_LINK = re.compile(r"\[([^\[\]\n]{1,256})\]\(<?https?://[^\s()<>]{1,2048}>?\)")

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
            MASKED_LINK,
        )
    )
)


def markup_in(text: str) -> str | None:
    """The first of Discord's markup in `text` that a member's question never keeps, if any."""
    found = _ANY.search(text)
    return found[0] if found else None


ChannelNames = Callable[[int], str | None]

# A link in angle brackets (its preview suppressed) reads as the bare link.
_UNEMBEDDED_LINK = re.compile(r"<(https?://[^\s<>]{1,2048})>")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_MARK = re.compile(r" (?=[?!.,;:](?:\s|$))")


def _no_names(_: int) -> str | None:
    return None


def plain_text(text: str, channel_names: ChannelNames = _no_names) -> str:
    """`text` without Discord's markup, as a member reads it.

    Members, roles, @everyone/@here, custom emoji, timestamps, command mentions, links to
    a server's tabs and soundboard sounds are removed: none of them is what is asked. A
    channel becomes its name when known (it may say what is meant), a masked link its
    text, a link in angle brackets the bare link.
    """
    # Links first: a mention split by a masked link ("<@[123](https://...)>") would be
    # made whole again by unwrapping it after the mentions were taken out.
    text = MASKED_LINK.sub(r"\1", text)
    text = _UNEMBEDDED_LINK.sub(r"\1", text)
    text = USER.sub(" ", text)
    text = ROLE.sub(" ", text)
    text = EVERYONE.sub(" ", text)
    text = EMOJI.sub(" ", text)
    text = TIMESTAMP.sub(" ", text)
    text = SLASH_COMMAND.sub(" ", text)
    text = GUILD_NAVIGATION.sub(" ", text)
    text = SOUND.sub(" ", text)
    text = CHANNEL.sub(lambda match: _channel(match, channel_names), text)
    return _SPACE_BEFORE_MARK.sub("", _SPACES.sub(" ", text)).strip()


def _channel(match: re.Match[str], channel_names: ChannelNames) -> str:
    name = channel_names(int(match[1]))
    return f" {name} " if name else " "
