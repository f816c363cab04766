"""Buttons and menus that keep working after a restart, and sending a rendered reply.

Every button and menu is a `DynamicItem`: its custom id (shaped by bot.replies) carries
all a press needs, such as `briefing:entry:<entry_id>`, and the bot registers the item
classes at start, so a press on a message sent before a restart is still answered. No view
state is kept in memory, so nothing expires.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
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

ENTRY = r"briefing:entry:(?P<entry_id>[a-z0-9-]{1,64})"
MISS = r"briefing:miss:(?P<question_id>[0-9]{1,18})"
QUOTES = r"briefing:quotes:(?P<entry_id>[a-z0-9-]{1,64})"
TOPICS_PAGE = r"briefing:topics:(?P<page>[0-9]{1,4})"
SOURCES_PAGE = r"briefing:sources:(?P<page>[0-9]{1,4})"
TOPIC_PICK = r"briefing:pick:(?P<slot>[0-9])"


def _bot(interaction: discord.Interaction) -> BriefingBot:
    return interaction.client  # type: ignore[return-value]


def _button(spec: DiscordButton) -> Button:
    return Button(
        label=spec.label,
        custom_id=spec.custom_id,
        style=discord.ButtonStyle[spec.style],
        row=spec.row,
    )


class EntryButton(DynamicItem[Button], template=ENTRY):
    """A covered question (suggested or related): pressing it shows that answer."""

    def __init__(self, button: Button, entry_id: str) -> None:
        super().__init__(button)
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Button, match: re.Match[str], /
    ) -> EntryButton:
        """Rebuild the button from a press, on any message ever sent."""
        return cls(item, match["entry_id"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Show the entry's answer to the member who pressed."""
        await guarded(interaction, show_entry(interaction, self.entry_id), "entry_button")


class MissButton(DynamicItem[Button], template=MISS):
    """The "Not what I asked" button: records that an answer missed the question, for moderators."""

    def __init__(self, button: Button, question_id: int) -> None:
        super().__init__(button)
        self.question_id = question_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Button, match: re.Match[str], /
    ) -> MissButton:
        """Rebuild the button from a press, on any message ever sent."""
        return cls(item, int(match["question_id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        """Record the miss and thank the member, privately."""
        await guarded(interaction, mark_miss(interaction, self.question_id), "miss_button")


class QuotesButton(DynamicItem[Button], template=QUOTES):
    """The "Show full quotes" button: the quotes an embed had to shorten, in full, privately."""

    def __init__(self, button: Button, entry_id: str) -> None:
        super().__init__(button)
        self.entry_id = entry_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Button, match: re.Match[str], /
    ) -> QuotesButton:
        """Rebuild the button from a press, on any message ever sent."""
        return cls(item, match["entry_id"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Send every quote of the entry in full."""
        await guarded(interaction, show_full_quotes(interaction, self.entry_id), "quotes_button")


class TopicsPageButton(DynamicItem[Button], template=TOPICS_PAGE):
    """Previous / next page of /topics."""

    def __init__(self, button: Button, page: int) -> None:
        super().__init__(button)
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Button, match: re.Match[str], /
    ) -> TopicsPageButton:
        """Rebuild the button from a press, on any message ever sent."""
        return cls(item, int(match["page"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        """Replace the message with the chosen page."""
        await guarded(interaction, show_page(interaction, render_topics, self.page), "topics")


class SourcesPageButton(DynamicItem[Button], template=SOURCES_PAGE):
    """Previous / next page of /sources."""

    def __init__(self, button: Button, page: int) -> None:
        super().__init__(button)
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Button, match: re.Match[str], /
    ) -> SourcesPageButton:
        """Rebuild the button from a press, on any message ever sent."""
        return cls(item, int(match["page"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        """Replace the message with the chosen page."""
        await guarded(interaction, show_page(interaction, render_sources, self.page), "sources")


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


DYNAMIC_ITEMS: tuple[type[DynamicItem[Any]], ...] = (
    EntryButton,
    MissButton,
    QuotesButton,
    TopicsPageButton,
    SourcesPageButton,
    TopicPick,
)
_BUTTON_KINDS: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(ENTRY), lambda b, m: EntryButton(b, m["entry_id"])),
    (re.compile(MISS), lambda b, m: MissButton(b, int(m["question_id"]))),
    (re.compile(QUOTES), lambda b, m: QuotesButton(b, m["entry_id"])),
    (re.compile(TOPICS_PAGE), lambda b, m: TopicsPageButton(b, int(m["page"]))),
    (re.compile(SOURCES_PAGE), lambda b, m: SourcesPageButton(b, int(m["page"]))),
)


def _button_item(spec: DiscordButton) -> DynamicItem[Button]:
    for pattern, build in _BUTTON_KINDS:
        match = pattern.fullmatch(spec.custom_id)
        if match:
            return build(_button(spec), match)
    raise ValueError(f"no dynamic item for custom id {spec.custom_id!r}")


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
    noted = _bot(interaction).record.mark_miss(question_id)
    event(log, "answer_missed", question_id=question_id, noted=noted)
    text = strings.Discord.MISS_NOTED if noted else strings.Discord.MISS_UNKNOWN
    await respond(interaction, render_notice(text))
