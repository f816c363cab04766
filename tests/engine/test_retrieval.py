"""Retrieval takes shortcuts (a word walked alone, entries that cannot make the shortlist);
the shortlist must be exactly the one that scoring every entry by every word would give,
entries tying the best included when the whole shortlist does."""

import random

import pytest

from bot import bench
from bot.engine import match
from bot.engine.index import Index


@pytest.fixture(scope="module")
def index(engine) -> Index:
    # Enough entries sharing words that the budget, the re-weighing and the floor all act
    # once the limits are scaled down with them (see `small_limits`).
    return Index(bench.synthetic_knowledge(engine.knowledge, 400, seed=11))


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(match, "POSTINGS_BUDGET", 120)
    monkeypatch.setattr(match, "RESCORED", 12)
    monkeypatch.setattr(match, "SHORTLIST", 5)


def _every_entry_scored(index: Index, question: match.Question) -> tuple[list[int], dict]:
    """The shortlist by the plain rule: every entry a walked word has is scored, ranked."""
    scores: dict[int, float] = {}
    walked = 0
    common = []
    for term in sorted(question.terms, key=lambda t: -t.weight):
        postings = index.postings.get(term.stem, ())
        if scores and walked + len(postings) > match.POSTINGS_BUDGET:
            common.append(term)
            continue
        walked += len(postings)
        half = term.weight * term.match / 2
        for position in postings:
            scores[position] = scores.get(position, 0.0) + half
        for position in index.asked_postings.get(term.stem, ()):
            scores[position] += half
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    if common:
        ranked = ranked[: match.RESCORED]
        for position in ranked:
            for term in common:
                asked = index.profiles[position].known.get(term.stem)
                if asked is not None:
                    scores[position] += term.weight * term.match / 2 * (2 if asked else 1)
        ranked = sorted(ranked, key=scores.__getitem__, reverse=True)
    ranked = ranked[: match.RESCORED]
    # When the whole shortlist ties the best, every entry tying it is kept (at most RESCORED).
    end = min(match.SHORTLIST, len(ranked))
    while end < len(ranked) and scores[ranked[end]] == scores[ranked[0]]:
        end += 1
    return ranked[:end], scores


def test_the_shortlist_is_the_one_scoring_every_entry_would_give(index, small_limits):
    words = sorted({w for p in index.profiles for w in p.entry.question.rstrip("?").split()})
    rng = random.Random(5)
    for _ in range(300):
        question = match.read_question(index, " ".join(rng.sample(words, rng.randint(1, 9))))
        shortlisted, scores = match.shortlist(index, question)
        expected, expected_scores = _every_entry_scored(index, question)
        assert shortlisted == expected
        assert [scores[p] for p in shortlisted] == [expected_scores[p] for p in expected]
