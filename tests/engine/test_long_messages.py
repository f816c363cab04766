"""A message is read whole up to Discord's limits; its asking sentence weighs most."""

from bot.engine.decision import MAX_QUESTION_CHARS
from bot.engine.engine import READ_WINDOW
from bot.engine.match import asking_window

CHATTER = (
    "I was reading the news this morning with my coffee, and there was a long piece about "
    "the region and all the diplomacy going on, which honestly I found hard to follow. "
)
QUESTION = "Why isn't Kosovo in the Partnership for Peace?"


def test_a_chatty_message_with_its_question_at_the_end_is_answered(engine):
    message = CHATTER * 10 + QUESTION
    assert 1000 < len(message) <= 2000
    decision = engine.decide(message)

    assert decision.answered
    assert decision.entry.id == engine.decide(QUESTION).entry.id
    assert not decision.trimmed
    assert decision.question == message.strip()


def test_a_question_in_the_middle_of_a_long_message_is_found(engine):
    decision = engine.decide(CHATTER * 6 + QUESTION + " Thanks in advance! " + CHATTER * 6)
    assert decision.answered
    assert decision.entry.id == "kosovo-outside-pfp"


def test_context_naming_another_entry_does_not_outweigh_the_asking_sentence(engine):
    context = "Rutte warned about Russia at the summit, everyone was talking about it. " * 8
    decision = engine.decide(context + QUESTION)
    assert decision.entry is not None
    assert decision.entry.id == "kosovo-outside-pfp"


def test_a_message_of_discords_largest_size_is_read_without_cutting(engine):
    message = (CHATTER * 40)[: MAX_QUESTION_CHARS - len(QUESTION) - 1] + " " + QUESTION
    assert len(message) == MAX_QUESTION_CHARS
    decision = engine.decide(message)
    assert not decision.trimmed
    assert decision.answered


def test_a_message_beyond_discords_limits_is_cut_and_says_so(engine):
    decision = engine.decide(QUESTION + " " + CHATTER * 40)
    assert decision.trimmed
    assert len(decision.question) <= MAX_QUESTION_CHARS


def test_the_window_keeps_the_asking_sentence_and_the_context_nearest_it():
    text = "First. " * 100 + "Second thing said. " + QUESTION + " After it."
    window = asking_window(text, READ_WINDOW)

    assert len(window) <= READ_WINDOW
    assert window.endswith(f"Second thing said. {QUESTION} After it.")


def test_the_window_leaves_a_short_message_as_it_is():
    assert asking_window(QUESTION, READ_WINDOW) == QUESTION


def test_an_asking_sentence_longer_than_the_window_keeps_its_end():
    text = "so " * 400 + QUESTION
    window = asking_window(text, READ_WINDOW)
    assert len(window) <= READ_WINDOW
    assert window.endswith(QUESTION)
