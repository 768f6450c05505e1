"""The QR reader (tests/qr_codes.py, zxing-cpp) is right before the guide's tests trust it.

It must read codes of known text exactly, at every error-correction level and the sizes
the guide's addresses need; tell two codes apart (each picture gives its own text, never
the other's); find nothing in a damaged code rather than guess; and read codes drawn by
Chromium, on screen (a screenshot) and on paper (a printed PDF rendered by pdftoppm), the
two ways tests/test_clinicians.py and tests/test_print.py read the guide's codes.
The codes are made with segno, as scripts/hooks/handouts.py makes the guide's.
"""
from __future__ import annotations

import io
import random
import string

import pytest
import segno
from PIL import Image, ImageDraw

from qr_codes import read_element, read_texts, sheet_picture


def picture(text: str, *, error: str = "m", scale: int = 4) -> bytes:
    """A PNG of a QR code of `text`, black on white with the standard quiet zone."""
    out = io.BytesIO()
    segno.make(text, error=error, micro=False, boost_error=False).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def test_the_reader_reads_codes_of_known_text():
    rng = random.Random(7)
    versions = set()
    for level in "LMQH":
        for length in (1, 17, 40, 77, 120, 200):
            text = "https://example.org/" + "".join(rng.choice(string.ascii_lowercase + "-/") for _ in range(length))
            versions.add(segno.make(text, error=level, micro=False, boost_error=False).version)
            assert read_texts(picture(text, error=level, scale=3)) == [text], (level, length)
    assert min(versions) <= 2 and max(versions) >= 10, versions  # small and large codes were read


def test_the_reader_tells_two_codes_apart():
    a, b = "https://example.org/guide/a/", "https://example.org/guide/b/"
    assert read_texts(picture(a)) == [a]
    assert read_texts(picture(b)) == [b]
    # Both in one picture, one above the other: each is read, top first.
    first, second = Image.open(io.BytesIO(picture(a))), Image.open(io.BytesIO(picture(b)))
    both = Image.new("L", (max(first.width, second.width), first.height + second.height), 255)
    both.paste(first, (0, 0))
    both.paste(second, (0, first.height))
    out = io.BytesIO()
    both.save(out, format="PNG")
    assert read_texts(out.getvalue()) == [a, b]


def test_the_reader_finds_nothing_in_a_damaged_code_or_a_blank_picture():
    code = Image.open(io.BytesIO(picture("https://example.org/guide/warning-signs/"))).convert("L")
    # White out a band across the middle: far more than error correction M (15 %) can repair.
    damaged = code.copy()
    ImageDraw.Draw(damaged).rectangle((0, code.height * 0.35, code.width, code.height * 0.65), fill=255)
    blank = Image.new("L", code.size, 255)
    for image in (damaged, blank):
        out = io.BytesIO()
        image.save(out, format="PNG")
        assert read_texts(out.getvalue()) == []


@pytest.mark.browser
def test_the_reader_reads_codes_drawn_by_chromium_on_screen_and_on_paper(browser):
    """Inline SVG codes like the guide's, at the smallest size the guide prints them (19 mm,
    on the warning-signs card; print.css)."""
    a, b = "http://127.0.0.1:8000/sciatica-knee-pain/", "http://127.0.0.1:8000/sciatica-knee-pain/recovery/"
    svgs = "".join(
        f'<p>{segno.make(text, error="m", micro=False, boost_error=False).svg_inline(dark="#000", light="#fff", omitsize=True, svgclass="qr-code", lineclass=None)}</p>'
        for text in (a, b))
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.set_content(f"<!doctype html><style>.qr-code {{ width: 19mm; height: 19mm; }}</style>{svgs}")
        codes = tab.locator("svg.qr-code")
        assert [read_element(codes.nth(i)) for i in range(2)] == [[a], [b]]
        assert read_texts(sheet_picture(tab.pdf(format="A4"))) == [a, b]
    finally:
        context.close()
