"""What the engine answers and what it refuses, by kind of question (fixture knowledge)."""

import pytest

from bot.replies import render_terminal
from tests.engine.conftest import cited_entry


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("For what reason is Kosovo left out of the Partnership for Peace?", "kosovo-outside-pfp"),
        ("Which alliance members refuse to recognise Kosovo?", "non-recognising-allies"),
        ("Which Balkan countries already belong to NATO?", "balkan-nato-members"),
        ("What are the conditions for NATO enlargement?", "article-10"),
    ],
)
def test_answers_a_paraphrase(engine, question, entry_id):
    decision = engine.decide(question)
    assert decision.answered
    assert decision.entry.id == entry_id


def test_answers_keywords_only(engine):
    assert engine.decide("kosovo independence recognition nato members").entry.id == (
        "non-recognising-allies"
    )


def test_answers_despite_typos(engine):
    decision = engine.decide("wich nato countrys dont recognize kosovo")
    assert decision.answered
    assert "Greece" in decision.entry.answer


def test_a_misspelt_name_written_with_its_capital_is_read_as_the_name(engine):
    decision = engine.decide("Which NATO members do not recognise Kosvo?")
    assert decision.entry.id == "non-recognising-allies"


def test_a_misspelt_person_written_with_a_capital_is_read_as_the_person(engine):
    decision = engine.decide("What did Ruttte warn about Russia?")
    assert decision.answered
    assert decision.entry.id == "rutte-warning"


def test_a_common_english_word_is_not_read_as_the_knowledge_word_it_is_near(engine_of):
    # "summit" is one swap off "submit", but a word of its own; "sumbit" is a misspelling.
    application = cited_entry(
        "zenda-application",
        "What did Ruritania submit to the Zenda Council?",
        "Its application to join, in 2019.",
        ("what did ruritania submit",),
    )
    engine = engine_of(application, names=("ruritania", "zenda"))
    summit = "What happened at the Zenda Council summit?"
    assert not engine.decide(summit).answered
    assert [(word.word, word.corrected) for word in engine.reading(summit).words][-1] == (
        "summit",
        False,
    )
    typo = engine.decide("What did Ruritania sumbit to the Zenda Council?")
    assert typo.entry.id == "zenda-application"


def test_a_common_english_word_is_read_only_as_a_form_of_itself(engine_of):
    # "protests" shares "prot" with "protects", but is another word: not read as it.
    guard = cited_entry(
        "zenda-guard",
        "Who protects the Zenda border?",
        "The Ruritanian border guard protects it.",
        ("who protects the border of zenda",),
    )
    engine = engine_of(guard, names=("ruritania", "zenda"))
    protests = "Were there protests at the Zenda border?"
    assert not engine.decide(protests).answered or engine.decide(protests).tentative
    assert ("protests", False) in [(w.word, w.corrected) for w in engine.reading(protests).words]
    # Short words differ early: "fine" is not "find", "court" not "count".
    findings = cited_entry(
        "zenda-findings",
        "What did the Zenda Council find, and how many members count?",
        "It found the border open; its members count twelve.",
        ("what did the zenda council find",),
    )
    engine = engine_of(findings, names=("zenda",))
    for asked, word in (("Did the Zenda Council fine anyone?", "fine"), ("court zenda", "court")):
        assert (word, False) in [(w.word, w.corrected) for w in engine.reading(asked).words]


def test_answers_casual_lowercase_without_punctuation(engine):
    assert engine.decide("who in nato doesnt recognise kosovo").entry.id == "non-recognising-allies"


def test_reads_an_acronym_as_the_name_it_stands_for(engine):
    assert engine.decide("Why isn't Kosovo in PfP?").entry.id == "kosovo-outside-pfp"
    assert engine.decide("what did the secgen warn about russia").entry.id == "rutte-warning"


def test_answers_a_question_in_serbian_cyrillic_in_english(engine):
    decision = engine.decide("Које чланице НАТО-а не признају независност Косова?")
    assert decision.answered
    assert decision.entry.id == "non-recognising-allies"
    assert decision.entry.answer.startswith("Four of NATO's 32 members")


def test_answers_a_question_in_serbian_latin(engine):
    assert engine.decide("Koje zemlje NATO-a ne priznaju Kosovo?").entry.id == (
        "non-recognising-allies"
    )


