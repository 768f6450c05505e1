"""Makes docs/assets/images/social-card.png, the picture link previews show (og:image).

Run it again only to change the picture: `./scripts/social-image`. It draws
the card as a small HTML page in the system Chromium (found like the tests find it:
CHROMIUM_PATH or `chromium` on PATH) and saves a 1200 x 630 screenshot, the size
Facebook, LinkedIn, Slack and X expect. The screenshot is then reduced to a 16-colour
PNG (the card has three flat colours and the anti-aliased edges between them), which
keeps it small: tests/test_meta.py checks the size and that it is under 40 KB.
No network is used.
"""
from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

from playwright.sync_api import sync_playwright

from harness.browser import chromium_path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "images" / "social-card.png"
WIDTH, HEIGHT = 1200, 630
BACKGROUND, TEXT, ACCENT = (0x1A, 0x4F, 0x8B), (0xFF, 0xFF, 0xFF), (0xFF, 0xD1, 0x80)
# Text edges blend the background into white: 14 steps of that blend plus the accent.
PALETTE = [tuple(round(b + (t - b) * i / 13) for b, t in zip(BACKGROUND, TEXT)) for i in range(14)]
PALETTE += [ACCENT, (0, 0, 0)]

CARD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { background: #1a4f8b; color: #fff; display: flex; flex-direction: column;
         justify-content: center; padding: 0 80px; box-sizing: border-box;
         font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
  .rule { width: 120px; height: 12px; background: #ffd180; margin-bottom: 40px; }
  h1 { font-size: 74px; line-height: 1.05; margin: 0 0 32px; font-weight: 700; }
  p { font-size: 40px; line-height: 1.3; margin: 0; max-width: 960px; }
</style></head><body>
  <div class="rule"></div>
  <h1>Back pain and knee pain</h1>
  <p>Can your back cause your knee pain? A plain, referenced guide for patients.</p>
</body></html>"""


def chromium() -> str:
    path = chromium_path()
    if not path:
        raise SystemExit("No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.")
    return path


def pixels_of(page, png: bytes) -> bytes:
    """The screenshot's RGBA pixels, read back through a canvas (no image library)."""
    data_url = "data:image/png;base64," + base64.b64encode(png).decode()
    values = page.evaluate(
        """async (src) => {
            const img = new Image(); img.src = src; await img.decode();
            const canvas = document.createElement("canvas");
            canvas.width = img.width; canvas.height = img.height;
            const context = canvas.getContext("2d");
            context.drawImage(img, 0, 0);
            return Array.from(context.getImageData(0, 0, img.width, img.height).data);
        }""",
        data_url,
    )
    return bytes(values)


def nearest(rgb) -> int:
    return min(range(len(PALETTE)), key=lambda i: sum((a - b) ** 2 for a, b in zip(rgb, PALETTE[i])))


def indexed_png(rgba: bytes) -> bytes:
    """An 8-bit palette PNG of the pixels, each mapped to the nearest PALETTE colour."""
    cache: dict = {}
    rows = []
    for y in range(HEIGHT):
        row = bytearray(b"\0")  # filter type 0 for every row
        for x in range(WIDTH):
            i = (y * WIDTH + x) * 4
            rgb = rgba[i:i + 3]
            if rgb not in cache:
                cache[rgb] = nearest(rgb)
            row.append(cache[rgb])
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 3, 0, 0, 0)
    palette = b"".join(bytes(c) for c in PALETTE)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"PLTE", palette)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox"], headless=True)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        page.set_content(CARD)
        screenshot = page.screenshot(type="png", full_page=False)
        page.set_content("<!doctype html><title>read pixels</title>")
        rgba = pixels_of(page, screenshot)
        browser.close()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(indexed_png(rgba))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
