from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine.decision import MAX_QUESTION_CHARS, Decision
from bot.replies import render_terminal, to_json


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
    _valid(engine.decide(text))


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
    _valid(engine.decide("".join(parts)))


def test_long_input_is_trimmed_and_the_reply_says_so(engine):
    decision = engine.decide("Why is Kosovo not in the Partnership for Peace? " * 250)
    assert decision.trimmed
    assert len(decision.question) <= MAX_QUESTION_CHARS
    assert "only its first 500 characters were read" in render_terminal(decision)


def test_empty_whitespace_and_punctuation_are_not_answered(engine):
    for text in ["", "   \n\t ", "?!?...", "\u200b\u200d", "\x00\x07"]:
        decision = engine.decide(text)
        assert not decision.answered
        assert decision.suggestions == ()
