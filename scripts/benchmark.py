#!/usr/bin/env python3
"""Speed and weight figures for the guide: prints figures, passes or fails nothing.

Usage: ./scripts/benchmark [--no-lighthouse] [--no-sheets] [--runs N] [--only TEXT ...]

1. Builds the site (`mkdocs build --strict`, as the tests do) and prints how long it took.
2. Serves it like GitHub Pages from its subpath on 127.0.0.1 (the tests' PagesHandler),
   with text gzipped as GitHub Pages sends it.
3. For every page in the sitemap, in the system Chromium, prints what a first-time reader
   downloads: gzipped bytes of everything the page loads, the number of requests, and the
   Mermaid bytes on pages with diagrams (tests/weights.py, the same measurement as the
   budget test), and the search index that opening search adds.
4. Runs Lighthouse (mobile, simulated throttling) on every page and prints the
   Performance, Accessibility, Best Practices and SEO scores, with LCP, TBT and CLS.
   Lighthouse is the version pinned in scripts/lighthouse/package-lock.json, installed
   with `npm ci` into .cache/lighthouse on the first run (git-ignored). Chromium is told to
   resolve no host but 127.0.0.1, so nothing leaves the machine; any request Lighthouse
   saw to another address is printed.
5. Prints every page, summary and the card sheet to PDF in Chromium, on A4 and on US
   Letter (harness/printing.py, as tests/test_print.py does), and prints how many sheets
   each takes beside the most it may (guide/handouts.py `MOST_SHEETS`).

Results (the table as JSON, and each Lighthouse report) go to benchmark-results/.
The README's minimum scores come from these figures.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from harness.browser import CHROMIUM_ARGS, chromium_path
from harness.server import GZIP_LEVEL, ROOT, SUBPATH, BuiltSite, GzipPagesHandler, build, free_port
from harness.printing import PAPERS, count_sheets
from harness.weights import BUDGET_SEARCH_INDEX, SEARCH_INDEX_PATH, kb, measure_page

LIGHTHOUSE_SPEC = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE_HOME = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_CLI = LIGHTHOUSE_HOME / "node_modules" / "lighthouse" / "cli" / "index.js"
RESULTS = ROOT / "benchmark-results"
CATEGORIES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO"}
# Headless Chromium for Lighthouse, with no connection to anything but the local server.
LIGHTHOUSE_CHROME_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    "--disable-domain-reliability", "--no-first-run", "--no-default-browser-check",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def chromium() -> str:
    path = chromium_path()
    if not path:
        sys.exit("No Chromium found: run ./scripts/benchmark (it finds one) or set CHROMIUM_PATH.")
    return path


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse into .cache/lighthouse unless it is already there."""
    lock = (LIGHTHOUSE_SPEC / "package-lock.json").read_bytes()
    stamp = LIGHTHOUSE_HOME / ".installed-lock-sha256"
    wanted = hashlib.sha256(lock).hexdigest()
    if LIGHTHOUSE_CLI.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return
    if not shutil.which("npm"):
        sys.exit("Lighthouse needs Node.js and npm; install them, or run with --no-lighthouse.")
    print("Installing the pinned Lighthouse into .cache/lighthouse (first run only) ...", flush=True)
    LIGHTHOUSE_HOME.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(LIGHTHOUSE_SPEC / name, LIGHTHOUSE_HOME / name)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LIGHTHOUSE_HOME, check=True)
    stamp.write_text(wanted + "\n")


