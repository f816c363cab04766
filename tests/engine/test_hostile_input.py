"""One question, however it is written, costs bounded work (a member must not freeze the bot).

Work is counted, not timed: patterns are checked for the shape that backtracks without
bound, and the Python calls one decision makes are counted against a ceiling. `make bench`
prints the worst time.
"""

import importlib
import pkgutil
import re
import re._parser as sre_parse
import sys
from re._constants import BRANCH, MAX_REPEAT, MAXREPEAT, MIN_REPEAT, SUBPATTERN

import pytest

import bot.engine
import bot.knowledge
import bot.language
from bot.engine.hostile import hostile_questions
from bot.engine.match import CORRECTIONS_PER_QUESTION

# An ordinary question of a few clauses makes about 1,000 to 4,000 Python calls at the
# fixture knowledge; ten times the longest of those leaves room for a 500-character
# question while a question that loops over its own words without bound goes far past it.
MAX_CALLS_PER_QUESTION = 40_000


def _children(items) -> list:
    """The sub-patterns directly inside a parsed pattern's items."""
    found = []
    for op, value in items:
        if op in (MAX_REPEAT, MIN_REPEAT):
            found.append(value[2])
        elif op == SUBPATTERN:
            found.append(value[-1])
        elif op == BRANCH:
            found.extend(value[1])
    return found


def _repeats_without_bound(items) -> bool:
    for op, value in items:
        if op in (MAX_REPEAT, MIN_REPEAT) and value[1] == MAXREPEAT:
            return True
    return any(_repeats_without_bound(child) for child in _children(items))


def _nests_unbounded_repeats(items) -> bool:
    for op, value in items:
        unbounded = op in (MAX_REPEAT, MIN_REPEAT) and value[1] == MAXREPEAT
        if unbounded and _repeats_without_bound(value[2]):
            return True
    return any(_nests_unbounded_repeats(child) for child in _children(items))


def _patterns_of(package) -> list[tuple[str, re.Pattern]]:
    patterns = []
    for module_info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                patterns.append((f"{module_info.name}.{name}", value))
    return patterns


ENGINE_PATTERNS = (
    _patterns_of(bot.engine) + _patterns_of(bot.knowledge) + _patterns_of(bot.language)
)


def test_the_engine_and_the_knowledge_have_patterns_to_check():
    assert len(ENGINE_PATTERNS) > 20


@pytest.mark.parametrize("name, pattern", ENGINE_PATTERNS, ids=[n for n, _ in ENGINE_PATTERNS])
def test_no_pattern_repeats_a_part_that_itself_repeats_without_bound(name, pattern):
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    assert not _nests_unbounded_repeats(parsed), f"{name} can backtrack without bound"


def test_the_check_finds_the_shape_that_froze_the_bot():
    frozen = r"^(?:(?:so|.* (?:know|ask)|tell me) )*when"
    assert _nests_unbounded_repeats(sre_parse.parse(frozen))


def _calls_made(engine, question: str) -> int:
    count = 0

    def counting(frame, event, argument):
        nonlocal count
        count += 1

    sys.setprofile(counting)
    try:
        engine.decide(question)
    finally:
        sys.setprofile(None)
    return count


def test_every_hostile_question_costs_bounded_work(engine):
    costs = {
        question: _calls_made(engine, question) for question in hostile_questions(engine.lexicon)
    }
    worst = max(costs, key=costs.__getitem__)
    assert costs[worst] <= MAX_CALLS_PER_QUESTION, (worst[:80], costs[worst])


def test_a_question_of_repeated_asking_words_is_read_and_abstained_on(engine):
    decision = engine.decide("ask " * 40)
    assert not decision.answered


def test_a_paste_of_made_up_words_looks_up_only_a_bounded_number_as_misspellings(engine):
    """Each look-up compares the word with every known word of about its length: a paste
    of hundreds of distinct made-up words must not make hundreds of them."""
    paste = next(q for q in hostile_questions(engine.lexicon) if q.startswith("bbbbbbbbb "))
    looked_up = []
    index = engine._index
    index.correct.cache_clear()
    original = index.correct
    index.correct = lambda word: looked_up.append(word) or original(word)
    try:
        decision = engine.decide(paste)
    finally:
        index.correct = original

    assert not decision.answered
    assert len(set(looked_up)) <= CORRECTIONS_PER_QUESTION < len(set(paste.split())) // 10
