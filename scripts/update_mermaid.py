#!/usr/bin/env python3
"""Vendor a pinned Mermaid build into the site, so no page ever loads it from a CDN.

Usage: ./scripts/update-mermaid 11.17.2

It keeps only the ESM build (`mermaid.esm.min.mjs` and the chunks it imports; a page
loads just the chunks its diagram type needs) and the licence, in
docs/assets/javascripts/vendor/mermaid-VERSION/ with a VENDOR.json of hashes (see
scripts/vendor_npm.py), then points docs/assets/javascripts/diagrams.mjs at the new
folder. Run the tests after an update: a new Mermaid can change how diagrams render.
"""
import re
import shutil
import sys
from pathlib import Path

from vendor_npm import vendor, version_argument

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "docs" / "assets" / "javascripts"
LOADER = JS / "diagrams.mjs"


def keep(name: str) -> str | None:
    if name == "LICENSE" or name == "dist/mermaid.esm.min.mjs":
        return name.removeprefix("dist/")
    if name.startswith("dist/chunks/mermaid.esm.min/") and name.endswith(".mjs"):
        return name.removeprefix("dist/")
    return None


def main() -> int:
    version = version_argument(__doc__)
    if version is None:
        return 2
    target = JS / "vendor" / f"mermaid-{version}"
    files = vendor("mermaid", version, target, keep, "MIT (see LICENSE in this folder)")
    if "mermaid.esm.min.mjs" not in files:
        print(f"mermaid@{version} has no dist/mermaid.esm.min.mjs; this script expects the ESM build.")
        shutil.rmtree(target)
        return 1
    text = LOADER.read_text(encoding="utf-8")
    LOADER.write_text(re.sub(r"vendor/mermaid-\d+\.\d+\.\d+/", f"vendor/mermaid-{version}/", text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
