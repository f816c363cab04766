"""Kinds of question the readers behind the checks must read by English, not by one subject.

A small knowledge of a made-up subject, built in a temporary folder: the checks on what a
question asks (a count of the noun "how many" stands before, a list of those that do, a
reason) must see what these entries state however their own questions are worded.
"""

import shutil
from itertools import pairwise
from pathlib import Path

import pytest

from bot import strings
from bot.engine import Engine, lexicon
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge, Vocabulary
from bot.replies import reading_lines
from tests.engine.conftest import FIXTURE_KNOWLEDGE, cited_entry

SOURCE_ID = "gazette-2024-01-travel"
SOURCE_TEXT = (
    "Holders of a Ruritanian passport could visit only 14 countries without a visa before 2024. "
    "From January, Ruritanians may stay in the Schengen area for 90 days in any 180-day period. "
    "The government has run a campaign to prevent citizens from abusing the visa exemption to "
    "look for work abroad. "
    "About one in every three citizens of Ruritania lives abroad. "
    "In 2012 the EU handed Ruritania the visa criteria it had to meet. "
    "Ruritania is not part of the Schengen area, and neither is its neighbour Freedonia. "
    "Most of those abroad emigrated in the 1990s. "
    "In the second phase of the rules, drivers who park at the border will be fined 150 euros. "
    "Anna Berg toured the border crossings on Monday. "
    "Interior minister Anna Berg said the rules would be enforced from the first day. "
    "A single ferry crossed the river to Freedonia on Monday. "
    "President Marco Vale met on Tuesday with the envoy Lena Holt. "
    "He said the talks had also covered the border. "
    "The old stone bridge, built in 1566, reopened to walkers at 9 a.m. on Monday. "
    "Three judges of the constitutional court upheld the parking rules on Friday. "
    "The harbour reopened on Sunday, said the mayor. Moss was not there. "
    "Ruritania was the last of its neighbours to open its border. "
    "The ministers met at a Border Safety Forum in Freedonia on Friday.\n"
)
SOURCE_YAML = f"""\
id: {SOURCE_ID}
title: "Ruritanians travel freely"
outlet: "The Gazette"
author: null
published: "2024-01"
url: null
language: en
added: "2026-12-01"
"""
ENTRIES = {
    "passport-before": (
        "How many countries could Ruritanian passport holders visit without a visa before 2024?",
        "Only 14, according to the list in The Gazette.",
        "Holders of a Ruritanian passport could visit only 14 countries without a visa before "
        "2024.",
    ),
    "schengen-stay": (
        "How long may Ruritanians stay in the Schengen area?",
        "For 90 days in any 180-day period.",
        "From January, Ruritanians may stay in the Schengen area for 90 days in any 180-day "
        "period.",
    ),
    "work-campaign": (
        "What has the government done to stop visa-free travel being used to find work?",
        "It has run a campaign against abusing the visa exemption to look for work abroad.",
        "The government has run a campaign to prevent citizens from abusing the visa exemption "
        "to look for work abroad.",
    ),
    "diaspora": (
        "How many of the citizens of Ruritania live abroad?",
        "About one in every three citizens of Ruritania.",
        "About one in every three citizens of Ruritania lives abroad.",
    ),
    "criteria": (
        "When did the EU hand Ruritania its visa criteria?",
        "In 2012.",
        "In 2012 the EU handed Ruritania the visa criteria it had to meet.",
    ),
    "outside-schengen": (
        "Is Ruritania in the Schengen area?",
        "No: Ruritania is not part of the Schengen area, nor is its neighbour Freedonia.",
        "Ruritania is not part of the Schengen area, and neither is its neighbour Freedonia.",
    ),
    "emigration": (
        "When did Ruritania's emigrants leave?",
        "Most of them in the 1990s.",
        "Most of those abroad emigrated in the 1990s.",
    ),
    "overstay-fine": (
        "What is the fine for parking at the border in the second phase of the rules?",
        "150 euros.",
        "In the second phase of the rules, drivers who park at the border will be fined 150 euros.",
    ),
    "berg-tour": (
        "Where did Anna Berg go on Monday?",
        "She toured the border crossings.",
        "Anna Berg toured the border crossings on Monday.",
    ),
    "berg-enforcement": (
        "Will the rules be enforced from the start?",
        "Yes, from the first day, said interior minister Anna Berg.",
        "Interior minister Anna Berg said the rules would be enforced from the first day.",
    ),
    "ferry-crossings": (
        "How many ferries crossed the river to Freedonia on Monday?",
        "A single ferry.",
        "A single ferry crossed the river to Freedonia on Monday.",
    ),
    "parking-ruling": (
        "Did the constitutional court uphold the parking rules?",
        "Yes: three of its judges upheld them on Friday.",
        "Three judges of the constitutional court upheld the parking rules on Friday.",
    ),
    "harbour-reopening": (
        "When did the harbour reopen?",
        "On Sunday, said the mayor. Moss was not there.",
        "The harbour reopened on Sunday, said the mayor.",
    ),
    "last-to-open": (
        "Was Ruritania the last of its neighbours to open its border?",
        "Yes: the last of its neighbours.",
        "Ruritania was the last of its neighbours to open its border.",
    ),
    "safety-forum": (
        "Where did the ministers meet on Friday?",
        "At a Border Safety Forum in Freedonia.",
        "The ministers met at a Border Safety Forum in Freedonia on Friday.",
    ),
    "stone-bridge": (
        "When did the old stone bridge reopen to walkers?",
        "At 9 a.m. on Monday, walkers could cross the old stone bridge. Ruritania built it "
        "in 1566.",
        "The old stone bridge, built in 1566, reopened to walkers at 9 a.m. on Monday.",
    ),
}


# An entry citing two quotes: the first ends on someone who never speaks, the second opens
# on "He said" of the one who does.
MEETING = f"""\
id: envoy-meeting
question: "Whom did President Marco Vale meet on Tuesday?"
topic: "Travel"
answer: "The envoy Lena Holt; the talks also covered the border."
citations:
  - source: {SOURCE_ID}
    quote: "President Marco Vale met on Tuesday with the envoy Lena Holt"
    speaker: "The Gazette"
  - source: {SOURCE_ID}
    quote: "He said the talks had also covered the border"
    speaker: "Marco Vale, president"
"""


# Phrasings of some entries, in members' words.
PHRASINGS = {
    "outside-schengen": ["why is ruritania not in the schengen area"],
    "berg-tour": ["anna berg border crossings", "anna berg monday"],
}


# Who speaks in some entries' quotes (the outlet, in the others).
SPEAKERS = {"berg-enforcement": "Anna Berg", "parking-ruling": "Ruritania's Constitutional Court"}