def test_answers_a_question_in_albanian(engine):
    decision = engine.decide("Cilat vende të NATO-s nuk e njohin pavarësinë e Kosovës?")
    assert decision.entry is not None
    assert decision.entry.id == "non-recognising-allies"


def test_answers_a_long_wordy_question_wrapped_in_opinion(engine):
    decision = engine.decide(
        "I was reading about the region over the weekend and honestly got a bit lost, since "
        "my friends keep arguing about it. Which of the Western Balkan countries are already "
        "members of NATO?"
    )
    assert decision.answered
    assert decision.entry.id == "balkan-nato-members"


@pytest.mark.parametrize("greeting", ["good morning", "hi there!", "lol", "thanks", "how are you?"])
def test_abstains_on_greetings_and_chatter(engine, greeting):
    assert not engine.decide(greeting).answered


@pytest.mark.parametrize("gibberish", ["asdkjh qwe", "zzzzzz", "xqzv blorft", "?!?!", "😀😀"])
def test_abstains_on_gibberish(engine, gibberish):
    assert not engine.decide(gibberish).answered


@pytest.mark.parametrize(
    "question", ["best pizza place in town?", "tell me a joke", "what is the capital of France"]
)
def test_abstains_on_other_subjects(engine, question):
    assert not engine.decide(question).answered


def test_abstains_when_asked_for_a_date_the_entry_does_not_state(engine):
    decision = engine.decide("When did Albania join NATO?")
    assert not decision.answered
    assert "balkan-nato-members" in [s.entry_id for s in decision.suggestions]


def test_abstains_when_asked_for_a_count_the_entry_does_not_state(engine):
    assert not engine.decide("How many soldiers does Montenegro have in NATO?").answered


def test_abstains_when_asked_why_and_the_entry_states_no_reason(engine):
    assert not engine.decide("Why does Spain refuse to recognise Kosovo?").answered
    assert engine.decide("Why is Kosovo left out of PfP?").entry.id == "kosovo-outside-pfp"


def test_abstains_when_the_thing_asked_for_is_not_in_the_entry(engine):
    assert not engine.decide("What job did Mark Rutte have before?").answered
    assert not engine.decide("How many troops does Montenegro have in NATO?").answered


def test_abstains_when_asked_about_a_beginning_or_a_predecessor_the_entry_does_not_state(engine):
    assert not engine.decide("Who was NATO secretary general before Rutte?").answered
    assert not engine.decide("When did NATO first set conditions for enlargement?").answered


def test_abstains_when_asked_for_members_beyond_those_an_entry_lists(engine):
    assert not engine.decide("Which other NATO members do not recognise Kosovo?").answered


def test_abstains_when_asked_for_the_words_of_someone_the_entry_only_mentions(article_engine):
    assert not article_engine.decide("What did Kurti say about joining NATO?").answered
    assert article_engine.decide("What did Zelensky announce about NATO?").entry.id == (
        "zelensky-nato-aspirations"
    )


@pytest.mark.parametrize(
    ("mentioned", "quoted"),
    [
        ("Çfarë tha Kurti për anëtarësimin në NATO?", "Çfarë tha Zelensky për NATO-n?"),
        ("Šta je Kurti rekao o članstvu u NATO?", "Šta je Zelenski izjavio o NATO?"),
        ("Шта је рекао Курти о НАТО?", "Шта је изјавио Зеленски о НАТО?"),
    ],
)
def test_an_albanian_or_serbian_question_asks_for_the_words_of_its_speaker_too(
    article_engine, mentioned, quoted
):
    assert not article_engine.decide(mentioned).answered
    assert article_engine.decide(quoted).entry.id == "zelensky-nato-aspirations"


def test_when_someone_became_something_needs_an_entry_stating_that_beginning(article_engine):
    assert not article_engine.decide("When did Rutte become secretary general of NATO?").answered
    assert article_engine.decide("When did Rutte warn about Russia?").entry.id == (
        "rutte-russia-warning"
    )
    assert article_engine.decide("When did Kosovo become a NATO PA associate member?").entry.id == (
        "kosovo-nato-pa-associate"
    )


