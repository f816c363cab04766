import pytest

from bot.discord_format import ELLIPSIS, ButtonId, clip, one_line, plural, shorten


@pytest.mark.parametrize(
    ("action", "argument", "check"),
    [
        (ButtonId.ENTRY, "some-entry", None),
        (ButtonId.MISS, 42, None),
        (ButtonId.TOPICS, 3, None),
        (ButtonId.QUOTES, "some-entry", "0123abcd"),
    ],
)
def test_a_button_id_built_from_the_table_is_parsed_back_to_its_action(action, argument, check):
    built = ButtonId.build(action, argument, check)
    assert ButtonId.parse(built) == (action, str(argument), check)


def test_an_id_of_another_shape_is_not_taken_for_a_button():
    assert ButtonId.parse("briefing:unknown:x") is None
    assert ButtonId.parse(ButtonId.pick(0)) is None


def test_a_button_id_for_an_action_not_in_the_table_is_refused():
    with pytest.raises(ValueError):
        ButtonId.build("delete", "x")


def test_text_over_a_limit_is_cut_to_it_visibly():
    assert shorten("  a long sentence here  ", 10) == "a long se" + ELLIPSIS
    assert shorten("a long   sentence", 10) == "a long" + ELLIPSIS
    assert clip("abcdef", 4) == "abc" + ELLIPSIS
    assert one_line("two\nlines", 80) == "two lines"


def test_a_count_takes_the_singular_only_for_one():
    forms = ("{count} entry", "{count} entries")
    assert [plural(forms, n) for n in (0, 1, 2)] == ["0 entries", "1 entry", "2 entries"]