def _entry_yaml(entry_id: str, question: str, answer: str, quote: str) -> str:
    phrasings = "".join(f'\n  - "{p}"' for p in PHRASINGS.get(entry_id, [])) or " []"
    speaker = SPEAKERS.get(entry_id, "The Gazette")
    return (
        f'id: {entry_id}\nquestion: "{question}"\ntopic: "Travel"\nanswer: "{answer}"\n'
        f"phrasings:{phrasings}\n"
        f'citations:\n  - source: {SOURCE_ID}\n    quote: "{quote}"\n'
        f'    speaker: "{speaker}"\n'
    )


@pytest.fixture(scope="module")
def travel_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    root: Path = tmp_path_factory.mktemp("travel")
    for folder in ("entries", "sources"):
        (root / folder).mkdir()
    # The fixture's general language (its thesaurus and names), with the new subject's names.
    shutil.copytree(FIXTURE_KNOWLEDGE / "vocabulary", root / "vocabulary")
    (root / "vocabulary" / "travel.yaml").write_text(
        "names: [ruritania, ruritanian, schengen, freedonia]\npeople: [vale, holt, moss]\n"
    )
    (root / "sources" / f"{SOURCE_ID}.yaml").write_text(SOURCE_YAML)
    (root / "sources" / f"{SOURCE_ID}.txt").write_text(SOURCE_TEXT)
    for entry_id, (question, answer, quote) in ENTRIES.items():
        text = _entry_yaml(entry_id, question, answer, quote)
        (root / "entries" / f"{entry_id}.yaml").write_text(text)
    (root / "entries" / "envoy-meeting.yaml").write_text(MEETING)
    result = load_knowledge(root)
    assert result.knowledge is not None, result.problems
    return Engine(result.knowledge)


# An entry on something else, beside the entries a test is about: a knowledge of one entry
# would answer anything near it.
ZENDA_BRIDGE = cited_entry(
    "zenda-bridge", "When did the Zenda bridge reopen?", "In 2019.", ("zenda bridge reopened",)
)


def test_a_deed_done_without_something_still_lists_those_that_do_it(travel_engine):
    decision = travel_engine.decide(
        "How many countries could Ruritanian passport holders visit visa-free back then?"
    )
    assert decision.answered
    assert decision.entry.id == "passport-before"


def test_a_count_is_of_the_noun_how_many_stands_before_not_of_the_subject(travel_engine):
    decision = travel_engine.decide("how many days can ruritanian citizens stay in schengen")
    assert decision.answered
    assert decision.entry.id == "schengen-stay"


def test_a_count_asked_is_written_beside_what_it_counts(engine_of):
    # "on three occasions" counts no countries, though the entry names countries too.
    exercises = cited_entry(
        "zenda-exercises",
        "Has Ruritania taken part in the Zenda exercises?",
        "Yes. Ruritania has taken part in the Zenda exercises on three occasions, as other "
        "countries have.",
        ("did ruritania take part in the zenda exercises", "ruritania zenda exercises countries"),
    )
    drill = cited_entry(
        "strelsau-drill",
        "Which countries joined the Strelsau drill?",
        "Twelve countries joined the Strelsau drill, Ruritania among them.",
        ("strelsau drill countries",),
    )
    engine = engine_of(exercises, drill, names=("ruritania", "zenda", "strelsau"))
    uncounted = "How many countries took part in the Zenda exercises?"
    assert not engine.decide(uncounted).answered
    # A moderator whose phrasing asks so is told what to write.
    assert engine.refusal(uncounted, "zenda-exercises") == "count"
    asked = engine.decide("How many countries took part in the Strelsau drill?")
    assert asked.entry.id == "strelsau-drill"


def test_those_who_did_something_are_counted_as_people(engine_of):
    # "how many attackers" of "these persons, at least 30": doers are counted as people.
    attackers = cited_entry(
        "zenda-attackers",
        "Who attacked the Zenda patrol?",
        "Uniformed gunmen attacked it; the minister said these persons, at least 30, were "
        "professionals.",
        ("who attacked the zenda patrol", "zenda patrol attackers"),
    )
    engine = engine_of(attackers, ZENDA_BRIDGE, names=("zenda",))
    asked = engine.decide("How many attackers were there at the Zenda patrol?")
    assert asked.entry.id == "zenda-attackers"


def test_a_person_s_other_name_is_not_someone_else_holding_the_post_asked(engine_of):
    # "Rupert Hentzau became prime minister" does not say who held the post before Hentzau.
    premier = cited_entry(
        "who-is-hentzau",
        "Who is Rupert Hentzau?",
        "Rupert Hentzau became Ruritania's prime minister in May 2020, after years as mayor "
        "of Zenda.",
        ("who is hentzau", "hentzau prime minister"),
    )
    engine = engine_of(
        premier, ZENDA_BRIDGE, names=("ruritania", "zenda"), people=("rupert", "hentzau")
    )
    before = "Who was Ruritania's prime minister before Hentzau took office in May 2020?"
    assert not engine.decide(before).answered
    asked = engine.decide("Who became Ruritania's prime minister in May 2020?")
    assert asked.entry.id == "who-is-hentzau"


def test_what_figure_asks_for_a_number_not_for_the_word_figure(engine_of):
    bridge = cited_entry(
        "zenda-bridge-cost",
        "How much will the Zenda bridge cost?",
        "The minister put the cost of the Zenda bridge at 40 million euros.",
        ("zenda bridge cost", "price of the zenda bridge"),
    )
    road = cited_entry(
        "strelsau-road",
        "What did the minister say about the Strelsau road?",
        "She said the Strelsau road would be rebuilt after the winter.",
        ("strelsau road minister",),
    )
    engine = engine_of(bridge, road, names=("zenda", "strelsau"))
    figure = engine.decide("What figure did the minister give for the Zenda bridge?")
    assert figure.entry.id == "zenda-bridge-cost"
    assert not engine.decide("What figure did the minister give for the Strelsau road?").answered


def test_a_noun_naming_a_class_is_answered_by_a_member_of_it(engine_of):
    # "What document" is answered by "a letter of intent", which never says "document".
    letter = cited_entry(
        "strelsau-letter",
        "What did the carmakers sign in Strelsau?",
        "The carmakers signed a letter of intent in Strelsau to invest in the battery plant.",
        ("carmakers strelsau letter of intent",),
    )
    engine = engine_of(letter, ZENDA_BRIDGE, names=("strelsau", "zenda"))
    asked = engine.decide("What document did the carmakers sign in Strelsau?")
    assert asked.entry.id == "strelsau-letter"
    # A noun naming one thing is still what the entry must state.
    assert not engine.decide("What treaty did the carmakers sign in Strelsau?").answered


