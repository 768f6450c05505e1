"""Printing a page for a patient (docs/assets/stylesheets/print.css,
overrides/partials/print-header.html).

Every page is printed to PDF by Chromium, on A4 and on US Letter, as a reader's "Print"
would, and the PDF's text is read with pypdf. A printout must hold the page's title, its
full address, its review date and its sources; the address of every outside link after
the link text; diagrams as drawn (never their Mermaid source) with their text version; and
nothing of the site's chrome (header, menus, search, footer, banner). The QR code in the
print header must hold the page's address when read as a phone reads paper: the top of the
first A4 sheet is rendered to a picture by pdftoppm and its codes read by zxing-cpp
(tests/qr_codes.py).
"""
from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from guide.pages import front_matter_of as front_matter
from guide.problems import long_date
from harness.browser import open_context, watch
from qr_codes import read_texts, sheet_picture

PAPER = {"A4": (595, 842), "Letter": (612, 792)}  # PDF points, portrait
# How much text a printed page may hold at least before the count looks wrong. An A4 or
# Letter page at the print font size holds about 3,500 characters of running text;
# headings, lists, boxes and reference lists take more room, so 1,400 leaves a wide
# margin. On top of that a page may use one sheet for its header and one per diagram
# (a diagram that does not fit moves whole to the next sheet). A printout that breaks
# this bound is printing something it should not: chrome, blank sheets or unscaled images.
CHARS_PER_SHEET = 1400


def squash(text: str) -> str:
    """Text without whitespace: PDF extraction breaks long addresses across lines."""
    return re.sub(r"\s+", "", text)


@dataclass
class Printout:
    address: str  # the page's address relative to the site: treatment/medicines/
    url: str
    info: dict  # what the page shows on screen (title, outside links, chrome ...)
    printed: dict  # what it shows under print media (header, QR code, diagrams ...)
    pdf: dict  # paper -> (text, number of sheets, sheet sizes); Letter: text of the end sheets


# Read in the browser while the page is shown on screen.
SCREEN_INFO = """() => ({
    siteName: document.querySelector('.print-header__site').textContent.trim(),
    title: document.querySelector('article h1').innerText.replace('¶', '').trim(),
    article: document.querySelector('article').innerText,
    diagrams: document.querySelectorAll('div.mermaid').length,
    textVersions: [...document.querySelectorAll('details')]
        .filter(d => d.querySelector('summary').innerText.startsWith('Text version'))
        .map(d => d.querySelector('li') ? d.querySelector('li').innerText : ''),
    outside: [...document.querySelectorAll('article a[data-print-href]')].map(a => a.href),
    chrome: [...document.querySelectorAll(
        '.md-header, .md-banner, .md-sidebar, .md-footer, .page-review__report, .md-search'
    )].flatMap(el => el.innerText.split('\\n')).map(s => s.trim()).filter(s => s.length >= 8),
    headerOnScreen: !!document.querySelector('.print-header').offsetParent,
})"""

# Read in the browser under print media.
PRINT_INFO = """() => {
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const qr = document.querySelector('.print-header svg.qr-code');
    const box = qr && qr.getBoundingClientRect();
    return {
        header: shown(document.querySelector('.print-header')),
        address: (document.querySelector('.print-header__url') || {}).innerText,
        qrBox: box ? [box.width, box.height] : null,
        chromeShown: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
                      '.md-banner', '.md-search'].filter(s => shown(document.querySelector(s))),
        diagrams: [...document.querySelectorAll('div.mermaid')].map(d => {
            const svg = d.querySelector('svg'); const b = svg && svg.getBoundingClientRect();
            return svg && shown(svg) ? [b.width, b.height] : null; }),
    };
}"""


def wait_for_diagrams(tab):
    """Diagrams are drawn by script after load; wait as a reader would see them."""
    tab.wait_for_function(
        "[...document.querySelectorAll('div.mermaid')].every(d => d.classList.contains('mermaid--rendered'))"
    )


