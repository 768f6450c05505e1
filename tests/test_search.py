"""The search box finds a page by a word in it, from the Pages subpath."""
from __future__ import annotations

import pytest


def search(page, words: str) -> None:
    """Type into the search box as a reader would (Material reacts to key presses)."""
    page.click(".md-search__input")
    page.keyboard.type(words, delay=30)


@pytest.mark.parametrize(
    "word, expected_path",
    [("cauda", "warning-signs/"), ("pregabalin", "treatment/medicines/")],
)
def test_search_finds_a_page_by_a_word_in_it(site, visit_page, word, expected_path):
    page, visit = visit_page(site.base_url)
    search(page, word)
    results = page.locator(f".md-search-result__link[href*='{expected_path}']")
    results.first.wait_for(timeout=10000)
    texts = [t.lower() for t in results.all_inner_texts()]
    assert any(word in t for t in texts), f"no result for {expected_path} shows {word!r}: {texts}"
    assert page.locator(".md-search-result mark").count() >= 1, "matches should be highlighted"
    results.first.click()
    page.wait_for_url(site.base_url + expected_path + "**")
    assert not visit.problems(), visit.problems()


def test_search_for_nonsense_finds_nothing(site, visit_page):
    """Guards the test above: results must depend on the word typed."""
    page, _ = visit_page(site.base_url)
    search(page, "zzqxvbnonsense")
    page.wait_for_function(
        "document.querySelector('.md-search-result__meta').textContent.includes('No matching')", timeout=10000
    )
    assert page.locator(".md-search-result__link").count() == 0
