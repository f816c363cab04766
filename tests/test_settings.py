from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


def test_no_token_means_terminal_mode():
    settings = load_settings({}, env_file=None)
    assert not settings.discord_mode


def test_token_from_env_file_means_discord_mode(tmp_path: Path):
    env_file = tmp_path / ".env"
    env_file.write_text("DISCORD_TOKEN=abc.def.ghi\n")
    settings = load_settings({}, env_file=env_file)
    assert settings.discord_mode
    assert "abc.def.ghi" not in repr(settings)


def test_environment_overrides_env_file(tmp_path: Path):
    env_file = tmp_path / ".env"
    env_file.write_text("BRIEFING_RETENTION_DAYS=10\n")
    assert load_settings({"BRIEFING_RETENTION_DAYS": "30"}, env_file=env_file).retention_days == 30


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BRIEFING_RETENTION_DAYS", "ten"),
        ("BRIEFING_COOLDOWN_SECONDS", "-1"),
        ("BRIEFING_SYNC_GUILD_IDS", "123;456"),
        ("BRIEFING_EDIT_GUILD_IDS", "112233445566778899,,"),
        ("BRIEFING_LOG_LEVEL", "LOUD"),
        ("BRIEFING_KNOWLEDGE_POLL_SECONDS", "0"),
    ],
)
def test_bad_setting_is_refused_with_its_name(name: str, value: str):
    with pytest.raises(SettingsError, match=name):
        load_settings({name: value}, env_file=None)


def test_guild_list_is_parsed():
    settings = load_settings(
        {"BRIEFING_SYNC_GUILD_IDS": "112233445566778899, 998877665544332211"}, env_file=None
    )
    assert settings.sync_guild_ids == (112233445566778899, 998877665544332211)
