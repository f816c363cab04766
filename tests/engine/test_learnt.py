"""What the engine learns from the knowledge's own texts, without a vocabulary file."""

from dataclasses import replace

from bot.engine import Engine
from bot.engine.learnt import (
    capitalised_names,
    defined_acronyms,
    initialisms,
    learnt_vocabulary,
    lone_capitalised,
    speaker_name,
)
from bot.knowledge.model import Citation, Entry, Knowledge, Source, Vocabulary

SOURCE_TEXT = (
    "The Democratic Party of Ruritania (DPR) won the vote in Strelsau. Its rival, "
    "Vetëvendosje (Self-Determination, VV), came second. Observers from Zenda said the "
    "count was fair.\n"
)


def knowledge(vocabulary: dict[str, Vocabulary] | None = None) -> Knowledge:
    source = Source(
        id="demo-vote",
        title="The vote",
        outlet="Demo Outlet",
        published="2026-01",
        language="en",
        added="2026-01-02",
        text=SOURCE_TEXT,
    )
    entry = Entry(
        id="vote-winner",
        question="Who won the vote in Ruritania?",
        answer="The Democratic Party of Ruritania won the vote, Rudolf Rassendyll said.",
        topic="The vote",
        phrasings=("which party won the vote",),
        citations=(
            Citation(
                "demo-vote",
                "The Democratic Party of Ruritania (DPR) won the vote",
                "Rudolf Rassendyll, observer",
            ),
        ),
    )
    return Knowledge(
        entries={entry.id: entry}, sources={source.id: source}, vocabulary=vocabulary or {}
    )


def test_an_acronym_a_source_defines_is_read_as_its_name():
    assert defined_acronyms(SOURCE_TEXT) == [
        ("dpr", "democratic party of ruritania"),
        ("self determination", "vetevendosje"),
        ("vv", "vetevendosje"),
    ]


def test_a_month_or_a_day_is_no_name():
    text = "The vote, held on Sunday in Zenda, was certified in March."
    assert capitalised_names([text]) == ("zenda",)


def test_a_word_opening_a_line_after_a_crosshead_is_no_name():
    text = "Awaiting membership\n\nApproximately one in three lives in Zenda."
    assert capitalised_names([text]) == ("zenda",)


def test_only_the_capitalised_part_of_a_hyphenated_word_is_a_name():
    assert lone_capitalised("the Zenda-led force and a Strelsau-backed group") == (
        "zenda",
        "strelsau",
    )


def test_a_bracket_whose_capitals_do_not_spell_the_name_before_it_defines_nothing():
    # "KFOR" after "force in Zenda" would read every "kfor" as Zenda; "(AFP)" after a list
    # of countries, or a country in brackets after a person's name, is no acronym of them.
    assert defined_acronyms("the peacekeeping force in Zenda (ZFOR) said") == []
    assert defined_acronyms("five: Strelsau and Ruritania (AFP)") == []
    assert defined_acronyms("rapporteur Rudolf Rassendyll (Zenda, EPP/CD)") == []
    assert defined_acronyms("the Zenda Force (ZFOR)") == [("zfor", "zenda force")]


def test_a_name_abbreviated_in_another_languages_word_order_is_learnt():
    """ "Democratic League of Ruritania (LDR)": the party's own language puts "league" first."""
    assert defined_acronyms("the Democratic League of Ruritania (LDR) won 18 percent") == [
        ("ldr", "democratic league of ruritania")
    ]
    assert defined_acronyms("the Zenda Security Force (FSZ)") == [("fsz", "zenda security force")]


def test_a_question_with_the_acronym_reaches_the_entry_that_writes_the_name():
    engine = Engine(knowledge())
    assert engine.lexicon.apply_aliases("did the dpr win") == (
        "did the democratic party of ruritania win"
    )
    assert engine.decide("Did the DPR win the vote?").entry.id == "vote-winner"


def test_the_initials_of_a_name_of_several_words_are_read_as_that_name():
    text = (
        "Leaders met at the Zenda Strategic Forum. The UN General Assembly voted, and Anna "
        "von der Berg spoke. Ruritania's Prime Minister left."
    )
    assert initialisms([text]) == {
        "zsf": "zenda strategic forum",
        "unga": "un general assembly",
        "avdb": "anna von der berg",
        "pm": "prime minister",
    }


def test_initials_two_names_share_or_that_spell_a_word_are_not_read_as_a_name():
    text = "The Zenda Strategic Forum met. Zita Stein Fox spoke. Ursula Smith came to Strelsau."
    # "ZSF" could be either name; "us" is a word.
    assert initialisms([text]) == {}


