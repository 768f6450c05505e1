"""Material's start-up made cheaper on a phone (scripts/guide/material_start.py says why).

- Templates get inline_script("NAME.js"): the text of docs/assets/javascripts/NAME.js, for
  the few scripts that must run in the page head before Material's bundle (page-start.js,
  search-on-demand.js). They live in .js files like every other script; a file of its
  own in the head would hold up the first paint while it downloads.
- Each page's tables come already in Material's scrolling boxes, with a class, so
  Material's script does not rebuild them while the page starts.
- After the build, Material's palette stylesheet loses its data-md-color-switching rule,
  its main stylesheet's table rules name that class, and its bundle starts instant
  navigation and its search, light/dark switch, progress bar and dialog in short tasks
  of their own.
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


def _rewrite(site_dir: Path, found: list[Path], what: str, rewrite) -> None:
    """Material's one file `found` (its `what`) rewritten in place by `rewrite(text, where)`."""
    if len(found) != 1:
        problems.report([problems.Problem("mkdocs.yml", None, f"expected one {what} from Material in the built "
                                                               f"site, found {len(found)}.",
                                          "check scripts/guide/material_start.py against the Material version.")])
        return
    path = found[0]
    text, found_problems = rewrite(path.read_text(encoding="utf-8"),
                                   f"site/{path.relative_to(site_dir).as_posix()} (Material's)")
    problems.report(found_problems)
    path.write_text(text, encoding="utf-8")


def on_post_build(config):
    site_dir = Path(config.site_dir)
    _rewrite(site_dir, material_start.materials_stylesheets(site_dir, "main"), "main stylesheet",
             material_start.name_table_class)
    _rewrite(site_dir, material_start.materials_stylesheets(site_dir, "palette"), "palette stylesheet",
             material_start.drop_switching_rule)
    _rewrite(site_dir, material_start.materials_bundle(site_dir), "script bundle", material_start.split_start_up)
