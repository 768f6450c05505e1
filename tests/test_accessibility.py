"""Accessibility of every built page, checked in Chromium.

- axe-core (pinned copy in tests/vendor/, see scripts/update_axe.py) with the WCAG 2.0,
  2.1 and 2.2 A and AA rules finds nothing on any page, in the light and the dark palette,
  nor with search open or the menu open on a phone. Nothing is switched off: a failure is
  fixed in overrides/ or the stylesheet.
- Every image has a text alternative: <img> has alt; Chromium's accessibility tree holds
  no image without a name (decorative icons are hidden from it); each diagram is named.
- The page's language is set, and heading levels do not skip.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from harness.browser import open_context
from harness.settle import settle, wait_for_diagram_setup, wait_for_stillness

VENDOR = Path(__file__).resolve().parent / "vendor"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
PHONE = {"width": 320, "height": 640}


def axe_script() -> Path:
    """The vendored axe-core, after checking it is the file VENDOR.json recorded."""
    folders = sorted(VENDOR.glob("axe-core-*"))
    assert len(folders) == 1, f"expected one tests/vendor/axe-core-VERSION folder, found {folders}"
    record = json.loads((folders[0] / "VENDOR.json").read_text(encoding="utf-8"))
    script = folders[0] / "axe.min.js"
    actual = hashlib.sha256(script.read_bytes()).hexdigest()
    assert actual == record["files_sha256"]["axe.min.js"], (
        f"{script} differs from the copy recorded in VENDOR.json; re-vendor it with "
        f"./scripts/update-axe {record['version']}"
    )
    return script


def run_axe(page) -> dict:
    page.add_script_tag(path=str(axe_script()))
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(result: dict, where: str) -> list[str]:
    """One line per failing element: page and palette, rule, impact, element, what to do."""
    lines = []
    for rule in result["violations"]:
        for node in rule["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"{where}: {rule['id']} ({rule['impact']}) at `{target}`: {rule['help']}. {summary}")
    return lines


def pages_to_check(site) -> list[tuple[str, int]]:
    """Every page in the sitemap, and the 404 page a mistyped address shows."""
    return [(url, 200) for url in site.page_urls()] + [(site.base_url + "no-such-page/", 404)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violations_on_any_page(site, visit_page, scheme):
    problems = []
    for url, status in pages_to_check(site):
        page, _ = visit_page(url, color_scheme=scheme, expect_status=status)
        settle(page)
        palette = page.evaluate("document.body.dataset.mdColorScheme")
        assert palette == ("slate" if scheme == "dark" else "default"), (
            f"{url}: asked for the {scheme} palette, Material shows {palette!r}"
        )
        problems += describe(run_axe(page), f"{url} ({scheme} palette)")
        page.close()
    assert not problems, "axe-core found WCAG A/AA violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_with_search_or_menu_open_on_a_phone(site, visit_page, scheme):
    page, _ = visit_page(site.base_url, color_scheme=scheme, viewport=PHONE)
    settle(page)
    page.keyboard.press("/")
    page.keyboard.type("knee", delay=20)
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    wait_for_stillness(page)
    problems = describe(run_axe(page), f"{site.base_url} with search results open ({scheme})")
    page.keyboard.press("Escape")
    page.locator(".md-header button.guide-menu-button").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    wait_for_stillness(page)
    problems += describe(run_axe(page), f"{site.base_url} with the menu open ({scheme})")
    assert not problems, "axe-core found WCAG A/AA violations:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_diagram_placeholders(site, visit_page, scheme):
    """A diagram is drawn when the reader comes near it; until then its box shows a
    placeholder (title, message, a button to the text version). Checked in view, on a
    phone, with Mermaid held back so the placeholder stays."""
    problems = []
    urls = [u for u in site.page_urls() if 'class="mermaid"' in site.html_path(u).read_text(encoding="utf-8")]
    assert urls, "no page has a diagram"
    for url in urls:
        page, _ = visit_page(url, color_scheme=scheme, viewport=PHONE)
        page.route("**/vendor/mermaid-*/**", lambda route: route.abort())
        wait_for_diagram_setup(page)
        page.locator("div.mermaid").first.scroll_into_view_if_needed()
        count = page.locator("div.mermaid .mermaid__placeholder").count()
        assert count == page.locator("div.mermaid").count(), f"{url}: {count} placeholders"
        problems += describe(run_axe(page), f"{url} diagram placeholders ({scheme} palette)")
        page.close()
    assert not problems, "axe-core found WCAG A/AA violations:\n" + "\n".join(problems)


def test_axe_check_reports_a_real_problem(site, visit_page):
    """Guards the tests above: the harness must see a violation when there is one."""
    page, _ = visit_page(site.base_url)
    page.evaluate("""() => {
        const p = document.createElement('p');
        p.textContent = 'Pale text';
        p.style.cssText = 'color: #cccccc; background: #ffffff';
        document.querySelector('.md-content__inner').append(p);
        const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.querySelector('.md-content__inner').append(img);
    }""")
    ids = {rule["id"] for rule in run_axe(page)["violations"]}
    assert {"color-contrast", "image-alt"} <= ids, ids


def unnamed_images(page) -> list[str]:
    """Images in Chromium's accessibility tree that have no name (what a screen reader
    would announce as just "image"), each shown as the start of its HTML."""
    cdp = page.context.new_cdp_session(page)
    try:
        found = []
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            role = node.get("role", {}).get("value")
            if node.get("ignored") or role not in ("image", "img", "graphics-document", "SvgRoot"):
                continue
            if (node.get("name", {}).get("value") or "").strip():
                continue
            obj = cdp.send("DOM.resolveNode", {"backendNodeId": node["backendDOMNodeId"]})["object"]
            html = cdp.send("Runtime.callFunctionOn", {
                "objectId": obj["objectId"], "returnByValue": True,
                "functionDeclaration": "function () { return (this.parentElement || this).outerHTML.slice(0, 160); }",
            })["result"]["value"]
            found.append(f"{role}: {html}")
        return found
    finally:
        cdp.detach()


DIAGRAM_NAMES = """svgs => svgs.map(s => {
    const ids = (s.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const name = ids.map(id => document.getElementById(id)?.textContent || '').join(' ').trim()
        || (s.getAttribute('aria-label') || '').trim();
    return {role: s.getAttribute('role') || '', name};
})"""


HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.checkVisibility())
    .map(h => ({level: +h.tagName[1], text: h.textContent.trim().slice(0, 60)}))"""


@pytest.fixture(scope="module")
def page_facts(site, browser) -> list[dict]:
    """Every page (and the 404 page) opened once, settled; what the image, language and
    heading tests below look at."""
    facts = []
    context, visit = open_context(browser, site.origin)
    try:
        for url, status in pages_to_check(site):
            page = context.new_page()
            response = page.goto(url, wait_until="networkidle")
            assert response is not None and response.status == status, f"{url} answered {response and response.status}"
            settle(page)
            facts.append({
                "url": url,
                "img_without_alt": page.eval_on_selector_all(
                    "img:not([alt])", "els => els.map(e => e.outerHTML.slice(0, 160))"),
                "unnamed_images": unnamed_images(page),
                "diagrams": page.eval_on_selector_all("div.mermaid > svg", DIAGRAM_NAMES),
                "lang": page.evaluate("document.documentElement.lang"),
                "headings": page.evaluate(HEADINGS),
            })
            page.close()
    finally:
        context.close()
    assert not visit.off_origin, f"requests to other hosts: {visit.off_origin}"
    return facts


def test_every_image_has_a_text_alternative(page_facts):
    problems = []
    for page in page_facts:
        url = page["url"]
        problems += [f"{url}: <img> without alt: {html}" for html in page["img_without_alt"]]
        problems += [f"{url}: image with no name in the accessibility tree: {html}" for html in page["unnamed_images"]]
        problems += [f"{url}: a diagram has no role or no name ({d}); give it accTitle and accDescr"
                     for d in page["diagrams"] if not d["name"] or not d["role"]]
    assert sum(len(p["diagrams"]) for p in page_facts), "no diagram was found; the diagram check checked nothing"
    assert not problems, "\n".join(problems)


def test_image_check_reports_an_unnamed_image(site, visit_page):
    """Guards the test above: an SVG picture without a name must be reported."""
    page, _ = visit_page(site.base_url)
    page.evaluate("""() => document.querySelector('.md-content__inner').insertAdjacentHTML('beforeend',
        '<svg role="img" width="20" height="20"><circle cx="10" cy="10" r="8"/></svg>')""")
    assert unnamed_images(page), "an <svg role=img> with no name was not found"


def heading_problems(headings: list[dict]) -> list[str]:
    """The first heading is the one h1; each later heading goes at most one level deeper."""
    problems = []
    levels = [h["level"] for h in headings]
    if not levels or levels[0] != 1:
        problems.append(f"the first heading is not an h1: {headings[:1]}")
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 headings; a page has exactly one")
    for before, heading in zip(headings, headings[1:]):
        if heading["level"] > before["level"] + 1:
            problems.append(f"h{before['level']} {before['text']!r} is followed by h{heading['level']} "
                            f"{heading['text']!r}: a level is skipped")
    return problems


def test_language_is_set_and_heading_levels_do_not_skip(page_facts):
    problems = []
    for page in page_facts:
        if page["lang"] != "en":
            problems.append(f"{page['url']}: <html lang> is {page['lang']!r}, expected 'en'")
        problems += [f"{page['url']}: {p}" for p in heading_problems(page["headings"])]
    assert not problems, "\n".join(problems)


def test_heading_check_reports_a_skipped_level():
    assert heading_problems([{"level": 1, "text": "A"}, {"level": 2, "text": "B"}, {"level": 3, "text": "C"}]) == []
    found = heading_problems([{"level": 1, "text": "A"}, {"level": 3, "text": "C"}])
    assert len(found) == 1 and "skipped" in found[0]
    assert heading_problems([{"level": 2, "text": "B"}])


# (A heading that takes the page title's id fails the build: tests/test_bad_input.py.)
