"""The record of advice changes (data/advice-changes.yml, scripts/guide/advice_changes.py).

- `<!-- guide:advice-changes -->` on the changes page becomes the dated list;
- each page the record names shows "Advice on this page last changed on ..." with a link
  to the entry (overrides/partials/page-review.html reads `page.meta.advice_changed`);
- a page whose `reviewed` date is older than its latest advice change fails the build.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/: the guide library

from mkdocs.utils import get_relative_url  # noqa: E402

from guide import advice_changes, pages  # noqa: E402
from guide.problems import long_date  # noqa: E402

from _shared import log, src_label  # noqa: E402

MARKER = "<!-- guide:advice-changes -->"
CHANGES_PAGE = "changes.md"

changes: list[advice_changes.Change] = []


def on_config(config):
    global changes
    changes, problems = advice_changes.load(docs=Path(config.docs_dir))
    for problem in problems:
        log.warning(str(problem))
    return config


def on_page_markdown(markdown, page, config, files):
    address = pages.address_of(page.file.src_uri)
    where = src_label(page)
    meta = page.meta or {}
    line = (getattr(pages.front_matter(Path(page.file.abs_src_path)), "lines", {}) or {}).get("reviewed")
    for problem in advice_changes.check_reviewed(changes, address, meta.get("reviewed"), where, line + 1 if line else None):
        log.warning(str(problem))
    latest = advice_changes.latest_for(changes, address)
    if latest is not None:
        changes_file = files.get_file_from_path(CHANGES_PAGE)
        url = get_relative_url(changes_file.url, page.url) if changes_file else ""
        page.meta["advice_changed"] = {"text": long_date(latest.date), "iso": latest.anchor,
                                       "href": f"{url}#{latest.anchor}" if changes_file else ""}
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, advice_changes.markdown(changes, page.file.src_uri, Path(config.docs_dir)))
    return markdown
