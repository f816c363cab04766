import io
from dataclasses import replace

from bot import strings
from bot.discord import run


def test_run_without_a_token_opens_the_terminal_prompt(settings):
    out = io.StringIO()
    code = run.run(settings, stdin=io.StringIO("why isn't kosovo in pfp\n"), stdout=out)

    assert code == 0
    assert "Kosovo remains outside even this framework of cooperation" in out.getvalue()


def test_run_with_broken_knowledge_refuses_to_start(settings, tmp_path, capsys):
    assert run.run(replace(settings, knowledge_dir=tmp_path / "missing")) == 1
    assert strings.Terminal.BROKEN_KNOWLEDGE in capsys.readouterr().err


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
