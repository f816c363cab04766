import os
from dataclasses import replace

import pytest

from bot import strings
from bot.discord import run
from bot.ops import health
from bot.ops.single import AlreadyServing, hold_the_data_folder


def test_discord_mode_with_broken_knowledge_refuses_to_start_and_reports_unhealthy(
    settings, tmp_path, capsys, restore_logging
):
    broken = tmp_path / "knowledge"
    (broken / "entries").mkdir(parents=True)
    (broken / "entries" / "bad.yaml").write_text("id: [unclosed\n")
    discord_settings = replace(settings, knowledge_dir=broken, discord_token="a.b.c")

    assert run.run(discord_settings) == 2  # a person must fix the files
    err = capsys.readouterr().err
    assert strings.Terminal.BROKEN_KNOWLEDGE in err
    assert "entries/bad.yaml" in err
    assert health.check(settings.data_dir) == (1, strings.Health.KNOWLEDGE_FAILED)


def test_sync_without_a_token_explains_and_fails(settings, capsys):
    assert run.sync(settings) == 2
    assert strings.Run.NO_TOKEN_FOR_SYNC in capsys.readouterr().err


def test_the_bot_asks_for_no_privileged_intent(make_bot):
    intents = make_bot().intents
    assert intents.guilds
    assert intents.guild_messages
    assert not intents.message_content
    assert not intents.members
    assert not intents.presences


def test_the_client_itself_never_pings(make_bot):
    mentions = make_bot().allowed_mentions
    assert mentions.to_dict() == {"parse": []}


def test_sync_command_syncs_now_and_never_shows_the_token(
    settings, offline_discord, capsys, restore_logging
):
    token = "MTIz.secret-token.value"
    assert run.sync(replace(settings, discord_token=token, log_level="DEBUG")) == 0

    printed = capsys.readouterr()
    assert printed.out.startswith("Synced 6 commands globally")
    assert token not in printed.out + printed.err
    assert [(r.method, r.template) for r in offline_discord.history] == [
        ("PUT", "/applications/{application_id}/commands")
    ]


def test_sync_command_to_configured_guilds(settings, offline_discord, capsys, restore_logging):
    guilds = (700000000000000100, 700000000000000101)
    assert run.sync(replace(settings, discord_token="x.y.z", sync_guild_ids=guilds)) == 0
    assert "to 2 server(s)" in capsys.readouterr().out
    assert [r.path for r in offline_discord.history] == [
        f"/applications/700000000000000001/guilds/{guild}/commands" for guild in guilds
    ]


def test_sync_with_discord_unreachable_says_so_in_one_line(
    settings, offline_discord, capsys, restore_logging
):
    offline_discord.unreachable(requests=1)
    assert run.sync(replace(settings, discord_token="x.y.z")) == 1
    err = capsys.readouterr().err
    error = "OSError: [Errno -2] Name or service not known"
    assert err.splitlines()[-1] == strings.Run.UNREACHABLE.format(error=error)
    assert "Traceback" not in err


def test_a_refused_token_stops_run_and_sync_as_a_configuration_error(
    settings, offline_discord, capsys, restore_logging
):
    offline_discord.refuse("/users/@me", status=401)
    with_token = replace(settings, discord_token="x.y.z")
    assert run.run(with_token) == 2
    assert run.sync(with_token) == 2
    err = capsys.readouterr().err
    assert err.count(strings.Run.LOGIN_FAILED) == 2
    assert "Traceback" not in err


def test_a_second_bot_on_the_same_data_folder_refuses_to_start(
    settings, offline_discord, capsys, restore_logging
):
    # Two would answer every mention twice and record every question twice.
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    first = hold_the_data_folder(settings.data_dir)
    try:
        assert run.run(replace(settings, discord_token="x.y.z")) == 2
    finally:
        first.close()
    err = capsys.readouterr().err
    assert strings.Run.ALREADY_SERVING.format(data_dir=settings.data_dir) in err
    offline_discord.refuse("/users/@me", status=401)  # the folder free again: it starts
    assert run.run(replace(settings, discord_token="x.y.z")) == 2
    assert strings.Run.LOGIN_FAILED in capsys.readouterr().err


def test_a_lock_file_this_process_may_only_read_still_keeps_a_second_bot_out(tmp_path, monkeypatch):
    # Left by a run as another user: flock locks a file opened for reading too.
    real_open = os.open

    def read_only(path, flags, *args):
        if flags & os.O_RDWR:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    (tmp_path / "serving.lock").write_bytes(b"")
    monkeypatch.setattr(os, "open", read_only)
    first = hold_the_data_folder(tmp_path)
    try:
        with pytest.raises(AlreadyServing):
            hold_the_data_folder(tmp_path)
    finally:
        first.close()
