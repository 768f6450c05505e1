"""Helpers the build hooks share: where the data files are, loading YAML with line
numbers, and one way of reporting a problem (file, line, what is wrong, how to fix it).

Problems are logged as warnings. `strict: true` in mkdocs.yml turns any warning into a
failed build after every problem has been listed, so a maintainer sees them all at once.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.hooks.guide")

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
# The YAML block at the top of a page, between two --- lines.
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)(?:---|\.\.\.)\s*\n", re.S)


def problem(where: str, line: int | None, what: str, fix: str) -> None:
    """Log one problem as 'file:line: what Fix: how'."""
    place = f"{where}:{line}" if line else where
    log.warning(f"{place}: {what} Fix: {fix}")


def today() -> dt.date:
    """The build date. GUIDE_TODAY=YYYY-MM-DD overrides it (the tests use this)."""
    value = os.environ.get("GUIDE_TODAY")
    return dt.date.fromisoformat(value) if value else dt.date.today()


def long_date(value: dt.date) -> str:
    """21 November 2026 (the style guide's date format)."""
    return f"{value.day} {value:%B %Y}"


class LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping key."""


def _mapping_with_lines(loader: LineLoader, node: yaml.MappingNode):
    mapping = loader.construct_mapping(node, deep=True)
    lines = {}
    for key_node, _ in node.value:
        lines[loader.construct_object(key_node)] = key_node.start_mark.line + 1
    mapping_with_lines = LinedDict(mapping)
    mapping_with_lines.lines = lines
    mapping_with_lines.line = node.start_mark.line + 1
    return mapping_with_lines


class LinedDict(dict):
    """A dict from YAML that knows the line of each key (`.lines[key]`) and its own `.line`."""

    lines: dict
    line: int


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_lines)


def load_yaml(path: Path):
    """Parse a data file; a syntax error becomes a clear exception naming file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        raise ValueError(
            f"{path.relative_to(ROOT)}:{line}: this is not valid YAML ({getattr(error, 'problem', error)}). "
            "Fix: check the indentation and quote values that contain a colon."
        ) from None


def src_label(page) -> str:
    """The page's file as a maintainer would type it: docs/treatment/medicines.md."""
    return f"docs/{page.file.src_uri}"
