"""`/kb source add|list` and `/kb coverage`: the sources, and covering them sentence by sentence."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

import discord
from discord import app_commands

from bot.discord.kb._desk import ModeratorCog, Yours, actor_of
from bot.discord.kb._forms import EntryForm, unfit_upload
from bot.discord.kb._render import coverage_summary_text, coverage_text, refused_text, sources_text
from bot.discord.kb._ui import WORK_TIMEOUT, Actions, Press, SourceForm, SourceModal
from bot.discord.kb._upload import download_limited
from bot.discord_format import CHOICES_LIMIT, OPTION_LIMIT, clip
from bot.knowledge.files import SOURCE_TEXT_LIMIT
from bot.knowledge.guide import SourceGuide, Suggestion, citation_block, guide
from bot.knowledge.history import Action
from bot.knowledge.serialise import data_to_yaml
from bot.knowledge.store import Applied, Refused, decode_upload
from bot.knowledge.validate import TOPIC_LIMIT
from bot.strings import Kb

# An attachment is a source's text, so it may be as large as one; no larger.
UPLOAD_LIMIT = SOURCE_TEXT_LIMIT
COVER_PAGE = 15


class SourcesCog(ModeratorCog):
    """Add and list sources; show what of a source no entry cites yet, and write those entries."""

    source = app_commands.Group(name="source", description=Kb.SOURCE_GROUP)

    @source.command(name="add", description=Kb.SOURCE_ADD)
    @app_commands.describe(
        file=Kb.OPTION_FILE, author=Kb.OPTION_AUTHOR, url=Kb.OPTION_URL, language=Kb.OPTION_LANGUAGE
    )
    async def source_add(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None = None,
        author: str | None = None,
        url: str | None = None,
        language: str = "en",
    ) -> None:
        """Open the source form; the text comes from the attached file or from the form."""
        refused = unfit_upload(file.filename, file.size, UPLOAD_LIMIT) if file else None
        if refused is not None:
            await self.desk.send(interaction, refused_text(refused.problems))
            return
        extra = {"author": author, "url": url, "language": language}
        submit = partial(self._save_source, file=file, extra=extra)
        await interaction.response.send_modal(SourceModal(file is None, self.desk.allowed, submit))

    async def _save_source(
        self,
        interaction: discord.Interaction,
        form: SourceForm,
        file: discord.Attachment | None,
        extra: dict[str, Any],
    ) -> None:
        """Save the source; an attached file is only downloaded now, after the form.

        The download stops at the limit whatever size Discord declared for the file.
        """
        await self.desk.thinking(interaction)
        uploaded = await _uploaded_text(file) if file else None
        if isinstance(uploaded, Refused):
            await self.desk.send(interaction, refused_text(uploaded.problems))
            return
        data = {
            "id": form.id,
            "title": form.title,
            "outlet": form.outlet,
            "published": form.published,
            **extra,
        }
        text = uploaded if uploaded is not None else form.text or ""
        typed = data if uploaded is not None else {**data, "text": text}
        applied = await self.desk.write(
            interaction,
            partial(self.desk.store.add_source, data, text, actor_of(interaction)),
            Action.SOURCE_ADD,
            yours=Yours(Kb.NEW_SOURCE_FILE, data_to_yaml(typed)),
        )
        if applied:
            await self._show_coverage(interaction, applied.item_id)

    @source.command(name="list", description=Kb.SOURCE_LIST)
    async def source_list(self, interaction: discord.Interaction) -> None:
        """List the stored sources, newest first (read from disk: acknowledged first)."""
        await self.desk.thinking(interaction)
        sources = await asyncio.to_thread(self.desk.store.list_sources)
        await self.desk.send(interaction, sources_text(sources, self.desk.live.knowledge))

    @app_commands.command(name="coverage", description=Kb.COVERAGE)
    @app_commands.describe(source=Kb.OPTION_SOURCE)
    async def coverage(self, interaction: discord.Interaction, source: str | None = None) -> None:
        """A source's uncited sentences, each with a button to write its entry.

        Without a source: every source's share of cited sentences, and a menu to pick one.
        """
        await self.desk.thinking(interaction)
        if source is not None:
            await self._show_coverage(interaction, source)
            return
        knowledge = self.desk.live.knowledge
        guides = await asyncio.to_thread(
            lambda: [guide(knowledge, source_id, 0) for source_id in sorted(knowledge.sources)]
        )
        found = [g for g in guides if g is not None]
        uncovered = [(g.source.id, g.source.id) for g in found if g.uncited]
        view = Actions(self.desk.allowed)
        if uncovered:
            view.add_select(Kb.COVERAGE_PICK, uncovered, self._show_coverage)
        await self.desk.send(interaction, coverage_summary_text(found), view=view)

    async def _show_coverage(self, interaction: discord.Interaction, source_id: str) -> None:
        """The source's guided coverage: a button per uncited sentence opens its entry form."""
        found = await asyncio.to_thread(guide, self.desk.live.knowledge, source_id, COVER_PAGE)
        if found is None:
            await self.desk.send(interaction, Kb.NO_SOURCE.format(source_id=source_id))
            return
        presses = [
            Press(str(number), partial(self._cover, suggestion=suggestion, found=found))
            for number, suggestion in enumerate(found.suggestions, 1)
        ]
        view = Actions(self.desk.allowed, presses, timeout=WORK_TIMEOUT)
        await self.desk.send(interaction, coverage_text(found), view=view)

    async def _cover(
        self, interaction: discord.Interaction, suggestion: Suggestion, found: SourceGuide
    ) -> None:
        """Open the entry form holding the sentence's citation and a suggested topic.

        Once saved, the source's coverage is shown again, one sentence shorter.
        """
        citation = citation_block(found.source.id, suggestion.speaker, suggestion.quote)
        form = EntryForm(topic=clip(suggestion.topic, TOPIC_LIMIT), citations=citation)

        async def covered(saved: discord.Interaction, _: Applied) -> None:
            await self._show_coverage(saved, found.source.id)

        await self.desk.open_add(interaction, form, after_saved=covered)

    @coverage.autocomplete("source")
    async def complete_source(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Sources whose id or title contains what is typed, newest first."""
        if not self.desk.may_write(interaction):
            return []
        typed = current.casefold()
        sources = sorted(
            self.desk.live.knowledge.sources.values(),
            key=lambda s: (s.published, s.id),
            reverse=True,
        )
        return [
            app_commands.Choice(name=clip(f"{s.id} · {s.title}", OPTION_LIMIT), value=s.id)
            for s in sources
            if typed in s.id.casefold() or typed in s.title.casefold()
        ][:CHOICES_LIMIT]


async def _uploaded_text(file: discord.Attachment) -> str | Refused:
    """The attached file's text, downloaded within the upload limit."""
    raw = await download_limited(file.url, UPLOAD_LIMIT)
    return raw if isinstance(raw, Refused) else decode_upload(raw)
