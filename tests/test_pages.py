"""Every built page, and the 404 page, loads in Chromium from the Pages subpath with no
console error, no failed request and no request to any other host (diagrams included:
each is scrolled to and drawn, as a reader reaching it would see it)."""
from __future__ import annotations

from harness.settle import draw_diagrams


def test_every_page_loads_cleanly(site, visit_page):
    urls = site.page_urls()
    assert len(urls) >= 3, f"the sitemap lists only {urls}"
    report = []
    for url in urls:
        assert url.startswith(site.base_url), f"sitemap address {url} is outside {site.base_url}"
        page, visit = visit_page(url)
        if page.locator("div.mermaid").count():
            draw_diagrams(page)
        report += [f"{url}: {p}" for p in visit.problems()]
        report += [f"{url}: sets cookie {c['name']}" for c in page.context.cookies()]
        loaded = [r.url for r in visit.responses]
        assert any(u.endswith(".css") for u in loaded), f"{url} loaded no stylesheet"
        page.close()
    assert not report, "pages with problems:\n" + "\n".join(report)


def test_404_page_works_from_the_subpath(site, visit_page):
    """A mistyped handout address gets the styled 404 page, with working assets."""
    page, visit = visit_page(site.base_url + "no-such-page/", expect_status=404)
    assert not visit.problems(), visit.problems()
    assert page.locator("link[rel=stylesheet]").count() >= 1
    background = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert background not in ("", "rgba(0, 0, 0, 0)"), "the 404 page is unstyled: its CSS did not load"
