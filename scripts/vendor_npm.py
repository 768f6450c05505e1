"""Copy files out of a pinned npm package into the repository, with a record of their hashes.

Shared by scripts/update_mermaid.py (the site's Mermaid) and scripts/update_axe.py (the
tests' axe-core). The package comes from `npm pack NAME@VERSION` (npm's own client, as
set up on the machine); nothing is fetched at build or test time. The target folder gets
a VENDOR.json with the version and the SHA-256 of the tarball and of every kept file,
which the tests compare with the files, so a hand-edited vendored file is caught.
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Callable


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def version_argument(usage: str) -> str | None:
    """The X.Y.Z version from the command line, or None after printing the usage."""
    if len(sys.argv) != 2 or not re.fullmatch(r"\d+\.\d+\.\d+", sys.argv[1]):
        print(usage)
        return None
    return sys.argv[1]


def vendor(package: str, version: str, target: Path, keep: Callable[[str], str | None],
           licence: str) -> dict[str, str]:
    """Unpack the files `keep` selects into `target`; return {path in target: sha256}.

    `keep(name)` gets each path inside the package (without "package/") and returns the
    path to write it to inside `target`, or None to leave it out. Other versions' folders
    beside `target` (same package, another version) are removed afterwards.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", f"{package}@{version}", "--silent"],
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
                rel = keep(member.name.removeprefix("package/")) if member.isfile() else None
                if rel is None:
                    continue
                data = tar.extractfile(member).read()
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                (target / rel).write_bytes(data)
                files[rel] = sha256(data)
    (target / "VENDOR.json").write_text(json.dumps({
        "package": package,
        "version": version,
        "licence": licence,
        "obtained_with": f"npm pack {package}@{version}",
        "tarball_sha256": tar_sha,
        "files_sha256": dict(sorted(files.items())),
    }, indent=2) + "\n", encoding="utf-8")
    for old in target.parent.glob(f"{package}-*"):
        if old != target and re.fullmatch(rf"{re.escape(package)}-\d+\.\d+\.\d+", old.name):
            shutil.rmtree(old)
    print(f"Vendored {package} {version}: {len(files)} files, tarball sha256 {tar_sha}")
    return files
