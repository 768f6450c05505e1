"""Reads the guide's QR codes from pictures, as a phone's camera would, with zxing-cpp (the
maintained C++ port of ZXing, PyPI zxing-cpp; pinned in requirements-test.txt).

The pictures are what a reader's phone sees: a Chromium screenshot of a code on the screen
(`read_element`), or a printed sheet, the PDF that Chromium prints rendered to PNG by
pdftoppm (Debian's poppler-utils; `sheet_picture`). Nothing here reads the SVG the build
wrote, so a code that looks wrong when drawn (cut off, squashed, too small, wrong colours)
fails as it would on a phone. tests/test_qr_codes.py checks the reader on codes of known
text before the other tests trust it.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass

import pytest
import zxingcpp
from PIL import Image

# Paper is rendered at 150 dots per inch: a 26 mm code of about 40 modules (quiet zone
# included) gets about 4 pixels a module, about what a phone camera resolves at reading
# distance.
PAPER_DPI = 150


@dataclass
class Code:
    text: str
    top: int  # the picture's y of the code's highest corner
    left: int


def read_codes(png: bytes) -> list[Code]:
    """Every QR code in a PNG picture, top to bottom."""
    picture = Image.open(io.BytesIO(png)).convert("L")
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    codes = []
    for code in found:
        corners = [code.position.top_left, code.position.top_right,
                   code.position.bottom_left, code.position.bottom_right]
        codes.append(Code(code.text, min(p.y for p in corners), min(p.x for p in corners)))
    return sorted(codes, key=lambda c: (c.top, c.left))


def read_texts(png: bytes) -> list[str]:
    """The text of every QR code in a PNG picture, top to bottom."""
    return [code.text for code in read_codes(png)]


def read_element(locator) -> list[str]:
    """The text of every QR code in a Chromium screenshot of one element (scrolled into view,
    as the page draws it)."""
    return read_texts(locator.screenshot())


def sheet_picture(pdf: bytes, sheet: int = 1, dpi: int = PAPER_DPI, top_mm: float | None = None) -> bytes:
    """One sheet of a PDF as a PNG picture (pdftoppm, installed by scripts/_pdftoppm.sh);
    with `top_mm`, only that many millimetres from the top of the sheet (a smaller picture
    is several times quicker to make)."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        pytest.fail("pdftoppm is missing: run the tests with ./scripts/test, which installs Debian's "
                    "poppler-utils.", pytrace=False)
    result = subprocess.run(
        [pdftoppm, "-png", "-r", str(dpi), "-f", str(sheet), "-l", str(sheet), "-singlefile",
         *(["-H", str(round(top_mm / 25.4 * dpi))] if top_mm else []), "-"],
        input=pdf, capture_output=True, timeout=120, check=False,
    )
    assert result.returncode == 0 and result.stdout, f"pdftoppm failed: {result.stderr.decode(errors='replace')}"
    return result.stdout
