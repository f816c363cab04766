"""The forms and buttons of `/kb`: they collect input and hand it to an area, nothing more.

Every form and button asks `allowed` (`Desk.allowed`, the moderator check) before acting:
a command's check does not cover them, and a button stays pressable for as long as its
message exists. They live in memory only, so a restart of the bot ends them; a form stays
open for a day, and the "Fix and retry" button for as long as the bot runs, so a refused
moderator's text is never lost to a timer.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import discord

from bot.discord.errors import apologise
from bot.discord.kb._forms import EntryForm
from bot.discord_format import (
    BUTTON_LABEL_LIMIT,
    FORM_PARAGRAPH_LIMIT,
    FORM_TITLE_LIMIT,
    INPUT_ID_LIMIT,
    OPTION_LIMIT,
    OPTIONS_PER_SELECT,
    PLACEHOLDER_LIMIT,
    clip,
)
from bot.knowledge.validate import ANSWER_LIMIT, QUESTION_LIMIT, TOPIC_LIMIT
from bot.strings import Kb

# A form stays open while the moderator writes: a long answer must not outlast it. Discord
# never says when a form is closed unsubmitted, so it cannot wait for ever; nor can any
# form survive a restart of the bot.
FORM_TIMEOUT = 24 * 60 * 60
BUTTONS_TIMEOUT = 15 * 60
# Buttons a moderator works through at length (a page of guided coverage, "Fix and retry"
# after a refused form) last as long as a form: without any timeout each stayed in memory
# until a restart.
WORK_TIMEOUT = FORM_TIMEOUT
WHERE_FORM = "kb_form"
WHERE_BUTTON = "kb_button"

Allowed = Callable[[discord.Interaction], Awaitable[bool]]
Handler = Callable[[discord.Interaction], Awaitable[None]]
FormHandler = Callable[[discord.Interaction, EntryForm], Awaitable[None]]


def fits_form(form: EntryForm) -> bool:
    """Whether an entry's text fits the form's inputs (an entry grown by hand may not)."""
    return (
        len(form.question) <= QUESTION_LIMIT
        and len(form.topic) <= TOPIC_LIMIT
        and len(form.answer) <= ANSWER_LIMIT
        and len(form.phrasings) <= FORM_PARAGRAPH_LIMIT
        and len(form.citations) <= FORM_PARAGRAPH_LIMIT
    )


class _ModeratorModal(discord.ui.Modal):
    """A form only moderators may submit, whose failures end in an apology, not silence."""

    def __init__(self, title: str, allowed: Allowed) -> None:
        super().__init__(title=clip(title, FORM_TITLE_LIMIT), timeout=FORM_TIMEOUT)
        self._allowed = allowed

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Only a moderator's submission is taken."""
        return await self._allowed(interaction)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        """Say sorry with an error id; discord.py would only log it, leaving the form hanging."""
        await apologise(interaction, error, WHERE_FORM)


class EntryModal(_ModeratorModal):
    """The entry form: question, topic, answer, phrasings and citations."""

    def __init__(
        self, title: str, form: EntryForm, topics: str, allowed: Allowed, submit: FormHandler
    ) -> None:
        super().__init__(title, allowed)
        self._submit = submit
        self.question = _short(Kb.FIELD_QUESTION, form.question, QUESTION_LIMIT)
        self.topic = _short(Kb.FIELD_TOPIC, form.topic, TOPIC_LIMIT)
        self.topic.placeholder = clip(Kb.HINT_TOPIC.format(topics=topics), OPTION_LIMIT)
        self.answer = _paragraph(Kb.FIELD_ANSWER, form.answer, ANSWER_LIMIT)
        self.phrasings = _paragraph(Kb.FIELD_PHRASINGS, form.phrasings, required=False)
        self.citations = _paragraph(Kb.FIELD_CITATIONS, form.citations)
        self.citations.placeholder = Kb.HINT_CITATIONS
        for item in (self.question, self.topic, self.answer, self.phrasings, self.citations):
            self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Hand the typed text on."""
        form = EntryForm(
            question=self.question.value,
            topic=self.topic.value,
            answer=self.answer.value,
            phrasings=self.phrasings.value,
            citations=self.citations.value,
        )
        await self._submit(interaction, form)


@dataclass(frozen=True)
class SourceForm:
    """The typed metadata of a new source, and its text when pasted rather than attached."""

    id: str
    title: str
    outlet: str
    published: str
    text: str | None


class SourceModal(_ModeratorModal):
    """The source form; the text input is left out when the text came as a file."""

    def __init__(
        self,
        with_text: bool,
        allowed: Allowed,
        submit: Callable[[discord.Interaction, SourceForm], Awaitable[None]],
    ) -> None:
        super().__init__(Kb.SOURCE_TITLE, allowed)
        self._submit = submit
        self.source_id = _short(Kb.FIELD_SOURCE_ID, "", 64)
        self.source_title = _short(Kb.FIELD_TITLE, "", 300)
        self.outlet = _short(Kb.FIELD_OUTLET, "", 100)
        self.published = _short(Kb.FIELD_PUBLISHED, "", 10)
        self.text = _paragraph(Kb.FIELD_SOURCE_TEXT, "") if with_text else None
        for item in (self.source_id, self.source_title, self.outlet, self.published, self.text):
            if item is not None:
                self.add_item(item)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Hand the typed metadata (and text) on."""
        form = SourceForm(
            id=self.source_id.value.strip(),
            title=self.source_title.value.strip(),
            outlet=self.outlet.value.strip(),
            published=self.published.value.strip(),
            text=self.text.value if self.text is not None else None,
        )
        await self._submit(interaction, form)


