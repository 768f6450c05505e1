"""Checks every page's front matter and gives the templates its review dates
(scripts/guide/front_matter.py holds the rules). A page past its next_review date still
builds, so an urgent correction can always be published, but it says so to readers and
the build output lists it."""
from __future__ import annotations

from _mkdocs import front_matter, generated, pages, problems, raw, where


def on_page_markdown(markdown, page, config, files):
    meta, found = front_matter.read(raw(page), where(page))
    if meta is not None:
        dates, more = front_matter.check(meta, where(page), extra_fields=front_matter.MADE_BY_THE_BUILD
                                         if generated(page) else ())
        found += more
        if not generated(page):  # a summary's points are its page's, checked there
            found += front_matter.check_key_points(meta, where(page), pages.in_short(raw(page)))
        shown = front_matter.review_dates(dates)
        page.meta.update(shown)
        if shown.get("review_overdue"):
            problems.log.info(f"REVIEW OVERDUE: {where(page)} was due for review on {shown['next_review_text'].rstrip('.')}; "
                              "the page tells readers so until it is reviewed.")
    problems.report(found)
    return markdown
