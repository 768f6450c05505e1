"""Material's start-up restyles nothing it need not (issue 11; scripts/guide/material_start.py).

Each change checked here made Chromium work out the style of every element again inside
Material's first long task, which is most of a page's Total Blocking Time on a phone.
The timings themselves are measured by scripts/benchmark.py; these tests check the causes
stay gone, whatever the machine's speed.
"""
from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from guide import material_start
from harness.browser import open_context, probe, watch
from harness.settle import PALETTE_TOGGLE

# Material's files as it ships them, found as the build finds them in the built site.
MATERIAL_THEME = Path(material.__file__).parent / "templates"
# What tests/probes/start_up_tasks.js sees Material set up: instant navigation (its
# listener for the back button), the search box, the light/dark switch and the search worker.
CONTROLS = ("navigation", "search", "palette", "search worker")


def start_up_changes(browser, site, url):
    context, visit = open_context(browser, site.origin)
    context.add_init_script(probe("start_up_changes"))
    page = context.new_page()
    watch(page, visit)
    page.goto(url, wait_until="load")
    page.wait_for_function("document.querySelector('meta[name=theme-color]')")  # Material's palette has started
    return context, page, visit


def test_material_finds_nothing_on_html_or_the_stylesheets_left_to_change(site, browser):
    for url in (site.base_url, site.diagram_urls()[0]):
        context, page, visit = start_up_changes(browser, site, url)
        try:
            changes = page.evaluate("window.__startUp")
            assert page.evaluate("document.documentElement.classList.contains('js')"), "the page never got its 'js' class"
            head_changes = [c for c in changes if c["tag"] == "LINK" and c["before"] != c["after"]]
            assert head_changes, "page-start.js made no stylesheet address absolute (is it still in the head?)"
            late = [c for c in changes if c["bodyParsed"] and c["before"] != c["after"]
                    and (c["tag"] == "HTML" or (c["tag"] == "LINK" and c["rel"] == "stylesheet"))]
            assert not late, (f"{site.short(url)}: after the page was parsed, these changed and restyled every "
                              f"element (scripts/guide/material_start.py): {late}")
            sheets = page.evaluate(
                "[...document.styleSheets].flatMap(s => { try { return [...s.cssRules].map(r => r.cssText) }"
                " catch (e) { return [] } })")
            assert not [r for r in sheets if "data-md-color-switching" in r], (
                "Material's data-md-color-switching rule is back in a stylesheet")
            assert [r for r in sheets if "data-palette-switching" in r], "extra.css lost its palette-switching rule"
            metas = page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)")
            assert metas == ["light"], (
                f"expected only the guide's colour-scheme meta (page-start.js keeps Material's out), found {metas}")
            theme = page.evaluate("document.querySelector('meta[name=theme-color]').content")
            assert theme.startswith("#"), f"Material's theme-color meta says {theme!r}: did page-start.js keep it out?"
            assert not visit.problems(), visit.problems()
        finally:
            context.close()


def test_material_leaves_the_built_tables_where_they_are(site, browser):
    """The build gives each table Material's scrolling boxes and a class, so Material's
    script (which rebuilds every table without a class) does not restyle the article."""
    with_tables = [url for url in site.page_urls() if 'class="' + material_start.TABLE_CLASS + '"'
                   in site.html_path(url).read_text(encoding="utf-8")]
    assert with_tables, f"no built page has a table of class {material_start.TABLE_CLASS}"
    context, page, visit = start_up_changes(browser, site, with_tables[0])
    try:
        tables = page.evaluate("""[...document.querySelectorAll('.md-typeset table')].map(t => ({
            cls: t.className, boxed: t.parentElement.matches('.md-typeset__scrollwrap > .md-typeset__table'),
            // Material's table rules reach it: a cell's top border is Material's alone
            border: getComputedStyle(t.querySelector('td')).borderTopStyle }))""")
        assert tables and all(t["cls"] == material_start.TABLE_CLASS and t["boxed"] for t in tables), tables
        assert all(t["border"] == "solid" for t in tables), f"Material's table styles no longer reach the tables: {tables}"
        assert page.evaluate("window.__tablesRemoved") == 0, (
            f"{site.short(with_tables[0])}: a script took a table out of the page and put it back")
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


