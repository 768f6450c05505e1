"""One visit to every page of the built site (and the 404 page), shared by the checks that
read a page as a reader first meets it, so the suite opens each page once for all of them
instead of once per check.

Each page is opened in a fresh browser context (no cache, no storage, other hosts blocked
and recorded) at 1280 x 800 in the light palette, every diagram is scrolled to and drawn
(harness.settle), and then, in this order:
- the keyboard, first, from a page nothing else has touched: "Skip to content" followed,
  then Tab pressed through the rest of the page (tests/test_keyboard.py); on the first page
  also from the very top, header and menu included;
- what happened while it loaded: console errors, failed requests, requests to other hosts,
  cookies, stylesheets (tests/test_pages.py);
- images, diagram names, language and headings (tests/test_accessibility.py);
- axe-core in the light palette (tests/test_accessibility.py);
- then the palette switched to dark, as a reader clicks it, every diagram redrawn, and
  axe-core's colour rules run again (the palettes change colours only, so the other rules
  give the same result in both).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from harness.browser import fresh_page, goto, probe
from harness.settle import PALETTE_TOGGLE, diagrams_drawn_in, draw_diagrams, settle, wait_for_stillness

VENDOR = Path(__file__).resolve().parent / "vendor"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
RUN_AXE_RULES = "rules => axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']})"
# The WCAG A/AA rules whose result depends on colour: all that can differ between the
# light and dark palettes, which change colours only (same HTML, same diagram shapes).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
DESKTOP = {"width": 1280, "height": 800}
MAX_STOPS = 600

FOCUS_STATE = probe("focus_state")
FINISH_TRANSITIONS = probe("finish_transitions")
SKIP_LINK = probe("skip_link")
ON_TITLE = probe("on_title")
DIAGRAM_NAMES = probe("diagram_names")
HEADINGS = probe("headings")
DARK_AND_STILL = ("document.body.dataset.mdColorScheme === 'slate'"
                  " && !document.body.hasAttribute('data-palette-switching')")


# ---- axe-core ----------------------------------------------------------------------------------

def axe_script() -> Path:
    """The vendored axe-core, after checking it is the file VENDOR.json recorded."""
    folders = sorted(VENDOR.glob("axe-core-*"))
    assert len(folders) == 1, f"expected one tests/vendor/axe-core-VERSION folder, found {folders}"
    record = json.loads((folders[0] / "VENDOR.json").read_text(encoding="utf-8"))
    script = folders[0] / "axe.min.js"
    actual = hashlib.sha256(script.read_bytes()).hexdigest()
    assert actual == record["files_sha256"]["axe.min.js"], (
        f"{script} differs from the copy recorded in VENDOR.json; re-vendor it with "
        f"./scripts/update-axe {record['version']}"
    )
    return script


def run_axe(page, rules: list[str] | None = None) -> dict:
    """axe-core's WCAG A/AA rules on the page, or only `rules` (its rule ids). axe-core is
    added to the page once (the dark palette's run reuses the light one's)."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(axe_script()))
    if rules:
        return page.evaluate(RUN_AXE_RULES, rules)
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(result: dict, where: str) -> list[str]:
    """One line per failing element: page and palette, rule, impact, element, what to do."""
    lines = []
    for rule in result["violations"]:
        for node in rule["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"{where}: {rule['id']} ({rule['impact']}) at `{target}`: {rule['help']}. {summary}")
    return lines


# ---- images in the accessibility tree -------------------------------------------------------------

def unnamed_images(page) -> list[str]:
    """Images in Chromium's accessibility tree that have no name (what a screen reader
    would announce as just "image"), each shown as the start of its HTML."""
    cdp = page.context.new_cdp_session(page)
    try:
        found = []
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            role = node.get("role", {}).get("value")
            if node.get("ignored") or role not in ("image", "img", "graphics-document", "SvgRoot"):
                continue
            if (node.get("name", {}).get("value") or "").strip():
                continue
            obj = cdp.send("DOM.resolveNode", {"backendNodeId": node["backendDOMNodeId"]})["object"]
            html = cdp.send("Runtime.callFunctionOn", {
                "objectId": obj["objectId"], "returnByValue": True,
                "functionDeclaration": "function () { return (this.parentElement || this).outerHTML.slice(0, 160); }",
            })["result"]["value"]
            found.append(f"{role}: {html}")
        return found
    finally:
        cdp.detach()


# ---- the keyboard --------------------------------------------------------------------------------

def ring_problem(state: dict) -> str | None:
    if state.get("lost"):
        return "lost focus a moment after Tab reached it (focus went back to the page)"
    if not state["onScreen"]:
        return "is off screen or has no size"
    if not state["visible"]:
        return "is invisible (hidden or transparent)"
    if not state["ring"]:
        return "shows no focus ring (outline of 2px or more, or a box-shadow)"
    return None


def tab_through(page, *, limit: int = MAX_STOPS) -> list[dict]:
    """Press Tab until focus comes round again; the state of each stop.

    A stop that looks wrong is looked at again with its transitions run to their end
    (Material fades permalinks in on focus: what the reader sees a quarter of a second
    later, without waiting for it), and again a moment later (Material opens and closes
    search, and moves the page under it, after a short delay). A stop that loses focus
    meanwhile (focus goes back to the page) ends the walk, marked "lost"."""
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["key"] in seen:
            break
        if ring_problem(state):
            page.evaluate(FINISH_TRANSITIONS)
            state = look_again(page, state)
        if ring_problem(state) and not state.get("lost"):
            page.wait_for_timeout(500)
            wait_for_stillness(page)
            state = look_again(page, state)
        stops.append(state)
        if state.get("lost"):
            break
        seen.add(state["key"])
    return stops


def look_again(page, stop: dict) -> dict:
    """The focused element's state now; `stop`, marked lost, if focus has gone back to the page."""
    return page.evaluate(FOCUS_STATE) or {**stop, "lost": True}


def follow_skip_link(page, url) -> list[str]:
    """From the top of a fresh page: Tab, Enter; what is wrong with where focus went."""
    page.keyboard.press("Tab")
    first = page.evaluate(SKIP_LINK)
    if not first["skip"] or first["text"] != "Skip to content":
        return [f"{url}: the first Tab stop is {first['what']}, not the 'Skip to content' link"]
    problems = []
    state = page.evaluate(FOCUS_STATE)
    if ring_problem(state):
        page.evaluate(FINISH_TRANSITIONS)  # Material slides the link in
        state = page.evaluate(FOCUS_STATE)
    if ring_problem(state):
        problems.append(f"{url}: the skip link {ring_problem(state)}")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # Material would swap the page in now if it had taken the click
    focused = page.evaluate(ON_TITLE, first["href"])
    if not focused["title"] or not focused["linkTarget"]:
        problems.append(f"{url}: the skip link ({first['href']}) put focus on {focused['what']}, not the page title")
    return problems


# ---- the dark palette ----------------------------------------------------------------------------

def switch_to_dark(page) -> str:
    """Material's palette switch clicked, every diagram redrawn in the dark palette and
    every transition over; the palette Material then shows."""
    page.click(PALETTE_TOGGLE)
    page.wait_for_function(DARK_AND_STILL, timeout=10000)
    draw_diagrams(page)
    page.wait_for_function(diagrams_drawn_in("dark"), timeout=30000)
    page.evaluate(FINISH_TRANSITIONS)
    return page.evaluate("document.body.dataset.mdColorScheme")


# ---- the crawl ------------------------------------------------------------------------------------

@dataclass
class PageVisit:
    url: str
    status: int
    problems: list[str] = field(default_factory=list)  # console errors, failed requests, other hosts
    cookies: list[str] = field(default_factory=list)
    stylesheets: int = 0
    img_without_alt: list[str] = field(default_factory=list)
    unnamed_images: list[str] = field(default_factory=list)
    diagrams: list[dict] = field(default_factory=list)  # each drawn diagram's role and name
    lang: str = ""
    headings: list[dict] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)  # light palette, one line per failing element
    dark_palette: str = ""  # the palette Material showed after the switch to dark
    axe_dark: list[str] = field(default_factory=list)  # dark palette, colour rules, one line per failing element
    skip_problems: list[str] = field(default_factory=list)
    after_skip: dict | None = None  # the first Tab stop after the skip link
    stops: list[dict] = field(default_factory=list)  # Tab stops after the page title
    diagram_links: int = 0


