"""`python -m bot check`: validate the knowledge, and optionally measure its coverage.

Prints one line per problem (or per uncited sentence) so an editor or CI log can jump to
it, and a one-line summary when all is well. Returns the process exit code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from bot import strings
from bot.knowledge.coverage import coverage
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.problems import Problem

# Checks of a loaded snapshot that need more than this package (routing asks the engine),
# passed in by the caller so the knowledge package never imports the engine.
SnapshotCheck = Callable[[Knowledge, Path], Sequence[Problem]]


def run_check(
    root: Path,
    with_coverage: bool,
    say: Callable[[str], None] = print,
    snapshot_checks: Sequence[SnapshotCheck] = (),
) -> int:
    """Check the knowledge under `root`; 0 when valid (and fully cited, if asked), else 1."""
    result = load_knowledge(root)
    problems = list(result.problems)
    if result.knowledge is not None and not with_coverage:
        problems += [p for check in snapshot_checks for p in check(result.knowledge, root)]
    if result.knowledge is None or problems:
        for problem in problems:
            say(str(problem))
        return 1
    if with_coverage:
        return _report_coverage(result.knowledge, say)
    say(_summary(result.knowledge))
    return 0


def _summary(knowledge: Knowledge) -> str:
    return strings.Check.OK.format(
        entries=_count(strings.Check.ENTRIES, len(knowledge.entries)),
        sources=_count(strings.Check.SOURCES, len(knowledge.sources)),
    )


def _count(forms: tuple[str, str], count: int) -> str:
    return (forms[0] if count == 1 else forms[1]).format(count=count)


def _report_coverage(knowledge: Knowledge, say: Callable[[str], None]) -> int:
    total = cited = 0
    for source in coverage(knowledge):
        for sentence in source.uncited:
            message = strings.Check.UNCITED.format(sentence=sentence.text)
            say(f"sources/{source.source_id}.txt:{sentence.line}: {message}")
        total += source.total
        cited += source.total - len(source.uncited)
    say(strings.Check.COVERAGE.format(cited=cited, total=total))
    return 0 if cited == total else 1
