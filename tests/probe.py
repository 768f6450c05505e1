"""In-page JavaScript for the browser tests: each probe is a function in tests/probes/NAME.js,
kept as JavaScript (not in Python strings) so it can be read, linted and reused."""
from __future__ import annotations

from functools import cache
from pathlib import Path

PROBES = Path(__file__).resolve().parent / "probes"


@cache
def probe(name: str) -> str:
    """The source of tests/probes/NAME.js, for page.evaluate(probe(NAME), argument)."""
    return (PROBES / f"{name}.js").read_text(encoding="utf-8")
