"""What a page of the guide costs a reader to download, measured in a real Chromium.

One place for this measurement, used by tests/test_budgets.py (budgets: pass or fail) and
scripts/benchmark.py (figures). A page is opened in a fresh browser context (no cache,
no storage), as a first-time reader on a phone would open it; every response it gets is
recorded (the page, its CSS, JavaScript, fonts, images, and anything its scripts and
workers fetch, such as Material's search index) until the network is quiet: that is the
page's first load. Diagrams are drawn only when the reader comes near them, so Mermaid is
not part of a first load; `and_drawn=True` then has the reader reach every diagram
(settle.draw_diagrams) and weighs the same visit again, and `then=` (for example opening
search) adds what the reader downloads next. Each body is then gzipped at level 6
(what GitHub Pages' servers use for text), so the figure is the bytes sent over the wire
and does not depend on how fast the machine running the tests is. 1 KB here is 1000 bytes.

Requests to any other host are blocked and listed: the guide makes none.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .browser import open_context, probe
from .server import GZIP_LEVEL
from .settle import DIAGRAMS_DRAWN, draw_diagrams

KB = 1000

# Budgets in gzipped bytes, for everything one page loads (see the README).
# Material's own CSS and JavaScript are about 75 KB of each; the rest is the guide's.
# A first load is the same for every page, with diagrams or without: Mermaid waits until
# the reader comes near a diagram (docs/assets/javascripts/diagrams.mjs).
BUDGET_FIRST_LOAD = 130 * KB
# A page with diagrams once the reader has reached every one (Mermaid is about 235 KB).
BUDGET_DIAGRAMS_DRAWN = 360 * KB
# Requests on a first load: the page, its five stylesheets and six scripts (Material's
# bundle and search worker, diagrams.mjs, copy-link.js, keyboard-fixes.js, search.js,
# tooltips.js), the favicon and the sitemap that instant navigation reads. Each one more
# is a round trip on a slow phone: the next small script should join one of these.
BUDGET_FIRST_LOAD_REQUESTS = 15
# The search index (the text of every page) is fetched only when a reader opens search
# (docs/assets/javascripts/search-on-demand.js). Its own budget keeps that first search
# quick: 70 KB is about 1.5 seconds on a slow mobile connection (400 kbit/s).
BUDGET_SEARCH_INDEX = 70 * KB

# The screen a first load is measured on: Lighthouse's phone (Moto G Power), in CSS pixels.
PHONE = {"width": 412, "height": 823}

# Mermaid's files, counted separately on diagram pages.
MERMAID_PATH = "/vendor/mermaid-"
SEARCH_INDEX_PATH = "search/search_index.json"


def mermaid_requests(visit) -> list[str]:
    """The addresses of the Mermaid files a visit (harness.browser.Visit) fetched."""
    return [r.url for r in visit.responses if MERMAID_PATH in r.url]

@dataclass
class Resource:
    url: str
    status: int
    kind: str  # Chromium's resource type: document, stylesheet, script, font, fetch, ...
    raw_bytes: int
    gzip_bytes: int


@dataclass
class PageWeight:
    url: str
    resources: list[Resource] = field(default_factory=list)
    off_origin: list[str] = field(default_factory=list)
    diagrams: int = 0
    # Measured after the reader reached every diagram (settle.draw_diagrams), not at first load.
    drawn: bool = False
    # The same visit once the reader has reached every diagram (measure_page(and_drawn=True)).
    once_drawn: PageWeight | None = None

    @property
    def gzip_bytes(self) -> int:
        return sum(r.gzip_bytes for r in self.resources)

    @property
    def requests(self) -> int:
        return len(self.resources)

    @property
    def mermaid_gzip_bytes(self) -> int:
        return sum(r.gzip_bytes for r in self.resources if MERMAID_PATH in r.url)

    @property
    def loads_search_index(self) -> bool:
        return any(urlsplit(r.url).path.endswith(SEARCH_INDEX_PATH) for r in self.resources)

    @property
    def budget(self) -> int:
        return BUDGET_DIAGRAMS_DRAWN if self.drawn and self.diagrams else BUDGET_FIRST_LOAD

    def biggest(self, count: int = 8) -> list[Resource]:
        return sorted(self.resources, key=lambda r: r.gzip_bytes, reverse=True)[:count]

    def over_budget_report(self, base_url: str = "") -> str:
        """What a maintainer needs when a page is too heavy: total, budget, biggest files."""
        kind = ("page with diagrams once every one is drawn" if self.drawn and self.diagrams
                else "first load of a page")
        lines = [
            f"{self.url} loads {kb(self.gzip_bytes)} gzipped in {self.requests} requests; "
            f"the budget for the {kind} is {kb(self.budget)}. Biggest files:"
        ]
        for r in self.biggest():
            name = r.url.removeprefix(base_url) if base_url else r.url
            lines.append(f"    {kb(r.gzip_bytes):>9}  {name or '(the page itself)'}")
        return "\n".join(lines)


def kb(size: int) -> str:
    return f"{size / KB:.1f} KB"


def gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))


def measure_page(browser, url: str, origin: str, *, then=None, init_script: str | None = None,
                 and_drawn: bool = False, **context_options) -> PageWeight:
    """Open `url` in a fresh context and weigh everything its first load fetches.

    `then(page)`, if given, runs after the page has settled (e.g. opening search, or
    settle.draw_diagrams) and whatever that loads is counted too. `init_script` runs in
    the page before its own scripts (e.g. a probe that records layout shifts). With
    `and_drawn`, a page with diagrams then has the reader reach every one, and the
    weight's `once_drawn` is everything the same visit loaded by then (one visit for
    both figures)."""
    context, visit = open_context(browser, origin, **context_options)
    if init_script:
        context.add_init_script(init_script)
    responses = []
    # Context-level, so requests from workers (Material's search worker) are included.
    context.on("response", lambda response: responses.append(response))
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        diagrams = page.locator("div.mermaid").count()
        if diagrams:
            # On a busy machine the network can be quiet before diagrams.mjs has run; a
            # first load is only over once it has set up the diagrams (and has had time to
            # start fetching anything it would fetch).
            page.wait_for_function(probe("diagrams_set_up"), timeout=30000)
            page.wait_for_timeout(500)
            page.wait_for_load_state("networkidle")
        if then is not None:
            then(page)
            page.wait_for_load_state("networkidle")
        drawn = bool(diagrams) and page.evaluate(DIAGRAMS_DRAWN)
        weight = weigh(list(responses), url, origin, diagrams, drawn, visit.off_origin)
        if and_drawn and diagrams:
            draw_diagrams(page)  # resolves once every diagram is drawn: Mermaid has arrived
            weight.once_drawn = weigh(list(responses), url, origin, diagrams, True, visit.off_origin)
        return weight
    finally:
        context.close()


def weigh(responses: list, url: str, origin: str, diagrams: int, drawn: bool, off_origin) -> PageWeight:
    """A PageWeight of these responses from the site (their bodies gzipped)."""
    weight = PageWeight(url=url, diagrams=diagrams, drawn=drawn, off_origin=list(off_origin))
    for response in responses:
        if not response.url.startswith(origin + "/"):
            continue
        if 300 <= response.status < 400:
            body = b""  # a redirect has no body worth counting
        else:
            body = response.body()
        weight.resources.append(Resource(
            url=response.url, status=response.status, kind=response.request.resource_type,
            raw_bytes=len(body), gzip_bytes=gzip_size(body),
        ))
    return weight
