"""`/kb` through discord.py's real code path: payloads in, the JSON Discord would get out.

Each test runs on a copy of the shipped knowledge and a fresh data folder, and every request
the bot makes is checked against Discord's schema and limits by the `harnesses` fixture.
"""

from __future__ import annotations

import asyncio
import io
import zipfile

import aiohttp
import pytest

from bot.discord.kb.history import HISTORY_LIMIT
from bot.discord.kb.sources import UPLOAD_LIMIT
from bot.discord_format import MESSAGE_LIMIT
from bot.knowledge.loader import load_knowledge
from bot.knowledge.serialise import entry_to_yaml
from bot.strings import Check, Discord, Explain, Kb, Moderation, Reply
from tests.discord.harness import EPHEMERAL, MEMBER_ID
from tests.discord.kb_support import (
    LOG_CHANNEL_ID,
    MODERATOR_ID,
    OTHER_GUILD_ID,
    announcements,
    attachment,
    form_inputs,
    form_values,
    in_guild,
    kb,
    kb_autocomplete,
    last,
    make_world,
    modal_of,
    moderator,
    serve_attachments,
    submit,
    with_moderator_role,
)

EDITED = "kosovo-defence-investment"
SOURCE = "rferl-2025-12-kosovo-nato"
KFOR_QUESTION = "What is KFOR's role in Kosovo?"
KFOR_ID = "what-is-kfors-role-in-kosovo"
KFOR_CITATIONS = (
    f"source: {SOURCE}\n"
    "speaker: RFE/RL\n"
    "quote: He adds that Kosovo’s NATO membership would primarily bring political benefits, "
    "as KFOR has protected the country for years."
)


@pytest.fixture
async def cdn():
    async with serve_attachments() as served:
        yield served


def entry_file(world, entry_id: str):
    return world.root / "entries" / f"{entry_id}.yaml"


async def open_form(harness, path: str, **options):
    (opened,) = await harness.interact(moderator(kb(harness, path, **options)))
    return opened


async def add_kfor(harness, **typed):
    opened = await open_form(harness, "add")
    fields = {
        "Question": KFOR_QUESTION,
        "Topic": "Security and threats",
        "Answer": "Jamie Shea says KFOR, NATO's peacekeeping mission, has protected Kosovo.",
        "Other phrasings": "what is kfor\nkfor protected kosovo",
        "Citations": KFOR_CITATIONS,
    }
    return await harness.interact(submit(harness, opened, **{**fields, **typed}))


# Who may write


@pytest.mark.parametrize(
    ("path", "options"),
    [
        ("add", {}),
        ("edit", {"entry": EDITED}),
        ("phrase add", {"entry": EDITED, "text": "kosovo army money"}),
        ("phrase remove", {"entry": EDITED, "text": "kosovo defence spending"}),
        ("remove", {"entry": EDITED}),
        ("undo", {}),
        ("reload", {}),
        ("export", {}),
    ],
)
async def test_a_member_without_permission_is_refused_and_nothing_changes(
    world, harness, path, options
):
    before = world.knowledge_files()
    requests = await harness.interact(kb(harness, path, **options))
    (reply,) = requests
    assert reply.callback_type == 4
    assert reply.ephemeral
    assert reply.message["content"] == Kb.NOT_ALLOWED
    assert world.knowledge_files() == before
    assert world.services.store.history() == []
    assert announcements(requests) == []


async def test_a_moderator_in_a_guild_not_allowed_to_edit_is_refused(world, harness):
    before = world.knowledge_files()
    payload = in_guild(
        moderator(kb(harness, "phrase add", entry=EDITED, text="army money")), OTHER_GUILD_ID
    )
    (reply,) = await harness.interact(payload)
    assert reply.message["content"] == Kb.NOT_HERE
    assert reply.ephemeral
    assert world.knowledge_files() == before


async def test_kb_is_hidden_by_default_from_members_without_manage_server(world, harness):
    harness.discord.take()
    await world.bot.tree.sync(guild=None)
    (sync,) = harness.discord.take()
    (group,) = [c for c in sync.payload if c["name"] == "kb"]
    assert int(group["default_member_permissions"]) == 32
    assert group["contexts"] == [0]


async def test_autocomplete_offers_entries_to_moderators_only(harness):
    payload = kb_autocomplete(harness, "edit", "entry", "defence spending")
    (member_reply,) = await harness.interact(payload)
    assert member_reply.payload["data"]["choices"] == []
    (reply,) = await harness.interact(
        moderator(kb_autocomplete(harness, "edit", "entry", "defence spending"))
    )
    assert EDITED in [c["value"] for c in reply.payload["data"]["choices"]]


# Adding and editing entries


async def test_add_opens_a_form_and_the_new_entry_is_served_at_once(world, harness):
    opened = await open_form(harness, "add")
    modal = modal_of(opened)
    assert len(form_values(opened)) == 5
    assert all(len(label) <= 45 for label in form_values(opened))
    assert len(modal["title"]) <= 45
    # Named by their labels: a form submitted after a restart is handed back by these.
    assert [i["custom_id"] for i in form_inputs(modal)][:2] == ["question", "topic"]
    requests = await harness.interact(submit(harness, opened, **_kfor_fields()))
    reply = last(requests)
    assert reply.ephemeral
    assert reply.message["content"] == Kb.ADDED.format(entry_id=KFOR_ID, change_id=1)
    assert entry_file(world, KFOR_ID).is_file()
    (answer,) = await harness.interact(harness.slash("ask", question=KFOR_QUESTION))
    assert answer.embeds[0]["title"] == KFOR_QUESTION
    assert answer.embeds[0]["description"] == _kfor_fields()["Answer"]
    (announced,) = announcements(requests)
    assert KFOR_ID in announced
    (posted,) = [r for r in requests if r.template.startswith("/channels/")]
    assert posted.payload["allowed_mentions"] == {"parse": []}


def _kfor_fields():
    return {
        "Question": KFOR_QUESTION,
        "Topic": "Security and threats",
        "Answer": "Jamie Shea says KFOR, NATO's peacekeeping mission, has protected Kosovo.",
        "Other phrasings": "what is kfor\nkfor protected kosovo",
        "Citations": KFOR_CITATIONS,
    }


async def test_a_quote_not_in_its_source_is_refused_showing_the_closest_passage(world, harness):
    before = world.knowledge_files()
    wrong = KFOR_CITATIONS.replace("protected the country", "guarded the country")
    reply = last(await add_kfor(harness, Citations=wrong))
    content = reply.message["content"]
    assert content.startswith(Kb.REFUSED)
    assert "not found verbatim" in content
    assert "has ^guarded^ the country" in content
    assert "has ^protected^ the country" in content
    assert "as KFOR has protected the country for years" in content
    assert world.knowledge_files() == before
    yours = reply.files[Kb.YOURS_FILE.format(item_id=KFOR_ID)].decode("utf-8")
    assert "guarded the country" in yours
    assert KFOR_QUESTION in yours
    (retry,) = reply.buttons
    (reopened,) = await harness.interact(moderator(harness.press(reply, retry["custom_id"])))
    assert form_values(reopened)["Citations: source, speaker, quote"] == wrong


