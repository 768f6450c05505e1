"""The guide calls no other host and sets no cookie (README: "no CDN, no web fonts, no
analytics, no cookies"), and the browser checks that keep this promise really fire.

Every browser test opens pages through harness.browser.open_context, which blocks and
records any request that leaves the site's origin, and harness.browser.watch, which records
console errors and failed requests: tests/test_pages.py asserts none on every page. The
guards here prove each recorder catches what it is there for, so a regression in the route
pattern or an event name cannot silence the promise.
"""
from __future__ import annotations

from harness.browser import probe

PROBLEMS_TO_CATCH = probe("problems_to_catch")


def test_a_request_to_another_host_a_console_error_and_a_failed_request_are_caught(site, visit_page):
    page, visit = visit_page(site.base_url)
    assert not visit.problems(), f"the home page is not clean to begin with: {visit.problems()}"
    page.evaluate(PROBLEMS_TO_CATCH)
    page.wait_for_load_state("networkidle")
    problems = visit.problems()
    assert "request to another host: https://tracker.example.org/pixel.png" in problems, problems
    assert "console error: guard: a console error" in problems, problems
    assert any("this-file-does-not-exist.json answered 404" in p for p in problems), problems


def test_a_cookie_would_be_seen(site, visit_page):
    """Guards the cookie check in tests/test_pages.py: a cookie set by a page is listed."""
    page, _ = visit_page(site.base_url)
    assert page.context.cookies() == [], "the home page sets a cookie"
    page.evaluate("() => { document.cookie = 'guard=1; path=/'; }")
    assert [c["name"] for c in page.context.cookies()] == ["guard"]
