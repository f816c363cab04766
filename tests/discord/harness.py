"""A fake Discord around a real, unconnected discord.py client.

The bot under test runs discord.py's own code end to end: `client.login()` (with its
`setup_hook`), the gateway parsers that turn an INTERACTION_CREATE or MESSAGE_CREATE payload
into `discord.Interaction` / `discord.Message`, the `CommandTree` with its option parsing,
checks and autocomplete, the view store with the dynamic items, and the serialisation of
every reply. Only the two places where bytes would leave the process are replaced:
`HTTPClient.request` (bot-token REST calls) and the interaction webhook adapter's
`request` (interaction callbacks, follow-ups, edits). Both record the route and the JSON
body Discord would receive, and answer with a plausible payload.

Every private discord.py name this needs is used in this module and nowhere else, and
`test_harness.py` checks each one, so a discord.py upgrade that moves one fails there,
in one obvious place.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import discord
from discord.http import HTTPClient, Route
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

APPLICATION_ID = 700000000000000001
BOT_ID = APPLICATION_ID
GUILD_ID = 700000000000000100
CHANNEL_ID = 700000000000000200
DM_CHANNEL_ID = "700000000000000250"
MEMBER_ID = 700000000000000300
OWNER_ID = 700000000000000400
ROLE_ID = 700000000000000500
# The guild's one role besides @everyone, as a server would name its moderators' role.
ROLE_NAME = "Briefing editors"
TOKEN = "test-token-not-real"
EPHEMERAL = 64
SETTLE_TIMEOUT = 10.0

# The private discord.py names the harness relies on, checked by test_harness.py.
PRIVATE_NAMES = {
    "discord.webhook.async_.async_context": async_context,
    "discord.webhook.async_.AsyncWebhookAdapter.request": AsyncWebhookAdapter.request,
    "discord.http.HTTPClient.request": HTTPClient.request,
    "discord.http.Route": Route,
    "ConnectionState.parse_interaction_create": "parse_interaction_create",
    "ConnectionState.parse_message_create": "parse_message_create",
    "ConnectionState.parse_guild_create": "parse_guild_create",
    "ConnectionState.parse_guild_role_create": "parse_guild_role_create",
    "Client._connection": "_connection",
    "BaseView.__timeout_task_impl": "_BaseView__timeout_task_impl",
}
# A view's timeout timer: a task that lives as long as the view, not part of a reply.
VIEW_TIMER = "BaseView.__timeout_task_impl"

_snowflakes = itertools.count(800000000000000000)


def snowflake() -> str:
    """A fresh Discord id, as the string the gateway sends."""
    return str(next(_snowflakes))


@dataclass(frozen=True)
class Request:
    """One HTTP request the bot made: what Discord's API would have received."""

    method: str
    template: str
    path: str
    payload: Any
    params: dict[str, Any] = field(default_factory=dict)
    response: Any = None
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def message_id(self) -> str | None:
        """The id of the message Discord created for this request, if it created one.

        A press on that message carries this id, which is how discord.py finds a view
        stored for it.
        """
        answer = self.response if isinstance(self.response, dict) else {}
        message = (answer.get("resource") or {}).get("message") or answer
        return message.get("id") if "channel_id" in message else None

    @property
    def is_interaction_callback(self) -> bool:
        """An initial response to an interaction (message, defer, update, autocomplete)."""
        return self.template == "/interactions/{webhook_id}/{webhook_token}/callback"

    @property
    def callback_type(self) -> int | None:
        """The interaction response type (4 message, 5 defer, 7 update, 8 autocomplete)."""
        return self.payload.get("type") if self.is_interaction_callback else None

    @property
    def message(self) -> dict[str, Any]:
        """The message body sent, whether as a callback, a follow-up or a channel message."""
        if self.is_interaction_callback:
            return self.payload.get("data") or {}
        return self.payload or {}

    @property
    def embeds(self) -> list[dict[str, Any]]:
        """The embeds of the message sent."""
        return self.message.get("embeds") or []

    @property
    def components(self) -> list[dict[str, Any]]:
        """Every component of the message sent, action rows unwrapped, in order."""
        return list(_walk_components(self.message.get("components") or []))

    @property
    def buttons(self) -> list[dict[str, Any]]:
        """The message's buttons, in order."""
        return [c for c in self.components if c.get("type") == 2]

    @property
    def selects(self) -> list[dict[str, Any]]:
        """The message's string select menus, in order."""
        return [c for c in self.components if c.get("type") == 3]

    @property
    def ephemeral(self) -> bool:
        """Whether only the member who asked sees it."""
        return bool((self.message.get("flags") or 0) & EPHEMERAL)


