"""`/kb vocab add|remove|list`: the words the engine reads as names, people and topics."""

from __future__ import annotations

from functools import partial
from typing import Literal

import discord
from discord import app_commands

from bot.discord.kb._desk import ModeratorCog, actor_of
from bot.discord.kb._render import vocabulary_text
from bot.knowledge.history import Action
from bot.knowledge.vocabulary import WORD_LIMIT
from bot.strings import Kb

# Where moderators' words go unless they name another vocabulary file.
MODERATORS_FILE = "moderators"
FILE_NAME_LIMIT = 64
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

    @vocab.command(name="list", description=Kb.VOCAB_LIST)
    @app_commands.describe(file=Kb.OPTION_VOCAB_LISTED)
    async def vocab_list(
        self,
        interaction: discord.Interaction,
        file: app_commands.Range[str, 1, FILE_NAME_LIMIT] | None = None,
    ) -> None:
        """List the vocabulary files with what each holds, or the words of one."""
        await self.desk.send(interaction, vocabulary_text(self.desk.live.knowledge, file))
