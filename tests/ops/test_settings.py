import re
from pathlib import Path

import pytest

from bot import strings
from bot.ops.settings import PROJECT_ROOT, Settings, SettingsError, load_settings
from bot.serving.record import QuestionRecord
from tests.bot_process import SETTING_NAMES, run_bot
from tests.knowledge.store_helpers import refuse_listing

ENV_EXAMPLE = PROJECT_ROOT / ".env.example"


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


def test_env_example_lists_every_setting():
    documented = set(re.findall(r"^#?([A-Z_]+)=", ENV_EXAMPLE.read_text(), flags=re.MULTILINE))
    assert documented == set(SETTING_NAMES)


def test_env_example_values_are_the_defaults():
    assert load_settings({}, env_file=ENV_EXAMPLE) == Settings()


def test_env_example_explains_every_setting_in_a_comment_above_it():
    lines = ENV_EXAMPLE.read_text().splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^#?[A-Z_]+=", line):
            assert lines[index - 1].startswith("# "), line


def test_commands_that_need_discord_refuse_to_start_without_a_token():
    with pytest.raises(SettingsError, match=r"^DISCORD_TOKEN: required"):
        load_settings({"DISCORD_TOKEN": "  "}, env_file=None).require_token()


def test_configured_token_is_handed_to_commands_that_need_it():
    settings = load_settings({"DISCORD_TOKEN": "abc.def.ghi"}, env_file=None)
    assert settings.require_token() == "abc.def.ghi"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BRIEFING_SHARD_COUNT", "0"),
        ("BRIEFING_SHARD_COUNT", "2.5"),
        ("BRIEFING_COOLDOWN_QUESTIONS", "-3"),
        ("BRIEFING_RETENTION_DAYS", "1e3"),
        # Not a finite number: the cooldown's wait could not be counted in seconds.
        ("BRIEFING_COOLDOWN_SECONDS", "inf"),
        ("BRIEFING_KNOWLEDGE_POLL_SECONDS", "1e999"),
        # Longer than dates can count back: the first pruning at start-up crashed.
        ("BRIEFING_RETENTION_DAYS", "1000000"),
        ("BRIEFING_RETENTION_DAYS", "1000000000"),
        ("BRIEFING_LOG_CHANNEL_ID", "general"),
        ("BRIEFING_SYNC_GUILD_IDS", "112233445566778899 998877665544332211"),
        ("BRIEFING_SYNC_GUILD_IDS", "[112233445566778899]"),
        ("BRIEFING_EDIT_GUILD_IDS", "12345"),
    ],
)
def test_more_bad_settings_are_refused_with_their_name(name: str, value: str):
    with pytest.raises(SettingsError, match=f"^{name}: "):
        load_settings({name: value}, env_file=None)


def test_bad_setting_in_env_file_is_refused_with_its_name(tmp_path: Path):
    env_file = tmp_path / ".env"
    env_file.write_text("BRIEFING_COOLDOWN_SECONDS=soon\n")
    with pytest.raises(SettingsError, match="BRIEFING_COOLDOWN_SECONDS"):
        load_settings({}, env_file=env_file)


def _commands() -> list[str]:
    usage = run_bot("--help").stdout
    return re.search(r"\{([a-z,-]+)\}", usage).group(1).split(",")


def test_every_command_stops_at_once_on_a_bad_setting_with_one_line_naming_it():
    commands = _commands()
    assert {"check", "health"} <= set(commands)
    for command in commands:
        result = run_bot(command, BRIEFING_RETENTION_DAYS="ten")
        assert result.returncode == 2, command
        assert result.stdout == "", command
        assert result.stderr.count("\n") == 1, (command, result.stderr)
        assert "BRIEFING_RETENTION_DAYS" in result.stderr, command


@pytest.mark.parametrize("command", [["run", "--discord"], ["sync"]])
def test_connected_commands_without_a_token_fail_with_one_line_naming_it(command: list[str]):
    result = run_bot(*command)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "DISCORD_TOKEN" in result.stderr