def _short(label: str, default: str, limit: int) -> discord.ui.TextInput:
    return discord.ui.TextInput(
        label=clip(label, FORM_TITLE_LIMIT),
        custom_id=_input_id(label),
        default=default or None,
        max_length=limit,
    )


def _paragraph(
    label: str, default: str, limit: int = FORM_PARAGRAPH_LIMIT, required: bool = True
) -> discord.ui.TextInput:
    return discord.ui.TextInput(
        label=clip(label, FORM_TITLE_LIMIT),
        custom_id=_input_id(label),
        style=discord.TextStyle.paragraph,
        default=default or None,
        max_length=limit,
        required=required,
    )


@dataclass(frozen=True)
class Press:
    """One button: its label, its look, and what pressing it does."""

    label: str
    run: Handler
    style: discord.ButtonStyle = discord.ButtonStyle.secondary


class Actions(discord.ui.View):
    """A row of buttons (and optionally a select) on a moderator's private reply."""

    def __init__(
        self,
        allowed: Allowed,
        presses: Sequence[Press] = (),
        timeout: float = BUTTONS_TIMEOUT,
    ) -> None:
        """Buttons that stop working after `timeout` seconds (or a restart of the bot)."""
        super().__init__(timeout=timeout)
        self._allowed = allowed
        for press in presses:
            self.add_item(_PressButton(press))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        """Only a moderator's press is taken."""
        return await self._allowed(interaction)

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item
    ) -> None:
        """Say sorry with an error id instead of Discord's bare "This interaction failed".

        discord.py routes a failing button and a failing select both here.
        """
        await apologise(interaction, error, WHERE_BUTTON)

    def add_select(
        self,
        placeholder: str,
        options: Sequence[tuple[str, str]],
        chosen: Callable[[discord.Interaction, str], Awaitable[None]],
    ) -> None:
        """A select of (label, value) options; `chosen` gets the value picked."""
        self.add_item(_ChoiceSelect(placeholder, options, chosen))


class _PressButton(discord.ui.Button["Actions"]):
    def __init__(self, press: Press) -> None:
        super().__init__(label=clip(press.label, BUTTON_LABEL_LIMIT), style=press.style)
        self._run = press.run

    async def callback(self, interaction: discord.Interaction) -> None:
        await self._run(interaction)


class _ChoiceSelect(discord.ui.Select["Actions"]):
    def __init__(
        self,
        placeholder: str,
        options: Sequence[tuple[str, str]],
        chosen: Callable[[discord.Interaction, str], Awaitable[None]],
    ) -> None:
        super().__init__(
            placeholder=clip(placeholder, PLACEHOLDER_LIMIT),
            options=[
                discord.SelectOption(label=clip(label, OPTION_LIMIT), value=value)
                for label, value in options[:OPTIONS_PER_SELECT]
            ],
        )
        self._chosen = chosen

    async def callback(self, interaction: discord.Interaction) -> None:
        await self._chosen(interaction, self.values[0])


def _input_id(label: str) -> str:
    """An input's id: its label's words.

    A form submitted after a restart, which nothing answers any more, is handed back to
    the moderator field by field under these names.
    """
    return "-".join(re.findall(r"\w+", label.casefold()))[:INPUT_ID_LIMIT]
