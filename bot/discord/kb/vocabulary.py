"""`/kb vocab add|remove|add-form|remove-form|list|read`: the subject's words the engine reads.

Discord nests commands two deep under `/kb` at most, so the case forms have their own
commands beside the words' (`add-form`, not `form add`).
"""

from __future__ import annotations

from functools import partial
from typing import Literal

import discord
from discord import app_commands

from bot.discord.kb._desk import ModeratorCog, actor_of
from bot.discord.kb._render import lines_within, vocabulary_file_listing, vocabulary_text
from bot.discord_format import CHOICES_LIMIT, MESSAGE_LIMIT, OPTION_LIMIT, clip
from bot.knowledge.history import Action
from bot.knowledge.validate import PHRASING_LIMIT
from bot.knowledge.vocabulary import WORD_LIMIT, endings_in_use, endings_shown
from bot.language.markup import plain_text
from bot.replies import reading_lines
from bot.strings import Explain, Kb

# Where moderators' words go unless they name another vocabulary file.
MODERATORS_FILE = "moderators"
FILE_NAME_LIMIT = 64
# Room for any set of endings written out with commas (the longest set the engine knows
# takes under 80 characters).
ENDINGS_LIMIT = 200
VocabularyField = Literal["names", "people", "protagonists", "topics", "aliases"]


