"""One typed, validated configuration, built once at start.

Settings come from the environment, or from a `.env` file beside the project for values the
environment does not set. Nothing else in the bot reads `os.environ`. A wrong value stops
the bot at start with one line naming the setting, rather than failing later mid-reply.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from dotenv import dotenv_values
from dotenv.parser import parse_stream

from bot import strings
from bot.knowledge.files import KNOWLEDGE_FOLDERS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

T = TypeVar("T")


# A hundred years: the record's pruning counts back from today by the retention, and a date
# before the year 1 cannot be made (BRIEFING_RETENTION_DAYS=1000000 crashed every start).
RETENTION_DAYS_LIMIT = 36_500


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it."""


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults `.env.example` documents."""

    discord_token: str | None = field(default=None, repr=False)
    sync_guild_ids: tuple[int, ...] = ()
    edit_guild_ids: tuple[int, ...] = ()
    moderator_role_ids: tuple[int, ...] = ()
    moderator_role_names: tuple[str, ...] = ()
    log_channel_id: int | None = None
    knowledge_dir: Path = PROJECT_ROOT / "knowledge"
    data_dir: Path = PROJECT_ROOT / "data"
    retention_days: int = 90
    cooldown_questions: int = 5
    cooldown_seconds: float = 30.0
    knowledge_poll_seconds: float = 10.0
    log_level: str = "INFO"
    shard_count: int | None = None

    @property
    def discord_mode(self) -> bool:
        """Whether `run` connects to Discord (a token is configured) or opens the terminal."""
        return bool(self.discord_token)

    def require_token(self) -> str:
        """The token, for commands that only make sense connected (`sync`, `run --discord`).

        Without a token `run` falls back to the terminal on purpose; these commands must not,
        so they stop with one line naming the missing setting instead.
        """
        if not self.discord_token:
            raise SettingsError(strings.Settings.TOKEN_REQUIRED)
        return self.discord_token

    def require_folders(self, writable_data: bool) -> None:
        """Check the folders a command needs, so a wrong path is one line naming its setting.

        Without this an unusable folder surfaces later as a traceback from deep inside the
        store or the database, and a service manager restarts the bot forever.
        """
        if not self.knowledge_dir.is_dir():
            raise SettingsError(
                strings.Settings.NO_KNOWLEDGE_FOLDER.format(folder=self.knowledge_dir)
            )
        _require_listable(self.knowledge_dir)
        if writable_data:
            _require_writable("BRIEFING_DATA_DIR", self.data_dir)

    @property
    def database_path(self) -> Path:
        """The SQLite file holding the question record and the change history."""
        return self.data_dir / "briefing.sqlite3"


def _refuse_unparsed_lines(env_file: Path) -> None:
    """Refuse a `.env` line that is no `NAME=value` (a bare name or pasted token included).

    python-dotenv only warns and skips it, so a mistyped token line would leave the bot
    starting without its token, in terminal mode, with nothing said but a library's warning.
    """
    with env_file.open(encoding="utf-8") as stream:
        for binding in parse_stream(stream):
            if binding.error or (binding.key is not None and binding.value is None):
                message = strings.Settings.ENV_FILE_BAD_LINE.format(
                    file=env_file.name, line=binding.original.line
                )
                raise SettingsError(message)


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: Path | None = PROJECT_ROOT / ".env"
) -> Settings:
    """Build the settings from `environ` (default: the process environment) and `env_file`."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        try:
            _refuse_unparsed_lines(env_file)
            found = dotenv_values(env_file)
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or strings.Settings.ENV_FILE_NOT_TEXT
            message = strings.Settings.ENV_FILE_UNREADABLE.format(file=env_file.name, reason=reason)
            raise SettingsError(message) from None
        values.update({k: v for k, v in found.items() if v is not None})
    values.update(os.environ if environ is None else environ)
    read = _Reader(values)
    role_ids, role_names = read("BRIEFING_MODERATOR_ROLES", _roles, ((), ()))
    return Settings(
        discord_token=read("DISCORD_TOKEN", _token, None) or None,
        sync_guild_ids=read("BRIEFING_SYNC_GUILD_IDS", _id_list, ()),
        edit_guild_ids=read("BRIEFING_EDIT_GUILD_IDS", _id_list, ()),
        moderator_role_ids=role_ids,
        moderator_role_names=role_names,
        log_channel_id=read("BRIEFING_LOG_CHANNEL_ID", _snowflake, None),
        knowledge_dir=read("BRIEFING_KNOWLEDGE_DIR", _path, Settings.knowledge_dir),
        data_dir=read("BRIEFING_DATA_DIR", _path, Settings.data_dir),
        retention_days=read("BRIEFING_RETENTION_DAYS", _retention_days, 90),
        cooldown_questions=read("BRIEFING_COOLDOWN_QUESTIONS", _positive_int, 5),
        cooldown_seconds=read("BRIEFING_COOLDOWN_SECONDS", _positive_float, 30.0),
        knowledge_poll_seconds=read("BRIEFING_KNOWLEDGE_POLL_SECONDS", _positive_float, 10.0),
        log_level=read("BRIEFING_LOG_LEVEL", _log_level, "INFO"),
        shard_count=read("BRIEFING_SHARD_COUNT", _positive_int, None),
    )


