"""Printing a page for a patient (docs/assets/stylesheets/print.css,
overrides/partials/print-header.html).

Every page in the sitemap (the written pages, the one-page summaries and the card sheet) is
printed to PDF by Chromium, on A4 and on US Letter, as a reader's "Print" would
(harness/printing.py), and the PDF's text is read with pdftotext. A printout must hold the
page's title, its full address, its review date and its sources; the address of every
outside link after the link text; each diagram once, as its text version (never its drawing
or Mermaid source); and nothing of the site's chrome (header, menus, search, footer,
banner, tooltips, copy and print links). It must fit its sheets: at most 6 sides for a
page, 3 for the For clinicians page, 1 for a summary or the card sheet
(guide/handouts.py `MOST_SHEETS`). The QR code in the print header must hold the address
the printout gives when read as a phone reads paper: the top of the first A4 sheet is
rendered to a picture by pdftoppm and its codes read by zxing-cpp (tests/qr_codes.py).
Summaries and the card are checked further in tests/test_handouts_print.py.
"""
from __future__ import annotations

import re

import pytest

from guide.handouts import most_sheets
from guide.problems import long_date
from harness.browser import open_context, watch, probe
from harness.printing import PAPER_POINTS as PAPER, ready_to_print
from harness.settle import DIAGRAMS_DRAWN, draw_diagrams, wait_for_diagram_setup
from printouts import PRINT_INFO, pdf_text, squash


@pytest.mark.parametrize("paper", sorted(PAPER))
def test_every_page_prints_its_content_address_and_review_date_on_few_sheets(site, printouts, paper):
    problems = []
    for page in printouts:
        address, info, meta = page.address, page.info, page.meta
        text, sheets, sizes = page.pdf[paper]
        flat = squash(text)
        if any(abs(w - PAPER[paper][0]) > 2 or abs(h - PAPER[paper][1]) > 2 for w, h in sizes):
            problems.append(f"{address}: printed on {sizes}, not {paper} {PAPER[paper]}")
        limit = most_sheets("/" + address.lstrip("/"), meta)
        if not 1 <= sheets <= limit:
            problems.append(f"{address}: {sheets} sheets on {paper}; the most for this page is {limit}. Fix: "
                            "shorten where the page repeats itself (never a warning), or tighten print.css")
        if squash(page.gives) not in flat:
            problems.append(f"{address}: the printout lacks the address {page.gives}")
        if page.kind == "card":
            continue  # its title and dates are on each card: tests/test_handouts_print.py
        if squash(info["title"]) not in flat:
            problems.append(f"{address}: the printout lacks the title '{info['title']}'")
        reviewed = squash(f"Page last reviewed: {long_date(meta['reviewed'])}")
        if reviewed not in flat:
            problems.append(f"{address}: the printout lacks '{reviewed}'")
        if paper != "A4":
            continue  # the rest reads the whole text, checked on A4
        if meta.get("sources") and page.kind == "page" and address != "references/" and "Sources" not in text:
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
    assert not problems, "\n".join(problems)


def test_the_print_header_shows_the_address_and_a_qr_code_that_holds_it(printouts):
    problems = []
    for page in printouts:
        printed = page.printed
        if page.info["headerOnScreen"]:
            problems.append(f"{page.address}: the print header shows on screen")
        if printed["chromeShown"]:
            problems.append(f"{page.address}: {printed['chromeShown']} print")
        if page.kind == "card":
            if printed["header"]:
                problems.append(f"{page.address}: the card sheet prints a page header; each card has its own code")
            continue
        if not printed["header"] or printed["address"] != page.gives:
            problems.append(f"{page.address}: the print header is missing or shows {printed['address']!r}, "
                            f"not {page.gives}")
            continue
        width, height = printed["qrBox"] or (0, 0)
        if width < 80 or abs(width - height) > 1:  # 24 mm is about 91 CSS pixels
            problems.append(f"{page.address}: the QR code prints at {width}x{height} px: too small to scan")
        on_paper = printed["qrOnPaper"]
        if not on_paper or on_paper[0] != page.gives:
            problems.append(f"{page.address}: the QR codes read from the top of the printed first sheet "
                            f"are {on_paper}: the print header's should hold {page.gives}")
    assert not problems, "\n".join(problems)


