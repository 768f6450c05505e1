#!/usr/bin/env python3
"""Vendor a pinned axe-core build for the accessibility tests (never fetched at test time).

Usage: ./scripts/update-axe 4.14.1

It keeps only `axe.min.js` and the licences, in tests/vendor/axe-core-VERSION/ with a
VENDOR.json of hashes (see scripts/vendor_npm.py); tests/test_accessibility.py checks the
hash before injecting the script. Run the tests afterwards: a new axe-core can add rules,
and the site must then be fixed, not the rule turned off.
"""
import shutil
import sys
from pathlib import Path

from vendor_npm import vendor, version_argument

ROOT = Path(__file__).resolve().parent.parent
KEEP = {"axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt"}


def main() -> int:
    version = version_argument(__doc__)
    if version is None:
        return 2
    target = ROOT / "tests" / "vendor" / f"axe-core-{version}"
    files = vendor("axe-core", version, target, lambda name: name if name in KEEP else None,
                   "MPL-2.0 (see LICENSE in this folder)")
    if "axe.min.js" not in files:
        print(f"axe-core@{version} has no axe.min.js; this script expects it at the package root.")
        shutil.rmtree(target)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
