"""Checks every captured request against Discord's published OpenAPI schema and limits.

The schema (`../shared/discord-api-spec/openapi.json`, relative to the project) describes
each endpoint's request body with its length limits. What it cannot express is checked
here too: the 6,000-character total of an embed, and the limits Discord enforces across
a whole message.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.discord.harness import Request

PROJECT = Path(__file__).resolve().parents[2]
SPEC_PATH = PROJECT / ".." / "shared" / "discord-api-spec" / "openapi.json"
SPEC_URI = "urn:discord-openapi"

MESSAGE_CHARS = 2000
EMBED_TOTAL = 6000
EMBEDS_PER_MESSAGE = 10
ACTION_ROWS = 5
SELECT_OPTIONS = 25
AUTOCOMPLETE_CHOICES = 25
BUTTON_LABEL = 80
CUSTOM_ID = 100
OPTION_TEXT = 100
CHOICE_TEXT = 100
FORM_TITLE = 45
INPUT_LABEL = 45
INPUT_PLACEHOLDER = 100
INPUT_TEXT = 4000
TEXT_INPUT = 4
MODAL = 9


class ApiSchema:
    """Discord's OpenAPI document, able to validate a request body for its endpoint."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._spec = _with_integer_snowflakes(spec)
        resource = Resource.from_contents(self._spec, default_specification=DRAFT202012)
        self._registry = Registry().with_resource(SPEC_URI, resource)

    @classmethod
    def load(cls, path: Path = SPEC_PATH) -> ApiSchema:
        """Read the spec from `path`."""
        return cls(json.loads(path.read_text(encoding="utf-8")))

    @cached_property
    def _paths(self) -> list[tuple[re.Pattern[str], str]]:
        patterns = []
        for template in self._spec["paths"]:
            regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
            patterns.append((re.compile(regex + r"\Z"), template))
        # Literal segments (such as `@original`) win over parameters.
        patterns.sort(key=lambda pair: pair[1].count("{"))
        return patterns

    def spec_path(self, path: str) -> str | None:
        """The spec's path template matching the concrete `path`, or None."""
        return next((t for regex, t in self._paths if regex.match(path)), None)

    def problems(self, request: Request) -> list[str]:
        """Everything in the request body the schema refuses (empty when valid)."""
        template = self.spec_path(request.path)
        if template is None:
            return [f"{request.method} {request.path}: no such endpoint in Discord's API"]
        operation = self._spec["paths"][template].get(request.method.lower())
        if operation is None:
            return [f"{request.method} {template}: method not in Discord's API"]
        if "requestBody" not in operation:
            return []
        pointer = "/".join(
            part.replace("~", "~0").replace("/", "~1")
            for part in (
                "paths",
                template,
                request.method.lower(),
                "requestBody",
                "content",
                "application/json",
                "schema",
            )
        )
        validator = Draft202012Validator(
            {"$ref": f"{SPEC_URI}#/{pointer}"}, registry=self._registry
        )
        return [
            f"{request.method} {template}: {error.message} at {list(error.absolute_path)}"
            for error in validator.iter_errors(request.payload)
        ]


def _with_integer_snowflakes(spec: dict[str, Any]) -> dict[str, Any]:
    """Accept a snowflake sent as a JSON integer, as discord.py sends message references.

    The spec (a public preview) types snowflakes as strings only; Discord's documentation,
    which wins where they disagree, accepts integers in requests.
    """
    schemas = dict(spec["components"]["schemas"])
    string = schemas["SnowflakeType"]
    schemas["SnowflakeType"] = {"anyOf": [string, {"type": "integer", "minimum": 0}]}
    return {**spec, "components": {**spec["components"], "schemas": schemas}}


def limit_problems(request: Request) -> list[str]:
    """Discord's limits, including those a schema cannot express, on one request."""
    problems: list[str] = []
    payload = request.payload
    if request.callback_type == 8:
        problems += _choice_problems(payload.get("data", {}).get("choices", []))
        return problems
    message = request.message
    if not isinstance(message, dict):
        return problems
    if len(message.get("content") or "") > MESSAGE_CHARS:
        problems.append(f"content is {len(message['content'])} characters")
    embeds = message.get("embeds") or []
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"{len(embeds)} embeds")
    if sum(embed_length(embed) for embed in embeds) > EMBED_TOTAL:
        problems.append("embeds total more than 6000 characters")
    if request.callback_type == MODAL and len(message.get("title") or "") > FORM_TITLE:
        problems.append(f"form title {message['title']!r} is too long")
    rows = message.get("components") or []
    if len(rows) > ACTION_ROWS:
        problems.append(f"{len(rows)} action rows")
    problems += [p for c in request.components for p in _component_problems(c)]
    return problems


def embed_length(embed: dict[str, Any]) -> int:
    """The characters Discord counts toward an embed's 6,000 total."""
    parts = [embed.get("title"), embed.get("description")]
    parts += [(embed.get("footer") or {}).get("text"), (embed.get("author") or {}).get("name")]
    for embed_field in embed.get("fields") or []:
        parts += [embed_field.get("name"), embed_field.get("value")]
    return sum(len(part) for part in parts if part)


def _component_problems(component: dict[str, Any]) -> list[str]:
    problems = []
    if len(component.get("custom_id") or "") > CUSTOM_ID:
        problems.append(f"custom_id {component['custom_id']!r} is too long")
    if component.get("type") == 2 and len(component.get("label") or "") > BUTTON_LABEL:
        problems.append(f"button label {component['label']!r} is too long")
    if component.get("type") == 3:
        options = component.get("options") or []
        if len(options) > SELECT_OPTIONS:
            problems.append(f"select has {len(options)} options")
        for option in options:
            for key in ("label", "value", "description"):
                if len(option.get(key) or "") > OPTION_TEXT:
                    problems.append(f"select option {key} {option[key]!r} is too long")
    if component.get("type") == TEXT_INPUT:
        problems += _text_input_problems(component)
    return problems


def _text_input_problems(text_input: dict[str, Any]) -> list[str]:
    """A form's input: its label, placeholder and pre-filled text within Discord's limits.

    Discord refuses the whole form when a pre-filled value exceeds the input's own
    `max_length`, so the value is checked against both.
    """
    label = text_input.get("label") or ""
    problems = []
    if len(label) > INPUT_LABEL:
        problems.append(f"input label {label!r} is too long")
    if len(text_input.get("placeholder") or "") > INPUT_PLACEHOLDER:
        problems.append(f"input {label!r}: placeholder is too long")
    most = text_input.get("max_length", INPUT_TEXT)
    least = text_input.get("min_length", 0)
    if not 1 <= most <= INPUT_TEXT or not 0 <= least <= min(most, INPUT_TEXT):
        problems.append(f"input {label!r}: lengths {least}-{most} are not allowed")
    value = text_input.get("value") or ""
    if len(value) > min(most, INPUT_TEXT):
        problems.append(f"input {label!r}: pre-filled with {len(value)} characters, over {most}")
    return problems


def _choice_problems(choices: list[dict[str, Any]]) -> list[str]:
    problems = []
    if len(choices) > AUTOCOMPLETE_CHOICES:
        problems.append(f"{len(choices)} autocomplete choices")
    for choice in choices:
        if len(choice["name"]) > CHOICE_TEXT or len(str(choice["value"])) > CHOICE_TEXT:
            problems.append(f"autocomplete choice {choice!r} is too long")
    return problems
