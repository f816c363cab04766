"""Buttons and menus that keep working after a restart, and sending a rendered reply.

Every button and menu is a `DynamicItem`: its custom id (`ButtonId`, bot/discord_format.py) carries
all a press needs, such as `briefing:entry:<entry_id>`, and the bot registers the item
classes at start, so a press on a message sent before a restart is still answered. No view
state is kept in memory, so nothing expires. What a press does needs the served engine and
the question record: the `Responder` binds the item classes it registers and sends to a
`Presses` holding them, so no press looks for its services through the client.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, ClassVar

import discord
from discord.ui import Button, DynamicItem, Select

from bot import strings
from bot.discord.errors import defer_thinking, guarded
from bot.discord_format import ButtonId, shorten
from bot.engine import Engine
from bot.knowledge.model import Knowledge
from bot.ops.logs import event
from bot.replies import (
    DiscordReply,
    quotes_check,
    render_discord,
    render_full_quotes,
    render_notice,
    render_sources,
    render_topics,
)
from bot.serving.record import QuestionRecord

log = logging.getLogger("briefing.discord")


class Presses:
    """What pressing a button or choosing in a menu does, with the services it needs."""

    def __init__(
        self, engine_source: Callable[[], Engine], record: QuestionRecord, responder: Responder
    ) -> None:
        self.engine_source = engine_source
        self.record = record
        self.responder = responder

    async def run(
        self,
        interaction: discord.Interaction,
        action: str,
        argument: str,
        check: str | None = None,
    ) -> None:
        """Run a button's action (the custom id's `<action>:<argument>[:<check>]`)."""
        if action == ButtonId.ENTRY:
            await self.show_entry(interaction, argument)
        elif action == ButtonId.MISS:
            await self.mark_miss(interaction, int(argument))
        elif action == ButtonId.QUOTES:
            await self.show_full_quotes(interaction, argument, check)
        elif action == ButtonId.TOPICS:
            await self.show_page(interaction, render_topics, int(argument))
        elif action == ButtonId.SOURCES:
            await self.show_page(interaction, render_sources, int(argument))
        else:
            raise ValueError(f"no action {action!r}")

    async def show_page(
        self,
        interaction: discord.Interaction,
        render: Callable[[Knowledge, int], DiscordReply],
        page: int,
    ) -> None:
        """Replace a paged list (/topics, /sources) with another of its pages."""
        await self.responder.edit(interaction, render(self.engine_source().knowledge, page))

    async def show_entry(self, interaction: discord.Interaction, entry_id: str) -> None:
        """The answer of a chosen covered question, to the member who chose it.

        A button or menu carries the entry's id; should the question it showed no longer
        be that entry's (reworded, or the id given to another entry since), the member is
        told before the answer, which is not to what they chose.
        """
        engine = self.engine_source()
        decision = engine.answer_entry(entry_id)
        if decision is None or decision.entry is None:
            await self.responder.respond(interaction, render_notice(strings.Discord.ENTRY_GONE))
            return
        event(log, "entry_shown", entry=entry_id)
        reply = render_discord(decision, engine.related(entry_id))
        chosen = _label_chosen(interaction)
        if chosen is not None and chosen != shorten(decision.entry.question, len(chosen)):
            reply = replace(reply, content=strings.Discord.ENTRY_CHANGED)
        await self.responder.respond(interaction, reply, True)

    async def show_full_quotes(
        self, interaction: discord.Interaction, entry_id: str, check: str | None
    ) -> None:
        """Every quote of an entry in full, in as many private messages as needed.

        The button carries the entry's id and a fingerprint of the quotes its reply showed
        (`quotes_check`): should the entry's quotes now differ (edited, or the id given to
        another entry since), the member is told that these are not that reply's quotes,
        and for which question they are. A button sent before buttons carried the
        fingerprint cannot tell, and says so: ask again.
        """
        if check is None:
            await self.responder.respond(
                interaction, render_notice(strings.Discord.QUOTES_BUTTON_OUTDATED)
            )
            return
        decision = self.engine_source().answer_entry(entry_id)
        if decision is None:
            await self.responder.respond(interaction, render_notice(strings.Discord.ENTRY_GONE))
            return
        changed = check != quotes_check(decision.quotes)
        for part in render_full_quotes(decision, changed):
            await self.responder.respond(interaction, render_notice(part))

    async def mark_miss(self, interaction: discord.Interaction, question_id: int) -> None:
        """Record that an answer was not what was asked; say thanks, privately.

        Only the member who asked can say so: another member's press would list a question
        answered as its asker wanted for moderators to review. Who asked is read from the
        reply itself (the interaction it answered, the message it replies to), never
        recorded. Acknowledged first: the record may wait seconds on a busy file, past
        Discord's 3 s.
        """
        asker = _asker_of(interaction.message)
        if asker is not None and asker != interaction.user.id:
            await self.responder.respond(interaction, render_notice(strings.Discord.MISS_NOT_YOURS))
            return
        await defer_thinking(interaction, private=True)
        noted = await asyncio.to_thread(self.record.mark_miss, question_id, interaction.guild_id)
        event(log, "answer_missed", question_id=question_id, noted=noted)
        text = strings.Discord.MISS_NOTED if noted else strings.Discord.MISS_UNKNOWN
        await self.responder.respond(interaction, render_notice(text))


def _label_chosen(interaction: discord.Interaction) -> str | None:
    """What the member read on the button or menu option they chose (None: not known)."""
    data: dict[str, Any] = dict(interaction.data or {})
    chosen_id, values = data.get("custom_id"), data.get("values") or []
    rows = interaction.message.components if interaction.message is not None else []
    for row in rows:
        for item in getattr(row, "children", ()):
            if getattr(item, "custom_id", None) != chosen_id:
                continue
            if isinstance(item, discord.components.SelectMenu):
                return next((o.label for o in item.options if o.value in values), None)
            return getattr(item, "label", None)
    return None


def _asker_of(reply: discord.Message | None) -> int | None:
    """Who asked the question a reply answers (None: not known).

    The member of the interaction it answers, or the author of the message it replies to.
    """
    if reply is None:
        return None
    if reply.interaction_metadata is not None:
        return reply.interaction_metadata.user.id
    replied = reply.reference.resolved if reply.reference is not None else None
    return replied.author.id if isinstance(replied, discord.Message) else None


class BriefingButton(DynamicItem[Button], template=ButtonId.PATTERN):
    """Every button the bot sends; its custom id (`briefing:<action>:<argument>`) says what to do.

    One class for all of them keeps the set of actions in one place (`Presses.run`) instead
    of a class per button that differs only in how it reads its argument. `presses` is set
    on the class the bot registers (see `dynamic_items`).
    """

    presses: ClassVar[Presses]

    def __init__(
        self, button: Button, action: str, argument: str, check: str | None = None
    ) -> None:
        super().__init__(button)
        self.action = action
        self.argument = argument
        self.check = check

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: Button, match: re.Match[str], /
    ) -> BriefingButton:
        """Rebuild the button from a press, on any message ever sent."""
        return cls(item, match["action"], match["argument"], match["check"])

    async def callback(self, interaction: discord.Interaction) -> None:
        """Run the button's action for the member who pressed it."""
        action = self.presses.run(interaction, self.action, self.argument, self.check)
        await guarded(interaction, action, f"{self.action}_button")


