"""Checks every page's front matter and gives the templates its review dates
(scripts/guide/front_matter.py holds the rules, key points too; scripts/guide/lay_words.py
those of the optional also_called and also_spelled). A page past its next_review date still
builds, so an urgent correction can always be published, but it says so to readers and the
build output lists it."""
from __future__ import annotations

from _mkdocs import front_matter, generated, lay_words, pages, problems, raw, where

# Each lay phrase seen in this build, and where: a phrase has one home.
lay_homes: dict[str, str] = {}


def on_pre_build(config):
    lay_homes.clear()


def on_page_markdown(markdown, page, config, files):
    meta, found = front_matter.read(raw(page), where(page))
    if meta is not None:
        extra = lay_words.FIELDS + (front_matter.MADE_BY_THE_BUILD if generated(page) else ())
        dates, more = front_matter.check(meta, where(page), extra_fields=extra)
        found += more + lay_words.check(meta, where(page), lay_homes)
        if not generated(page):  # a summary's points are its page's, checked there
            found += front_matter.check_key_points(meta, where(page), pages.in_short(raw(page)))
        shown = front_matter.review_dates(dates)
        page.meta.update(shown)
        if shown.get("review_overdue"):
            problems.log.info(f"REVIEW OVERDUE: {where(page)} was due for review on {shown['next_review_text'].rstrip('.')}; "
                              "the page tells readers so until it is reviewed.")
    problems.report(found)
    return markdown