def pdf_text(pdf: bytes, only_ends: bool = False):
    """The PDF's text, number of sheets and sheet sizes. pypdf's text extraction is the slow
    part, so `only_ends` reads just the first sheet (header, title) and the last two
    (sources, review dates)."""
    reader = PdfReader(io.BytesIO(pdf))
    sheets = list(reader.pages)
    if only_ends and len(sheets) > 3:
        sheets = [sheets[0]] + sheets[-2:]
    text = "\n".join(p.extract_text() for p in sheets)
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    return text, len(reader.pages), sizes


@pytest.fixture(scope="module")
def printouts(browser, site):
    """Every page, opened once in Chromium and printed on A4 and on Letter."""
    context, visit = open_context(browser, site.origin)
    tab = context.new_page()
    watch(tab, visit)
    result = []
    try:
        for url in site.page_urls():
            tab.goto(url, wait_until="load")
            wait_for_diagrams(tab)
            info = tab.evaluate(SCREEN_INFO)
            tab.emulate_media(media="print")
            printed = tab.evaluate(PRINT_INFO)
            tab.emulate_media(media="null")
            # Every check on A4; on Letter (same text, other sheet shape) the header, title,
            # review date, sheet size and count.
            a4 = tab.pdf(format="A4")
            pdfs = {"A4": pdf_text(a4), "Letter": pdf_text(tab.pdf(format="Letter"), only_ends=True)}
            # The QR codes in the top 100 mm of the first printed sheet, where the print header
            # is, top first.
            printed["qrOnPaper"] = read_texts(sheet_picture(a4, 1, top_mm=100))
            result.append(Printout(url.removeprefix(site.base_url) or "/", url, info, printed, pdfs))
        assert not visit.problems(), visit.problems()
    finally:
        context.close()
    return result


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_every_page_prints_its_content_address_and_review_date(site, printouts, paper):
    problems = []
    for page in printouts:
        address, url, info = page.address, page.url, page.info
        text, sheets, sizes = page.pdf[paper]
        flat = squash(text)
        meta = front_matter(address)
        if any(abs(w - PAPER[paper][0]) > 2 or abs(h - PAPER[paper][1]) > 2 for w, h in sizes):
            problems.append(f"{address}: printed on {sizes}, not {paper} {PAPER[paper]}")
        if squash(url) not in flat:
            problems.append(f"{address}: the printout lacks the page's address {url}")
        if squash(info["title"]) not in flat:
            problems.append(f"{address}: the printout lacks the title '{info['title']}'")
        reviewed = squash(f"Page last reviewed: {long_date(meta['reviewed'])}")
        if reviewed not in flat:
            problems.append(f"{address}: the printout lacks '{reviewed}'")
        if paper != "A4":
            a4_text = page.pdf["A4"][0]
            limit = math.ceil(len(squash(a4_text)) / CHARS_PER_SHEET) + 1 + info["diagrams"]
            if not 1 <= sheets <= limit:
                problems.append(f"{address}: {sheets} sheets on {paper} (at most {limit} expected)")
            continue  # the rest reads the whole text, checked on A4
        if meta.get("sources") and address != "references/" and "Sources" not in text:
            problems.append(f"{address}: the printout has no Sources section")
        for outside in info["outside"]:
            if squash(f"({outside})") not in flat:
                problems.append(f"{address}: the outside link {outside} is printed without its address")
        if squash(f"({site.base_url}") in flat:
            problems.append(f"{address}: a link within the guide is printed with its address (noise on paper)")
        # The guide's name is chrome on screen but printed on purpose in the print header.
        chrome = [line for line in info["chrome"]
                  if squash(line) not in squash(info["article"]) and line != info["siteName"]]
        leaked = [line for line in chrome if squash(line) in flat]
        if leaked:
            problems.append(f"{address}: the printout shows the site's chrome: {leaked[:3]}")
        if re.search(r"\b(flowchart TD|accTitle|accDescr|-->)", text):
            problems.append(f"{address}: Mermaid source is printed")
        for first_step in info["textVersions"]:
            if squash(first_step) not in flat:
                problems.append(f"{address}: a diagram's text version is not printed ({first_step[:40]}...)")
        limit = math.ceil(len(flat) / CHARS_PER_SHEET) + 1 + info["diagrams"]
        if not 1 <= sheets <= limit:
            problems.append(f"{address}: {sheets} sheets on {paper} for {len(flat)} characters "
                            f"and {info['diagrams']} diagrams (at most {limit} expected)")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_print_header_shows_the_address_and_a_qr_code_that_holds_it(printouts):
    problems = []
    for page in printouts:
        printed = page.printed
        if page.info["headerOnScreen"]:
            problems.append(f"{page.address}: the print header shows on screen")
        if not printed["header"] or printed["address"] != page.url:
            problems.append(f"{page.address}: the print header is missing or shows {printed['address']!r}")
            continue
        width, height = printed["qrBox"] or (0, 0)
        if width < 80 or abs(width - height) > 1:  # 26 mm is about 98 CSS pixels
            problems.append(f"{page.address}: the QR code prints at {width}x{height} px: too small to scan")
        on_paper = printed["qrOnPaper"]
        if not on_paper or on_paper[0] != page.url:
            problems.append(f"{page.address}: the QR codes read from the top of the printed first sheet "
                            f"are {on_paper}: the print header's should hold {page.url}")
        if printed["chromeShown"]:
            problems.append(f"{page.address}: {printed['chromeShown']} print")
    assert not problems, "\n".join(problems)