def _token(raw: str) -> str:
    """A bot token: one run of printable characters (never shown, even when refused).

    A space or a control character inside (a line break a quoted `.env` value turned
    into one) is no token Discord gives, and an HTTP header cannot carry it.
    """
    if any(char.isspace() or not char.isprintable() for char in raw):
        raise ValueError(strings.Settings.TOKEN_MALFORMED)
    return raw


class _Reader:
    """Reads one setting, turning a parse failure into a message that names it."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def __call__(self, name: str, parse: Callable[[str], T], default: T) -> T:
        raw = self._values.get(name, "").strip()
        if not raw:
            return default
        try:
            return parse(raw)
        except ValueError as error:
            raise SettingsError(strings.Settings.INVALID.format(name=name, problem=error)) from None


def _require_listable(knowledge_dir: Path) -> None:
    """The knowledge folder and its folders can be listed (a wrong owner or mode cannot)."""
    folders = [knowledge_dir, *(knowledge_dir / name for name in KNOWLEDGE_FOLDERS)]
    for folder in folders:
        try:
            if folder == knowledge_dir or folder.is_dir():
                os.listdir(folder)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            message = strings.Settings.KNOWLEDGE_UNREADABLE.format(folder=folder, reason=reason)
            raise SettingsError(message) from None


def _require_writable(name: str, folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        reason = error.strerror or type(error).__name__
        message = strings.Settings.NOT_WRITABLE.format(name=name, folder=folder, reason=reason)
        raise SettingsError(message) from None


def _snowflake(raw: str) -> int:
    if not raw.isdigit() or not 15 <= len(raw) <= 21:
        raise ValueError(strings.Settings.NOT_AN_ID.format(raw=raw))
    return int(raw)


def _id_list(raw: str) -> tuple[int, ...]:
    parts = [part.strip() for part in raw.split(",")]
    if any(not part for part in parts):
        raise ValueError(strings.Settings.NOT_AN_ID_LIST.format(raw=raw))
    return tuple(_snowflake(part) for part in parts)


def _roles(raw: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Role ids, and the names given instead of ids (a fallback, resolved once at start).

    A role is named by id because a name can be copied: anyone allowed to create a role
    could make one called like the moderators' role.
    """
    items = [item.strip() for item in raw.split(",") if item.strip()]
    ids = tuple(_snowflake(item) for item in items if item.isdigit())
    return ids, tuple(item for item in items if not item.isdigit())


def _path(raw: str) -> Path:
    path = Path(raw).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def _positive_int(raw: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(strings.Settings.NOT_A_COUNT.format(raw=raw))
    return int(raw)


def _retention_days(raw: str) -> int:
    """Days questions are kept: at most RETENTION_DAYS_LIMIT, which dates can still count back."""
    days = _positive_int(raw)
    if days > RETENTION_DAYS_LIMIT:
        raise ValueError(strings.Settings.TOO_MANY_DAYS.format(limit=RETENTION_DAYS_LIMIT, raw=raw))
    return days


def _positive_float(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(strings.Settings.NOT_A_NUMBER.format(raw=raw)) from None
    if not value > 0 or not math.isfinite(value):
        raise ValueError(strings.Settings.NOT_POSITIVE.format(raw=raw))
    return value


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in LOG_LEVELS:
        raise ValueError(strings.Settings.NOT_A_LEVEL.format(levels=", ".join(LOG_LEVELS), raw=raw))
    return level
