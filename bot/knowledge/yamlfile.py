"""Read a knowledge YAML file into plain values, remembering the line of every field.

PyYAML's `safe_load` forgets where each value came from, keeps the last of two equal keys
without a word, and quietly turns a bare `no` into False or `2025-12-28` into a date. The
knowledge is text, so this reader composes the node tree instead: text stays text,
anything YAML 1.1 would read as another type becomes a `Bare` value the validator can
explain, duplicate keys are problems, and every field's line is kept for the message.
LibYAML's parser is used when PyYAML has it (it is several times faster); both resolve
types by the same YAML 1.1 rules.

Anchors and aliases are refused before anything is built: no entry needs them, and an
alias expanded into values multiplies (436 bytes of nested aliases built 2.4 GB). Nesting
is capped too, as deep nesting costs recursion and no entry nests more than three levels.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from bot import strings
from bot.knowledge.problems import FieldPath, Report

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# An entry nests three levels (its mapping, the citations list, a citation's mapping);
# the cap leaves room for a mistake to be reported as one, not as a crash.
DEPTH_LIMIT = 10
_TAG = "tag:yaml.org,2002:"
_KINDS = {
    f"{_TAG}null": "null",
    f"{_TAG}bool": "boolean",
    f"{_TAG}int": "number",
    f"{_TAG}float": "number",
    f"{_TAG}timestamp": "date",
}


@dataclass(frozen=True)
class Bare:
    """A scalar that YAML reads as something other than text (`kind`), as it was written."""

    raw: str
    kind: str


@dataclass(frozen=True)
class YamlDocument:
    """A file's values (dicts, lists, text, `Bare`) and the line of each field path."""

    data: object
    lines: dict[FieldPath, int]


def read_yaml(text: str, report: Report) -> YamlDocument | None:
    """Parse one YAML document; on a syntax error report where it is and return None."""
    try:
        if _unsafe_structure(text, report):
            return None
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        _report_syntax_error(text, error, report)
        return None
    except yaml.reader.ReaderError as error:
        _report_unreadable_character(text, error.position, report)
        return None
    except yaml.YAMLError as error:
        report.add((), strings.Check.MALFORMED.format(problem=error, column=1))
        return None
    if node is None:
        report.add((), strings.Check.EMPTY_FILE, line=1)
        return None
    builder = _Builder(report)
    data = builder.build(node, ())
    return YamlDocument(data, builder.lines)


def _unsafe_structure(text: str, report: Report) -> bool:
    """Report the first anchor, alias or too deep nesting, from the parser's events.

    The events are read one at a time and nothing is composed, so a file made to explode
    costs no more than its length.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            report.add((), strings.Check.YAML_ALIAS, line=line)
            return True
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > DEPTH_LIMIT:
                report.add((), strings.Check.TOO_DEEP.format(limit=DEPTH_LIMIT), line=line)
                return True
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return False


def _report_unreadable_character(text: str, offset: int, report: Report) -> None:
    """Report a character YAML refuses (NUL, BEL...) at its line, never the character itself.

    libyaml gives the byte `offset` in the text's UTF-8 form, PyYAML's own reader the
    character's.
    """
    position = offset
    if _LOADER is not yaml.SafeLoader:
        position = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
    if position >= len(text):
        report.add((), strings.Check.MALFORMED.format(problem="unreadable", column=1))
        return
    line_start = text.rfind("\n", 0, position) + 1
    message = strings.Check.YAML_CONTROL_CHARACTER.format(
        code=ord(text[position]), column=position - line_start + 1
    )
    report.add((), message, line=text.count("\n", 0, position) + 1)


def _report_syntax_error(text: str, error: yaml.MarkedYAMLError, report: Report) -> None:
    mark = error.problem_mark or error.context_mark
    if error.context_mark and mark and mark.index >= len(text.rstrip()):
        mark = error.context_mark  # at the end of the file, where the trouble began is better
    parts = [part for part in (error.context, error.problem) if part]
    problem = ", ".join(parts) or "unreadable"
    if mark is None:
        report.add((), strings.Check.MALFORMED.format(problem=problem, column=1))
        return
    lines = text.splitlines()
    here = lines[mark.line][mark.column : mark.column + 1] if mark.line < len(lines) else ""
    if here == "\t":
        problem += strings.Check.TAB_HINT
    message = strings.Check.MALFORMED.format(problem=problem, column=mark.column + 1)
    report.add((), message, line=mark.line + 1)


class _Builder:
    """Turns composed nodes into plain values, recording lines and duplicate keys.

    The tree has no shared or recursive nodes: anchors and aliases were refused.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self.lines: dict[FieldPath, int] = {}

    def build(self, node: yaml.Node, path: FieldPath) -> object:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, object]:
        values: dict[str, object] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.report.add(path, strings.Check.KEY_NOT_TEXT, line=line)
                continue
            key = str(key_node.value)
            if key in first_line:
                message = strings.Check.DUPLICATE_KEY.format(line=first_line[key])
                self.report.add((*path, key), message, line=line)
                continue
            first_line[key] = line
            self.lines[(*path, key)] = line
            values[key] = self.build(value_node, (*path, key))
        return values

    @staticmethod
    def _scalar(node: yaml.Node) -> object:
        if node.tag == f"{_TAG}str":
            return node.value
        return Bare(str(node.value), _KINDS.get(node.tag, "other"))
