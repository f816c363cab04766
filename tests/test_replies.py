import re
from dataclasses import replace

from bot import strings
from bot.engine.decision import Decision, SourcedQuote, Suggestion
from bot.knowledge.model import Citation, Entry
from bot.replies import quotes_check, render_discord, render_full_quotes, render_terminal

QUOTE = SourcedQuote(
    quote="Kosovo remains outside even this framework of cooperation",
    speaker="RFE/RL",
    outlet="Radio Free Europe/Radio Liberty (RFE/RL)",
    title="How Can Kosovo Leverage the Geopolitical Moment to Move Closer to NATO?",
    published="2025-12",
    url=None,
)
ENTRY = Entry(
    id="kosovo-outside-pfp",
    question="Why is Kosovo not part of NATO's Partnership for Peace?",
    answer="Kosovo remains outside the Partnership for Peace, for political reasons.",
    topic="Membership and partnerships",
    phrasings=(),
    citations=(Citation("rferl-2025-12-kosovo-nato", QUOTE.quote, "RFE/RL"),),
)
CLOSE_CALL = Suggestion("non-recognition-blocks-membership", "Why can't Kosovo join NATO?")
RELATED = [
    Suggestion("balkan-pfp-members", "Which Balkan countries are in the PfP?"),
    Suggestion("non-recognition-blocks-membership", "Why can't Kosovo join NATO?"),
    Suggestion("kosovo-outside-pfp", "Why is Kosovo not part of NATO's Partnership for Peace?"),
    Suggestion("balkan-nato-members", "Which Balkan countries are in NATO?"),
]


def answered(suggestions=(), tentative=False):
    return Decision(
        question="why isnt kosovo in nato or pfp",
        answered=True,
        score=0.8,
        entry=ENTRY,
        quotes=(QUOTE,),
        as_of="2025-12",
        suggestions=tuple(suggestions),
        tentative=tentative,
    )


def test_close_calls_come_before_related_questions_under_a_discord_answer():
    reply = render_discord(answered([CLOSE_CALL]), RELATED)

    entry_buttons = [b for b in reply.buttons if b.custom_id.startswith("briefing:entry:")]
    assert [b.custom_id for b in entry_buttons] == [
        "briefing:entry:non-recognition-blocks-membership",
        "briefing:entry:balkan-pfp-members",
        "briefing:entry:balkan-nato-members",
    ]


def test_terminal_shows_the_same_close_calls_as_discord():
    shown = render_terminal(answered([CLOSE_CALL]))
    assert strings.Reply.ALSO_CLOSE in shown
    assert "Why can't Kosovo join NATO?" in shown


def test_outlets_own_reporting_names_the_outlet_once():
    shown = render_terminal(answered())
    assert "— Radio Free Europe/Radio Liberty (RFE/RL), December 2025" in shown
    assert "RFE/RL, Radio Free Europe" not in shown


def shown_quoting(speaker: str, outlet: str) -> str:
    """The terminal reply to an answer citing one quote of `speaker` in `outlet`."""
    quoted = SourcedQuote(
        quote="Good news for Kosovo",
        speaker=speaker,
        outlet=outlet,
        title="EU to lift measures",
        published="2025-12-18",
        url=None,
    )
    decision = Decision(
        question="q", answered=True, score=0.8, entry=ENTRY, quotes=(quoted,), as_of=""
    )
    return render_terminal(decision)


def test_a_republished_report_names_its_outlet_once_however_the_speaker_writes_it():
    shown = shown_quoting("Daily Digest, reporting Reuters", "Daily Digest (Reuters)")
    assert "— Daily Digest (Reuters), 18 December 2025" in shown
    assert "Daily Digest, reporting Reuters, Daily Digest" not in shown


def test_a_speaker_whose_name_is_part_of_a_word_of_the_outlet_is_still_named():
    assert "— EU, Euronews, 18 December 2025" in shown_quoting("EU", "Euronews")


def test_terminal_abstention_without_suggestions_does_not_point_to_discord_commands():
    shown = render_terminal(Decision(question="lol", answered=False, score=0.0))
    assert strings.Reply.NOT_COVERED in shown
    assert "/topics" not in shown


def test_a_tentative_answer_is_introduced_as_the_closest_covered_question():
    shown = render_terminal(answered(tentative=True))
    reply = render_discord(answered(tentative=True))

    assert shown.startswith(f"{strings.Reply.TENTATIVE}\n{ENTRY.question}\n")
    assert reply.content == strings.Reply.TENTATIVE
    assert reply.embed["title"] == ENTRY.question


def test_a_sure_answer_is_not_hedged():
    assert strings.Reply.TENTATIVE not in render_terminal(answered())
    assert strings.Reply.TENTATIVE not in render_discord(answered()).content


def _as_discord_shows(text: str) -> str:
    """What Discord shows of escaped text: a backslash before a mark shows the mark."""
    return re.sub(r"\\([^A-Za-z0-9\s])", r"\1", text)


def _quoted(text: str, url: str | None = None) -> Decision:
    quote = replace(QUOTE, quote=text, url=url)
    return replace(answered(), quotes=(quote,))


MARKED_UP = (
    "The ||secret annex|| was **not** signed; ~~the old plan~~ and __init__ stay, "
    "[the ministry](http://example.org/x) said <t:1700000000:R> to <@123>, Kosovo`s army"
)


def test_a_quote_holding_discord_markup_is_shown_as_written():
    (field,) = render_discord(_quoted(MARKED_UP)).embed["fields"]
    quote_line = field["value"].splitlines()[0]
    assert _as_discord_shows(quote_line) == f"> {MARKED_UP}"
    unescaped_marks = re.findall(r"(?<!\\)[|*~_`<\[]", quote_line)
    assert unescaped_marks == []


def test_the_full_quotes_show_markup_as_written_and_keep_their_attribution():
    odd = replace(QUOTE, quote="a stray ` here", speaker="Jane `Doe`")
    (message,) = render_full_quotes(replace(answered(), quotes=(odd, QUOTE)))
    assert "a stray \\` here" in message
    assert "Jane \\`Doe\\`" in message


def test_a_quote_written_over_several_lines_is_shown_as_one_quote():
    text = "first point of the plan\n- second point\n> a remark"
    (field,) = render_discord(_quoted(text)).embed["fields"]
    quote_line, attribution_line = field["value"].splitlines()
    assert _as_discord_shows(quote_line) == "> first point of the plan - second point > a remark"
    assert attribution_line.startswith("— ")
    shown = render_terminal(_quoted(text))
    assert "  > first point of the plan - second point > a remark\n" in shown


def test_a_source_address_too_long_for_its_field_is_reachable_through_the_full_quotes():
    url = "https://example.org/" + "a" * 480
    decision = replace(answered(), quotes=tuple(replace(QUOTE, url=url) for _ in range(12)))
    reply = render_discord(decision)
    assert all(url not in field["value"] for field in reply.embed["fields"])
    assert any(b.custom_id.startswith("briefing:quotes:kosovo-outside-pfp:") for b in reply.buttons)
    assert all(url in message for message in render_full_quotes(decision))


def test_the_full_quotes_fingerprint_changes_with_what_they_show_not_the_title():
    retitled = replace(QUOTE, title="Another title")
    assert quotes_check([retitled]) == quotes_check([QUOTE])
    for changed in (
        replace(QUOTE, quote=QUOTE.quote + " today"),
        replace(QUOTE, speaker="Jane Doe"),
        replace(QUOTE, published="2025-11"),
        replace(QUOTE, url="https://example.org/report"),
    ):
        assert quotes_check([changed]) != quotes_check([QUOTE])
