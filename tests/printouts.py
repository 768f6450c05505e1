"""Every page of the built site printed once, on A4 and on US Letter, as a reader's "Print"
would (harness/printing.py), for the print checks of tests/test_print.py (every page) and
tests/test_handouts_print.py (the one-page summaries and the card sheet): one load and two
printouts per page for both. What each check reads is said there.
"""
from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass

from pypdf import PdfReader

from guide.handouts import printed_address
from guide.pages import front_matter_of as front_matter
from harness.browser import open_context, probe, watch
from harness.printing import PAPER_POINTS as PAPER, print_pdf, ready_to_print
from qr_codes import read_texts, sheet_picture

# Under print media: the smallest text on the page, and what prints it.
SMALLEST_TEXT = probe("smallest_text")
# Under print media: every colour the card sheet's cards print in that is not black, grey or white.
CARD_COLOURS = probe("card_colours")


def squash(text: str) -> str:
    """Text without whitespace: PDF extraction breaks long addresses across lines."""
    return re.sub(r"\s+", "", text)


@dataclass
class Printout:
    address: str  # the page's address relative to the site: treatment/medicines/
    url: str
    base: str  # the site's address: http://127.0.0.1:PORT/sciatica-knee-pain/
    meta: dict  # its front matter (written or made by the build)
    info: dict  # what the page shows on screen (title, outside links, chrome ...)
    printed: dict  # what it shows under print media (header, QR code, diagrams ...)
    pdf: dict  # paper -> (text, number of sheets, sheet sizes); Letter: text of the end sheets
    sheets: dict  # paper -> the PDF itself

    @property
    def gives(self) -> str:
        """The full address the printout gives: its own, or the full page's for a summary."""
        return self.base + printed_address("/" + self.address.lstrip("/"), self.meta).lstrip("/")

    @property
    def kind(self) -> str:
        return self.meta.get("handout") or "page"


# Read in the browser while the page is shown on screen.
SCREEN_INFO = probe("page_on_screen")

# Read in the browser under print media.
PRINT_INFO = probe("page_on_paper")


def pdf_text(pdf: bytes, only_ends: bool = False):
    """The PDF's text, number of sheets and sheet sizes. The text is read by pdftotext
    (poppler-utils, which the test set-up installs with pdftoppm; about twenty times
    quicker than pypdf, with the same words in the same order); `only_ends` keeps just the
    first sheet (header, title) and the last two (sources, review dates)."""
    reader = PdfReader(io.BytesIO(pdf))
    done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True, timeout=60)
    sheets = done.stdout.decode("utf-8").split("\f")[:len(reader.pages)]
    if only_ends and len(sheets) > 3:
        sheets = [sheets[0]] + sheets[-2:]
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    return "\n".join(sheets), len(reader.pages), sizes


def print_every_page(browser, site) -> list[Printout]:
    """Every page, opened once in Chromium and printed on A4 and on Letter."""
    context, visit = open_context(browser, site.origin)
    tab = context.new_page()
    watch(tab, visit)
    result = []
    try:
        for url in site.page_urls():
            tab.goto(url, wait_until="load")
            ready_to_print(tab)
            info = tab.evaluate(SCREEN_INFO)
            tab.emulate_media(media="print")
            printed = tab.evaluate(PRINT_INFO)
            printed["smallest"] = tab.evaluate(SMALLEST_TEXT)
            printed["colours"] = tab.evaluate(CARD_COLOURS)
            tab.emulate_media(media="null")
            # Every check on A4; on Letter (same text, other sheet shape) the header, title,
            # review date, sheet size and count.
            sheets = {paper: print_pdf(tab, None, paper) for paper in PAPER}
            a4 = sheets["A4"]
            pdfs = {"A4": pdf_text(a4), "Letter": pdf_text(sheets["Letter"], only_ends=True)}
            # The QR codes in the top 100 mm of the first printed sheet, where the print header
            # is, top first.
            printed["qrOnPaper"] = read_texts(sheet_picture(a4, 1, top_mm=100))
            address = url.removeprefix(site.base_url)
            result.append(Printout(address or "/", url, site.base_url, front_matter(address), info, printed, pdfs,
                                   sheets))
        assert not visit.problems(), visit.problems()
    finally:
        context.close()
    return result