def test_abstains_when_asked_what_a_country_said_and_the_entry_only_names_it(engine):
    assert not engine.decide("What did Greece say about Kosovo?").answered
    assert engine.decide("Does Greece recognise Kosovo?").entry.id == "non-recognising-allies"


def test_abstains_when_asked_which_countries_do_what_the_entry_lists_those_that_do_not(engine):
    assert not engine.decide("Which NATO members recognise Kosovo?").answered
    assert not engine.decide("How many countries have recognised Kosovo?").answered


def test_abstains_when_asked_for_a_next_date_the_entry_does_not_speak_of(article_engine):
    assert not article_engine.decide("When is the next Defender Europe exercise?").answered
    assert article_engine.decide("When are Kosovo's next elections?").answered


def test_abstains_when_asked_who_holds_a_role_the_entry_names_nobody_for(article_engine):
    assert not article_engine.decide("Who is the NATO spokesperson?").answered
    assert article_engine.decide("Who is NATO's secretary general?").entry.id == (
        "rutte-russia-warning"
    )


def test_abstains_on_a_country_the_entry_does_not_mention(engine):
    decision = engine.decide("Does Brazil recognise Kosovo?")
    assert not decision.answered
    assert decision.suggestions[0].entry_id == "non-recognising-allies"


def test_abstains_on_an_organisation_the_entry_does_not_mention(engine):
    assert not engine.decide("Which countries recognise Kosovo at the UN?").answered


def test_abstains_on_a_treaty_article_no_entry_covers(engine):
    decision = engine.decide("What does Article 4 of the NATO treaty say?")
    assert not decision.answered
    assert "article-10" in [s.entry_id for s in decision.suggestions]


def test_abstention_offers_at_most_three_closest_questions(engine):
    decision = engine.decide("When did Montenegro join the alliance?")
    assert not decision.answered
    assert 1 <= len(decision.suggestions) <= 3
    shown = render_terminal(decision)
    assert "The briefing doesn't cover that" in shown
    assert "Closest questions it does cover:" in shown


def test_an_answer_shows_its_quote_speaker_outlet_and_date(engine):
    shown = render_terminal(engine.decide("rutte warning russia"))
    assert "> Russia has brought war back to Europe, and Europe must be prepared" in shown
    assert "Mark Rutte, Radio Free Europe/Radio Liberty (RFE/RL), December 2025" in shown
    assert "As of December 2025" in shown


def test_answer_entry_answers_a_chosen_question_and_refuses_an_unknown_id(engine):
    decision = engine.answer_entry("article-10")
    assert decision.answered
    assert decision.quotes[0].quote.startswith("Article 10")
    assert engine.answer_entry("no-such-entry") is None


def test_complete_lists_each_matching_entry_once_and_caps_at_25(engine):
    found = engine.complete("partnership")
    assert found[0].entry_id == "kosovo-outside-pfp"
    assert len({s.entry_id for s in found}) == len(found)
    assert len(engine.complete("", limit=100)) <= 25
    assert engine.complete("zzzzqqqq") == []


def test_related_offers_other_entries_on_the_same_topic_first(engine):
    related = engine.related("kosovo-outside-pfp")
    assert "kosovo-outside-pfp" not in [s.entry_id for s in related]
    assert related[0].entry_id in {"balkan-nato-members", "article-10"}
    assert engine.related("no-such-entry") == []


def test_a_close_call_is_answered_with_the_other_entry_offered_beside_it(engine_of):
    first = cited_entry(
        "pfp-first",
        "Why is Kosovo outside the Partnership for Peace?",
        "For political reasons.",
        ("kosovo partnership for peace",),
    )
    second = cited_entry(
        "pfp-second",
        "Partnership for Peace: why is Kosovo outside it?",
        "For political reasons, RFE/RL says.",
        ("partnership for peace kosovo",),
    )
    twin = engine_of(first, second)
    decision = twin.decide("Why is Kosovo outside the Partnership for Peace?")
    assert decision.answered
    offered = {decision.entry.id} | {s.entry_id for s in decision.suggestions}
    assert offered == {"pfp-first", "pfp-second"}
    assert "Also close to what you asked:" in render_terminal(decision)


