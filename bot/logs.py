"""Logging: one line per event, readable by a person and parseable as key=value pairs.

Every event goes through `event()` so its fields are quoted the same way everywhere. Callers
pass only what is safe to keep: never the token, never a member's id.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

_FORMAT = "%(asctime)s level=%(levelname)s logger=%(name)s %(message)s"


def configure_logging(level: str) -> None:
    """Send every log line to standard error in the one format, at `level`."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT, datefmt="%Y-%m-%dT%H:%M:%S%z"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def event(logger: logging.Logger, name: str, level: int = logging.INFO, **fields: Any) -> None:
    """Log the event `name` with its fields as `event=name key=value ...`."""
    if logger.isEnabledFor(level):
        pairs = " ".join(f"{key}={_quote(value)}" for key, value in fields.items())
        logger.log(level, "event=%s %s", name, pairs)


def _quote(value: Any) -> str:
    text = str(value)
    if text and not any(char in text for char in ' "=\n\\'):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
