"""Buttons and menus that keep working after a restart, and sending a rendered reply.

Every button and menu is a `DynamicItem`: its custom id (shaped by bot.replies) carries
all a press needs, such as `briefing:entry:<entry_id>`, and the bot registers the item
classes at start, so a press on a message sent before a restart is still answered. No view
state is kept in memory, so nothing expires.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

import discord
from discord.ui import Button, DynamicItem, Select

from bot import strings
from bot.discord.errors import guarded
from bot.knowledge.model import Knowledge
from bot.logs import event
from bot.replies import (
    DiscordButton,
    DiscordReply,
    DiscordSelect,
    render_discord,
    render_full_quotes,
    render_notice,
    render_sources,
    render_topics,
)

if TYPE_CHECKING:
    from bot.discord.bot import BriefingBot

log = logging.getLogger("briefing.discord")

BUTTON = r"briefing:(?P<action>entry|miss|quotes|topics|sources):(?P<argument>[a-z0-9-]{1,64})"
TOPIC_PICK = r"briefing:pick:(?P<slot>[0-9])"


def _bot(interaction: discord.Interaction) -> BriefingBot:
    return interaction.client  # type: ignore[return-value]


class BriefingButton(DynamicItem[Button], template=BUTTON):
    """Every button the bot sends; its custom id (`briefing:<action>:<argument>`) says what to do.

    One class for all of them keeps the set of actions in one table (`_ACTIONS`) instead of
    a class per button that differs only in how it reads its argument.
    """

    def __init__(self, button: Button, action: str, argument: str) -> None:
        super().__init__(button)
        self.action = action
        self.argument = argument

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Button, match: re.Match[str], /
    ) -> BriefingButton:
        """Rebuild the button from a press, on any message ever sent."""
        return cls(item, match["action"], match["argument"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Run the button's action for the member who pressed it."""
        action = _ACTIONS[self.action](interaction, self.argument)
        await guarded(interaction, action, f"{self.action}_button")


class TopicPick(DynamicItem[Select], template=TOPIC_PICK):
    """A /topics menu: choosing a question shows its answer. The values are entry ids."""

    def __init__(self, select: Select) -> None:
        super().__init__(select)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Select, match: re.Match[str], /
    ) -> TopicPick:
        """Rebuild the menu from a choice, on any message ever sent."""
        return cls(item)

    async def callback(self, interaction: discord.Interaction) -> None:
        """Show the chosen entry's answer, privately."""
        values = self.item.values
        if values:
            await guarded(interaction, show_entry(interaction, values[0]), "topic_pick")


DYNAMIC_ITEMS: tuple[type[DynamicItem[Any]], ...] = (BriefingButton, TopicPick)
_BUTTON_ID = re.compile(BUTTON)


def _button_item(spec: DiscordButton) -> BriefingButton:
    match = _BUTTON_ID.fullmatch(spec.custom_id)
    if match is None:
        raise ValueError(f"no dynamic item for custom id {spec.custom_id!r}")
    button = Button(
        label=spec.label,
        custom_id=spec.custom_id,
        style=discord.ButtonStyle[spec.style],
        row=spec.row,
    )
    return BriefingButton(button, match["action"], match["argument"])


def _select_item(spec: DiscordSelect) -> TopicPick:
    options = [discord.SelectOption(label=o.label, value=o.value) for o in spec.options]
    select = Select(
        custom_id=spec.custom_id, placeholder=spec.placeholder, options=options, row=spec.row
    )
    return TopicPick(select)


def to_view(reply: DiscordReply) -> discord.ui.View | None:
    """The reply's buttons and menus as a view with no timeout (every item is dynamic)."""
    if not reply.buttons and not reply.selects:
        return None
    view = discord.ui.View(timeout=None)
    for select in reply.selects:
        view.add_item(_select_item(select))
    for button in reply.buttons:
        view.add_item(_button_item(button))
    return view


def message_fields(reply: DiscordReply) -> dict[str, Any]:
    """The keyword arguments discord.py's send and edit methods take for this reply."""
    fields: dict[str, Any] = {
        "content": reply.content or None,
        "embed": discord.Embed.from_dict(reply.embed) if reply.embed else None,
        "allowed_mentions": discord.AllowedMentions.none(),
    }
    if not reply.embed:
        # A reply without an embed may echo a member's words: links in them get no preview.
        # (The flag would hide a reply's own embed too, so it is left off those.)
        fields["suppress_embeds"] = True
    view = to_view(reply)
    if view is not None:
        fields["view"] = view
    return fields


async def respond(
    interaction: discord.Interaction, reply: DiscordReply, ephemeral: bool | None = None
) -> None:
    """Answer the interaction, or follow up when it was already answered or deferred."""
    private = reply.ephemeral if ephemeral is None else ephemeral
    fields = message_fields(reply)
    if interaction.response.is_done():
        fields = {key: value for key, value in fields.items() if value is not None}
        await interaction.followup.send(ephemeral=private, **fields)
    else:
        await interaction.response.send_message(ephemeral=private, **fields)


async def edit(interaction: discord.Interaction, reply: DiscordReply) -> None:
    """Replace the message a button was pressed on (paging through a list)."""
    fields = message_fields(reply)
    fields.setdefault("view", None)
    await interaction.response.edit_message(**fields)


async def show_page(
    interaction: discord.Interaction, render: Callable[[Knowledge, int], DiscordReply], page: int
) -> None:
    """Replace a paged list (/topics, /sources) with another of its pages."""
    await edit(interaction, render(_bot(interaction).engine_source().knowledge, page))


async def show_entry(interaction: discord.Interaction, entry_id: str) -> None:
    """The answer of a chosen covered question, to the member who chose it."""
    engine = _bot(interaction).engine_source()
    decision = engine.answer_entry(entry_id)
    if decision is None:
        await respond(interaction, render_notice(strings.Discord.ENTRY_GONE))
        return
    event(log, "entry_shown", entry=entry_id)
    await respond(interaction, render_discord(decision, engine.related(entry_id)), True)


async def show_full_quotes(interaction: discord.Interaction, entry_id: str) -> None:
    """Every quote of an entry in full, in as many private messages as needed."""
    decision = _bot(interaction).engine_source().answer_entry(entry_id)
    if decision is None:
        await respond(interaction, render_notice(strings.Discord.ENTRY_GONE))
        return
    for part in render_full_quotes(decision):
        await respond(interaction, render_notice(part))


async def mark_miss(interaction: discord.Interaction, question_id: int) -> None:
    """Record that an answer was not what was asked; say thanks, privately."""
    record = _bot(interaction).record
    noted = await asyncio.to_thread(record.mark_miss, question_id, interaction.guild_id)
    event(log, "answer_missed", question_id=question_id, noted=noted)
    text = strings.Discord.MISS_NOTED if noted else strings.Discord.MISS_UNKNOWN
    await respond(interaction, render_notice(text))


_ACTIONS: dict[str, Callable[[discord.Interaction, str], Coroutine[Any, Any, None]]] = {
    "entry": show_entry,
    "miss": lambda interaction, question_id: mark_miss(interaction, int(question_id)),
    "quotes": show_full_quotes,
    "topics": lambda interaction, page: show_page(interaction, render_topics, int(page)),
    "sources": lambda interaction, page: show_page(interaction, render_sources, int(page)),
}
