"""Mermaid diagrams parse, render to SVG in both palettes and after instant navigation,
never reach for a CDN, and stay out of the search index.

They are drawn only when the reader comes near them (docs/assets/javascripts/diagrams.mjs):
a diagram page's first load fetches no Mermaid, each diagram's box shows a placeholder
that says what it is and where its text version is, at the size the drawing will take,
and nothing on the page moves when the drawing arrives. Tests that need the drawings
scroll to each diagram in turn, as a reader would (settle.draw_diagrams). The diagrams
as drawn in each palette are read from one shared visit (tests/drawn_diagrams.py), and the
placeholder and reserved-size checks share one first load of each page on a phone
(`first_draws`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from harness.browser import fresh_page, probe
from harness.settle import PALETTE_TOGGLE, diagrams_drawn_in, draw_diagrams, wait_for_diagram_setup
from harness.weights import PHONE, mermaid_requests
from sitekit import ROOT

DIAGRAM_BOXES = probe("diagram_boxes")
FENCE = re.compile(r"^([ \t]*)```mermaid[^\n]*\n(.*?)^\1```", re.S | re.M)
# True only once the page has diagrams and every one is drawn (an empty page is not "done").
ALL_RENDERED = (
    "(() => { const d = [...document.querySelectorAll('div.mermaid')];"
    " return d.length > 0 && d.every(x => x.querySelector('svg')); })()"
)


def diagram_blocks() -> list[tuple[str, int, str]]:
    """(file, line, source) of every diagram in the Markdown."""
    blocks = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text[: match.start()].count("\n") + 1
            blocks.append((str(path.relative_to(ROOT)), line, match.group(2)))
    return blocks


def parse_errors(page, blocks) -> list[str]:
    """Ask the site's own pinned Mermaid to parse each block; return 'file:line: error'."""
    results = page.evaluate(
        probe("parse_diagrams"),
        [list(b) for b in blocks],
    )
    return results


def test_the_guide_has_its_diagrams(site):
    assert len(diagram_blocks()) >= 5, "the site map asks for at least five decision diagrams"
    assert len(site.diagram_urls()) >= 4


def test_every_diagram_parses(site, visit_page):
    page, _ = visit_page(site.base_url)
    errors = parse_errors(page, diagram_blocks())
    assert not errors, "diagrams that Mermaid cannot parse (fix the Mermaid at file:line):\n" + "\n".join(errors)


def test_parse_check_catches_a_broken_diagram(site, visit_page):
    page, _ = visit_page(site.base_url)
    broken = [("docs/example.md", 7, "flowchart TD\n  a[\"Start\"] --> --> b(")]
    errors = parse_errors(page, broken)
    assert len(errors) == 1 and errors[0].startswith("docs/example.md:7: "), errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_render_in_each_palette(site, drawn, scheme):
    """From the shared visit of every diagram page in each palette (tests/drawn_diagrams.py)."""
    expected = "slate" if scheme == "dark" else "default"
    palette = drawn[scheme]
    assert palette.pages, "no diagram page was drawn"
    for page in palette.pages:
        shown = page.shown
        assert shown["palette"] == expected, f"{page.where}: Material shows {shown['palette']!r} in the {scheme} palette"
        assert shown["diagrams"], f"{page.where}: no diagram on a diagram page"
        for n, diagram in enumerate(shown["diagrams"], start=1):
            assert diagram["palette"] == scheme, f"{page.where} diagram {n}: drawn for {diagram['palette']}, page is {scheme}"
            assert not diagram["syntaxError"], f"{page.where} diagram {n}: Mermaid drew an error diagram"
            assert diagram["titles"] == 1, f"{page.where} diagram {n}: {diagram['titles']} titles, not its accTitle"
    assert palette.mermaid_urls and all(u.startswith(site.base_url) for u in palette.mermaid_urls), palette.mermaid_urls
    assert not palette.problems, f"{scheme}: {palette.problems}"


def test_pages_without_diagrams_do_not_load_mermaid(site, visit_page):
    plain = [u for u in site.page_urls() if not site.has_diagrams(u)]
    page, visit = visit_page(plain[0])
    assert not mermaid_requests(visit)


def test_diagram_renders_after_instant_navigation_from_a_plain_page(site, visit_page):
    """Material swaps the page in without a reload; the diagram must still be drawn,
    from the site's own Mermaid, even though the first page loaded no Mermaid."""
    target = site.diagram_urls()[0]
    plain = next(u for u in site.page_urls() if not site.has_diagrams(u))
    page, visit = visit_page(plain)
    page.evaluate("window.__noReload = true")
    href = page.evaluate(
        "t => [...document.querySelectorAll('nav a[href]')].find(a => a.href === t).getAttribute('href')", target
    )
    page.click(f"nav a[href='{href}']")
    page.wait_for_url(target)
    page.wait_for_function("document.querySelector('div.mermaid[data-key]')", timeout=15000)  # the new page, set up
    draw_diagrams(page)
    page.wait_for_function(ALL_RENDERED, timeout=15000)
    assert page.evaluate("window.__noReload === true"), "the click caused a full page load, not instant navigation"
    assert not visit.problems(), visit.problems()


