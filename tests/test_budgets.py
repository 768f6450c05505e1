"""Weight budgets: what each page makes a first-time reader download, in gzipped bytes.

Measured in Chromium from the responses each page really gets (tests/weights.py), so the
figures do not depend on the speed of the machine. Timings (Lighthouse) are reported by
scripts/benchmark.py, not tested here.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from harness.weights import (
    BUDGET_DIAGRAM_PAGE,
    BUDGET_PLAIN_PAGE,
    BUDGET_SEARCH_INDEX,
    SEARCH_INDEX_PATH,
    PageWeight,
    Resource,
    kb,
    measure_page,
)


def test_every_page_is_within_its_weight_budget(site, browser):
    weights = [measure_page(browser, url, site.origin) for url in site.page_urls()]
    assert weights, "the sitemap lists no pages"
    for weight in weights:
        assert not weight.off_origin, f"{weight.url} asked another host for {weight.off_origin}"
        assert weight.requests >= 3 and weight.gzip_bytes > 0, f"{weight.url}: nothing was measured"
    assert any(w.diagrams for w in weights) and any(not w.diagrams for w in weights), (
        "expected pages with and without diagrams; the two budgets are not both being checked"
    )
    over = [w for w in weights if w.gzip_bytes > w.budget]
    assert not over, (
        "pages over their weight budget (make the biggest files smaller, or split the page):\n"
        + "\n\n".join(w.over_budget_report(site.base_url) for w in over)
    )


def test_search_index_loads_only_when_search_is_opened(site, browser):
    """The index (the text of every page) waits until the reader opens search; then it
    loads, search works, and the index is within its own budget."""
    url = site.base_url

    def open_search_and_find(page):
        assert not [r for r in requested(page) if SEARCH_INDEX_PATH in r], (
            "the search index was fetched before search was opened "
            "(overrides/partials/search-on-demand.html no longer holds it back)"
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
    assert weight.gzip_bytes == 165_000 > BUDGET_PLAIN_PAGE
    report = weight.over_budget_report(base)
    lines = report.splitlines()
    assert "165.0 KB" in lines[0] and kb(BUDGET_PLAIN_PAGE) in lines[0]
    assert "assets/big.png" in lines[1] and "90.0 KB" in lines[1], report
    assert "(the page itself)" in lines[2], report
    weight.diagrams = 2
    assert weight.budget == BUDGET_DIAGRAM_PAGE and weight.gzip_bytes <= weight.budget
