"""Covering a new source from Discord, and `/kb add` refusing an id before its form opens.

Through discord.py's real command tree, on a copy of the shipped knowledge; the new source
and its sentences are the test's own.
"""

from __future__ import annotations

import pytest

from bot.knowledge.serialise import data_to_yaml
from bot.strings import Kb
from tests.discord.kb_support import (
    MODAL,
    form_values,
    kb,
    last,
    moderator,
    submit,
)

SOURCE_ID = "council-report-2026"
SOURCE_TEXT = (
    "Prime Minister Jane Marlow opened the session in the capital.\n"
    "“We will keep our promises,” Marlow said.\n"
)
CITATIONS = "Citations: source, speaker, quote"


async def add_source(harness):
    (opened,) = await harness.interact(moderator(kb(harness, "source add")))
    typed = {
        "Id": SOURCE_ID,
        "Title": "The council meets",
        "Outlet": "Example Times",
        "Published": "2026-11-20",
        "Full text": SOURCE_TEXT,
    }
    return await harness.interact(submit(harness, opened, **typed))


async def test_a_new_source_shows_its_coverage_and_each_sentence_opens_a_prefilled_form(
    world, harness
):
    shown = last(await add_source(harness))
    content = shown.message["content"]
    assert content.startswith(f"**`{SOURCE_ID}`: 0/2 sentences cited**")
    assert "**2.** ““We will keep our promises,” Marlow said.” · Jane Marlow" in content
    assert [b["label"] for b in shown.buttons] == ["1", "2"]
    (opened,) = await harness.interact(
        moderator(harness.press(shown, shown.buttons[1]["custom_id"]))
    )
    values = form_values(opened)
    assert values[CITATIONS] == (
        f"source: {SOURCE_ID}\nspeaker: Jane Marlow\n"
        "quote: “We will keep our promises,” Marlow said."
    )
    topics = {entry.topic for entry in world.services.live.knowledge.entries.values()}
    assert values["Topic"] in topics
    assert values["Question"] == values[Kb.FIELD_ANSWER] == ""
    typed = {"Question": "What did Jane Marlow promise?", "Answer": "To keep her promises."}
    requests = await harness.interact(submit(harness, opened, **typed))
    new_id = "what-did-jane-marlow-promise"
    done = Kb.ADDED.format(entry_id=new_id, change_id=2)
    assert done in [r.payload.get("content") for r in requests]
    again = last(requests)
    assert again.message["content"].startswith(f"**`{SOURCE_ID}`: 1/2 sentences cited**")
    assert [b["label"] for b in again.buttons] == ["1"]
    assert (world.root / "entries" / f"{new_id}.yaml").is_file()


async def test_coverage_without_a_source_lists_every_source_and_offers_those_not_covered(
    world, harness
):
    await add_source(harness)
    listed = last(await harness.interact(moderator(kb(harness, "coverage"))))
    lines = listed.message["content"].splitlines()
    assert f"`{SOURCE_ID}` · 0/2" in lines
    (menu,) = listed.selects
    offered = [o["value"] for o in menu["options"]]
    assert SOURCE_ID in offered
    for line in lines:
        if line.startswith("`") and " · " in line:
            source, share = line.strip("`").split("` · ")
            cited, total = share.split("/")
            assert (source in offered) == (int(cited) < int(total)), line
    chosen = harness.choose(listed, menu["custom_id"], [SOURCE_ID])
    (shown,) = await harness.interact(moderator(chosen))
    assert shown.message["content"].startswith(f"**`{SOURCE_ID}`: 0/2 sentences cited**")


async def test_coverage_of_an_unknown_source_says_so(harness):
    reply = last(await harness.interact(moderator(kb(harness, "coverage", source="nowhere"))))
    assert reply.message["content"] == Kb.NO_SOURCE.format(source_id="nowhere")