def test_diagram_is_redrawn_when_the_palette_is_switched(site, visit_page):
    page, visit = visit_page(site.diagram_urls()[0])
    draw_diagrams(page)
    page.wait_for_function(ALL_RENDERED, timeout=15000)
    page.click(PALETTE_TOGGLE)
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(f"{diagrams_drawn_in('dark')} && document.querySelectorAll('div.mermaid').length > 0",
                           timeout=15000)
    assert not visit.problems(), visit.problems()


def test_search_index_has_no_diagram_source(site):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc.get("text", "") for doc in index["docs"])
    for raw in ("flowchart TD", "accTitle", "accDescr", "click ", "-->"):
        assert raw not in text, f"raw Mermaid ({raw!r}) is in the search index"
    assert "text version of this diagram" in text.lower(), "the text versions should be searchable"


# ---- drawn when the reader comes near -------------------------------------------------------



@dataclass
class FirstDraw:
    """One diagram page opened on a phone, then every diagram drawn as the reader reaches it."""
    where: str
    on_load: list  # DIAGRAM_BOXES once the page is set up: each box's classes, words and reserved size
    mermaid_on_load: list[str]  # Mermaid files fetched by then
    drawn: list  # DIAGRAM_BOXES once the reader has reached every diagram
    mermaid_drawn: list[str]  # Mermaid files fetched by then
    problems: list[str]  # console errors, failed requests and other hosts


@pytest.fixture(scope="module")
def first_draws(site, browser) -> list[FirstDraw]:
    """Every diagram page opened once on a phone in a fresh context: read when it has
    loaded (what the reader sees before reaching a diagram), then read again once every
    diagram has been scrolled to and drawn."""
    found = []
    for url in site.diagram_urls():
        with fresh_page(browser, site.origin, url, viewport=PHONE) as (page, visit):
            wait_for_diagram_setup(page)
            page.wait_for_timeout(500)  # time for anything a page load might still start
            on_load, mermaid_on_load = page.evaluate(DIAGRAM_BOXES), mermaid_requests(visit)
            draw_diagrams(page)
            found.append(FirstDraw(site.short(url), on_load, mermaid_on_load, page.evaluate(DIAGRAM_BOXES),
                                   mermaid_requests(visit), visit.problems()))
    return found


def test_a_diagram_page_loads_no_mermaid_and_shows_placeholders_until_the_reader_comes_near(first_draws):
    problems = []
    assert first_draws, "no diagram page was opened"
    for page in first_draws:
        where = page.where
        if page.mermaid_on_load:
            problems.append(f"{where}: Mermaid was fetched on page load: {page.mermaid_on_load[:2]}")
        for n, box in enumerate(page.on_load, start=1):
            if "mermaid--waiting" not in box["classes"]:
                problems.append(f"{where} diagram {n}: not waiting for the reader on load ({box['classes']})")
            said = " ".join(box["shown"].split())
            if f"Diagram: {box['title']}" not in said or "text version" not in said:
                problems.append(f"{where} diagram {n}: the placeholder says {said!r}, not the diagram's title "
                                "and where its text version is")
            if box["box"][1] < 100:
                problems.append(f"{where} diagram {n}: the placeholder is only {box['box'][1]:.0f}px tall")
        assert not page.problems, f"{where}: {page.problems}"
        # Scrolling to the diagrams drew them, with Mermaid from the site.
        if not page.mermaid_drawn:
            problems.append(f"{where}: the diagrams were drawn without fetching Mermaid from the site")
    assert not problems, "\n".join(problems)


def test_a_diagram_is_drawn_when_it_comes_within_half_a_screen(site, visit_page):
    """Near, not only in view: the drawing starts before the reader gets there."""
    page, _ = visit_page(site.base_url + "warning-signs/", viewport=PHONE)
    wait_for_diagram_setup(page)
    top = page.evaluate("document.querySelector('div.mermaid').getBoundingClientRect().top + scrollY")
    page.evaluate("y => window.scrollTo({top: y, behavior: 'instant'})", top - PHONE["height"] - 0.3 * PHONE["height"])
    page.wait_for_function("document.querySelector('div.mermaid.mermaid--rendered svg')", timeout=30000)
    assert page.evaluate("document.querySelector('div.mermaid').getBoundingClientRect().top") > PHONE["height"], (
        "the diagram was drawn, but only once it was in view")


