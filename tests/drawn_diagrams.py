"""Every diagram page opened once in each palette with every diagram drawn, read once for
the checks that look at diagrams as drawn, instead of each check opening every page again
(the `drawn` fixture in tests/conftest.py).

In each palette one browser context goes from diagram page to diagram page (at 1280 x 800)
and on each page, in this order:
- draws every diagram (the reader scrolls to each);
- reads what is shown: the palette, each diagram's palette, title and any Mermaid error
  (tests/test_diagrams.py);
- reads each diagram's boxes and links, colours and accessible names, then what prints
  under print media (tests/test_diagram_design.py);
- walks each diagram by keyboard: from the Tab stop just before it into its first link,
  the focus ring on that link and whether focusing it changes what is on screen, then Tab
  through its links (tests/test_diagram_design.py). Last, since it moves focus.
"""
from __future__ import annotations

from dataclasses import dataclass

from harness.browser import goto, open_context, probe, watch
from harness.settle import SOME_DIAGRAMS_DRAWN, draw_diagrams, wait_for_diagram_setup
from harness.weights import mermaid_requests

from guide import diagrams as diagram_rules, warning_signs  # the build's own rulebook

OUTCOMES = tuple(diagram_rules.outcomes(warning_signs.cached()))
# Every box of every diagram: its words, outcome class and link.
BOXES = probe("diagram_boxes_and_links")
# Colours as drawn: boxes, arrows, arrowheads and edge labels, and the page behind them.
COLOURS = probe("diagram_colours")
ACCESSIBLE = probe("diagram_accessibility")
PRINTED = probe("diagrams_on_paper")
SHOWN = """() => ({
  palette: document.body.dataset.mdColorScheme,
  diagrams: [...document.querySelectorAll('div.mermaid')].map(d => ({
    palette: d.dataset.palette,
    titles: d.querySelectorAll('svg title').length,
    syntaxError: (d.querySelector('svg')?.textContent || '').includes('Syntax error'),
  })),
})"""
FOCUS_BEFORE_DIAGRAM = probe("focus_before_diagram")
TAB_INTO = probe("focus_in_diagram")
FOCUS_RING = probe("diagram_focus_ring")
# Tab presses from the stop before a diagram that may pass before focus is inside it.
TABS_TO_ENTER = 5


@dataclass
class DrawnPage:
    """One diagram page as drawn in one palette."""

    url: str
    where: str  # its address inside the site, for messages
    shown: dict  # SHOWN: the palette, and each diagram's palette, titles and any Mermaid error
    boxes: list  # BOXES: each diagram's boxes, their words, classes and links
    colours: dict  # COLOURS: each diagram's colours and the page behind them
    accessible: list  # ACCESSIBLE: each diagram's role, name, description, text version
    printed: dict  # PRINTED: under print media, what of each diagram prints
    keyboard: list  # walk_by_keyboard(): for each diagram, what the keyboard reached


@dataclass
class DrawnPalette:
    pages: list[DrawnPage]
    problems: list[str]  # console errors, failed requests and other hosts seen meanwhile
    mermaid_urls: list[str]  # every Mermaid file fetched


def draw(page) -> None:
    """Every diagram of the page drawn: diagrams.mjs draws one when the reader comes near
    it, so each is scrolled to in turn (then the page goes back to where it was)."""
    wait_for_diagram_setup(page)
    draw_diagrams(page)
    page.wait_for_function(SOME_DIAGRAMS_DRAWN, timeout=30000)  # at least one: not a page still on its way


def walk_by_keyboard(page) -> list[dict]:
    """For each diagram: whether Tab from the stop before it enters it; the focus ring of
    its first link and whether focusing that link changes what is drawn; how many of its
    links Tab then reaches, of how many."""
    walks = []
    links_per_diagram = page.eval_on_selector_all("div.mermaid svg", "s => s.map(svg => svg.querySelectorAll('a').length)")
    for n, count in enumerate(links_per_diagram):
        walk = {"links": count, "before": page.evaluate(FOCUS_BEFORE_DIAGRAM, n), "entered": False}
        walks.append(walk)
        if not walk["before"]:
            continue
        for _ in range(TABS_TO_ENTER):
            page.keyboard.press("Tab")
            if page.evaluate(TAB_INTO, n):
                walk["entered"] = True
                break
        if not walk["entered"]:
            continue
        walk["ring"] = page.evaluate(FOCUS_RING)
        # The ring must change what is drawn, not only the computed style.
        box = page.evaluate_handle("document.activeElement")
        with_focus = box.screenshot()
        page.evaluate("document.activeElement.blur()")
        walk["changes_on_screen"] = with_focus != box.screenshot()
        page.locator("div.mermaid svg").nth(n).locator("a").first.focus()
        reached = 1
        while reached < count:
            page.keyboard.press("Tab")
            if not page.evaluate(TAB_INTO, n):
                break
            reached += 1
        walk["reached"] = reached
    return walks


def draw_every_diagram_page(browser, site) -> dict[str, DrawnPalette]:
    """{palette: DrawnPalette}, as the module docstring says."""
    found = {}
    for scheme in ("light", "dark"):
        context, visit = open_context(browser, site.origin, color_scheme=scheme)
        try:
            tab = context.new_page()
            watch(tab, visit)
            pages = []
            for url in site.diagram_urls():
                goto(tab, url)
                draw(tab)
                shown = tab.evaluate(SHOWN)
                boxes, colours = tab.evaluate(BOXES), tab.evaluate(COLOURS, list(OUTCOMES))
                accessible = tab.evaluate(ACCESSIBLE)
                tab.emulate_media(media="print")
                printed = tab.evaluate(PRINTED)
                tab.emulate_media(media="screen")
                keyboard = walk_by_keyboard(tab)
                pages.append(DrawnPage(url, site.short(url), shown, boxes, colours, accessible, printed, keyboard))
            found[scheme] = DrawnPalette(pages, visit.problems(), mermaid_requests(visit))
        finally:
            context.close()
    return found
