"""A bot with `/kb` on copies of the knowledge, and payloads for its nested commands and forms.

The harness delivers what Discord would send; this module only shapes the payloads `/kb`
needs that the harness's builders do not: subcommands, a member's permissions, another
guild, a submitted form and an attached file.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.discord.bot import BriefingBot
from bot.discord.kb import kb_cogs
from bot.ops.settings import Settings
from bot.serving import Services, open_services
from tests.discord.harness import (
    GUILD_ID,
    MEMBER_ID,
    ROLE_ID,
    Harness,
    Request,
    snowflake,
)

MODERATOR_ID = 700000000000000301
LOG_CHANNEL_ID = 700000000000000600
OTHER_GUILD_ID = 700000000000000999
MANAGE_GUILD = 1 << 5
# What members in the harness hold by default: neither Manage Server nor Administrator.
MEMBER_PERMISSIONS = 2248473465835073
MODAL = 9
ATTACHMENT = 11


@dataclass
class KbWorld:
    """The knowledge copy and the briefing bot serving it, with `/kb` registered."""

    root: Path
    bot: BriefingBot
    services: Services

    def knowledge_files(self) -> dict[str, bytes]:
        """Every knowledge file's bytes, by path: to prove nothing changed."""
        return {
            p.relative_to(self.root).as_posix(): p.read_bytes()
            for p in sorted(self.root.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
        }


# Fixture knowledge of its own (a few entries and one source), so the tests hold whatever
# moderators add to the shipped knowledge. It has no entry on KFOR: a test adds one.
KB_KNOWLEDGE = Path(__file__).parent / "kb_knowledge"


def make_world(tmp_path: Path, log_channel: bool = True, **settings: Any) -> KbWorld:
    """Copy the fixture knowledge into `tmp_path`; the bot serves the copy.

    The bot is the briefing bot as `python -m bot run` builds it: answering from the live
    engine, with `/kb` added by `kb_cogs`. `settings` override the test settings by name.
    """
    root = tmp_path / "knowledge"
    shutil.copytree(KB_KNOWLEDGE, root)
    chosen = Settings(
        **{
            "edit_guild_ids": (GUILD_ID,),
            "moderator_role_ids": (ROLE_ID,),
            "log_channel_id": LOG_CHANNEL_ID if log_channel else None,
            "knowledge_dir": root,
            "data_dir": tmp_path / "data",
            **settings,
        }
    )
    return serve(root, open_services(chosen))


def serve(root: Path, services: Services) -> KbWorld:
    """The bot serving `services` (as `python -m bot run` builds it), not yet logged in."""
    kb = partial(kb_cogs, services)
    bot = BriefingBot(
        services.settings, services.engine, services.record, cogs=[kb], sync_at_start=False
    )
    return KbWorld(root, bot, services)


def _options(path: str, options: dict[str, Any]) -> list[dict]:
    """`/kb phrase add entry:x` as Discord nests it: group, subcommand, then options."""
    leaf = [_option(name, value) for name, value in options.items()]
    for name in reversed(path.split()):
        kind = 1 if all(o["type"] not in (1, 2) for o in leaf) else 2
        leaf = [{"name": name, "type": kind, "options": leaf}]
    return leaf


def _option(name: str, value: Any) -> dict:
    if isinstance(value, dict):
        return value
    kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
    return {"name": name, "type": kind, "value": value}


def moderator(payload: dict, user_id: int = MODERATOR_ID) -> dict:
    """The payload, sent by a member with Manage Server."""
    payload["member"]["user"]["id"] = str(user_id)
    payload["member"]["permissions"] = str(MEMBER_PERMISSIONS | MANAGE_GUILD)
    return payload


def with_moderator_role(payload: dict) -> dict:
    """The payload, sent by a member holding the moderators' role but not Manage Server."""
    payload["member"]["roles"] = [str(ROLE_ID)]
    payload["member"]["permissions"] = str(MEMBER_PERMISSIONS)
    return payload


def in_guild(payload: dict, guild_id: int) -> dict:
    """The payload, sent from another guild."""
    payload["guild_id"] = str(guild_id)
    payload["channel"]["guild_id"] = str(guild_id)
    payload["authorizing_integration_owners"] = {"0": str(guild_id)}
    return payload


def kb(harness: Harness, path: str, user_id: int = MEMBER_ID, **options: Any) -> dict:
    """An invocation of `/kb <path>` with options, e.g. `kb(h, "phrase add", entry=...)`."""
    data = {"id": snowflake(), "name": "kb", "type": 1, "options": _options(path, options)}
    attachments = [o["attachment"] for o in options.values() if isinstance(o, dict)]
    if attachments:
        data["resolved"] = {"attachments": {a["id"]: a for a in attachments}}
    return harness.interaction(2, data, user_id)


def kb_autocomplete(harness: Harness, path: str, focused: str, typed: str, **options: Any) -> dict:
    """An autocomplete request for option `focused` of `/kb <path>`."""
    given = {**options, focused: {"name": focused, "type": 3, "value": typed, "focused": True}}
    data = {"id": snowflake(), "name": "kb", "type": 1, "options": _options(path, given)}
    return harness.interaction(4, data, MEMBER_ID)


def attachment(
    name: str, content: bytes, cdn: Cdn | None = None, declared: int | None = None
) -> dict:
    """An attachment option; its bytes are served by `cdn` (see `serve_attachments`).

    `declared` is the size Discord states for the file (by default its real size).
    """
    file_id = snowflake()
    url = f"https://cdn.discordapp.com/attachments/1/{file_id}/{name}"
    if cdn is not None:
        url = cdn.offer(file_id, content)
    return {
        "name": "file",
        "type": ATTACHMENT,
        "value": file_id,
        "attachment": {
            "id": file_id,
            "filename": name,
            "size": len(content) if declared is None else declared,
            "url": url,
            "proxy_url": f"https://media.discordapp.net/attachments/1/{file_id}/{name}",
            "content_type": "text/plain; charset=utf-8",
        },
    }


CDN_CHUNK = 64 * 1024


@dataclass
class Cdn:
    """A stand-in for Discord's file server on localhost, serving attachments over real HTTP.

    Each file is sent in chunks without a stated length, as a server may; `downloads`
    counts the requests for each file.
    """

    base: str = ""
    files: dict[str, bytes] = field(default_factory=dict)
    downloads: dict[str, int] = field(default_factory=dict)

    def offer(self, file_id: str, content: bytes) -> str:
        """Serve `content`; return its address."""
        self.files[file_id] = content
        self.downloads[file_id] = 0
        return f"{self.base}{file_id}"

    async def serve(self, request: web.Request) -> web.StreamResponse:
        file_id = request.match_info["file_id"]
        self.downloads[file_id] += 1
        content = self.files[file_id]
        response = web.StreamResponse()
        await response.prepare(request)
        with contextlib.suppress(ConnectionError):  # the bot hung up: it has read enough
            for start in range(0, len(content), CDN_CHUNK):
                await response.write(content[start : start + CDN_CHUNK])
            await response.write_eof()
        return response


@contextlib.asynccontextmanager
async def serve_attachments() -> AsyncIterator[Cdn]:
    """Run a `Cdn` on a free local port for the duration of the block."""
    cdn = Cdn()
    app = web.Application()
    app.router.add_get("/attachments/{file_id}", cdn.serve)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    cdn.base = str(server.make_url("/attachments/"))
    try:
        yield cdn
    finally:
        await server.close()


def modal_of(request: Request) -> dict:
    """The form the bot opened in answer to an interaction."""
    assert request.callback_type == MODAL, request.payload
    return request.payload["data"]


def form_values(request: Request) -> dict[str, str]:
    """The form's inputs by label, with the text they were pre-filled with."""
    return {c["label"]: c.get("value", "") for c in form_inputs(modal_of(request))}


def submit(harness: Harness, opened: Request, user_id: int = MODERATOR_ID, **typed: str) -> dict:
    """Submitting the form opened in `opened`; `typed` overrides inputs by label prefix.

    Inputs not typed into are submitted with their pre-filled text, as Discord does.
    """
    modal = modal_of(opened)
    rows = []
    for component in form_inputs(modal):
        value = component.get("value", "")
        for prefix, text in typed.items():
            if component["label"].startswith(prefix):
                value = text
        rows.append(
            {
                "type": 1,
                "components": [{"type": 4, "custom_id": component["custom_id"], "value": value}],
            }
        )
    data = {"custom_id": modal["custom_id"], "components": rows}
    return moderator(harness.interaction(5, data, user_id), user_id)


def form_inputs(modal: dict) -> list[dict]:
    found = []
    for row in modal["components"]:
        found += [c for c in row.get("components", [row.get("component")]) if c and c["type"] == 4]
    return found


def last(requests: list[Request]) -> Request:
    """The last message the bot sent to the moderator (a reply or a follow-up)."""
    replies = [r for r in requests if not r.template.startswith("/channels/")]
    return replies[-1]


def announcements(requests: list[Request]) -> list[str]:
    """What the bot posted in the log channel."""
    return [
        r.payload["content"]
        for r in requests
        if r.template == "/channels/{channel_id}/messages" and str(LOG_CHANNEL_ID) in r.path
    ]
