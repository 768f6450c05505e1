"""A maintainer's mistake fails the build with a message naming the file, the line where
possible, and the fix. Each case builds a tiny copy of the project with one broken page."""
from __future__ import annotations

import re

import pytest

from sitekit import (BODY_LINE, FIXTURE_REFERENCES as REFS, FIXTURE_WARNING_SIGNS as SIGNS, assert_build_fails,
                     build, make_project, page)

OK = page("Fine page")


def front(**fields) -> str:
    base = {
        "title": "A page", "description": "A test page.", "reviewed": "2026-11-01",
        "next_review": "2027-11-01", "audience": "patients", "sources": "[NICE-NG59]",
    }
    base.update(fields)
    lines = [f"{k}: {v}" for k, v in base.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\nSome words.\n"


def diagram(body: str, text_version: str | None = None) -> str:
    after = f'\n??? info "Text version of this diagram"\n    {text_version}\n' if text_version else ""
    return page("Diagram page", f"```mermaid\n{body}\n```\n{after}")


GOOD_DIAGRAM = """flowchart TD
    accTitle: Test
    accDescr: A test.
    a["Start"] --> b["EMERGENCY: go to an emergency department or call your emergency number"]
    class b emergency"""
FENCE = BODY_LINE  # the ```mermaid line of a diagram page
LAST = FENCE + GOOD_DIAGRAM.count("\n") + 1  # the diagram's last line


def signs_line(text: str) -> int:
    """The line of the fixture warning-signs file that starts with `text`."""
    return next(n for n, line in enumerate(SIGNS.splitlines(), 1) if line.startswith(text))


def first_sign_without(field: str) -> str:
    """The fixture warning signs with `field` removed from the first sign."""
    start = SIGNS.index("  - id: saddle-numbness")
    end = SIGNS.index(f"    {field}:", start)
    return SIGNS[:end] + SIGNS[SIGNS.index("\n", end) + 1:]


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
        [f"docs/index.md:{FENCE}", "no `accTitle:`", "Fix: add a line"],
    ),
    "hand-written text version": (
        {"index.md": diagram(GOOD_DIAGRAM, text_version="1. Start.")}, {},
        [f"docs/index.md:{LAST + 3}", "hand-written text version", "the build writes the text version"],
    ),
    "emergency said only by colour": (
        {"index.md": diagram(GOOD_DIAGRAM.replace("EMERGENCY: go to", "Go to"))}, {},
        [f"docs/index.md:{FENCE + 4}", "marked `emergency` but its label does not start with its words"],
    ),
    "diagram sets its own colours": (
        {"index.md": diagram(GOOD_DIAGRAM + "\n    style a fill:#f00")}, {},
        [f"docs/index.md:{LAST + 1}", "sets its own colours"],
    ),
    "diagram drawn sideways": (
        {"index.md": diagram(GOOD_DIAGRAM.replace("flowchart TD", "flowchart LR"))}, {},
        [f"docs/index.md:{FENCE}", "flowchart LR", "flowchart TD"],
    ),
    "diagram link to a missing page": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    click a href "gone.md" "Go"')}, {},
        [f"docs/index.md:{LAST + 1}", 'diagram link "gone.md"', "not a page"],
    ),
    "diagram link to a missing heading": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    click a href "other.md#nope" "Go"'), "other.md": OK}, {},
        [f"docs/index.md:{LAST + 1}", 'no heading with id "nope"'],
    ),
    "diagram box without a link": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    click b href "index.md" "B"')}, {},
        [f"docs/index.md:{FENCE + 4}", 'box `a` ("Start") does not link', 'Fix: add `click a href "page.md#heading-id"']),
    "diagram link from a box that does not exist": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    click x href "index.md" "X"')}, {},
        [f"docs/index.md:{LAST + 1}", "`click x` names no box"]),
    "diagram outcome words without the class": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    a --> c["SAME DAY: see a doctor today"]')}, {},
        [f"docs/index.md:{LAST + 1}", 'box `c` says "SAME DAY" but is not marked `urgent`', "add `class c urgent`"]),
    "diagram names a tier that does not exist": (
        {"index.md": diagram(GOOD_DIAGRAM.replace("class b emergency", "class b emergncy"))}, {},
        [f"docs/index.md:{FENCE}", "unknown diagram class `emergncy`", "use one of: emergency, urgent"],
    ),
    "diagram routes a sign to the wrong tier": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    a --> q("A hot, swollen knee?")\n    q -->|Yes| r["SEE YOUR DOCTOR: book"]'
                             '\n    class r routine\n    click r href "index.md" "R"')}, {},
        [f"docs/index.md:{LAST + 2}", "its Yes leads to `r`, a routine outcome", "class ID urgent"],
    ),
    "diagram question mixes tiers": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    a --> q("A hot, swollen knee or chest pain?")')}, {},
        [f"docs/index.md:{LAST + 1}", "mixes signs of different tiers", "one question per tier"],
    ),
    "diagram reaches self-care without asking every sign": (
        {"index.md": diagram(GOOD_DIAGRAM + '\n    a --> s["SELF-CARE: rest a little"]\n    class s selfcare'
                             '\n    click s href "index.md" "S"')}, {},
        [f"docs/index.md:{LAST + 1}", "the self-care box `s` can be reached (a -> s) without asking about",
         "numbness between your legs"],
    ),
    "marker names a sign that does not exist": (
        {"index.md": page("Home", "<!-- guide:help-box foot-drops -->")}, {},
        [f"docs/index.md:{BODY_LINE}", "no tier or sign called `foot-drops`", "Fix: use names from tiers:"],
    ),
    "marker with a typo in its name": (
        {"index.md": page("Home", "<!-- guide:help-bx -->")}, {},
        [f"docs/index.md:{BODY_LINE}", "unknown marker `guide:help-bx`", "help-box"],
    ),
    "marker with a typo in guide": (
        {"index.md": page("Home", "<!-- giude:help-box -->")}, {},
        [f"docs/index.md:{BODY_LINE}", "`<!-- giude:help-box -->` is not a marker the guide knows"],
    ),
    "prose gives a sign the wrong urgency": (
        {"index.md": page("Home", "If you notice new weakness in your leg, see a doctor soon.")}, {},
        [f"docs/index.md:{BODY_LINE}", "names the warning sign `new-weakness`", "makes it 'Same day'",
         "Fix: say \"contact your doctor, urgent care or a nurse line"],
    ),
    "warning sign without a source": (
        {"index.md": OK}, {"warning-signs.yml": first_sign_without("sources")},
        [f"data/warning-signs.yml:{signs_line('  - id: saddle-numbness')}", "sign `saddle-numbness` has no `sources`",
         "a sign nobody can source does not go in"],
    ),
    "warning sign citing an unknown reference": (
        {"index.md": OK}, {"warning-signs.yml": SIGNS.replace("[NICE-NG59]", "[NOPE2020]", 1)},
        ["data/warning-signs.yml:", "cites `NOPE2020`, which is not in data/references.yml"],
    ),
    "two warning signs with the same id": (
        {"index.md": OK}, {"warning-signs.yml": SIGNS.replace("- id: bladder", "- id: saddle-numbness")},
        [f"data/warning-signs.yml:{signs_line('  - id: bladder')}", "the id `saddle-numbness` is used twice"],
    ),
    "warning sign with a tier that does not exist": (
        {"index.md": OK}, {"warning-signs.yml": SIGNS.replace("tier: same-day", "tier: sameday", 1)},
        ["data/warning-signs.yml:", "has tier `sameday`, which does not exist", "use one of: emergency, same-day"],
    ),
    "advice change naming a page that does not exist": (
        {"index.md": OK},
        {"advice-changes.yml": "- date: 2026-11-01\n  pages: [/nowhere/]\n  change: Do this.\n  why: Because.\n"},
        ["data/advice-changes.yml:2", "`/nowhere/` is not the address of a page"],
    ),
    "page reviewed before its advice changed": (
        {"index.md": OK},
        {"advice-changes.yml": "- date: 2026-11-02\n  pages: [/]\n  change: Do this.\n  why: Because.\n"},
        ["docs/index.md:4", "`reviewed: 2026-11-01` is before the advice change of 2026-11-02",
         "set `reviewed: 2026-11-02` or later"],
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
    """The cases above fail because of their one mistake, not because the fixture is broken:
    the good diagram builds, gets a text version made from it, and the markers and advice
    record work."""
    good = diagram(GOOD_DIAGRAM + '\n    a --> q("Any emergency warning sign?")\n    q -->|Yes| b\n    q -->|No| c["Next"]'
                   '\n    click a href "other.md#part" "Go"\n    click b href "warning-signs.md#emergency" "Go"'
                   '\n    click c href "index.md#next" "Go"') + "\n## Next { #next }\n"
    warning_signs = page("Warning signs", "\n\n".join(f"<!-- guide:sign-section {tier} -->"
                                                      for tier in ("emergency", "same-day", "soon", "routine"))
                         + "\n\n## After a knee injury { #after-a-knee-injury }\n")
    other = page("Other", "## Part { #part }\n\nIf you notice new weakness in your leg, see a doctor the same day.\n\n"
                          "<!-- guide:help-box foot-drop -->")
    changes = "- date: 2026-11-01\n  pages: [/other/]\n  change: Do this.\n  why: Because.\n"
    project = make_project(tmp_path, {"index.md": good, "other.md": other, "warning-signs.md": warning_signs},
                           {"advice-changes.yml": changes})
    result = build(project, tmp_path / "site", "http://127.0.0.1:9/guide/")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'click a href "other/#part"' in html, "diagram links are rewritten to page addresses"
    assert 'click c href "#next"' in html, "a link to a heading on the same page is just #id"
    text = re.sub(r"<[^>]+>", "", html)
    assert "Text version of this diagram" in text and "Start. Next: EMERGENCY: go to an emergency department" in text
    assert "Page last reviewed: <time" in html and "1 November 2026" in html
    assert "Next review due: 1 November 2027." in html
    other_html = (tmp_path / "site" / "other" / "index.html").read_text(encoding="utf-8")
    assert "a foot that drags or slaps (foot drop)" in other_html, "the help-box marker shows the sign"
    assert "Advice on this page last changed on" in other_html


def test_overdue_page_says_so_but_still_builds(tmp_path):
    project = make_project(tmp_path, {"index.md": OK})
    result = build(project, tmp_path / "site", "http://127.0.0.1:9/guide/", GUIDE_TODAY="2028-01-15")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "REVIEW OVERDUE: docs/index.md was due for review on 1 November 2027" in output
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "This page is past its review date" in html


def test_page_within_review_date_has_no_overdue_notice(tmp_path):
    project = make_project(tmp_path, {"index.md": OK})
    result = build(project, tmp_path / "site", "http://127.0.0.1:9/guide/", GUIDE_TODAY="2027-10-31")
    assert result.returncode == 0
    assert "REVIEW OVERDUE" not in result.stdout + result.stderr
    assert "past its review date" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
