"""Waiting for a page to be as the reader sees it, for the accessibility, keyboard and
reflow tests: diagrams drawn (diagrams.mjs marks them), and Material's transitions
(the search box, the menu, permalink fades) finished."""
from __future__ import annotations

from weights import DIAGRAMS_DRAWN


def has_diagrams(site, url: str) -> bool:
    return 'class="mermaid"' in site.html_path(url).read_text(encoding="utf-8")


def settle(page) -> None:
    """Diagrams drawn, then no CSS transition or animation still running."""
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=30000)
    wait_for_stillness(page)


def wait_for_stillness(page) -> None:
    """No CSS transition or animation running (menus and search slide and fade)."""
    page.wait_for_function(
        "document.getAnimations().filter(a => a.playState === 'running').length === 0", timeout=5000
    )
