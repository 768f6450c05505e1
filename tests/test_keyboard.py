"""The guide works from the keyboard alone, in Chromium.

- "Skip to content" is the first Tab stop on every page and takes focus to the page title.
- Every Tab stop shows a visible focus ring (on phones, with the menu shut and open, too):
  nothing invisible takes focus.
- Search opens with "/", finds, and a result is chosen with the arrow keys and Enter.
- The light/dark switch works with Enter; the menu button on a phone with Enter, Space
  and Escape.
- Tab reaches every link inside a diagram.
"""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from harness.browser import open_context, probe
from harness.settle import settle, wait_for_stillness

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}
MAX_STOPS = 600
# The menu button that docs/assets/javascripts/keyboard-fixes.js puts in place of Material's label.
MENU_BUTTON = ".md-header button.guide-menu-button"

# What the focused element shows. A control whose own box is empty (Material's palette
# switch is a 0x0 radio button) shows its focus ring on its visible <label>.
FOCUS_STATE = probe("focus_state")


# No transition running on the focused element or anything around it.
FOCUSED_STILL = probe("focused_still")


def ring_problem(state: dict) -> str | None:
    if not state["onScreen"]:
        return "is off screen or has no size"
    if not state["visible"]:
        return "is invisible (hidden or transparent)"
    if not state["ring"]:
        return "shows no focus ring (outline of 2px or more, or a box-shadow)"
    return None


def tab_through(page, *, limit: int = MAX_STOPS) -> list[dict]:
    """Press Tab until focus comes round again; the state of each stop.

    A stop that looks wrong is looked at again once transitions end (Material fades
    permalinks in on focus), and again a moment later (Material opens and closes search,
    and moves the page under it, after a short delay)."""
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["key"] in seen:
            break
        if ring_problem(state):
            page.wait_for_function(FOCUSED_STILL, timeout=5000)
            state = page.evaluate(FOCUS_STATE)
        if ring_problem(state):
            page.wait_for_timeout(500)
            wait_for_stillness(page)
            state = page.evaluate(FOCUS_STATE)
        seen.add(state["key"])
        stops.append(state)
    return stops


def open_page(visit_page, url, **options):
    page, _ = visit_page(url, **options)
    settle(page)
    return page


SKIP_LINK = probe("skip_link")
ON_TITLE = probe("on_title")


def follow_skip_link(page, url) -> list[str]:
    """From the top of a fresh page: Tab, Enter; what is wrong with where focus went."""
    page.keyboard.press("Tab")
    first = page.evaluate(SKIP_LINK)
    if not first["skip"] or first["text"] != "Skip to content":
        return [f"{url}: the first Tab stop is {first['what']}, not the 'Skip to content' link"]
    problems = []
    state = page.evaluate(FOCUS_STATE)
    if ring_problem(state):
        page.wait_for_function(FOCUSED_STILL, timeout=5000)  # Material slides the link in
        state = page.evaluate(FOCUS_STATE)
    if ring_problem(state):
        problems.append(f"{url}: the skip link {ring_problem(state)}")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # Material would swap the page in now if it had taken the click
    focused = page.evaluate(ON_TITLE, first["href"])
    if not focused["title"] or not focused["linkTarget"]:
        problems.append(f"{url}: the skip link ({first['href']}) put focus on {focused['what']}, not the page title")
    return problems


@dataclass
class DesktopRun:
    url: str
    skip_problems: list[str]
    after_skip: dict | None  # the first Tab stop after the skip link
    stops: list[dict]  # Tab stops after the page title (all of them on the first page)
    diagram_links: int


@pytest.fixture(scope="module")
def desktop_runs(site, browser) -> list[DesktopRun]:
    """Every page at 1280 px, opened once: the skip link followed, then Tab pressed through
    the rest of the page. The first page is also tabbed through from the very top (the
    header and menu are the same on every page)."""
    runs = []
    for n, url in enumerate(site.page_urls()):
        context, visit = open_context(browser, site.origin, viewport=DESKTOP)
        try:
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            settle(page)
            links = page.eval_on_selector_all("div.mermaid svg a", "as => as.length")
            skip_problems = follow_skip_link(page, url)
            stops = tab_through(page) if not skip_problems else []
            after_skip = stops[0] if stops else None
            if n == 0:
                page.goto(url, wait_until="networkidle")
                settle(page)
                stops = tab_through(page)
            runs.append(DesktopRun(url, skip_problems, after_skip, stops, links))
        finally:
            context.close()
        assert not visit.off_origin, visit.off_origin
    return runs


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_title(desktop_runs):
    problems = [p for run in desktop_runs for p in run.skip_problems]
    problems += [f"{run.url}: after the skip link, Tab goes to "
                 f"{run.after_skip['what'] if run.after_skip else 'nowhere'}, not into the page"
                 for run in desktop_runs if not run.skip_problems and not (run.after_skip or {}).get("inContent")]
    assert not problems, "\n".join(problems)


