"""Mermaid diagrams parse, render to SVG in both palettes and after instant navigation,
never reach for a CDN, and stay out of the search index."""
from __future__ import annotations

import json
import re

import pytest

from sitekit import ROOT

FENCE = re.compile(r"^([ \t]*)```mermaid[^\n]*\n(.*?)^\1```", re.S | re.M)
# True only once the page has diagrams and every one is drawn (an empty page is not "done").
ALL_RENDERED = (
    "(() => { const d = [...document.querySelectorAll('div.mermaid')];"
    " return d.length > 0 && d.every(x => x.querySelector('svg')); })()"
)


def diagram_blocks() -> list[tuple[str, int, str]]:
    """(file, line, source) of every diagram in the Markdown."""
    blocks = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            line = text[: match.start()].count("\n") + 1
            blocks.append((str(path.relative_to(ROOT)), line, match.group(2)))
    return blocks


def diagram_pages(site) -> list[str]:
    return [u for u in site.page_urls() if 'class="mermaid"' in site.html_path(u).read_text(encoding="utf-8")]


def parse_errors(page, blocks) -> list[str]:
    """Ask the site's own pinned Mermaid to parse each block; return 'file:line: error'."""
    results = page.evaluate(
        """async (blocks) => {
            const loader = new URL('assets/javascripts/diagrams.mjs', document.baseURI).href;
            const source = await (await fetch(loader)).text();
            const path = source.match(/vendor\\/mermaid-[\\d.]+\\/mermaid\\.esm\\.min\\.mjs/)[0];
            const mermaid = (await import(new URL('assets/javascripts/' + path, document.baseURI).href)).default;
            mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
            const out = [];
            for (const [file, line, text] of blocks) {
                try { await mermaid.parse(text); }
                catch (e) { out.push(`${file}:${line}: ${String(e.message || e).split('\\n').slice(0, 4).join(' ')}`); }
            }
            return out;
        }""",
        [list(b) for b in blocks],
    )
    return results


def test_the_guide_has_its_diagrams(site):
    assert len(diagram_blocks()) >= 5, "the site map asks for at least five decision diagrams"
    assert len(diagram_pages(site)) >= 4


def test_every_diagram_parses(site, visit_page):
    page, _ = visit_page(site.base_url)
    errors = parse_errors(page, diagram_blocks())
    assert not errors, "diagrams that Mermaid cannot parse (fix the Mermaid at file:line):\n" + "\n".join(errors)


def test_parse_check_catches_a_broken_diagram(site, visit_page):
    page, _ = visit_page(site.base_url)
    broken = [("docs/example.md", 7, "flowchart TD\n  a[\"Start\"] --> --> b(")]
    errors = parse_errors(page, broken)
    assert len(errors) == 1 and errors[0].startswith("docs/example.md:7: "), errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_render_in_each_palette(site, visit_page, scheme):
    for url in diagram_pages(site):
        page, visit = visit_page(url, color_scheme=scheme)
        page.wait_for_function(ALL_RENDERED, timeout=15000)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        palettes = page.eval_on_selector_all("div.mermaid", "ds => ds.map(d => d.dataset.palette)")
        assert set(palettes) == {scheme}, f"{url}: diagrams drawn for {palettes}, page is {scheme}"
        svg_text = " ".join(page.eval_on_selector_all("div.mermaid svg", "s => s.map(e => e.textContent)"))
        assert "Syntax error" not in svg_text, f"{url}: Mermaid drew an error diagram"
        titles = page.eval_on_selector_all("div.mermaid svg title", "t => t.map(e => e.textContent)")
        assert len(titles) == page.locator("div.mermaid").count(), f"{url}: a diagram lost its accTitle"
        mermaid_requests = [r.url for r in visit.responses if "/vendor/mermaid-" in r.url]
        assert mermaid_requests and all(u.startswith(site.base_url) for u in mermaid_requests)
        assert not visit.problems(), f"{url} ({scheme}): {visit.problems()}"
        page.close()


def test_pages_without_diagrams_do_not_load_mermaid(site, visit_page):
    plain = [u for u in site.page_urls() if u not in diagram_pages(site)]
    page, visit = visit_page(plain[0])
    assert not [r.url for r in visit.responses if "/vendor/mermaid-" in r.url]


def test_diagram_renders_after_instant_navigation_from_a_plain_page(site, visit_page):
    """Material swaps the page in without a reload; the diagram must still be drawn,
    from the site's own Mermaid, even though the first page loaded no Mermaid."""
    target = diagram_pages(site)[0]
    plain = next(u for u in site.page_urls() if u not in diagram_pages(site))
    page, visit = visit_page(plain)
    page.evaluate("window.__noReload = true")
    href = page.evaluate(
        "t => [...document.querySelectorAll('nav a[href]')].find(a => a.href === t).getAttribute('href')", target
    )
    page.click(f"nav a[href='{href}']")
    page.wait_for_url(target)
    page.wait_for_function(ALL_RENDERED, timeout=15000)
    assert page.evaluate("window.__noReload === true"), "the click caused a full page load, not instant navigation"
    assert not visit.problems(), visit.problems()


def test_diagram_is_redrawn_when_the_palette_is_switched(site, visit_page):
    page, visit = visit_page(diagram_pages(site)[0])
    page.wait_for_function(ALL_RENDERED, timeout=15000)
    page.click("form[data-md-component=palette] label:not([hidden])")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(
        "[...document.querySelectorAll('div.mermaid')].every(d => d.dataset.palette === 'dark' && d.querySelector('svg'))"
        " && document.querySelectorAll('div.mermaid').length > 0",
        timeout=15000,
    )
    assert not visit.problems(), visit.problems()


def test_search_index_has_no_diagram_source(site):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc.get("text", "") for doc in index["docs"])
    for raw in ("flowchart TD", "accTitle", "accDescr", "click ", "-->"):
        assert raw not in text, f"raw Mermaid ({raw!r}) is in the search index"
    assert "text version of this diagram" in text.lower(), "the text versions should be searchable"
