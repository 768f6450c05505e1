"""The "page not found" page (overrides/404.html), for a reader whose handout address was
mistyped. GitHub Pages serves 404.html, with status 404, at whatever address was asked
for, so it must work at any depth under the Pages subpath: its styles and scripts load,
its search box finds pages, and its list links to every page.
"""
from __future__ import annotations

from urllib.parse import urljoin
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup

MISTYPED = ["warning-sings/", "treatment/medicin/", "Warning-Signs/", "treatment/self-care/extra/deep/"]


def test_every_address_in_the_404_page_is_absolute(site):
    """A relative address would break when the page is served at a deeper mistyped address."""
    soup = BeautifulSoup((site.dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    relative = []
    for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src"), ("a", "href"), ("form", "action")):
        for element in soup.find_all(tag, attrs={attribute: True}):
            value = element[attribute]
            if not value.startswith(("/", "http://", "https://", "#", "mailto:", "data:")):
                relative.append(f"<{tag} {attribute}={value!r}>")
    assert not relative, f"404.html has relative addresses: {relative}"
    assert soup.find("meta", attrs={"name": "robots", "content": "noindex"}), "404.html should not be indexed"


@pytest.mark.parametrize("mistyped", MISTYPED)
def test_a_mistyped_address_gets_a_working_404_page(site, visit_page, mistyped):
    url = site.base_url + mistyped
    tab, visit = visit_page(url, expect_status=404)
    assert tab.locator("h1").first.inner_text() == "Page not found"
    # The theme's styles and scripts loaded from the subpath (no failed requests either).
    assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert tab.evaluate("typeof window.document$ !== 'undefined'"), "Material's script did not run"
    stylesheets = tab.evaluate("[...document.styleSheets].filter(s => s.href).map(s => s.href)")
    assert any(s.endswith("assets/stylesheets/print.css") for s in stylesheets)
    assert any(s.endswith("assets/stylesheets/not-found.css") for s in stylesheets)
    assert all(s.startswith(site.base_url) for s in stylesheets), stylesheets
    assert not visit.problems(), visit.problems()


def test_the_404_page_lists_every_page(site, visit_page):
    tab, visit = visit_page(site.base_url + "no-such-page/", expect_status=404)
    links = tab.eval_on_selector_all(".not-found-pages a", "els => els.map(a => a.href)")
    assert sorted(links) == sorted(site.page_urls())
    for link in links:
        with urlopen(link, timeout=10) as response:
            assert response.status == 200, link
    # Following a link from the list opens the page (Material's instant navigation included).
    tab.locator(".not-found-pages").get_by_role("link", name="Get help now", exact=True).click()
    tab.wait_for_url(site.base_url + "warning-signs/")
    tab.locator("#emergency").wait_for()
    assert not visit.problems(), visit.problems()


def test_the_search_box_on_the_404_page_finds_pages(site, visit_page):
    tab, visit = visit_page(site.base_url + "treatment/medicin/", expect_status=404)
    box = tab.get_by_label("Search the guide")
    box.fill("cauda equina")
    box.press("Enter")
    tab.wait_for_url(urljoin(site.base_url, "?q=cauda+equina"))
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
    assert tab.locator(".md-search__input").input_value() == "cauda equina"
    first = results.first.locator("a").first.get_attribute("href")
    assert first.startswith(site.base_url), first
    assert not visit.problems(), visit.problems()


def test_the_header_search_works_on_a_deep_404_page(site, visit_page):
    """The search index is found from a mistyped address two levels down."""
    tab, visit = visit_page(site.base_url + "treatment/medicin/extra/", expect_status=404)
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.locator(".md-search__input").fill("knee")
    tab.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert not visit.problems(), visit.problems()
