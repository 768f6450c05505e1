"""The For clinicians page: every page with its title, full address, description, QR code
and a "Copy link" button (scripts/hooks/handouts.py, docs/assets/javascripts/copy-link.js),
and a link to each page's one-page summary and to the warning-signs card, the pages the
build makes to print (scripts/guide/handouts.py; tests/test_handouts_print.py prints them).

QR codes are read as a phone would, from a Chromium screenshot of each code on the page, by
zxing-cpp (tests/qr_codes.py, checked against codes of known text in tests/test_qr_codes.py),
and must hold exactly the page's full address (site_url + page address), the same address
as the page's canonical link. The copy button is pressed from the keyboard in Chromium and
the clipboard read back.
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from guide.handouts import CARD, made_by_the_build, summary_source
from guide.pages import address_of, all_pages, front_matter_of as front_matter
from guide.problems import DOCS
from harness.browser import goto, open_context, watch
from qr_codes import read_element
from sitekit import FIXTURE_SITE_URL

CLINICIANS = "clinicians/"


def soup_of(site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.html_path(url).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def handouts(site):
    """{address shown: <li>} for every item of the list on the For clinicians page."""
    items = soup_of(site, site.base_url + CLINICIANS).select("ol.handout-list > li.handout")
    assert items, "the For clinicians page has no page list: is <!-- guide:clinicians-pages --> in docs/clinicians.md?"
    return {item.select_one(".handout__url").get_text(strip=True): item for item in items}


# ---- The list on the real guide -------------------------------------------------------------

def test_every_page_is_listed_once(site, handouts):
    """Every page a writer wrote; the summaries and the card are linked from their page's item."""
    made = {site.base_url + address.lstrip("/") for address in made_by_the_build()}
    pages = [url for url in site.page_urls() if url not in made]
    assert made and made < set(site.page_urls()), "the build made no summaries, or they are not in the sitemap"
    assert sorted(handouts) == sorted(pages), (
        "the For clinicians list and the sitemap differ: "
        f"missing {sorted(set(pages) - set(handouts))}, extra {sorted(set(handouts) - set(pages))}"
    )


def test_every_summary_and_the_card_are_linked_from_their_pages_item(site, handouts):
    """A clinician reaches every summary, and the card, from the For clinicians page."""
    made = made_by_the_build()
    wanted: dict[str, list[str]] = {}
    for path in all_pages(DOCS):
        source = path.relative_to(DOCS).as_posix()
        summary = address_of(summary_source(source))
        if summary in made:
            wanted.setdefault(address_of(source), []).append(summary)
    wanted.setdefault(address_of("warning-signs.md"), []).append(address_of(CARD))
    linked = {address for addresses in wanted.values() for address in addresses}
    assert linked == set(made), f"made but not linked: {sorted(set(made) - linked)}"
    problems = []
    for page, targets in wanted.items():
        item = handouts[site.base_url + page.lstrip("/")]
        links = [a["href"] for a in item.select(".handout__print a")]
        resolved = [re.sub(r"[^/]+/\.\./", "", (site.base_url + CLINICIANS + href).replace("/./", "/")) for href in links]
        expected = [site.base_url + target.lstrip("/") for target in targets]
        if resolved != expected:
            problems.append(f"{page}: its item links to {resolved}, not {expected}")
        if any(not site.html_path(url).exists() for url in resolved):
            problems.append(f"{page}: a print link leads nowhere: {resolved}")
    assert not problems, "\n".join(problems)


def test_each_item_has_the_pages_title_description_and_address(site, handouts):
    problems = []
    for address, item in handouts.items():
        target = soup_of(site, address)
        meta = front_matter(address.removeprefix(site.base_url))
        title, description = meta["title"], meta["description"]
        canonical = target.find("link", rel="canonical")["href"]
        shown_title = item.select_one(".handout__title").get_text(" ", strip=True)
        if description != target.find("meta", attrs={"name": "description"})["content"]:
            problems.append(f"{address}: the page's meta description is not its front matter description")
        link = item.select_one(".handout__title a")["href"]
        if address != canonical:
            problems.append(f"{address}: the page's canonical address is {canonical}")
        if shown_title != title:
            problems.append(f"{address}: listed as '{shown_title}' but its front matter title is '{title}'")
        if item.select_one(".handout__description").get_text(" ", strip=True) != " ".join(description.split()):
            problems.append(f"{address}: the description differs from the page's front matter")
        resolved = site.base_url + CLINICIANS + link
        if not site.html_path(re.sub(r"[^/]+/\.\./", "", resolved.replace("/./", "/"))).exists() and link != address:
            problems.append(f"{address}: the title links to {link}, which is not that page")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_each_qr_code_holds_the_pages_address(site, handouts, visit_page):
    tab, visit = visit_page(site.base_url + CLINICIANS)
    problems = []
    items = tab.locator("ol.handout-list > li.handout")  # in the order of `handouts`
    for index, (address, item) in enumerate(handouts.items()):
        svg = item.select_one("svg.qr-code")
        if svg is None:
            problems.append(f"{address}: no QR code")
            continue
        read = read_element(items.nth(index).locator("svg.qr-code"))
        if read != [address]:
            problems.append(f"{address}: the QR code on screen reads as {read!r}")
        label = svg.get("aria-label", "")
        if svg.get("role") != "img" or address not in label or address not in svg.title.get_text():
            problems.append(f"{address}: the QR code needs role=img and a text alternative naming the address")
    assert not problems, "\n".join(problems)
    assert not visit.problems(), visit.problems()
    assert all(a.startswith("http://127.0.0.1:") and "/sciatica-knee-pain/" in a for a in handouts), (
        "addresses must be full addresses built from site_url"
    )


