"""Waiting for a page to be as the reader sees it: every diagram reached and drawn, and
Material's transitions (the search box, the menu, permalink fades) finished. The one
definition of "drawn" every check and the benchmark use.

diagrams.mjs draws a diagram only when the reader comes near it, so "drawn" needs the
reader's part too: draw_diagrams() scrolls to each diagram in turn, as a reader going
down the page would, waits until it is drawn, and goes back to where the page was."""
from __future__ import annotations

from .browser import probe

# True once every diagram on the page has been drawn (diagrams.mjs marks each one); also
# true on a page with none.
DIAGRAMS_DRAWN = (
    "[...document.querySelectorAll('div.mermaid')]"
    ".every(d => d.classList.contains('mermaid--rendered') && d.querySelector('svg'))"
)
# At least one diagram, all drawn: after instant navigation the address changes before the
# new content arrives, so "every diagram drawn" is also true of a page still on its way.
SOME_DIAGRAMS_DRAWN = f"document.querySelector('div.mermaid') !== null && {DIAGRAMS_DRAWN}"
# Material's light/dark switch in the header, as a reader clicks it.
PALETTE_TOGGLE = "form[data-md-component=palette] label:not([hidden])"


def diagrams_drawn_in(palette: str) -> str:
    """True once every diagram on the page is drawn for `palette` ("light" or "dark"):
    diagrams.mjs redraws them when the reader switches palette. Also true on a page with none."""
    return ("[...document.querySelectorAll('div.mermaid')]"
            f".every(d => d.dataset.palette === '{palette}' && d.querySelector('svg'))")


def wait_for_diagram_setup(page) -> None:
    """diagrams.mjs has put its placeholder in every diagram's box (on a busy machine it
    may run after the network is quiet). Also waits out instant navigation: it is false
    on a page with no diagram."""
    page.wait_for_function(probe("diagrams_set_up"), timeout=30000)


def draw_diagrams(page) -> int:
    """Scroll to every diagram in turn until it is drawn, then back; the number of diagrams."""
    return page.evaluate(probe("draw_diagrams"))


def settle(page) -> None:
    """Every diagram drawn, then no CSS transition or animation still running."""
    draw_diagrams(page)
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=30000)
    wait_for_stillness(page)


def wait_for_stillness(page) -> None:
    """No CSS transition or animation running (menus and search slide and fade)."""
    page.wait_for_function(
        "document.getAnimations().filter(a => a.playState === 'running').length === 0", timeout=5000
    )
