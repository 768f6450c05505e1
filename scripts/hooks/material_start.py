"""Material's start-up made cheaper on a phone (scripts/guide/material_start.py says why).

- Templates get inline_script("NAME.js"): the text of docs/assets/javascripts/NAME.js, for
  the few scripts that must run in the page head before Material's bundle (page-start.js,
  search-on-demand.js). They live in .js files like every other script; a file of its
  own in the head would hold up the first paint while it downloads.
- Each page's tables come already in Material's scrolling boxes, with a class, so
  Material's script does not rebuild them while the page starts.
- After the build, Material's palette stylesheet loses its data-md-color-switching rule,
  and its main stylesheet's table rules name that class.
"""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from _mkdocs import material_start, problems, where

SCRIPTS = Path(__file__).resolve().parents[2] / "docs" / "assets" / "javascripts"


def on_env(env, config, files):
    env.globals["inline_script"] = lambda name: Markup(material_start.inline_script(SCRIPTS / name))
    return env


def on_page_content(html: str, page, **_):
    wrapped, found = material_start.wrap_tables(html, where(page))
    problems.report(found)
    return wrapped


def _rewrite_stylesheet(site_dir: Path, kind: str, rewrite) -> None:
    """Material's one `kind` stylesheet rewritten in place by `rewrite(css, where)`."""
    sheets = material_start.materials_stylesheets(site_dir, kind)
    if len(sheets) != 1:
        problems.report([problems.Problem("mkdocs.yml", None, f"expected one {kind} stylesheet from Material in "
                                                               f"site/assets/stylesheets/, found {len(sheets)}.",
                                          "check scripts/guide/material_start.py against the Material version.")])
        return
    css, found = rewrite(sheets[0].read_text(encoding="utf-8"), f"site/assets/stylesheets/{sheets[0].name} (Material's)")
    problems.report(found)
    sheets[0].write_text(css, encoding="utf-8")


def on_post_build(config):
    site_dir = Path(config.site_dir)
    _rewrite_stylesheet(site_dir, "main", material_start.name_table_class)
    _rewrite_stylesheet(site_dir, "palette", material_start.drop_switching_rule)
