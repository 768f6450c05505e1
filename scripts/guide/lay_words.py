"""The words readers search with, from each page's front matter.

Readers type what they would say to a friend ("physio", "trapped nerve", "op for slipped
disc") and misspell medical words ("siatica"). Two optional front-matter fields are the
one home of a page's lay words:

    also_called: [physio, physical therapy, PT]   # everyday words for the page's topic
    also_spelled: [phisio, physiotheraphy]          # misspelled words, one word each

`check()` reports a malformed field with its file, line and fix, and a phrase listed on
two pages (or twice on one): each phrase has one home. `line()` is the "Also called: ..."
line the page shows under its title, `search_tags()` the words Material's search indexes
as the page's tags (weighted like titles: `fields` in mkdocs.yml), and
`without_help_boxes()` keeps the warning-sign boxes out of the search index.
CONTRIBUTING.md ("Lay words and search") says how to choose the words.
"""
from __future__ import annotations

import re

from .front_matter import line_of
from .problems import LinedDict, Problem

FIELDS = ("also_called", "also_spelled")
# A lay phrase: letters (any alphabet), digits, spaces and - ' ( ); nothing Markdown or
# HTML would read as markup.
PHRASE = re.compile(r"[^\W_](?:[\w '\u2019()-]*[^\W_)]|[\w '\u2019()-]*\))?")
MAX_PHRASE = 40
EXAMPLES = {"also_called": "`also_called: [physio, physical therapy]`",
            "also_spelled": "`also_spelled: [siatica, sciatia]`"}

# A rendered warning-sign box: an admonition that ends with the link to the whole list
# (warning_signs.help_box). If that changes, tests/test_search.py finds the boxes in the
# search index again and says so.
HELP_BOX = re.compile(
    r'<div class="admonition ([\w -]+)">'
    r'((?:(?!<div\b).)*?>See all the warning signs</a></p>\s*</div>)', re.S)


def check(meta: LinedDict, where: str, homes: dict[str, str]) -> list[Problem]:
    """Problems in a page's also_called and also_spelled. `homes` maps each phrase seen
    so far in this build to its place ("docs/page.md `also_called`"), and is updated."""
    problems: list[Problem] = []
    for key in FIELDS:
        if key not in meta:
            continue

        def bad(what, fix, key=key):
            problems.append(Problem(where, line_of(meta, key), what, fix))

        value = meta[key]
        if not isinstance(value, list) or not value:
            bad(f"`{key}` must be a list of words or short phrases.",
                f"write it in square brackets, for example {EXAMPLES[key]}, or remove the line.")
            continue
        for phrase in value:
            if not isinstance(phrase, str) or not PHRASE.fullmatch(phrase.strip()):
                bad(f"`{key}` has {phrase!r}, which is not a plain word or phrase.",
                    f"use only letters, numbers, spaces and - ' ( ), for example {EXAMPLES[key]}; "
                    "put a phrase with a comma in two entries.")
                continue
            if key == "also_spelled" and len(phrase.split()) > 1:
                # The rightly spelled word in "cauda equinia" would count as a lay word of
                # this page for every search for "cauda".
                bad(f"`also_spelled` has {phrase!r}: list only the misspelled word.",
                    f"write `{max(phrase.split(), key=len)}` (or each misspelled word of it) on its own.")
                continue
            if len(phrase) > MAX_PHRASE:
                bad(f"`{key}` has {phrase!r} ({len(phrase)} characters; the limit is {MAX_PHRASE}).",
                    "use the few words a reader would type.")
            here = f"{where} `{key}`"
            folded = " ".join(phrase.lower().replace("\u2019", "'").split())
            if folded in homes and homes[folded] != here:
                bad(f"{phrase!r} is already listed in {homes[folded]}.",
                    "give each lay word one home: keep it on the page that best answers it, and remove it here.")
            elif folded in homes:
                bad(f"`{key}` lists {phrase!r} twice.", "remove one of them.")
            homes[folded] = here
    return problems


def words(meta: dict, key: str) -> list[str]:
    """The usable phrases of one field (check() reports anything else)."""
    value = meta.get(key)
    if not isinstance(value, list):
        return []
    return [" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()]


def search_tags(meta: dict) -> list[str]:
    """What Material's search indexes as the page's tags: both fields. The guide does not
    use Material's tags plugin, so nothing else reads them, and extra.css hides the tag
    chips in search results (also_spelled is never shown)."""
    return words(meta, "also_called") + words(meta, "also_spelled")


def line(meta: dict) -> str:
    """Markdown for the line under the page title, or "" (glossary words in it still get
    their tooltips). Commas only: "a, b and c" is hard to read when a phrase is
    "pins and needles"."""
    called = words(meta, "also_called")
    return f"**Also called:** {', '.join(called)}.\n{{: .also-called }}\n\n" if called else ""


def without_help_boxes(html: str) -> str:
    """The page's HTML with every warning-sign box marked data-search-exclude. The same
    box on most pages made each of them a better match for "numb between my legs" than
    the warning-signs page, which says it all, and made the index bigger."""
    return HELP_BOX.sub(r'<div class="admonition \1" data-search-exclude>\2', html)