def test_citizens_residents_and_locals_count_one_another_but_not_those_who_acted(engine_of):
    clinic = cited_entry(
        "zenda-clinic",
        "How many people needed medical help after the Zenda clashes?",
        "The clinic's director said 52 citizens needed medical help after the Zenda clashes.",
        ("zenda clashes injured", "medical help after the zenda clashes"),
    )
    engine = engine_of(clinic, ZENDA_BRIDGE, names=("zenda",))
    locals_ = engine.decide("How many locals needed medical help after the Zenda clashes?")
    assert locals_.entry.id == "zenda-clinic"
    assert not engine.decide(
        "How many soldiers needed medical help after the Zenda clashes?"
    ).answered


def test_an_irregular_past_after_what_is_counted_is_a_deed_not_part_of_it(engine_of):
    # "sought" is what the soldiers did: a number beside "sought" counts no soldiers.
    clinic = cited_entry(
        "zenda-clinic",
        "How many people sought medical help after the Zenda clashes?",
        "The clinic's director said 52 citizens sought medical help after the Zenda clashes.",
        ("zenda clashes injured",),
    )
    engine = engine_of(clinic, ZENDA_BRIDGE, names=("zenda",))
    assert not engine.decide(
        "How many soldiers sought medical help after the Zenda clashes?"
    ).answered
    assert "fled" not in engine.lexicon.read("how many soldiers fled the town").counted


def test_the_names_of_people_are_answered_only_by_an_entry_naming_someone(engine_of):
    zenda = cited_entry(
        "zenda-arrests",
        "Did the police arrest anyone after the Zenda clashes?",
        "Yes. The police arrested five people after the Zenda clashes.",
        ("zenda clashes arrests", "how many people were arrested in zenda"),
    )
    strelsau = cited_entry(
        "strelsau-arrests",
        "Who was arrested in Strelsau?",
        "The police arrested Rupert Hentzau and two other men in Strelsau.",
        ("strelsau arrests",),
    )
    engine = engine_of(zenda, strelsau, names=("zenda", "strelsau"), people=("rupert", "hentzau"))
    assert not engine.decide(
        "What are the names of the five people the police arrested in Zenda?"
    ).answered
    named = engine.decide("What are the names of the men the police arrested in Strelsau?")
    assert named.entry.id == "strelsau-arrests"


def test_which_several_things_asks_for_them_by_name_not_for_their_count(engine_of):
    before = cited_entry(
        "visa-free-before",
        "How many countries could Ruritanians visit without a visa before 2024?",
        "Only 14 countries, with a Ruritanian passport.",
        ("ruritanian passport visa free countries",),
    )
    partners = cited_entry(
        "partners",
        "Which countries should Ruritania work with?",
        "Zenda and Strelsau, two of its neighbours.",
        ("ruritania partners",),
    )
    engine = engine_of(before, partners, names=("ruritania", "ruritanian", "zenda", "strelsau"))
    assert not engine.decide(
        "Which 14 countries could Ruritanians visit without a visa before 2024?"
    ).answered
    assert engine.decide("Which two countries should Ruritania work with?").entry.id == "partners"


def test_who_was_elected_to_a_post_needs_an_entry_naming_its_holder(engine_of):
    blocked = cited_entry(
        "zenda-blockade",
        "Why was the Zenda assembly blocked?",
        "The Zenda assembly failed for months to elect a speaker, and new elections were called.",
        ("zenda assembly blockade",),
    )
    elected = cited_entry(
        "strelsau-speaker",
        "Who leads the Strelsau assembly?",
        "Rupert Hentzau was elected speaker of the Strelsau assembly in May.",
        ("strelsau assembly leader",),
    )
    engine = engine_of(blocked, elected, names=("zenda", "strelsau"), people=("rupert", "hentzau"))
    assert not engine.decide("Who was eventually elected speaker of the Zenda assembly?").answered
    asked = engine.decide("Who was elected speaker of the Strelsau assembly?")
    assert asked.entry.id == "strelsau-speaker"


def test_a_count_of_the_dead_is_not_held_to_the_word_dead(engine_of):
    toll = cited_entry(
        "zenda-toll",
        "How many people died in the Zenda attack?",
        "Two police officers were killed, and three gunmen were later found dead in Zenda.",
        ("zenda attack deaths", "how many were killed in the zenda attack"),
    )
    engine = engine_of(toll, ZENDA_BRIDGE, names=("zenda",))
    assert engine.decide("how many dead in the zenda attack").entry.id == "zenda-toll"


def test_a_count_of_people_named_is_not_held_to_their_name(travel_engine):
    # "one in every three citizens of Ruritania" counts Ruritanians without the word.
    decision = travel_engine.decide("How many Ruritanians live abroad?")
    assert decision.entry.id == "diaspora"


def test_a_deed_done_to_prevent_something_states_the_reason_asked_for(travel_engine):
    decision = travel_engine.decide(
        "Why did the government run a campaign about the visa exemption?"
    )
    assert decision.answered
    assert decision.entry.id == "work-campaign"


def test_without_right_after_those_listed_still_lists_those_that_do_not(travel_engine):
    lexicon = travel_engine.lexicon
    assert lexicon.is_negative("Which countries without an embassy recognise it?")
    assert not lexicon.is_negative("Which countries can they visit without a visa?")


@pytest.mark.parametrize("part", ["share", "portion", "percentage"])
def test_a_share_is_asked_of_the_noun_after_of(travel_engine, part):
    decision = travel_engine.decide(f"What {part} of Ruritania's citizens live abroad?")
    assert decision.answered
    assert decision.entry.id == "diaspora"


def test_a_light_verb_is_not_read_as_a_deed_the_entry_must_state(travel_engine):
    decision = travel_engine.decide(
        "In which year did the EU give Ruritania its list of visa criteria?"
    )
    assert decision.answered
    assert decision.entry.id == "criteria"


def test_who_holds_a_role_of_a_body_needs_the_role_not_only_the_body(travel_engine):
    decision = travel_engine.decide("Who is the governor of the Schengen area?")
    assert not decision.answered


def test_how_long_needs_an_entry_stating_a_span_or_its_dates(travel_engine):
    stay = travel_engine.decide("For how long can Ruritanians stay in the Schengen area?")
    assert stay.answered
    assert stay.entry.id == "schengen-stay"
    campaign = travel_engine.decide(
        "How long did the government's campaign against abusing the visa exemption run?"
    )
    assert not campaign.answered