def test_unwritable_data_folder_stops_discord_commands_with_one_line(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = run_bot("sync", DISCORD_TOKEN="a.b.c", BRIEFING_DATA_DIR=str(blocker / "data"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "configuration error: BRIEFING_DATA_DIR: "
        f"cannot write to {blocker / 'data'} (Not a directory)"
    ]


def test_missing_knowledge_folder_stops_ask_with_one_line(tmp_path: Path):
    done = run_bot("ask", "why", BRIEFING_KNOWLEDGE_DIR=str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"configuration error: BRIEFING_KNOWLEDGE_DIR: no folder at {tmp_path / 'nowhere'}"
    )


@pytest.mark.parametrize("token", ["", "a.b.c"])
def test_terminal_mode_needs_no_data_folder_even_with_a_token_configured(tmp_path: Path, token):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = run_bot(
        "ask", "who doesn't recognise kosovo", BRIEFING_DATA_DIR=str(blocker), DISCORD_TOKEN=token
    )
    assert done.returncode == 0, done.stderr


def test_moderator_roles_take_ids_and_names_as_a_fallback():
    settings = load_settings(
        {"BRIEFING_MODERATOR_ROLES": "700000000000000500, Briefing editors"}, env_file=None
    )
    assert settings.moderator_role_ids == (700000000000000500,)
    assert settings.moderator_role_names == ("Briefing editors",)


def test_a_moderator_role_id_too_short_for_a_discord_id_is_refused():
    with pytest.raises(SettingsError, match="BRIEFING_MODERATOR_ROLES"):
        load_settings({"BRIEFING_MODERATOR_ROLES": "12345"}, env_file=None)


def test_a_retention_of_a_hundred_years_is_accepted_and_prunes(tmp_path):
    settings = load_settings({"BRIEFING_RETENTION_DAYS": "36500"}, env_file=None)
    record = QuestionRecord(tmp_path / "questions.sqlite3", settings.retention_days)
    assert record.prune() == 0


def test_an_env_file_that_is_not_utf8_is_a_bad_setting_naming_it(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_bytes(b"DISCORD_TOKEN=\xff\xfe\n")
    with pytest.raises(SettingsError, match=r"^\.env: cannot be read \(not UTF-8 text\)$"):
        load_settings({}, env_file=env_file)


@pytest.mark.parametrize("token", ["MTIz\x1bSECRET", "MTIz SECRET", "MTIz\nSECRET"])
def test_a_token_with_a_space_or_control_character_is_refused_unshown(token):
    with pytest.raises(SettingsError) as refused:
        load_settings({"DISCORD_TOKEN": token}, env_file=None)
    assert str(refused.value) == strings.Settings.INVALID.format(
        name="DISCORD_TOKEN", problem=strings.Settings.TOKEN_MALFORMED
    )


@pytest.mark.parametrize("line", ["DISCORD_TOKEN abc.def", "MTAx.GhXyZ.abc", "DISCORD_TOKEN"])
def test_an_env_file_line_that_is_no_setting_is_refused_with_its_line(tmp_path, line):
    env_file = tmp_path / ".env"
    env_file.write_text(f"# the bot's token\n{line}\n", encoding="utf-8")
    message = strings.Settings.ENV_FILE_BAD_LINE.format(file=".env", line=2)
    with pytest.raises(SettingsError) as refused:
        load_settings({}, env_file=env_file)
    assert str(refused.value) == message
    assert "abc.def" not in str(refused.value)


def test_a_knowledge_folder_that_cannot_be_listed_stops_with_one_line(tmp_path, monkeypatch):
    knowledge = tmp_path / "knowledge"
    (knowledge / "entries").mkdir(parents=True)
    settings = load_settings({"BRIEFING_KNOWLEDGE_DIR": str(knowledge)}, env_file=None)
    refuse_listing(monkeypatch, knowledge / "entries")

    with pytest.raises(SettingsError) as stopped:
        settings.require_folders(writable_data=False)

    assert str(stopped.value) == strings.Settings.KNOWLEDGE_UNREADABLE.format(
        folder=knowledge / "entries", reason="Permission denied"
    )