def controls_set_up(browser, site, url, *, materials_own_bundle=False):
    """What Material's code set up for the reader's controls on a page, each marked with
    whether it ran inside the evaluation of the bundle (tests/probes/start_up_tasks.js);
    and the visit's problems. With materials_own_bundle, the page gets Material's bundle
    as it ships instead of the built one."""
    context, visit = open_context(browser, site.origin)
    context.add_init_script(probe("start_up_tasks"))
    if materials_own_bundle:
        shipped = material_start.materials_bundle(MATERIAL_THEME)[0].read_text(encoding="utf-8")
        context.route("**/assets/javascripts/bundle.*.min.js",
                      lambda route: route.fulfill(body=shipped, content_type="text/javascript"))
    page = context.new_page()
    watch(page, visit)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_function(f"{list(CONTROLS)}.every(w => window.__controls.some(c => c.byMaterial && c.what === w))",
                               timeout=15000)
        return [c for c in page.evaluate("window.__controls") if c["byMaterial"]], visit.problems()
    finally:
        context.close()


def test_material_sets_up_navigation_search_and_the_palette_switch_after_its_long_task(site, browser):
    """Material's bundle starts instant navigation, search and the light/dark switch in short
    tasks of their own, after the one that evaluates it (split_start_up)."""
    for url in (site.base_url, site.diagram_urls()[0]):
        controls, problems = controls_set_up(browser, site, url)
        early = [c for c in controls if c["inBundle"]]
        assert not early, (f"{site.short(url)}: set up inside the evaluation of Material's bundle, one long task "
                           f"(scripts/guide/material_start.py, split_start_up): {early}")
        assert not problems, problems


def test_the_start_up_check_sees_materials_own_bundle_set_up_everything_at_once(site, browser):
    """Guards the test above: Material's bundle as it ships sets all of them up while it is evaluated."""
    controls, _ = controls_set_up(browser, site, site.base_url, materials_own_bundle=True)
    assert {c["what"] for c in controls if c["inBundle"]} == set(CONTROLS), controls


def test_the_start_up_split_is_found_in_materials_own_bundle_and_a_changed_material_fails_the_build():
    bundles = material_start.materials_bundle(MATERIAL_THEME)
    assert len(bundles) == 1, f"expected one bundle in {MATERIAL_THEME}"
    js = bundles[0].read_text(encoding="utf-8")
    split, problems = material_start.split_start_up(js, bundles[0].name)
    assert not problems
    assert split.count("__guideLater(()=>") == 6 and "&&setTimeout(function(){gi(" in split
    assert material_start.split_start_up(split, bundles[0].name) == (split, [])  # a rebuild keeps it
    kept, problems = material_start.split_start_up("var a=1", "site/assets/javascripts/bundle.x.min.js")
    assert kept == "var a=1" and len(problems) == 1
    assert "bundle.x.min.js" in str(problems[0]) and "CONTROL_MOUNTS" in str(problems[0])


def test_switching_palette_still_stops_colour_transitions_for_the_switch_only(site, browser):
    context, page, visit = start_up_changes(browser, site, site.base_url)
    try:
        assert not [c for c in page.evaluate("window.__startUp") if c["name"] == "data-palette-switching"], (
            "data-palette-switching was set at page load; it is for a reader's switch only")
        page.click(PALETTE_TOGGLE)
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        page.wait_for_function("!document.body.hasAttribute('data-palette-switching')")
        marks = [c for c in page.evaluate("window.__startUp") if c["name"] == "data-palette-switching"]
        assert [c["after"] for c in marks] == ["", None], f"expected the mark set once and removed, saw {marks}"
        assert not visit.problems(), visit.problems()
    finally:
        context.close()


