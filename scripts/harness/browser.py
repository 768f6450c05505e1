"""The system Chromium, driven by Playwright, as every browser check uses it.

Chromium is the system one: $CHROMIUM_PATH (scripts/test finds or installs it and sets
it), else one on PATH; Playwright's own browser download fails on many machines. Every
context blocks and records any request that leaves the site's origin, so a check passes
or fails the same way with no network at all, and the privacy promise (no other host) is
checked on every page every browser test opens.
"""
from __future__ import annotations

import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

# Flags for a headless Chromium on a machine with no outside network: no background
# connections to Google's services, no sandbox (tests may run as root in CI).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]
# In-page probes: JavaScript run in the page by checks, one file each (tests/probes/*.js).
PROBES = Path(__file__).resolve().parents[2] / "tests" / "probes"

# Viewports by the device they stand for.
VIEWPORTS = {
    "small-phone": {"width": 320, "height": 640},
    "phone": {"width": 360, "height": 740},
    "large-phone": {"width": 412, "height": 823},
    "desktop": {"width": 1280, "height": 800},
}


def chromium_path() -> str | None:
    """$CHROMIUM_PATH (scripts/_chromium.sh sets it), else the first of these on PATH: the
    headless shell first, as scripts/test prefers it."""
    return os.environ.get("CHROMIUM_PATH") or next(
        filter(None, map(shutil.which, ("chromium-headless-shell", "chromium", "chromium-browser"))), None)


@dataclass
class Visit:
    """What happened while pages of one context were open."""

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


def open_context(browser, origin: str, *, color_scheme: str = "light", **options):
    """A fresh browser context (no cache, no storage) that blocks and records other hosts.
    Returns (context, visit); `visit.off_origin` lists what was blocked."""
    context = browser.new_context(color_scheme=color_scheme, **options)
    visit = Visit()

    def block(route):
        visit.off_origin.append(route.request.url)
        route.abort()

    # Only what leaves the origin is routed here: Chromium matches the pattern itself, so
    # the site's own requests (hundreds a run) never wait for a round trip to Python.
    context.route(re.compile(rf"^(?!{re.escape(origin)}/|data:|blob:|about:)"), block)
    return context, visit


# A page as the reader has it a moment after it appears: loaded, and Material started with
# the sitemap its instant navigation needs before it can take a click (it fetches it on
# every page). Playwright's "networkidle" waits half a second more after the last request;
# only the weights (harness/weights.py), which must count every request, still use it.
READY = ("document.readyState === 'complete' && "
         "performance.getEntriesByType('resource').some(e => e.name.endsWith('/sitemap.xml'))")


def wait_until_ready(page) -> None:
    """Wait until the page open in `page` is READY."""
    page.wait_for_load_state("load")
    page.wait_for_function(READY, timeout=15000)


def goto(page, url: str):
    """Open `url` in `page` and wait until it is READY; the response."""
    response = page.goto(url, wait_until="load")
    wait_until_ready(page)
    return response


@contextmanager
def fresh_page(browser, origin: str, url: str, *, expect_status: int = 200, **options):
    """`url` in a page of its own fresh context (open_context), watched (watch) and opened
    until READY (goto), as a reader arriving; yields (page, visit) and closes the context
    after. The page must answer `expect_status`."""
    context, visit = open_context(browser, origin, **options)
    try:
        page = context.new_page()
        watch(page, visit, {url: expect_status} if expect_status != 200 else None)
        response = goto(page, url)
        assert response is not None and response.status == expect_status, (
            f"{url} answered {response.status if response else 'nothing'}, expected {expect_status}")
        yield page, visit
    finally:
        context.close()


def watch(page, visit: Visit, expect_status: dict[str, int] | None = None) -> None:
    """Record console errors, page errors, failed requests and error responses."""
    expect_status = expect_status or {}

    def on_console(message):
        # Chromium also logs the expected error status of the page itself (the 404 page).
        if message.type == "error" and message.location.get("url") not in expect_status:
            visit.console_errors.append(message.text)

    def on_response(response):
        visit.responses.append(response)
        if response.status >= 400 and expect_status.get(response.url) != response.status:
            visit.failed.append(f"{response.url} answered {response.status}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url} ({r.failure})"))
    page.on("response", on_response)


def probe(name: str) -> str:
    """The source of tests/probes/NAME.js, an in-page function for page.evaluate()."""
    return (PROBES / f"{name}.js").read_text(encoding="utf-8")
