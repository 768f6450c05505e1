"""The guide's references (data/references.yml): one entry per source, keyed by a short
name, each with authors (or organisation), title, year, source and at least one confirmed
identifier (a DOI, a PMID or an official URL, each of a valid shape). Pages cite keys in
their front matter; `source_list()` is a page's Sources section and `reference_list()` the
references page."""
from __future__ import annotations

import html
import re
from pathlib import Path

from .problems import DATA, Problem, load_yaml, relative

PATH = DATA / "references.yml"
FIELDS = ("authors", "title", "year", "source")
OPTIONAL = ("doi", "pmid", "pmcid", "url", "note")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PMID = re.compile(r"^\d{1,9}$")
PMCID = re.compile(r"^PMC\d+$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
KEY = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
SHAPES = (
    ("doi", DOI, "10.1136/bmj.39223.428495.BE (without https://doi.org/)"),
    ("pmid", PMID, '"17585160" (digits only, in quotes)'),
    ("pmcid", PMCID, "PMC1895638"),
    ("url", URL, "https://www.nice.org.uk/guidance/ng59"),
)


def parse(data, where: str) -> tuple[dict, list[Problem]]:
    """The usable entries, and every problem with the bad ones."""
    if not isinstance(data, dict):
        return {}, [Problem(where, 1, "the file must be a mapping of KEY: entry.", "see CONTRIBUTING.md, References.")]
    good, problems = {}, []
    for key, entry in data.items():
        line = data.lines.get(key)

        def bad(at, what, fix):
            problems.append(Problem(where, at, what, fix))

        if not isinstance(key, str) or not KEY.match(key):
            bad(line, f"reference key `{key}` is not upper-case letters, digits and hyphens.", "rename it, for example KOES2007 or NICE-NG59.")
        if not isinstance(entry, dict):
            bad(line, f"reference `{key}` is not a mapping of fields.", "see CONTRIBUTING.md.")
            continue
        at = lambda field: entry.lines.get(field, line)  # noqa: E731
        ok = True
        for field in FIELDS:
            if entry.get(field) in (None, ""):
                bad(line, f"reference `{key}` has no `{field}`.", f"add `{field}:` (authors may be an organisation; year may be n.d. if undated).")
                ok = False
        for field in entry:
            if field not in FIELDS + OPTIONAL:
                bad(at(field), f"reference `{key}` has an unknown field `{field}`.", f"use only: {', '.join(FIELDS + OPTIONAL)}.")
        year = entry.get("year")
        if year not in (None, "") and not (isinstance(year, int) and 1900 <= year <= 2100) and year != "n.d.":
            bad(at("year"), f"reference `{key}` has year `{year}`.", "write a four-digit year, or n.d. for an undated web page.")
        if not any(entry.get(f) not in (None, "") for f in ("doi", "pmid", "url")):
            bad(line, f"reference `{key}` has no identifier.",
                "add a `doi:`, `pmid:` or official `url:` you have confirmed against the source; "
                "if none can be confirmed, remove the reference.")
            ok = False
        for field, shape, example in SHAPES:
            value = entry.get(field)
            if value not in (None, "") and not shape.match(str(value)):
                bad(at(field), f"reference `{key}` has a malformed {field} `{value}`.", f"write it like {example}.")
                ok = False
        if ok:
            good[key] = entry
    return good, problems


def load(path: Path = PATH) -> tuple[dict, list[Problem]]:
    return parse(load_yaml(path), relative(path))


def unknown_keys(keys: list, references: dict, where: str) -> list[Problem]:
    return [Problem(where, None, f"source `{key}` is not in data/references.yml.",
                    "use a key that is there, or add the reference (with a confirmed identifier).")
            for key in keys if isinstance(key, str) and key not in references]


def citation_html(ref: dict) -> str:
    """One reference as HTML: Authors. Title. Source; year. DOI · PMID · link."""
    esc = lambda value: html.escape(str(value).strip())  # noqa: E731
    parts = [f"{esc(ref['authors']).rstrip('.')}. {esc(ref['title']).rstrip('.')}. "
             f"{esc(ref['source']).rstrip('.')}; {esc(ref['year'])}."]
    links = []
    if ref.get("doi"):
        links.append(f'DOI: <a href="https://doi.org/{esc(ref["doi"])}">{esc(ref["doi"])}</a>')
    if ref.get("pmid"):
        links.append(f'PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/{esc(ref["pmid"])}/">{esc(ref["pmid"])}</a>')
    if ref.get("url") and not ref.get("doi"):
        links.append(f'<a href="{esc(ref["url"])}">{esc(ref["url"])}</a>')
    if links:
        parts.append(" · ".join(links))
    if ref.get("note"):
        parts.append(f'<span class="reference-note">{esc(ref["note"])}</span>')
    return " ".join(parts)


def _list(keys, references: dict, css_class: str, search: bool) -> str:
    items = "\n".join(f'<li id="ref-{key.lower()}">{citation_html(references[key])}</li>' for key in keys)
    exclude = "" if search else " data-search-exclude"
    return f'<ol class="{css_class}"{exclude}>\n{items}\n</ol>'


def reference_list(keys, references: dict) -> str:
    """The references page: every cited reference. Kept out of search too: Material shows
    a result's matching paragraph or list whole, and this is one list of 27,000
    characters. The page is found by its title, its words and its lay words (sources,
    bibliography)."""
    return _list(sorted(k for k in keys if k in references), references, "reference-list", search=False)


def source_list(keys, references: dict) -> str:
    """A page's Sources section. Kept out of search: the same citations on every page
    would triple the search index."""
    known = [k for k in keys if isinstance(k, str) and k in references]
    if not known:
        return ""
    return "\n\n## Sources { #sources data-search-exclude }\n\n" + _list(known, references, "source-list", search=False) + "\n"


def page_sources(text: str, meta: dict, signs) -> list:
    """A page's references: its front matter `sources:`, then those behind the warning
    signs its markers show (guide/warning_signs.py)."""
    from .warning_signs import sources_shown  # the signs module is the more specific one

    keys = list(meta.get("sources") or []) if isinstance(meta.get("sources"), list) else []
    return keys + [k for k in sources_shown(text, signs) if k not in keys]


def cited_keys(page_texts: list[str], signs) -> set[str]:
    """Every key any page cites: what the references page lists."""
    from .front_matter import read

    keys: set[str] = set()
    for text in page_texts:
        meta, _ = read(text, "")
        keys.update(k for k in page_sources(text, meta or {}, signs) if isinstance(k, str))
    return keys
