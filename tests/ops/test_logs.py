import logging
import re

import pytest

from bot.ops.logs import configure_logging, event


@pytest.fixture(autouse=True)
def _restore_logging():
    """configure_logging changes process-wide state; put it back for the next test."""
    root, discord = logging.getLogger(), logging.getLogger("discord")
    handlers, level, discord_level = root.handlers[:], root.level, discord.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    discord.setLevel(discord_level)


def test_event_fields_are_logged_as_quoted_key_value_pairs(caplog):
    logger = logging.getLogger("briefing.test")
    with caplog.at_level(logging.INFO):
        event(logger, "question", answered=True, entry="kosovo-outside-pfp", text='a "b" c')
    assert caplog.messages == [
        'event=question answered=True entry=kosovo-outside-pfp text="a \\"b\\" c"'
    ]


def test_event_without_fields_is_its_name_alone(caplog):
    with caplog.at_level(logging.INFO):
        event(logging.getLogger("briefing.test"), "shutdown_complete")
    assert caplog.messages == ["event=shutdown_complete"]


def test_configured_token_never_reaches_the_log_even_in_a_traceback(capsys):
    token = "MTIz.secret-token.xyz"
    configure_logging("INFO", secrets=[token])
    logger = logging.getLogger("briefing.test")
    try:
        raise RuntimeError(f"login failed for {token}")
    except RuntimeError:
        logger.exception("connection failed with token %s", token)
    err = capsys.readouterr().err
    assert token not in err
    assert "connection failed with token [redacted]" in err
    assert "RuntimeError: login failed for [redacted]" in err


def test_log_line_has_time_level_logger_and_fields(capsys):
    configure_logging("INFO")
    event(logging.getLogger("briefing.test"), "question", answered=False, latency_ms=3)
    line = capsys.readouterr().err.strip()
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} level=INFO logger=briefing.test "
        r"event=question answered=False latency_ms=3",
        line,
    )


def test_debug_level_keeps_discord_payload_logs_quiet(capsys):
    configure_logging("DEBUG")
    logging.getLogger("discord.gateway").debug("payload with member id 112233445566778899")
    logging.getLogger("briefing.test").debug("own debug line")
    err = capsys.readouterr().err
    assert "112233445566778899" not in err
    assert "own debug line" in err


def test_discord_pys_autocomplete_failure_is_logged_without_the_members_id(capsys):
    configure_logging("INFO")
    try:
        raise RuntimeError("Unknown interaction")
    except RuntimeError:
        logging.getLogger("discord.app_commands.tree").exception(
            "Ignoring exception in autocomplete for %r (Guild: %s, User: %s)",
            "ask",
            1234,
            112233445566778899,
        )
    err = capsys.readouterr().err
    assert "112233445566778899" not in err
    assert "Ignoring exception in autocomplete for 'ask' (Guild: 1234, User: [member])" in err
    assert "RuntimeError: Unknown interaction" in err
