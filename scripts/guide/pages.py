"""The guide's pages: where a page's file is, what its address is, and its front matter.

One home for these facts; the hooks, the tests and the maintainer scripts call them instead
of working them out again. Addresses are relative to the site root, as in
data/published-urls.txt: "/" for docs/index.md, "/causes/" for docs/causes.md,
"/treatment/" for docs/treatment/index.md.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .problems import DOCS, FRONT_MATTER, LineLoader


def address_of(source: str) -> str:
    """/treatment/medicines/ for "treatment/medicines.md" (a path inside docs/)."""
    rel = source.removesuffix("index.md").removesuffix(".md").strip("/")
    return f"/{rel}/" if rel else "/"


def source_of(address: str, docs: Path = DOCS) -> Path | None:
    """The Markdown file behind an address (fragment ignored), or None if there is none."""
    rel = address.split("#", 1)[0].strip("/")
    candidates = [docs / "index.md"] if not rel else [docs / f"{rel}.md", docs / rel / "index.md"]
    return next((c for c in candidates if c.is_file()), None)


def front_matter(path: Path) -> dict:
    """A page's front matter, with line numbers (`.lines`); {} when it has none or it is
    broken (the front_matter hook reports why)."""
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8-sig"))
    if not match:
        return {}
    try:
        data = yaml.load(match.group(1), Loader=LineLoader)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def all_pages(docs: Path = DOCS) -> list[Path]:
    return sorted(docs.rglob("*.md"))


def front_matter_of(address: str, docs: Path = DOCS) -> dict:
    """The front matter of the page at `address` ({} if there is no such page), whether
    a writer wrote it or the build makes it (a one-page summary, the card: guide/handouts.py)."""
    source = source_of(address, docs)
    if source:
        return front_matter(source)
    made = made_page(address, docs)
    if made is None:
        return {}
    match = FRONT_MATTER.match(made)
    return (yaml.load(match.group(1), Loader=LineLoader) or {}) if match else {}


def made_page(address: str, docs: Path = DOCS) -> str | None:
    """The Markdown the build makes for `address`, or None if it makes no page there."""
    from .handouts import made_by_the_build  # here: handouts builds on this module

    rel = address.split("#", 1)[0].strip("/")
    return made_by_the_build(docs).get(f"/{rel}/" if rel else "/")


# The "In short" box every page opens with (CONTRIBUTING.md, "Shape of a page").
IN_SHORT = re.compile(r'^!!! abstract "In short"[ \t]*\n(?P<body>(?:(?:[ \t]{4}.*)?\n)+)', re.M)


def in_short(markdown: str) -> str:
    """The text of a page's "In short" box, as Markdown on one line ("" if it has none)."""
    match = IN_SHORT.search(markdown)
    return " ".join(match["body"].split()) if match else ""