def pages_to_visit(site) -> list[tuple[str, int]]:
    """Every page in the sitemap (of the one-page summaries, one: BuiltSite.pages_to_open),
    and the 404 page a mistyped address shows."""
    return [(url, 200) for url in site.pages_to_open()] + [(site.base_url + "no-such-page/", 404)]


def visit(browser, site, url: str, status: int, *, from_top: bool = False) -> PageVisit:
    """One page, as the module docstring says. With `from_top`, the Tab stops recorded are
    those of the whole page from the very top (header and menu included), not just those
    after the page title: the header and menu are the same on every page."""
    with fresh_page(browser, site.origin, url, expect_status=status, viewport=DESKTOP) as (page, seen):
        settle(page)
        found = PageVisit(url, status)
        if status == 200:  # the 404 page has no skip link: it has no sections to skip to
            found.skip_problems = follow_skip_link(page, url)
            found.stops = tab_through(page) if not found.skip_problems else []
            found.after_skip = found.stops[0] if found.stops else None
            if from_top and not found.skip_problems:
                goto(page, url)
                settle(page)
                found.stops = tab_through(page)
        found.cookies = [c["name"] for c in page.context.cookies()]
        found.stylesheets = sum(1 for r in seen.responses if r.request.resource_type == "stylesheet")
        found.img_without_alt = page.eval_on_selector_all("img:not([alt])", "els => els.map(e => e.outerHTML.slice(0, 160))")
        found.unnamed_images = unnamed_images(page)
        found.diagrams = page.eval_on_selector_all("div.mermaid > svg", DIAGRAM_NAMES)
        found.diagram_links = page.eval_on_selector_all("div.mermaid svg a", "as => as.length")
        found.lang = page.evaluate("document.documentElement.lang")
        found.headings = page.evaluate(HEADINGS)
        found.axe = describe(run_axe(page), f"{url} (light palette)")
        found.dark_palette = switch_to_dark(page)
        found.axe_dark = describe(run_axe(page, COLOUR_RULES), f"{url} (dark palette)")
        found.problems = seen.problems()
        return found


def crawl(browser, site) -> list[PageVisit]:
    return [visit(browser, site, url, status, from_top=(n == 0)) for n, (url, status) in enumerate(pages_to_visit(site))]
