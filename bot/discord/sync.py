"""Syncing the command set with Discord, only when it changed.

Discord rate-limits command writes (a couple hundred a day), and a sync on every start or
reconnect would hit that during a crash loop. So the bot stores a hash of the command set
it last synced, with where it synced it, and syncs at start only when either differs.
`python -m bot sync` syncs unconditionally.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import discord
from discord import app_commands

from bot.ops.logs import event

log = logging.getLogger("briefing.discord")

STATE_FILE = "command-sync.json"


def command_set_hash(tree: app_commands.CommandTree, guild_ids: tuple[int, ...]) -> str:
    """A hash of every command's payload as Discord receives it, and of where it goes."""
    payload: dict[str, Any] = {
        "global": _payloads(tree, None),
        "guilds": {str(g): _payloads(tree, discord.Object(g)) for g in guild_ids},
        "scope": sorted(guild_ids),
    }
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _payloads(tree: app_commands.CommandTree, guild: discord.Object | None) -> list[dict]:
    commands = tree.get_commands(guild=guild)
    return sorted((c.to_dict(tree) for c in commands), key=lambda d: (d["type"], d["name"]))


def last_synced(data_dir: Path) -> str | None:
    """The hash stored by the last sync, or None when there was none (or it is unreadable)."""
    try:
        return json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))["hash"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _remember(data_dir: Path, digest: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    temporary = data_dir / f".{STATE_FILE}.tmp"
    temporary.write_text(json.dumps({"hash": digest}), encoding="utf-8")
    temporary.replace(data_dir / STATE_FILE)


async def sync_commands(
    tree: app_commands.CommandTree, guild_ids: tuple[int, ...], data_dir: Path
) -> int:
    """Sync now: to each guild in `guild_ids` (instant), or globally when there is none.

    Returns how many commands Discord now has in each place synced.
    """
    digest = command_set_hash(tree, guild_ids)
    if guild_ids:
        synced = 0
        for guild_id in guild_ids:
            guild = discord.Object(guild_id)
            tree.copy_global_to(guild=guild)
            synced = len(await tree.sync(guild=guild))
    else:
        synced = len(await tree.sync())
    _remember(data_dir, digest)
    event(log, "commands_synced", commands=synced, guilds=len(guild_ids) or "global")
    return synced


async def sync_if_changed(
    tree: app_commands.CommandTree, guild_ids: tuple[int, ...], data_dir: Path
) -> bool:
    """Sync only when the command set (or where it goes) changed since the last sync.

    A refused sync does not stop the bot (the commands of the last sync still work); it
    is logged, and tried again at the next start since nothing was remembered.
    """
    if last_synced(data_dir) == command_set_hash(tree, guild_ids):
        event(log, "commands_unchanged")
        return False
    try:
        await sync_commands(tree, guild_ids, data_dir)
    except discord.HTTPException as error:
        event(log, "commands_sync_failed", logging.WARNING, status=error.status)
        return False
    return True
