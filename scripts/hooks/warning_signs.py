"""Warning signs (data/warning-signs.yml, scripts/guide/warning_signs.py): the data file is
checked when the build starts, every page's prose is checked against it, and the banner
above every page and the 404 page get the emergency line (`config.extra.warning_banner`).
The boxes and lists are markers (markers.py)."""
from __future__ import annotations

from _mkdocs import front_matter, generated, problems, raw, references, warning_signs, where


def on_config(config):
    known, _ = references.load()  # references.py reports that file's problems
    signs, found = warning_signs.load(known_sources=set(known))
    problems.report(found)
    emergency = min(signs.tiers.values(), key=lambda t: t.rank, default=None)
    config.extra["warning_banner"] = {"text": emergency.banner if emergency else "",
                                      "section": emergency.section if emergency else ""}
    return config


def on_page_markdown(markdown, page, config, files):
    if generated(page):
        return markdown  # made from a page's text and the data, both checked at their source
    signs = warning_signs.cached()
    problems.report(warning_signs.check_prose(raw(page), where(page), signs))
    meta, _ = front_matter.read(raw(page), where(page))
    problems.report(warning_signs.check_lines(front_matter.key_points(meta or {}), where(page), signs))
    return markdown
