"""Fonts and first paint: the guide uses the reader's system fonts (theme.font: false), so
nothing waits for a font and nothing moves when one arrives.

- No page loads a font file, declares @font-face or registers a FontFace.
- Text is painted while the scripts are still loading (no invisible text, no blank page
  until JavaScript runs): checked by holding every script back.
- Nothing on screen moves while a page loads (layout shift 0, on a phone-sized screen).
"""
from __future__ import annotations

import pytest

from harness.browser import open_context, probe
from harness.settle import settle

PHONE = {"width": 412, "height": 823}
FONT_FILE = (".woff2", ".woff", ".ttf", ".otf", ".eot")

FONT_FACES = probe("font_faces")

SHIFTS = probe("shifts")


@pytest.fixture(scope="module")
def page_loads(site, browser) -> list[dict]:
    """Every page opened once on a phone-sized screen, in a fresh context, recording the
    fonts it asks for, the @font-face rules it has, and any layout shift while loading."""
    loads = []
    for url in site.pages_to_open():
        context, visit = open_context(browser, site.origin, viewport=PHONE)
        context.add_init_script(SHIFTS)
        responses = []
        context.on("response", lambda response: responses.append(response))
        try:
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            settle(page)
            loads.append({
                "url": url,
                "font_files": [r.url for r in responses
                               if r.request.resource_type == "font" or r.url.split("?")[0].endswith(FONT_FILE)],
                **page.evaluate(FONT_FACES),
                "shifts": page.evaluate("window.__guideShifts"),
                "off_origin": list(visit.off_origin),
            })
        finally:
            context.close()
    return loads


def test_no_page_loads_a_web_font(page_loads):
    problems = []
    for load in page_loads:
        url = load["url"]
        problems += [f"{url}: loads the font file {f}" for f in load["font_files"]]
        problems += [f"{url}: declares {rule}" for rule in load["rules"]]
        if load["faces"]:
            problems.append(f"{url}: registers {load['faces']} web font(s) (document.fonts)")
        problems += [f"{url}: asked another host for {u}" for u in load["off_origin"]]
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


def test_nothing_moves_while_a_page_loads(page_loads):
    problems = []
    for load in page_loads:
        total = sum(shift["value"] for shift in load["shifts"])
        if total > 0:
            moved = "; ".join(shift["moved"] for shift in load["shifts"])
            problems.append(f"{load['url']}: layout shift {total:.3f}; what moved: {moved}")
    assert not problems, "content moved while loading:\n" + "\n".join(problems)