def test_diagrams_print_as_drawn_and_fit_a_sheet(printouts):
    tallest = 225 / 25.4 * 96 + 1  # print.css caps a diagram at 225 mm, less than a sheet's printable height
    with_diagrams = [page for page in printouts if page.printed["diagrams"]]
    assert with_diagrams, "no page has a diagram, so this test checked nothing"
    problems = []
    for page in with_diagrams:
        for size in page.printed["diagrams"]:
            if size is None:
                problems.append(f"{page.address}: a diagram prints without its drawing")
            elif not (0 < size[1] <= tallest and size[0] > 0):
                problems.append(f"{page.address}: a diagram prints at {size[0]:.0f}x{size[1]:.0f} px")
    assert not problems, "\n".join(problems)


def test_unrendered_diagram_source_never_prints(browser, site):
    """If Mermaid has not drawn a diagram yet, print.css leaves it out (its text version stays)."""
    context, visit = open_context(browser, site.origin)
    try:
        tab = context.new_page()
        url = next(u for u in site.page_urls() if u.endswith("/warning-signs/"))
        tab.goto(url, wait_until="load")
        wait_for_diagrams(tab)
        tab.evaluate("""() => document.querySelectorAll('div.mermaid').forEach(d => {
            d.classList.remove('mermaid--rendered'); d.textContent = 'flowchart TD\\n a --> b'; })""")
        text, _, _ = pdf_text(tab.pdf(format="A4"))
        assert "flowchart" not in text and "-->" not in text
        assert "Text version of this diagram" in text
    finally:
        context.close()


def test_printing_from_the_dark_palette_uses_dark_ink_on_white(site, visit_page):
    """A reader who uses the dark palette on screen still gets readable paper."""
    page, _ = visit_page(site.base_url + "warning-signs/", color_scheme="dark")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.emulate_media(media="print")
    colours = page.evaluate(
        """() => {
            const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const lum = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            const text = getComputedStyle(document.querySelector('article p')).color;
            const back = getComputedStyle(document.body).backgroundColor;
            return {text: lum(rgb(text)), back: lum(rgb(back)), raw: [text, back]};
        }"""
    )
    assert colours["text"] < 0.3 and colours["back"] > 0.9, f"printed colours from the dark palette: {colours['raw']}"
