"""Fonts and first paint: the guide uses the reader's system fonts (theme.font: false), so
nothing waits for a font and nothing moves when one arrives.

- No page loads a font file, declares @font-face or registers a FontFace.
- Text is painted while the scripts are still loading (no invisible text, no blank page
  until JavaScript runs): checked by holding every script back.
- Nothing on screen moves while a page loads (layout shift 0, on a phone-sized screen).
"""
from __future__ import annotations

from harness.browser import probe

FONT_FILE = (".woff2", ".woff", ".ttf", ".otf", ".eot")
FONT_FACES = probe("font_faces")


def test_no_page_loads_a_web_font(first_loads):
    """Every page's first load on a phone (the first_loads fixture, shared with the weight
    budgets); what drawing the diagrams loads is checked in tests/test_budgets.py."""
    problems = []
    for load in first_loads:
        url = load.weight.url
        problems += [f"{url}: loads the font file {r.url}" for r in load.weight.resources
                     if r.kind == "font" or r.url.split("?")[0].endswith(FONT_FILE)]
        problems += [f"{url}: declares {rule}" for rule in load.fonts["rules"]]
        if load.fonts["faces"]:
            problems.append(f"{url}: registers {load.fonts['faces']} web font(s) (document.fonts)")
        problems += [f"{url}: asked another host for {u}" for u in load.weight.off_origin]
    assert not problems, "the guide uses system fonts only (theme.font: false):\n" + "\n".join(problems)


def test_font_check_reports_a_font_face(site, visit_page):
    """Guards the test above."""
    page, _ = visit_page(site.base_url)
    page.add_style_tag(content="@font-face { font-family: Guide; src: local('Nothing'); }")
    assert page.evaluate(FONT_FACES)["rules"]


def test_text_is_painted_before_the_scripts_arrive(site, visit_page):
    """With every script held back, the title and the first paragraph are already on screen."""
    url = next(u for u in site.page_urls() if not site.has_diagrams(u))
    page, _ = visit_page(site.base_url)  # a context that blocks other hosts, like every test
    held = []

    def hold_scripts(route):
        if route.request.resource_type == "script":
            held.append(route)  # answered only after the check
        else:
            route.fallback()

    page.route("**/*", hold_scripts)
    page.goto(url, wait_until="commit")
    try:
        page.wait_for_function(
            "performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')", timeout=15000)
        page.wait_for_selector(".md-content h1", state="visible", timeout=15000)
        assert held, "no script request was held back; the check proves nothing"
        shown = page.evaluate(probe("text_painted"))
        assert not shown["scriptsDone"], "Material's script ran although it was held back"
        assert shown["title"] and shown["text"], f"{url}: text not painted before the scripts: {shown}"
    finally:
        for route in held:
            route.abort()


def test_nothing_moves_while_a_page_loads(first_loads):
    """Nothing moves on a phone's first screen while a page loads; drawing a diagram the
    reader comes to is checked in tests/test_diagrams.py."""
    assert first_loads and all(load.shifts is not None for load in first_loads), "no shifts were recorded"
    problems = []
    for load in first_loads:
        total = sum(shift["value"] for shift in load.shifts)
        if total > 0:
            moved = "; ".join(shift["moved"] for shift in load.shifts)
            problems.append(f"{load.weight.url}: layout shift {total:.3f}; what moved: {moved}")
    assert not problems, "content moved while loading:\n" + "\n".join(problems)
