"""Unexpected errors: the member sees a short apology with an id, the log the traceback.

The id ties the two together, so a member can report it and an operator can find the
traceback, without a traceback or any internal detail ever reaching Discord. The bot's
"thinking…" deferrals go through `defer_thinking`, which notes how the deferral was shown,
so that an apology after one is sent as Discord will show it.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable

import discord

from bot import strings
from bot.ops.logs import event

log = logging.getLogger("briefing.discord")

# In `Interaction.extras`: whether the interaction was deferred ("thinking…") privately.
THOUGHT_PRIVATELY = "briefing_thought_privately"


async def defer_thinking(interaction: discord.Interaction, private: bool) -> None:
    """Show "thinking…", to the member alone or to the channel, and note which.

    Discord shows the first follow-up of such a deferral as the deferral was, whatever
    it asks: `apologise` reads the note to send its apology as what it will be.
    """
    interaction.extras[THOUGHT_PRIVATELY] = private
    await interaction.response.defer(ephemeral=private, thinking=True)


def log_error(error: BaseException, where: str) -> str:
    """Log `error` with its traceback under a new error id, and return the id."""
    error_id = secrets.token_hex(4)
    event(log, "unexpected_error", logging.ERROR, exc_info=error, error_id=error_id, where=where)
    return error_id


def _apology_private(interaction: discord.Interaction) -> bool:
    """Whether an apology sent as a follow-up is sent, and shown, to the member alone.

    Discord shows the first follow-up of a "thinking…" deferral as the deferral was,
    whatever it asks, and a later one as it asks. So after a public "thinking…" (a public
    question that took long) the apology is sent public, as it would be shown anyway; it
    is then public too when the answer had already replaced the "thinking…", which is
    where the channel saw the answer go.
    """
    thinking = discord.InteractionResponseType.deferred_channel_message
    if interaction.response.type is not thinking:
        return True
    return interaction.extras.get(THOUGHT_PRIVATELY, True)


async def apologise(interaction: discord.Interaction, error: BaseException, where: str) -> None:
    """Log the error and tell the member that it happened, with the error id.

    Privately, except after a public "thinking…": then in the channel that saw the bot
    think, as Discord shows it there whatever is asked (`_apology_private`). The apology
    holds no member's words, only the error id.
    """
    error_id = log_error(error, where)
    text = strings.Discord.ERROR.format(error_id=error_id)
    none = discord.AllowedMentions.none()
    try:
        if interaction.response.is_done():
            private = _apology_private(interaction)
            await interaction.followup.send(text, ephemeral=private, allowed_mentions=none)
        else:
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=none)
    except (discord.HTTPException, discord.ClientException) as failure:
        reason = type(failure).__name__
        event(log, "apology_failed", logging.WARNING, error_id=error_id, reason=reason)


async def guarded(interaction: discord.Interaction, work: Awaitable[None], where: str) -> None:
    """Run a component's work; an unexpected error becomes an apology, not a silent failure.

    discord.py only logs errors raised in a component callback, leaving the member with
    "This interaction failed"; this says sorry instead.
    """
    try:
        await work
    except Exception as error:
        await apologise(interaction, error, where)