def _walk_components(components: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for component in components:
        if component.get("type") == 1:
            yield from _walk_components(component.get("components") or [])
        else:
            yield component


class FakeDiscord:
    """Stands in for Discord's HTTP API: records requests, answers like Discord would."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.history: list[Request] = []
        self.observers: list[Callable[[Request], None]] = []
        self.refusing: dict[str, int] = {}
        self.recommended_shards = 1
        self.unreachable_for = 0
        self.answered_before_silence: int | None = None
        self.held = 0
        # Who started each interaction (by its token), and the members' messages posted
        # (by id): what Discord shows of the bot's replies to them.
        self.askers: dict[str, dict] = {}
        self.posted: dict[str, dict] = {}

    def user(self, user_id: int = MEMBER_ID, name: str = "member", bot: bool = False) -> dict:
        """A user object as the gateway sends it."""
        return {
            "id": str(user_id),
            "username": name,
            "discriminator": "0",
            "global_name": name.title(),
            "avatar": None,
            "bot": bot,
        }

    @property
    def bot_user(self) -> dict:
        """The bot's own user."""
        return self.user(BOT_ID, "briefing", bot=True)

    def _application(self) -> dict:
        return {
            "id": str(APPLICATION_ID),
            "name": "Briefing",
            "icon": None,
            "description": "",
            "bot_public": True,
            "bot_require_code_grant": False,
            "owner": self.user(OWNER_ID, "owner"),
            "verify_key": "0" * 64,
            "flags": 0,
        }

    def _message_from(self, body: dict, path: str = "") -> dict:
        """The message Discord would create from a message body the bot sent to `path`.

        An interaction's reply carries who started the interaction; a reply to a member's
        message carries that message.
        """
        message = message_payload(
            author=self.bot_user,
            content=body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            flags=body.get("flags") or 0,
        )
        asker = next((user for token, user in self.askers.items() if token in path), None)
        if asker is not None:
            message["interaction_metadata"] = {
                "id": snowflake(),
                "type": 2,
                "user": asker,
                "authorizing_integration_owners": {},
            }
        replied = self.posted.get(str((body.get("message_reference") or {}).get("message_id")))
        if replied is not None:
            message |= {
                "type": 19,
                "message_reference": body["message_reference"],
                "referenced_message": replied,
            }
        return message

    async def http_request(
        self, route: Route, *, files: Any = None, form: Any = None, **kwargs: Any
    ) -> Any:
        """Replacement for `HTTPClient.request` (REST calls with the bot token)."""
        if self.unreachable_for:
            self.unreachable_for -= 1
            raise OSError(-2, "Name or service not known")
        if self.answered_before_silence is not None:
            if self.answered_before_silence == 0:
                self.held += 1
                await asyncio.Event().wait()  # a network that drops the packets: no answer
            self.answered_before_silence -= 1
        payload = kwargs.get("json")
        if form:
            payload = _payload_json(form)
        return self._answer(route, payload, kwargs.get("params") or {})

    async def webhook_request(
        self,
        route: Route,
        session: Any = None,
        *,
        payload: dict | None = None,
        multipart: list[dict] | None = None,
        params: dict | None = None,
        **kwargs: Any,
    ) -> Any:
        """Replacement for `AsyncWebhookAdapter.request` (interaction responses, follow-ups)."""
        if multipart:
            payload = _payload_json(multipart)
        return self._answer(route, payload, params or {}, _files(multipart or []))

    def _answer(
        self, route: Route, payload: Any, params: dict, files: dict[str, bytes] | None = None
    ) -> Any:
        path = route.url.removeprefix(Route.BASE)
        request = Request(route.method, route.path, path, payload, dict(params), files=files or {})
        refused = route.path in self.refusing
        answer = None if refused else self._response(request)
        if route.path not in ("/users/@me", "/oauth2/applications/@me", "/gateway/bot"):
            request = replace(request, response=answer)
            self.requests.append(request)
            self.history.append(request)
            for observe in self.observers:
                observe(request)
        if refused:
            raise discord.HTTPException(_Refusal(self.refusing[route.path]), "refused (test)")
        return answer

    def _response(self, request: Request) -> Any:
        template = request.template
        if template == "/users/@me":
            return self.bot_user
        if template == "/oauth2/applications/@me":
            return self._application()
        if template == "/gateway/bot":
            return {
                "url": "wss://gateway.invalid",
                "shards": self.recommended_shards,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        if template.endswith("/commands") and request.method == "PUT":
            return [
                {
                    "description": "",
                    **command,
                    "id": snowflake(),
                    "application_id": str(APPLICATION_ID),
                    "version": snowflake(),
                }
                for command in request.payload
            ]
        if request.is_interaction_callback:
            return self._callback_response(request)
        if request.method in ("POST", "PATCH") and isinstance(request.payload, dict):
            return self._message_from(request.payload, request.path)
        return None

    def _callback_response(self, request: Request) -> dict:
        interaction_id = request.path.split("/")[2]
        response: dict[str, Any] = {
            "interaction": {"id": interaction_id, "type": request.payload["type"]}
        }
        if request.payload["type"] in (4, 7):
            message = self._message_from(request.payload.get("data") or {}, request.path)
            response["interaction"]["response_message_id"] = message["id"]
            response["resource"] = {"type": request.payload["type"], "message": message}
        return response

    def refuse(self, template: str, status: int = 500) -> None:
        """Answer every request to the route `template` with an HTTP error `status`."""
        self.refusing[template] = status

    def unreachable(self, requests: int) -> None:
        """Fail the next `requests` requests as a network without Discord would (DNS)."""
        self.unreachable_for = requests

    def never_answer(self, after: int = 0) -> None:
        """Hold every request after the next `after` open without an answer, as a network
        dropping packets does."""
        self.answered_before_silence = after

    def install(self, monkeypatch: Any) -> None:
        """Route every `HTTPClient` of the process here, for code that builds its own client
        (such as `python -m bot sync`); `monkeypatch` undoes it after the test."""
        fake = self

        async def request(http: HTTPClient, route: Route, **kwargs: Any) -> Any:
            return await fake.http_request(route, **kwargs)

        monkeypatch.setattr(HTTPClient, "request", request)

    def take(self) -> list[Request]:
        """The requests recorded since the last call, oldest first."""
        taken, self.requests = self.requests, []
        return taken


@dataclass(frozen=True)
class _Refusal:
    """The part of an HTTP response `discord.HTTPException` reads."""

    status: int
    reason: str = "Refused by the test"


def _is_view_timer(task: asyncio.Task) -> bool:
    return task.get_coro().__qualname__ == VIEW_TIMER  # type: ignore[union-attr]


def _files(form: list[dict]) -> dict[str, bytes]:
    """The attached files of a multipart body, by file name."""
    return {part["filename"]: part["value"].read() for part in form if part.get("filename")}


def _payload_json(form: list[dict]) -> Any:
    for part in form:
        if part.get("name") == "payload_json":
            return json.loads(part["value"])
    return None


def message_payload(
    *,
    author: dict,
    content: str = "",
    embeds: list | None = None,
    components: list | None = None,
    mentions: list[dict] | None = None,
    mention_roles: list[str] | None = None,
    mention_everyone: bool = False,
    flags: int = 0,
    channel_id: str = str(CHANNEL_ID),
    guild_id: str | None = str(GUILD_ID),
    message_id: str | None = None,
) -> dict:
    """A MESSAGE_CREATE / message object payload as the gateway sends it."""
    payload: dict[str, Any] = {
        "id": message_id or snowflake(),
        "channel_id": channel_id,
        "author": author,
        "content": content,
        "timestamp": "2026-11-27T12:00:00.000000+00:00",
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": mention_everyone,
        "mentions": mentions or [],
        "mention_roles": mention_roles or [],
        "attachments": [],
        "embeds": embeds or [],
        "components": components or [],
        "pinned": False,
        "type": 0,
        "flags": flags,
    }
    if guild_id is not None:
        payload["guild_id"] = guild_id
    return payload


class Harness:
    """Drives a real discord.py client through gateway payloads; see the module docstring."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self.discord = FakeDiscord()
        self._adapter = AsyncWebhookAdapter()
        self._adapter.request = self.discord.webhook_request  # type: ignore[method-assign]
        client.http.request = self.discord.http_request  # type: ignore[method-assign]

    async def start(self) -> None:
        """Log in as discord.py does before connecting (this runs the bot's `setup_hook`),
        then receive the test guild as the gateway sends it on connecting."""
        await self.run(self.client.login(TOKEN))
        await self.run(self._parse("parse_guild_create", self.guild()))

    async def close(self) -> None:
        """Close the client (and its HTTP session), and stop the views' timers."""
        await self.client.close()
        for task in asyncio.all_tasks():
            if _is_view_timer(task):
                task.cancel()

    @property
    def _state(self) -> Any:
        return self.client._connection

    async def interact(self, payload: dict) -> list[Request]:
        """Deliver an INTERACTION_CREATE; return the requests the bot made in answer."""
        self.discord.take()
        who = payload.get("member", {}).get("user") or payload.get("user")
        self.discord.askers[payload["token"]] = who
        await self.run(self._parse("parse_interaction_create", payload))
        return self.discord.take()

    async def post(self, payload: dict) -> list[Request]:
        """Deliver a MESSAGE_CREATE; return the requests the bot made in answer."""
        self.discord.take()
        self.discord.posted[payload["id"]] = payload
        await self.run(self._parse("parse_message_create", payload))
        return self.discord.take()

    async def create_role(self, role_id: int, name: str) -> None:
        """Deliver a GUILD_ROLE_CREATE: someone made a role in the test guild."""
        role = {
            "id": str(role_id),
            "name": name,
            "permissions": "0",
            "position": 2,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": False,
        }
        payload = {"guild_id": str(GUILD_ID), "role": role}
        await self.run(self._parse("parse_guild_role_create", payload))

    async def _parse(self, parser: str, payload: dict) -> None:
        getattr(self._state, parser)(payload)

    async def run(self, work: Any) -> None:
        """Run `work`, then wait until every task it started has finished.

        The webhook adapter is swapped in the context the tasks inherit, so the fake
        never leaks beyond this call.
        """
        before = asyncio.all_tasks()
        reset = async_context.set(self._adapter)
        try:
            await work
            while pending := {
                t for t in asyncio.all_tasks() - before if not t.done() and not _is_view_timer(t)
            }:
                _, still = await asyncio.wait(pending, timeout=SETTLE_TIMEOUT)
                if still:
                    raise AssertionError(f"tasks still running after the reply: {still}")
        finally:
            async_context.reset(reset)

    # Payload builders -------------------------------------------------------------------

    def channel(self) -> dict:
        """The guild's text channel, where everything in the tests happens."""
        return {
            "id": str(CHANNEL_ID),
            "type": 0,
            "guild_id": str(GUILD_ID),
            "name": "general",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
        }

    def guild(self) -> dict:
        """A GUILD_CREATE payload for the test guild."""
        return {
            "id": str(GUILD_ID),
            "name": "Test guild",
            "icon": None,
            "owner_id": str(OWNER_ID),
            "roles": [
                {
                    "id": str(GUILD_ID),
                    "name": "@everyone",
                    "permissions": "0",
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                },
                {
                    "id": str(ROLE_ID),
                    "name": ROLE_NAME,
                    "permissions": "0",
                    "position": 1,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                },
            ],
            "emojis": [],
            "features": [],
            "channels": [self.channel()],
            "members": [],
            "threads": [],
            "member_count": 2,
            "large": False,
        }

    def member(self, user_id: int = MEMBER_ID, roles: list[str] | None = None) -> dict:
        """A guild member object for an interaction."""
        return {
            "user": self.discord.user(user_id),
            "roles": roles or [],
            "joined_at": "2025-01-01T00:00:00.000000+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "permissions": "2248473465835073",
        }

    def interaction(
        self, kind: int, data: dict, user_id: int = MEMBER_ID, message: dict | None = None
    ) -> dict:
        """An interaction payload of Discord's `kind` (2 command, 3 component, 4 autocomplete,
        5 form) from `user_id` in the test guild: what `slash`, `press` and the /kb helpers
        build on."""
        payload: dict[str, Any] = {
            "id": snowflake(),
            "application_id": str(APPLICATION_ID),
            "type": kind,
            "data": data,
            "guild_id": str(GUILD_ID),
            "channel_id": str(CHANNEL_ID),
            "channel": self.channel(),
            "member": self.member(user_id),
            "token": "interaction-token-" + snowflake(),
            "version": 1,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": "2248473465835073",
            "attachment_size_limit": 8388608,
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
        }
        if message is not None:
            payload["message"] = message
        return payload

    @staticmethod
    def in_direct_messages(payload: dict) -> dict:
        """The same interaction from the member's direct messages with the bot: no server."""
        user = payload.pop("member")["user"]
        for server_only in ("guild_id", "guild_locale"):
            payload.pop(server_only, None)
        channel = {"id": DM_CHANNEL_ID, "type": 1, "recipients": [user], "last_message_id": None}
        return payload | {
            "user": user,
            "channel_id": DM_CHANNEL_ID,
            "channel": channel,
            "context": 1,
        }

    def slash(self, name: str, user_id: int = MEMBER_ID, **options: Any) -> dict:
        """A chat-input command invocation with the given options (str, bool or int)."""
        data = {
            "id": snowflake(),
            "name": name,
            "type": 1,
            "options": [_option(key, value) for key, value in options.items()],
        }
        return self.interaction(2, data, user_id)

    def autocomplete(self, name: str, option: str, typed: str, user_id: int = MEMBER_ID) -> dict:
        """An autocomplete request while the member types `typed` into `option`."""
        data = {
            "id": snowflake(),
            "name": name,
            "type": 1,
            "options": [{"name": option, "type": 3, "value": typed, "focused": True}],
        }
        return self.interaction(4, data, user_id)

    def message_command(self, name: str, target: dict, user_id: int = MEMBER_ID) -> dict:
        """A message context-menu invocation on the message `target`."""
        data = {
            "id": snowflake(),
            "name": name,
            "type": 3,
            "target_id": target["id"],
            "resolved": {"messages": {target["id"]: target}},
        }
        return self.interaction(2, data, user_id)

    def press(self, sent: Request, custom_id: str, user_id: int = MEMBER_ID) -> dict:
        """A member pressing the button `custom_id` on the message the bot sent in `sent`."""
        message = self._pressed_message(sent)
        data = {"custom_id": custom_id, "component_type": 2}
        return self.interaction(3, data, user_id, message)

    def choose(
        self, sent: Request, custom_id: str, values: list[str], user_id: int = MEMBER_ID
    ) -> dict:
        """A member choosing `values` in the select menu `custom_id` of the message sent."""
        message = self._pressed_message(sent)
        data = {"custom_id": custom_id, "component_type": 3, "values": values}
        return self.interaction(3, data, user_id, message)

    def _pressed_message(self, sent: Request) -> dict:
        """The message a component was pressed on, with the id Discord gave it."""
        message = self.discord._message_from(sent.message, sent.path)
        if sent.message_id is not None:
            message["id"] = sent.message_id
        return message

    def message(
        self,
        content: str,
        user_id: int = MEMBER_ID,
        mentions: list[dict] | None = None,
        mention_roles: list[str] | None = None,
        mention_everyone: bool = False,
        bot: bool = False,
    ) -> dict:
        """A message a member posts in the guild channel."""
        author = self.discord.user(user_id, bot=bot)
        return message_payload(
            author=author,
            content=content,
            mentions=mentions,
            mention_roles=mention_roles,
            mention_everyone=mention_everyone,
        )


def _option(name: str, value: Any) -> dict:
    kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
    return {"name": name, "type": kind, "value": value}
