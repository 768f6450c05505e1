"""What every hook shares. The hooks are thin MkDocs adapters over the guide library in
scripts/guide/ (see CONTRIBUTING.md, "Code"); this module puts the library on the import
path and holds the one MkDocs-side helper they all need.

MkDocs puts a hook's own folder on the import path only while it loads that hook, so the
library is imported here, once, while scripts/ is on the path.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import guide  # noqa: E402,F401  (imported now; later imports of guide.* find it loaded)
from guide import (accessibility, advice_changes, diagrams, front_matter, glossary, handouts,  # noqa: E402,F401
                   lay_words, link_previews, markers, material_start, pages, print_links, problems, references,
                   warning_signs)


def where(page) -> str:
    """The page's file as a maintainer types it: docs/treatment/medicines.md."""
    return f"docs/{page.file.src_uri}"


def raw(page) -> str:
    """The page's Markdown file as written (with its front matter: lines match the file);
    for a page the build makes (a one-page summary, the warning-signs card), its Markdown."""
    if generated(page):
        return page.file.content_string
    return Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")


def generated(page) -> bool:
    """Whether the build made this page (scripts/hooks/handouts.py) rather than a writer."""
    return getattr(page.file, "generated_by", None) is not None
