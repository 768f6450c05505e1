"""Reflow (WCAG 1.4.10): on a 320 CSS-pixel-wide screen and at 200% zoom, no page
scrolls sideways and nothing is cut off at the right edge. A table that is still too
wide scrolls inside its own box, which shows a shadow at the edge with more to see.

200% zoom: browser zoom divides the width the page lays out in by two and doubles the
device pixels per CSS pixel, so a 1280 x 800 window at 200% is a 640 x 400 CSS-pixel
viewport with devicePixelRatio 2. That is what the test makes the window (media queries
and layout see exactly what they see under real zoom; CSS `zoom` on the page would not
change the media queries, so it is not used). Each page is opened once, at 320 px, and
then resized, as zooming an open page does.
"""
from __future__ import annotations

from harness.browser import probe
from harness.settle import settle

SCREENS = {
    "320 px wide": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "1280 px at 200% zoom": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

# Everything that sticks out past the right edge of the screen and is not inside a box
# that scrolls (or clips) sideways and itself fits on the screen.
OVERFLOW = probe("overflow")

TABLES = probe("tables")


def test_no_page_scrolls_sideways(site, visit_page):
    """Each page is opened once at 320 px, then its window is made 1280 px at 200% zoom
    (as a reader turning a tablet or zooming would), and checked on both screens."""
    problems = []
    for url in site.pages_to_open():
        page, _ = visit_page(url, **SCREENS["320 px wide"])
        settle(page)
        for screen in SCREENS:
            if screen != "320 px wide":
                resize(page, SCREENS[screen])
            problems += overflow_problems(page, url, screen)
        page.close()
    assert not problems, "content wider than the screen (WCAG 1.4.10 reflow):\n" + "\n".join(problems)


def resize(page, screen: dict) -> None:
    """The window of an open page made another size and pixel density, as a reader's
    zoom would; then the page is still again."""
    # The session stays open with the page: detaching it would undo the override.
    page.context.new_cdp_session(page).send("Emulation.setDeviceMetricsOverride", {
        **screen["viewport"], "deviceScaleFactor": screen["device_scale_factor"], "mobile": False})
    page.wait_for_function("([w, r]) => innerWidth === w && devicePixelRatio === r",
                           arg=[screen["viewport"]["width"], screen["device_scale_factor"]])
    settle(page)


def overflow_problems(page, url: str, screen: str) -> list[str]:
    problems = []
    found = page.evaluate(OVERFLOW)
    if found["scrollWidth"] > found["width"]:
        problems.append(f"{url} ({screen}): the page is {found['scrollWidth']} px wide on a {found['width']} px screen")
    problems += [f"{url} ({screen}): {what}" for what in found["out"]]
    for table in page.evaluate(TABLES):
        if not table["wrapped"] or not table["scrolls"]:
            problems.append(f"{url} ({screen}): table {table['head']!r} is not in a box that scrolls sideways")
        elif table["overflowing"] and not table["cue"]:
            problems.append(f"{url} ({screen}): table {table['head']!r} scrolls sideways with no visible cue")
    diagrams = page.eval_on_selector_all(
        "div.mermaid svg", "svgs => svgs.map(s => s.getBoundingClientRect().right)")
    width = found["width"]
    problems += [f"{url} ({screen}): a diagram ends at {round(r)} px" for r in diagrams if r > width + 1]
    return problems


def test_reflow_check_reports_a_wide_element(site, visit_page):
    """Guards the test above: something too wide, outside a scrolling box, is reported."""
    page, _ = visit_page(site.base_url, **SCREENS["320 px wide"])
    page.evaluate(probe("add_wide_line"))
    found = page.evaluate(OVERFLOW)
    assert any("A line that will not wrap" in what for what in found["out"]), found


def test_a_wide_table_scrolls_in_its_box_with_a_shadow(site, visit_page):
    """At 320 px a table too wide for the screen keeps the page still and shows its cue."""
    page, _ = visit_page(site.base_url, **SCREENS["320 px wide"])
    page.evaluate(probe("add_wide_table"))
    tables = page.evaluate(TABLES)
    assert tables[-1]["overflowing"] and tables[-1]["scrolls"] and tables[-1]["cue"], tables[-1]
    assert page.evaluate(OVERFLOW)["out"] == []
