"""Logging: one line per event, readable by a person and parseable as key=value pairs.

Every event goes through `event()` so its fields are quoted the same way everywhere. Callers
pass only what is safe to keep: never the token, never a member's id. As a second line of
defence the formatter blanks out the configured secrets (the token) wherever they appear,
tracebacks included, discord.py's own loggers stay at INFO or above, because its debug
lines carry raw gateway and HTTP payloads with members' ids in them, and the one INFO-or-
above line of discord.py that names a member (an autocomplete's failure) has the id blanked.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from typing import Any

_FORMAT = "%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
REDACTED = "[redacted]"


class _RedactingFormatter(logging.Formatter):
    """The one line format, with every secret replaced by `[redacted]`."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__(_FORMAT, datefmt=_DATE_FORMAT)
        self._secrets = tuple(secret for secret in secrets if secret)

    def format(self, record: logging.LogRecord) -> str:
        """Format as usual, then blank out the secrets (and discord.py's member ids)."""
        text = super().format(_without_member_ids(record))
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


# discord.py logs an autocomplete's failure with the member's id ("Ignoring exception in
# autocomplete for 'ask' (Guild: 1, User: 2)"): the value after this label is blanked.
_MEMBER_LABEL = "User: "
MEMBER_BLANKED = "[member]"
_PLACEHOLDER = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")


def _without_member_ids(record: logging.LogRecord) -> logging.LogRecord:
    """`record`, or a copy whose arguments labelled as a member's id are blanked out."""
    message = record.msg
    if not isinstance(message, str) or _MEMBER_LABEL + "%s" not in message:
        return record
    if not isinstance(record.args, tuple):
        return record
    parts = _PLACEHOLDER.split(message)
    args = [
        MEMBER_BLANKED if parts[i].endswith(_MEMBER_LABEL) else arg
        for i, arg in enumerate(record.args)
    ]
    copy = logging.makeLogRecord(record.__dict__)
    copy.args = tuple(args)
    return copy


def configure_logging(level: str, secrets: Iterable[str | None] = ()) -> None:
    """Send every log line to standard error in the one format, at `level`.

    `secrets` (the token) never reach the output, whoever logs them.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_RedactingFormatter(secret for secret in secrets if secret))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    discord_level = max(logging.getLevelNamesMapping()[level], logging.INFO)
    logging.getLogger("discord").setLevel(discord_level)


def event(
    logger: logging.Logger,
    name: str,
    level: int = logging.INFO,
    exc_info: BaseException | None = None,
    **fields: Any,
) -> None:
    """Log the event `name` with its fields as `event=name key=value ...`.

    `exc_info` adds the traceback on the lines after the event's own line.
    """
    if logger.isEnabledFor(level):
        pairs = "".join(f" {key}={_quote(value)}" for key, value in fields.items())
        logger.log(level, "event=%s%s", name, pairs, exc_info=exc_info)


def _quote(value: Any) -> str:
    text = str(value)
    if text and not any(char in text for char in ' "=\n\\'):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
