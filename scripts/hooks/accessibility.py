"""Two fixes to Material's page chrome that templates alone cannot make.

1. "Skip to content" lands on the page title. Material points its skip link at the
   first entry of the page's table of contents. The guide's pages have no "# Title" in
   their Markdown (the H1 comes from the front matter, in overrides/partials/content.html),
   so that entry is the first "##" section: the skip link jumped past the title, the
   "In short" answer and the emergency box, and a page with no sections had no skip link
   at all. Here the title becomes the top entry with the sections under it, exactly as
   if the page began with "# Title"; Material then shows the same contents list as
   before, and content.html gives the H1 the id the skip link points at (and
   tabindex="-1", so keyboard focus can be put there: overrides/partials/
   keyboard-fixes.html does that when the link is followed).

2. Material's icons are decorative. The menu, search, palette, logo, back-to-top and
   footer arrows carry inline SVG icons with no text alternative; the control around
   each has the name (or, for a label, the control it belongs to does). Chromium
   exposes each icon as an unnamed image, which screen readers announce as "image" or
   "graphic". aria-hidden="true" takes them out of the accessibility tree. Only icons
   inside Material's icon containers are touched, so an SVG in page content that lacks
   a name is still reported by tests/test_accessibility.py.
"""
from __future__ import annotations

import re

from mkdocs.structure.toc import AnchorLink

from _shared import problem, src_label

# The H1's id; the skip link's target. content.html uses the same value.
TITLE_ID = "page-title"

# An element whose class marks it as one of Material's icon holders, followed by one or
# more inline SVG icons (the search label holds two).
ICON_HOLDER = re.compile(
    r'(<(?:a|button|label|div|span)\b[^>]*\bclass="[^"]*\b(?:md-icon|md-logo|twemoji)\b[^"]*"[^>]*>)'
    r'((?:\s*<svg\b.*?</svg>)+)',
    re.S,
)
SVG_TAG = re.compile(r"<svg\b(?![^>]*\baria-hidden=)")


def _ids(items):
    for item in items:
        yield item.id
        yield from _ids(item.children)


def _line_of(page, text: str) -> int | None:
    """The line of the page's Markdown file that first contains `text`."""
    try:
        lines = page.file.content_string.splitlines()
    except (OSError, AttributeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if text in line), None)


def on_page_content(html: str, page, **_):
    toc = page.toc.items
    if toc and toc[0].level == 1:
        return html  # the page has its own "# Title"; Material already skips to it
    if TITLE_ID in set(_ids(toc)):
        problem(src_label(page), _line_of(page, TITLE_ID), f'a heading uses the id "{TITLE_ID}", which the page '
                "title needs (the skip link goes to it).", "give that heading another id.")
        return html
    title = AnchorLink((page.meta or {}).get("title") or page.title or "", TITLE_ID, 1)  # as content.html shows it
    title.children = list(toc)
    toc[:] = [title]
    return html


def _hide_icons(match: re.Match) -> str:
    return match.group(1) + SVG_TAG.sub('<svg aria-hidden="true" focusable="false"', match.group(2))


def on_post_page(output: str, page, **_):
    return ICON_HOLDER.sub(_hide_icons, output)


def on_post_template(output: str, template_name: str, **_):
    """The 404 page is built from a template, not a page, and has the same chrome."""
    return ICON_HOLDER.sub(_hide_icons, output) if template_name == "404.html" else output
