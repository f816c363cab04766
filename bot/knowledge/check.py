"""`python -m bot check`: validate the knowledge, and optionally measure its coverage.

Prints one line per problem (or per uncited sentence) so an editor or CI log can jump to
it, and a one-line summary when all is well. Returns the process exit code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot import strings
from bot.knowledge.coverage import coverage
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.problems import Problem, Report
from bot.knowledge.validate import entry_label, quote_warnings
from bot.knowledge.yamlfile import read_yaml


def run_check(root: Path, with_coverage: bool, say: Callable[[str], None] = print) -> int:
    """Check the knowledge under `root`; 0 when valid (and fully cited, if asked), else 1."""
    result = load_knowledge(root)
    if result.knowledge is None:
        for problem in result.problems:
            say(str(problem))
        return 1
    if with_coverage:
        return _report_coverage(result.knowledge, say)
    say(_summary(result.knowledge))
    for warning in warnings(root, result.knowledge):
        say(str(warning))
    return 0


def warnings(root: Path, knowledge: Knowledge) -> list[Problem]:
    """What is odd but not wrong in valid knowledge, one `file:line: field: warning` each.

    A warning never fails the check: the bot serves the knowledge as it is.
    """
    found: list[Problem] = []
    for entry_id in sorted(knowledge.entries):
        odd = quote_warnings(knowledge.entries[entry_id])
        if not odd:
            continue
        report = _located(root, entry_label(entry_id))
        for path, message in odd:
            report.add(path, strings.Check.WARNING.format(message=message))
        found.extend(report.problems)
    return found


def _located(root: Path, label: str) -> Report:
    """A report that places problems on the lines of the file `label` (when it reads)."""
    report = Report(label)
    try:
        document = read_yaml((root / label).read_text(encoding="utf-8"), Report(label))
    except (OSError, UnicodeDecodeError):
        return report
    if document is not None:
        report.lines = document.lines
    return report


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
