"""The Markdown file and front matter behind a page address, read straight from docs/,
so tests compare what the site shows with what the author wrote."""
from __future__ import annotations

from pathlib import Path

import yaml

from sitekit import ROOT

DOCS = ROOT / "docs"


def source_path(address: str) -> Path:
    """docs/causes.md for /causes/ (or .../causes/), docs/treatment/index.md for /treatment/."""
    rel = address.split("#", 1)[0].strip("/")
    if not rel:
        return DOCS / "index.md"
    candidates = [DOCS / f"{rel}.md", DOCS / rel / "index.md"]
    return next((c for c in candidates if c.exists()), candidates[0])


def front_matter(address: str) -> dict:
    text = source_path(address).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def long_date(value) -> str:
    """21 November 2026, as the pages print dates."""
    return f"{value.day} {value:%B %Y}"
