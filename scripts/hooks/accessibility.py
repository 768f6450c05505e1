"""Two fixes to Material's page chrome that templates alone cannot make.

1. "Skip to content" lands on the page title. Material points its skip link at the
   first entry of the page's table of contents. The guide's pages have no "# Title" in
   their Markdown (the H1 comes from the front matter, in overrides/partials/content.html),
   so that entry is the first "##" section: the skip link jumped past the title, the
   "In short" answer and the warning box, and a page with no sections had no skip link
   at all. Here the title becomes the top entry with the sections under it, exactly as
   if the page began with "# Title"; Material then shows the same contents list as
   before, and content.html gives the H1 the id the skip link points at (and
   tabindex="-1", so keyboard focus can be put there:
   docs/assets/javascripts/keyboard-fixes.js does that when the link is followed).
2. Material's decorative icons are hidden from screen readers
   (scripts/guide/accessibility.py says why).
"""
from __future__ import annotations

from mkdocs.structure.toc import AnchorLink

from _mkdocs import accessibility, problems, raw, where
from guide.markers import line_of
from guide.problems import Problem


def _ids(items):
    for item in items:
        yield item.id
        yield from _ids(item.children)


def on_page_content(html: str, page, **_):
    toc = page.toc.items
    if toc and toc[0].level == 1:
        problems.report([Problem(where(page), line_of(raw(page), "\n# ") + 1, "the page has its own `# Title`.",
                                 "delete it: the title comes from `title:` in the front matter.")])
        return html
    if accessibility.TITLE_ID in set(_ids(toc)):
        problems.report([Problem(where(page), line_of(raw(page), accessibility.TITLE_ID),
                                 f'a heading uses the id "{accessibility.TITLE_ID}", which the page title needs '
                                 "(the skip link goes to it).", "give that heading another id.")])
        return html
    title = AnchorLink((page.meta or {}).get("title") or page.title or "", accessibility.TITLE_ID, 1)
    title.children = list(toc)
    toc[:] = [title]
    return html


def on_post_page(output: str, page, **_):
    return accessibility.hide_icons(output)


def on_post_template(output: str, template_name: str, **_):
    """The 404 page is built from a template, not a page, and has the same chrome."""
    return accessibility.hide_icons(output) if template_name == "404.html" else output
