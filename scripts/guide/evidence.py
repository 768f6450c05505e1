"""The words the guide uses to say how sure we are about a treatment (CONTRIBUTING.md,
"Words"; the About page explains each). One list, checked on every page: a label written
any other way fails (tests/test_content.py)."""
from __future__ import annotations

import re

EVIDENCE_WORDS = (
    "Good evidence it helps",
    "Some evidence it may help",
    "Not enough evidence to know",
    "Good evidence it does not help",
    "Guidelines advise against it",
)
# Where a label stands: after "**Evidence:**" or "**Evidence for sciatica:**" in a
# treatment's list, or in a table's "Evidence" column.
LABEL = re.compile(r"\*\*Evidence[^*]*:\*\*\s*(?P<label>[^.\n]+)")


def labels_in(markdown: str) -> list[tuple[int, str]]:
    """(line, label) for every evidence label in a page's Markdown."""
    found = [(markdown[:m.start()].count("\n") + 1, m["label"].strip()) for m in LABEL.finditer(markdown)]
    lines = markdown.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("|") and "evidence" in line.lower() and n + 1 < len(lines) and set(lines[n + 1]) <= set("|-: "):
            column = [c.strip().lower() for c in line.strip("|").split("|")].index(
                next(c.strip().lower() for c in line.strip("|").split("|") if "evidence" in c.lower()))
            for m, row in enumerate(lines[n + 2:], start=n + 3):
                if not row.startswith("|"):
                    break
                cells = [c.strip() for c in row.strip("|").split("|")]
                if column < len(cells):
                    found.append((m, cells[column]))
    return found


def wrong_labels(markdown: str) -> list[tuple[int, str]]:
    return [(line, label) for line, label in labels_in(markdown) if not label.startswith(EVIDENCE_WORDS)]