def test_a_word_in_ing_after_what_and_an_article_names_the_thing_asked(travel_engine):
    assert not travel_engine.decide("What are the opening hours of the Schengen area?").answered
    verb = travel_engine.decide("what's stopping ruritanians from staying in schengen longer")
    assert verb.answered
    assert verb.entry.id == "schengen-stay"


def test_a_yes_no_question_is_answered_only_by_an_entry_asking_it_of_the_same_subject(
    travel_engine,
):
    asked = travel_engine.decide("Is Ruritania in the Schengen area?")
    assert asked.entry.id == "outside-schengen"
    assert not travel_engine.decide("Is Freedonia in the Schengen area?").answered


@pytest.mark.parametrize(
    "question",
    [
        "Is Ruritania not in the Schengen area?",
        "Has Ruritania never been in the Schengen area?",
        "Will Ruritania join the Schengen area?",
    ],
)
def test_a_yes_no_question_asking_the_opposite_or_the_future_of_a_yes_no_entry_is_hedged(
    travel_engine, question
):
    decision = travel_engine.decide(question)
    assert decision.entry.id == "outside-schengen"
    assert decision.tentative


def test_a_word_read_as_a_known_word_with_another_prefix_is_hedged(travel_engine):
    decision = travel_engine.decide("Will the rules be unenforced from the start?")
    assert decision.entry.id == "berg-enforcement"
    assert decision.tentative


def test_a_yes_no_question_asked_as_its_entry_asks_it_is_not_hedged(travel_engine):
    assert not travel_engine.decide("Is Ruritania in the Schengen area?").tentative
    assert not travel_engine.decide("Will the rules be enforced from day one?").tentative


def test_a_decade_is_a_date(travel_engine):
    decision = travel_engine.decide("When did most Ruritanian emigrants leave?")
    assert decision.answered
    assert decision.entry.id == "emigration"


def test_what_year_needs_an_entry_stating_a_year_not_only_a_day(travel_engine):
    decision = travel_engine.decide("In what year did the EU hand Ruritania its visa criteria?")
    assert decision.entry.id == "criteria"
    assert travel_engine.decide("what year did most ruritanian emigrants leave").answered


def test_an_ordinal_is_a_number_the_entry_must_state(travel_engine):
    stated = travel_engine.decide("What is the fine in the second phase of the rules?")
    assert stated.answered
    assert stated.entry.id == "overstay-fine"
    assert not travel_engine.decide("What is the fine in the third phase of the rules?").answered


def test_who_a_person_is_is_answered_only_by_an_entry_saying_what_they_are(travel_engine):
    decision = travel_engine.decide("who is anna berg")
    assert decision.entry is None or decision.entry.id == "berg-enforcement"
    assert travel_engine.decide("where did anna berg go on monday").entry.id == "berg-tour"


def test_what_post_a_person_holds_is_asked_as_who_they_are(travel_engine):
    for question in ("What position does Marco Vale hold?", "what was marco vale's job"):
        decision = travel_engine.decide(question)
        assert decision.answered, question
        assert decision.entry.id == "envoy-meeting"
    assert not travel_engine.decide("What job did Marco Vale have before?").answered
    toured = travel_engine.decide("What post does Anna Berg hold?")
    assert toured.entry is None or toured.entry.id == "berg-enforcement"


def test_what_reason_asks_why_and_names_nothing_the_entry_must_write(travel_engine):
    decision = travel_engine.decide("What reason did the government give for its campaign?")
    assert decision.answered
    assert decision.entry.id == "work-campaign"


def test_what_size_of_something_asks_for_that_thing(travel_engine):
    decision = travel_engine.decide("What size of fine do drivers who park at the border face?")
    assert decision.answered
    assert decision.entry.id == "overstay-fine"


def test_the_name_of_something_is_a_name_standing_beside_it(travel_engine):
    named = travel_engine.decide(
        "What is the name of the area Ruritanians may stay in for 90 days?"
    )
    assert named.answered
    assert named.entry.id == "schengen-stay"
    unnamed = travel_engine.decide(
        "What is the name of the ferry that crossed the river to Freedonia?"
    )
    assert not unnamed.answered


def test_a_name_opening_the_next_sentence_names_nothing_before_it(travel_engine):
    decision = travel_engine.decide(
        "What is the name of the old stone bridge that reopened on Monday?"
    )
    assert not decision.answered
    assert decision.suggestions[0].entry_id == "stone-bridge"


def test_a_person_opening_the_next_sentence_holds_no_post_named_before(travel_engine):
    decision = travel_engine.decide("Who is the mayor who said the harbour reopened on Sunday?")
    assert not decision.answered
    assert decision.suggestions[0].entry_id == "harbour-reopening"


def test_a_yes_to_the_opposite_of_what_is_asked_is_not_given(travel_engine):
    """Its "Yes" is to "the last": asked "the first", the entry is offered, not answered."""
    own = travel_engine.decide("Was Ruritania the last of its neighbours to open its border?")
    assert own.answered
    opposite = travel_engine.decide("Was Ruritania the first of its neighbours to open its border?")
    assert not opposite.answered
    assert opposite.suggestions[0].entry_id == "last-to-open"


def test_which_holders_of_a_post_needs_them_named(travel_engine):
    counted = travel_engine.decide("How many judges upheld the parking rules?")
    assert counted.answered
    assert counted.entry.id == "parking-ruling"
    # The court quoted is a body: its words name no judge.
    assert not travel_engine.decide("Which judges upheld the parking rules?").answered
    named = travel_engine.decide("Which official met the envoy Lena Holt on Tuesday?")
    assert named.answered
    assert named.entry.id == "envoy-meeting"


def test_a_single_thing_is_a_count(travel_engine):
    decision = travel_engine.decide("how many ferries went across the river to freedonia monday")
    assert decision.answered
    assert decision.entry.id == "ferry-crossings"


def test_someone_named_at_the_end_of_one_quote_is_not_who_speaks_in_the_next(travel_engine):
    met = travel_engine.decide("What did envoy Lena Holt say on Tuesday?")
    spoke = travel_engine.decide("What did Marco Vale say about the talks?")
    assert not met.answered
    assert spoke.answered
    assert spoke.entry.id == "envoy-meeting"


def test_how_old_needs_an_entry_stating_an_age_or_a_beginning(travel_engine):
    bridge = travel_engine.decide("How old is the old stone bridge?")
    assert bridge.answered
    assert bridge.entry.id == "stone-bridge"
    assert not travel_engine.decide("How old is interior minister Anna Berg?").answered
    assert not travel_engine.decide("Sa vjeç është ministrja Anna Berg?").answered