def test_every_diagram_has_its_drawn_size_reserved(first_draws):
    """The sizes in diagrams.mjs (SIZES) are those the diagrams are drawn at."""
    problems = []
    assert first_draws, "no diagram page was opened"
    for page in first_draws:
        for n, (box, drawn) in enumerate(zip(page.on_load, page.drawn), start=1):
            where = f"{page.where} diagram {n} ({box['title']}, key {box['key']})"
            if "mermaid--sized" not in box["classes"]:
                problems.append(f"{where}: no size is reserved for it")
            elif any(abs(a - b) > 0.5 for a, b in zip(box["reserved"], drawn["drawn"])):
                problems.append(f"{where}: {box['reserved']} is reserved, but it is drawn at {drawn['drawn']}")
    assert not problems, "\n".join(problems + [
        "Fix: run ./scripts/measure-diagrams after changing a diagram (it rewrites SIZES in diagrams.mjs)."])


def moved(report: dict) -> list[str]:
    """What the drawing moved on screen, from tests/probes/draw_in_view.js."""
    before, after = report["before"], report["after"]
    problems = []
    if "mermaid--rendered" in report["state"]:
        problems.append("it was already drawn before the reader reached it, so nothing was measured")
    for name, label in (("height", "its box's height"), ("width", "its box's width"),
                        ("top", "its top"), ("nextTop", "the text version after it")):
        if abs(after[name] - before[name]) > 0.5:
            problems.append(f"{label} moved from {before[name]:.1f} to {after[name]:.1f}px")
    if report["shift"] > 0:
        problems.append(f"Chromium recorded a layout shift of {report['shift']:.4f}")
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_nothing_on_screen_moves_when_a_diagram_is_drawn(site, visit_page, scheme):
    problems = []
    for url in site.diagram_urls():
        count = site.html_path(url).read_text(encoding="utf-8").count('class="mermaid"')
        for index in range(count):
            # A fresh load for each, so the diagram is still waiting when the reader arrives
            # (the one before it may be drawn meanwhile: its top and the text version after
            # this one would show that move too).
            page, visit = visit_page(url, viewport=PHONE, color_scheme=scheme)
            report = page.evaluate(probe("draw_in_view"), {"index": index, "forgetSize": False})
            problems += [f"{url.removeprefix(site.base_url)} diagram {index + 1} ({scheme}): {p}" for p in moved(report)]
            assert not visit.problems(), visit.problems()
            page.close()
    assert not problems, "\n".join(problems)


def test_movement_check_sees_a_diagram_without_reserved_space(site, visit_page):
    """Guards the test above: without its reserved size, drawing the diagram pushes the
    text version down, and the check must say so."""
    page, _ = visit_page(site.base_url + "warning-signs/", viewport=PHONE)
    report = page.evaluate(probe("draw_in_view"), {"index": 0, "forgetSize": True})
    problems = moved(report)
    assert any("the text version after it moved" in p for p in problems), (report, problems)
    assert any("layout shift" in p for p in problems), (report, problems)


def test_the_placeholder_button_opens_the_text_version(site, visit_page):
    page, _ = visit_page(site.base_url + "warning-signs/", viewport=PHONE)
    wait_for_diagram_setup(page)
    # Hold Mermaid back, so the placeholder stays while the reader uses it.
    page.route("**/vendor/mermaid-*/**", lambda route: None)
    page.locator("div.mermaid").first.scroll_into_view_if_needed()
    button = page.locator("div.mermaid .mermaid__placeholder button")
    button.focus()
    page.keyboard.press("Enter")
    details = page.locator("div.mermaid + details")
    page.wait_for_function("document.querySelector('div.mermaid + details').open")
    assert page.evaluate("document.activeElement === document.querySelector('div.mermaid + details > summary')")
    assert details.locator("li").first.is_visible()
    assert "mermaid--rendered" not in (page.locator("div.mermaid").get_attribute("class") or "")


def test_a_diagram_reached_after_a_palette_switch_is_drawn_in_the_new_palette(site, visit_page):
    page, visit = visit_page(site.base_url + "warning-signs/", viewport=PHONE)
    wait_for_diagram_setup(page)
    page.click(PALETTE_TOGGLE)
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_timeout(300)
    assert not mermaid_requests(visit), "switching palette drew a diagram the reader had not reached"
    draw_diagrams(page)
    assert page.eval_on_selector_all("div.mermaid", "ds => ds.map(d => d.dataset.palette)") == ["dark"]
    assert not visit.problems(), visit.problems()
