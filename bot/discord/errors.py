"""Unexpected errors: the member sees a short apology with an id, the log the traceback.

The id ties the two together, so a member can report it and an operator can find the
traceback, without a traceback or any internal detail ever reaching Discord.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable

import discord

from bot import strings
from bot.ops.logs import event

log = logging.getLogger("briefing.discord")


def log_error(error: BaseException, where: str) -> str:
    """Log `error` with its traceback under a new error id, and return the id."""
    error_id = secrets.token_hex(4)
    event(log, "unexpected_error", logging.ERROR, exc_info=error, error_id=error_id, where=where)
    return error_id


async def apologise(interaction: discord.Interaction, error: BaseException, where: str) -> None:
    """Log the error and tell the member, privately, that it happened."""
    error_id = log_error(error, where)
    text = strings.Discord.ERROR.format(error_id=error_id)
    none = discord.AllowedMentions.none()
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=none)
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
