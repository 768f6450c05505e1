#!/usr/bin/env python3
"""Editorial report: one row per page with its words, reading grade, longest sentence,
number of sources and review dates. Figures for the editors, not a pass or fail.

Usage (from the repository root, after ./scripts/test or ./scripts/serve has made .venv):
    ./scripts/report              # builds the site first
    ./scripts/report --site site  # reads an existing build

Reading grade: Flesch-Kincaid of the page's visible prose (see scripts/readability.py);
patient pages must stay at 8 or below, clinician pages at 12 or below.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from guide import pages, readability
from guide.front_matter import GRADE_LIMITS
from harness.server import ROOT, build


def rows(site_dir: Path):
    today = dt.date.today()
    for md in pages.all_pages():
        address = pages.address_of(md.relative_to(ROOT / "docs").as_posix())
        front = pages.front_matter(md)
        prose = readability.measure_file(site_dir / address.strip("/") / "index.html")
        longest = len(prose.longest[0].split()) if prose.longest else 0
        audience = front.get("audience", "?")
        flag = " OVER" if prose.grade > GRADE_LIMITS.get(audience, 8.0) else ""
        due = front.get("next_review")
        if isinstance(due, dt.date) and due < today:
            flag += " OVERDUE"
        yield (address, audience, prose.words, f"{prose.grade}{flag}", longest,
               len(front.get("sources") or []), str(front.get("reviewed")), str(due))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build to read instead of building")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.site or Path(tmp) / "site"
        if not args.site:
            result = build(ROOT, site_dir, None)  # the address in mkdocs.yml
            if result.returncode:
                sys.exit(result.stdout + result.stderr)
        head = ("page", "audience", "words", "grade", "longest sentence (words)", "sources", "reviewed", "next review")
        table = [head] + [tuple(str(c) for c in row) for row in rows(site_dir)]
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for i, row in enumerate(table):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