@pytest.mark.parametrize(
    ("entry_id", "said"),
    [
        ("Bad ID", "'Bad ID' is not a valid id"),
        ("kosovo-defence-investment", "`kosovo-defence-investment` already exists"),
    ],
)
async def test_add_refuses_an_id_it_could_not_save_before_any_form_opens(
    world, harness, entry_id, said
):
    before = world.knowledge_files()
    (reply,) = await harness.interact(moderator(kb(harness, "add", entry_id=entry_id)))
    assert reply.callback_type != MODAL
    assert reply.ephemeral
    assert said in reply.message["content"]
    assert world.knowledge_files() == before


async def test_an_entry_with_unpaired_quotation_marks_is_saved_and_checked_with_a_warning(
    world, harness
):
    await add_source(harness)
    (opened,) = await harness.interact(moderator(kb(harness, "add", entry_id="aaa-promise")))
    typed = {
        "Question": "What did Jane Marlow promise?",
        "Topic": "Politics",
        Kb.FIELD_ANSWER: "To keep her promises.",
        CITATIONS: f"source: {SOURCE_ID}\nspeaker: Jane Marlow\n"
        "quote: We will keep our promises,” Marlow said.",
    }
    reply = last(await harness.interact(submit(harness, opened, **typed)))
    warning = (
        "citations[0].quote: warning: quotation marks do not pair up; quote only the words "
        "inside them: «We will keep our promises»"
    )
    assert reply.message["content"].splitlines() == [
        Kb.ADDED.format(entry_id="aaa-promise", change_id=2),
        f"- {warning}",
    ]
    checked = last(await harness.interact(moderator(kb(harness, "check"))))
    lines = checked.message["content"].splitlines()
    assert lines[0].startswith("The knowledge on disk is valid: ")
    assert lines[1] == f"- entries/aaa-promise.yaml:8: {warning}"


async def test_check_lists_every_problem_at_once_and_blames_the_new_file_for_a_clash(
    world, harness
):
    knowledge = world.services.live.knowledge
    taken = min(knowledge.entries.values(), key=lambda entry: entry.id)
    source_id = min(knowledge.sources)
    copycat = {
        "id": "copycat",
        "question": taken.question,
        "topic": "Anything",
        "answer": "Anything.",
        "citations": [{"source": source_id, "quote": "words never printed", "speaker": "X"}],
    }
    (world.root / "entries" / "copycat.yaml").write_text(data_to_yaml(copycat), "utf-8")
    (world.root / "entries" / "broken.yaml").write_text("id: broken\nquestion: [unclosed\n")
    reply = last(await harness.interact(moderator(kb(harness, "check"))))
    lines = reply.message["content"].splitlines()
    assert lines[0] == Kb.CHECK_PROBLEMS.format(count=3)
    assert lines[1].startswith("- entries/broken.yaml:2: ")
    assert lines[2:] == [
        f"- entries/copycat.yaml:2: question: '{taken.question}' is also the question of "
        f"entry '{taken.id}' (entries/{taken.id}.yaml)",
        lines[3],
    ]
    assert lines[3].startswith("- entries/copycat.yaml:7: citations[0].quote: not found verbatim")
    assert not reply.files


async def test_check_attaches_every_problem_when_the_message_cannot_hold_them(world, harness):
    """A bad merge can break dozens of files: the message lists what fits, the file all."""
    for number in range(60):
        broken = world.root / "entries" / f"broken-{number:02d}-{'x' * 40}.yaml"
        broken.write_text("id: broken\nquestion: [unclosed " + "y" * 300 + "\n")
    reply = last(await harness.interact(moderator(kb(harness, "check"))))

    assert len(reply.message["content"]) <= 2000
    listed = reply.files[Kb.CHECK_FILE].decode("utf-8").splitlines()
    assert listed[0] == Kb.CHECK_PROBLEMS.format(count=60)
    assert [line.split(":")[0] for line in listed[1:]] == [
        f"- entries/broken-{number:02d}-{'x' * 40}.yaml" for number in range(60)
    ]
