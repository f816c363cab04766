"""The `/kb` rules that need no Discord: who may write, and how form text becomes an entry."""

from bot.discord.kb._access import Access, ModeratorRoles, access
from bot.discord.kb._forms import (
    entry_data,
    form_from_entry,
    new_entry_id,
    parse_citations,
)
from bot.discord.kb._render import lines_within, problems_text, warned
from bot.knowledge.model import Citation, Entry
from bot.knowledge.problems import Problem
from bot.ops.settings import Settings
from bot.strings import Check, Kb

EDIT_GUILD = 700000000000000100
ROLE = 700000000000000500
SETTINGS = Settings(edit_guild_ids=(EDIT_GUILD,), moderator_role_ids=(ROLE,))


def test_manage_server_in_an_edit_guild_may_write():
    assert access(SETTINGS, EDIT_GUILD, True, []) is Access.ALLOWED


def test_a_moderator_role_given_by_id_may_write():
    assert access(SETTINGS, EDIT_GUILD, False, [EDIT_GUILD, ROLE]) is Access.ALLOWED


def test_a_member_without_permission_or_role_may_not_write():
    assert access(SETTINGS, EDIT_GUILD, False, [ROLE + 1]) is Access.NOT_ALLOWED


def test_a_role_given_by_name_counts_only_as_the_one_role_of_that_exact_name_at_start():
    settings = Settings(edit_guild_ids=(EDIT_GUILD,), moderator_role_names=("Briefing Editors",))
    roles = ModeratorRoles(settings)
    roles.resolve(EDIT_GUILD, [(ROLE, "Briefing Editors"), (ROLE + 1, "briefing editors")])
    roles.resolve(EDIT_GUILD, [(ROLE + 2, "Briefing Editors")])

    assert access(settings, EDIT_GUILD, False, [ROLE], roles) is Access.ALLOWED
    assert access(settings, EDIT_GUILD, False, [ROLE + 1], roles) is Access.NOT_ALLOWED
    assert access(settings, EDIT_GUILD, False, [ROLE + 2], roles) is Access.NOT_ALLOWED


def test_a_role_name_shared_by_two_roles_gives_neither_access():
    settings = Settings(edit_guild_ids=(EDIT_GUILD,), moderator_role_names=("Editors",))
    roles = ModeratorRoles(settings)
    roles.resolve(EDIT_GUILD, [(ROLE, "Editors"), (ROLE + 1, "Editors")])

    assert access(settings, EDIT_GUILD, False, [ROLE], roles) is Access.NOT_ALLOWED


def test_no_one_writes_from_a_guild_not_listed_for_edits_nor_from_direct_messages():
    assert access(SETTINGS, 700000000000000101, True, [ROLE]) is Access.NOT_HERE
    assert access(SETTINGS, None, True, []) is Access.NOT_HERE
    assert access(Settings(), EDIT_GUILD, True, []) is Access.NOT_HERE


ENTRY = Entry(
    id="kosovo-outside-pfp",
    question="Why is Kosovo not part of NATO's Partnership for Peace?",
    answer="Kosovo is the only Western Balkan country outside the Partnership for Peace.",
    topic="Membership and partnerships",
    phrasings=("why isn't kosovo in pfp", "kosovo partnership for peace"),
    citations=(
        Citation("rferl-2025-12-kosovo-nato", "Kosovo remains outside", "RFE/RL"),
        Citation("other-source", "A second quote", "Jamie Shea"),
    ),
)


def test_an_entry_prefilled_in_the_form_and_submitted_unchanged_is_the_same_entry():
    data = entry_data(form_from_entry(ENTRY), ENTRY.id)
    assert data == {
        "id": ENTRY.id,
        "question": ENTRY.question,
        "topic": ENTRY.topic,
        "answer": ENTRY.answer,
        "phrasings": list(ENTRY.phrasings),
        "citations": [
            {
                "source": "rferl-2025-12-kosovo-nato",
                "speaker": "RFE/RL",
                "quote": "Kosovo remains outside",
            },
            {"source": "other-source", "speaker": "Jamie Shea", "quote": "A second quote"},
        ],
    }


