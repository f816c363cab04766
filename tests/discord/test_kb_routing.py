"""`/kb` refuses, before saving, words that would not reach the entry they are written for.

`python -m bot check` would fail after such a write, so the moderator sees the problem as
any other check problem, with the entry the words reach instead, and nothing is written.
"""

from __future__ import annotations

import asyncio
import threading

from bot.discord.kb import entries
from bot.discord.kb._render import held_out_text
from bot.discord_format import MESSAGE_LIMIT
from bot.engine.held_out import Unwritten, fewest_reached_first, unwritten
from bot.strings import Kb, Moderation
from tests.discord.kb_support import form_values, kb, last, moderator, submit

EDITED = "kosovo-defence-investment"


async def add_phrasing(harness, text: str):
    return last(
        await harness.interact(moderator(kb(harness, "phrase add", entry=EDITED, text=text)))
    )


async def test_a_phrasing_another_entry_answers_is_refused_naming_that_entry(world, harness):
    before = world.knowledge_files()
    reply = await add_phrasing(harness, "kosovo outside partnership for peace")
    assert reply.message["content"] == (
        f"{Kb.REFUSED}\n- entries/{EDITED}.yaml: phrasings[22]: questions worded like "
        "'kosovo outside partnership for peace' are answered by entry 'kosovo-outside-pfp', "
        "not this one: reword it, or leave those words to that entry"
    )
    assert world.knowledge_files() == before


async def test_a_phrasing_no_entry_answers_is_refused(world, harness):
    before = world.knowledge_files()
    reply = await add_phrasing(harness, "pristina troop funding")
    assert reply.message["content"] == (
        f"{Kb.REFUSED}\n- entries/{EDITED}.yaml: phrasings[22]: questions worded like "
        "'pristina troop funding' are not answered (the bot abstains: it shares no name or "
        "specific word with this entry): reword it closer to this entry's words"
    )
    assert world.knowledge_files() == before


async def test_a_phrasing_that_reaches_its_entry_is_saved(world, harness):
    reply = await add_phrasing(harness, "kosovo barracks budget")
    assert reply.message["content"].startswith("Added the phrasing")
    assert world.services.live.engine.decide("kosovo barracks budget").entry.id == EDITED


async def test_an_edited_question_no_entry_answers_is_refused_with_retry(world, harness):
    before = world.knowledge_files()
    (opened,) = await harness.interact(moderator(kb(harness, "edit", entry=EDITED)))
    question = "When did Kosovo increase its defence spending?"
    reply = last(await harness.interact(submit(harness, opened, Question=question)))
    content = reply.message["content"]
    assert content.startswith(Kb.REFUSED)
    assert (
        f"entries/{EDITED}.yaml: question: questions worded like '{question}' are not "
        "answered (the bot abstains: "
        "this entry does not state the kind of fact it asks for, such as a date, a count or a "
        "reason)" in content
    )
    assert world.knowledge_files() == before
    (retry,) = reply.buttons
    (reopened,) = await harness.interact(moderator(harness.press(reply, retry["custom_id"])))
    assert form_values(reopened)["Question"] == question


async def test_a_new_entry_whose_phrasing_no_entry_answers_is_refused(world, harness):
    before = world.knowledge_files()
    (opened,) = await harness.interact(moderator(kb(harness, "add")))
    typed = {
        "Question": "What is KFOR's role in Kosovo?",
        "Topic": "Security",
        "Answer": "Jamie Shea says KFOR has protected Kosovo for years.",
        "Other phrasings": "what is kfor\npristina troop funding",
        "Citations": (
            "source: rferl-2025-12-kosovo-nato\nspeaker: RFE/RL\n"
            "quote: as KFOR has protected the country for years."
        ),
    }
    reply = last(await harness.interact(submit(harness, opened, **typed)))
    assert reply.message["content"].startswith(Kb.REFUSED)
    assert (
        "phrasings[1]: questions worded like 'pristina troop funding' are not answered (the "
        "bot abstains: it shares no name or specific word with this entry)"
        in reply.message["content"]
    )
    assert world.knowledge_files() == before


async def test_check_lists_a_phrasing_written_by_hand_that_another_entry_answers(world, harness):
    path = world.root / "entries" / f"{EDITED}.yaml"
    content = path.read_text(encoding="utf-8")
    anchor = '  - "kosovo defence spending"\n'
    assert anchor in content
    hand_written = '  - "kosovo outside partnership for peace"\n'
    path.write_text(content.replace(anchor, anchor + hand_written), encoding="utf-8")
    reply = last(await harness.interact(moderator(kb(harness, "check"))))
    assert reply.message["content"] == (
        f"{Kb.CHECK_PROBLEMS.format(count=1)}\n- entries/{EDITED}.yaml:9: phrasings[1]: "
        "questions worded like 'kosovo outside partnership for peace' are answered by entry "
        "'kosovo-outside-pfp', not this one: reword it, or leave those words to that entry"
    )


# Taking words away: a phrasing, an entry, an undo or a vocabulary word can strand a text.

LATIN = "Da li Kosovo ulaže više u vojsku?"
CYRILLIC = "Да ли Косово улаже више у војску?"


def stranded(entry_id: str, field: str, text: str, why: str) -> str:
    return (
        f"{Kb.REFUSED}\n- entries/{entry_id}.yaml: {field}: questions worded like '{text}' are "
        f"not answered (the bot abstains: {why}): reword it closer to this entry's words"
    )


