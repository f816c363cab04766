"""What is wrong with the knowledge, as values a moderator can act on."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge, located as precisely as possible.

    Printed as `file:line: field: message`, the form editors and CI logs link to.
    """

    file: str
    message: str
    field: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


def field_name(path: FieldPath) -> str:
    """Show ("citations", 0, "quote") as `citations[0].quote`, the way a reader points at it."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + part
    return name


class Report:
    """Collects the problems of one file, placing each on the line of the field it is about.

    `lines` maps a field path to its line; a path without a line of its own takes the
    line of the nearest enclosing field, so a missing field points at its mapping.
    """

    def __init__(self, label: str, lines: Mapping[FieldPath, int] | None = None) -> None:
        self.label = label
        self.lines: Mapping[FieldPath, int] = lines or {}
        self.problems: list[Problem] = []
        self._reread_lines: Callable[[], Mapping[FieldPath, int]] | None = None

    def forget_lines(self, reread: Callable[[], Mapping[FieldPath, int]]) -> None:
        """Drop the lines until a problem needs one; `reread` then finds them again.

        A load keeps every file's report until all files are read, for the problems only
        the whole knowledge shows (a duplicate id, a clash), which are rare: the lines of
        10,000 files would weigh more than their entries.
        """
        self.lines, self._reread_lines = {}, reread

    def add(
        self, path: FieldPath, message: str, line: int | None = None, before: int | None = None
    ) -> None:
        """Record a problem with the field at `path` (an empty path means the whole file).

        `line` overrides the field's recorded line, for problems found before it had one.
        `before` places it ahead of the problems recorded from that count on: a check made
        once every file is read reports where it stands among the checks of one file.
        """
        where = line if line is not None else self.line_of(path)
        problem = Problem(self.label, message, field_name(path), where)
        self.problems.insert(len(self.problems) if before is None else before, problem)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of `path`, or of its nearest enclosing field that has one."""
        if self._reread_lines is not None:
            self.lines, self._reread_lines = self._reread_lines(), None
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None

    def sorted_problems(self) -> list[Problem]:
        """The problems in the order of their lines, as a reader goes through the file."""
        return sorted(self.problems, key=lambda problem: problem.line or 0)
