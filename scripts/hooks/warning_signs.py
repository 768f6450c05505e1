"""The warning signs on every page, from data/warning-signs.yml (scripts/guide/warning_signs.py).

- The data file is checked when the build starts; a problem names the line and the fix.
- `<!-- guide:help-box ... -->`, `<!-- guide:sign-list ... -->` and
  `<!-- guide:sign-section ... -->` become the boxes and lists made from it, and any other
  `guide:` marker or look-alike is reported unless another hook expands it.
- Every page's prose is checked: a sentence that names a sign with another tier's urgency
  words fails the build.
- The banner above every page and the 404 page read the emergency line from
  `config.extra.warning_banner`.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/: the guide library

from guide import markers, warning_signs  # noqa: E402
from guide.problems import DATA, load_yaml  # noqa: E402

from _shared import log, src_label  # noqa: E402

# Markers that other hooks expand: the glossary, the references list, the clinicians list.
EXPANDED_ELSEWHERE = ("glossary", "references", "clinicians-pages", "advice-changes")

signs = warning_signs.WarningSigns()


def on_config(config):
    global signs
    known = set(load_yaml(DATA / "references.yml") or {})
    signs, problems = warning_signs.load(known_sources=known)
    for problem in problems:
        log.warning(str(problem))
    emergency = min(signs.tiers.values(), key=lambda t: t.rank, default=None)
    config.extra["warning_banner"] = {"text": emergency.banner if emergency else "",
                                      "section": emergency.section if emergency else ""}
    return config


def on_page_markdown(markdown, page, config, files):
    where = src_label(page)
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    handlers = {name: (lambda marker, name=name: warning_signs.marker_output(name, marker.args, signs))
                for name in warning_signs.SIGN_MARKERS}
    markdown, problems = markers.expand(markdown, raw, where, handlers, EXPANDED_ELSEWHERE)
    problems += warning_signs.check_prose(raw, where, signs)
    for problem in problems:
        log.warning(str(problem))
    return markdown
