"""Discord's markup is not part of a question: mentions, emoji, timestamps and links.

A member's text arrives with Discord's syntax in it: `<@456>` for a tagged member,
`<#123>` for a channel, `<:name:123>` for a custom emoji. Left in, the engine would read
`456` as a number the answer does not state and refuse a question it covers. So the
markup is taken out, or replaced by the plain words a reader sees, before the engine reads
the question; the record keeps the same clean text, so it never holds anyone's id.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ChannelNames = Callable[[int], str | None]

_USER = re.compile(r"<@!?\d{1,20}>")
_ROLE = re.compile(r"<@&\d{1,20}>")
_CHANNEL = re.compile(r"<#(\d{1,20})>")
_EVERYONE = re.compile(r"@(?:everyone|here)\b")
_EMOJI = re.compile(r"<a?:\w{1,32}:\d{1,20}>")
_TIMESTAMP = re.compile(r"<t:-?\d{1,20}(?::[tTdDfFsSR])?>")
# A command mention shows a clickable command, not words of the question.
_SLASH_COMMAND = re.compile(r"</[\w -]{1,100}:\d{1,20}>")
# A link to a server's tabs: <id:customize>, <id:browse>, <id:guide>, <id:linked-roles:123>.
_GUILD_NAVIGATION = re.compile(r"<id:[a-z-]{1,32}(?::\d{1,20})?>")
_SOUND = re.compile(r"<sound:\d{1,20}:\d{1,20}>")
# A link in angle brackets (its preview suppressed) reads as the bare link.
_UNEMBEDDED_LINK = re.compile(r"<(https?://[^\s<>]{1,2048})>")
_MASKED_LINK = re.compile(r"\[([^\[\]\n]{1,256})\]\(<?https?://[^\s()<>]{1,2048}>?\)")
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
    text = _USER.sub(" ", text)
    text = _ROLE.sub(" ", text)
    text = _EVERYONE.sub(" ", text)
    text = _EMOJI.sub(" ", text)
    text = _TIMESTAMP.sub(" ", text)
    text = _SLASH_COMMAND.sub(" ", text)
    text = _GUILD_NAVIGATION.sub(" ", text)
    text = _SOUND.sub(" ", text)
    text = _CHANNEL.sub(lambda match: _channel(match, channel_names), text)
    text = _MASKED_LINK.sub(r"\1", text)
    text = _UNEMBEDDED_LINK.sub(r"\1", text)
    return _SPACE_BEFORE_MARK.sub("", _SPACES.sub(" ", text)).strip()


def _channel(match: re.Match[str], channel_names: ChannelNames) -> str:
    name = channel_names(int(match[1]))
    return f" {name} " if name else " "
