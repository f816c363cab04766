"""The bot over the shipped knowledge: every reply stays within Discord's limits.

The harness checks each captured request against the limits and the schema, so these
tests fail if the real content ever grows past what a message can hold. Each runs on the
shipped knowledge and on a copy grown with new sources and entries (`tests/grown_knowledge.py`).
"""

import pytest

from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge
from tests.grown_knowledge import KNOWLEDGE_KINDS, knowledge_root


@pytest.fixture(scope="module", params=KNOWLEDGE_KINDS)
def knowledge(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Knowledge:
    result = load_knowledge(knowledge_root(request.param, tmp_path_factory))
    assert result.knowledge is not None, result.problems
    return result.knowledge


async def test_every_answer_renders_within_discords_limits(start, make_bot, knowledge):
    briefing = await start(make_bot(knowledge=knowledge))
    (page,) = await briefing.interact(briefing.slash("topics"))
    shown = []
    while True:
        for menu in page.selects:
            for option in menu["options"]:
                choice = briefing.choose(page, menu["custom_id"], [option["value"]])
                (reply,) = await briefing.interact(choice)
                shown.append(reply.embeds[0]["title"])
        following = [b for b in page.buttons if b["label"] == "Next"]
        if not following:
            break
        (page,) = await briefing.interact(briefing.press(page, following[0]["custom_id"]))
    assert sorted(shown) == sorted(e.question for e in knowledge.entries.values())


async def test_sources_and_about_render_within_discords_limits(start, make_bot, knowledge):
    briefing = await start(make_bot(knowledge=knowledge))
    (sources,) = await briefing.interact(briefing.slash("sources"))
    (about,) = await briefing.interact(briefing.slash("about"))
    assert sources.embeds and about.embeds
