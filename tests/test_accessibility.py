"""Accessibility of every built page, checked in Chromium.

- axe-core (pinned copy in tests/vendor/, see ./scripts/update-axe) with the WCAG 2.0,
  2.1 and 2.2 A and AA rules finds nothing on any page, in the light palette (from the
  shared visit of every page, tests/crawl.py) and, for the rules that depend on colour
  (the palettes differ in nothing else), the dark palette the reader switches to in the
  same visit; nor, with every rule in both palettes, with search open or the menu open on
  a phone. Nothing is switched off: a failure is fixed in overrides/ or the stylesheet.
- Every image has a text alternative: <img> has alt; Chromium's accessibility tree holds
  no image without a name (decorative icons are hidden from it); each diagram is named.
- The page's language is set, and heading levels do not skip.
"""
from __future__ import annotations

import pytest

from crawl import COLOUR_RULES, DARK_AND_STILL, FINISH_TRANSITIONS, describe, run_axe, unnamed_images
from harness.browser import probe
from harness.settle import PALETTE_TOGGLE, settle, wait_for_diagram_setup, wait_for_stillness

PHONE = {"width": 320, "height": 640}


def test_axe_finds_no_wcag_violations_on_any_page_in_the_light_palette(crawled):
    """From the shared visit of every page (tests/crawl.py)."""
    problems = [line for visit in crawled for line in visit.axe]
    assert not problems, "axe-core found WCAG A/AA violations:\n" + "\n".join(problems)


def test_axe_finds_no_wcag_violations_on_any_page_in_the_dark_palette(crawled):
    """From the same visit, after the reader's switch to the dark palette. The palettes
    change colours only, so here axe runs the rules that depend on colour (COLOUR_RULES);
    every other rule gave the same result in the light palette."""
    shown = {visit.url: visit.dark_palette for visit in crawled if visit.dark_palette != "slate"}
    assert not shown, f"switched to the dark palette, Material shows {shown}"
    problems = [line for visit in crawled for line in visit.axe_dark]
    assert not problems, "axe-core found WCAG A/AA violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_search_or_menu_open_on_a_phone(site, visit_page, scheme):
    page, _ = visit_page(site.base_url, color_scheme=scheme, viewport=PHONE)
    settle(page)
    page.keyboard.press("/")
    page.keyboard.type("knee", delay=20)
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    wait_for_stillness(page)
    problems = describe(run_axe(page), f"{site.base_url} with search results open ({scheme})")
    page.keyboard.press("Escape")
    page.locator(".md-header button.guide-menu-button").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    wait_for_stillness(page)
    problems += describe(run_axe(page), f"{site.base_url} with the menu open ({scheme})")
    assert not problems, "axe-core found WCAG A/AA violations:\n" + "\n".join(problems)


def test_axe_finds_nothing_in_diagram_placeholders(site, visit_page):
    """A diagram is drawn when the reader comes near it; until then its box shows a
    placeholder (title, message, a button to the text version). Checked in view, on a
    phone, with Mermaid held back so the placeholder stays: every rule in the light
    palette, then the colour rules after the reader switches to the dark one."""
    problems = []
    urls = site.diagram_urls()
    assert urls, "no page has a diagram"
    for url in urls:
        page, _ = visit_page(url, viewport=PHONE)
        page.route("**/vendor/mermaid-*/**", lambda route: route.abort())
        wait_for_diagram_setup(page)
        page.locator("div.mermaid").first.scroll_into_view_if_needed()
        for scheme in ("light", "dark"):
            if scheme == "dark":
                page.click(PALETTE_TOGGLE)
                page.wait_for_function(DARK_AND_STILL, timeout=10000)
                page.evaluate(FINISH_TRANSITIONS)
            count = page.locator("div.mermaid .mermaid__placeholder").count()
            assert count == page.locator("div.mermaid").count(), f"{url}: {count} placeholders ({scheme})"
            result = run_axe(page) if scheme == "light" else run_axe(page, COLOUR_RULES)
            problems += describe(result, f"{url} diagram placeholders ({scheme} palette)")
        page.close()
    assert not problems, "axe-core found WCAG A/AA violations:\n" + "\n".join(problems)


def test_axe_check_reports_a_real_problem(site, visit_page):
    """Guards the tests above: the harness must see a violation when there is one."""
    page, _ = visit_page(site.base_url)
    page.evaluate(probe("add_pale_text_and_bare_image"))
    ids = {rule["id"] for rule in run_axe(page)["violations"]}
    assert {"color-contrast", "image-alt"} <= ids, ids
    colour_only = {rule["id"] for rule in run_axe(page, COLOUR_RULES)["violations"]}
    assert colour_only == {"color-contrast"}, f"the dark palette's colour rules found {colour_only}"


def test_every_image_has_a_text_alternative(crawled):
    """From the shared visit of every page (tests/crawl.py), every diagram drawn."""
    problems = []
    for visit in crawled:
        problems += [f"{visit.url}: <img> without alt: {html}" for html in visit.img_without_alt]
        problems += [f"{visit.url}: image with no name in the accessibility tree: {html}" for html in visit.unnamed_images]
        problems += [f"{visit.url}: a diagram has no role or no name ({d}); give it accTitle and accDescr"
                     for d in visit.diagrams if not d["name"] or not d["role"]]
    assert sum(len(v.diagrams) for v in crawled), "no diagram was found; the diagram check checked nothing"
    assert not problems, "\n".join(problems)


def test_image_check_reports_an_unnamed_image(site, visit_page):
    """Guards the test above: an SVG picture without a name must be reported."""
    page, _ = visit_page(site.base_url)
    page.evaluate(probe("add_unnamed_svg"))
    assert unnamed_images(page), "an <svg role=img> with no name was not found"


def heading_problems(headings: list[dict]) -> list[str]:
    """The first heading is the one h1; each later heading goes at most one level deeper."""
    problems = []
    levels = [h["level"] for h in headings]
    if not levels or levels[0] != 1:
        problems.append(f"the first heading is not an h1: {headings[:1]}")
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 headings; a page has exactly one")
    for before, heading in zip(headings, headings[1:]):
        if heading["level"] > before["level"] + 1:
            problems.append(f"h{before['level']} {before['text']!r} is followed by h{heading['level']} "
                            f"{heading['text']!r}: a level is skipped")
    return problems


def test_language_is_set_and_heading_levels_do_not_skip(crawled):
    problems = []
    for visit in crawled:
        if visit.lang != "en":
            problems.append(f"{visit.url}: <html lang> is {visit.lang!r}, expected 'en'")
        problems += [f"{visit.url}: {p}" for p in heading_problems(visit.headings)]
    assert not problems, "\n".join(problems)


def test_heading_check_reports_a_skipped_level():
    assert heading_problems([{"level": 1, "text": "A"}, {"level": 2, "text": "B"}, {"level": 3, "text": "C"}]) == []
    found = heading_problems([{"level": 1, "text": "A"}, {"level": 3, "text": "C"}])
    assert len(found) == 1 and "skipped" in found[0]
    assert heading_problems([{"level": 2, "text": "B"}])


# (A heading that takes the page title's id fails the build: tests/test_bad_input.py.)
