"""Every user-facing string lives in bot/strings.py, once."""

import ast
from pathlib import Path

STRINGS = Path(__file__).parents[1] / "bot" / "strings.py"


def test_no_string_is_defined_twice_in_one_group():
    tree = ast.parse(STRINGS.read_text(encoding="utf-8"))
    repeated = []
    for group in (node for node in tree.body if isinstance(node, ast.ClassDef)):
        seen: set[str] = set()
        for statement in group.body:
            targets = statement.targets if isinstance(statement, ast.Assign) else []
            if isinstance(statement, ast.AnnAssign):
                targets = [statement.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    if target.id in seen:
                        repeated.append(f"{group.name}.{target.id}")
                    seen.add(target.id)
    assert not repeated