async def test_edit_opens_the_form_prefilled_and_saves_the_new_text(world, harness):
    opened = await open_form(harness, "edit", entry=EDITED)
    entry = world.services.live.knowledge.entries[EDITED]
    values = form_values(opened)
    assert values["Question"] == entry.question
    assert values["Answer (only what the quotes support)"] == entry.answer
    assert values["Other phrasings, one per line"] == "\n".join(entry.phrasings)
    assert entry.citations[0].quote in values["Citations: source, speaker, quote"]
    new_answer = "Yes: Kosovo's government says it has significantly increased defence investment."
    reply = last(await harness.interact(submit(harness, opened, Answer=new_answer)))
    assert reply.message["content"].startswith("Saved")
    assert new_answer in entry_file(world, EDITED).read_text(encoding="utf-8")
    decision = world.services.live.engine.decide("Has Kosovo increased its defence spending?")
    assert decision.entry.answer == new_answer


async def test_two_edits_from_the_same_version_one_wins_the_other_gets_both_texts(world, harness):
    first = await open_form(harness, "edit", entry=EDITED)
    second = await open_form(harness, "edit", entry=EDITED)
    winner = "Yes, Kosovo has significantly increased its defence investments in recent years."
    loser = "Kosovo says it has significantly increased defence investment over recent years."
    await harness.interact(submit(harness, first, Answer=winner))
    reply = last(await harness.interact(submit(harness, second, Answer=loser)))
    assert reply.message["content"] == Kb.CONFLICT.format(item_id=EDITED)
    (embed,) = reply.embeds
    assert winner in embed["description"]
    assert loser in reply.files[Kb.YOURS_FILE.format(item_id=EDITED)].decode("utf-8")
    saved = entry_file(world, EDITED).read_text(encoding="utf-8")
    assert winner in saved
    assert loser not in saved
    (again,) = reply.buttons
    (reopened,) = await harness.interact(moderator(harness.press(reply, again["custom_id"])))
    assert form_values(reopened)["Answer (only what the quotes support)"] == winner


# Phrasings, removal, history, undo


async def test_a_phrasing_added_is_answered_and_a_phrasing_removed_is_gone(world, harness):
    phrasing = "kosovo barracks budget"
    assert not world.services.live.engine.decide(phrasing).answered
    added = last(
        await harness.interact(moderator(kb(harness, "phrase add", entry=EDITED, text=phrasing)))
    )
    assert added.message["content"].startswith("Added the phrasing")
    assert phrasing in world.services.live.knowledge.entries[EDITED].phrasings
    assert world.services.live.engine.decide(phrasing).entry.id == EDITED
    removed = last(
        await harness.interact(moderator(kb(harness, "phrase remove", entry=EDITED, text=phrasing)))
    )
    assert removed.message["content"].startswith("Removed the phrasing")
    assert phrasing not in entry_file(world, EDITED).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "markup",
    [
        "<@123456789012345678>",
        "<@&123456789012345678>",
        "<#123456789012345678>",
        "@everyone",
        "@here",
        "<:flag:123456789012345678>",
        "<t:1700000000:R>",
        "</ask:123456789012345678>",
    ],
)
async def test_a_phrasing_holding_discord_markup_is_refused_asking_for_the_words_members_type(
    world, harness, markup
):
    before = world.knowledge_files()
    phrasing = f"{markup} kosovo barracks budget"
    added = kb(harness, "phrase add", entry=EDITED, text=phrasing)
    reply = last(await harness.interact(moderator(added)))
    assert reply.message["content"] == (
        f"{Kb.REFUSED}\n- entries/{EDITED}.yaml: phrasings[22]: "
        + Check.MARKUP.format(markup=markup)
    )
    assert world.knowledge_files() == before


async def test_a_phrasing_of_only_invisible_characters_is_refused_as_empty(world, harness):
    before = world.knowledge_files()
    added = kb(harness, "phrase add", entry=EDITED, text="\u200b\u200b\u2060")
    reply = last(await harness.interact(moderator(added)))
    assert reply.message["content"] == (
        f"{Kb.REFUSED}\n- entries/{EDITED}.yaml: {Moderation.PHRASING_EMPTY}"
    )
    assert world.knowledge_files() == before


async def test_phrase_remove_completes_the_entrys_phrasings(harness):
    payload = moderator(kb_autocomplete(harness, "phrase remove", "text", "boosted", entry=EDITED))
    (reply,) = await harness.interact(payload)
    assert [c["value"] for c in reply.payload["data"]["choices"]] == [
        "has kosovo boosted military investment"
    ]


async def test_remove_asks_for_confirmation_and_removes_only_when_confirmed(world, harness):
    (asked,) = await harness.interact(moderator(kb(harness, "remove", entry=EDITED)))
    assert asked.ephemeral
    assert [b["label"] for b in asked.buttons] == [Kb.REMOVE_BUTTON, Kb.CANCEL_BUTTON]
    assert entry_file(world, EDITED).is_file()
    requests = await harness.interact(
        moderator(harness.press(asked, asked.buttons[0]["custom_id"]))
    )
    assert requests[0].callback_type == 7
    assert requests[0].components == []
    assert last(requests).message["content"].startswith(f"Removed `{EDITED}`")
    assert not entry_file(world, EDITED).exists()
    assert EDITED not in world.services.live.knowledge.entries


async def test_cancelling_a_removal_keeps_the_entry(world, harness):
    (asked,) = await harness.interact(moderator(kb(harness, "remove", entry=EDITED)))
    (cancelled,) = await harness.interact(
        moderator(harness.press(asked, asked.buttons[1]["custom_id"]))
    )
    assert cancelled.message["content"] == Kb.CANCELLED
    assert cancelled.buttons == []
    assert cancelled.message["allowed_mentions"] == {"parse": []}
    assert entry_file(world, EDITED).is_file()


async def test_history_lists_who_changed_what_newest_first(harness):
    await harness.interact(
        moderator(kb(harness, "phrase add", entry=EDITED, text="kosovo army money"))
    )
    await harness.interact(
        moderator(kb(harness, "phrase remove", entry=EDITED, text="kosovo army money"))
    )
    (reply,) = await harness.interact(moderator(kb(harness, "history", entry=EDITED)))
    lines = reply.message["content"].splitlines()
    assert lines[0] == f"**{Kb.HISTORY_TITLE}**"
    assert lines[1].startswith("#2 ·")
    assert "phrase-remove" in lines[1]
    assert lines[2].startswith("#1 ·")
    assert "phrase-add" in lines[2]
    assert "Member" in lines[1]


async def history(harness, **options) -> str:
    return last(await harness.interact(moderator(kb(harness, "history", **options)))).message[
        "content"
    ]


async def test_history_says_how_many_older_changes_it_leaves_out_and_before_lists_them(harness):
    for number in range(9):
        await phrase(harness, "add", EDITED, f"kosovo barracks budget {number}")
        await phrase(harness, "remove", EDITED, f"kosovo barracks budget {number}")

    newest = (await history(harness)).splitlines()
    older = (await history(harness, before=4)).splitlines()
    of_entry = (await history(harness, entry=EDITED, before=17)).splitlines()

    oldest_shown = 18 - HISTORY_LIMIT + 1
    assert newest[1] == Kb.HISTORY_OLDER.format(
        older=f"{oldest_shown - 1} older changes", command=f"`/kb history before:{oldest_shown}`"
    )
    shown = [line.split(" ·")[0] for line in newest[2:]]
    assert shown == [f"#{n}" for n in range(18, oldest_shown - 1, -1)]
    assert [line.split(" ·")[0] for line in older[1:]] == ["#3", "#2", "#1"]
    oldest_of_entry = 16 - HISTORY_LIMIT + 1
    assert of_entry[1] == Kb.HISTORY_OLDER.format(
        older=f"{oldest_of_entry - 1} older changes",
        command=f"`/kb history entry:{EDITED} before:{oldest_of_entry}`",
    )