def test_what_time_needs_an_entry_stating_a_time_of_day(travel_engine):
    bridge = travel_engine.decide("What time did the old stone bridge reopen to walkers?")
    assert bridge.answered
    assert bridge.entry.id == "stone-bridge"
    assert not travel_engine.decide(
        "At what time did Anna Berg tour the border crossings?"
    ).answered


def test_a_long_yes_no_question_must_be_accounted_for_as_a_short_one(travel_engine):
    stated = travel_engine.decide(
        "Did the government run a campaign to prevent citizens from abusing the visa exemption?"
    )
    assert stated.answered
    assert stated.entry.id == "work-campaign"
    assert not travel_engine.decide(
        "Did the government's campaign against abusing the visa exemption lead to any arrests"
        " of citizens working abroad?"
    ).answered


def test_a_lowercase_word_joined_to_a_name_by_a_hyphen_is_no_name(travel_engine):
    decision = travel_engine.decide("When did the EU hand Ruritania its EU-set visa criteria?")
    assert decision.answered
    assert decision.entry.id == "criteria"


def test_whose_words_are_asked_is_read_past_a_title_and_a_full_name(travel_engine):
    spoke = travel_engine.decide("What did the elected president Marco Vale say about the talks?")
    assert spoke.answered
    assert spoke.entry.id == "envoy-meeting"
    assert not travel_engine.decide(
        "What did special envoy Lena Holt say about the talks with President Marco Vale?"
    ).answered


def test_the_role_asked_ends_where_what_its_holder_does_begins(travel_engine):
    assert not travel_engine.decide(
        "Who is the ambassador leading the talks with President Marco Vale?"
    ).answered
    envoy = travel_engine.decide("Who is the envoy leading the talks with President Marco Vale?")
    assert envoy.entry.id == "envoy-meeting"


def test_what_is_asked_may_be_a_noun_qualified_by_the_word_before_it(travel_engine):
    decision = travel_engine.decide(
        "Which government minister said the rules would be enforced from the first day?"
    )
    assert decision.answered
    assert decision.entry.id == "berg-enforcement"
    assert not travel_engine.decide("Which government agency enforces the rules?").answered


def test_an_adverb_is_not_what_a_question_asks_for(travel_engine):
    decision = travel_engine.decide("On which day did Vale personally welcome envoy Lena Holt?")
    assert decision.answered
    assert decision.entry.id == "envoy-meeting"


def test_a_misspelt_stopword_is_not_what_a_question_asks_for(travel_engine):
    decision = travel_engine.decide("how much mony is the fine for parking at the border")
    assert decision.answered
    assert decision.entry.id == "overstay-fine"
    # "rights" is a form of the stopword "right", not a misspelling: still what is asked.
    rights = travel_engine.decide("What rights do Ruritanians have in the Schengen area?")
    assert not rights.answered


@pytest.mark.parametrize(
    ("asked", "entry_id"),
    [
        ("what happend at the harbour", "harbour-reopening"),
        ("What happend to the old stone bridge?", "stone-bridge"),
        ("what hapened with the parking rules", "parking-ruling"),
    ],
)
def test_a_misspelt_happened_asks_for_nothing_in_particular(travel_engine, asked, entry_id):
    # "happend" is read as "happen": a stopword, as "happened" is, not a thing asked for.
    assert travel_engine.decide(asked).entry.id == entry_id


def test_by_what_date_and_by_when_ask_for_a_date(travel_engine):
    dated = travel_engine.decide("By what date had the EU handed Ruritania its visa criteria?")
    assert dated.answered
    assert dated.entry.id == "criteria"
    assert not travel_engine.decide(
        "By what date will drivers who park at the border be fined in the second phase?"
    ).answered
    assert not travel_engine.decide(
        "By when will drivers parking at the border be fined in the second phase of the rules?"
    ).answered


@pytest.fixture(scope="module")
def two_subjects_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The fixture's knowledge, whose vocabulary makes NATO a topic, with the travel source."""
    root: Path = tmp_path_factory.mktemp("two") / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, root)
    (root / "sources" / f"{SOURCE_ID}.yaml").write_text(SOURCE_YAML)
    (root / "sources" / f"{SOURCE_ID}.txt").write_text(SOURCE_TEXT)
    for entry_id, (question, answer, quote) in ENTRIES.items():
        text = _entry_yaml(entry_id, question, answer, quote)
        (root / "entries" / f"{entry_id}.yaml").write_text(text)
    result = load_knowledge(root)
    assert result.knowledge is not None, result.problems
    return Engine(result.knowledge)


@pytest.mark.parametrize("asked", ["nato border fine", "did nato reopen the stone bridge"])
def test_a_topic_the_entrys_sources_never_mention_is_a_name_it_does_not_mention(
    two_subjects_engine, asked
):
    # A topic is what every entry is about, but the travel source never mentions NATO.
    assert not two_subjects_engine.decide(asked).answered
    assert two_subjects_engine.decide(asked.replace("nato ", "")).answered
    assert two_subjects_engine.decide("why isnt kosovo in nato's pfp").answered


# A real day one: what a moderator wrote for three reports on one verdict (25 entries).
DAY_ONE = Path(__file__).parent / "dayone" / "dodik-verdict" / "added"


@pytest.fixture(scope="module")
def verdict_engine() -> Engine:
    result = load_knowledge(DAY_ONE)
    assert result.knowledge is not None, result.problems
    return Engine(result.knowledge)


@pytest.mark.parametrize(
    ("asked", "entry_id"),
    [
        ("Will Milorad Dodik appeal?", "dodik-verdict-appeal"),
        ("Did Milorad Dodik attend court?", "dodik-absent-from-court"),
        ("Which law did Milorad Dodik sign?", "dodik-law-on-publication"),
    ],
)
def test_a_given_name_the_sources_write_before_the_surname_need_not_be_in_the_entry(
    verdict_engine, asked, entry_id
):
    # Those entries write the surname only; the sources write the name in full.
    assert verdict_engine.decide(asked).entry.id == entry_id
    assert not verdict_engine.decide(asked.replace("Milorad", "Viktor")).answered


def test_who_holds_a_post_is_not_answered_by_the_person_the_question_names(verdict_engine):
    # "Prosecutors argued that Dodik..." names no prosecutor, only the man they accused.
    assert not verdict_engine.decide("Who was the prosecutor in the Dodik case?").answered
    judge = verdict_engine.decide("Who was the judge in the Dodik case?")
    assert judge.entry.id == "dodik-verdict-judge"


def test_what_year_is_not_answered_by_a_day_and_month(verdict_engine):
    # The law's entry says "on 21 June", never the year.
    when = verdict_engine.decide("When did the Republika Srpska parliament adopt the law?")
    assert when.entry.id == "dodik-law-on-publication"
    assert not verdict_engine.decide(
        "What year did the Republika Srpska parliament adopt the law?"
    ).answered


