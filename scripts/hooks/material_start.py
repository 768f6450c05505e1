"""Material's start-up made cheaper on a phone (scripts/guide/material_start.py says why).

- Templates get inline_script("NAME.js"): the text of docs/assets/javascripts/NAME.js, for
  the few scripts that must run in the page head before Material's bundle (page-start.js,
  search-on-demand.js). They live in .js files like every other script; a file of its
  own in the head would hold up the first paint while it downloads.
- After the build, Material's palette stylesheet loses its data-md-color-switching rule.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from _mkdocs import material_start, problems

SCRIPTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts"


def on_env(env, config, files):
    env.globals["inline_script"] = lambda name: Markup(material_start.inline_script(SCRIPTS / name))
    return env


def on_post_build(config):
    site_dir = Path(config.site_dir)
    sheets = material_start.palette_stylesheets(site_dir)
    if len(sheets) != 1:
        problems.report([problems.Problem("mkdocs.yml", None, f"expected one palette stylesheet from Material in "
                                                               f"site/assets/stylesheets/, found {len(sheets)}.",
                                          "check scripts/guide/material_start.py against the Material version.")])
        return
    where = f"site/assets/stylesheets/{sheets[0].name} (Material's)"
    css, found = material_start.drop_switching_rule(sheets[0].read_text(encoding="utf-8"), where)
    problems.report(found)
    sheets[0].write_text(css, encoding="utf-8")
