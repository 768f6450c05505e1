"""Build helpers shared by the tests.

`build(project, site_dir, site_url, **env)` builds a project (the real guide is ROOT). `make_project(tmp, pages)` assembles a
throwaway copy of the project (the real mkdocs.yml, hooks, templates, snippets and data)
with only the given pages, so a test can show that a broken page fails the build with a
useful message.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def env_with(**extra) -> dict:
    env = dict(os.environ)
    env.update({"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"})
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def build(project: Path, site_dir: Path, site_url: str, **env) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`; output captured."""
    return subprocess.run(
        MKDOCS + ["build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=project, env=env_with(SITE_URL=site_url, **env),
        capture_output=True, text=True, timeout=600,
    )


MINIMAL_FRONT_MATTER = """---
title: {title}
description: A test page.
reviewed: 2026-11-01
next_review: 2027-11-01
audience: patients
sources: [NICE-NG59]
---
"""


# The line of a fixture page where its body starts (after the front matter and a blank
# line): expected line numbers in build messages are derived from it, not written out.
BODY_LINE = MINIMAL_FRONT_MATTER.count("\n") + 2


def page(title: str, body: str = "Some words.") -> str:
    """A valid page with the given body."""
    return MINIMAL_FRONT_MATTER.format(title=title) + "\n" + body + "\n"


def make_project(tmp: Path, pages: dict[str, str], data: dict[str, str] | None = None) -> Path:
    """A copy of the project whose docs are `pages` ({"index.md": text, ...}) and whose
    nav lists them in that order. Its data/ is the small fixture data set (FIXTURE_DATA);
    `data` replaces files on top of it ({"glossary.yml": text})."""
    project = tmp / "project"
    for name in ("overrides", "data", "scripts"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "nav:\n" + "".join(f"  - {name}\n" for name in pages)
    config = re.sub(r"^nav:\n(?:[ \t]+.*\n?)*", nav, config, flags=re.M)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in pages.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name, text in {**FIXTURE_DATA, **(data or {})}.items():
        (project / "data" / name).write_text(text, encoding="utf-8")
    return project


# The data a fixture project needs: one reference, one glossary term, the real warning
# signs citing that one reference, and no advice changes (the real ones name real pages).
FIXTURE_REFERENCES = """NICE-NG59:
  authors: National Institute for Health and Care Excellence
  title: Low back pain and sciatica in over 16s
  year: 2016
  source: NICE guideline NG59
  url: https://www.nice.org.uk/guidance/ng59
"""
FIXTURE_WARNING_SIGNS = re.sub(r"(?m)^(    sources: )\[.*\]$", r"\1[NICE-NG59]",
                               (ROOT / "data" / "warning-signs.yml").read_text(encoding="utf-8"))
FIXTURE_DATA = {
    "references.yml": FIXTURE_REFERENCES,
    "glossary.yml": "- term: sciatica\n  definition: Leg pain from an irritated nerve root.\n",
    "warning-signs.yml": FIXTURE_WARNING_SIGNS,
    "advice-changes.yml": "[]\n",
}


def assert_build_fails(tmp: Path, pages: dict[str, str], expected: list[str],
                       data: dict[str, str] | None = None) -> None:
    """Build a fixture project; it must fail and print every one of `expected`."""
    project = make_project(tmp, pages, data)
    result = build(project, tmp / "site", "http://127.0.0.1:9/guide/")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    for text in expected:
        assert text in output, f"expected {text!r} in the build output:\n{output}"