def test_every_tab_stop_shows_a_focus_ring(site, visit_page, desktop_runs):
    problems = []

    def check(label, stops):
        assert len(stops) > 3, f"{label}: only {len(stops)} Tab stops; keyboard focus is not moving"
        for n, stop in enumerate(stops, 1):
            problem = ring_problem(stop)
            if problem:
                problems.append(f"{label}, Tab stop {n}: {stop['what']} {problem}")

    for run in desktop_runs:
        check(f"{run.url} (1280 px wide)", run.stops)
    # On a phone: the home page, and a page inside a menu section (whose sub-menu is then
    # open in the menu), with the menu shut and open.
    in_section = next(u for u in site.page_urls() if u.removeprefix(site.base_url).count("/") == 2)
    for url in [site.base_url, in_section]:
        page = open_page(visit_page, url, viewport=PHONE)
        check(f"{url} (phone, menu shut)", tab_through(page))
        page.close()
        page = open_page(visit_page, url, viewport=PHONE)
        page.locator(MENU_BUTTON).click()
        wait_for_stillness(page)
        check(f"{url} (phone, menu open)", tab_through(page))
        page.close()
    assert not problems, "keyboard focus that a reader cannot see:\n" + "\n".join(problems)


def test_focus_ring_check_reports_an_invisible_stop(site, visit_page):
    """Guards the test above: a focusable element with no ring, or out of sight, is reported."""
    page = open_page(visit_page, site.base_url, viewport=DESKTOP)
    page.evaluate(probe("unfocusable_links"))
    page.focus("#bare")
    assert "no focus ring" in (ring_problem(page.evaluate(FOCUS_STATE)) or "")
    page.focus("#away")
    assert "off screen" in (ring_problem(page.evaluate(FOCUS_STATE)) or "")


def test_search_works_from_the_keyboard(site, visit_page):
    page = open_page(visit_page, site.page_urls()[1], viewport=DESKTOP)
    name = page.evaluate("document.querySelector('.md-search[role=dialog]').getAttribute('aria-label')")
    assert name, "the search dialog has no name (aria-label)"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), "'/' did not put focus in search"
    page.keyboard.type("sciatica", delay=20)
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.matches('.md-search-result__link') && document.activeElement.href")
    assert chosen, "ArrowDown did not move focus to the first result"
    wait_for_stillness(page)
    assert ring_problem(page.evaluate(FOCUS_STATE)) is None, "the chosen result shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_url(chosen.split("#")[0] + "**")
    assert not page.evaluate("document.getElementById('__search').checked"), "search stayed open after choosing"


def test_palette_switch_works_from_the_keyboard(site, visit_page):
    page = open_page(visit_page, site.base_url, viewport=DESKTOP)
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-option')"):
            break
    else:
        raise AssertionError("Tab never reached the light/dark switch")
    wait_for_stillness(page)
    assert ring_problem(page.evaluate(FOCUS_STATE)) is None, "the light/dark switch shows no focus ring"
    scheme = lambda: page.evaluate("document.body.dataset.mdColorScheme")  # noqa: E731
    assert scheme() == "default"
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
    assert page.evaluate("document.activeElement.matches('input.md-option')"), "focus left the switch"
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'", timeout=5000)


def test_menu_button_works_from_the_keyboard_on_a_phone(site, visit_page):
    page = open_page(visit_page, site.base_url, viewport=PHONE)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{MENU_BUTTON}')"):
            break
    else:
        raise AssertionError("Tab never reached the menu button on a phone-sized screen")
    button = page.locator(MENU_BUTTON)
    assert button.get_attribute("aria-label") == "Menu"
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    wait_for_stillness(page)
    page.keyboard.press("Tab")
    state = page.evaluate(FOCUS_STATE)
    assert ring_problem(state) is None, f"after opening the menu, Tab went to {state}"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert page.evaluate(f"document.activeElement.matches('{MENU_BUTTON}')"), "Escape did not return focus"
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.keyboard.press(" ")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "false"


def test_tab_reaches_every_link_in_every_diagram(desktop_runs):
    with_diagram_links = [run for run in desktop_runs if run.diagram_links]
    assert with_diagram_links, "no diagram has a link (click ... href); nothing was checked"
    problems = []
    for run in with_diagram_links:
        reached = [stop for stop in run.stops if stop["svgLink"]]
        if len(reached) != run.diagram_links:
            problems.append(f"{run.url}: Tab reached {len(reached)} of the {run.diagram_links} links in its diagrams")
        problems += [f"{run.url}: diagram link {stop['what']} {ring_problem(stop)}" for stop in reached if ring_problem(stop)]
    assert not problems, "\n".join(problems)