class TopicPick(DynamicItem[Select], template=ButtonId.PICK_PATTERN):
    """A /topics menu: choosing a question shows its answer. The values are entry ids."""

    presses: ClassVar[Presses]

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
            await guarded(
                interaction, self.presses.show_entry(interaction, values[0]), "topic_pick"
            )


def dynamic_items(presses: Presses) -> tuple[type[DynamicItem[Any]], ...]:
    """The item classes for the bot to register, answering presses with `presses`."""
    button = type(
        "BriefingButton", (BriefingButton,), {"presses": presses}, template=ButtonId.PATTERN
    )
    pick = type("TopicPick", (TopicPick,), {"presses": presses}, template=ButtonId.PICK_PATTERN)
    return button, pick


class Responder:
    """Sends a rendered reply: as an interaction's answer, a follow-up, an edit or a message.

    Its buttons and menus are made of the item classes the bot registers (`items`), bound
    to what a press needs; discord.py registers again the class of every item sent, so a
    reply's items must be of those very classes.
    """

    def __init__(self, engine_source: Callable[[], Engine], record: QuestionRecord) -> None:
        self.items = dynamic_items(Presses(engine_source, record, self))

    def to_view(self, reply: DiscordReply) -> discord.ui.View | None:
        """The reply's buttons and menus as a view with no timeout (every item is dynamic)."""
        if not reply.buttons and not reply.selects:
            return None
        button_class, pick_class = self.items
        view = discord.ui.View(timeout=None)
        for spec in reply.selects:
            options = [discord.SelectOption(label=o.label, value=o.value) for o in spec.options]
            select = Select(
                custom_id=spec.custom_id,
                placeholder=spec.placeholder,
                options=options,
                row=spec.row,
            )
            view.add_item(pick_class(select))
        for button in reply.buttons:
            parsed = ButtonId.parse(button.custom_id)
            if parsed is None:
                raise ValueError(f"no dynamic item for custom id {button.custom_id!r}")
            item = Button(
                label=button.label,
                custom_id=button.custom_id,
                style=discord.ButtonStyle[button.style],
                row=button.row,
            )
            view.add_item(button_class(item, *parsed))
        return view

    def message_fields(
        self, reply: DiscordReply, view: discord.ui.View | None = None
    ) -> dict[str, Any]:
        """The keyword arguments discord.py's send and edit methods take for this reply.

        `view` holds controls that live in memory (a moderator's confirm buttons carry
        their callbacks, so they cannot be data); without one, the reply's own buttons.
        """
        fields: dict[str, Any] = {
            "content": reply.content or None,
            "embed": discord.Embed.from_dict(reply.embed) if reply.embed else None,
            "allowed_mentions": discord.AllowedMentions.none(),
        }
        if not reply.embed and not reply.link_previews:
            # A member's reply without an embed needs no preview, and must never unfurl a
            # link it did not review. (The flag would hide a reply's own embed too, so it is
            # left off those.)
            fields["suppress_embeds"] = True
        if reply.files:
            fields["files"] = [
                discord.File(io.BytesIO(file.data), filename=file.name) for file in reply.files
            ]
        view = view if view is not None else self.to_view(reply)
        if view is not None:
            fields["view"] = view
        return fields

    async def respond(
        self,
        interaction: discord.Interaction,
        reply: DiscordReply,
        ephemeral: bool | None = None,
        view: discord.ui.View | None = None,
    ) -> None:
        """Answer the interaction, or follow up when it was already answered or deferred.

        The one place members' replies and moderators' (bot/discord/kb) go out; no reply
        ever pings anyone. `view`: see `message_fields`.
        """
        private = reply.ephemeral if ephemeral is None else ephemeral
        fields = self.message_fields(reply, view)
        if interaction.response.is_done():
            fields = {key: value for key, value in fields.items() if value is not None}
            await interaction.followup.send(ephemeral=private, **fields)
        else:
            await interaction.response.send_message(ephemeral=private, **fields)

    async def edit(self, interaction: discord.Interaction, reply: DiscordReply) -> None:
        """Replace the message a button was pressed on (paging through a list).

        After a deferred press (work that may outlast Discord's 3 s) the message is edited
        through the interaction's webhook, which keeps the message's flags as they were.
        """
        fields = self.message_fields(reply)
        fields.setdefault("view", None)
        if interaction.response.is_done():
            fields.pop("suppress_embeds", None)
            fields.pop("files", None)
            await interaction.edit_original_response(**fields)
            return
        await interaction.response.edit_message(**fields)
