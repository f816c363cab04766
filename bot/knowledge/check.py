"""The knowledge commands of the terminal: `check`, `coverage` and `sources`.

`python -m bot check` prints one line per problem (or per uncited sentence) so an editor
or CI log can jump to it, and a one-line summary when all is well; `coverage SOURCE` lists
a source's uncited sentences with a citation ready to paste; `sources` lists the sources.
Each returns the process exit code.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from bot import strings
from bot.knowledge.coverage import coverage
from bot.knowledge.guide import citing_counts, guide
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import Knowledge
from bot.knowledge.problems import Problem, Report
from bot.knowledge.serialise import data_to_yaml
from bot.knowledge.validate import entry_label, quote_warnings
from bot.knowledge.yamlfile import read_yaml

# Checks of a loaded snapshot that need more than this package (routing asks the engine),
# passed in by the caller so the knowledge package never imports the engine.
SnapshotCheck = Callable[[Knowledge, Path], Sequence[Problem]]
# A report on a valid snapshot, one line each (`check --held-out` asks the engine).
SnapshotReport = Callable[[Knowledge, Path], Sequence[str]]


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
    for warning in warnings(root, result.knowledge):
        say(str(warning))
    return 0


def run_report(root: Path, report: SnapshotReport, say: Callable[[str], None] = print) -> int:
    """Print `report` of the knowledge under `root`: 0, or 1 when it is not valid.

    A report advises; it fails nothing. Knowledge the check refuses is not reported on:
    its problems are printed instead, as `check` prints them.
    """
    result = load_knowledge(root)
    if result.knowledge is None or result.problems:
        for problem in result.problems:
            say(str(problem))
        return 1
    for line in report(result.knowledge, root):
        say(line)
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


def run_coverage(root: Path, source_id: str | None, say: Callable[[str], None] = print) -> int:
    """List a source's uncited sentences, each with a citation to paste into an entry file.

    Without a source, every source's share of cited sentences. 0 when every sentence is
    cited, 1 when some are not or the knowledge does not load.
    """
    knowledge = _loaded(root, say)
    if knowledge is None:
        return 1
    if source_id is None:
        shares = [guide(knowledge, known, 0) for known in sorted(knowledge.sources)]
        for share in shares:
            if share is not None:
                say(
                    strings.Terminal.COVERAGE.format(
                        source=share.source.id, cited=share.cited, total=share.total
                    )
                )
        return 0 if all(share is not None and not share.uncited for share in shares) else 1
    found = guide(knowledge, source_id)
    if found is None:
        say(strings.Terminal.NO_SOURCE.format(source=source_id, known=", ".join(knowledge.sources)))
        return 1
    say(strings.Terminal.COVERAGE.format(source=source_id, cited=found.cited, total=found.total))
    if found.suggestions:
        say(strings.Terminal.COVERAGE_HINT)
    for suggestion in found.suggestions:
        citation = {
            "source": source_id,
            "speaker": suggestion.speaker,
            "quote": suggestion.quote,
        }
        where = f"sources/{source_id}.txt:{suggestion.sentence.line}"
        say("")
        say(strings.Terminal.UNCITED.format(where=where, topic=suggestion.topic))
        say(data_to_yaml({"citations": [citation]}).removeprefix("citations:\n").rstrip())
    return 0 if not found.suggestions else 1


def run_sources(root: Path, say: Callable[[str], None] = print) -> int:
    """List the sources, newest first, with their date and how many entries cite each."""
    knowledge = _loaded(root, say)
    if knowledge is None:
        return 1
    counts = citing_counts(knowledge)
    ordered = sorted(knowledge.sources.values(), key=lambda s: (s.published, s.id), reverse=True)
    for source in ordered:
        cited = _count(strings.Terminal.CITED_BY, counts[source.id])
        say(
            strings.Terminal.SOURCE_LISTED.format(
                id=source.id,
                title=source.title,
                outlet=source.outlet,
                published=source.published,
                author=strings.Terminal.SOURCE_BY.format(author=source.author)
                if source.author
                else "",
                cited=cited,
            )
        )
    if not ordered:
        say(strings.Terminal.NO_SOURCES_LISTED)
    return 0


def _loaded(root: Path, say: Callable[[str], None]) -> Knowledge | None:
    """The knowledge, or None after printing its problems."""
    result = load_knowledge(root)
    for problem in result.problems:
        say(str(problem))
    return result.knowledge


def show_problems(problems: Sequence[Problem], folder: Path, errors: TextIO = sys.stderr) -> None:
    """Say why nothing can be answered: the first problems and how to see them all.

    The check named is of `folder`, the one read: a draft folder given with `--directory`
    is not the one a plain `check` reads.
    """
    print(strings.Terminal.BROKEN_KNOWLEDGE, file=errors)
    for problem in problems[:20]:
        print(f"  {problem}", file=errors)
    print(strings.Terminal.CHECK_HINT.format(folder=folder), file=errors)