def test_each_diagram_prints_once_as_its_text_version(printouts):
    """Never the drawing (a tall sheet, or a blank box if it is not drawn yet), never both."""
    with_diagrams = [page for page in printouts if page.printed["diagrams"]]
    assert with_diagrams, "no page has a diagram, so this test checked nothing"
    problems = []
    for page in with_diagrams:
        for number, diagram in enumerate(page.printed["diagrams"], start=1):
            if diagram["drawing"]:
                problems.append(f"{page.address}: diagram {number} prints its drawing")
            if not diagram["textVersion"]:
                problems.append(f"{page.address}: diagram {number} prints without its text version")
    assert not problems, "\n".join(problems)


def test_a_diagram_prints_as_its_text_version_drawn_or_not(browser, site):
    """A reader who prints a page without scrolling to its diagram: the diagram was never
    drawn, so neither its placeholder nor its Mermaid source prints; its text version does,
    in full. Once the diagram has been reached and drawn, the drawing still stays off paper
    (the check can fail: it looks at the drawn diagram under print media)."""
    context, visit = open_context(browser, site.origin)
    try:
        tab = context.new_page()
        watch(tab, visit)
        url = next(u for u in site.page_urls() if u.endswith("/warning-signs/"))
        tab.goto(url, wait_until="load")
        wait_for_diagram_setup(tab)
        assert tab.locator("div.mermaid.mermaid--waiting").count() == 1, "the diagram should still be waiting"
        steps = tab.locator("div.mermaid + details li").all_inner_texts()
        text, _, _ = pdf_text(tab.pdf(format="A4"))
        assert "flowchart" not in text and "-->" not in text, "Mermaid source is printed"
        assert "Diagram:" not in text and "Read the text version" not in text, "the placeholder is printed"
        assert "Text version of this diagram" in text
        assert steps and all(squash(step) in squash(text) for step in steps), "the text version is not printed in full"
        draw_diagrams(tab)
        tab.wait_for_function(DIAGRAMS_DRAWN)
        tab.emulate_media(media="print")
        printed = tab.evaluate(PRINT_INFO)["diagrams"]
        assert printed == [{"drawing": False, "textVersion": True}], f"the drawn diagram prints as {printed}"
        tab.emulate_media(media="null")
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


def test_tooltips_and_buttons_never_print(browser, site):
    """A glossary tooltip open on screen, the "Copy link" buttons and the print links stay
    off paper."""
    context, visit = open_context(browser, site.origin)
    try:
        tab = context.new_page()
        watch(tab, visit)
        tab.goto(site.base_url + "symptoms/", wait_until="load")
        ready_to_print(tab)  # leaving while Mermaid still loads would abort its requests
        word = tab.locator("article abbr").first
        word.hover()
        tab.locator(".md-tooltip2").first.wait_for(state="visible")
        tab.emulate_media(media="print")
        assert tab.evaluate("[...document.querySelectorAll('.md-tooltip2, .page-prints')]"
                            ".every(e => e.getClientRects().length === 0)"), "a tooltip or print link prints"
        tab.emulate_media(media="null")
        tab.goto(site.base_url + "clinicians/", wait_until="load")
        tab.emulate_media(media="print")
        assert tab.evaluate("[...document.querySelectorAll('.handout__copy, .handout__print')]"
                            ".every(e => e.getClientRects().length === 0)"), "a copy button or print link prints"
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


def test_printing_from_the_dark_palette_uses_dark_ink_on_white(site, visit_page):
    """A reader who uses the dark palette on screen still gets readable paper."""
    page, _ = visit_page(site.base_url + "warning-signs/", color_scheme="dark")
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.emulate_media(media="print")
    colours = page.evaluate(probe("print_colours"))
    assert colours["text"] < 0.3 and colours["back"] > 0.9, f"printed colours from the dark palette: {colours['raw']}"
