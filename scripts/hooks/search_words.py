"""The words readers search with (scripts/guide/lay_words.py holds the rules):
- a page's `also_called` shows under its title ("Also called: physio, physical therapy");
- `also_called` and `also_spelled` go to Material's search as the page's tags, which
  `fields` in mkdocs.yml weighs like titles and headings, far above the text;
- the warning-sign boxes are left out of the search index (the warning-signs page says
  it all).
Last in mkdocs.yml's hooks, so the line it adds does not shift the line numbers that
other hooks report.
"""
from __future__ import annotations

from _mkdocs import lay_words


def on_page_markdown(markdown, page, config, files):
    tags = lay_words.search_tags(page.meta)
    if tags:
        page.meta["tags"] = tags
    return lay_words.line(page.meta) + markdown


def on_page_content(html, page, config, files):
    return lay_words.without_help_boxes(html)
