"""Read the knowledge folder into a snapshot, or into the list of what is wrong with it.

A load never returns half the knowledge: either every file is valid and a complete
`Knowledge` comes back, or every problem found does (not just the first) and the caller
keeps what it had. Files whose names start with "." are never read: they are the
temporary files of an atomic write in progress. Links and anything else that is not a
regular file are refused unread, as are files over their size limit; knowledge without
any entry is a problem too, so a lost folder never replaces the served knowledge.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bot import strings
from bot.knowledge.age import oldest_first
from bot.knowledge.files import (
    KNOWLEDGE_FOLDERS,
    RESERVED_NAMES,
    YAML_FILE_LIMIT,
    FileRefused,
    Refusal,
    read_regular,
)
from bot.knowledge.model import Entry, Knowledge, Source, Vocabulary
from bot.knowledge.problems import FieldPath, Problem, Report
from bot.knowledge.validate import (
    Misquotes,
    check_entry,
    check_source,
    claimant,
    entry_label,
    report_clashes,
)
from bot.knowledge.vocabulary import VocabularyClaims, check_vocabulary
from bot.knowledge.yamlfile import YamlDocument, read_yaml

__all__ = ["LoadResult", "Problem", "load_knowledge"]


@dataclass(frozen=True)
class LoadResult:
    """Either a complete snapshot (no problems) or the problems (no snapshot)."""

    knowledge: Knowledge | None
    problems: tuple[Problem, ...]


def load_knowledge(root: Path) -> LoadResult:
    """Load and validate every source and entry under `root`."""
    if not root.is_dir():
        return LoadResult(None, (Problem(str(root), strings.Check.NO_FOLDER),))
    problems = folder_problems(root)
    sources = _load_sources(root, problems)
    entries = _load_entries(root, sources, problems)
    vocabulary = _load_vocabulary(root, problems)
    if problems:
        return LoadResult(None, tuple(problems))
    valid_sources = {key: source for key, source in sources.items() if source is not None}
    knowledge = Knowledge(entries=entries, sources=valid_sources, vocabulary=vocabulary)
    return LoadResult(knowledge, ())


def folder_problems(root: Path) -> list[Problem]:
    """What is wrong with the folders themselves: a link, something else, no `entries/`."""
    problems = []
    for name in KNOWLEDGE_FOLDERS:
        folder = root / name
        try:
            if folder.is_symlink():
                problems.append(Problem(name, strings.Check.LINK))
            elif folder.exists() and not folder.is_dir():
                problems.append(Problem(name, strings.Check.NOT_REGULAR))
            elif name == "entries" and not folder.exists():
                problems.append(Problem(name, strings.Check.NO_ENTRIES_FOLDER))
            elif folder.is_dir():
                os.listdir(folder)
        except OSError as error:  # no permission to look in: a wrong owner or mode
            reason = error.strerror or type(error).__name__
            problems.append(Problem(name, strings.Check.FOLDER_UNREADABLE.format(reason=reason)))
    return problems


def _visible_files(folder: Path) -> list[Path]:
    """The names to read, whatever they are: reading refuses what is not a regular file.

    A folder that cannot be listed gives none: `folder_problems` reports it.
    """
    try:
        if folder.is_symlink() or not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return []


def refusal_message(refused: FileRefused) -> str:
    """Why a file was refused unread, as a moderator reads it."""
    if refused.refusal is Refusal.LINK:
        return strings.Check.LINK
    if refused.refusal is Refusal.NOT_REGULAR:
        return strings.Check.NOT_REGULAR
    return strings.Check.TOO_LARGE.format(size=refused.size, limit=refused.limit)


def _read_text(path: Path, report: Report) -> str | None:
    """The file's text, or None when it cannot be read or is not UTF-8 (reported).

    A file can vanish between listing and reading while a moderator's edit is saved;
    that is a problem of this load, not a crash, and the next reload sees the new file.
    """
    try:
        raw = read_regular(path)
    except FileRefused as refused:
        report.add((), refusal_message(refused))
        return None
    except OSError as error:
        report.add((), strings.Check.UNREADABLE.format(reason=error.strerror or error))
        return None
    return _decoded(raw, report)


def _decoded(raw: bytes, report: Report) -> str | None:
    """The bytes as UTF-8 text, or None (reported at the line of the first bad byte)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        report.add((), strings.Check.NOT_UTF8.format(offset=error.start), line=line)
        return None


