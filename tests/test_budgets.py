"""Weight budgets: what each page makes a first-time reader download, in gzipped bytes
and requests.

Measured in Chromium from the responses each page really gets (tests/weights.py), so the
figures do not depend on the speed of the machine. Timings (Lighthouse) are reported by
scripts/benchmark.py, not tested here.

A page's first load has one budget whether it has diagrams or not: Mermaid is fetched
only when the reader comes near a diagram (docs/assets/javascripts/diagrams.mjs). A page
with diagrams has a second budget for once the reader has reached every one.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from harness.weights import (
    BUDGET_DIAGRAMS_DRAWN,
    BUDGET_FIRST_LOAD,
    BUDGET_FIRST_LOAD_REQUESTS,
    BUDGET_SEARCH_INDEX,
    PHONE,
    SEARCH_INDEX_PATH,
    PageWeight,
    Resource,
    kb,
    measure_page,
)



def test_every_page_is_within_its_first_load_budget(site, first_loads):
    weights = [load.weight for load in first_loads]
    assert weights, "the sitemap lists no pages"
    for weight in weights:
        assert not weight.off_origin, f"{weight.url} asked another host for {weight.off_origin}"
        assert weight.requests >= 3 and weight.gzip_bytes > 0, f"{weight.url}: nothing was measured"
    assert any(w.diagrams for w in weights) and any(not w.diagrams for w in weights), (
        "expected pages with and without diagrams; diagram pages are not being checked"
    )
    eager = [f"{w.url} loads Mermaid ({kb(w.mermaid_gzip_bytes)}) before the reader reaches a diagram"
             for w in weights if w.mermaid_gzip_bytes or w.drawn]
    assert not eager, "\n".join(eager)
    over = [w for w in weights if w.gzip_bytes > w.budget]
    assert not over, (
        "pages over their first-load budget (make the biggest files smaller, or split the page):\n"
        + "\n\n".join(w.over_budget_report(site.base_url) for w in over)
    )
    chatty = [f"{w.url}: {w.requests} requests: " + ", ".join(r.url.removeprefix(site.base_url) or "(page)"
                                                            for r in w.resources)
              for w in weights if w.requests > BUDGET_FIRST_LOAD_REQUESTS]
    assert not chatty, (f"pages making more than {BUDGET_FIRST_LOAD_REQUESTS} requests on a first load "
                        "(combine or drop files):\n" + "\n".join(chatty))


def test_diagram_pages_are_within_budget_once_every_diagram_is_drawn(site, first_loads):
    """From the same visits as the first loads: each diagram page, once its first load is
    weighed, has the reader reach every diagram (measure_page(and_drawn=True))."""
    urls = site.diagram_urls()
    assert urls, "no page has a diagram"
    weights = [load.weight.once_drawn for load in first_loads if load.weight.url in urls]
    assert len(weights) == len(urls) and all(weights), f"not every diagram page was weighed once drawn: {urls}"
    for weight in weights:
        assert weight.drawn and weight.mermaid_gzip_bytes > 0, f"{weight.url}: the diagrams were not drawn"
        assert not weight.off_origin, f"{weight.url} asked another host for {weight.off_origin}"
        fonts = [r.url for r in weight.resources if r.kind == "font"]
        assert not fonts, f"{weight.url}: drawing its diagrams loaded the font file(s) {fonts} (system fonts only)"
    over = [w for w in weights if w.gzip_bytes > w.budget]
    assert not over, "pages over budget once their diagrams are drawn:\n" + "\n\n".join(
        w.over_budget_report(site.base_url) for w in over)


def test_a_diagram_already_near_the_first_screen_is_drawn_on_load(site, browser):
    """Guards the first-load check above: on a screen tall enough to show a diagram, Mermaid
    loads and the diagram is drawn with no scrolling, and the measurement sees it."""
    url = site.base_url + "warning-signs/"
    short = measure_page(browser, url, site.origin, viewport=PHONE)
    assert short.diagrams and not short.mermaid_gzip_bytes and not short.drawn
    tall = measure_page(browser, url, site.origin, viewport={"width": 412, "height": 6000},
                        then=lambda page: page.wait_for_function(
                            "document.querySelector('div.mermaid.mermaid--rendered svg')", timeout=30000))
    assert tall.drawn and tall.mermaid_gzip_bytes > 100_000, (
        f"a diagram in view was not drawn on load (Mermaid: {kb(tall.mermaid_gzip_bytes)})")
    assert tall.gzip_bytes > BUDGET_FIRST_LOAD, "with Mermaid a load must be over the first-load budget"


def test_search_index_loads_only_when_search_is_opened(site, browser):
    """The index (the text of every page) waits until the reader opens search; then it
    loads, search works, and the index is within its own budget."""
    url = site.base_url

    def open_search_and_find(page):
        assert not [r for r in requested(page) if SEARCH_INDEX_PATH in r], (
            "the search index was fetched before search was opened "
            "(docs/assets/javascripts/search-on-demand.js no longer holds it back)"
        )
        page.keyboard.press("/")
        page.keyboard.type("knee", delay=20)
        page.locator(".md-search-result__link").first.wait_for(timeout=15000)

    weight = measure_page(browser, url, site.origin, then=open_search_and_find)
    index = [r for r in weight.resources if urlsplit(r.url).path.endswith(SEARCH_INDEX_PATH)]
    assert len(index) == 1, f"opening search should load the index once, got {[r.url for r in index]}"
    assert index[0].gzip_bytes <= BUDGET_SEARCH_INDEX, (
        f"the search index is {kb(index[0].gzip_bytes)} gzipped; the budget is {kb(BUDGET_SEARCH_INDEX)}. "
        "Keep repeated text (such as source lists) out of search: mark it data-search-exclude."
    )


def requested(page) -> list[str]:
    """Every address the page has requested so far (Material fetches the index from the page)."""
    return page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")


def test_over_budget_report_names_the_biggest_files():
    """The failure message is what a maintainer acts on: it must name the heavy files."""
    base = "http://127.0.0.1:1/sciatica-knee-pain/"
    files = [("", 40_000), ("assets/javascripts/bundle.js", 35_000), ("assets/big.png", 90_000)]
    weight = PageWeight(url=base + "causes/", resources=[
        Resource(url=base + name, status=200, kind="other", raw_bytes=size * 3, gzip_bytes=size) for name, size in files
    ])
    assert weight.gzip_bytes == 165_000 > BUDGET_FIRST_LOAD
    report = weight.over_budget_report(base)
    lines = report.splitlines()
    assert "165.0 KB" in lines[0] and kb(BUDGET_FIRST_LOAD) in lines[0]
    assert "assets/big.png" in lines[1] and "90.0 KB" in lines[1], report
    assert "(the page itself)" in lines[2], report
    weight.diagrams = 2
    assert weight.budget == BUDGET_FIRST_LOAD, "a diagram page's first load has the same budget"
    weight.drawn = True
    assert weight.budget == BUDGET_DIAGRAMS_DRAWN and weight.gzip_bytes <= weight.budget
