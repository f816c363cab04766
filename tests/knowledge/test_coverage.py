"""`check --coverage` lists the sentences of a source that no entry cites."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bot.knowledge.coverage import split_sentences
from bot.language.sentences import split_chat


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


def test_keeps_an_abbreviated_country_inside_its_sentence():
    assert texts("The U.S. House of Representatives met. It voted.") == [
        "The U.S. House of Representatives met.",
        "It voted.",
    ]


def test_ends_a_sentence_at_an_abbreviation_followed_by_a_new_sentence():
    assert texts("Kurti faced criticism from the U.S. The situation is tense.") == [
        "Kurti faced criticism from the U.S.",
        "The situation is tense.",
    ]


def test_keeps_titles_initials_decimals_and_outlet_names_whole():
    text = "Mr. Self and J. Smith told RFE/RL that spending rose 3.5 percent. It did."
    assert texts(text) == [
        "Mr. Self and J. Smith told RFE/RL that spending rose 3.5 percent.",
        "It did.",
    ]


def test_ends_a_sentence_at_a_company_suffix_followed_by_a_new_sentence():
    text = (
        "The works were done by Zenda Construction Co. Ltd. Both companies denied it. "
        "Acme Inc. and Zenda Corp. signed."
    )
    assert texts(text) == [
        "The works were done by Zenda Construction Co. Ltd.",
        "Both companies denied it.",
        "Acme Inc. and Zenda Corp. signed.",
    ]


def test_a_company_suffix_before_a_long_run_of_spaces_ends_its_sentence():
    text = "The works were done by Zenda Builders Ltd." + " " * 70 + "The firm denied it."
    assert texts(text) == ["The works were done by Zenda Builders Ltd.", "The firm denied it."]


def test_a_company_suffix_in_a_members_message_ends_no_question():
    assert split_chat("what did acme inc. say about ruritania?") == [
        "what did acme inc. say about ruritania?"
    ]


def test_keeps_a_quote_and_its_attribution_together():
    text = "“Russia has brought war back to Europe, and Europe must be prepared,” he said."
    assert texts(text) == [text]


def test_splits_sentences_inside_a_quote():
    text = "“Being in NATO means being secure. It will not abandon this,” Osmani said."
    assert texts(text) == [
        "“Being in NATO means being secure.",
        "It will not abandon this,” Osmani said.",
    ]


def test_a_paragraph_break_ends_a_sentence_and_the_sign_off_is_no_sentence():
    text = "First paragraph without a stop\n\nLast sentence. /RFE/RL\n"
    sentences = split_sentences(text)
    assert [(s.line, s.text) for s in sentences] == [
        (1, "First paragraph without a stop"),
        (3, "Last sentence."),
    ]


def test_passes_when_every_sentence_is_cited(knowledge, check):
    assert check(knowledge, "--coverage") == (0, ["coverage: 3/3 sentences cited"])


def test_lists_an_uncited_sentence_with_its_line(knowledge, check):
    path: Path = knowledge / "entries" / "us-house.yaml"
    text = path.read_text(encoding="utf-8")
    cut = text.index('  - source: demo-source\n    quote: "\\"Europe')
    path.write_text(text[:cut], encoding="utf-8")
    assert check(knowledge, "--coverage") == (
        1,
        [
            "sources/demo-source.txt:3: uncited: "
            "«“Europe must be prepared,” the secretary general said.»",
            "coverage: 2/3 sentences cited",
        ],
    )


QUOTE = '"\\"Europe must be prepared,\\" the secretary general said"'


def cite_instead(knowledge: Path, quote: str) -> None:
    path = knowledge / "entries" / "us-house.yaml"
    text = path.read_text(encoding="utf-8")
    assert QUOTE in text
    path.write_text(text.replace(QUOTE, quote), encoding="utf-8")


def test_counts_a_sentence_cited_when_most_of_it_is_quoted(knowledge, check):
    cite_instead(knowledge, '"must be prepared,\\" the secretary general said"')
    assert check(knowledge, "--coverage") == (0, ["coverage: 3/3 sentences cited"])


def test_counts_a_sentence_uncited_when_less_than_half_is_quoted(knowledge, check):
    cite_instead(knowledge, '"the secretary general said"')
    code, lines = check(knowledge, "--coverage")
    assert code == 1
    assert lines[-1] == "coverage: 2/3 sentences cited"


def test_a_line_too_short_to_quote_is_no_sentence_to_cite(knowledge, check):
    text = knowledge / "sources" / "demo-source.txt"
    text.write_text("‘Sad day’\n\n" + text.read_text(encoding="utf-8"), encoding="utf-8")
    assert check(knowledge, "--coverage") == (0, ["coverage: 3/3 sentences cited"])


def test_coverage_reports_load_problems_instead(knowledge, check):
    (knowledge / "entries" / "nato-members.yaml").write_text("id: [", encoding="utf-8")
    code, lines = check(knowledge, "--coverage")
    assert code == 1
    assert lines[0].startswith("entries/nato-members.yaml:")


@given(st.text(alphabet="ab .?!”“U.S\n", max_size=120))
def test_sentences_are_in_order_and_lose_no_text(text):
    sentences = split_sentences(text)
    ends = [0]
    for sentence in sentences:
        assert sentence.start >= ends[-1]
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
        ends.append(sentence.end)
    kept = "".join(text[s.start : s.end] for s in sentences)
    assert "".join(kept.split()) == "".join(text.split())
