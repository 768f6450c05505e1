"""Search: it finds a page by a word in it from the Pages subpath, shows each page's lay
words and weighs them like titles, shows readable results, offers help when nothing
matches, and keeps working after instant navigation. The lay query set (how well search
ranks what readers type) is tests/test_search_queries.py."""
from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from guide.pages import front_matter_of as front_matter
from searchkit import address_of, ask, open_search_page


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


# Lay words, readable results, help when nothing matches, and the two additions in
# docs/assets/javascripts/search.js.

DIAGRAM_SOURCE = re.compile(r"accTitle|accDescr|flowchart|-->|click \w+ href")
REFERENCE_NOISE = re.compile(r"\b10\.\d{4,9}/\S+|PMID:?\s*\d{6,}|doi\.org")  # a DOI or a PMID
# Longest text one result may show (page or section title, snippet, and the sections
# listed under it). Material shows a matching paragraph or list whole, so a list of ten
# points is fine (the clinicians' evidence summary is about 3,000); a result for one word
# used to show the whole glossary (20,000 characters) or reference list (27,000).
MAX_RESULT_TEXT = 4000


def search_index(site) -> dict:
    return json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))


def pages_with(site, key: str):
    """(address, front matter) of every page whose front matter has `key`."""
    for url in site.page_urls():
        address = address_of(url, site.base_url)
        meta = front_matter(address)
        if meta.get(key):
            yield address, meta


def test_lay_words_show_on_their_page_and_misspellings_do_not(site):
    shown = list(pages_with(site, "also_called"))
    assert len(shown) >= 10, "most pages should name their everyday words (also_called)"
    for address, meta in shown:
        html = site.html_path(site.base_url + address.lstrip("/")).read_text(encoding="utf-8")
        line = BeautifulSoup(html, "html.parser").select_one("article .also-called")
        assert line is not None, f"{address}: no 'Also called' line under the title"
        text = " ".join(line.get_text(" ").split())
        assert text.startswith("Also called:"), text
        for word in meta["also_called"]:
            assert word in text, f"{address}: {word!r} missing from {text!r}"
    for address, meta in pages_with(site, "also_spelled"):
        html = site.html_path(site.base_url + address.lstrip("/")).read_text(encoding="utf-8")
        article = BeautifulSoup(html, "html.parser").select_one("article").get_text(" ").lower()
        for word in meta["also_spelled"]:
            assert not re.search(rf"\b{re.escape(word.lower())}\b", article), (
                f"{address}: the misspelling {word!r} shows on the page; also_spelled is for search only"
            )


def test_lay_words_are_weighted_like_titles_in_the_search_index(site):
    index = search_index(site)
    fields = index["config"]["fields"]
    assert fields["tags"]["boost"] >= fields["title"]["boost"] > 100 * fields["text"]["boost"], fields
    tags = {}
    for doc in index["docs"]:
        tags.setdefault("/" + doc["location"].split("#")[0], doc.get("tags"))
    for key in ("also_called", "also_spelled"):
        for address, meta in pages_with(site, key):
            assert set(meta[key]) <= set(tags.get(address) or []), f"{address}: {key} not in the search index"


def test_the_warning_sign_boxes_are_searched_only_on_the_warning_signs_page(site):
    """The boxes are on most pages; in search they would make each of them a better match
    for an emergency sign than the page that explains them (search_words.py)."""
    box_line = "See all the warning signs"
    pages_with_box = [url for url in site.page_urls() if box_line in site.html_path(url).read_text(encoding="utf-8")]
    assert len(pages_with_box) >= 5, "the warning-sign boxes are on few pages: has their last line changed?"
    indexed = [doc["location"] for doc in search_index(site)["docs"] if box_line in doc["text"]]
    assert not indexed, (
        f"a warning-sign box is in the search index at {indexed}: HELP_BOX in "
        "scripts/hooks/search_words.py no longer matches the boxes warning_signs.py makes"
    )
    emergency = [doc for doc in search_index(site)["docs"] if doc["location"] == "warning-signs/#emergency"]
    assert emergency and "numbness between your legs" in emergency[0]["text"]


