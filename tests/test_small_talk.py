import pytest

from bot.small_talk import MAX_CHARS, small_talk


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hi", "greeting"),
        ("Hey there!", "greeting"),
        ("good morning everyone", "greeting"),
        ("Tungjatjeta", "greeting"),
        ("Mirëdita!", "greeting"),
        ("Ćao", "greeting"),
        ("добар дан", "greeting"),
        ("thanks!", "thanks"),
        ("Thank you so much", "thanks"),
        ("Faleminderit shumë", "thanks"),
        ("хвала", "thanks"),
        ("help", "help"),
        ("what can you do?", "help"),
        ("/topics", "help"),
        ("hi, what can you do?", "help"),
        ("ndihmë", "help"),
        ("pomoć", "help"),
        ("šta možeš da radiš?", "help"),
        ("Шта можеш да урадиш?", "help"),
    ],
)
def test_greetings_thanks_and_requests_for_help_are_small_talk(text, kind):
    assert small_talk(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "hi, why isn't X in Y?",
        "thanks, and how many members does it have?",
        "help me understand the membership rules",
        "what do you know about the elections",
        "is it in the partnership",
        "topics of the summit",
        "",
    ],
)
def test_a_real_question_is_never_small_talk(text):
    assert small_talk(text) is None


def test_a_long_message_is_read_as_a_question_even_if_it_only_greets():
    assert small_talk("hi " * (MAX_CHARS // 3 + 1)) is None