async def test_history_of_an_entry_no_change_touched_says_so_not_that_nothing_was_recorded(
    harness,
):
    await phrase(harness, "add", EDITED, "kosovo barracks budget")

    untouched = await history(harness, entry="rutte-warning")
    mistyped = await history(harness, entry="kosovo-defence-investmnt")

    assert untouched == Kb.HISTORY_NONE_FOR.format(item_id="rutte-warning")
    assert mistyped == Kb.HISTORY_UNKNOWN.format(item_id="kosovo-defence-investmnt")


async def test_undo_restores_the_file_byte_for_byte(world, harness):
    original = entry_file(world, EDITED).read_bytes()
    opened = await open_form(harness, "edit", entry=EDITED)
    await harness.interact(submit(harness, opened, Answer="Kosovo has raised defence investment."))
    assert entry_file(world, EDITED).read_bytes() != original
    requests = await harness.interact(moderator(kb(harness, "undo")))
    assert last(requests).message["content"] == Kb.UNDONE.format(undone=1, change_id=2)
    assert entry_file(world, EDITED).read_bytes() == original
    assert "undid change #1" in announcements(requests)[0]


async def undo(harness, **options) -> str:
    return last(await harness.interact(moderator(kb(harness, "undo", **options)))).message[
        "content"
    ]


async def test_undo_takes_back_a_redo_then_walks_further_back(world, harness):
    for phrasing in ("kosovo barracks budget", "kosovo defence budget growth"):
        await harness.interact(moderator(kb(harness, "phrase add", entry=EDITED, text=phrasing)))

    replies = [
        await undo(harness),
        await undo(harness, change=3),
        await undo(harness),
        await undo(harness),
        await undo(harness),
    ]

    assert replies == [
        Kb.UNDONE.format(undone=2, change_id=3),
        Kb.UNDONE.format(undone=3, change_id=4),
        Kb.UNDONE.format(undone=4, change_id=5),
        Kb.UNDONE.format(undone=1, change_id=6),
        f"{Kb.REFUSED}\n- {Moderation.NOTHING_TO_UNDO}",
    ]
    phrasings = world.services.live.knowledge.entries[EDITED].phrasings
    assert "kosovo barracks budget" not in phrasings
    assert "kosovo defence budget growth" not in phrasings


OTHER_ENTRY = "article-10"


async def phrase(harness, action: str, entry: str, text: str) -> str:
    request = moderator(kb(harness, f"phrase {action}", entry=entry, text=text))
    return last(await harness.interact(request)).message["content"]


async def test_a_redone_change_is_in_effect_in_history_and_taken_back_by_undoing_its_redo(
    world, harness
):
    await phrase(harness, "add", OTHER_ENTRY, "requirements for nato enlargement")
    await phrase(harness, "add", EDITED, "army money")
    await undo(harness)
    await undo(harness, change=3)

    (listed,) = await harness.interact(moderator(kb(harness, "history")))
    lines = listed.message["content"].splitlines()
    before = world.knowledge_files()
    by_number = await undo(harness, change=2)
    unchanged = world.knowledge_files() == before
    plain = [await undo(harness) for _ in range(3)]

    assert lines[2].startswith("#3 ·")
    assert lines[2].endswith(Kb.HISTORY_UNDONE.format(undo_id=4))
    assert lines[3].startswith("#2 ·")
    assert "undone by" not in lines[3]
    assert by_number == Kb.UNDO_CONFLICT.format(item_id=EDITED, later=4)
    assert unchanged
    assert plain == [
        Kb.UNDONE.format(undone=4, change_id=5),
        Kb.UNDONE.format(undone=1, change_id=6),
        f"{Kb.REFUSED}\n- {Moderation.NOTHING_TO_UNDO}",
    ]
    entries = world.services.live.knowledge.entries
    assert "army money" not in entries[EDITED].phrasings
    assert "requirements for nato enlargement" not in entries[OTHER_ENTRY].phrasings


async def test_undoing_a_change_whose_phrasing_was_removed_and_added_again_is_refused(
    world, harness
):
    original = world.knowledge_files()
    await phrase(harness, "add", OTHER_ENTRY, "requirements for nato enlargement")
    await phrase(harness, "add", EDITED, "army money")
    await phrase(harness, "remove", EDITED, "army money")
    await phrase(harness, "add", EDITED, "army money")
    before = world.knowledge_files()

    by_number = await undo(harness, change=2)
    unchanged = world.knowledge_files() == before
    plain = [await undo(harness) for _ in range(4)]

    assert by_number == Kb.UNDO_CONFLICT.format(item_id=EDITED, later=4)
    assert unchanged
    assert plain == [
        Kb.UNDONE.format(undone=4, change_id=5),
        Kb.UNDONE.format(undone=3, change_id=6),
        Kb.UNDONE.format(undone=2, change_id=7),
        Kb.UNDONE.format(undone=1, change_id=8),
    ]
    assert world.knowledge_files() == original


# Unanswered questions


async def ask_unanswered(harness, *questions: str) -> None:
    """Members ask through `/ask`, which records the questions the bot could not answer.

    Each question is another member's: one member asking a dozen would be told to wait.
    """
    for number, question in enumerate(questions):
        (reply,) = await harness.interact(
            harness.slash("ask", MEMBER_ID + number, question=question)
        )
        assert Reply.NOT_COVERED in reply.message["content"]


UNANSWERED = (
    "Will Kosovo get a seat at the OSCE soon?",
    "kosovo osce seat",
    "Does Kosovo have a seat at the OSCE?",
)


async def test_unanswered_shows_groups_and_adds_one_as_a_phrasing(world, harness):
    await ask_unanswered(harness, *UNANSWERED)
    requests = await harness.interact(moderator(kb(harness, "unanswered")))
    assert requests[0].callback_type == 5  # deferred first: grouping may take a while
    listed = last(requests)
    assert listed.ephemeral
    assert "asked 3×" in listed.message["content"]
    (groups,) = listed.selects
    group_id = groups["options"][0]["value"]
    (shown,) = await harness.interact(
        moderator(harness.choose(listed, groups["custom_id"], [group_id]))
    )
    assert [b["label"] for b in shown.buttons] == [Kb.NEW_ENTRY, Kb.DISMISS]
    (entries,) = shown.selects
    assert entries["placeholder"] == Kb.AS_PHRASING
    assert len(entries["options"]) <= 25
    target = entries["options"][0]["value"]
    requests = await harness.interact(
        moderator(harness.choose(shown, entries["custom_id"], [target]))
    )
    assert last(requests).message["content"].startswith("Added the phrasing")
    assert UNANSWERED[-1] in world.services.live.knowledge.entries[target].phrasings
    # The wordings the bot answers now leave the list; the one it answers only as the
    # closest covered question stays.
    again = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    (_, line) = again.message["content"].splitlines()
    assert line.startswith(f"**1.** “{UNANSWERED[0]}” · asked 1×")


