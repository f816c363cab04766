"""The engine's own held-out questions against the shipped knowledge, scored like the dev set.

A regression guard for the decision as a whole: the floors sit a little under what the
engine reaches, so a change that makes it answer worse, or guess more, fails here.
"""

from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent
IN_SCOPE_FLOOR = 0.95
ABSTAIN_FLOOR = 0.96


def _hit(expect: list[list[str]], text: str) -> bool:
    lowered = text.lower()
    return all(any(str(alt).lower() in lowered for alt in group) for group in expect)


@pytest.fixture(scope="module")
def results(shipped_engine):
    items = yaml.safe_load((HERE / "questions.yaml").read_text(encoding="utf-8"))["items"]
    outcomes = []
    for item in items:
        decision = shipped_engine.decide(item["q"])
        if item["expect"] == "abstain":
            outcomes.append(("abstain", not decision.answered, item["q"]))
            continue
        entry = decision.entry
        text = (
            "" if entry is None else " ".join([entry.answer, *(q.quote for q in decision.quotes)])
        )
        outcomes.append(("in", decision.answered and _hit(item["expect"], text), item["q"]))
    return outcomes


def _share(results, group):
    marks = [ok for kind, ok, _ in results if kind == group]
    return sum(marks) / len(marks)


def test_answers_most_held_out_covered_questions_correctly(results):
    missed = [q for kind, ok, q in results if kind == "in" and not ok]
    assert _share(results, "in") >= IN_SCOPE_FLOOR, missed


def test_abstains_on_held_out_uncovered_questions(results):
    answered = [q for kind, ok, q in results if kind == "abstain" and not ok]
    assert _share(results, "abstain") >= ABSTAIN_FLOOR, answered
