"""The real guide builds strictly, cleanly, offline and for the Pages subpath."""
from __future__ import annotations

import hashlib
import json
import re

from sitekit import ROOT

VENDOR = ROOT / "docs" / "assets" / "javascripts" / "vendor"


def test_assets_are_addressed_under_the_subpath(site):
    """404.html is served for any missing address, so its links must be absolute and
    include the subpath; other pages use relative links, which work from any depth."""
    html = (site.dir / "404.html").read_text(encoding="utf-8")
    for attr in re.findall(r'(?:href|src)="([^"#]+)"', html):
        if attr.startswith(("http://", "https://", "mailto:", "data:")):
            assert attr.startswith(site.base_url) or not attr.startswith(site.origin), attr
            continue
        assert attr.startswith("/sciatica-knee-pain/"), f"404.html links to {attr}, which breaks under the subpath"


def test_no_page_points_at_another_host_for_assets(site):
    """Scripts, styles, fonts, images and frames all come from the site itself."""
    offenders = []
    for path in site.dir.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for tag, attr, url in re.findall(
            r"<(script|link|img|iframe|source|video|audio)\b[^>]*?\b(src|href)=\"(https?://[^\"]+)\"", html
        ):
            if tag == "link" and re.search(r'rel="(canonical|alternate)"', html[html.find(url) - 200 : html.find(url)]):
                continue
            if url.startswith(site.origin):
                continue
            offenders.append(f"{path.relative_to(site.dir)}: <{tag} {attr}={url}>")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html, path
    for path in site.dir.rglob("*.css"):
        css = path.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"url\((['\"]?)(https?://[^)'\"]+)\1\)", css):
            offenders.append(f"{path.relative_to(site.dir)}: url({url[1]})")
    assert not offenders, "assets from other hosts:\n" + "\n".join(offenders)


def test_vendored_mermaid_matches_its_record():
    """The pinned Mermaid is exactly what scripts/update_mermaid.py downloaded."""
    folders = sorted(VENDOR.glob("mermaid-*"))
    assert len(folders) == 1, f"expected one pinned Mermaid in {VENDOR}, found {folders}"
    record = json.loads((folders[0] / "VENDOR.json").read_text(encoding="utf-8"))
    assert folders[0].name == f"mermaid-{record['version']}"
    assert (folders[0] / "LICENSE").is_file(), "Mermaid's licence must ship with it"
    on_disk = {
        p.relative_to(folders[0]).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folders[0].rglob("*") if p.is_file() and p.name != "VENDOR.json"
    }
    assert on_disk == record["files_sha256"], (
        "vendored Mermaid files differ from VENDOR.json: re-run ./scripts/update-mermaid "
        f"{record['version']} instead of editing them"
    )
    loader = (ROOT / "docs/assets/javascripts/diagrams.mjs").read_text(encoding="utf-8")
    assert f"vendor/mermaid-{record['version']}/mermaid.esm.min.mjs" in loader


def test_diagram_pages_get_the_local_loader_only(site):
    """mermaid2 adds its import to diagram pages, pointing at our loader, never a CDN."""
    diagram_pages = 0
    for path in site.dir.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        imports = re.findall(r'import mermaid from "([^"]+)"', html)
        if 'class="mermaid"' in html:
            diagram_pages += 1
            assert imports and all(i.endswith("assets/javascripts/diagrams.mjs") for i in imports), path
            assert all(i.startswith(("./", "../")) for i in imports), f"{path}: bare import {imports}"
        assert "unpkg.com" not in html and "cdn.jsdelivr" not in html, path
        assert '<pre class="mermaid"' not in html, f"{path}: Material would load Mermaid from a CDN"
    assert diagram_pages >= 1
