"""Waiting for a page to be as the reader sees it: diagrams drawn (diagrams.mjs marks
them), and Material's transitions (the search box, the menu, permalink fades) finished.
The one definition of "drawn" every check and the benchmark use."""
from __future__ import annotations

# True once every diagram on the page has been drawn (diagrams.mjs marks each one); also
# true on a page with none.
DIAGRAMS_DRAWN = (
    "[...document.querySelectorAll('div.mermaid')]"
    ".every(d => d.classList.contains('mermaid--rendered') && d.querySelector('svg'))"
)
# At least one diagram, all drawn: after instant navigation the address changes before the
# new content arrives, so "every diagram drawn" is also true of a page still on its way.
SOME_DIAGRAMS_DRAWN = f"document.querySelector('div.mermaid') !== null && {DIAGRAMS_DRAWN}"


def settle(page) -> None:
    """Diagrams drawn, then no CSS transition or animation still running."""
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=30000)
    wait_for_stillness(page)


def wait_for_stillness(page) -> None:
    """No CSS transition or animation running (menus and search slide and fade)."""
    page.wait_for_function(
        "document.getAnimations().filter(a => a.playState === 'running').length === 0", timeout=5000
    )
