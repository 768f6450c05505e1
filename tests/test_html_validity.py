"""Every built page is valid HTML, by the Nu HTML Checker (vnu.jar, the checker behind the
W3C's validator.w3.org/nu), a check that nobody on this project wrote.

vnu runs once over every HTML file of the built site (each page, 404.html and any redirect
page), in one Java process, and the test fails on any error, naming the file, line and
message. Warnings and notes are printed but do not fail. Its version is pinned in
scripts/vnu/package-lock.json; ./scripts/test installs it (scripts/_vnu.sh) and Java
(scripts/_java.sh). No browser is needed.

Material's own templates gave 67 errors in 22 files here; the fixes are overrides of
Material's templates, each saying why at its top: overrides/base.html (autocomplete on the
menu and search checkboxes), overrides/partials/nav-item.html (an empty tabindex on the
menu's section labels), overrides/partials/toc.html (a label for a toggle that a section's
index page does not have). A guard first shows that vnu, run this way, does report those
same mistakes.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from sitekit import ROOT

# Every test here runs the checker, a Java program: ./scripts/test --fast leaves them out.
pytestmark = pytest.mark.java

# Where scripts/_vnu.sh installs the pinned checker (it also exports VNU_JAR).
DEFAULT_JAR = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_jar() -> Path:
    jar = Path(os.environ.get("VNU_JAR") or DEFAULT_JAR)
    if not jar.is_file():
        pytest.fail(f"The Nu HTML Checker is not installed ({jar}): run the tests with ./scripts/test, "
                    "which installs the version pinned in scripts/vnu/package-lock.json.", pytrace=False)
    return jar


def vnu(files: list[Path]) -> list[dict]:
    """vnu's messages for `files`, checked in one run: dicts with type ("error", "info" or
    "non-document-error"), subType ("warning", "fatal" ...), url, lastLine, message, extract."""
    assert files, "no files to check"
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        return json.loads(result.stderr)["messages"]  # vnu writes its JSON report to stderr
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu did not give a report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
                    pytrace=False)


def is_error(message: dict) -> bool:
    # "non-document-error" is vnu failing to read a file: that must fail too.
    return message["type"] in ("error", "non-document-error")


def describe(message: dict, root: Path) -> str:
    where = message.get("url", "").removeprefix("file:").removeprefix(str(root) + "/")
    line = f":{message['lastLine']}" if "lastLine" in message else ""
    extract = " ".join(message.get("extract", "").split())
    return f"{where}{line}: {message['message']}" + (f"\n    {extract[:160]}" if extract else "")


# ---- The checker finds the mistakes it is here to find -------------------------------------

GOOD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Good</title></head>
<body>
<form id="toggles" autocomplete="off"></form>
<input type="checkbox" id="drawer" form="toggles">
<label for="drawer">Menu</label>
<p>Fine.</p>
</body></html>
"""
# The three mistakes Material's templates made, each on a line of its own.
BAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bad</title></head>
<body>
<input type="checkbox" id="drawer" autocomplete="off">
<label for="drawer" tabindex="">Menu</label>
<label for="nothing-has-this-id">Contents</label>
</body></html>
"""


def test_the_checker_reports_invalid_html_and_passes_valid_html(tmp_path):
    good, bad = tmp_path / "good.html", tmp_path / "bad.html"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    errors = [m for m in vnu([good, bad]) if is_error(m)]
    assert not [m for m in errors if m["url"].endswith("/good.html")], errors
    found = {(m["lastLine"], m["message"].split(" ")[0]) for m in errors if m["url"].endswith("/bad.html")}
    assert {line for line, _ in found} == {4, 5, 6}, [describe(m, tmp_path) for m in errors]
    assert any("autocomplete" in m["message"] for m in errors)
    assert any("tabindex" in m["message"] for m in errors)
    assert any("for" in m["message"] and "label" in m["message"] for m in errors)


# ---- The built guide ------------------------------------------------------------------------

def test_every_built_page_is_valid_html(site):
    files = sorted(site.dir.rglob("*.html"))
    pages = [site.html_path(url) for url in site.page_urls()]
    assert site.dir / "404.html" in files and set(pages) <= set(files), "not every page would be checked"
    messages = vnu(files)
    errors = [describe(m, site.dir) for m in messages if is_error(m)]
    warnings = [describe(m, site.dir) for m in messages if m.get("subType") == "warning"]
    if warnings:  # shown with -s or on failure; they do not fail the test
        print(f"vnu: {len(warnings)} warnings\n" + "\n".join(warnings))
    assert not errors, (
        f"vnu reports {len(errors)} errors in {len(files)} files. Fix the template or page that writes "
        "the HTML (a Material template: copy it from Material into overrides/ and change the least, "
        "saying why):\n" + "\n".join(errors)
    )
