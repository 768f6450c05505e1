"""The For clinicians page: every page with its title, full address, description, QR code
and a "Copy link" button (scripts/hooks/handouts.py, docs/assets/javascripts/copy-link.js).

QR codes are decoded by tests/qr_decode.py, which is first checked against codes of known
text, and must hold exactly the page's full address (site_url + page address), the same
address as the page's canonical link. The copy button is pressed from the keyboard in
Chromium and the clipboard read back.
"""
from __future__ import annotations

import random
import re
import string

import pytest
import segno
from bs4 import BeautifulSoup

from qr_decode import QRError, decode_svg
from page_sources import front_matter
from sitekit import build, make_project, page

CLINICIANS = "clinicians/"


def soup_of(site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.html_path(url).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def handouts(site):
    """{address shown: <li>} for every item of the list on the For clinicians page."""
    items = soup_of(site, site.base_url + CLINICIANS).select("ol.handout-list > li.handout")
    assert items, "the For clinicians page has no page list: is <!-- guide:clinicians-pages --> in docs/clinicians.md?"
    return {item.select_one(".handout__url").get_text(strip=True): item for item in items}


# ---- The decoder is right before it is trusted --------------------------------------------

def test_the_decoder_reads_codes_of_known_text():
    rng = random.Random(7)
    for level in "LMQH":
        for length in (1, 17, 40, 77, 120):
            text = "https://example.org/" + "".join(rng.choice(string.ascii_lowercase + "-/") for _ in range(length))
            code = segno.make(text, error=level, micro=False, boost_error=False)
            if code.version > 10:
                continue
            svg = code.svg_inline(dark="#000", light="#fff", omitsize=True, lineclass=None)
            assert decode_svg(svg) == text, (level, code.version)


def test_the_decoder_notices_a_different_or_damaged_code():
    svg = segno.make("https://example.org/a/", error="m").svg_inline(omitsize=True, lineclass=None)
    assert decode_svg(svg) != "https://example.org/b/"
    with pytest.raises(QRError):
        decode_svg(svg.replace('d="M', 'd="M0 0h1M', 1).replace("h7", "h2", 3))


# ---- The list on the real guide -------------------------------------------------------------

def test_every_page_is_listed_once(site, handouts):
    pages = site.page_urls()
    assert sorted(handouts) == sorted(pages), (
        "the For clinicians list and the sitemap differ: "
        f"missing {sorted(set(pages) - set(handouts))}, extra {sorted(set(handouts) - set(pages))}"
    )


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


def test_each_qr_code_holds_the_pages_address(handouts):
    problems = []
    for address, item in handouts.items():
        svg = item.select_one("svg.qr-code")
        if svg is None:
            problems.append(f"{address}: no QR code")
            continue
        decoded = decode_svg(str(svg))
        if decoded != address:
            problems.append(f"{address}: the QR code holds {decoded!r}")
        label = svg.get("aria-label", "")
        if svg.get("role") != "img" or address not in label or address not in svg.title.get_text():
            problems.append(f"{address}: the QR code needs role=img and a text alternative naming the address")
    assert not problems, "\n".join(problems)
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
    from conftest import open_context, watch

    context, visit = open_context(browser, site)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    tab = context.new_page()
    watch(tab, visit)
    return context, tab, visit


def test_copy_link_from_the_keyboard(browser, site):
    context, tab, visit = clipboard_context(browser, site)
    try:
        tab.goto(site.base_url + CLINICIANS, wait_until="networkidle")
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
        tab.goto(site.base_url, wait_until="networkidle")
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


# ---- A broken clinicians page fails the build with the fix ----------------------------------

def test_losing_the_marker_fails_the_build(tmp_path):
    project = make_project(tmp_path, {
        "index.md": page("Home"),
        "clinicians.md": page("For clinicians", "## Page addresses { #page-addresses }\n\nNo list here."),
    })
    result = build(project, tmp_path / "site", "https://example.org/guide/")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/clinicians.md" in output and "<!-- guide:clinicians-pages -->" in output and "Fix:" in output


def test_the_list_follows_site_url(tmp_path):
    project = make_project(tmp_path, {
        "index.md": page("Home"),
        "clinicians.md": page("For clinicians", "<!-- guide:clinicians-pages -->"),
    })
    site_dir = tmp_path / "site"
    result = build(project, site_dir, "https://clinic.example.org/back/")
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((site_dir / "clinicians" / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = [code.get_text() for code in soup.select(".handout__url")]
    assert shown == ["https://clinic.example.org/back/", "https://clinic.example.org/back/clinicians/"]
    assert [decode_svg(str(svg)) for svg in soup.select(".handout-list svg.qr-code")] == shown