def test_a_quote_wrapped_over_lines_is_read_as_one_quote():
    text = "source: s1\nspeaker: RFE/RL\nquote: Kosovo remains\n  outside even this framework"
    assert parse_citations(text) == [
        {"source": "s1", "speaker": "RFE/RL", "quote": "Kosovo remains outside even this framework"}
    ]


def test_a_repeated_key_starts_the_next_citation_and_a_missing_key_stays_missing():
    text = "source: s1\nquote: one\nsource: s2\nQuote: two\nspeaker: X"
    assert parse_citations(text) == [
        {"source": "s1", "quote": "one"},
        {"source": "s2", "quote": "two", "speaker": "X"},
    ]


def test_text_pasted_without_keys_is_kept_as_a_quote():
    assert parse_citations("Kosovo remains outside") == [{"quote": "Kosovo remains outside"}]


def test_a_new_id_is_made_from_the_question_and_never_taken():
    assert new_entry_id("What is KFOR’s role in Kosovo?", []) == "what-is-kfors-role-in-kosovo"
    assert new_entry_id("Šta je KFOR?", ["sta-je-kfor"]) == "sta-je-kfor-2"
    assert new_entry_id("?", []) == "entry"
    assert len(new_entry_id("word " * 40, [])) <= 48


def test_a_long_report_keeps_whole_lines_within_the_limit_and_says_how_many_are_left():
    text = lines_within("Header", [f"line {n} " + "x" * 90 for n in range(100)], limit=500)
    assert len(text) <= 500
    assert text.endswith("more)")
    assert text.splitlines()[1].startswith("line 0 ")


def test_a_capped_report_counts_the_lines_it_was_not_given_with_those_it_cut():
    lines = [f"line {n} " + "x" * 90 for n in range(10)]

    whole = lines_within("Header", lines[:3], left_out=7)
    cut = lines_within("Header", lines, limit=500, left_out=98)

    assert whole.splitlines() == ["Header", *lines[:3], Kb.TRUNCATED.format(more=7)]
    assert len(cut) <= 500
    shown = len(cut.splitlines()) - 2
    assert cut.splitlines()[-1] == Kb.TRUNCATED.format(more=10 - shown + 98)


def test_a_line_too_long_for_the_message_is_shortened_and_the_lines_after_it_still_shown():
    long_line = "start " + "word " * 800 + "end"
    text = lines_within("Header", [long_line, "second", "third"], limit=500)
    shown = text.splitlines()
    assert len(text) <= 500
    assert shown[0] == "Header"
    assert shown[1].startswith("start word") and shown[1].endswith("word end")
    assert "…" in shown[1]
    assert shown[2:] == ["second", "third"]


def test_a_refusal_too_long_for_one_message_still_says_why():
    reason = Check.BAD_ID.format(value="x" * 2500)
    text = problems_text("Nothing was saved:", [Problem("", reason)])
    assert len(text) <= 2000
    assert text.startswith("Nothing was saved:\n- 'xxx")
    assert text.endswith("' is not a valid id: use 3 to 64 lowercase letters, digits and hyphens")


def test_a_problem_without_a_file_is_shown_as_its_message_alone():
    text = problems_text("Nothing was saved:", [Problem("", "There is no change left to undo.")])
    assert text == "Nothing was saved:\n- There is no change left to undo."


def test_a_warning_added_to_a_full_reply_keeps_it_within_discords_limit():
    text = lines_within("Header", [f"line {n} " + "x" * 90 for n in range(100)])
    shown = warned(text, 3)
    assert len(shown) <= 2000
    assert shown.startswith(Kb.BROKEN_WARNING.format(count=3))
    assert shown.endswith("\n…")
    assert warned(text, 0) == text
