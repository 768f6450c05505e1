"""The glossary (data/glossary.yml): each medical word once, with a plain definition and
every form the pages use. The build gives the forms to the `abbr` extension, so each use
becomes a tooltip, and `html()` is the glossary page's list."""
from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

from .problems import DATA, Problem, load_yaml, relative

PATH = DATA / "glossary.yml"


def slug(term: str) -> str:
    return "term-" + re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def forms_of(entry: dict) -> list[str]:
    """The forms a term is found by: its `forms:`, the term and the term capitalised."""
    term = entry["term"]
    return list(dict.fromkeys(list(entry.get("forms") or []) + [term, term[:1].upper() + term[1:]]))


def parse(data, where: str) -> tuple[list[dict], list[Problem]]:
    if not isinstance(data, list):
        return [], [Problem(where, 1, "the file must be a list of entries.", "start each entry with `- term: ...`.")]
    good, seen, problems = [], {}, []
    for entry in data:
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict) or not entry.get("term") or not entry.get("definition"):
            problems.append(Problem(where, line, "a glossary entry needs `term:` and `definition:`.",
                                    "write `- term: sciatica` and `  definition: Plain words.`"))
            continue
        unknown = set(entry) - {"term", "forms", "definition"}
        if unknown:
            problems.append(Problem(where, line, f"entry `{entry['term']}` has unknown fields {sorted(unknown)}.",
                                    "use only term, forms and definition."))
        if "]" in entry["definition"] or "\n" in entry["definition"].strip():
            problems.append(Problem(where, line, f"the definition of `{entry['term']}` has a `]` or a line break.",
                                    "write it as one line of plain words (it becomes a tooltip)."))
            continue
        for form in forms_of(entry):
            if form in seen:
                problems.append(Problem(where, line, f"`{form}` is listed for both `{seen[form]}` and `{entry['term']}`.",
                                        "keep each form under one term."))
            seen[form] = entry["term"]
        good.append(entry)
    return good, problems


def load(path: Path = PATH) -> tuple[list[dict], list[Problem]]:
    return parse(load_yaml(path), relative(path))


def tooltips(terms: list[dict]) -> dict[str, str]:
    """form -> definition, for the abbr extension's glossary."""
    return {form: entry["definition"] for entry in terms for form in forms_of(entry)}


def html(terms: list[dict]) -> str:
    """The glossary page's list. Each definition is in its own <p>: Material's search
    shows the paragraphs that match (the term and its meaning). Without one the whole
    list was a single paragraph to search, and a result for one word showed the glossary
    from A to Z."""
    rows = []
    for entry in sorted(terms, key=lambda e: e["term"].lower()):
        term = entry["term"]
        rows.append(f'<dt id="{slug(term)}">{html_lib.escape(term[:1].upper() + term[1:])}</dt>\n'
                    f"<dd><p>{html_lib.escape(entry['definition'])}</p></dd>")
    return '<dl class="glossary">\n' + "\n".join(rows) + "\n</dl>"