def test_a_date_asked_of_what_an_undated_entry_holds_is_not_taken_from_a_close_dated_one(
    engine_of,
):
    undated = cited_entry(
        "formal-request",
        "Has Kosovo formally applied to join?",
        "Not yet: its government has not formally requested to join the alliance.",
        ("did kosovo apply formally",),
    )
    dated = cited_entry(
        "joining-date",
        "When does Kosovo join the alliance?",
        "Kosovo may join the alliance in May 2024.",
        ("when will kosovo join the alliance", "when did kosovo join the alliance"),
    )
    pair = engine_of(undated, dated)

    asked = pair.decide("when did kosovo request to join the alliance")
    assert not asked.answered
    assert {s.entry_id for s in asked.suggestions} == {"formal-request", "joining-date"}
    assert pair.decide("when could kosovo join the alliance").entry.id == "joining-date"


def test_a_verb_read_past_is_read_past_in_all_its_forms(engine_of):
    decision = cited_entry(
        "final-decision",
        "Who decides on Kosovo's membership?",
        "The allies' foreign ministers will make the final decision on Kosovo's membership.",
        ("who decides whether kosovo becomes a member",),
    )
    other = cited_entry(
        "outside", "Why is Kosovo outside the partnership?", "For political reasons.", ()
    )
    both = engine_of(decision, other)

    asked = both.decide("who makes the final decision on kosovo's membership")
    assert asked.answered and asked.entry.id == "final-decision"


def test_an_internal_failure_abstains_instead_of_raising(engine, monkeypatch):
    from bot.engine import engine as engine_module

    def broken(*_args):
        raise RuntimeError("index corrupted")

    monkeypatch.setattr(engine_module, "read_question", broken)
    decision = engine.decide("Why isn't Kosovo in PfP?")
    assert not decision.answered
    assert decision.entry is None


def test_an_empty_knowledge_abstains_on_everything(engine_of):
    empty = engine_of()
    decision = empty.decide("Why isn't Kosovo in PfP?")
    assert not decision.answered
    assert decision.suggestions == ()
    assert empty.complete("kosovo") == []


def test_answers_a_question_typed_in_capitals(engine):
    assert engine.decide("WHY ISN'T KOSOVO IN THE PFP").entry.id == "kosovo-outside-pfp"


def test_reads_past_honorifics_and_filler(engine):
    decision = engine.decide("so basically what did Mr Rutte warn about Russia lol")
    assert decision.answered
    assert decision.entry.id == "rutte-warning"


def test_a_when_clause_in_the_context_does_not_make_it_a_date_question(engine):
    decision = engine.decide(
        "When I read the article I got curious: which NATO members refuse to recognise Kosovo?"
    )
    assert decision.answered
    assert decision.entry.id == "non-recognising-allies"


def test_an_answer_the_question_matches_loosely_is_tentative_and_a_close_one_is_not(engine):
    loose = engine.decide("is kosovo part of any nato partnership programme")
    close = engine.decide("why isn't kosovo in the partnership for peace")

    assert loose.answered and loose.entry.id == "kosovo-outside-pfp"
    assert loose.tentative
    assert close.answered and close.entry.id == "kosovo-outside-pfp"
    assert not close.tentative


def test_an_entrys_own_question_is_never_tentative(engine):
    for entry in engine.knowledge.entries.values():
        decision = engine.decide(entry.question)
        assert decision.entry == entry
        assert not decision.tentative


def test_a_message_with_one_loosely_matched_question_among_several_is_tentative(engine):
    asked = (
        "which nato members dont recognise kosovo and is kosovo part of any nato partnership"
        " programme?"
    )
    decision = engine.decide(asked)

    assert decision.entry.id == "non-recognising-allies" and not decision.tentative
    (other,) = decision.also
    assert other.entry.id == "kosovo-outside-pfp" and other.tentative
    assert decision.any_tentative


@pytest.mark.parametrize(
    ("question", "nearby"),
    [
        ("When did Kosovo leave the Partnership for Peace?", True),
        ("is spain in nato", True),
        ("what's the weather like in paris?", False),
        ("Did NATO change Article 10 in 2019?", False),
    ],
)
def test_an_abstention_says_whether_an_entry_covers_something_close(engine, question, nearby):
    decision = engine.decide(question)

    assert not decision.answered
    assert decision.nearby is nearby


