"""Guided coverage: each uncited sentence comes with its citation, speaker and a topic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.guide import guide, quote_of, read_speaker
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Citation, Entry, Knowledge, Source
from tests.knowledge.conftest import SOURCE_ID

PROJECT = Path(__file__).parents[2]

OUTLET = "Example Times"
TEXT = (
    "Prime Minister Jane Marlow opened the session in the capital.\n"
    "Turnout was low, according to the Election Commission.\n"
    "“We will keep our promises,” Marlow said.\n"
    "“The vote was fair,” said Tom Reyes, an observer.\n"
    "Reyes told reporters the count would take a week.\n"
    "“We won,” he said.\n"
    "Then Marlow said the talks would go on.\n"
)


def source(text: str = TEXT) -> Source:
    return Source("example", "A report", OUTLET, "2026-01", "en", "2026-01-02", text)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“We will keep our promises,” Marlow said.", "Jane Marlow"),
        ("“The vote was fair,” said Tom Reyes, an observer.", "Tom Reyes"),
        ("Turnout was low, according to the Election Commission.", "Election Commission"),
        ("Reyes told reporters the count would take a week.", "Tom Reyes"),
        ("Then Marlow said the talks would go on.", "Jane Marlow"),
        ("“We won,” he said.", OUTLET),
        ("Police later said in a statement that two were arrested.", "Police"),
        ("Freedonia police also confirmed that the border was closed.", "Freedonia police"),
        ("Tom Reyes has urged the crowd to leave.", "Tom Reyes"),
        ("Prime Minister Jane Marlow opened the session in the capital.", OUTLET),
        ("“It is a new season,” tweeted Tom Reyes, as he arrived.", "Tom Reyes"),
        ("“The count is over,” said Reyes on Monday.", "Tom Reyes"),
        ("“It is a new season,” tweeted EU chief Jane Marlow, as she arrived.", "Jane Marlow"),
        ("At the crossing, Marlow praised “two immense achievements” of the day.", "Jane Marlow"),
    ],
)
def test_reads_the_speaker_a_sentence_names_as_fully_as_the_source_does(sentence, speaker):
    assert read_speaker(sentence, source()) == speaker


@pytest.mark.parametrize(
    "sentence", ["“It is done,” said van der Berg.", "Van der Berg said the aid would follow."]
)
def test_a_name_with_particles_is_read_whole_and_as_fully_as_the_source_names_it(sentence):
    text = f"Commission President Anna van der Berg welcomed the vote.\n{sentence}\n"
    assert read_speaker(sentence, source(text)) == "Anna van der Berg"


def _speakers(text: str) -> list[str]:
    """The speakers guided coverage suggests for each sentence of a source of `text`."""
    knowledge = Knowledge(entries={}, sources={"example": source(text)})
    return [s.speaker for s in guide(knowledge, "example").suggestions]


def entry(entry_id: str, topic: str, quote: str) -> Entry:
    citation = Citation("example", quote, OUTLET)
    return Entry(entry_id, f"Question {entry_id}?", "Answer.", topic, (), (citation,))


def test_guides_each_uncited_sentence_with_a_citation_and_the_neighbours_topic():
    knowledge = Knowledge(
        entries={
            "a": entry("a", "Elections", "Turnout was low, according to the Election Commission."),
            "b": entry("b", "Observers", "Reyes told reporters the count would take a week."),
            "c": entry("c", "Observers", "Then Marlow said the talks would go on."),
        },
        sources={"example": source()},
    )
    found = guide(knowledge, "example")
    assert (found.cited, found.total) == (3, 7)
    first, promise, fair, won = found.suggestions
    assert (first.speaker, first.topic) == (OUTLET, "Elections")
    assert first.quote == "Prime Minister Jane Marlow opened the session in the capital."
    assert (promise.speaker, promise.topic) == ("Jane Marlow", "Elections")
    assert promise.quote == "“We will keep our promises,” Marlow said."
    assert (fair.speaker, fair.topic) == ("Tom Reyes", "Observers")
    assert (won.speaker, won.topic) == ("Tom Reyes", "Observers")  # "he said", after Reyes
    assert guide(knowledge, "nowhere") is None


def test_a_quotation_cut_by_a_sentence_end_is_quoted_inside_its_marks_and_attributed():
    text = "“It was a long road. Today we arrive,” Marlow said in a statement.\n"
    knowledge = Knowledge(entries={}, sources={"example": source(text)})
    opening, closing = guide(knowledge, "example").suggestions
    assert (opening.quote, opening.speaker) == ("It was a long road.", "Marlow")
    assert (closing.quote, closing.speaker) == ("Today we arrive", "Marlow")


def test_every_sentence_of_a_quotation_running_over_three_is_attributed_where_it_closes():
    text = (
        "“For us it is clear. I believe the region is at risk. And it will not stop,” "
        "Marlow said.\n"
    )
    speakers = _speakers(text)
    assert speakers == ["Marlow", "Marlow", "Marlow"]


def test_coverage_in_the_terminal_prints_citations_that_make_a_valid_entry(knowledge, capsys):
    (knowledge / "entries" / "us-house.yaml").unlink()
    assert main(["coverage", SOURCE_ID, "--directory", str(knowledge)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{SOURCE_ID}: 1/3 sentences cited"
    blocks = [block for block in out.split("\n\n")[1:]]
    assert len(blocks) == 2
    first = blocks[0].splitlines()
    assert first[0] == (f"sources/{SOURCE_ID}.txt:1: uncited; suggested topic: Membership")
    citations = "\n".join(line for block in blocks for line in block.splitlines()[1:])
    write_entry(knowledge, citations)
    assert main(["check", str(knowledge), "--coverage"]) == 0


def write_entry(root: Path, citations: str) -> None:
    text = (
        'id: covered\nquestion: "What did the House discuss?"\ntopic: "Membership"\n'
        f'answer: "The Balkans."\ncitations:\n{citations}\n'
    )
    (root / "entries" / "covered.yaml").write_text(text, encoding="utf-8")


def test_coverage_of_an_unknown_source_names_the_known_ones(knowledge, capsys):
    assert main(["coverage", "nowhere", "--directory", str(knowledge)]) == 1
    assert capsys.readouterr().out == f"no source 'nowhere'; the sources are: {SOURCE_ID}\n"


def test_sources_in_the_terminal_lists_each_with_its_date_and_citing_entries(knowledge, capsys):
    assert main(["sources", str(knowledge)]) == 0
    assert capsys.readouterr().out == (
        f"{SOURCE_ID} · A demo article · Demo Outlet, 2025-12 · cited by 2 entries\n"
    )
    assert load_knowledge(knowledge).knowledge is not None


def test_coverage_without_a_source_gives_every_sources_share(knowledge, capsys):
    assert main(["coverage", "--directory", str(knowledge)]) == 0
    assert capsys.readouterr().out == f"{SOURCE_ID}: 3/3 sentences cited\n"
    (knowledge / "entries" / "us-house.yaml").unlink()
    assert main(["coverage", "--directory", str(knowledge)]) == 1
    assert capsys.readouterr().out == f"{SOURCE_ID}: 1/3 sentences cited\n"


def test_a_source_no_entry_cites_takes_the_topic_of_the_entry_sharing_its_words():
    other = Source("other", "Other", OUTLET, "2026-01", "en", "2026-01-02", "Something else.")
    citation = Citation("other", "Something else.", OUTLET)
    entries = {
        "ballots": Entry(
            "ballots",
            "How were ballots counted after the election?",
            "Observers watched ballots counted by hand in every district.",
            "Elections",
            (),
            (citation,),
        ),
        **{
            f"e{n}": Entry(f"e{n}", f"Question {n}?", "Answer.", "General", (), (citation,))
            for n in range(3)
        },
    }
    text = "Observers said ballots were counted by hand in each district.\nNothing matches here.\n"
    knowledge = Knowledge(entries=entries, sources={"example": source(text), "other": other})
    counted, unmatched = guide(knowledge, "example").suggestions
    assert counted.topic == "Elections"
    assert unmatched.topic == "General"


def test_a_speaker_described_before_the_verb_is_read_not_whom_they_told():
    sentence = "Tom Reyes, Union observer, EOM, told the Gazette on Thursday the count was fair."
    assert read_speaker(sentence, source()) == "Tom Reyes"
    assert read_speaker("“The count was fair,” told the Gazette.", source()) == OUTLET


@pytest.mark.parametrize(
    ("before", "speaker"),
    [
        ("The Union said the mission would stay.", "Union"),
        ("“It is a long road,” Reyes said.", "Reyes"),
        ("The mission stayed in the capital.", OUTLET),
    ],
)
def test_he_said_is_spoken_by_whom_the_sentence_before_names_if_it_names_anyone(before, speaker):
    text = f"{before}\n“We stay,” it added. “We will help,” he said.\n"
    knowledge = Knowledge(entries={}, sources={"example": source(text)})
    suggestions = guide(knowledge, "example").suggestions
    assert [s.speaker for s in suggestions[1:]] == [speaker, speaker]


def test_what_a_name_owns_is_no_speaker():
    assert read_speaker("According to Freedonia's laws, the offices were illegal.", source()) == (
        OUTLET
    )


def test_a_quotation_after_a_line_ending_in_a_colon_is_the_words_it_announces():
    text = (
        "The offices closed on Wednesday.\n\n"
        "Interior minister Jane Marlow said on social media:\n\n"
        "“The era of parallel offices has ended. Today they were shut down.”\n\n"
        "Turnout was low.\n"
    )
    speakers = _speakers(text)
    assert speakers == [OUTLET, "Jane Marlow", "Jane Marlow", "Jane Marlow", OUTLET]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Union High Representative for Trade and Security Tom Reyes said the deal holds.",
            "Union High Representative for Trade and Security Tom Reyes",
        ),
        ("The Ministry of the Interior said the border would open.", "Ministry of the Interior"),
    ],
)
def test_a_title_joined_by_small_words_is_read_whole_not_from_its_last_part(sentence, speaker):
    assert read_speaker(sentence, source()) == speaker


def test_a_line_of_words_that_may_be_particles_or_names_is_read_in_bounded_time():
    """Each capitalised particle ("Van") may be read as a particle or a name: a line of them
    must not be tried both ways at every place (a hostile source froze `coverage`)."""
    line = "Van " * 150 + "x said it."
    program = (
        "from bot.knowledge.guide import read_speaker\n"
        "from bot.knowledge.model import Source\n"
        f"source = Source('s', 't', 'Outlet', '2026-01', 'en', '2026-01-02', {line!r})\n"
        f"print(read_speaker({line!r}, source))"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, cwd=PROJECT
    )
    assert done.stdout.strip() == "Outlet"


def test_an_acronym_is_not_given_the_word_before_it_as_a_first_name():
    text = (
        "Dozens Of ROSA Staff Hurt As Storm Hits Capital\n"
        "Several of the Northern ROSA contingent were hurt, ROSA confirmed.\n"
        "“The staff are safe,” ROSA said.\n"
    )
    for sentence in text.splitlines()[1:]:
        assert read_speaker(sentence, source(text)) == "ROSA"


def test_a_sentence_with_no_word_end_within_the_quote_limit_suggests_no_quote():
    assert quote_of("x" * 1500 + " and then some words.") == ""


def test_a_long_sentence_is_suggested_cut_at_the_last_word_within_the_limit():
    sentence = "word " * 300 + "end."
    quote = quote_of(sentence)
    assert len(quote) <= 1000
    assert sentence.startswith(quote) and quote.endswith("word")


def test_a_quotation_running_on_after_the_sentence_naming_its_speaker_is_theirs():
    text = "“We won,” Marlow told the crowd. “It was hard. We go on.”\n"
    speakers = _speakers(text)
    assert speakers == ["Marlow", "Marlow", "Marlow"]


@pytest.mark.parametrize(
    "text",
    [
        "“We won,” Marlow said. “We lost the vote. We go on,” Reyes replied.\n",
        "“We won,” Marlow said. “We lost the vote. We go on,” the opposition leader said.\n",
        "“We won,” Marlow said. “We lost the vote. It was held on Sunday.\n",
        "“We won,” Marlow said. “The count was slow. The turnout was low. The rain went on. "
        "The night was long. The roads were closed. The vote still counts,” Reyes said.\n",
    ],
)
def test_a_quotation_whose_end_names_a_speaker_or_that_never_closes_is_not_run_on(text):
    speakers = _speakers(text)
    assert speakers[0] == "Marlow"
    assert "Marlow" not in speakers[1:3]


def test_a_quotation_run_on_after_she_said_is_the_words_of_whom_she_stands_for():
    text = (
        "Jane Marlow told reporters the vote was fair. “We won,” she said. "
        "“It was hard. We go on.”\n"
    )
    speakers = _speakers(text)
    assert speakers == ["Jane Marlow"] * 4


def test_a_quotation_after_the_outlets_own_reporting_stays_the_outlets():
    text = "The count went on overnight. “It was hard. We go on.”\n"
    speakers = _speakers(text)
    assert speakers == [OUTLET, OUTLET, OUTLET]


def test_the_word_ending_the_sentence_before_a_name_is_not_its_first_name():
    text = "The talks were held in Avalon. Marlow said they would go on. Ann J. Marlow spoke.\n"
    sentence = "Marlow said they would go on."
    assert read_speaker(sentence, source(text)) == "Ann J. Marlow"