async def add_from_unanswered(harness) -> str:
    """Add the first group's newest wording as a phrasing of the first entry offered."""
    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    (groups,) = listed.selects
    choose = harness.choose(listed, groups["custom_id"], [groups["options"][0]["value"]])
    (shown,) = await harness.interact(moderator(choose))
    (entries,) = shown.selects
    target = entries["options"][0]["value"]
    await harness.interact(moderator(harness.choose(shown, entries["custom_id"], [target])))
    return target


async def test_undoing_a_phrasing_added_from_unanswered_lists_its_questions_again(harness):
    await ask_unanswered(harness, *UNANSWERED)
    await add_from_unanswered(harness)

    assert await undo(harness) == Kb.UNDONE.format(undone=1, change_id=2)

    again = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    assert f"“{UNANSWERED[-1]}” · asked 3×" in again.message["content"]


async def test_a_question_an_entry_added_later_answers_leaves_the_unanswered_list(harness):
    await ask_unanswered(harness, KFOR_QUESTION, UNANSWERED_OTHERS[1])

    assert last(await add_kfor(harness)).message["content"].startswith("Added")

    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    assert (
        listed.message["content"]
        .splitlines()[1]
        .startswith(f"**1.** “{UNANSWERED_OTHERS[1]}” · asked 1×")
    )
    assert "KFOR" not in listed.message["content"]


async def test_unanswered_shows_members_markup_as_typed_and_their_links_without_preview(harness):
    await ask_unanswered(
        harness,
        "Is Kosovo`s army ||secretly|| joining the OSCE?",
        "Does the OSCE budget https://example.org/osce pay for Kosovo`s *courts*?",
    )

    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))

    content = listed.message["content"]
    assert "Is Kosovo\\`s army \\|\\|secretly\\|\\| joining the OSCE?" in content
    assert "<https://example.org/osce>" in content
    assert "\\*courts\\*" in content


async def test_unanswered_lists_answers_shown_as_only_the_closest_question(harness):
    loose = "is kosovo part of any nato partnership programme"
    (reply,) = await harness.interact(harness.slash("ask", question=loose))
    assert reply.message["content"] == Reply.TENTATIVE

    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    assert loose in listed.message["content"]
    tentative = Kb.UNANSWERED_TENTATIVE.format(tentative=1, entries="`kosovo-outside-pfp`")
    assert tentative in listed.message["content"]


async def test_an_unanswered_group_opens_a_prefilled_new_entry_form_or_is_dismissed(world, harness):
    await ask_unanswered(harness, *UNANSWERED)
    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    (groups,) = listed.selects
    choose = harness.choose(listed, groups["custom_id"], [groups["options"][0]["value"]])
    (shown,) = await harness.interact(moderator(choose))
    (opened,) = await harness.interact(
        moderator(harness.press(shown, shown.buttons[0]["custom_id"]))
    )
    values = form_values(opened)
    assert values["Question"] == UNANSWERED[-1]
    assert values["Other phrasings, one per line"].splitlines() == list(UNANSWERED[:2])[::-1]
    deferred, dismissed = await harness.interact(
        moderator(harness.press(shown, shown.buttons[1]["custom_id"]))
    )
    # Acknowledged before the record is written (a busy file may take seconds), then the
    # group's message itself is replaced.
    assert deferred.callback_type == 6
    assert dismissed.method == "PATCH" and "@original" in dismissed.path
    assert dismissed.message["content"] == Kb.DISMISSED.format(count=3)
    again = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    assert again.message["content"] == Kb.UNANSWERED_EMPTY


BACKGROUND = (
    "I have followed the news about the region for years and read many articles on the "
    "debates around it. "
) * 33
LONG_WORDINGS = (
    BACKGROUND + "Will Kosovo get a seat at the OSCE soon?",
    BACKGROUND + "Does Kosovo have a seat at the OSCE?",
    BACKGROUND + "When will Kosovo get its OSCE seat?",
)


async def test_long_unanswered_wordings_open_a_form_holding_the_questions_they_ask(world, harness):
    await ask_unanswered(harness, *LONG_WORDINGS)
    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    (groups,) = listed.selects
    choose = harness.choose(listed, groups["custom_id"], [groups["options"][0]["value"]])
    (shown,) = await harness.interact(moderator(choose))
    (opened,) = await harness.interact(
        moderator(harness.press(shown, shown.buttons[0]["custom_id"]))
    )
    values = form_values(opened)
    assert values["Question"] == "When will Kosovo get its OSCE seat?"
    assert values["Other phrasings, one per line"].splitlines() == [
        "Does Kosovo have a seat at the OSCE?",
        "Will Kosovo get a seat at the OSCE soon?",
    ]


async def test_a_long_unanswered_wording_is_added_as_the_question_it_asks(world, harness):
    await ask_unanswered(harness, LONG_WORDINGS[0])
    target = await add_from_unanswered(harness)

    phrasings = world.services.live.knowledge.entries[target].phrasings
    assert "Will Kosovo get a seat at the OSCE soon?" in phrasings


async def test_one_long_unanswered_question_leaves_the_others_listed(world, harness):
    await ask_unanswered(harness, LONG_WORDINGS[0], LONG_WORDINGS[0], *UNANSWERED_OTHERS)
    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    content = listed.message["content"]
    assert "more)" not in content
    assert "Will Kosovo get a seat at the OSCE soon?” · asked 2×" in content
    assert all(f"“{question}” · asked 1×" in content for question in UNANSWERED_OTHERS)


UNANSWERED_OTHERS = (
    "Is there a KFOR base in Mitrovica?",
    "What is the EU rule of law mission doing?",
)

# Twelve questions on twelve things, none answered: twelve groups.
TWELVE_GAPS = (
    "Who is the mayor of Zenda?",
    "When does the Ruritania ferry leave?",
    "How tall is the Strelsau clock tower?",
    "What currency does Ruritania use?",
    "Where is the Zenda castle museum?",
    "Which river flows through Strelsau?",
    "How many people live in Zenda?",
    "What is the national dish of Ruritania?",
    "When was the Strelsau opera house built?",
    "Who designed the Ruritanian flag?",
    "What language do Zenda schools teach in?",
    "How long is the Ruritania coastline?",
)


async def test_unanswered_says_how_many_more_groups_there_are_than_it_shows(harness):
    await ask_unanswered(harness, *TWELVE_GAPS)

    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))

    lines = listed.message["content"].splitlines()
    assert len(lines) == 1 + 10 + 1
    assert lines[-1] == Kb.UNANSWERED_MORE.format(more=2)
    (groups,) = listed.selects
    assert len(groups["options"]) == 10


async def test_an_id_too_long_for_one_message_is_refused_with_its_reason(harness):
    reply = last(await harness.interact(moderator(kb(harness, "add", entry_id="x" * 2500))))
    assert reply.message["content"].endswith(
        "is not a valid id: use 3 to 64 lowercase letters, digits and hyphens"
    )


async def test_an_id_windows_keeps_for_a_device_is_refused_before_the_form_opens(harness):
    (reply,) = await harness.interact(moderator(kb(harness, "add", entry_id="nul")))
    assert reply.callback_type == 4  # a message, not the form
    assert reply.message["content"].endswith(Check.RESERVED_ID.format(value="nul"))


# Sources


SOURCE_TEXT = "NATO ministers met in Brussels. They discussed the Western Balkans at length.\n"