def _load_sources(root: Path, problems: list[Problem]) -> dict[str, Source | None]:
    """Every source by id; None marks a source that exists but is broken (reported)."""
    sources: dict[str, Source | None] = {}
    files = _visible_files(root / "sources")
    names = {p.name for p in files}
    for path in files:
        label = f"sources/{path.name}"
        if path.suffix == ".txt" and f"{path.stem}.yaml" in names:
            continue
        if path.suffix != ".yaml":
            message = strings.Check.STRAY_SOURCE_FILE
            if path.suffix == ".txt":
                message = strings.Check.TEXT_WITHOUT_METADATA.format(file=f"{path.stem}.yaml")
            problems.append(Problem(label, message))
            continue
        sources[path.stem] = _load_source(path, label, problems)
    return sources


def _load_source(path: Path, label: str, problems: list[Problem]) -> Source | None:
    report = Report(label)
    text_report = Report(f"sources/{path.stem}.txt")
    text_path = path.with_suffix(".txt")
    text = None
    if os.path.lexists(text_path):
        text = _read_text(text_path, text_report)
    else:
        text_report.add((), strings.Check.TEXT_MISSING)
    source = None
    document = _read_document(path, report)
    if document is not None:
        source = check_source(document.data, text, report, text_report, path.stem)
    problems.extend(report.sorted_problems() + text_report.sorted_problems())
    return source if not report.problems and not text_report.problems else None


def _read_document(path: Path, report: Report) -> YamlDocument | None:
    """Parse a YAML file and let `report` place later problems on its lines."""
    content = _read_text(path, report)
    document = read_yaml(content, report) if content is not None else None
    if document is not None:
        report.lines = document.lines
    return document


@dataclass(frozen=True)
class _EntryFile:
    """One entry file once read: what the checks that need every file read first use.

    Its parsed document is not kept, nor its lines (read again if a problem needs them):
    at 10,000 entries every file's values and lines held at once would weigh more than the
    knowledge itself. `checked` counts the problems the file had before its entry was
    checked, where a duplicate id is placed.
    """

    stem: str
    report: Report
    declared_id: str | None = None
    checked: int = 0


def _load_entries(
    root: Path, sources: dict[str, Source | None], problems: list[Problem]
) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    read: list[_EntryFile] = []
    claimants = []
    files = _visible_files(root / "entries")
    misquotes = Misquotes()
    if not files and (root / "entries").is_dir() and not (root / "entries").is_symlink():
        problems.append(Problem("entries", strings.Check.NO_ENTRIES))
    for path in files:
        label = f"entries/{path.name}"
        report = Report(label)
        if path.suffix != ".yaml":
            report.add((), strings.Check.STRAY_ENTRY_FILE)
            read.append(_EntryFile(path.stem, report))
            continue
        document = _read_document(path, report)
        if document is None:
            read.append(_EntryFile(path.stem, report))
            continue
        declared = _declared_id(document.data)
        read.append(_EntryFile(path.stem, report, declared, len(report.problems)))
        entry = check_entry(document.data, report, sources, path.stem, misquotes)
        if entry is not None:
            entries[entry.id] = entry
        claimants.append(claimant(document.data, report))
        report.forget_lines(partial(_lines_of, path))
    owners = _id_owners(read)
    for entry_file in read:
        _check_unique_id(entry_file, owners)
    report_clashes(claimants, partial(oldest_first, root))
    for entry_file in read:
        problems.extend(entry_file.report.sorted_problems())
    return entries