def test_results_show_titles_and_readable_snippets(site, browser):
    """No diagram source, no lists of sources (an author's name finds nothing), no wall
    of glossary or references: each result is a title and a few readable lines."""
    context, page, _ = open_search_page(browser, site)
    try:
        problems = []
        for words in ("radiculopathy", "flowchart", "numbness between my legs", "koes", "femoral nerve knee"):
            results = ask(page, words, site.base_url)
            if words == "flowchart":
                assert not results, f"diagram source is searchable: {[str(r) for r in results]}"
                continue
            assert results or words == "koes", f"{words!r} found nothing"
            for result in results[:5]:
                where = f"{words!r} -> {result}"
                if not result.title:
                    problems.append(f"{where}: no title")
                if DIAGRAM_SOURCE.search(result.text):
                    problems.append(f"{where}: shows diagram source")
                if REFERENCE_NOISE.search(result.text):
                    problems.append(f"{where}: shows a list of sources")
                if len(result.text) > MAX_RESULT_TEXT:
                    problems.append(f"{where}: shows {len(result.text)} characters")
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_small_words_do_not_change_the_results(site, browser):
    """search.js leaves lunr's stop words out of what Material's search is asked, so a
    question finds what its words find. Without it, "the" matches "therapy"."""
    context, page, visit = open_search_page(browser, site)
    try:
        plain = [r.address for r in ask(page, "knee", site.base_url)]
        question = [r.address for r in ask(page, "is it the knee?", site.base_url)]
        assert question[:5] == plain[:5], f"'knee': {plain[:5]}\n'is it the knee?': {question[:5]}"
        only_small = ask(page, "the", site.base_url)
        assert only_small, "a query of only small words is sent as typed and finds pages with 'the...' words"
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


def test_a_search_that_finds_nothing_offers_the_warning_signs_and_common_questions(site, browser):
    context, page, visit = open_search_page(browser, site)
    try:
        assert not ask(page, "zzqxvbnonsense", site.base_url)
        help_box = page.locator(".md-search-result .guide-search-help")
        help_box.wait_for(state="visible", timeout=5000)
        links = help_box.locator("a").evaluate_all("links => links.map(a => [a.href, a.textContent.trim()])")
        assert [href for href, _ in links] == [site.base_url + "warning-signs/", site.base_url + "questions/"], links
        assert "warning signs" in links[0][1].lower() and "Common questions" in links[1][1], links
        # Keyboard: the arrow keys reach the links, as they reach results.
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.href") == site.base_url + "warning-signs/"
        # Gone as soon as something matches.
        assert ask(page, "knee", site.base_url)
        assert help_box.count() == 0, "the help stays when there are results"
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


def test_search_works_after_instant_navigation_from_the_pages_subpath(site, browser):
    """Material keeps the search box when it swaps pages; results and the help links
    must still point at the right addresses under the subpath."""
    context, page, visit = open_search_page(browser, site, site.base_url + "treatment/exercise/")
    try:
        page.evaluate("window.__samePage = true")
        old_title = page.locator("h1#page-title").inner_text()
        page.click(".md-sidebar--primary .md-nav__link[href$='/causes/']")
        page.wait_for_url(site.base_url + "causes/")
        assert page.evaluate("window.__samePage === true"), "navigation reloaded the page (instant navigation is off)"
        # Material closes search 125 ms after every navigation (its bundle: delay(125)); a
        # reader opens it after that, once the new page is there.
        page.wait_for_function("old => document.querySelector('h1#page-title').innerText !== old", arg=old_title)
        page.wait_for_timeout(200)
        results = ask(page, "op for slipped disc", site.base_url)
        assert results and results[0].address == "/treatment/injections-and-surgery/", [str(r) for r in results]
        ask(page, "zzqxvbnonsense", site.base_url)
        hrefs = page.locator(".guide-search-help a").evaluate_all("links => links.map(a => a.href)")
        assert hrefs == [site.base_url + "warning-signs/", site.base_url + "questions/"], hrefs
        ask(page, "physio", site.base_url)
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url(site.base_url + "treatment/exercise/**")
        assert page.locator("h1").first.inner_text() == "Exercise and physiotherapy"
        assert not visit.problems(), visit.problems()
    finally:
        context.close()
