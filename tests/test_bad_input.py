"""A maintainer's mistake fails the build with a message naming the file, the line where
possible, and the fix.

Every mistake has its own case below, but they are built together, to keep the fast tier
fast: the page mistakes as pages of one throwaway project (each case is its own page, so
each message names its own file), the data-file mistakes as one project whose data files
hold all of them. A build with several problems lists every one before it fails, so each
case is checked on its own. Expected line numbers are worked out from the fixture text,
never written out by hand.
"""
from __future__ import annotations

import re

import pytest

from sitekit import (BODY_LINE, FIXTURE_REFERENCES as REFS, FIXTURE_WARNING_SIGNS as SIGNS, build, make_project,
                     page)

OK = page("Fine page")
FRONT_FIELDS = {
    "title": "A page", "description": "A test page.", "reviewed": "2026-11-01",
    "next_review": "2027-11-01", "audience": "patients", "sources": "[NICE-NG59]",
    "key_points": "[Keep moving as much as you can., Know the signs that need help fast., Ask your doctor if you are not sure.]",
}


def front(**fields) -> str:
    base = {**FRONT_FIELDS, **fields}
    lines = [f"{k}: {v}" for k, v in base.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\nSome words.\n"


def field_line(key: str) -> int:
    """The line of `key` in a page made by front()."""
    return list(FRONT_FIELDS).index(key) + 2


EXTRA = len(FRONT_FIELDS) + 2  # the line of the first field front() adds to FRONT_FIELDS


def diagram(body: str, text_version: str | None = None) -> str:
    after = f'\n??? info "Text version of this diagram"\n    {text_version}\n' if text_version else ""
    return page("Diagram page", f"```mermaid\n{body}\n```\n{after}")


GOOD_DIAGRAM = """flowchart TD
    accTitle: Test
    accDescr: A test.
    a["Start"] --> b["EMERGENCY: go to an emergency department or call your emergency number"]
    class b emergency"""
FENCE = BODY_LINE  # the ```mermaid line of a diagram page
BOXES = FENCE + 4  # the line that defines boxes a and b
LAST = FENCE + GOOD_DIAGRAM.count("\n") + 1  # the diagram's last line

# Each case: (page, what the build output must say). "PAGE" stands for the case's own file
# name (each case is a page of its own: docs/PAGE.md).
PAGE_CASES = {
    "missing field": (front(sources=None), ["docs/PAGE.md", "`sources` is missing", "Fix:"]),
    "description too long": (
        front(description="x" * 161), [f"docs/PAGE.md:{field_line('description')}", "161 characters", "Fix: shorten"]),
    "double quote in description": (
        front(description="'Say \"hello\" to it.'"), [f"docs/PAGE.md:{field_line('description')}", "contains a double quote"]),
    "malformed date": (
        front(reviewed="21/11/2026"), [f"docs/PAGE.md:{field_line('reviewed')}", "not an ISO date", "YYYY-MM-DD"]),
    "review gap over a year": (
        front(next_review="2028-03-01"),
        [f"docs/PAGE.md:{field_line('next_review')}", "more than 12 months", "2027-11-01 or earlier"]),
    "unknown audience": (
        front(audience="everyone"), [f"docs/PAGE.md:{field_line('audience')}", "`audience: everyone` is not allowed"]),
    "broken YAML": ("---\ntitle: A: B: C\n---\n\nText.\n", ["docs/PAGE.md:2", "not valid YAML"]),
    "no front matter": ("Just text.\n", ["docs/PAGE.md:1", "no front matter", "title: ..."]),
    "unknown source key": (front(sources="[NOPE2020]"), ["docs/PAGE.md", "`NOPE2020` is not in data/references.yml"]),
    # Lay words (also_called, also_spelled) go after the required fields: line EXTRA on.
    "lay words not a list": (
        front(also_called="physiotherapy"),
        [f"docs/PAGE.md:{EXTRA}", "`also_called` must be a list", "Fix: write it in square brackets"]),
    "lay word with markup": (
        front(also_called="[physical therapy, '<b>PT</b>']"),
        [f"docs/PAGE.md:{EXTRA}", "'<b>PT</b>', which is not a plain word or phrase", "Fix: use only letters"]),
    "misspelling of more than one word": (
        front(also_spelled="[cauda equinia]"),
        [f"docs/PAGE.md:{EXTRA}", "list only the misspelled word", "Fix: write `equinia`"]),
    "lay word with two homes": (
        front(also_called="[rehab]", also_spelled="[Rehab]"),
        [f"docs/PAGE.md:{EXTRA + 1}", "'Rehab' is already listed in docs/PAGE.md `also_called`",
         "give each lay word one home"]),
    "broken link": (page("Home", "See [this](nowhere.md)."), ["'PAGE.md'", "nowhere.md", "not found"]),
    "broken anchor": (page("Home", "See [this](other.md#nope)."), ["'PAGE.md'", "other.md#nope", "anchor '#nope'"]),
    "a title written as a heading": (
        page("Home", "# Home\n\nSome words."), [f"docs/PAGE.md:{BODY_LINE}", "has its own `# Title`", "Fix: delete it"]),
    "a heading takes the page title's id": (
        page("Home", "Some words.\n\n## Where it starts { #page-title }\n\nMore words."),
        [f"docs/PAGE.md:{BODY_LINE + 2}", 'a heading uses the id "page-title"', "Fix: give that heading another id."]),
    "diagram without accTitle": (
        diagram(GOOD_DIAGRAM.replace("    accTitle: Test\n", "")),
        [f"docs/PAGE.md:{FENCE}", "no `accTitle:`", "Fix: add a line"]),
    "hand-written text version": (
        diagram(GOOD_DIAGRAM, text_version="1. Start."),
        [f"docs/PAGE.md:{LAST + 3}", "hand-written text version", "the build writes the text version"]),
    "emergency said only by colour": (
        diagram(GOOD_DIAGRAM.replace("EMERGENCY: go to", "Go to")),
        [f"docs/PAGE.md:{BOXES}", "marked `emergency` but its label does not start with its words"]),
    "diagram sets its own colours": (
        diagram(GOOD_DIAGRAM + "\n    style a fill:#f00"), [f"docs/PAGE.md:{LAST + 1}", "sets its own colours"]),
    "diagram drawn sideways": (
        diagram(GOOD_DIAGRAM.replace("flowchart TD", "flowchart LR")), [f"docs/PAGE.md:{FENCE}", "flowchart LR", "flowchart TD"]),
    "diagram link to a missing page": (
        diagram(GOOD_DIAGRAM + '\n    click a href "gone.md" "Go"'), [f"docs/PAGE.md:{LAST + 1}", 'diagram link "gone.md"', "not a page"]),
    "diagram link to a missing heading": (
        diagram(GOOD_DIAGRAM + '\n    click a href "other.md#nope" "Go"'), [f"docs/PAGE.md:{LAST + 1}", 'no heading with id "nope"']),
    "diagram box without a link": (
        diagram(GOOD_DIAGRAM + '\n    click b href "other.md" "B"'),
        [f"docs/PAGE.md:{BOXES}", 'box `a` ("Start") does not link', 'Fix: add `click a href "page.md#heading-id"']),
    "diagram link from a box that does not exist": (
        diagram(GOOD_DIAGRAM + '\n    click x href "other.md" "X"'), [f"docs/PAGE.md:{LAST + 1}", "`click x` names no box"]),
    "diagram outcome words without the class": (
        diagram(GOOD_DIAGRAM + '\n    a --> c["SAME DAY: see a doctor today"]'),
        [f"docs/PAGE.md:{LAST + 1}", 'box `c` says "SAME DAY" but is not marked `urgent`', "add `class c urgent`"]),
    "diagram names a tier that does not exist": (
        diagram(GOOD_DIAGRAM.replace("class b emergency", "class b emergncy")),
        [f"docs/PAGE.md:{FENCE}", "unknown diagram class `emergncy`", "use one of: emergency, urgent"]),
    "diagram routes a sign to the wrong tier": (
        diagram(GOOD_DIAGRAM + '\n    a --> q("A hot, swollen knee?")\n    q -->|Yes| r["SEE YOUR DOCTOR: book"]'
                '\n    class r routine\n    click r href "other.md" "R"'),
        [f"docs/PAGE.md:{LAST + 2}", "its Yes leads to `r`, a routine outcome", "class ID urgent"]),
    "diagram question mixes tiers": (
        diagram(GOOD_DIAGRAM + '\n    a --> q("A hot, swollen knee or chest pain?")'),
        [f"docs/PAGE.md:{LAST + 1}", "mixes signs of different tiers", "one question per tier"]),
    "diagram reaches self-care without asking every sign": (
        diagram(GOOD_DIAGRAM + '\n    a --> s["SELF-CARE: rest a little"]\n    class s selfcare\n    click s href "other.md" "S"'),
        [f"docs/PAGE.md:{LAST + 1}", "the self-care box `s` can be reached (a -> s) without asking about",
         "numbness between your legs"]),
    "diagram line the build cannot read": (
        diagram(GOOD_DIAGRAM + "\n    a & b --> c"), [f"docs/PAGE.md:{LAST + 1}", "cannot be read", "one arrow per line"]),
    "marker names a sign that does not exist": (
        page("Home", "<!-- guide:help-box foot-drops -->"),
        [f"docs/PAGE.md:{BODY_LINE}", "no tier or sign called `foot-drops`", "Fix: use names from tiers:"]),
    "marker with a typo in its name": (
        page("Home", "<!-- guide:help-bx -->"), [f"docs/PAGE.md:{BODY_LINE}", "unknown marker `guide:help-bx`", "help-box"]),
    "marker with a typo in guide": (
        page("Home", "<!-- giude:help-box -->"),
        [f"docs/PAGE.md:{BODY_LINE}", "`<!-- giude:help-box -->` is not a marker the guide knows"]),
    "prose gives a sign the wrong urgency": (
        page("Home", "If you notice new weakness in your leg, see a doctor soon."),
        [f"docs/PAGE.md:{BODY_LINE}", "names the warning sign `new-weakness`", "makes it 'Same day'",
         'Fix: say "contact your doctor, urgent care or a nurse line']),
}
# Key points (front matter `key_points:`, guide/front_matter.py). KEY_POINTS is the line of
# the field in a page made by front(); in block style each point is on the lines below it.
KEY_POINTS = field_line("key_points")
HARD_POINT = "Lumbosacral radiculopathy necessitates comprehensive neurological evaluation."
BLOCK_POINTS = "\n  - Keep moving as much as you can.\n  - Rest a little if you need to.\n  - " + HARD_POINT
IN_SHORT_PAGE = front() + '\n!!! abstract "In short"\n    Most leg pain gets better. Keep moving as much as you can.\n'
PAGE_CASES.update({
    "no key points on a patient page": (
        front(key_points=None), ["docs/PAGE.md: a patient page needs `key_points:`", "Fix: write `key_points:` as a list"]),
    "too few key points": (
        front(key_points="[Keep moving., Rest a little.]"),
        [f"docs/PAGE.md:{KEY_POINTS}", "`key_points` has 2 points; a page has 3 to 6", "Fix: add points"]),
    "too many key points": (
        front(key_points="[" + ", ".join(f"Point {n}." for n in range(1, 8)) + "]"),
        [f"docs/PAGE.md:{KEY_POINTS}", "`key_points` has 7 points; a page has 3 to 6", "Fix: merge or cut points"]),
    "a key point above the reading level": (
        front(key_points=BLOCK_POINTS),
        [f"docs/PAGE.md:{KEY_POINTS + 3}", "key point 3 reads at grade", "(the limit is 7)",
         "Fix: use shorter sentences and plainer words"]),
    "a key point that repeats In short": (
        IN_SHORT_PAGE, [f"docs/PAGE.md:{KEY_POINTS}", 'key point 1 repeats "In short"', "Fix: say what the reader"]),
    "a key point gives a sign the wrong urgency": (
        front(key_points='["If you notice new weakness, see a doctor soon.", Two things., Three things.]'),
        [f"docs/PAGE.md:{KEY_POINTS}", "names the warning sign `new-weakness`", "makes it 'Same day'"]),
})

# Pages that must hold their marker, under their own names.
REQUIRED_PAGE_CASES = {
    "the clinicians page loses its list": (
        "clinicians.md", page("For clinicians", "## Page addresses { #page-addresses }\n\nNo list here."),
        ["docs/clinicians.md", "lost its `<!-- guide:clinicians-pages -->` marker", "Fix:"]),
}


def slug(case: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", case.lower()).strip("-")


@pytest.fixture(scope="module")
def page_mistakes(tmp_path_factory) -> str:
    """One project holding every broken page; the build output."""
    tmp = tmp_path_factory.mktemp("page-mistakes")
    pages = {"index.md": OK, "other.md": page("Other", "## Part { #part }\n\nx")}
    pages.update({f"{slug(case)}.md": text.replace("(index.md", f"({slug(case)}.md")
                  for case, (text, _) in PAGE_CASES.items()})
    pages.update({name: text for name, text, _ in REQUIRED_PAGE_CASES.values()})
    result = build(make_project(tmp, pages), tmp / "site", "http://127.0.0.1:9/guide/")
    assert result.returncode != 0, "a project full of mistakes built without complaint"
    return result.stdout + result.stderr


@pytest.mark.parametrize("case", PAGE_CASES, ids=list(PAGE_CASES))
def test_a_page_mistake_fails_the_build_with_its_file_line_and_fix(page_mistakes, case):
    for text in PAGE_CASES[case][1]:
        expected = text.replace("PAGE.md", f"{slug(case)}.md")
        assert expected in page_mistakes, f"expected {expected!r} in the build output:\n{page_mistakes}"


@pytest.mark.parametrize("case", REQUIRED_PAGE_CASES, ids=list(REQUIRED_PAGE_CASES))
def test_a_page_that_loses_its_marker_fails_the_build(page_mistakes, case):
    for expected in REQUIRED_PAGE_CASES[case][2]:
        assert expected in page_mistakes, f"expected {expected!r} in the build output:\n{page_mistakes}"


# ---- mistakes in the data files ------------------------------------------------------------------

def lines_of(text: str, start: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start)]


def line_of(text: str, start: str) -> int:
    return lines_of(text, start)[0]


BAD_REFERENCES = REFS + """NO-IDENTIFIER:
  authors: Someone
  title: A page with no identifier
  year: 2020
  source: A website
MALFORMED-DOI:
  authors: Someone
  title: A paper
  year: 2020
  source: A journal
  doi: https://doi.org/10.1/x
"""
# In the warning signs: the first sign loses its sources, the second cites a missing
# reference, the third takes the second's id, the first same-day sign names a missing tier.
_first, _second, _third = (SIGNS.index(f"  - id: {s}") for s in ("saddle-numbness", "bladder", "bowel"))
_sources = SIGNS.index("    sources:", _first)
BAD_SIGNS = (SIGNS[:_sources] + SIGNS[SIGNS.index("\n", _sources) + 1:_second]
             + SIGNS[_second:_third].replace("[NICE-NG59]", "[NOPE2020]")
             + SIGNS[_third:].replace("- id: bowel", "- id: bladder", 1).replace("tier: same-day", "tier: sameday", 1))
BAD_GLOSSARY = "- term: sciatica\n  definition: Leg pain from an irritated nerve root.\n- term: knee\n"
BAD_CHANGES = ("- date: 2026-11-01\n  pages: [/nowhere/]\n  change: Do this.\n  why: Because.\n"
               "- date: 2026-11-02\n  pages: [/]\n  change: Do that.\n  why: Because.\n")

DATA_CASES = {
    "reference without identifier": [
        f"data/references.yml:{line_of(BAD_REFERENCES, 'NO-IDENTIFIER:')}", "`NO-IDENTIFIER` has no identifier", "doi"],
    "malformed DOI": [
        f"data/references.yml:{line_of(BAD_REFERENCES, '  doi: https')}", "malformed doi", "without https://doi.org/"],
    "glossary entry without definition": [f"data/glossary.yml:{line_of(BAD_GLOSSARY, '- term: knee')}",
                                          "needs `term:` and `definition:`"],
    "warning sign without a source": [
        f"data/warning-signs.yml:{line_of(BAD_SIGNS, '  - id: saddle-numbness')}", "sign `saddle-numbness` has no `sources`",
        "a sign nobody can source does not go in"],
    "warning sign citing an unknown reference": [
        "data/warning-signs.yml:", "cites `NOPE2020`, which is not in data/references.yml"],
    "two warning signs with the same id": [
        f"data/warning-signs.yml:{lines_of(BAD_SIGNS, '  - id: bladder')[1]}",
        "the id `bladder` is used twice"],
    "warning sign with a tier that does not exist": [
        "data/warning-signs.yml:", "has tier `sameday`, which does not exist", "use one of: emergency, same-day"],
    "advice change naming a page that does not exist": ["data/advice-changes.yml:2", "`/nowhere/` is not the address of a page"],
    "page reviewed before its advice changed": [
        f"docs/index.md:{field_line('reviewed')}", "`reviewed: 2026-11-01` is before the advice change of 2026-11-02",
        "set `reviewed: 2026-11-02` or later"],
}


@pytest.fixture(scope="module")
def data_mistakes(tmp_path_factory) -> str:
    tmp = tmp_path_factory.mktemp("data-mistakes")
    data = {"references.yml": BAD_REFERENCES, "warning-signs.yml": BAD_SIGNS, "advice-changes.yml": BAD_CHANGES,
            "glossary.yml": BAD_GLOSSARY}
    result = build(make_project(tmp, {"index.md": OK}, data), tmp / "site", "http://127.0.0.1:9/guide/")
    assert result.returncode != 0, "data files full of mistakes built without complaint"
    return result.stdout + result.stderr


@pytest.mark.parametrize("case", DATA_CASES, ids=list(DATA_CASES))
def test_a_data_file_mistake_fails_the_build_with_its_file_line_and_fix(data_mistakes, case):
    for expected in DATA_CASES[case]:
        assert expected in data_mistakes, f"expected {expected!r} in the build output:\n{data_mistakes}"


# ---- the same fixtures, without the mistakes, build ---------------------------------------------

def test_the_fixtures_build_when_correct(fixture_site):
    """The cases above fail because of their mistakes, not because the fixture project is
    broken: tests/conftest.py `fixture_site` builds a project of correct fixture pages."""
    assert fixture_site.returncode == 0, fixture_site.output


def test_diagram_links_become_page_addresses_and_the_text_version_is_written(fixture_site):
    html = fixture_site.html("diagram/")
    assert 'click a href "../other/#part"' in html, "diagram links are rewritten to page addresses"
    assert 'click c href "#next"' in html, "a link to a heading on the same page is just #id"
    text = re.sub(r"<[^>]+>", "", html)
    assert "Text version of this diagram" in text and "Start. Next: EMERGENCY: go to an emergency department" in text


def test_markers_and_the_advice_record_show_on_the_pages(fixture_site):
    other = fixture_site.html("other/")
    assert "a foot that drags or slaps (foot drop)" in other, "the help-box marker shows the sign"
    assert "Advice on this page last changed on" in other and 'href="../changes/#2026-11-01"' in other
    changes = fixture_site.html("changes/")
    assert 'id="2026-11-01"' in changes and "Do this." in changes


def test_review_dates_show_and_an_overdue_page_says_so_but_still_builds(fixture_site):
    """GUIDE_TODAY is 15 November 2027 for the fixture build: the home page was due on 1
    November 2027, the other page is due on 1 December 2027."""
    html = fixture_site.html("")
    assert "Page last reviewed: <time" in html and "1 November 2026" in html
    assert "Next review due: 1 November 2027." in html
    assert "REVIEW OVERDUE: docs/index.md was due for review on 1 November 2027" in fixture_site.output
    assert "This page is past its review date" in html
    assert "REVIEW OVERDUE: docs/other.md" not in fixture_site.output
    assert "past its review date" not in fixture_site.html("other/")
