"""Glossary tooltips on every page, and the glossary page, from one file.

data/glossary.yml lists each medical word once with a plain definition, and every form
of it that the pages use (`forms:`; the term and its capitalized form by default). This
hook gives every form to the `abbr` extension as its glossary, so each whole-word use on
any page becomes an <abbr> that Material's `content.tooltips` shows on hover and tap, and
replaces `<!-- guide:glossary -->` on the glossary page with the full list.

The glossary goes to the extension once, in on_config: appending hundreds of
`*[form]: definition` lines to every page made the build about five times slower.
"""
from __future__ import annotations

import html
import re

from _shared import DATA, load_yaml, problem

PATH = DATA / "glossary.yml"
WHERE = "data/glossary.yml"
ALL_MARKER = "<!-- guide:glossary -->"

terms: list[dict] = []


def slug(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def forms_of(entry: dict) -> list[str]:
    forms = entry.get("forms") or [entry["term"]]
    term = entry["term"]
    extra = [term, term[:1].upper() + term[1:]]
    return list(dict.fromkeys(list(forms) + extra))


def validate(data) -> list[dict]:
    if not isinstance(data, list):
        problem(WHERE, 1, "the file must be a list of entries.", "start each entry with `- term: ...`.")
        return []
    good, seen = [], {}
    for entry in data:
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict) or not entry.get("term") or not entry.get("definition"):
            problem(WHERE, line, "a glossary entry needs `term:` and `definition:`.",
                    "write `- term: sciatica` and `  definition: Plain words.`")
            continue
        unknown = set(entry) - {"term", "forms", "definition"}
        if unknown:
            problem(WHERE, line, f"entry `{entry['term']}` has unknown fields {sorted(unknown)}.",
                    "use only term, forms and definition.")
        if "]" in entry["definition"] or "\n" in entry["definition"].strip():
            problem(WHERE, line, f"the definition of `{entry['term']}` has a `]` or a line break.",
                    "write it as one line of plain words (it becomes a tooltip).")
            continue
        forms = forms_of(entry)
        for form in forms:
            if form in seen:
                problem(WHERE, line, f"`{form}` is listed for both `{seen[form]}` and `{entry['term']}`.",
                        "keep each form under one term.")
            seen[form] = entry["term"]
        good.append(entry)
    return good


def on_config(config):
    global terms
    terms = validate(load_yaml(PATH))
    abbr = config.mdx_configs.setdefault("abbr", {})
    abbr["glossary"] = {form: entry["definition"] for entry in terms for form in forms_of(entry)}
    return config


def glossary_html() -> str:
    rows = []
    for entry in sorted(terms, key=lambda e: e["term"].lower()):
        term = entry["term"]
        rows.append(
            f'<dt id="{slug(term)}">{html.escape(term[:1].upper() + term[1:])}</dt>\n'
            f"<dd><p>{html.escape(entry['definition'])}</p></dd>"
        )
    # Each definition in its own <p>: Material's search shows the paragraphs that match
    # (the term and its meaning). Without one the whole list was a single paragraph to
    # search, and a result for one word showed the glossary from A to Z.
    return '<dl class="glossary">\n' + "\n".join(rows) + "\n</dl>"


def on_page_markdown(markdown, page, config, files):
    if ALL_MARKER in markdown:
        return markdown.replace(ALL_MARKER, glossary_html())
    return markdown