async def test_source_add_from_the_form_then_listed(world, harness):
    opened = await open_form(harness, "source add")
    assert len(form_values(opened)) == 5
    typed = {
        "Id": "nato-ministers-2026",
        "Title": "NATO ministers meet",
        "Outlet": "Example News",
        "Published": "2026-11",
        "Full text": SOURCE_TEXT,
    }
    requests = await harness.interact(submit(harness, opened, **typed))
    said = [r.payload.get("content", "") for r in requests]
    assert any(content.startswith("Added the source `nato-ministers-2026`") for content in said)
    assert (world.root / "sources" / "nato-ministers-2026.txt").read_text() == SOURCE_TEXT
    deferred, listed = await harness.interact(moderator(kb(harness, "source list")))
    assert deferred.callback_type == 5  # read from disk: acknowledged first
    lines = listed.message["content"].splitlines()
    assert lines[1].startswith(
        "`nato-ministers-2026` · NATO ministers meet · Example News, 2026-11"
    )
    assert lines[2].startswith(f"`{SOURCE}`")


async def test_source_add_takes_the_text_from_an_attached_file(world, harness, cdn):
    content = SOURCE_TEXT.encode("utf-8")
    file = attachment("article.txt", content, cdn)
    opened = await open_form(harness, "source add", file=file)
    assert len(form_values(opened)) == 4
    assert cdn.downloads[file["value"]] == 0  # the form opens at once; the file is read later
    typed = {
        "Id": "from-a-file",
        "Title": "From a file",
        "Outlet": "Example",
        "Published": "2026-11-20",
    }
    reply = last(await harness.interact(submit(harness, opened, **typed)))
    assert "`from-a-file`" in reply.message["content"]
    assert (world.root / "sources" / "from-a-file.txt").read_bytes() == content
    assert cdn.downloads[file["value"]] == 1


# The knowledge as a whole


async def test_check_reports_the_knowledge_is_valid(harness):
    reply = last(await harness.interact(moderator(kb(harness, "check"))))
    assert reply.message["content"].startswith("The knowledge on disk is valid: ")


async def test_a_moderators_reply_is_private_and_leaves_link_previews_on(harness):
    reply = last(await harness.interact(moderator(kb(harness, "check"))))
    assert reply.message["flags"] == EPHEMERAL


async def test_a_reply_naming_a_very_long_typed_source_is_cut_to_one_message(harness):
    typed = "s" * 3000
    reply = last(await harness.interact(moderator(kb(harness, "coverage", source=typed))))
    assert len(reply.message["content"]) == MESSAGE_LIMIT
    assert reply.message["content"].startswith(Kb.NO_SOURCE.format(source_id="s")[:10])
    assert reply.message["content"].endswith("…")


async def test_reload_with_a_malformed_file_keeps_serving_and_names_the_problem(world, harness):
    (world.root / "entries" / "broken.yaml").write_text("id: broken\nquestion: [unclosed\n")
    requests = await harness.interact(moderator(kb(harness, "reload")))
    content = last(requests).message["content"]
    assert content.startswith(Kb.RELOAD_KEPT.format(count=1).split(":")[0])
    assert "entries/broken.yaml:" in content
    assert world.services.live.engine.decide("Has Kosovo increased its defence spending?").answered
    assert "problem(s)" in announcements(requests)[0]
    checked = last(await harness.interact(moderator(kb(harness, "check"))))
    assert "entries/broken.yaml:" in checked.message["content"]


async def test_reload_serves_a_good_change_made_on_disk(world, harness):
    entry = world.services.live.knowledge.entries[EDITED]
    changed = entry_to_yaml(entry).replace(entry.answer, "Yes, according to the government.")
    entry_file(world, EDITED).write_text(changed, encoding="utf-8")
    reply = last(await harness.interact(moderator(kb(harness, "reload"))))
    assert reply.message["content"].startswith("Reloaded from disk")
    assert (
        world.services.live.knowledge.entries[EDITED].answer == "Yes, according to the government."
    )


async def test_export_attaches_a_zip_of_the_knowledge(world, harness):
    reply = last(await harness.interact(moderator(kb(harness, "export"))))
    assert reply.ephemeral
    ((name, content),) = reply.files.items()
    assert name.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        assert archive.read(f"entries/{EDITED}.yaml") == entry_file(world, EDITED).read_bytes()
    assert f"sources/{SOURCE}.txt" in names
    assert {f"vocabulary/{name}.yaml" for name in world.services.live.knowledge.vocabulary} <= names
    unpacked = world.root.parent / "unpacked"
    zipfile.ZipFile(io.BytesIO(content)).extractall(unpacked)
    exported = load_knowledge(unpacked).knowledge
    assert exported is not None
    assert exported.vocabulary == world.services.live.knowledge.vocabulary


async def test_an_export_larger_than_discord_takes_says_so_instead_of_failing(
    world, harness, monkeypatch
):
    store = world.services.store
    monkeypatch.setattr(store, "export", lambda: b"z" * (8 * 1024 * 1024 + 1))

    reply = last(await harness.interact(moderator(kb(harness, "export"))))

    assert reply.files == {}
    assert reply.message["content"] == Kb.EXPORT_TOO_LARGE.format(size=8.0, limit=8)


async def test_without_a_log_channel_nothing_is_announced(tmp_path, start):
    world = make_world(tmp_path, log_channel=False)
    harness = await start(world.bot)
    world.bot.record.close()
    requests = await harness.interact(
        moderator(kb(harness, "phrase add", entry=EDITED, text="kosovo army money"))
    )
    assert announcements(requests) == []
    assert [r for r in requests if r.template.startswith("/channels/")] == []
    assert str(LOG_CHANNEL_ID) not in str([r.path for r in requests])


async def watch_started(world, monkeypatch) -> list:
    """What the cog started the disk watch with once ready: (interval, notify) per start."""
    started = []

    async def watch(interval, notify):
        started.append((interval, notify))
        await asyncio.Event().wait()  # watches until the bot closes

    monkeypatch.setattr(world.services.live, "watch", watch)
    for _ in range(2):  # a reconnect makes discord.py send READY again
        world.bot.dispatch("ready")
        await asyncio.sleep(0.01)
    return started


async def test_the_disk_watch_starts_when_ready_at_the_configured_interval(
    world, harness, monkeypatch
):
    ((interval, _),) = await watch_started(world, monkeypatch)
    assert interval == world.services.settings.knowledge_poll_seconds


async def test_a_broken_file_on_disk_is_reported_and_the_last_good_knowledge_served(
    world, harness, monkeypatch
):
    ((_, notify),) = await watch_started(world, monkeypatch)
    (world.root / "entries" / "broken.yaml").write_text("id: broken\nquestion: [unclosed\n")
    harness.discord.take()
    await notify(world.services.live.reload())
    (posted,) = announcements(harness.discord.take())
    assert posted.startswith(Kb.DISK_KEPT.format(count=1))
    assert "entries/broken.yaml:" in posted
    (answer,) = await harness.interact(harness.slash("ask", question="kosovo defence spending"))
    assert answer.embeds[0]["title"] == "Has Kosovo increased its defence spending?"
    (world.root / "entries" / "broken.yaml").unlink()
    await notify(world.services.live.reload())
    (posted,) = announcements(harness.discord.take())
    assert posted.startswith("Picked up the knowledge changed on disk")