async def test_removing_a_phrasing_another_phrasing_needs_is_refused_naming_the_stranded_one(
    world, harness
):
    before = world.knowledge_files()
    removal = kb(harness, "phrase remove", entry=EDITED, text=LATIN)
    reply = last(await harness.interact(moderator(removal)))
    assert reply.message["content"] == stranded(
        EDITED, "phrasings[19]", CYRILLIC, "it shares no name or specific word with this entry"
    )
    assert world.knowledge_files() == before
    (answer,) = await harness.interact(harness.slash("ask", question=CYRILLIC))
    assert answer.embeds[0]["title"] == world.services.live.knowledge.entries[EDITED].question


async def test_a_vocabulary_word_that_would_leave_a_phrasing_unanswered_is_refused(world, harness):
    before = world.knowledge_files()
    alias = kb(harness, "vocab add", field="aliases", word="western", meaning="outside")
    reply = last(await harness.interact(moderator(alias)))
    assert reply.message["content"] == stranded(
        "balkan-nato-members",
        "phrasings[1]",
        "which balkan states joined nato",
        "this entry does not state the thing it asks for",
    )
    assert world.knowledge_files() == before


async def test_undoing_a_word_a_later_phrasing_needs_is_refused_naming_that_phrasing(
    world, harness
):
    alias = kb(harness, "vocab add", field="aliases", word="sugarplum", meaning="defence spending")
    await harness.interact(moderator(alias))
    added = await add_phrasing(harness, "sugarplum of kosovo")
    assert added.message["content"].startswith("Added the phrasing")
    before = world.knowledge_files()
    reply = last(await harness.interact(moderator(kb(harness, "undo", change=1))))
    assert reply.message["content"] == stranded(
        EDITED,
        "phrasings[22]",
        "sugarplum of kosovo",
        "it shares no name or specific word with this entry",
    )
    assert world.knowledge_files() == before


async def test_held_out_lists_the_ways_of_asking_an_entry_answers_only_as_written(world, harness):
    reply = last(await harness.interact(moderator(kb(harness, "held-out"))))
    lines = reply.message["content"].splitlines()
    assert lines[0] == ("**Held out: 37/41 ways of asking reach their entry when left out (90 %)**")
    assert lines[1] == Kb.HELD_OUT_HINT
    assert lines[2] == f"`{EDITED}` · 19/23 reach it when left out"
    assert "• “Da li Kosovo ulaže više u vojsku?”: not answered (it shares no name or " in (
        "\n".join(lines)
    )
    assert len(lines) == 3 + 4


async def test_held_out_of_one_entry_asks_only_its_ways_of_asking(world, harness):
    reply = last(await harness.interact(moderator(kb(harness, "held-out", entry="article-10"))))
    assert reply.message["content"] == (
        "**Held out: 3/3 ways of asking reach their entry when left out (100 %)**\n"
        + Kb.HELD_OUT_ALL
    )


async def test_held_out_of_an_entry_with_no_phrasing_says_to_write_some(world, harness):
    text = (world.root / "entries" / "article-10.yaml").read_text("utf-8")
    start, end = text.index("phrasings:"), text.index("citations:")
    (world.root / "entries" / "article-10.yaml").write_text(text[:start] + text[end:], "utf-8")
    world.services.live.reload()

    reply = last(await harness.interact(moderator(kb(harness, "held-out", entry="article-10"))))

    lines = reply.message["content"].splitlines()
    assert lines[0] == "**Held out: 0/1 ways of asking reach their entry when left out (0 %)**"
    assert lines[2] == "`article-10` · 0/1 reach it when left out"
    assert "this entry has no phrasing" in lines[3]


async def test_held_out_of_an_unknown_entry_says_there_is_none(world, harness):
    reply = last(await harness.interact(moderator(kb(harness, "held-out", entry="no-such"))))
    assert reply.message["content"] == Moderation.NO_ENTRY.format(entry_id="no-such")


async def test_held_out_is_refused_to_a_member_without_permission(world, harness):
    reply = last(await harness.interact(kb(harness, "held-out")))
    assert reply.message["content"] == Kb.NOT_ALLOWED


def test_a_long_held_out_report_fits_one_message_and_says_how_many_lines_it_left_out():
    found = [
        Unwritten(f"entry-{n:03}", ("phrasings", k), "why " * 50, None, "coverage", ("why",))
        for n in range(40)
        for k in range(3)
    ]

    text = held_out_text(found, fewest_reached_first(found))

    assert len(text) <= MESSAGE_LIMIT
    assert text.startswith("**Held out: 0/120 ways of asking reach their entry")
    assert text.endswith(" more)")


async def test_held_out_of_a_knowledge_past_the_limit_asks_for_one_entry(
    world, harness, monkeypatch
):
    monkeypatch.setattr(entries, "HELD_OUT_TEXTS", 40)
    reply = last(await harness.interact(moderator(kb(harness, "held-out"))))
    assert reply.message["content"] == Kb.HELD_OUT_TOO_MANY.format(texts=41, limit=40)
    one = last(await harness.interact(moderator(kb(harness, "held-out", entry=EDITED))))
    assert one.message["content"].startswith("**Held out: 19/23 ways of asking")


async def test_a_second_held_out_report_waits_for_the_first(world, harness, monkeypatch):
    started, release = threading.Event(), threading.Event()

    def slow_unwritten(*args):
        started.set()
        release.wait(10)
        return unwritten(*args)

    monkeypatch.setattr(entries, "unwritten", slow_unwritten)
    first = asyncio.create_task(harness.interact(moderator(kb(harness, "held-out"))))
    await asyncio.to_thread(started.wait, 10)
    second = last(await harness.interact(moderator(kb(harness, "held-out"))))
    release.set()
    shown = last(await first)
    assert second.message["content"] == Kb.HELD_OUT_BUSY
    assert shown.message["content"].startswith("**Held out: 37/41 ways of asking")
