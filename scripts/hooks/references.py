"""References: data/references.yml checked when the build starts, and a Sources section
added to every page from its front matter and the warning signs it shows
(scripts/guide/references.py). The references page's full list is a marker (markers.py)."""
from __future__ import annotations

from _mkdocs import generated, problems, raw, references, warning_signs, where

known: dict = {}


def on_config(config):
    global known
    known, found = references.load()
    problems.report(found)
    return config


def on_files(files, config):
    cited = references.cited_keys([f.content_string for f in files.documentation_pages()], warning_signs.cached())
    unused = sorted(set(known) - cited)
    if unused:
        problems.log.info(f"data/references.yml: {len(unused)} references are not cited by any page and are not "
                          f"listed on the site: {', '.join(unused)}")
    return files


def on_page_markdown(markdown, page, config, files):
    keys = page.meta.get("sources") or []
    if not isinstance(keys, list):
        return markdown  # front_matter.py has reported it
    problems.report(references.unknown_keys(keys, known, where(page)))
    if "<!-- guide:references -->" in markdown:
        return markdown  # the references page lists everything; no Sources of its own
    if generated(page):
        return markdown  # a summary or card: the page it is made from lists the sources
    return markdown + references.source_list(references.page_sources(raw(page), page.meta, warning_signs.cached()), known)
