"""Every built page, and the 404 page, loads in Chromium from the Pages subpath with no
console error, no failed request and no request to any other host (diagrams included:
each is scrolled to and drawn, as a reader reaching it would see it)."""
from __future__ import annotations


def test_every_page_loads_cleanly(site, crawled):
    """From the shared visit of every page (tests/crawl.py), diagrams drawn."""
    urls = site.pages_to_open()
    assert len(urls) >= 3, f"the sitemap lists only {urls}"
    assert {v.url for v in crawled} >= set(urls), "the shared visit missed pages"
    assert any("/summaries/" in v.url for v in crawled), "the shared visit opened no one-page summary"
    report = []
    for visit in crawled:
        assert visit.url.startswith(site.base_url), f"address {visit.url} is outside {site.base_url}"
        report += [f"{visit.url}: {p}" for p in visit.problems]
        report += [f"{visit.url}: sets cookie {name}" for name in visit.cookies]
        if not visit.stylesheets:
            report.append(f"{visit.url}: loaded no stylesheet")
    assert not report, "pages with problems:\n" + "\n".join(report)


def test_404_page_works_from_the_subpath(site, visit_page):
    """A mistyped handout address gets the styled 404 page, with working assets."""
    page, visit = visit_page(site.base_url + "no-such-page/", expect_status=404)
    assert not visit.problems(), visit.problems()
    assert page.locator("link[rel=stylesheet]").count() >= 1
    background = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert background not in ("", "rgba(0, 0, 0, 0)"), "the 404 page is unstyled: its CSS did not load"
