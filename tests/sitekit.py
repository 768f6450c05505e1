"""Build helpers shared by the tests.

`build(project, site_dir, site_url, **env)` (scripts/harness/server.py) builds a project;
the real guide is ROOT. `make_project(tmp, pages)` assembles a
throwaway copy of the project (the real mkdocs.yml, hooks, templates, snippets and data)
with only the given pages, so a test can show that a broken page fails the build with a
useful message.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from harness.server import ROOT, build  # noqa: F401  (tests import build from here too)


MINIMAL_FRONT_MATTER = """---
title: {title}
description: A test page.
reviewed: 2026-11-01
next_review: 2027-11-01
audience: patients
sources: [NICE-NG59]
key_points:
  - Keep moving as much as you can.
  - Know the signs that need help fast.
  - Ask your doctor if you are not sure.
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


# ---- One project of correct fixture pages, built once for the tests that need a small site
# with a site_url of its own, a fixed build date and pages the real guide does not have.

FIXTURE_SITE_URL = "https://clinic.example.org/back/"
FIXTURE_TODAY = "2027-11-15"  # the home page (next review 1 November 2027) is overdue then
FIXTURE_DESCRIPTION = "Tom's guide & more: </script><b>bold</b> is fine."


def _fixture_pages() -> dict[str, str]:
    diagram = """```mermaid
flowchart TD
    accTitle: Test
    accDescr: A test.
    a["Start"] --> b["EMERGENCY: go to an emergency department or call your emergency number"]
    a --> q("Any emergency warning sign?")
    q -->|Yes| b
    q -->|No| c["Next"]
    class b emergency
    click a href "other.md#part" "Go"
    click b href "warning-signs.md#emergency" "Go"
    click c href "diagram.md#next" "Go"
```

## Next { #next }
"""
    warning_signs = "\n\n".join(f"<!-- guide:sign-section {tier} -->" for tier in ("emergency", "same-day", "soon", "routine"))
    other = page("Other", "## Part { #part }\n\nIf you notice new weakness in your leg, see a doctor the same day.\n\n"
                          "<!-- guide:help-box foot-drop -->")
    other = other.replace("reviewed: 2026-11-01", "reviewed: 2026-12-01").replace("next_review: 2027-11-01",
                                                                                    "next_review: 2027-12-01")
    quoted = FIXTURE_DESCRIPTION.replace("'", "''")
    return {
        "index.md": page("Home"),
        "other.md": other,
        "diagram.md": page("Diagram page", diagram),
        "warning-signs.md": page("Warning signs", warning_signs + "\n\n## After a knee injury { #after-a-knee-injury }\n"),
        "changes.md": page("Changes", "<!-- guide:advice-changes -->"),
        "clinicians.md": page("For clinicians", "<!-- guide:clinicians-pages -->"),
        "test-page.md": page("Tom's test page").replace("description: A test page.", f"description: '{quoted}'"),
    }


FIXTURE_PAGES = _fixture_pages()
FIXTURE_CHANGES = "- date: 2026-11-01\n  pages: [/other/]\n  change: Do this.\n  why: Because.\n"


class FixtureSite:
    """The built fixture project: its build output and its pages' HTML."""

    def __init__(self, tmp: Path):
        project = make_project(tmp, FIXTURE_PAGES, {"advice-changes.yml": FIXTURE_CHANGES})
        self.dir = tmp / "site"
        result = build(project, self.dir, FIXTURE_SITE_URL, GUIDE_TODAY=FIXTURE_TODAY)
        self.returncode = result.returncode
        self.output = result.stdout + result.stderr
        self.pages = list(FIXTURE_PAGES)

    def html(self, address: str) -> str:
        """The built HTML at an address relative to the site ("other/", "" for home)."""
        return (self.dir / address / "index.html").read_text(encoding="utf-8")
