"""Quotes stand verbatim in their source, up to whitespace and typographic marks only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge.quotes import find_quote, misquote, quote_spans, unpaired_fix

TEXT = "Kosovo’s caretaker government — it says — “also depends on circumstances…”\nNext line."


@pytest.mark.parametrize(
    "quote",
    [
        "Kosovo’s caretaker government",
        "Kosovo's caretaker government",
        'government - it says - "also depends',
        "government – it says – “also",
        'depends on circumstances..." Next line.',
        "  caretaker\n  government  ",
    ],
)
def test_finds_a_quote_up_to_whitespace_and_typography(quote):
    assert find_quote(quote, TEXT)


@pytest.mark.parametrize(
    "quote",
    [
        "kosovo's caretaker government",
        "Kosovo’s caretaker governments",
        "Kosovo’s government",
        "government, it says",
        "",
    ],
)
def test_refuses_any_other_difference(quote):
    assert not find_quote(quote, TEXT)


def test_locates_every_occurrence_in_the_original_text():
    text = "NATO’s door is open. Yes, NATO's door is open."
    spans = quote_spans("NATO's door", text)
    assert [text[start:end] for start, end in spans] == ["NATO’s door", "NATO's door"]


def test_locates_a_quote_across_a_line_break_and_an_ellipsis():
    (start, end), *_ = quote_spans('circumstances..." Next', TEXT)
    assert TEXT[start:end] == "circumstances…”\nNext"


def test_closest_passage_shows_the_source_wording_in_whole_words_on_one_line():
    passage = misquote("caretaker government - it said - also depends", TEXT).passage
    assert "caretaker government — it says — “also depends" in passage
    assert passage.split()[0] in TEXT.split()
    assert passage.split()[-1] in TEXT.split()
    assert "\n" not in passage


def test_closest_passage_of_a_misquote_is_the_real_sentence():
    text = "Russia has brought war back to Europe, and Europe must be prepared, he said."
    passage = misquote("Russia brought war to Europe and Europe must be ready", text).passage
    assert passage.startswith("Russia has brought war back to Europe")


WORDS = st.text(alphabet="abcXYZ’'“”\"—–-… .,\n\t", min_size=1, max_size=80)


@given(text=WORDS, data=st.data())
def test_any_passage_of_whole_words_is_found_and_located(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    quote = text[start:end]
    if not quote.strip():
        return
    assert find_quote(quote, text)
    spans = quote_spans(quote, text)
    assert spans
    assert all(find_quote(quote, text[a:b]) for a, b in spans)


def test_a_misquote_marks_the_words_where_it_first_differs():
    text = "He said the benefit outweights the cost, and that was all. Then he left."
    found = misquote("the benefit outweighs the cost, and that was all", text)
    assert found.passage == "He said the benefit outweights the cost, and that was all."
    assert found.difference == (
        "the benefit ^outweighs^ the cost, and …",
        "the benefit ^outweights^ the cost, and …",
    )


def test_a_misquote_in_a_long_source_is_found_near_its_words():
    filler = " ".join(f"word{n % 997} filler{n % 991}." for n in range(20_000))
    sentence = "The ministers agreed on a plan for the region after long talks in the capital."
    text = f"{filler}\n{sentence}\n{filler}"
    found = misquote("The ministers agreed on a plan for the region after short talks", text)
    assert found.passage == sentence
    assert found.difference == (
        "… the region after ^short^ talks",
        "… the region after ^long^ talks",
    )


def test_a_quote_like_nothing_in_the_source_has_no_closest_passage():
    text = " ".join(f"word{n}" for n in range(10_000))
    assert misquote("entirely unrelated wording", text).passage == ""


@pytest.mark.parametrize(
    ("quote", "fix"),
    [
        ("we will keep our independence,” Self said.", "we will keep our independence"),
        ('we will keep our independence," Self said', "we will keep our independence"),
        ("Self said: “we will keep our independence", "we will keep our independence"),
        ("“We will keep it,” Self said.", None),
        ("the country's independence", None),
        ("Very disappointing,” said Jane Doe after the vote.", None),  # too short to cite
    ],
)
def test_quotation_marks_that_do_not_pair_up_suggest_the_words_inside(quote, fix):
    assert unpaired_fix(quote) == fix


def test_a_misquote_opening_a_quotation_marks_its_slip_not_the_quotation_mark():
    text = (
        "The minister spoke of progress in this direction. "
        '"Over recent years, we have increased investments dedicated to defense. '
        'In 2024, the budget grew again," she said.'
    )
    found = misquote("Over recent years, we have increased investments dedicated to defence.", text)
    assert found.difference == (
        "… investments dedicated to ^defence.^",
        "… investments dedicated to ^defense.^",
    )


def test_the_closest_passage_runs_on_past_an_abbreviation_to_the_sentence_end():
    text = (
        "These relations have not been easy, and the premier has faced criticism from the U.S. "
        "and some European allies. The internal situation has also meant delays."
    )
    found = misquote(
        "the premier has faced criticism from the U.S. and some European partners.", text
    )
    assert found.passage.endswith("from the U.S. and some European allies.")
    assert found.difference == (
        "… and some European ^partners.^",
        "… and some European ^allies.^",
    )


def test_the_closest_passage_of_a_long_misquote_starts_where_the_quote_starts():
    opening = "I think so. "
    rest = " ".join(
        f"The {n}th point is that the government must work with its partners on reform."
        for n in range(8)
    )
    text = f"Before that, he spoke at length. {opening}{rest} After that, he left."
    quote = (opening + rest).replace("partners", "allies", 1)
    found = misquote(quote, text)
    assert found.passage.startswith("I think so. The 0th point")
    assert found.difference[1].count("^partners^") == 1
