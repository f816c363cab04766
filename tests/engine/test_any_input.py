import logging

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine.decision import MAX_QUESTION_CHARS, Decision
from bot.replies import render_terminal, to_json


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _decide_without_failing(engine, text: str) -> Decision:
    """Decide, and fail the test if the engine had to swallow an exception to reply.

    `Engine.decide` turns any internal error into an abstention so a member never sees a
    failure; the property is that no input makes it need to.
    """
    recorder = _Recorder()
    logger = logging.getLogger("bot.engine.engine")
    logger.addHandler(recorder)
    try:
        decision = engine.decide(text)
    finally:
        logger.removeHandler(recorder)
    assert not recorder.messages, recorder.messages
    return decision


def _valid(decision: Decision) -> None:
    assert 0.0 <= decision.score <= 1.0
    assert len(decision.question) <= MAX_QUESTION_CHARS
    assert len(decision.suggestions) <= 3
    if decision.answered:
        assert decision.entry is not None
        assert decision.quotes
    else:
        assert decision.entry is None
    assert render_terminal(decision)
    assert set(to_json(decision)) >= {"answered", "entry_id", "score", "answer"}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=700))
def test_any_text_gives_a_valid_decision(engine, text):
    _valid(_decide_without_failing(engine, text))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["kosovo", "NATO", "pfp", "Косово", "\u200b", "\x00", "😀", "?!", "Kosovës", " ", "\n"]
        ),
        max_size=60,
    )
)
def test_any_mix_of_scripts_and_symbols_gives_a_valid_decision(engine, parts):
    _valid(_decide_without_failing(engine, "".join(parts)))


def test_long_input_is_trimmed_and_the_reply_says_so(engine):
    decision = engine.decide("Why is Kosovo not in the Partnership for Peace? " * 250)
    assert decision.trimmed
    assert len(decision.question) <= MAX_QUESTION_CHARS
    assert "only its first 4,000 characters were read" in render_terminal(decision)


def test_empty_whitespace_and_punctuation_are_not_answered(engine):
    for text in ["", "   \n\t ", "?!?...", "\u200b\u200d", "\x00\x07"]:
        decision = engine.decide(text)
        assert not decision.answered
        assert decision.suggestions == ()


def test_an_internal_error_is_caught_by_the_property_checks(engine, monkeypatch):
    def broken(question):
        raise ValueError("index out of shape")

    monkeypatch.setattr(engine, "_decide", broken)
    try:
        _decide_without_failing(engine, "why pfp")
    except AssertionError:
        return
    raise AssertionError("an engine that swallowed an error passed the property check")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.integers(min_value=-5, max_value=60))
def test_autocomplete_of_any_text_lists_at_most_25_distinct_entries(engine, text, limit):
    found = engine.complete(text, limit=limit)
    assert len(found) <= 25
    assert len({s.entry_id for s in found}) == len(found)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_any_text_gives_a_valid_decision_on_the_shipped_knowledge(article_engine, text):
    _valid(article_engine.decide(text))
