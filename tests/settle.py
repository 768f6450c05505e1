"""Waiting for a page to be as the reader sees it, for the accessibility, keyboard and
reflow tests: every diagram reached and drawn (diagrams.mjs draws a diagram only when the
reader comes near it, so each is scrolled into view in turn, then the page goes back to
the top), and Material's transitions (the search box, the menu, permalink fades) finished."""
from __future__ import annotations

from probe import probe


def has_diagrams(site, url: str) -> bool:
    return 'class="mermaid"' in site.html_path(url).read_text(encoding="utf-8")


def wait_for_diagram_setup(page) -> None:
    """diagrams.mjs has put its placeholder in every diagram's box (it may run after the
    network is quiet on a busy machine)."""
    page.wait_for_function(probe("diagrams_set_up"), timeout=30000)


def draw_diagrams(page) -> int:
    """Scroll to every diagram in turn until it is drawn, then back; the number of diagrams."""
    return page.evaluate(probe("draw_diagrams"))


def settle(page) -> None:
    """Diagrams drawn, then no CSS transition or animation still running."""
    draw_diagrams(page)
    wait_for_stillness(page)


def wait_for_stillness(page) -> None:
    """No CSS transition or animation running (menus and search slide and fade)."""
    page.wait_for_function(
        "document.getAnimations().filter(a => a.playState === 'running').length === 0", timeout=5000
    )
