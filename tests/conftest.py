"""Shared test fixtures: the built guide, served like GitHub Pages, and a real Chromium.

The guide is built once per test run with `mkdocs build --strict`, into a temporary folder,
with `site_url` set to the local server's address under a project subpath
(http://127.0.0.1:PORT/sciatica-knee-pain/), exactly as the deploy workflow sets it for
https://OWNER.github.io/REPO/. The server answers only under that subpath and serves
404.html with status 404 for anything else, as GitHub Pages does.

Chromium is the system one (scripts/test finds or installs it and sets CHROMIUM_PATH);
Playwright drives it. Every page a test opens records console errors, failed requests and
any request that leaves the site's origin; requests to other hosts are blocked, so a test
also passes or fails the same way with no network at all.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitekit import ROOT, build

SUBPATH = "/sciatica-knee-pain/"


@dataclass
class BuiltSite:
    dir: Path
    base_url: str  # http://127.0.0.1:PORT/sciatica-knee-pain/
    output: str  # everything mkdocs printed

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    def page_urls(self) -> list[str]:
        """Every page address, from the built sitemap (what search engines see)."""
        tree = ET.parse(self.dir / "sitemap.xml")
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        return [loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)]

    def html_path(self, url: str) -> Path:
        """The built file behind a page address."""
        rel = url.removeprefix(self.base_url)
        return self.dir / rel / "index.html" if rel.endswith("/") or not rel else self.dir / rel


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under SUBPATH, with GitHub Pages' 404 behaviour."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    def __init__(self, *args, site_dir: Path, **kwargs):
        self.site_dir = site_dir
        super().__init__(*args, directory=str(site_dir), **kwargs)

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return str(self.site_dir / "__outside_subpath__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # redirect to the address with a slash
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            body = (self.site_dir / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, format, *args):  # keep test output readable
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    handler = functools.partial(PagesHandler, site_dir=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(site_dir, base_url, output)
    server.shutdown()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("No Chromium found: run the tests with ./scripts/test, which finds or installs one, "
                    "or set CHROMIUM_PATH.", pytrace=False)
    return path


# Flags for a headless Chromium on a machine with no outside network: no background
# connections to Google's services, no sandbox (tests may run as root in CI).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class Visit:
    """What happened while a page was open."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    off_origin: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"failed request: {f}" for f in self.failed]
            + [f"request to another host: {u}" for u in self.off_origin]
        )


def open_context(browser, site: BuiltSite, *, color_scheme: str = "light", **options):
    """A fresh browser context (no cache, no storage) that blocks and records other hosts."""
    context = browser.new_context(color_scheme=color_scheme, **options)
    visit = Visit()

    def route(route):
        url = route.request.url
        if url.startswith(site.origin + "/") or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            visit.off_origin.append(url)
            route.abort()

    context.route("**/*", route)
    return context, visit


def watch(page, visit: Visit, expect_status: dict[str, int] | None = None) -> None:
    """Record console errors, page errors, failed requests and error responses."""
    expect_status = expect_status or {}
    def on_console(message):
        # Chromium also logs the expected error status of the page itself (the 404 page).
        if message.type == "error" and message.location.get("url") not in expect_status:
            visit.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url} ({r.failure})"))

    def on_response(response):
        visit.responses.append(response)
        if response.status >= 400 and expect_status.get(response.url) != response.status:
            visit.failed.append(f"{response.url} answered {response.status}")

    page.on("response", on_response)


@pytest.fixture
def visit_page(browser, site):
    """visit_page(url, **context options) -> (page, visit), closed after the test."""
    contexts = []

    def _visit(url: str, *, expect_status: int = 200, color_scheme: str = "light", **options):
        context, visit = open_context(browser, site, color_scheme=color_scheme, **options)
        contexts.append(context)
        page = context.new_page()
        watch(page, visit, {url: expect_status} if expect_status != 200 else None)
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status == expect_status, (
            f"{url} answered {response.status if response else 'nothing'}, expected {expect_status}"
        )
        return page, visit

    yield _visit
    for context in contexts:
        context.close()
