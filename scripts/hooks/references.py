"""The guide's references: one data file, a Sources list on every page, the full list on
the references page.

data/references.yml holds every reference once, keyed by a short name. Each entry needs
authors (or organisation), title, year, source and at least one identifier: a DOI, a PMID
or an official URL, each of a valid shape. A page names its references in its front
matter (`sources: [KEY, ...]`); this hook appends them as a "Sources" section with links,
and replaces `<!-- guide:references -->` on the references page with the whole list.
"""
from __future__ import annotations

import html
import re

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/: the guide library

from guide import warning_signs  # noqa: E402

from _shared import DATA, FRONT_MATTER, load_yaml, log, problem, src_label  # noqa: E402

PATH = DATA / "references.yml"
WHERE = "data/references.yml"
FIELDS = ("authors", "title", "year", "source")
OPTIONAL = ("doi", "pmid", "pmcid", "url", "note")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
PMID = re.compile(r"^\d{1,9}$")
PMCID = re.compile(r"^PMC\d+$")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
KEY = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
ALL_MARKER = "<!-- guide:references -->"

references: dict = {}
cited: set[str] = set()  # keys named by any page, read before pages are rendered


def validate(data) -> dict:
    """Report every bad entry; return the usable ones."""
    if not isinstance(data, dict):
        problem(WHERE, 1, "the file must be a mapping of KEY: entry.", "see CONTRIBUTING.md, References.")
        return {}
    good = {}
    for key, entry in data.items():
        line = data.lines.get(key)
        if not isinstance(key, str) or not KEY.match(key):
            problem(WHERE, line, f"reference key `{key}` is not upper-case letters, digits and hyphens.",
                    "rename it, for example KOES2007 or NICE-NG59.")
        if not isinstance(entry, dict):
            problem(WHERE, line, f"reference `{key}` is not a mapping of fields.", "see CONTRIBUTING.md.")
            continue
        at = lambda field: entry.lines.get(field, line)  # noqa: E731
        ok = True
        for field in FIELDS:
            if entry.get(field) in (None, ""):
                problem(WHERE, line, f"reference `{key}` has no `{field}`.",
                        f"add `{field}:` (authors may be an organisation; year may be n.d. if undated).")
                ok = False
        for field in entry:
            if field not in FIELDS + OPTIONAL:
                problem(WHERE, at(field), f"reference `{key}` has an unknown field `{field}`.",
                        f"use only: {', '.join(FIELDS + OPTIONAL)}.")
        year = entry.get("year")
        if year not in (None, "") and not (isinstance(year, int) and 1900 <= year <= 2100) and year != "n.d.":
            problem(WHERE, at("year"), f"reference `{key}` has year `{year}`.",
                    "write a four-digit year, or n.d. for an undated web page.")
        identifiers = [f for f in ("doi", "pmid", "url") if entry.get(f) not in (None, "")]
        if not identifiers:
            problem(WHERE, line, f"reference `{key}` has no identifier.",
                    "add a `doi:`, `pmid:` or official `url:` you have confirmed against the source; "
                    "if none can be confirmed, remove the reference.")
            ok = False
        for field, shape, example in (
            ("doi", DOI, "10.1136/bmj.39223.428495.BE (without https://doi.org/)"),
            ("pmid", PMID, '"17585160" (digits only, in quotes)'),
            ("pmcid", PMCID, "PMC1895638"),
            ("url", URL, "https://www.nice.org.uk/guidance/ng59"),
        ):
            value = entry.get(field)
            if value not in (None, "") and not shape.match(str(value)):
                problem(WHERE, at(field), f"reference `{key}` has a malformed {field} `{value}`.",
                        f"write it like {example}.")
                ok = False
        if ok:
            good[key] = entry
    return good


def on_config(config):
    global references
    references = validate(load_yaml(PATH))
    return config


def on_files(files, config):
    """Read every page's `sources:` first, so the references page can list what is cited."""
    cited.clear()
    signs = warning_signs.cached()
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8-sig")
        cited.update(warning_signs.sources_shown(text, signs))
        match = FRONT_MATTER.match(text)
        try:
            meta = yaml.safe_load(match.group(1)) if match else None
        except yaml.YAMLError:
            continue  # front_matter.py reports it with the line
        if isinstance(meta, dict) and isinstance(meta.get("sources"), list):
            cited.update(k for k in meta["sources"] if isinstance(k, str))
    unused = sorted(set(references) - cited)
    if unused:
        log.info(f"{WHERE}: {len(unused)} references are not cited by any page and are not "
                 f"listed on the site: {', '.join(unused)}")
    return files


def citation_html(key: str) -> str:
    """One reference as HTML: Authors. Title. Source; year. DOI · PMID · link."""
    ref = references[key]
    esc = lambda value: html.escape(str(value).strip())  # noqa: E731
    title = esc(ref["title"]).rstrip(".")
    parts = [f"{esc(ref['authors']).rstrip('.')}. {title}. {esc(ref['source']).rstrip('.')}; {esc(ref['year'])}."]
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


def reference_list(keys, css_class: str, search: bool = True) -> str:
    items = "\n".join(
        f'<li id="ref-{key.lower()}">{citation_html(key)}</li>' for key in keys
    )
    exclude = "" if search else " data-search-exclude"
    return f'<ol class="{css_class}"{exclude}>\n{items}\n</ol>'


def on_page_markdown(markdown, page, config, files):
    where = src_label(page)
    keys = page.meta.get("sources") or []
    if not isinstance(keys, list):
        return markdown  # front_matter.py has reported it
    # The references behind the warning signs the page's markers show are its sources too.
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    keys = keys + [k for k in warning_signs.sources_shown(raw, warning_signs.cached()) if k not in keys]
    known = [k for k in keys if isinstance(k, str) and k in references]
    for key in keys:
        if isinstance(key, str) and key not in references:
            problem(where, None, f"source `{key}` is not in data/references.yml.",
                    "use a key that is there, or add the reference (with a confirmed identifier).")
    if ALL_MARKER in markdown:
        listed = sorted(k for k in cited if k in references)
        # Kept out of search too: Material shows a search result's matching paragraph or
        # list whole, and this list is one list of 27,000 characters. The page itself is
        # found by its title, its words and its lay words (sources, bibliography).
        return markdown.replace(ALL_MARKER, reference_list(listed, "reference-list", search=False))
    if known:
        # Kept out of search: the same citations on every page would triple the search
        # index.
        markdown += ("\n\n## Sources { #sources data-search-exclude }\n\n"
                     + reference_list(known, "source-list", search=False) + "\n")
    return markdown