class VocabularyCog(ModeratorCog):
    """The vocabulary files, word by word."""

    vocab = app_commands.Group(name="vocab", description=Kb.VOCAB_GROUP)

    @vocab.command(name="add", description=Kb.VOCAB_ADD)
    @app_commands.describe(
        field=Kb.OPTION_VOCAB_FIELD,
        word=Kb.OPTION_VOCAB_WORD,
        meaning=Kb.OPTION_VOCAB_MEANING,
        file=Kb.OPTION_VOCAB_FILE,
    )
    async def vocab_add(
        self,
        interaction: discord.Interaction,
        field: VocabularyField,
        word: app_commands.Range[str, 1, WORD_LIMIT],
        meaning: app_commands.Range[str, 1, WORD_LIMIT] = "",
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] = MODERATORS_FILE,
    ) -> None:
        """Add a word to a list, or an alias, in a vocabulary file."""
        actor = actor_of(interaction)
        work = partial(self.desk.store.add_word, file, field, word, meaning, actor)
        await self.desk.write(interaction, work, Action.VOCAB_ADD, word)

    @vocab.command(name="remove", description=Kb.VOCAB_REMOVE)
    @app_commands.describe(
        field=Kb.OPTION_VOCAB_FIELD, word=Kb.OPTION_VOCAB_WORD, file=Kb.OPTION_VOCAB_FILE
    )
    async def vocab_remove(
        self,
        interaction: discord.Interaction,
        field: VocabularyField,
        word: app_commands.Range[str, 1, WORD_LIMIT],
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] = MODERATORS_FILE,
    ) -> None:
        """Remove a word or an alias from a vocabulary file."""
        work = partial(self.desk.store.remove_word, file, field, word, actor_of(interaction))
        await self.desk.write(interaction, work, Action.VOCAB_REMOVE, word)

    @vocab.command(name="add-form", description=Kb.VOCAB_ADD_FORM)
    @app_commands.describe(
        endings=Kb.OPTION_VOCAB_ENDINGS,
        stem=Kb.OPTION_VOCAB_STEM,
        meaning=Kb.OPTION_VOCAB_STEM_MEANING,
        file=Kb.OPTION_VOCAB_FILE,
    )
    async def vocab_add_form(
        self,
        interaction: discord.Interaction,
        endings: app_commands.Range[str, 1, ENDINGS_LIMIT],
        stem: app_commands.Range[str, 1, WORD_LIMIT],
        meaning: app_commands.Range[str, 1, WORD_LIMIT],
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] = MODERATORS_FILE,
    ) -> None:
        """Read every case form of a name (its stem with each ending of a set) as the name."""
        actor = actor_of(interaction)
        work = partial(self.desk.store.add_forms, file, endings, stem, meaning, actor)
        shown = Kb.VOCAB_STEM.format(stem=stem, endings=endings)
        await self.desk.write(interaction, work, Action.VOCAB_ADD, shown)

    @vocab.command(name="remove-form", description=Kb.VOCAB_REMOVE_FORM)
    @app_commands.describe(
        stem=Kb.OPTION_VOCAB_STEM,
        endings=Kb.OPTION_VOCAB_ENDINGS_REMOVED,
        file=Kb.OPTION_VOCAB_FILE,
    )
    async def vocab_remove_form(
        self,
        interaction: discord.Interaction,
        stem: app_commands.Range[str, 1, WORD_LIMIT],
        endings: app_commands.Range[str, 1, ENDINGS_LIMIT] | None = None,
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] = MODERATORS_FILE,
    ) -> None:
        """Stop reading a stem's case forms (those of some endings, or all) from a file."""
        actor = actor_of(interaction)
        work = partial(self.desk.store.remove_forms, file, stem, endings, actor)
        shown = Kb.VOCAB_STEM.format(stem=stem, endings=endings) if endings else stem
        await self.desk.write(interaction, work, Action.VOCAB_REMOVE, shown)

    @vocab_add_form.autocomplete("endings")
    @vocab_remove_form.autocomplete("endings")
    async def complete_endings(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """The sets of endings the engine knows, then the lists the files already use."""
        if not self.desk.may_write(interaction):
            return []
        typed = current.casefold()
        shown = endings_in_use(self.desk.live.knowledge.vocabulary)
        return [
            app_commands.Choice(name=text, value=text)
            for text in shown
            if typed in text and len(text) <= OPTION_LIMIT
        ][:CHOICES_LIMIT]

    @vocab_remove_form.autocomplete("stem")
    async def complete_stem(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """The stems of the chosen file (by default the moderators') that hold what is typed."""
        if not self.desk.may_write(interaction):
            return []
        file = str(interaction.namespace.file or MODERATORS_FILE)
        vocabulary = self.desk.live.knowledge.vocabulary.get(file)
        if vocabulary is None:
            return []
        typed = current.casefold()
        choices = [
            app_commands.Choice(
                name=clip(
                    Kb.VOCAB_STEM_CHOICE.format(
                        stem=stem, endings=endings_shown(forms.endings), meaning=meaning
                    ),
                    OPTION_LIMIT,
                ),
                value=stem,
            )
            for forms in vocabulary.forms
            for stem, meaning in forms.stems.items()
            if typed in stem and len(stem) <= OPTION_LIMIT
        ]
        return choices[:CHOICES_LIMIT]

    @vocab.command(name="list", description=Kb.VOCAB_LIST)
    @app_commands.describe(file=Kb.OPTION_VOCAB_LISTED)
    async def vocab_list(
        self,
        interaction: discord.Interaction,
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] | None = None,
    ) -> None:
        """List the vocabulary files with what each holds, or the words of one.

        A file too long for a message comes whole as an attachment beside it.
        """
        knowledge = self.desk.live.knowledge
        whole = vocabulary_file_listing(knowledge, file) if file else None
        if whole is None:
            await self.desk.send(interaction, vocabulary_text(knowledge, file))
            return
        attached = Kb.VOCAB_ATTACHED.format(name=whole.name)
        text = vocabulary_text(knowledge, file, MESSAGE_LIMIT - len(attached) - 1)
        await self.desk.send(interaction, f"{text}\n{attached}", files=[whole])

    @vocab.command(name="read", description=Kb.VOCAB_READ)
    @app_commands.describe(question=Kb.OPTION_VOCAB_QUESTION)
    async def vocab_read(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, PHRASING_LIMIT],
    ) -> None:
        """How the bot reads a question, to see whether a word needs an alias before adding it.

        Discord markup is taken out first, as it is from a member's question.
        """
        reading = self.desk.live.engine.reading(plain_text(question))
        text = lines_within(f"**{Explain.HEADER}**", reading_lines(reading))
        await self.desk.send(interaction, text)
