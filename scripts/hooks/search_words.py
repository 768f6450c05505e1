"""The words readers search with: shown on each page, and weighted in Material's search.

Readers type what they would say to a friend ("physio", "trapped nerve", "op for slipped
disc") and misspell medical words ("siatica"). Each page's front matter is the one home
for its lay words (checked by front_matter.py):

    also_called: [physio, physical therapy, PT]   # everyday words for the page's topic
    also_spelled: [phisio, physiotheraphy]          # misspelled words, one word each

This hook
- shows `also_called` on the page, under the title: "Also called: physio, physical
  therapy, PT." It is Markdown, so glossary words in it get their tooltips;
- gives both lists to Material's search as the page's `tags`. Material's search plugin
  indexes `tags` as a field of its own, weighted like titles and headings and far above
  the text (`fields:` in mkdocs.yml), so a page is found by the words that name its
  topic. `also_spelled` is never shown: extra.css hides the tag chips Material would draw
  in search results, and the guide does not use Material's tags plugin, so page.meta.tags
  is read by search alone;
- leaves the warning-sign boxes ("Get help now", made from data/warning-signs.yml by
  warning_signs.py) out of the search index, as the lists of sources are. The same box on
  most pages made each of them a better match for "numb between my legs" than the
  warning-signs page, which says it all, and made the index bigger.
"""
from __future__ import annotations

import re

# A rendered warning-sign box: an admonition that ends with the link to the whole list
# (scripts/guide/warning_signs.py, help_box). If that changes, tests/test_search.py finds
# the boxes in the search index again and says so.
HELP_BOX = re.compile(
    r'<div class="admonition ([\w ]+)">'
    r'((?:(?!<div\b).)*?>See all the warning signs</a></p>\s*</div>)', re.S)


def words(meta: dict, key: str) -> list[str]:
    """The valid phrases of one field (front_matter.py reports anything else)."""
    value = meta.get(key)
    if not isinstance(value, list):
        return []
    return [" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()]


def on_page_markdown(markdown, page, config, files):
    called = words(page.meta, "also_called")
    spelled = words(page.meta, "also_spelled")
    if called or spelled:
        page.meta["tags"] = called + spelled
    if not called:
        return markdown
    # Commas only: phrases such as "pins and needles" make "a, b and c" hard to read.
    line = f"**Also called:** {', '.join(called)}.\n{{: .also-called }}\n\n"
    return line + markdown


def on_page_content(html, page, config, files):
    return HELP_BOX.sub(r'<div class="admonition \1" data-search-exclude>\2', html)