def test_a_run_of_capitalised_words_longer_than_a_name_gives_no_initials():
    title = "Zenda Votes For A New Road And A New Bridge Over The River Today"
    assert initialisms([title + ".", "Zenda Road Works began."]) == {"zrw": "zenda road works"}


def test_a_question_with_the_initials_reaches_the_entry_that_writes_the_name():
    source_text = SOURCE_TEXT + "Rudolf Rassendyll later spoke at the Strelsau Press Club.\n"
    base = knowledge()
    source = replace(base.sources["demo-vote"], text=source_text)
    entry = Entry(
        id="press-club",
        question="Where did Rassendyll speak later?",
        answer="At the Strelsau Press Club.",
        topic="The vote",
        phrasings=("rassendyll strelsau press club",),
        citations=(Citation("demo-vote", "later spoke at the Strelsau Press Club", "Demo"),),
    )
    engine = Engine(
        replace(base, sources={source.id: source}, entries={**base.entries, entry.id: entry})
    )
    assert engine.decide("What did Rassendyll do at the SPC?").entry.id == "press-club"


def test_a_speaker_is_a_person_a_question_may_ask_to_quote():
    engine = Engine(knowledge())
    assert {"rudolf", "rassendyll"} <= engine.lexicon.people
    assert engine.lexicon.read("What did Rassendyll say?").people == {"rassendyll"}


def test_an_outlet_cited_for_its_own_reporting_is_no_person():
    demo = knowledge()
    (entry,) = demo.entries.values()
    own = Citation("demo-vote", "Observers from Zenda said the count was fair", "Demo Outlet")
    entry = replace(entry, citations=(*entry.citations, own))
    people = Engine(replace(demo, entries={entry.id: entry})).lexicon.people
    assert {"rudolf", "rassendyll"} <= people
    assert not {"demo", "outlet"} & people


def test_only_a_name_of_capitalised_words_is_a_speaker():
    assert speaker_name("Rudolf Rassendyll, observer (to Demo)") == ["rudolf", "rassendyll"]
    assert speaker_name("DEMO/AP") == []
    assert speaker_name("Demo spokesperson") == []


def test_a_role_before_a_speakers_name_is_not_part_of_it_and_a_role_alone_names_no_one():
    assert speaker_name("Prime Minister Rudolf Rassendyll") == ["rudolf", "rassendyll"]
    assert speaker_name("Zenda's Defense Minister") == []


def test_an_entry_quoting_a_minister_by_role_alone_does_not_say_who_the_minister_is():
    demo = knowledge()
    (entry,) = demo.entries.values()
    quoted = Citation(
        "demo-vote", "Observers from Zenda said the count was fair", "Zenda's Defense Minister"
    )
    entry = replace(
        entry, citations=(quoted,), phrasings=("what did zenda's defense minister say",)
    )
    engine = Engine(replace(demo, entries={entry.id: entry}))

    assert engine.decide("What did Zenda's defense minister say about the vote?").answered
    assert not engine.decide("What is the name of the defense minister of Zenda?").answered
    assert not engine.decide("who is the defense minister of zenda").answered


def test_a_slavic_name_spelt_the_albanian_way_is_the_person():
    demo = knowledge()
    (entry,) = demo.entries.values()
    quoted = Citation(
        "demo-vote",
        "The Democratic Party of Ruritania (DPR) won the vote",
        "Dragoš Đurić, observer",
    )
    entry = replace(
        entry,
        citations=(quoted,),
        answer="The Democratic Party of Ruritania won the vote, Dragoš Đurić said.",
    )
    engine = Engine(replace(demo, entries={entry.id: entry}))

    decision = engine.decide("What did Dragosh Gjuriq say about the vote?")
    assert decision.answered
    assert decision.entry.id == "vote-winner"


def test_a_body_quoted_is_no_person():
    assert speaker_name("Zenda Electoral Court") == []
    assert speaker_name("Zenda's Electoral Commission") == []
    assert speaker_name("Rudolf Rassendyll, Zenda Court") == ["rudolf", "rassendyll"]


def test_the_particles_of_a_speakers_name_are_read_past():
    assert speaker_name("Anna van der Berg, commissioner") == ["anna", "berg"]


def test_a_word_a_source_writes_alone_with_a_capital_is_a_name():
    learnt = learnt_vocabulary(knowledge())
    assert "zenda" in learnt.names
    assert "observers" not in learnt.names  # a capital that opens a sentence says nothing
    engine = Engine(knowledge())
    assert "zenda" in engine.lexicon.written_names


def test_the_vocabulary_files_win_over_what_is_learnt():
    files = {"places": Vocabulary(aliases={"dpr": "democratic party"})}
    engine = Engine(knowledge(files))
    assert engine.lexicon.apply_aliases("dpr") == "democratic party"