def test_who_holds_a_post_of_a_person_the_question_names_needs_that_holder(verdict_engine):
    # "The leader and his lawyers weren't at the court" names no lawyer.
    assert not verdict_engine.decide("Who was Dodik's lawyer?").answered
    assert verdict_engine.lexicon.read("who was dodik's lawyer").roles == ("lawyer",)
    assert verdict_engine.decide("Who is Milorad Dodik?").entry.id == "who-is-milorad-dodik"


def test_who_holds_a_post_of_a_body_is_not_answered_by_the_holder_of_that_post_elsewhere(
    engine, engine_of
):
    reaction = cited_entry(
        "zenda-reaction",
        "How did Zenda react to the vote in the Assembly of Nations?",
        "Zenda's President Ana Ruiz said the decision was unfair and called on members to"
        " reject the vote in the Assembly of Nations.",
        ("zenda reaction to the assembly of nations vote", "what did zenda's president say"),
    )
    others = engine.knowledge.entries.values()
    engine = engine_of(reaction, *others, names=("zenda",), people=("ana", "ruiz"))
    # She is Zenda's president: who presides over the Assembly the entry does not say.
    assert not engine.decide("Who was President of the Assembly of Nations?").answered
    assert not engine.decide("who was the president of the assembly of nations").answered
    assert engine.decide("Who is the president of Zenda?").entry.id == "zenda-reaction"


@pytest.mark.parametrize(
    "asked",
    [
        "In which month did the EU hand Ruritania its visa criteria?",
        "what month in 2012 did the eu give ruritania the visa criteria",
        "When in 2012 did the EU hand Ruritania its visa criteria?",
        "When did the EU hand Ruritania its visa criteria in 2012?",
    ],
)
def test_a_date_finer_than_the_entry_states_is_not_answered_by_its_year(travel_engine, asked):
    # The entry's only date is "In 2012": it gives neither the month nor anything the
    # question does not already say.
    assert travel_engine.decide("When did the EU hand Ruritania its visa criteria?").answered
    assert travel_engine.decide(
        "In what year did the EU hand Ruritania its visa criteria?"
    ).answered
    assert not travel_engine.decide(asked).answered


def test_the_name_of_a_thing_is_a_name_written_right_beside_it_or_its_own_capital(
    travel_engine,
):
    # "A single ferry crossed the river to Freedonia": Freedonia is not the river's name.
    assert not travel_engine.decide("What was the name of the river the ferry crossed?").answered
    assert not travel_engine.decide(
        "What was the name of the river where the ferry crossed on Monday?"
    ).answered
    # "a Border Safety Forum": the forum's own words, written with capitals, are its name.
    named = travel_engine.decide("What was the name of the forum where the ministers met?")
    assert named.entry.id == "safety-forum"


def test_the_name_of_someone_known_by_a_deed_is_not_the_name_of_that_deed(engine_of):
    # "the attacker the police arrested": the role ends where the clause after it starts,
    # and "attacker" is not "attack", though the two share a stem.
    arrests = cited_entry(
        "zenda-arrests",
        "Were any of the Zenda attackers arrested?",
        "Yes. Zenda police said at least one attacker had been arrested after the Zenda attack.",
        ("zenda attackers arrested", "did the police arrest anyone after the zenda attack"),
    )
    leader = cited_entry(
        "zenda-leader",
        "Who led the Zenda attack?",
        "The Zenda attack was led by the attacker Rupert Hentzau, police said.",
        ("who led the zenda attack",),
    )
    engine = engine_of(arrests, leader, names=("zenda",), people=("rupert", "hentzau"))
    assert not engine.decide("What's the name of the attacker the police arrested?").answered
    named = engine.decide("What was the name of the attacker who led the Zenda attack?")
    assert named.entry.id == "zenda-leader"


def test_the_name_of_someone_a_named_person_met_is_asked_of_that_someone(engine_of):
    # "the boss Rupert met": the role ends where the person starting the clause is named.
    unnamed = cited_entry(
        "mine-visit",
        "Did Rupert Hentzau visit the Zenda mine?",
        "Yes. Rupert Hentzau met the boss of the Zenda mine on Monday.",
        ("did rupert hentzau visit the zenda mine", "rupert hentzau zenda mine boss"),
    )
    named = cited_entry(
        "port-visit",
        "Did Rupert Hentzau visit the Strelsau port?",
        "Yes. Rupert Hentzau met the port boss Flavia Elphberg in Strelsau.",
        ("did rupert hentzau visit the strelsau port",),
    )
    engine = engine_of(
        unnamed,
        named,
        names=("zenda", "strelsau"),
        people=("rupert", "hentzau", "flavia", "elphberg"),
    )
    assert not engine.decide("What is the name of the Zenda mine boss Rupert met?").answered
    asked = engine.decide("What is the name of the Strelsau port boss Rupert met?")
    assert asked.entry.id == "port-visit"


@pytest.mark.parametrize(
    "asked",
    [
        "names of the judges who upheld the parking rules",
        "What are the names of the judges who upheld the parking rules?",
    ],
)
def test_the_names_of_people_asked_for_need_an_entry_naming_them(travel_engine, asked):
    # "Three judges of the constitutional court upheld the parking rules": none is named.
    assert not travel_engine.decide(asked).answered
    named = travel_engine.decide("what are the names of the envoys Vale met on Tuesday")
    assert named.entry.id == "envoy-meeting"


def test_the_words_of_a_post_are_those_of_the_speaker_the_entry_gives_that_post(engine_of):
    # The speaker field names only the person; the answer says which post she holds.
    promise = cited_entry(
        "doe-promise",
        "What did Jane Doe promise the border towns of Ruritania?",
        "Interior Minister Jane Doe promised the border towns of Ruritania a new crossing.",
        ("jane doe ruritania border towns promise",),
        speaker="Jane Doe",
    )
    engine = engine_of(promise, names=("ruritania",), people=("jane", "doe"))
    asked = "what did the interior minister say to the border towns of ruritania"
    assert engine.decide(asked).entry.id == "doe-promise"
    assert not engine.decide(asked.replace("interior minister", "president")).answered


def test_a_count_of_a_day_the_question_names_is_stated_with_that_day(engine_of):
    # The entry counts Sunday's march; of Tuesday's it gives only the day.
    marches = cited_entry(
        "zenda-marches",
        "How many people marched in Zenda?",
        "Hundreds marched in Zenda on Sunday. The opposition called another march for Tuesday.",
        ("zenda march protest people", "how many protested in zenda"),
    )
    engine = engine_of(marches, ZENDA_BRIDGE, names=("zenda",))
    assert engine.decide("how many people marched in zenda on sunday").entry.id == "zenda-marches"
    assert engine.decide("how many people marched in zenda").entry.id == "zenda-marches"
    assert not engine.decide("how many people marched in zenda on tuesday").answered


