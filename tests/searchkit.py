"""Typing into the guide's own search box and reading what it shows, as a reader would.

Used by tests/test_search_queries.py (the lay query set in tests/search_queries.yml) and
tests/test_search.py. Queries are typed key by key into Material's search box on the built
site; the results are read from the page, not from the search index, so the check covers
Material's ranking, its grouping of sections under their page, and what it renders.

Knowing when the results for the whole query are on screen: Material sends each new value
of the box to its search worker and draws the answer when it comes back. A test-only
script, tests/probes/search_worker.js, added before the page's own scripts run, counts the
queries sent and the answers that have been drawn, and notes the box's value at each
send, so `ask` waits for the answer to the last key press instead of guessing with a
timeout.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from harness.browser import goto, open_context, probe, watch

QUERIES_FILE = Path(__file__).resolve().parent / "search_queries.yml"
TOP = 3  # a query passes when a wanted page is among the first TOP results
PASS_RATE = 0.9


@dataclass
class Result:
    """One result as the reader sees it: a page, with the sections listed under it."""

    address: str  # as in the site map: "/", "/causes/"
    title: str
    sections: list[str] = field(default_factory=list)
    text: str = ""  # everything the result shows, titles included

    def __str__(self) -> str:
        return f"{self.address} ({self.title})"


@dataclass
class Query:
    q: str
    want: list[str]
    misspelled: bool = False


@dataclass
class Outcome:
    query: Query
    results: list[Result]

    @property
    def rank(self) -> int | None:
        """1-based position of the first wanted page among the first TOP results."""
        for i, result in enumerate(self.results[:TOP], 1):
            if result.address in self.query.want:
                return i
        return None

    @property
    def passed(self) -> bool:
        return self.rank is not None

    def describe(self) -> str:
        got = "; ".join(f"{i}. {r}" for i, r in enumerate(self.results[:5], 1)) or "no results"
        tag = " [misspelling]" if self.query.misspelled else ""
        return f'"{self.query.q}"{tag}: wanted {" or ".join(self.query.want)}; got {got}'


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    return [Query(q=str(item["q"]), want=list(item["want"]), misspelled=bool(item.get("misspelled")))
            for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def address_of(href: str, base_url: str) -> str:
    """/causes/ for http://host/sciatica-knee-pain/causes/?h=disc#part."""
    parts = urlsplit(href)
    base = urlsplit(base_url).path
    path = parts.path
    return "/" + path[len(base):] if path.startswith(base) else path


def open_search_page(browser, site, url: str | None = None, **context_options):
    """A fresh context and page with the worker probe, opened at `url` (the home page)."""
    context, visit = open_context(browser, site.origin, **context_options)
    context.add_init_script(probe("search_worker"))
    page = context.new_page()
    watch(page, visit)
    goto(page, url or site.base_url)
    return context, page, visit


def ask(page, words: str, base_url: str) -> list[Result]:
    """Put `words` in the search box, the last letter typed, and wait for Material to draw
    their results. All but the last letter are filled in at once: Material searches on
    each key released, so typing every letter would run a search per letter and make the
    78 queries of tests/search_queries.yml slow, for results only the last search shows."""
    box = page.locator(".md-search__input")
    if not page.evaluate("document.getElementById('__search').checked"
                         " && document.activeElement && document.activeElement.matches('.md-search__input')"):
        box.click()  # opens search
    box.fill(words[:-1])
    page.keyboard.type(words[-1:])
    page.wait_for_function(
        "([words]) => window.__search && window.__search.last === words"
        " && window.__search.drawn >= window.__search.sent",
        arg=[words], timeout=15000,
    )
    return read_results(page, base_url)


def read_results(page, base_url: str) -> list[Result]:
    raw = page.evaluate(probe("search_results"))
    return [Result(address_of(r["href"], base_url), r["title"], r["sections"], r["text"]) for r in raw]


def evaluate(page, queries: list[Query], base_url: str) -> list[Outcome]:
    return [Outcome(query, ask(page, query.q, base_url)) for query in queries]


def report(outcomes: list[Outcome]) -> str:
    passed = sum(o.passed for o in outcomes)
    lines = [f"{passed} of {len(outcomes)} queries found a wanted page in the first {TOP} results "
             f"({passed / len(outcomes):.0%}; at least {PASS_RATE:.0%} needed, and every misspelling)."]
    misses = [o for o in outcomes if not o.passed]
    if misses:
        lines.append("Misses (query: wanted; the results that came instead):")
        lines += [f"  {o.describe()}" for o in misses]
    return "\n".join(lines)
