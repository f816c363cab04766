import pytest

from bot import strings
from bot.engine.compound import split_questions
from bot.replies import render_discord, render_terminal, to_json
from tests.engine.conftest import cited_entry


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        ("Why isn't Kosovo in PfP?", ["Why isn't Kosovo in PfP?"]),
        (
            "Who is in PfP? When did Kosovo host Defender Europe?",
            ["Who is in PfP?", "When did Kosovo host Defender Europe?"],
        ),
        (
            "which allies dont recognise kosovo and how many members does nato have",
            ["which allies dont recognise kosovo", "how many members does nato have"],
        ),
        (
            "I read a lot about this lately. What did Rutte warn about?",
            ["What did Rutte warn about?"],
        ),
        (
            "Did the U.S. reduce its forces in Romania?",
            ["Did the U.S. reduce its forces in Romania?"],
        ),
        (
            "what did mr. smith say about the u.s. army? who is in nato",
            ["what did mr. smith say about the u.s. army?", "who is in nato"],
        ),
        (
            "Kosovo and Serbia and Albania: who is in NATO?",
            ["Kosovo and Serbia and Albania: who is in NATO?"],
        ),
        (
            "My aunt lives in Springfield and has a red passport. How long can she stay?",
            ["How long can she stay?"],
        ),
        (
            "The board met and is planning more. What did it decide, and who voted against it.",
            ["What did it decide", "who voted against it."],
        ),
    ],
)
def test_a_message_is_split_into_the_questions_it_asks(text, questions):
    assert split_questions(text) == questions


def test_two_questions_in_one_message_get_both_answers(article_engine):
    decision = article_engine.decide(
        "Which NATO members don't recognise Kosovo, and when did Kosovo host Defender Europe?"
    )
    assert decision.answered
    answer = to_json(decision)["answer"]
    assert "Greece" in answer
    assert "2021" in answer
    shown = render_terminal(decision)
    assert "Greece" in shown
    assert "2021" in shown
    assert shown.count("As of ") == 2  # each answer its own sources' date
    assert to_json(decision)["entries"] == [decision.entry.id, decision.also[0].entry.id]


def test_discord_says_the_other_answers_are_under_the_buttons(article_engine):
    decision = article_engine.decide(
        "Which NATO members don't recognise Kosovo, and when did Kosovo host Defender Europe?"
    )
    reply = render_discord(decision)
    (other,) = decision.also
    assert reply.buttons[0].custom_id == f"briefing:entry:{other.entry.id}"
    assert strings.Reply.ASKED_SEVERAL in reply.content


FIVE_QUESTIONS = (
    "Which NATO members don't recognise Kosovo? When did Kosovo host Defender Europe? "
    "Why isn't Kosovo in PfP? What did Rutte warn about? What is the capital of Brazil?"
)


def test_a_message_asking_more_than_the_engine_reads_at_once_answers_the_first_and_says_so(
    article_engine,
):
    decision = article_engine.decide(FIVE_QUESTIONS)

    assert decision.answered
    assert decision.unread == 1
    assert len((decision, *decision.also)) == 4
    unread = strings.Reply.UNREAD.format(asked=5, limit=4)
    assert render_terminal(decision).startswith(unread)
    assert render_discord(decision).content.startswith(unread)
    assert to_json(decision)["unread"] == 1


def test_a_message_of_many_questions_none_covered_asks_for_the_rest_again(article_engine):
    decision = article_engine.decide(
        "What is the capital of Brazil? Who won the cup? What time is it? "
        "Who sings best? Why is the sky blue?"
    )

    assert not decision.answered
    assert decision.unread == 1
    assert strings.Reply.UNREAD.format(asked=5, limit=4) in render_discord(decision).content


def test_a_second_question_the_knowledge_does_not_cover_gets_no_partial_answer(article_engine):
    decision = article_engine.decide(
        "Which NATO members don't recognise Kosovo, and what is the capital of Brazil?"
    )
    assert decision.also == ()


# Two entries about Zenda and Strelsau, each pair with a message whose questions lean on
# the statement before them: what it answers, and the other answers shown beside it.
_LEANING_ON_WHAT_WAS_SAID = [
    (
        (
            cited_entry(
                "bridge-blockade",
                "What happened at the bridge into Zenda?",
                "Two lorries blocked the bridge into Zenda; police units were sent to clear it.",
                ("zenda bridge blockade", "how did the police respond"),
            ),
            cited_entry(
                "membership-blocked",
                "What is blocking Strelsau's membership?",
                "Four allies are blocking Strelsau's way into the alliance.",
                ("who blocks strelsau", "what was blocking the way"),
            ),
        ),
        "I read that everything in Zenda started at a bridge. "
        "What was blocking the way and how did the police respond?",
        "bridge-blockade",
        [],
    ),
    (
        (
            cited_entry(
                "troops-cut",
                "Where did Strelsau cut its troops?",
                "Strelsau cut its rotational troops stationed in Zenda this autumn.",
                ("strelsau troop cut", "where were strelsau's troops cut"),
            ),
            cited_entry(
                "ministry-silent",
                "Did Strelsau's ministry answer questions about its troops in the region?",
                "The ministry was asked twice about the region but did not respond.",
                ("did the ministry respond", "ministry no response about the region"),
            ),
        ),
        "I saw Strelsau was cutting troops somewhere this autumn. "
        "Where was that, and did the ministry say anything when asked about the region?",
        "troops-cut",
        ["ministry-silent"],
    ),
]


@pytest.mark.parametrize(("entries", "message", "answered", "beside"), _LEANING_ON_WHAT_WAS_SAID)
def test_the_questions_of_a_message_are_asked_about_the_statement_before_them(
    engine_of, entries, message, answered, beside
):
    decision = engine_of(*entries, names=("zenda", "strelsau")).decide(message)

    assert decision.entry.id == answered
    assert [also.entry.id for also in decision.also] == beside