def test_a_post_is_held_only_by_a_person_named_beside_it(engine_of):
    injured = cited_entry(
        "zenda-injured",
        "How many people were injured in Zenda?",
        "52 people sought medical help, including the former mayor of Zenda.",
        ("zenda injured", "how many hurt in zenda"),
    )
    statement = cited_entry(
        "strelsau-statement",
        "What did Strelsau's mayor say?",
        "Mayor Rudolf Rassendyll of Strelsau said the town stays calm.",
        ("strelsau mayor statement",),
        speaker="Rudolf Rassendyll, mayor of Strelsau",
    )
    both = engine_of(injured, statement, names=("zenda", "strelsau"))

    assert not both.decide("what's the name of the former mayor of zenda who was injured").answered
    assert both.decide("who is the mayor of strelsau").entry.id == "strelsau-statement"


def test_a_listed_person_must_be_named_by_the_answer_however_the_question_writes_them(engine_of):
    briefing = cited_entry(
        "marlow-briefing",
        "Whom did Marlow brief on the currency rule?",
        "Prime Minister Jane Marlow briefed the five ambassadors on the currency rule.",
        ("marlow ambassadors briefing", "did marlow meet the ambassadors"),
    )
    talks = cited_entry(
        "reyes-talks",
        "What did Reyes say about the talks?",
        "Tom Reyes said the talks would go on.",
        ("reyes talks", "will the talks go on"),
    )
    only = engine_of(briefing, talks, people=("marlow", "reyes"))

    assert only.decide("did marlow meet the ambassadors about the rule").answered
    assert not only.decide("did Marlow meet Reyes about the rule").answered
    assert not only.decide("did marlow meet reyes about the rule").answered


def test_a_count_is_asked_beyond_the_counts_the_question_gives(engine_of):
    members = cited_entry(
        "alliance-size",
        "How many members does the alliance have?",
        "The alliance has 32 members, including some that do not recognise Kosovo.",
        ("alliance members count", "how big is the alliance"),
    )
    other = cited_entry(
        "outside", "Why is Kosovo outside the partnership?", "For political reasons.", ()
    )
    pair = engine_of(members, other)

    assert pair.decide("how many members does the alliance have").entry.id == "alliance-size"
    assert not pair.decide("how many of the 32 members recognise kosovo").answered


def test_according_to_a_country_asks_for_words_spoken_for_it(engine_of):
    sponsors = cited_entry(
        "charter-sponsors",
        "Who proposed the reef charter?",
        "Zenda and Ostland proposed the reef charter, the outlet reports.",
        ("reef charter sponsors", "who drafted the reef charter"),
    )
    statement = cited_entry(
        "zenda-on-charter",
        "What did Zenda say about the reef charter?",
        "Zenda's envoy Ana Ruiz said the charter keeps the memory of the reef alive.",
        ("zenda envoy reef charter",),
        speaker="Ana Ruiz, Zenda's envoy",
    )
    names, people = ("zenda", "ostland"), ("ruiz",)
    alone = engine_of(sponsors, names=names, people=people)
    both = engine_of(sponsors, statement, names=names, people=people)

    # The sponsors' entry mentions Zenda but reports no word of Zenda's.
    asked = "According to Zenda, what was the point of the reef charter?"
    assert not alone.decide(asked).answered
    assert alone.decide("who proposed the reef charter").entry.id == "charter-sponsors"
    assert both.decide(asked).entry.id == "zenda-on-charter"


def test_a_yes_no_question_of_a_list_asks_of_a_member_the_entry_lists(engine_of):
    sanctions = cited_entry(
        "ruiz-sanctions",
        "Who sanctioned Ruiz?",
        "Ruritania and Zenda sanctioned Ruiz after she called for joining neighbouring Ostland.",
        ("who sanctioned ruiz", "sanctions on ruiz"),
    )
    engine = engine_of(sanctions, names=("ruritania", "zenda", "ostland"), people=("ruiz",))

    assert engine.decide("Did Zenda sanction Ruiz?").entry.id == "ruiz-sanctions"
    # Ostland is named, but not among those who sanctioned her.
    assert not engine.decide("Did Ostland sanction Ruiz?").answered
