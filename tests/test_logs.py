import logging

from bot.logs import event


def test_event_fields_are_logged_as_quoted_key_value_pairs(caplog):
    logger = logging.getLogger("briefing.test")
    with caplog.at_level(logging.INFO):
        event(logger, "question", answered=True, entry="kosovo-outside-pfp", text='a "b" c')
    assert caplog.messages == [
        'event=question answered=True entry=kosovo-outside-pfp text="a \\"b\\" c"'
    ]
