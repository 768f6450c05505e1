#!/usr/bin/env python3
"""Vendor a pinned Mermaid build into the site, so no page ever loads it from a CDN.

Usage: python scripts/update_mermaid.py 11.17.2

It asks npm for the package (`npm pack mermaid@VERSION`), keeps only the ESM build
(`mermaid.esm.min.mjs` and the chunks it imports; a page loads just the chunks its
diagram type needs) and the licence, and writes
docs/assets/javascripts/vendor/mermaid-VERSION/ with a VENDOR.json that records the
version and the SHA-256 of the tarball and of every file. The tests check those hashes,
so a hand-edited vendor file fails the build. Afterwards it points
docs/assets/javascripts/diagrams.mjs at the new folder and removes the old one.
Run the tests after an update: a new Mermaid can change how diagrams render.
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
JS = ROOT / "docs" / "assets" / "javascripts"
VENDOR = JS / "vendor"
LOADER = JS / "diagrams.mjs"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main() -> int:
    if len(sys.argv) != 2 or not re.fullmatch(r"\d+\.\d+\.\d+", sys.argv[1]):
        print(__doc__)
        return 2
    version = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", f"mermaid@{version}", "--silent"],
            cwd=tmp, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        tarball = Path(tmp) / out
        tar_sha = sha256(tarball.read_bytes())
        target = VENDOR / f"mermaid-{version}"
        if target.exists():
            shutil.rmtree(target)
        files = {}
        with tarfile.open(tarball) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/")
                keep = (
                    name == "LICENSE"
                    or name == "dist/mermaid.esm.min.mjs"
                    or (name.startswith("dist/chunks/mermaid.esm.min/") and name.endswith(".mjs"))
                )
                if not keep or not member.isfile():
                    continue
                data = tar.extractfile(member).read()
                rel = name.removeprefix("dist/")
                dest = target / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
                files[rel] = sha256(data)
    if "mermaid.esm.min.mjs" not in files:
        print(f"mermaid@{version} has no dist/mermaid.esm.min.mjs; this script expects the ESM build.")
        return 1
    (target / "VENDOR.json").write_text(json.dumps({
        "package": "mermaid",
        "version": version,
        "licence": "MIT (see LICENSE in this folder)",
        "obtained_with": f"npm pack mermaid@{version}",
        "tarball_sha256": tar_sha,
        "files_sha256": dict(sorted(files.items())),
    }, indent=2) + "\n", encoding="utf-8")
    text = LOADER.read_text(encoding="utf-8")
    new = re.sub(r"vendor/mermaid-\d+\.\d+\.\d+/", f"vendor/mermaid-{version}/", text)
    LOADER.write_text(new, encoding="utf-8")
    for old in VENDOR.glob("mermaid-*"):
        if old != target:
            shutil.rmtree(old)
    print(f"Vendored mermaid {version}: {len(files)} files, tarball sha256 {tar_sha}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