def run_lighthouse(url: str, report: Path, origin: str) -> dict:
    """One Lighthouse run (mobile, simulated throttling): scores and the key timings."""
    command = [
        "node", str(LIGHTHOUSE_CLI), url, "--quiet", "--output=json", f"--output-path={report}",
        "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile", "--throttling-method=simulate",
        "--chrome-flags=" + " ".join(LIGHTHOUSE_CHROME_FLAGS),
    ]
    env = {**os.environ, "CHROME_PATH": chromium()}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not report.exists():
        return {"error": (done.stderr or done.stdout).strip().splitlines()[-1:] or ["Lighthouse failed"]}
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {key: round((data["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}
    audits = data["audits"]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    outside = sorted({r["url"] for r in requests if not r["url"].startswith((origin + "/", "data:", "blob:"))})
    below = [
        f"{key}: {audit['title']}" for key, audit in audits.items()
        if audit.get("score") is not None and audit.get("score") < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        and any(key in {ref["id"] for ref in data["categories"][c]["auditRefs"] if ref.get("weight", 0) > 0}
                for c in CATEGORIES if c != "performance")
    ]
    return {
        "scores": scores,
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "outside_requests": outside,
        "failed_audits": below,
    }


def serve(site_dir: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(GzipPagesHandler, site_dir=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="no Lighthouse scores")
    parser.add_argument("--no-sheets", action="store_true", help="no printed sheet counts")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is shown")
    parser.add_argument("--only", nargs="*", default=[], help="only pages whose address contains one of these")
    args = parser.parse_args()

    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    with tempfile.TemporaryDirectory(prefix="guide-benchmark-") as tmp:
        site_dir = Path(tmp) / "site"
        started = time.perf_counter()
        result = build(ROOT, site_dir, base_url)
        build_seconds = time.perf_counter() - started
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            print("The build failed; fix it first (the figures need the real site).")
            return 1
        site = BuiltSite(site_dir, base_url, result.stdout + result.stderr)
        server = serve(site_dir, port)
        try:
            urls = [u for u in site.page_urls() if not args.only or any(o in u for o in args.only)]
            rows, index_weight = measure_weights(site, urls)
            if not args.no_lighthouse:
                ensure_lighthouse()
                RESULTS.mkdir(exist_ok=True)
                for row in rows:
                    print(f"Lighthouse: {row['page']} ...", flush=True)
                    runs = [run_lighthouse(row["url"], RESULTS / f"lighthouse-{slug(row['page'])}-{n}.json", site.origin)
                            for n in range(args.runs)]
                    row["lighthouse"] = median_run(runs)
            sheets = {} if args.no_sheets else measure_sheets(site, urls)
        finally:
            server.shutdown()
    print_report(rows, index_weight, build_seconds, lighthouse=not args.no_lighthouse)
    if sheets:
        print_sheets(site, sheets)
        for row in rows:
            row["sheets"] = sheets.get(row["url"])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps({
        "build_seconds": round(build_seconds, 2),
        "search_index_gzip_bytes": index_weight,
        "pages": [{k: v for k, v in row.items() if k != "url"} for row in rows],
    }, indent=2) + "\n", encoding="utf-8")
    print(f"\nSaved: {RESULTS.relative_to(ROOT)}/latest.json (and each Lighthouse report)")
    return 0


def measure_weights(site: BuiltSite, urls: list[str]) -> tuple[list[dict], int | None]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS, headless=True)
        try:
            for url in urls:
                weight = measure_page(browser, url, site.origin)
                rows.append({
                    "url": url,
                    "page": url.removeprefix(site.base_url) or "(home)",
                    "gzip_bytes": weight.gzip_bytes,
                    "requests": weight.requests,
                    "diagrams": weight.diagrams,
                    "mermaid_gzip_bytes": weight.mermaid_gzip_bytes,
                    "budget_bytes": weight.budget,
                    "biggest": [[r.url.removeprefix(site.base_url), r.gzip_bytes] for r in weight.biggest(3)],
                    "outside_requests": weight.off_origin,
                })

            def open_search(page):
                page.keyboard.press("/")
                page.keyboard.type("knee", delay=20)
                page.locator(".md-search-result__link").first.wait_for(timeout=15000)

            searched = measure_page(browser, site.base_url, site.origin, then=open_search)
            index = [r.gzip_bytes for r in searched.resources if r.url.endswith(SEARCH_INDEX_PATH)]
        finally:
            browser.close()
    return rows, (index[0] if index else None)


def measure_sheets(site: BuiltSite, urls: list[str]) -> dict[str, dict]:
    """{url: {"A4": n, "Letter": n, "most": n}}: the sheets each page prints on."""
    from playwright.sync_api import sync_playwright

    from guide.handouts import most_sheets
    from guide.pages import front_matter_of

    print("Printing every page to PDF (A4 and Letter) ...", flush=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS, headless=True)
        try:
            counts = count_sheets(browser, site.origin, urls)
        finally:
            browser.close()
    for url, count in counts.items():
        address = "/" + url.removeprefix(site.base_url)
        count["most"] = most_sheets(address, front_matter_of(address))
    return counts


def print_sheets(site: BuiltSite, sheets: dict[str, dict]) -> None:
    print("\nPrinted sheets (sides of paper), Chromium's print to PDF:")
    head = f"{'Page':<40} " + " ".join(f"{paper:>6}" for paper in PAPERS) + f" {'Most':>5}"
    print(head + "\n" + "-" * len(head))
    for url, count in sheets.items():
        page = url.removeprefix(site.base_url) or "(home)"
        print(f"{page[:40]:<40} " + " ".join(f"{count[paper]:>6}" for paper in PAPERS) + f" {count['most']:>5}")
    print("-" * len(head))


def median_run(runs: list[dict]) -> dict:
    good = [r for r in runs if "scores" in r]
    if not good:
        return runs[0]
    good.sort(key=lambda r: r["scores"]["performance"])
    return good[len(good) // 2]


def slug(page: str) -> str:
    return page.strip("/").replace("/", "-").replace("(", "").replace(")", "") or "home"


def print_report(rows: list[dict], index_weight: int | None, build_seconds: float, *, lighthouse: bool) -> None:
    print(f"\nBuild (mkdocs build --strict): {build_seconds:.1f} s")
    print("Weights: gzip level 6, 1 KB = 1000 bytes, fresh browser (nothing cached).")
    head = f"{'Page':<36} {'Total':>9} {'Budget':>8} {'Reqs':>5} {'Mermaid':>9}"
    if lighthouse:
        head += f" {'Perf':>5} {'A11y':>5} {'BP':>4} {'SEO':>4} {'LCP s':>6} {'TBT ms':>7} {'CLS':>6}"
    print("\n" + head + "\n" + "-" * len(head))
    for row in rows:
        mermaid = kb(row["mermaid_gzip_bytes"]) if row["diagrams"] else "-"
        line = (f"{row['page'][:36]:<36} {kb(row['gzip_bytes']):>9} {kb(row['budget_bytes']).replace('.0', ''):>8} "
                f"{row['requests']:>5} {mermaid:>9}")
        lh = row.get("lighthouse")
        if lighthouse and lh and "scores" in lh:
            s = lh["scores"]
            line += (f" {s['performance']:>5} {s['accessibility']:>5} {s['best-practices']:>4} {s['seo']:>4}"
                     f" {lh['lcp_ms'] / 1000:>6.2f} {lh['tbt_ms']:>7.0f} {lh['cls']:>6.3f}")
        elif lighthouse and lh:
            line += f"  Lighthouse failed: {' '.join(lh['error'])}"
        print(line)
    print("-" * len(head))
    if index_weight is not None:
        print(f"Search index, loaded when a reader opens search: {kb(index_weight)} (budget {kb(BUDGET_SEARCH_INDEX)})")
    outside = sorted({u for row in rows for u in row["outside_requests"]}
                     | {u for row in rows for u in (row.get("lighthouse") or {}).get("outside_requests", [])})
    print("Requests to other hosts: " + (", ".join(outside) if outside else "none"))
    scored = [row["lighthouse"] for row in rows if "scores" in (row.get("lighthouse") or {})]
    if scored:
        lows = {key: min(r["scores"][key] for r in scored) for key in CATEGORIES}
        print("Lowest scores: " + ", ".join(f"{CATEGORIES[k]} {v}" for k, v in lows.items())
              + f"; median Performance {statistics.median(r['scores']['performance'] for r in scored):.0f}")
        notes = sorted({a for r in scored for a in r["failed_audits"]})
        if notes:
            print("Audits below full marks (Accessibility, Best Practices, SEO):\n  " + "\n  ".join(notes))


if __name__ == "__main__":
    sys.exit(main())
