"""Tooltips in the page content (docs/assets/javascripts/tooltips.js): the glossary words'
definitions and the "Link to this section" links, in Material's tooltip style.

They replace Material's `content.tooltips`, which set up one component per word on every
page load (most of a long page's blocking time on a phone; scripts/benchmark.py shows
the timings). Checked in Chromium: a definition shows on hover, on a tap and on keyboard
focus, inside a 320px screen, below its word; it stays while the pointer moves onto it;
Escape and moving away close it; the word keeps its title for the next time; and all of
this after instant navigation too.
"""
from __future__ import annotations

import json

from harness.browser import probe

PHONE = {"width": 320, "height": 640}
MEDICINES = "treatment/medicines/"


def features(page) -> list[str]:
    return json.loads(page.locator("#__config").text_content())["features"]


def tooltip(page) -> dict | None:
    return page.evaluate(probe("tooltip_state"))


def test_no_tooltip_is_set_up_until_the_reader_asks(site, visit_page):
    """Material's own per-word tooltips stay off (they were the blocking time), and page
    load leaves every word as it was."""
    page, visit = visit_page(site.base_url + MEDICINES)
    assert "content.tooltips" not in features(page), (
        "Material's content.tooltips is back on: it mounts a component for every glossary word on "
        "every page load. tooltips.js shows the same tooltips; remove the feature from mkdocs.yml.")
    words = page.locator("article abbr[title]")
    assert words.count() > 50, "the medicines page should have many glossary words"
    assert page.locator(".md-tooltip2").count() == 0 and page.locator("article [aria-describedby]").count() == 0
    assert not visit.problems(), visit.problems()


def test_hovering_a_word_shows_its_definition_and_moving_away_hides_it(site, visit_page):
    page, visit = visit_page(site.base_url + MEDICINES)
    # (Not abbr[title]: the word's title moves to the tooltip while it shows.)
    word = page.locator("article abbr").first
    definition = word.get_attribute("title")
    word.hover()
    page.wait_for_function("document.querySelector('#guide-tooltip.md-tooltip2--active')")
    shown = tooltip(page)
    assert shown["text"] == definition and shown["role"] == "tooltip"
    assert shown["hostTitle"] is None and shown["describedBy"] == "guide-tooltip", (
        "while it shows, the word's title moves to the tooltip (no second, native tooltip)")
    # The pointer can move onto the tooltip without losing it (WCAG 1.4.13 hoverable).
    page.wait_for_timeout(500)  # it slides in; then it is where the pointer can reach it
    box = page.locator("#guide-tooltip .md-tooltip2__inner").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(500)
    assert tooltip(page) and tooltip(page)["active"], "the tooltip went away while the pointer was on it"
    page.mouse.move(5, 5)
    page.wait_for_function("!document.getElementById('guide-tooltip')", timeout=3000)
    assert word.get_attribute("title") == definition and word.get_attribute("aria-describedby") is None
    assert not visit.problems(), visit.problems()


def test_a_tap_shows_the_definition_inside_a_phone_screen(site, visit_page):
    page, _ = visit_page(site.base_url + MEDICINES, viewport=PHONE, has_touch=True, is_mobile=True)
    # The word nearest the right edge of the first screen: the hardest to fit.
    index = page.evaluate(probe("rightmost_word"))
    word = page.locator("article abbr").nth(index)
    word.tap()
    page.wait_for_function("document.querySelector('#guide-tooltip.md-tooltip2--active')")
    page.wait_for_timeout(500)  # the slide-in
    shown = tooltip(page)
    word_box = word.bounding_box()
    assert shown["left"] >= 0 and shown["right"] <= PHONE["width"], f"the tooltip leaves the screen: {shown}"
    assert shown["top"] >= word_box["y"] + word_box["height"], f"the tooltip covers its word: {shown}, {word_box}"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('guide-tooltip')", timeout=3000)
    # Shown by a tap, it stays until the reader taps somewhere else.
    word.tap()
    page.wait_for_function("document.querySelector('#guide-tooltip.md-tooltip2--active')")
    page.wait_for_timeout(500)
    assert tooltip(page) and tooltip(page)["active"], "a tooltip shown by a tap went away by itself"
    page.locator("article h1").tap()
    page.wait_for_function("!document.getElementById('guide-tooltip')", timeout=3000)


def test_keyboard_focus_shows_a_tooltip_and_escape_closes_it(site, visit_page):
    page, _ = visit_page(site.base_url + MEDICINES)
    link = page.locator("article h2 a.headerlink").first
    label = link.get_attribute("title")
    link.focus()
    page.wait_for_function("document.querySelector('#guide-tooltip.md-tooltip2--active')")
    assert tooltip(page)["text"] == label
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('guide-tooltip')", timeout=3000)
    assert link.get_attribute("title") == label


def test_tooltips_work_after_instant_navigation(site, visit_page):
    page, visit = visit_page(site.base_url)
    page.evaluate("window.__noReload = true")
    page.locator(f"nav a[href$='{MEDICINES}']").first.click()
    page.wait_for_url(site.base_url + MEDICINES)
    page.locator("article h1", has_text="Medicines").wait_for()
    assert page.evaluate("window.__noReload === true"), "the click reloaded the page: not instant navigation"
    word = page.locator("article abbr").nth(3)
    definition = word.get_attribute("title")
    word.hover()
    page.wait_for_function("document.querySelector('#guide-tooltip.md-tooltip2--active')")
    assert tooltip(page)["text"] == definition
    assert not visit.problems(), visit.problems()
