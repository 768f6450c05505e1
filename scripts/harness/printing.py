"""Printing a page as a reader's "Print" would: Chromium prints it to PDF on A4 or US
Letter, and the sheets are counted. One definition of
"printed" for the print tests (tests/test_print.py, tests/test_handouts_print.py) and the
benchmark's sheet counts (scripts/benchmark.py).
"""
from __future__ import annotations

import io

from .browser import probe, wait_until_ready
from .settle import wait_for_diagram_setup

PAPERS = ("A4", "Letter")
# PDF points of each paper, portrait.
PAPER_POINTS = {"A4": (595, 842), "Letter": (612, 792)}


def ready_to_print(tab) -> None:
    """The page as a reader who prints at once has it: loaded and READY, each diagram's
    box set up, no diagram still being drawn (one near the screen starts drawing at once;
    leaving while Mermaid loads would abort its requests) and the fonts ready. Diagrams
    need not be drawn: only their text versions print (print.css), so a diagram the reader
    never scrolled to prints the same."""
    wait_until_ready(tab)
    if tab.locator("div.mermaid").count():
        wait_for_diagram_setup(tab)
        tab.evaluate(probe("next_frames"))
        tab.wait_for_function("!document.querySelector('div.mermaid.mermaid--drawing')", timeout=30000)
    tab.evaluate("document.fonts.ready.then(() => true)")


def print_pdf(tab, url: str | None, paper: str) -> bytes:
    """The PDF Chromium prints of `url` (or of the page already open, when None) on `paper`,
    with the page's own @page margins (print.css), as the print dialog's defaults do."""
    if url is not None:
        tab.goto(url, wait_until="load")
    ready_to_print(tab)
    return tab.pdf(format=paper, prefer_css_page_size=False)


def sheet_count(pdf: bytes) -> int:
    """How many sheets (sides) a PDF holds."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def count_sheets(browser, origin: str, urls: list[str]) -> dict[str, dict[str, int]]:
    """{url: {paper: sheets}} for every page, each printed on A4 and on Letter."""
    from .browser import open_context

    context, _ = open_context(browser, origin)
    tab = context.new_page()
    counts: dict[str, dict[str, int]] = {}
    try:
        for url in urls:
            tab.goto(url, wait_until="load")
            counts[url] = {paper: sheet_count(print_pdf(tab, None, paper)) for paper in PAPERS}
    finally:
        context.close()
    return counts
