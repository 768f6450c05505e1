"""One way to report a problem in the guide's sources: the file, the line where known,
what is wrong and how to fix it ("docs/causes.md:12: ... Fix: ...").

Library functions return lists of Problem; the MkDocs hooks log them as warnings, and
`strict: true` then fails the build after every problem has been listed.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DOCS = ROOT / "docs"
# The YAML block at the top of a page, between two --- lines.
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)(?:---|\.\.\.)\s*\n", re.S)


@dataclass(frozen=True)
class Problem:
    where: str  # a path as a maintainer types it: docs/causes.md, data/warning-signs.yml
    line: int | None
    what: str
    fix: str

    def __str__(self) -> str:
        place = f"{self.where}:{self.line}" if self.line else self.where
        return f"{place}: {self.what} Fix: {self.fix}"


# MkDocs counts warnings from loggers under "mkdocs"; strict mode fails the build on any.
log = logging.getLogger("mkdocs.hooks.guide")


def report(problems: list[Problem]) -> None:
    """Log each problem as a build warning."""
    for problem in problems:
        log.warning(str(problem))


def cached(load, path: Path):
    """`load(path)`, read again only when the file changes (`mkdocs serve` rebuilds).
    For readers of a data file that do not report its problems (its own hook does)."""
    return _cached(load, path, path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _cached(load, path: Path, _mtime: int):
    return load(path)


def today() -> dt.date:
    """The build date. GUIDE_TODAY=YYYY-MM-DD overrides it (the tests use this)."""
    value = os.environ.get("GUIDE_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


def long_date(value: dt.date) -> str:
    """21 November 2026 (the style guide's date format)."""
    return f"{value.day} {value:%B %Y}"


class LinedDict(dict):
    """A dict from YAML that knows the line of each key (`.lines[key]`) and its own `.line`."""

    lines: dict
    line: int


class LinedList(list):
    """A list from YAML that knows its own `.line` and the line of each item (`.lines`)."""

    line: int
    lines: list


class LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping, key and list."""


def _mapping_with_lines(loader: LineLoader, node: yaml.MappingNode):
    mapping = LinedDict(loader.construct_mapping(node, deep=True))
    mapping.lines = {loader.construct_object(k): k.start_mark.line + 1 for k, _ in node.value}
    mapping.line = node.start_mark.line + 1
    return mapping


def _sequence_with_line(loader: LineLoader, node: yaml.SequenceNode):
    sequence = LinedList(loader.construct_sequence(node, deep=True))
    sequence.line = node.start_mark.line + 1
    sequence.lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_lines)
LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence_with_line)


def relative(path: Path) -> str:
    """data/glossary.yml for a file in the project, the path itself for one outside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def load_yaml(path: Path, where: str | None = None):
    """Parse a data file; a syntax error becomes a clear exception naming file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        raise ValueError(
            f"{where or relative(path)}:{line}: this is not valid YAML ({getattr(error, 'problem', error)}). "
            "Fix: check the indentation and quote values that contain a colon."
        ) from None