async def test_an_answer_marked_not_what_i_asked_is_listed_with_the_entry_that_missed(harness):
    (answer,) = await harness.interact(harness.slash("ask", question="kosovo defence spending"))
    miss = answer.buttons[-1]
    assert miss["label"] == "Not what I asked"
    await harness.interact(harness.press(answer, miss["custom_id"]))
    listed = last(await harness.interact(moderator(kb(harness, "unanswered"))))
    assert "“kosovo defence spending” · asked 1×" in listed.message["content"]
    assert f"1 marked “Not what I asked” (answered with `{EDITED}`)" in listed.message["content"]


async def test_an_edit_of_an_entry_removed_meanwhile_hands_back_the_moderators_text(world, harness):
    opened = await open_form(harness, "edit", entry=EDITED)
    (asked,) = await harness.interact(moderator(kb(harness, "remove", entry=EDITED)))
    await harness.interact(moderator(harness.press(asked, asked.buttons[0]["custom_id"])))
    mine = "Kosovo has increased defence investment, its government says."
    reply = last(await harness.interact(submit(harness, opened, Answer=mine)))
    assert reply.message["content"] == Kb.CONFLICT_GONE.format(item_id=EDITED)
    assert mine in reply.files[Kb.YOURS_FILE.format(item_id=EDITED)].decode("utf-8")
    assert not entry_file(world, EDITED).exists()


OTHER_MODERATOR = MODERATOR_ID + 1


async def test_a_removal_confirmed_after_the_entry_changed_removes_nothing_and_asks_again(
    world, harness
):
    (asked,) = await harness.interact(moderator(kb(harness, "remove", entry=EDITED)))
    await harness.interact(
        moderator(
            kb(harness, "phrase add", entry=EDITED, text="kosovo army money"), OTHER_MODERATOR
        )
    )

    refused = last(
        await harness.interact(moderator(harness.press(asked, asked.buttons[0]["custom_id"])))
    )
    (look,) = refused.buttons
    (again,) = await harness.interact(moderator(harness.press(refused, look["custom_id"])))
    removed = last(
        await harness.interact(moderator(harness.press(again, again.buttons[0]["custom_id"])))
    )

    assert refused.message["content"] == Kb.CONFLICT_REMOVED.format(item_id=EDITED)
    assert refused.files == {}
    assert "kosovo army money" in refused.embeds[0]["description"]
    assert look["label"] == Kb.LOOK_AGAIN
    assert [b["label"] for b in again.buttons] == [Kb.REMOVE_BUTTON, Kb.CANCEL_BUTTON]
    assert removed.message["content"].startswith(f"Removed `{EDITED}`")
    assert not entry_file(world, EDITED).exists()


async def test_a_new_entry_whose_id_was_taken_meanwhile_says_so_and_keeps_its_text(world, harness):
    (mine,) = await harness.interact(moderator(kb(harness, "add", entry_id="kfor-role")))
    (theirs,) = await harness.interact(
        moderator(kb(harness, "add", entry_id="kfor-role"), OTHER_MODERATOR)
    )
    await harness.interact(submit(harness, theirs, OTHER_MODERATOR, **_kfor_fields()))

    mine_typed = {**_kfor_fields(), "Question": "Has KFOR protected Kosovo for years?"}
    mine_typed["Other phrasings"] = "kfor protection of kosovo"
    refused = last(await harness.interact(submit(harness, mine, **mine_typed)))
    another, edit = refused.buttons
    (reopened,) = await harness.interact(moderator(harness.press(refused, another["custom_id"])))

    assert refused.message["content"] == Kb.CONFLICT_TAKEN.format(item_id="kfor-role")
    yours = refused.files[Kb.YOURS_FILE.format(item_id="kfor-role")].decode("utf-8")
    assert "Has KFOR protected Kosovo for years?" in yours
    assert [another["label"], edit["label"]] == [Kb.ANOTHER_ID, Kb.EDIT_TAKEN]
    assert form_values(reopened)["Question"] == "Has KFOR protected Kosovo for years?"
    assert KFOR_QUESTION in entry_file(world, "kfor-role").read_text(encoding="utf-8")


async def test_undoing_a_change_that_a_later_change_built_on_is_refused(world, harness):
    await harness.interact(moderator(kb(harness, "phrase add", entry=EDITED, text="army money")))
    await harness.interact(moderator(kb(harness, "phrase add", entry=EDITED, text="army cash")))
    before = world.knowledge_files()
    reply = last(await harness.interact(moderator(kb(harness, "undo", change=1))))
    assert reply.message["content"] == Kb.UNDO_CONFLICT.format(item_id=EDITED, later=2)
    assert world.knowledge_files() == before


async def test_undoing_a_change_to_a_file_edited_by_hand_since_says_so(world, harness):
    await harness.interact(moderator(kb(harness, "phrase add", entry=EDITED, text="army money")))
    path = entry_file(world, EDITED)
    path.write_text(path.read_text("utf-8") + "# checked by hand\n", "utf-8")
    before = world.knowledge_files()
    reply = last(await harness.interact(moderator(kb(harness, "undo"))))
    assert reply.message["content"] == Kb.UNDO_CHANGED_BY_HAND.format(item_id=EDITED)
    assert world.knowledge_files() == before


async def test_an_attached_file_that_is_not_utf8_text_is_refused_before_the_form(harness):
    payload = kb(harness, "source add", file=attachment("article.pdf", b"%PDF-1.4"))
    (reply,) = await harness.interact(moderator(payload))
    assert reply.callback_type == 4
    assert reply.message["content"] == f"{Kb.REFUSED}\n- {Kb.NOT_TXT}"


BROKEN = "id: broken\nquestion: [unclosed\n"


@pytest.mark.parametrize("path", ["edit", "remove"])
async def test_an_entry_cannot_be_opened_while_a_file_is_broken_and_the_problem_is_named(
    world, harness, path
):
    (world.root / "entries" / "broken.yaml").write_text(BROKEN)
    reply = last(await harness.interact(moderator(kb(harness, path, entry=EDITED))))
    content = reply.message["content"]
    assert content.startswith(Kb.CANNOT_OPEN.format(entry_id=EDITED, count=1))
    assert "entries/broken.yaml:" in content
    assert "There is no entry" not in content


async def test_a_refused_source_hands_back_the_pasted_text_as_a_file(world, harness):
    opened = await open_form(harness, "source add")
    typed = {
        "Id": "Not A Valid Id",
        "Title": "NATO ministers meet",
        "Outlet": "Example News",
        "Published": "2026-11",
        "Full text": SOURCE_TEXT,
    }
    reply = last(await harness.interact(submit(harness, opened, **typed)))
    assert reply.message["content"].startswith(Kb.REFUSED)
    yours = reply.files[Kb.YOURS_FILE.format(item_id=Kb.NEW_SOURCE_FILE)].decode("utf-8")
    assert "NATO ministers met in Brussels." in yours
    assert not (world.root / "sources" / "Not A Valid Id.txt").exists()


def _apology_prefix() -> str:
    return Discord.ERROR.split("{error_id}")[0]


