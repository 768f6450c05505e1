"""tests/README.md maps every promise README.md and CONTRIBUTING.md make to the tests that
keep it. A promise whose test was renamed or deleted would be kept by nothing: these checks
fail when the map names a test that does not exist, or lists a promise with no test."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from sitekit import ROOT

MAP = ROOT / "tests" / "README.md"
NODE = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")


def names_of_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def promise_rows(text: str) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """(line, promise, tests) for each row of the map's tables."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) >= 3 and not set(cells[0]) <= set("-: ") and cells[0] != "Promise":
            rows.append((number, cells[0], NODE.findall(cells[-1])))
    return rows


def check(text: str, root: Path) -> list[str]:
    problems = []
    for line, promise, tests in promise_rows(text):
        if not tests:
            problems.append(f"tests/README.md:{line}: the promise {promise!r} names no test.")
        for path, name in tests:
            file = root / path
            if not file.is_file():
                problems.append(f"tests/README.md:{line}: {path} does not exist.")
            elif name not in names_of_tests(file):
                problems.append(f"tests/README.md:{line}: {path} has no test {name}.")
    return problems


def test_every_test_the_map_names_exists_and_every_promise_has_one():
    rows = promise_rows(MAP.read_text(encoding="utf-8"))
    assert len(rows) >= 30, f"only {len(rows)} promises in tests/README.md"
    problems = check(MAP.read_text(encoding="utf-8"), ROOT)
    assert not problems, "\n".join(problems) + "\nFix: name the test that keeps each promise, as `tests/file.py::test_name`."


def test_the_map_check_reports_a_missing_test_and_a_promise_without_one():
    text = ("| Promise | Where | Kept by |\n| --- | --- | --- |\n"
            "| Real | README | `tests/test_promises.py::test_the_map_check_reports_a_missing_test_and_a_promise_without_one` |\n"
            "| Renamed | README | `tests/test_promises.py::test_that_was_renamed` |\n"
            "| Forgotten | README | nothing |\n")
    problems = check(text, ROOT)
    assert len(problems) == 2, problems
    assert "has no test test_that_was_renamed" in problems[0] and "'Forgotten' names no test" in problems[1]