def _lines_of(path: Path) -> Mapping[FieldPath, int]:
    """The line of each field of a file read before (for a report that forgot them)."""
    document = _read_document(path, Report(str(path)))
    return {} if document is None else document.lines


def load_entry_file(
    entry_id: str, raw: bytes, sources: Mapping[str, Source]
) -> tuple[Entry | None, tuple[Problem, ...]]:
    """The entry a load would read from `entries/<entry_id>.yaml` holding `raw`, or its problems.

    What a whole load checks of one entry file on its own (its size, encoding, YAML and
    fields, quotes against `sources`), for a writer that changes one file of a snapshot
    loaded whole: the rules across files are the writer's to check against that snapshot.
    """
    report = Report(entry_label(entry_id))
    text = None
    if len(raw) > YAML_FILE_LIMIT:
        refused = FileRefused(Refusal.TOO_LARGE, len(raw), YAML_FILE_LIMIT)
        report.add((), refusal_message(refused))
    else:
        text = _decoded(raw, report)
    document = read_yaml(text, report) if text is not None else None
    entry = None
    if document is not None:
        report.lines = document.lines
        entry = check_entry(document.data, report, sources, entry_id)
    problems = tuple(report.sorted_problems())
    return (entry if not problems else None), problems


def load_vocabulary(root: Path) -> tuple[dict[str, Vocabulary], tuple[Problem, ...]]:
    """The vocabulary files under `root` alone, and their problems, as a whole load reads them.

    A load reads them apart from the sources and entries (no check of one looks at the
    others), so a write of a vocabulary file is checked by reading the vocabulary alone.
    """
    problems: list[Problem] = []
    vocabulary = _load_vocabulary(root, problems)
    return vocabulary, tuple(problems)


def _load_vocabulary(root: Path, problems: list[Problem]) -> dict[str, Vocabulary]:
    """Every vocabulary file by name; a clash between two files is reported on the later."""
    files: list[tuple[Path, Report, Vocabulary | None]] = []
    claims = VocabularyClaims()
    for path in _visible_files(root / "vocabulary"):
        label = f"vocabulary/{path.name}"
        if path.suffix != ".yaml":
            problems.append(Problem(label, strings.Check.STRAY_VOCABULARY_FILE))
            continue
        if path.stem.casefold() in RESERVED_NAMES:
            problems.append(Problem(label, strings.Check.RESERVED_FILE.format(value=path.stem)))
            continue
        report = Report(label)
        document = _read_document(path, report)
        vocabulary = check_vocabulary(document.data, report) if document is not None else None
        if vocabulary is not None:
            claims.add(vocabulary, report)
        files.append((path, report, vocabulary))
    for _, report, vocabulary in files:
        if vocabulary is not None:
            claims.check_names(vocabulary, report)
        problems.extend(report.sorted_problems())
    return {path.stem: v for path, _, v in files if v is not None}


def _declared_id(data: object) -> str | None:
    entry_id = data.get("id") if isinstance(data, dict) else None
    return entry_id if isinstance(entry_id, str) else None


def _id_owners(read: list[_EntryFile]) -> dict[str, str]:
    """The file each declared id belongs to: the one named after it, else the first."""
    owners: dict[str, str] = {}
    for entry_file in read:
        entry_id = entry_file.declared_id
        if entry_id is not None and (entry_id not in owners or entry_id == entry_file.stem):
            owners[entry_id] = entry_file.report.label
    return owners


def _check_unique_id(entry_file: _EntryFile, owners: dict[str, str]) -> None:
    """Report an id another file declares too, whatever else is wrong with either."""
    entry_id, report = entry_file.declared_id, entry_file.report
    if entry_id is not None and owners[entry_id] != report.label:
        message = strings.Check.DUPLICATE_ID.format(value=entry_id, other=owners[entry_id])
        report.add(("id",), message, before=entry_file.checked)
