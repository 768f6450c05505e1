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

from crawl import DESKTOP, FOCUS_STATE, ring_problem, tab_through
from harness.browser import probe
from harness.settle import settle, wait_for_stillness

PHONE = {"width": 320, "height": 640}
# The menu button that docs/assets/javascripts/keyboard-fixes.js puts in place of Material's label.
MENU_BUTTON = ".md-header button.guide-menu-button"

def open_page(visit_page, url, **options):
    page, _ = visit_page(url, **options)
    settle(page)
    return page


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_title(crawled):
    crawled = [run for run in crawled if run.status == 200]  # the 404 page has no sections to skip to
    problems = [p for run in crawled for p in run.skip_problems]
    problems += [f"{run.url}: after the skip link, Tab goes to "
                 f"{run.after_skip['what'] if run.after_skip else 'nowhere'}, not into the page"
                 for run in crawled if not run.skip_problems and not (run.after_skip or {}).get("inContent")]
    assert not problems, "\n".join(problems)


def test_every_tab_stop_shows_a_focus_ring(site, visit_page, crawled):
    problems = []

    def check(label, stops):
        lost = any(stop.get("lost") for stop in stops)  # reported below with the stop
        assert len(stops) > 3 or lost, f"{label}: only {len(stops)} Tab stops; keyboard focus is not moving"
        for n, stop in enumerate(stops, 1):
            problem = ring_problem(stop)
            if problem:
                problems.append(f"{label}, Tab stop {n}: {stop['what']} {problem}")

    for run in crawled:
        if run.status == 200:
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


def test_tab_walk_reports_focus_lost_a_moment_after_tab(site, visit_page):
    """Guards the test above: an invisible stop that vanishes once focused (focus goes
    back to the page) ends the walk and is reported, rather than ending it quietly."""
    page = open_page(visit_page, site.base_url, viewport=DESKTOP)
    page.evaluate(probe("vanishing_link"))
    page.focus("#before")
    stops = tab_through(page, limit=3)
    assert stops and "vanishing" in stops[-1]["what"], stops
    assert "lost focus" in (ring_problem(stops[-1]) or ""), stops[-1]


def test_a_hidden_back_to_top_button_takes_no_focus(site, visit_page):
    """Material keeps its "Back to top" button in the page while hidden, transparent; it
    must not be a Tab stop then (extra.css), or Tab lands on something nobody can see."""
    page = open_page(visit_page, site.base_url + "glossary/", viewport=DESKTOP)
    top = page.locator(".md-top")
    assert top.get_attribute("hidden") is not None, "the button should be hidden at the top of the page"
    top.evaluate("button => button.focus()")
    assert not page.evaluate("document.activeElement.matches('.md-top')"), (
        "the hidden 'Back to top' button took focus: extra.css should make it visibility: hidden")


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


def test_tab_reaches_every_link_in_every_diagram(crawled):
    with_diagram_links = [run for run in crawled if run.diagram_links]
    assert with_diagram_links, "no diagram has a link (click ... href); nothing was checked"
    problems = []
    for run in with_diagram_links:
        reached = [stop for stop in run.stops if stop["svgLink"]]
        if len(reached) != run.diagram_links:
            problems.append(f"{run.url}: Tab reached {len(reached)} of the {run.diagram_links} links in its diagrams")
        problems += [f"{run.url}: diagram link {stop['what']} {ring_problem(stop)}" for stop in reached if ring_problem(stop)]
    assert not problems, "\n".join(problems)