def test_each_copy_button_carries_the_address_and_a_live_status(handouts):
    for address, item in handouts.items():
        button = item.select_one("button.handout__copy")
        assert button is not None and button["data-copy-link"] == address
        assert button.get_text(strip=True) == "Copy link" and "Copy link" in button["aria-label"]
        status = button.find_next_sibling()
        assert status["role"] == "status" and status["aria-live"] == "polite"


# ---- The copy button in Chromium ------------------------------------------------------------

def clipboard_context(browser, site):
    context, visit = open_context(browser, site.origin)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    tab = context.new_page()
    watch(tab, visit)
    return context, tab, visit


def test_copy_link_from_the_keyboard(browser, site):
    context, tab, visit = clipboard_context(browser, site)
    try:
        goto(tab, site.base_url + CLINICIANS)
        address = site.base_url + "warning-signs/"
        button = tab.locator(f'button[data-copy-link="{address}"]')
        # Reach the button with Tab from the element before it, then press Enter.
        tab.locator(f'.handout:has(button[data-copy-link="{address}"]) .handout__title a').focus()
        tab.keyboard.press("Tab")
        assert button.evaluate("b => b === document.activeElement"), "the button is not next in the tab order"
        tab.keyboard.press("Enter")
        status = button.locator("xpath=following-sibling::*[@role='status'][1]")
        status.wait_for(state="visible")
        assert status.inner_text() == "Link copied"
        assert tab.evaluate("navigator.clipboard.readText()") == address
        # Space works too, and copies that item's own address.
        other = site.base_url + "treatment/medicines/"
        tab.locator(f'button[data-copy-link="{other}"]').focus()
        tab.keyboard.press("Space")
        tab.wait_for_function("a => navigator.clipboard.readText().then(t => t === a)", arg=other)
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


def test_copy_link_after_instant_navigation(browser, site):
    context, tab, visit = clipboard_context(browser, site)
    try:
        goto(tab, site.base_url)
        tab.evaluate("window.__notReloaded = true")
        tab.locator(f'.md-nav--primary a[href$="{CLINICIANS}"]').first.click()
        tab.wait_for_selector(".handout-list")
        assert tab.evaluate("window.__notReloaded === true"), "the page was reloaded, not instantly navigated"
        address = site.base_url + "recovery/"
        tab.locator(f'button[data-copy-link="{address}"]').click()
        tab.wait_for_function("a => navigator.clipboard.readText().then(t => t === a)", arg=address)
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


# ---- The list follows site_url (the fixture project has its own) -----------------------------
# (A clinicians page that loses its list fails the build: tests/test_bad_input.py.)

def test_the_list_follows_site_url(fixture_site):
    soup = BeautifulSoup(fixture_site.html("clinicians/"), "html.parser")
    shown = [code.get_text() for code in soup.select(".handout__url")]
    assert shown == [FIXTURE_SITE_URL + address_of(name).lstrip("/") for name in fixture_site.pages]


def test_the_qr_codes_follow_site_url(fixture_site, browser):
    context = browser.new_context()
    # Opened from disk; anything but its own files is blocked, as for the served guide.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else route.abort())
    try:
        tab = context.new_page()
        tab.goto((fixture_site.dir / "clinicians" / "index.html").as_uri())
        codes = tab.locator(".handout-list svg.qr-code")
        assert [read_element(codes.nth(i)) for i in range(codes.count())] == [
            [FIXTURE_SITE_URL + address_of(name).lstrip("/")] for name in fixture_site.pages]
    finally:
        context.close()
