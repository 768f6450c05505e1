#!/usr/bin/env python3
"""Measure the size every diagram is drawn at, and write it into the loader.

Usage: ./scripts/measure-diagrams   (after adding or changing a diagram, or BASE_CONFIG)

diagrams.mjs draws a diagram only when the reader comes near it, and until then keeps
the space the drawing will take, so nothing on the page moves when it appears. That
space is the drawing's own size (its SVG viewBox), which only Mermaid can work out.
This script builds the site (`mkdocs build --strict`), serves it from its GitHub Pages
subpath, draws every diagram in the system Chromium, exactly as the tests do, and
rewrites the SIZES table in docs/assets/javascripts/diagrams.mjs: one line per diagram,
keyed by a hash of its source. tests/test_diagrams.py fails, naming this script, when a
diagram's size there is missing or wrong.
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from harness.browser import CHROMIUM_ARGS, chromium_path, probe
from harness.server import ROOT, SUBPATH, BuiltSite, build, free_port, serving
from harness.settle import draw_diagrams

LOADER = ROOT / "docs" / "assets" / "javascripts" / "diagrams.mjs"
TABLE = re.compile(r"(// SIZES: start[^\n]*\n)(.*?)(// SIZES: end)", re.S)



def measure(site: BuiltSite) -> list[dict]:
    from playwright.sync_api import sync_playwright

    found = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            for url in site.page_urls():
                if 'class="mermaid"' not in site.html_path(url).read_text(encoding="utf-8"):
                    continue
                page.goto(url, wait_until="networkidle")
                draw_diagrams(page)
                for diagram in page.evaluate(probe("diagram_boxes")):
                    found.append({"key": diagram["key"], "title": diagram["title"] or "",
                                  "width": diagram["drawn"][0], "height": diagram["drawn"][1],
                                  "page": url.removeprefix(site.base_url)})
        finally:
            browser.close()
    return found


def table(diagrams: list[dict]) -> str:
    lines = ["const SIZES = {\n"]
    for d in sorted(diagrams, key=lambda d: (d["page"], d["title"])):
        lines.append(f'  "{d["key"]}": [{d["width"]:.1f}, {d["height"]:.1f}], '
                     f"// {d['page']}: {d['title']}\n")
    lines.append("};\n")
    return "".join(lines)


def main() -> int:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    with tempfile.TemporaryDirectory(prefix="guide-diagrams-") as tmp:
        site_dir = Path(tmp) / "site"
        result = build(ROOT, site_dir, base_url)
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            print("The build failed; fix it first.")
            return 1
        with serving(site_dir, port):
            diagrams = measure(BuiltSite(site_dir, base_url, ""))
    if not diagrams:
        print("No diagram found on any page.")
        return 1
    text = LOADER.read_text(encoding="utf-8")
    if not TABLE.search(text):
        print(f"{LOADER.relative_to(ROOT)} has no '// SIZES: start' ... '// SIZES: end' block.")
        return 1
    LOADER.write_text(TABLE.sub(lambda m: m.group(1) + table(diagrams) + m.group(3), text), encoding="utf-8")
    for d in diagrams:
        print(f"{d['page']:<24} {d['width']:7.1f} x {d['height']:7.1f}  {d['title']}")
    print(f"Wrote the sizes of {len(diagrams)} diagrams to {LOADER.relative_to(ROOT)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