def test_explaining_a_yes_no_question_asked_in_the_negative_says_why_it_is_hedged(travel_engine):
    # "Is Ruritania in the Schengen area?" is the entry's question; its "No" to the
    # negative question would read as "it is".
    asked = "Is Ruritania not in the Schengen area?"
    assert travel_engine.decide(asked).tentative
    assert strings.Explain.OPPOSITE in reading_lines(travel_engine.reading(asked))
    own = travel_engine.reading("Is Ruritania in the Schengen area?")
    assert strings.Explain.OPPOSITE not in reading_lines(own)


def test_a_day_of_the_week_is_a_date(travel_engine):
    # "A single ferry crossed the river to Freedonia on Monday."
    assert travel_engine.decide("When did the ferry cross the river?").entry.id == (
        "ferry-crossings"
    )


@pytest.mark.parametrize(
    "asked",
    [
        "On what date did the EU hand Ruritania its visa criteria?",
        "On which exact date did the EU hand Ruritania its visa criteria?",
        "what day did the eu hand ruritania the visa criteria",
        "What is the exact date the EU handed Ruritania its visa criteria?",
        "What was the date of the EU handing Ruritania its visa criteria?",
    ],
)
def test_the_date_or_day_asked_needs_a_day_not_only_a_year(travel_engine, asked):
    # "In 2012 the EU handed Ruritania the visa criteria": a year, no day.
    assert not travel_engine.decide(asked).answered
    in_year = travel_engine.decide("In which year did the EU hand Ruritania its visa criteria?")
    assert in_year.entry.id == "criteria"
    assert travel_engine.decide("On what day did the harbour reopen?").entry.id == (
        "harbour-reopening"
    )


def test_a_count_question_with_may_or_march_as_words_names_no_day(engine_of, travel_engine):
    # "may" and "march" are words as well as months: no month is named here.
    assert travel_engine.decide(
        "How many days may Ruritanians stay in the Schengen area?"
    ).entry.id == ("schengen-stay")
    marches = cited_entry(
        "zenda-marches",
        "How many people marched in Zenda?",
        "Hundreds marched in Zenda on Sunday.",
        ("zenda march protest people",),
    )
    engine = engine_of(marches, ZENDA_BRIDGE, names=("zenda",))
    assert engine.decide("how many people joined the march in zenda").entry.id == "zenda-marches"


@pytest.mark.parametrize(
    "written",
    [
        "on 17th February 2025",
        "on February 17th, 2025",
        "on the 17th of February 2025",
        "on 2025-02-17",
        "on New Year's Day",
    ],
)
def test_a_day_written_as_an_ordinal_in_digits_or_as_a_feast_is_a_day(engine_of, written):
    reopened = cited_entry(
        "zenda-bridge",
        "When did the Zenda bridge reopen?",
        f"The Zenda bridge reopened to traffic {written}.",
        ("zenda bridge reopened",),
    )
    other = cited_entry(
        "zenda-marches", "How many people marched in Zenda?", "Hundreds.", ("zenda march",)
    )
    engine = engine_of(reopened, other, names=("zenda",))
    assert engine.decide("On what date did the Zenda bridge reopen?").entry.id == "zenda-bridge"


def test_a_day_to_day_role_or_a_deadline_asks_for_no_day(travel_engine):
    # "By which exact date": a deadline, which the entry's year may give.
    deadline = "By which exact date had the EU handed Ruritania its visa criteria?"
    assert travel_engine.decide(deadline).entry.id == "criteria"
    assert travel_engine.reading("What day-to-day role does Anna Berg play?").kind is None


@pytest.mark.parametrize(
    "asked", ["Kog datuma je EU predala kriterijume?", "Në cilën datë ia dha BE kriteret?"]
)
def test_which_date_in_serbian_or_albanian_asks_for_a_date(travel_engine, asked):
    reading = travel_engine.reading(asked)
    assert reading.kind == lexicon.WHEN
    # The words asking it ("kog datuma", "cilen date") are no words an entry must write.
    assert {"kog", "datuma", "cilen", "date"}.isdisjoint(w.word for w in reading.words)


def test_or_not_at_the_end_of_a_yes_no_question_asks_nothing_opposite(travel_engine):
    decision = travel_engine.decide("Is Ruritania in the Schengen area or not?")
    assert decision.entry.id == "outside-schengen"
    assert not decision.tentative


@pytest.mark.parametrize("reopened", ["on 3rd May", "on May 3rd"])
def test_an_ordinal_day_before_its_month_names_the_day_and_the_month(engine_of, reopened):
    marches = cited_entry(
        "zenda-marches",
        "How many people marched in Zenda?",
        "Hundreds marched in Zenda on 3rd March.",
        ("zenda march protest people",),
    )
    bridge = cited_entry(
        "zenda-bridge",
        "When did the Zenda bridge reopen?",
        f"The Zenda bridge reopened {reopened}.",
        ("zenda bridge reopened",),
    )
    engine = engine_of(marches, bridge, names=("zenda",))
    counted = engine.decide("How many people marched in Zenda on 3rd March?")
    assert counted.entry.id == "zenda-marches"
    in_month = engine.decide("In which month did the Zenda bridge reopen?")
    assert in_month.entry.id == "zenda-bridge"


@pytest.mark.parametrize(
    "asked",
    [
        "Is Ruritania in Schengen or not?",
        "Is Ruritania in Schengen or not yet?",
        "Whether Ruritania is in Schengen or not?",
        "Ruritania ne Schengen apo jo?",
        "Is Ruritania, which borders Freedonia, in Schengen or not?",
        "Is Ruritania in Schengen or not? Thanks",
    ],
)
def test_or_not_is_read_past_unless_the_question_asks_which_ones(travel_engine, asked):
    assert not {"or not", "apo jo"} & {
        " ".join(pair) for pair in pairwise(travel_engine.reading(asked).read_as.split())
    }


@pytest.mark.parametrize(
    "asked",
    [
        "Which neighbours opened their border or not?",
        "So which neighbours opened their border or not?",
        "Did Ruritania hesitate or not open its border?",
    ],
)
def test_or_not_is_kept_where_the_question_asks_which_ones_or_it_negates(travel_engine, asked):
    assert "or not" in travel_engine.reading(asked).read_as


