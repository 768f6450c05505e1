#!/usr/bin/env python3
"""Vendor a pinned axe-core build for the accessibility tests (never fetched at test time).

Usage: python scripts/update_axe.py 4.14.1

It asks npm for the package (`npm pack axe-core@VERSION`), keeps only `axe.min.js` and
the licence, and writes tests/vendor/axe-core-VERSION/ with a VENDOR.json that records the
version and the SHA-256 of the tarball and of each file. tests/test_accessibility.py
checks the hash before injecting the script, so a hand-edited copy fails the tests.
Older axe-core folders are removed. Run the tests afterwards: a new axe-core can add
rules, and the site must then be fixed, not the rule turned off.
"""
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "tests" / "vendor"
KEEP = {"axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main() -> int:
    if len(sys.argv) != 2 or not re.fullmatch(r"\d+\.\d+\.\d+", sys.argv[1]):
        print(__doc__)
        return 2
    version = sys.argv[1]
    target = VENDOR / f"axe-core-{version}"
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", f"axe-core@{version}", "--silent"],
            cwd=tmp, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        tarball = Path(tmp) / out
        tar_sha = sha256(tarball.read_bytes())
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        files = {}
        with tarfile.open(tarball) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/")
                if name not in KEEP or not member.isfile():
                    continue
                data = tar.extractfile(member).read()
                (target / name).write_bytes(data)
                files[name] = sha256(data)
    if "axe.min.js" not in files:
        print(f"axe-core@{version} has no axe.min.js; this script expects it at the package root.")
        shutil.rmtree(target)
        return 1
    (target / "VENDOR.json").write_text(json.dumps({
        "package": "axe-core",
        "version": version,
        "licence": "MPL-2.0 (see LICENSE in this folder)",
        "obtained_with": f"npm pack axe-core@{version}",
        "tarball_sha256": tar_sha,
        "files_sha256": dict(sorted(files.items())),
    }, indent=2) + "\n", encoding="utf-8")
    for old in VENDOR.glob("axe-core-*"):
        if old != target:
            shutil.rmtree(old)
    print(f"Vendored axe-core {version}: {', '.join(sorted(files))}; tarball sha256 {tar_sha}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
