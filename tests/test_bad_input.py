"""A maintainer's mistake fails the build with a message naming the file, the line where
possible, and the fix. Each case builds a tiny copy of the project with one broken page."""
from __future__ import annotations

import pytest

from sitekit import FIXTURE_DATA as DATA, FIXTURE_REFERENCES as REFS, assert_build_fails, build, make_project, page

OK = page("Fine page")


def front(**fields) -> str:
    base = {
        "title": "A page", "description": "A test page.", "reviewed": "2026-11-01",
        "next_review": "2027-11-01", "audience": "patients", "sources": "[NICE-NG59]",
    }
    base.update(fields)
    lines = [f"{k}: {v}" for k, v in base.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\nSome words.\n"


def diagram(body: str, text_version: str | None = "1. Start.\n    2. EMERGENCY: go now.") -> str:
    after = f'\n??? info "Text version of this diagram"\n    {text_version}\n' if text_version else ""
    return page("Diagram page", f"```mermaid\n{body}\n```\n{after}")


GOOD_DIAGRAM = """flowchart TD
    accTitle: Test
    accDescr: A test.
    a["Start"] --> b["EMERGENCY: go now"]
    class b emergency"""

CASES = {
    "missing field": (
        {"index.md": front(sources=None)}, {},
        ["docs/index.md", "`sources` is missing", "Fix:"],
    ),
    "description too long": (
        {"index.md": front(description="x" * 161)}, {},
        ["docs/index.md:3", "161 characters", "Fix: shorten"],
    ),
    "double quote in description": (
        {"index.md": front(description="'Say \"hello\" to it.'")}, {},
        ["docs/index.md:3", "contains a double quote"],
    ),
    "malformed date": (
        {"index.md": front(reviewed="21/11/2026")}, {},
        ["docs/index.md:4", "not an ISO date", "YYYY-MM-DD"],
    ),
    "review gap over a year": (
        {"index.md": front(next_review="2028-03-01")}, {},
        ["docs/index.md:5", "more than 12 months", "2027-11-01 or earlier"],
    ),
    "unknown audience": (
        {"index.md": front(audience="everyone")}, {},
        ["docs/index.md:6", "`audience: everyone` is not allowed"],
    ),
    "broken YAML": (
        {"index.md": "---\ntitle: A: B: C\n---\n\nText.\n"}, {},
        ["docs/index.md:2", "not valid YAML"],
    ),
    "no front matter": (
        {"index.md": "Just text.\n"}, {},
        ["docs/index.md:1", "no front matter", "title: ..."],
    ),
    "lay words not a list": (
        {"index.md": front(also_called="physio")}, {},
        ["docs/index.md:8", "`also_called` must be a list", "Fix: write it in square brackets"],
    ),
    "lay word with markup": (
        {"index.md": front(also_called="[physio, '<b>PT</b>']")}, {},
        ["docs/index.md:8", "'<b>PT</b>', which is not a plain word or phrase", "Fix: use only letters"],
    ),
    "misspelling of more than one word": (
        {"index.md": front(also_spelled="[cauda equinia]")}, {},
        ["docs/index.md:8", "list only the misspelled word", "Fix: write `equinia`"],
    ),
    "lay word with two homes": (
        {"index.md": front(also_called="[physio]"), "other.md": front(title="Other", also_spelled="[Physio]")}, {},
        ["docs/other.md:8", "'Physio' is already listed in docs/index.md `also_called`", "give each lay word one home"],
    ),
    "unknown source key": (
        {"index.md": front(sources="[NOPE2020]")}, {},
        ["docs/index.md", "`NOPE2020` is not in data/references.yml"],
    ),
    "broken link": (
        {"index.md": page("Home", "See [this](nowhere.md).")}, {},
        ["'index.md'", "nowhere.md", "not found"],
    ),
    "broken anchor": (
        {"index.md": page("Home", "See [this](other.md#nope)."), "other.md": OK}, {},
        ["'index.md'", "other.md#nope", "anchor '#nope'"],
    ),
    "diagram without accTitle": (
        {"index.md": diagram(GOOD_DIAGRAM.replace("    accTitle: Test\n", ""))}, {},
        ["docs/index.md:10", "no `accTitle:`", "Fix: add a line"],
    ),
    "diagram without text version": (
        {"index.md": diagram(GOOD_DIAGRAM, text_version=None)}, {},
        ["docs/index.md:10", "no text version", "Text version of this diagram"],
    ),
    "text version missing a box": (
        {"index.md": diagram(GOOD_DIAGRAM, text_version="1. Start.")}, {},
        ["docs/index.md:10", 'does not name the box "EMERGENCY: go now"'],
    ),
    "emergency said only by colour": (
        {"index.md": diagram(GOOD_DIAGRAM.replace("EMERGENCY: go now", "Go now"),
                             text_version="1. Start.\n    2. Go now.")}, {},
        ["docs/index.md:10", "coloured `emergency` but its label does not say so"],
    ),
    "diagram sets its own colours": (
        {"index.md": diagram(GOOD_DIAGRAM + "\n    style a fill:#f00")}, {},
        ["docs/index.md:16", "sets its own colours"],
    ),
    "diagram drawn sideways": (
        {"index.md": diagram(GOOD_DIAGRAM.replace("flowchart TD", "flowchart LR"))}, {},
        ["docs/index.md:10", "flowchart LR", "flowchart TD"],
    ),
    "diagram link to a missing page": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    click a href "gone.md" "Go"')}, {},
        ["docs/index.md:16", 'diagram link "gone.md"', "not a page"],
    ),
    "diagram link to a missing heading": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    click a href "other.md#nope" "Go"'), "other.md": OK}, {},
        ["docs/index.md:16", 'no heading with id "nope"'],
    ),
    "reference without identifier": (
        {"index.md": OK},
        {"references.yml": REFS.replace("  url: https://www.nice.org.uk/guidance/ng59\n", "")},
        ["data/references.yml:1", "`NICE-NG59` has no identifier", "doi"],
    ),
    "malformed DOI": (
        {"index.md": OK},
        {"references.yml": REFS + "  doi: https://doi.org/10.1/x\n"},
        ["data/references.yml:7", "malformed doi", "without https://doi.org/"],
    ),
    "glossary entry without definition": (
        {"index.md": OK}, {"glossary.yml": "- term: sciatica\n"},
        ["data/glossary.yml:1", "needs `term:` and `definition:`"],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_mistake_fails_build_with_a_clear_message(tmp_path, case):
    pages, data, expected = CASES[case]
    assert_build_fails(tmp_path, pages, expected, data)


def test_the_same_fixture_builds_when_correct(tmp_path):
    """The cases above fail because of their one mistake, not because the fixture is broken."""
    good = diagram(GOOD_DIAGRAM + '\n    click a href "other.md#part" "Go"\n    click b href "other.md" "Go"')
    project = make_project(tmp_path, {"index.md": good, "other.md": page("Other", "## Part { #part }\n\nx")}, DATA)
    result = build(project, tmp_path / "site", "http://127.0.0.1:9/guide/")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'click a href "other/#part"' in html, "diagram links are rewritten to page addresses"
    assert "Page last reviewed: <time" in html and "1 November 2026" in html
    assert "Next review due: 1 November 2027." in html


def test_overdue_page_says_so_but_still_builds(tmp_path):
    project = make_project(tmp_path, {"index.md": OK}, DATA)
    result = build(project, tmp_path / "site", "http://127.0.0.1:9/guide/", GUIDE_TODAY="2028-01-15")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "REVIEW OVERDUE: docs/index.md was due for review on 1 November 2027" in output
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "This page is past its review date" in html


def test_page_within_review_date_has_no_overdue_notice(tmp_path):
    project = make_project(tmp_path, {"index.md": OK}, DATA)
    result = build(project, tmp_path / "site", "http://127.0.0.1:9/guide/", GUIDE_TODAY="2027-10-31")
    assert result.returncode == 0
    assert "REVIEW OVERDUE" not in result.stdout + result.stderr
    assert "past its review date" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