def test_a_day_named_by_its_feast_is_a_word_to_match_not_the_date_asked(travel_engine):
    # "Dan nezavisnosti" (Independence Day): "dan" names it; "kog dana" only asks the date.
    named = [w.word for w in travel_engine.reading("Kada je Dan nezavisnosti?").words]
    assert "dan" in named
    asked = [w.word for w in travel_engine.reading("Kog dana je otvoren most?").words]
    assert not {"kog", "dana"} & set(asked)
    for feast in (
        "Koji je Dan nezavisnosti?",
        "kada je dan nezavisnosti",
        "Dan nezavisnosti, kada?",
    ):
        assert "dan" in [w.word for w in travel_engine.reading(feast).words]
    days = [w.word for w in travel_engine.reading("Kada su dobili 90 dana?").words]
    assert "dana" in days


def test_a_yes_no_question_naming_a_year_needs_the_year_stated_of_its_names(engine_of, engine):
    # The entry dates the neighbours' opening to 2009 and names Zenda only in the next
    # sentence: it does not say that Zenda opened in 2009.
    neighbours = cited_entry(
        "neighbours-opened",
        "When did Ruritania's neighbours open their borders?",
        "Freedonia and Graustark opened their borders in 2009. Zenda was the last to open its own.",
        ("when did the neighbours open their borders", "freedonia graustark borders 2009"),
    )
    engine = engine_of(neighbours, names=("freedonia", "graustark", "zenda"))
    assert engine.decide("Did Freedonia open its borders in 2009?").entry.id == (
        "neighbours-opened"
    )
    assert not engine.decide("Did Zenda open its borders in 2009?").answered
    # Two names joined by "and" are two; a misspelt name is a name all the same.
    assert not engine.decide("Did Freedonia and Zenda open their borders in 2009?").answered
    assert not engine.decide("Did Zendaa open its borders in 2009?").answered
    # Names as the index reads them (a plural is its singular), a name of two words as one.
    ports = cited_entry(
        "ports-opened",
        "When did the Freedonian ports open?",
        "The Freedonian ports opened to Zenda's ships in 2011. Saint Zenda is its full name.",
        ("freedonian ports opened",),
    )
    names = Vocabulary(names=("freedonian", "saint", "zenda"), aliases={"sz": "saint zenda"})
    sources = engine.knowledge.sources
    knowledge = Knowledge(entries={ports.id: ports}, sources=sources, vocabulary={"n": names})
    engine = Engine(knowledge)
    assert engine.decide("Did the Freedonians open their ports in 2011?").entry.id == (
        "ports-opened"
    )
    # A name the vocabulary writes in full is one name, stated when one of its words is.
    assert engine.decide("Did the Freedonian ports open to SZ in 2011?").entry.id == (
        "ports-opened"
    )


def test_when_it_first_became_what_it_moved_on_from_is_not_the_date_of_the_move(engine_of):
    # "From observer to member" dates the move to member: when it first became an observer
    # it does not say.
    council = cited_entry(
        "zenda-council-status",
        "What is Ruritania's status in the Zenda Council?",
        "In 2019 Ruritania moved up in the Zenda Council from observer to full member.",
        ("ruritania zenda council member 2019", "is ruritania an observer in the zenda council"),
    )
    engine = engine_of(council, names=("ruritania", "zenda"))
    asked = "When did Ruritania become a member of the Zenda Council?"
    assert engine.decide(asked).entry.id == "zenda-council-status"
    assert not engine.decide(
        "When did Ruritania first become an observer in the Zenda Council?"
    ).answered
    # "Became" and "from <year> to <year>" do date a beginning.
    joined = cited_entry(
        "zenda-council-joined",
        "When did Ruritania join the Zenda Council?",
        "Ruritania became a member of the Zenda Council in 2019.",
        ("ruritania zenda council member",),
    )
    engine = engine_of(joined, names=("ruritania", "zenda"))
    asked = "When did Ruritania first become a member of the Zenda Council?"
    assert engine.decide(asked).entry.id == "zenda-council-joined"


def test_where_asks_for_a_place_the_question_does_not_give(travel_engine):
    # "On Sunday, said the mayor": no place; "Three judges ... upheld the parking rules on
    # Friday": none either; the diaspora entry names only Ruritania, the question's own.
    for asked in (
        "Where did the harbour reopen?",
        "Where did the constitutional court uphold the parking rules?",
        "Where do most Ruritanians abroad live?",
    ):
        assert not travel_engine.decide(asked).answered
        assert travel_engine.reading(asked).kind == lexicon.WHERE
    # A place named, or an entry asked where (its answer is the place).
    assert travel_engine.decide("Where did the ministers meet on Friday?").entry.id == (
        "safety-forum"
    )
    assert travel_engine.decide("Where did Anna Berg go on Monday?").entry.id == "berg-tour"
    # Where someone stands, or a text is from or was published, asks no place; nor does a
    # "where" clause inside a yes/no question.
    for asked in (
        "Where does Ruritania stand on Schengen?",
        "where is this report from?",
        "Where was the report published?",
        "Is Ruritania, where Anna Berg toured, in the Schengen area?",
    ):
        assert travel_engine.reading(asked).kind is None


def test_where_is_not_answered_by_the_outlet_an_entry_cites(engine_of):
    # The fixture's quote names only Kosovo, the question's own place.
    ferry = cited_entry(
        "kosovo-ferry",
        "When did the Kosovo ferry resume?",
        "On Monday, as Gazette Daily reports.",
        ("kosovo ferry resumed",),
        speaker="Gazette Daily",
    )
    engine = engine_of(ferry, names=("kosovo", "gazette"))
    assert engine.decide("When did the Kosovo ferry resume?").entry.id == "kosovo-ferry"
    assert not engine.decide("Where did the Kosovo ferry resume?").answered


def test_the_filler_of_chat_in_the_three_languages_is_read_past(engine_of):
    # "uopšte" (at all), "tog" (that), "brate" (bro), "pra" (so): no word of the subject.
    mine = cited_entry(
        "strelsau-mine-opponents",
        "Who opposes the Strelsau mine?",
        "Farmers and environmental groups oppose the lithium mine near Strelsau.",
        (
            "ko je protiv rudnika u Strelsau",
            "ko je protiv rudnika litijuma",
            "kush eshte kunder minieres ne Strelsau",
            "kush eshte kunder minieres se litiumit",
        ),
    )
    engine = engine_of(mine, ZENDA_BRIDGE, names=("strelsau", "zenda"))
    for asked in (
        "ko je uopšte protiv tog rudnika u Strelsau",
        "brate ko je protiv rudnika u Strelsau",
        "pra kush eshte kunder minieres ne Strelsau",
        "whats the deal with the Strelsau mine opponents",
    ):
        assert engine.decide(asked).entry.id == "strelsau-mine-opponents", asked