def test_the_switching_rule_is_found_in_materials_own_stylesheet():
    sheets = material_start.materials_stylesheets(MATERIAL_THEME, "palette")
    assert len(sheets) == 1, f"expected one palette stylesheet in {MATERIAL_THEME}"
    css = sheets[0].read_text(encoding="utf-8")
    kept, problems = material_start.drop_switching_rule(css, sheets[0].name)
    assert not problems and "data-md-color-switching" not in kept
    assert len(css) - len(kept) == len(material_start.SWITCHING_RULE.search(css).group(0))


def test_a_material_without_the_switching_rule_fails_the_build_with_what_to_do():
    kept, problems = material_start.drop_switching_rule("body{color:red}", "site/assets/stylesheets/palette.x.min.css")
    assert kept == "body{color:red}" and len(problems) == 1
    text = str(problems[0])
    assert "palette.x.min.css" in text and "SWITCHING_RULE" in text


def test_an_inline_script_that_would_close_its_element_is_refused(tmp_path):
    script = tmp_path / "bad.js"
    script.write_text('document.write("</script>")', encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(script))):
        material_start.inline_script(script)
    script.write_text('var ok = "<\\/script>";\n', encoding="utf-8")
    assert material_start.inline_script(script) == 'var ok = "<\\/script>";'


def test_every_built_table_has_a_class(site):
    """Material styles only tables with TABLE_CLASS now (name_table_class), and rebuilds any
    table without a class at start-up: every table on every built page must have one."""
    bare = [f"{path.relative_to(site.dir)}: {match.group(0)}"
            for path in sorted(site.dir.rglob("*.html"))
            for match in re.finditer(r"<table\b(?![^>]*\bclass=)[^>]*>", path.read_text(encoding="utf-8"))]
    assert not bare, "tables the build left without a class (scripts/guide/material_start.py):\n" + "\n".join(bare)


def test_the_build_wraps_tables_as_material_would_and_leaves_classed_ones_alone():
    html = ('<p>a</p><table>\n<thead><tr><th>A</th></tr></thead></table><p>b</p>'
            '<table class="highlighttable"><tr><td>1</td></tr></table><table style="x">'
            '<tr><td>2</td></tr></table>')
    wrapped, problems = material_start.wrap_tables(html, "docs/x.md")
    assert not problems
    assert wrapped == (
        '<p>a</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">'
        '\n<thead><tr><th>A</th></tr></thead></table></div></div><p>b</p>'
        '<table class="highlighttable"><tr><td>1</td></tr></table>'
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table" style="x">'
        '<tr><td>2</td></tr></table></div></div>')


@pytest.mark.parametrize("html, expected", [
    ("<table><tr><td>1</td></tr>", "has no closing </table>"),
    ("<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>", "holds another table"),
])
def test_a_table_the_build_cannot_wrap_is_named_with_what_to_do(html, expected):
    kept, problems = material_start.wrap_tables(html, "docs/x.md")
    assert kept == html and len(problems) == 1
    assert "docs/x.md" in str(problems[0]) and expected in str(problems[0])


def test_materials_table_rules_name_the_class_and_a_changed_material_fails_the_build():
    sheets = material_start.materials_stylesheets(MATERIAL_THEME, "main")
    assert len(sheets) == 1, f"expected one main stylesheet in {MATERIAL_THEME}"
    css = sheets[0].read_text(encoding="utf-8")
    renamed, problems = material_start.name_table_class(css, sheets[0].name)
    assert not problems and material_start.MATERIAL_TABLE not in renamed
    assert renamed.count(material_start.GUIDE_TABLE) == css.count(material_start.MATERIAL_TABLE) > 5
    assert material_start.name_table_class(renamed, sheets[0].name) == (renamed, [])  # a rebuild keeps it
    kept, problems = material_start.name_table_class("table{color:red}", "site/assets/stylesheets/main.x.min.css")
    assert kept == "table{color:red}" and len(problems) == 1
    assert "main.x.min.css" in str(problems[0]) and "MATERIAL_TABLE" in str(problems[0])
