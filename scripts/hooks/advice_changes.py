"""The record of advice changes (data/advice-changes.yml, scripts/guide/advice_changes.py):
checked when the build starts; each page it names shows "Advice on this page last changed
on ..." (overrides/partials/page-review.html reads `page.meta.advice_changed`), and a page
reviewed before its latest change fails the build. The list itself is a marker."""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from _mkdocs import advice_changes, front_matter, pages, problems, raw, where
from guide.problems import long_date

CHANGES_PAGE = "changes.md"


def on_config(config):
    _, found = advice_changes.load(docs=Path(config.docs_dir))
    problems.report(found)
    return config


def on_page_markdown(markdown, page, config, files):
    changes, _ = advice_changes.load(docs=Path(config.docs_dir))
    address = pages.address_of(page.file.src_uri)
    meta, _ = front_matter.read(raw(page), where(page))
    if meta is not None:
        problems.report(advice_changes.check_reviewed(changes, address, meta.get("reviewed"), where(page),
                                                      front_matter.line_of(meta, "reviewed")))
    latest = advice_changes.latest_for(changes, address)
    changes_file = files.get_file_from_path(CHANGES_PAGE)
    if latest is not None and changes_file is not None:
        page.meta["advice_changed"] = {"text": long_date(latest.date), "iso": latest.anchor,
                                       "href": f"{get_relative_url(changes_file.url, page.url)}#{latest.anchor}"}
    return markdown
