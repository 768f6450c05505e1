"""The fixtures every test shares: the built guide, served like GitHub Pages, and a real
Chromium. The machinery behind them (building, serving, browsing) is in scripts/harness/,
which the maintainer scripts use too; this file holds fixtures only.

The guide is built once per test run with `mkdocs build --strict`, into a temporary folder,
with `site_url` set to the local server's address under the project subpath
(http://127.0.0.1:PORT/sciatica-knee-pain/), exactly as the deploy workflow sets it for
https://OWNER.github.io/REPO/. Every page a browser test opens records console errors,
failed requests and any request that leaves the site's origin; requests to other hosts are
blocked, so a test passes or fails the same way with no network at all.

Any test that uses the `browser` fixture is marked `browser` here, so
`./scripts/test --fast` (pytest -m "not browser") runs everything else.

`./scripts/test --fast` runs its checks in two processes (pytest-xdist, `--dist
loadgroup`), each with its own build. Tests that share a fixture bigger than one test (the
crawl, the first loads, the printouts, the drawn diagrams, or a module's fixture) are put in one group
here, so that fixture would be made once, not once per process. The full run is one
process (CONTRIBUTING.md, "Code", says why).
"""
from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass

import pytest

from harness.browser import CHROMIUM_ARGS, chromium_path, fresh_page, probe
from harness.weights import PHONE, PageWeight, measure_page
from harness.server import ROOT, BuiltSite, build, free_port, serving, SUBPATH
from crawl import PageVisit, crawl
from drawn_diagrams import DrawnPalette, draw_every_diagram_page
from printouts import Printout, print_every_page
from sitekit import FixtureSite


# Before pytest-xdist's own hook, which reads the xdist_group marks added here.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        group = shared_work(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def shared_work(item) -> str | None:
    """The group of tests that must run in the same process as this one, if any: every
    test that reads the crawl, or every test of a module with a module- or class-scoped
    fixture. Other tests may run anywhere."""
    for shared in ("crawled", "first_loads", "printouts", "drawn"):
        if shared in item.fixturenames:
            return shared
    # _fixtureinfo is pytest's record of the fixtures a test uses; no public API says a
    # fixture's scope.
    definitions = getattr(item, "_fixtureinfo", None)
    for defs in (definitions.name2fixturedefs.values() if definitions else ()):
        if any(d.scope in ("module", "class", "package") for d in defs):
            return item.module.__name__
    return None


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real guide, built strictly and served under the Pages subpath."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build(ROOT, site_dir, base_url)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"`mkdocs build --strict` failed; fix the problems it lists:\n{output}", pytrace=False)
    with serving(site_dir, port):
        yield BuiltSite(site_dir, base_url, output)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> FixtureSite:
    """A small project of correct fixture pages (tests/sitekit.py), built once, with its
    own site_url and build date. Tests check what the real guide cannot show: an overdue
    page, a link preview of awkward text, the clinicians list of a known set of pages."""
    return FixtureSite(tmp_path_factory.mktemp("fixture"))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path:
        pytest.fail("No Chromium found: run the tests with ./scripts/test, which finds or installs one, "
                    "or set CHROMIUM_PATH.", pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def crawled(browser, site) -> list[PageVisit]:
    """Every page and the 404 page visited once (tests/crawl.py): what the page-load,
    image, heading, axe (light palette) and keyboard checks read."""
    return crawl(browser, site)


FONT_FACES = probe("font_faces")
SHIFTS = probe("shifts")


@dataclass
class FirstLoad:
    """A page's first load on a phone, as a first-time reader gets it."""
    weight: PageWeight  # every response, gzipped (tests/test_budgets.py)
    fonts: dict  # @font-face rules and registered faces (tests/test_fonts.py)
    shifts: list[dict]  # layout shifts while it loaded (tests/test_fonts.py)


@pytest.fixture(scope="session")
def first_loads(site, browser) -> list[FirstLoad]:
    """Every page (site.pages_to_open) opened once on Lighthouse's phone screen in a fresh
    context: what the weight budgets, the web-font check and the layout-shift check read.
    A first load is what arrives before the reader scrolls; then, on a diagram page, the
    reader reaches every diagram, for the budget once drawn (weight.once_drawn)."""
    loads = []
    for url in site.pages_to_open():
        seen = {}

        def read(page):
            seen["fonts"] = page.evaluate(FONT_FACES)
            seen["shifts"] = page.evaluate("window.__guideShifts")

        weight = measure_page(browser, url, site.origin, viewport=PHONE, init_script=SHIFTS, then=read, and_drawn=True)
        loads.append(FirstLoad(weight, seen["fonts"], seen["shifts"]))
    return loads


@pytest.fixture(scope="session")
def printouts(browser, site) -> list[Printout]:
    """Every page printed on A4 and Letter, one load each (tests/printouts.py): what the
    print checks (tests/test_print.py) and the handout checks (tests/test_handouts_print.py)
    read."""
    return print_every_page(browser, site)


@pytest.fixture(scope="session")
def drawn(browser, site) -> dict[str, DrawnPalette]:
    """{palette: DrawnPalette}: every diagram page opened once in each palette, every
    diagram drawn, read and walked by keyboard (tests/drawn_diagrams.py): what the diagram
    checks in tests/test_diagrams.py and tests/test_diagram_design.py read."""
    return draw_every_diagram_page(browser, site)


@pytest.fixture
def visit_page(browser, site):
    """visit_page(url, **context options) -> (page, visit), closed after the test."""
    with ExitStack() as pages:
        yield lambda url, **options: pages.enter_context(fresh_page(browser, site.origin, url, **options))