async def test_a_form_whose_saving_fails_unexpectedly_says_sorry_with_an_error_id(
    world, harness, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(world.services.store, "add_entry", fail)
    reply = last(await add_kfor(harness))
    assert reply.ephemeral
    assert reply.message["content"].startswith(_apology_prefix())
    assert "disk on fire" not in reply.message["content"]


async def test_a_button_whose_work_fails_unexpectedly_says_sorry_with_an_error_id(
    world, harness, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("disk on fire")

    (asked,) = await harness.interact(moderator(kb(harness, "remove", entry=EDITED)))
    monkeypatch.setattr(world.services.store, "remove_entry", fail)
    reply = last(
        await harness.interact(moderator(harness.press(asked, asked.buttons[0]["custom_id"])))
    )
    assert reply.message["content"].startswith(_apology_prefix())
    assert entry_file(world, EDITED).is_file()


async def test_a_member_with_the_moderators_role_but_not_manage_server_may_write(world, harness):
    phrasing = "kosovo barracks budget"
    payload = with_moderator_role(kb(harness, "phrase add", entry=EDITED, text=phrasing))
    reply = last(await harness.interact(payload))
    assert reply.message["content"].startswith("Added the phrasing")
    assert phrasing in world.services.live.knowledge.entries[EDITED].phrasings
    (completed,) = await harness.interact(
        with_moderator_role(kb_autocomplete(harness, "edit", "entry", "defence spending"))
    )
    assert EDITED in [c["value"] for c in completed.payload["data"]["choices"]]


async def test_every_reply_warns_of_broken_files_on_disk_until_they_are_fixed(world, harness):
    warning = Kb.BROKEN_WARNING.format(count=1)
    broken = world.root / "entries" / "broken.yaml"
    broken.write_text(BROKEN)
    await harness.interact(moderator(kb(harness, "reload")))
    (listed,) = await harness.interact(moderator(kb(harness, "history")))
    assert listed.message["content"].startswith(f"{warning}\n")
    reloaded = last(await harness.interact(moderator(kb(harness, "reload"))))
    assert reloaded.message["content"].startswith(Kb.RELOAD_KEPT.format(count=1))
    (refused,) = await harness.interact(kb(harness, "history"))
    assert refused.message["content"] == Kb.NOT_ALLOWED
    broken.unlink()
    await harness.interact(moderator(kb(harness, "reload")))
    (listed,) = await harness.interact(moderator(kb(harness, "history")))
    assert not listed.message["content"].startswith(warning)


# Hostile moderators


async def test_an_attachment_bigger_than_declared_is_refused_without_reading_past_the_limit(
    world, harness, cdn, monkeypatch
):
    read_from_network = []
    feed_data = aiohttp.StreamReader.feed_data

    def counting(reader, data, *args):
        read_from_network.append(len(data))
        return feed_data(reader, data, *args)

    monkeypatch.setattr(aiohttp.StreamReader, "feed_data", counting)
    before = world.knowledge_files()
    huge = b"More text. " * (10_000_000 // 11)  # 10 MB, declared as 1 kB
    opened = await open_form(
        harness, "source add", file=attachment("article.txt", huge, cdn, declared=1024)
    )
    typed = {"Id": "huge-one", "Title": "Huge", "Outlet": "Example", "Published": "2026-11"}
    reply = last(await harness.interact(submit(harness, opened, **typed)))
    assert reply.message["content"] == f"{Kb.REFUSED}\n- {Kb.TOO_BIG.format(limit=UPLOAD_LIMIT)}"
    assert sum(read_from_network) < 2 * UPLOAD_LIMIT < len(huge)
    assert world.knowledge_files() == before


async def test_an_attachment_declared_over_the_limit_is_refused_before_the_form(harness, cdn):
    big = attachment("article.txt", b"x", cdn, declared=UPLOAD_LIMIT + 1)
    (reply,) = await harness.interact(moderator(kb(harness, "source add", file=big)))
    assert reply.message["content"] == f"{Kb.REFUSED}\n- {Kb.TOO_BIG.format(limit=UPLOAD_LIMIT)}"
    assert cdn.downloads[big["value"]] == 0


async def test_export_with_a_linked_source_text_is_refused_and_never_packs_its_target(
    world, harness
):
    secret = world.root.parent / "environ"
    secret.write_text("DISCORD_TOKEN=not-for-anyone", encoding="utf-8")
    text = world.root / "sources" / f"{SOURCE}.txt"
    text.unlink()
    text.symlink_to(secret)
    requests = await harness.interact(moderator(kb(harness, "export")))
    reply = last(requests)
    assert reply.files == {}
    assert reply.message["content"] == f"{Kb.REFUSED}\n- sources/{SOURCE}.txt: {Check.LINK}"
    for request in requests:
        assert "not-for-anyone" not in str(request.payload)
        assert all(b"not-for-anyone" not in file for file in request.files.values())


async def test_a_question_copied_with_a_zero_width_space_cannot_take_over_its_answer(
    world, harness
):
    other = next(e for e in world.services.live.knowledge.entries.values() if e.id != EDITED)
    copied = other.question[:4] + "\u200b" + other.question[4:]
    before = world.knowledge_files()
    payload = kb(harness, "phrase add", entry=EDITED, text=copied)
    reply = last(await harness.interact(moderator(payload)))
    assert reply.message["content"].startswith(Kb.REFUSED)
    assert f"entry '{other.id}'" in reply.message["content"]
    assert world.knowledge_files() == before


# Vocabulary


async def test_an_alias_added_from_discord_is_read_at_once_and_undone_exactly(world, harness):
    vocabulary = world.services.settings.knowledge_dir / "vocabulary"
    before = sorted(p.name for p in vocabulary.iterdir())
    added = last(
        await harness.interact(
            moderator(kb(harness, "vocab add", field="aliases", word="Strelsau", meaning="zenda"))
        )
    )
    assert added.message["content"] == Kb.VOCAB_ADDED.format(
        text="Strelsau", item_id="vocabulary/moderators.yaml", change_id=1
    )
    lexicon = world.services.live.engine.lexicon
    assert lexicon.apply_aliases("strelsau") == "zenda"
    undone = last(await harness.interact(moderator(kb(harness, "undo"))))
    assert undone.message["content"] == Kb.UNDONE.format(undone=1, change_id=2)
    assert sorted(p.name for p in vocabulary.iterdir()) == before
    assert world.services.live.engine.lexicon.apply_aliases("strelsau") == "strelsau"


async def test_a_vocabulary_clash_is_refused_with_the_checkers_line(harness):
    refused = last(
        await harness.interact(
            moderator(kb(harness, "vocab add", field="aliases", word="dont", meaning="zenda"))
        )
    )
    assert (
        "vocabulary/moderators.yaml:5: aliases.dont: 'dont' is a word of the language"
        in (refused.message["content"])
    )


@pytest.mark.parametrize(
    ("word", "meaning", "markup"),
    [
        ("<@123456789012345678>", "", "<@123456789012345678>"),
        ("strelsau", "<:flag:42> zenda", "<:flag:42>"),
    ],
)
async def test_a_vocabulary_word_holding_discord_markup_is_refused(
    world, harness, word, meaning, markup
):
    before = world.knowledge_files()
    field = "aliases" if meaning else "names"
    added = kb(harness, "vocab add", field=field, word=word, meaning=meaning)
    refused = last(await harness.interact(moderator(added)))
    assert refused.message["content"] == (
        f"{Kb.REFUSED}\n- vocabulary/moderators.yaml: "
        + Moderation.VOCAB_MARKUP.format(markup=markup)
    )
    assert world.knowledge_files() == before


async def test_vocab_list_counts_each_file_and_lists_the_words_of_one(world, harness):
    await harness.interact(moderator(kb(harness, "vocab add", field="names", word="Zenda")))
    (counted,) = await harness.interact(moderator(kb(harness, "vocab list")))
    assert "`moderators`: 1 names" in counted.message["content"]
    (listed,) = await harness.interact(moderator(kb(harness, "vocab list", file="moderators")))
    assert listed.message["content"].splitlines()[1:] == ["**names**: zenda"]
    removed = last(
        await harness.interact(moderator(kb(harness, "vocab remove", field="names", word="zenda")))
    )
    assert removed.message["content"].startswith("Removed “zenda” from `vocabulary/moderators")


async def test_removing_a_word_from_a_file_that_lacks_it_names_the_file_holding_it(harness):
    removal = kb(harness, "vocab remove", field="aliases", word="secgen")
    refused = last(await harness.interact(moderator(removal)))
    assert refused.message["content"].endswith(
        Moderation.VOCAB_ABSENT.format(word="secgen", field="aliases")
        + " "
        + Moderation.VOCAB_HELD_IN.format(field="aliases", files="`thesaurus`")
    )


async def test_a_vocabulary_file_too_long_for_a_message_comes_whole_as_an_attachment(
    world, harness
):
    names = [f"zendaplace{n:03d}" for n in range(300)]
    (world.root / "vocabulary" / "long.yaml").write_text(
        "names:\n" + "".join(f"  - {name}\n" for name in names), "utf-8"
    )
    world.services.live.reload()

    (listed,) = await harness.interact(moderator(kb(harness, "vocab list", file="long")))

    assert len(listed.message["content"]) <= 2000
    assert listed.message["content"].endswith(Kb.VOCAB_ATTACHED.format(name="vocabulary-long.txt"))
    attached = listed.files["vocabulary-long.txt"].decode("utf-8").splitlines()
    assert attached == [f"names: {name}" for name in names]


# Case forms: a stem with a set of endings, so every inflected form of a name reads as it

BALKAN_QUESTION = "Which Western Balkan countries are already in NATO?"
# Serbian "Makedonija": no vocabulary file of the fixture has its case forms.
INFLECTED = "Da li je Makedonija clanica NATO-a?"


async def test_a_case_form_added_from_discord_answers_inflected_questions_until_undone(
    world, harness
):
    before = world.knowledge_files()
    (unread,) = await harness.interact(harness.slash("ask", question=INFLECTED))
    assert not unread.embeds  # not answered (read as a misspelt name at most: close, not it)
    payload = kb(
        harness, "vocab add-form", endings="serbian", stem="Makedonij", meaning="north macedonia"
    )

    added = last(await harness.interact(moderator(payload)))

    assert added.message["content"] == Kb.VOCAB_ADDED.format(
        text="Makedonij- (serbian)", item_id="vocabulary/moderators.yaml", change_id=1
    )
    (answer,) = await harness.interact(harness.slash("ask", question=INFLECTED))
    assert answer.embeds[0]["title"] == BALKAN_QUESTION
    (listed,) = await harness.interact(moderator(kb(harness, "vocab list", file="moderators")))
    assert listed.message["content"].splitlines()[1:] == ["**forms**: makedonij- → north macedonia"]
    undone = last(await harness.interact(moderator(kb(harness, "undo"))))
    assert undone.message["content"] == Kb.UNDONE.format(undone=1, change_id=2)
    assert world.knowledge_files() == before
    (again,) = await harness.interact(harness.slash("ask", question=INFLECTED))
    assert not again.embeds


async def test_a_case_form_removed_from_discord_is_no_longer_read(world, harness):
    add = kb(harness, "vocab add-form", endings="serbian", stem="makedonij", meaning="macedonia")
    await harness.interact(moderator(add))
    remove = kb(harness, "vocab remove-form", stem="makedonij")

    removed = last(await harness.interact(moderator(remove)))

    assert removed.message["content"] == Kb.VOCAB_REMOVED.format(
        text="makedonij", item_id="vocabulary/moderators.yaml", change_id=2
    )
    assert not (world.root / "vocabulary" / "moderators.yaml").exists()
    (unread,) = await harness.interact(harness.slash("ask", question=INFLECTED))
    assert not unread.embeds


async def test_a_bad_case_form_is_refused_with_the_checkers_line_and_nothing_written(
    world, harness
):
    before = world.knowledge_files()
    clash = kb(harness, "vocab add-form", endings="serbian", stem="kosov", meaning="zenda")
    unknown = kb(harness, "vocab add-form", endings="latin", stem="rom", meaning="rome")

    clashed = last(await harness.interact(moderator(clash)))
    refused = last(await harness.interact(moderator(unknown)))

    assert clashed.message["content"].startswith(Kb.REFUSED)
    assert (
        "- vocabulary/places.yaml:211: forms[1].stems.kosov: 'kosov' is read as 'kosovo' here "
        "and as 'zenda' in vocabulary/moderators.yaml"
    ) in clashed.message["content"].splitlines()
    assert (
        "- vocabulary/moderators.yaml: forms.endings: 'latin' is not a set of endings; write a "
        "list of endings, or one of: albanian, serbian, albanian person, serbian person"
    ) in refused.message["content"].splitlines()
    assert world.knowledge_files() == before


async def test_autocomplete_offers_the_sets_of_endings_and_the_stems_of_a_file(harness):
    typed_set = moderator(kb_autocomplete(harness, "vocab add-form", "endings", "serb"))
    typed_stem = moderator(
        kb_autocomplete(harness, "vocab remove-form", "stem", "rut", file="people")
    )

    (sets,) = await harness.interact(typed_set)
    (stems,) = await harness.interact(typed_stem)

    assert [c["value"] for c in sets.payload["data"]["choices"]] == ["serbian", "serbian person"]
    assert [(c["name"], c["value"]) for c in stems.payload["data"]["choices"]] == [
        ('rute- ("", a, u, om, ov, ova, ove) → rutte', "rute"),
        ('rutte- ("", a, u, om, ov, ova, ove) → rutte', "rutte"),
    ]


async def test_vocab_read_shows_a_question_read_after_aliases_without_its_markup(world, harness):
    question = "when did the secgen <@123> visit Zenda?"
    (read,) = await harness.interact(moderator(kb(harness, "vocab read", question=question)))
    lines = read.message["content"].splitlines()
    assert lines[0] == f"**{Explain.HEADER}**"
    assert lines[1] == Explain.READ_AS.format(text="when did the secretary general visit zenda")
    assert lines[2] == Explain.KIND.format(kind=Explain.KINDS["when"])
    zenda = next(line for line in lines if line.startswith("  - zenda "))
    assert Explain.NAME in zenda and Explain.UNKNOWN in zenda
    assert read.message["allowed_mentions"] == {"parse": []}


async def test_vocab_read_of_an_unanswered_question_says_why_the_closest_entry_was_not_given(
    world, harness
):
    question = "when did kosovo join pfp"
    (read,) = await harness.interact(moderator(kb(harness, "vocab read", question=question)))
    refused = read.message["content"].splitlines()[-1]
    assert refused == Explain.REFUSED.format(
        entry="kosovo-outside-pfp", why=Check.WHY_NOT_ANSWERED["kind"]
    )
