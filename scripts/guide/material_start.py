"""What makes Material's start-up on a phone cheaper, as text in, text out.

When Material's bundle starts it changes things that make the browser work out the style
of every element on the page again, several times, inside one long task (most of the
Total Blocking Time Lighthouse reported on every page, issue 11):

1. it swaps the class "no-js" on <html> for "js" (Material's CSS has ".no-js ..." and
   ".js ..." rules) and its focus-visible polyfill marks <html> too, and each change
   restyles every element;
2. it rewrites every relative href and src as an absolute address (instant navigation
   needs that), stylesheet links included, and a stylesheet whose href changes is
   applied again;
3. for the light/dark switch it sets data-md-color-switching on <body> at every page
   load, not only when the reader switches, and its palette stylesheet has a rule on
   that attribute for every element on the page; and it appends a
   <meta name="color-scheme"> and then sets its content, and Chromium restyles every
   element each time such a meta is added or changed;
4. it takes every table without a class out of the page and puts it back inside two
   scrolling boxes, which restyles and lays out the whole article again (the pages
   with tables were the slowest text pages);
5. while its script is evaluated it sets up instant navigation and mounts its search,
   light/dark switch, progress bar and dialog, all in that one task (about a third of
   it), although nothing there is needed before the reader can act.

docs/assets/javascripts/page-start.js does 1 and 2 in the page head, before anything
is styled, so Material finds nothing left to change; overrides/main.html has the
colour-scheme meta from the start and page-start.js keeps Material's out of the head;
drop_switching_rule() takes the rule of 3 out of Material's
stylesheet after the build and extra.css keeps its effect (no colour transitions while
the palette switches) under an attribute page-start.js sets only when the reader
switches. For 4, wrap_tables() puts each table in Material's two boxes when the page is
built and gives it the class TABLE_CLASS, so Material's script (which looks for
"table:not([class])") leaves it alone, and name_table_class() makes Material's table
rules in its main stylesheet apply to that class instead. For 5, split_start_up()
edits Material's bundle after the build so that instant navigation and each of those
components start in a short task of their own, straight after (setTimeout), instead of
inside the long one; Lighthouse counts only the part of a task beyond 50 ms (at its
fourfold slowdown) as blocking. What the reader sees does not change.
"""
from __future__ import annotations

import re
from pathlib import Path

from guide.problems import Problem

# Material 9.8.1's rule (assets/stylesheets/palette.*.min.css).
SWITCHING_RULE = re.compile(
    r"\[data-md-color-switching\] \*,\[data-md-color-switching\] :after,"
    r"\[data-md-color-switching\] :before\{transition-duration:0s!important\}"
)


def drop_switching_rule(css: str, where: str) -> tuple[str, list[Problem]]:
    """Material's palette stylesheet without its data-md-color-switching rule."""
    kept, count = SWITCHING_RULE.subn("", css)
    if count != 1:
        return css, [Problem(where, None, "Material's palette stylesheet no longer has the data-md-color-switching "
                                          "rule this build takes out (did Material change?).",
                             "compare the new palette stylesheet with SWITCHING_RULE in "
                             "scripts/guide/material_start.py and update the pattern, or remove the step if the "
                             "rule is gone.")]
    return kept, []


def materials_stylesheets(site_dir: Path, kind: str) -> list[Path]:
    """Material's `kind` ("main" or "palette") stylesheets under a site or theme directory."""
    return sorted((site_dir / "assets" / "stylesheets").glob(f"{kind}.*.min.css"))


# Material 9.8.1's bundle (assets/javascripts/bundle.*.min.js, minified; bundle.ts in its
# sources): the statement that sets up instant navigation, and the start of the
# declaration of its "control" components, each mounted by `...me("name").map(e=>mount(e,
# options))` inside a merge (L), mounted when the script runs.
INSTANT_SETUP = 'V("navigation.instant")&&gi({sitemap$:qi,location$:Kt,viewport$:ke,progress$:uo}).subscribe(ct);'
CONTROL_MOUNTS = ('Hs=L(...me("consent").map(e=>An(e,{target$:Ht})),...me("dialog").map(e=>ni(e,{alert$:fo})),'
                  '...me("palette").map(e=>li(e)),...me("progress").map(e=>mi(e,{progress$:uo})),'
                  '...me("search").map(e=>_i(e,{index$:zi,keyboard$:mo})),...me("source").map(e=>$i(e))),')
_MOUNT = re.compile(r"\.map\(e=>([\w$]+\(e(?:,\{[^{}]*\})?\))\)")
# __guideLater(mount): an observable that calls mount() in a task of its own (setTimeout)
# when it is subscribed to, and passes on what mount()'s observable sends. It is built with
# the bundle's own Observable class (the constructor of what an empty merge, L(), returns).
# Nothing is lost in the moment before: a link clicked before instant navigation is set
# up opens as an ordinary page load, and search and the switch are drawn by the page.
LATER = ("__guideLater=function(mount){return new(L().constructor)(function(o){var s,t=setTimeout(function(){"
         "try{s=mount().subscribe(o)}catch(error){o.error(error)}});"
         "return function(){clearTimeout(t);s&&s.unsubscribe()}})},")


def split_start_up(js: str, where: str) -> tuple[str, list[Problem]]:
    """Material's bundle with instant navigation and each control component started in a
    task of its own, after the one that evaluates the script (point 5 above)."""
    if "__guideLater=" in js:
        return js, []  # already done (a rebuild that kept the file)
    if js.count(INSTANT_SETUP) != 1 or js.count(CONTROL_MOUNTS) != 1:
        return js, [Problem(where, None, "Material's bundle no longer has the start-up code this build splits "
                                          "(did Material change?).",
                            "compare the new bundle with INSTANT_SETUP and CONTROL_MOUNTS in "
                            "scripts/guide/material_start.py and update them, or remove split_start_up() "
                            "from scripts/hooks/material_start.py (the site works without it, more slowly).")]
    later_mounts, count = _MOUNT.subn(r".map(e=>__guideLater(()=>\1))", CONTROL_MOUNTS)
    assert count == 6, f"CONTROL_MOUNTS has {count} mounts, expected 6"  # the constant above, not the input
    js = js.replace(INSTANT_SETUP, INSTANT_SETUP.replace("&&", "&&setTimeout(function(){", 1)[:-1] + "});")
    return js.replace(CONTROL_MOUNTS, LATER + later_mounts), []


def materials_bundle(site_dir: Path) -> list[Path]:
    """Material's script bundle(s) under a site or theme directory."""
    return sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))


# The class a built table carries. The guide's stylesheets style tables by it.
TABLE_CLASS = "data-table"
# Material's selector for the tables its script wraps and its stylesheet styles, and the
# selector that takes its place, of the same specificity, so the cascade is unchanged.
# Not "either": a rule on whether an element has a class attribute at all makes Chromium
# restyle everything inside an element whenever its class changes, and Material changes
# classes at start-up and as the reader scrolls. Every table the build writes has the class.
MATERIAL_TABLE = "table:not([class])"
GUIDE_TABLE = f"table.{TABLE_CLASS}"
# A table's opening and closing tags. Python-Markdown's tables extension writes <table>
# with no attributes; a table with attributes but no class is wrapped too, as Material
# would, and one with a class (a code block's line numbers) is not.
_TABLE_OPEN = re.compile(r"<table(\s[^>]*)?>", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)


def wrap_tables(html: str, where: str) -> tuple[str, list[Problem]]:
    """The page's tables without a class, each in Material's scrolling boxes (the markup
    of its renderTable) and with TABLE_CLASS, as Material's script would leave them."""
    out, pos, problems = [], 0, []
    for opening in _TABLE_OPEN.finditer(html):
        if opening.group(1) and re.search(r"\bclass\s*=", opening.group(1), re.I):
            continue  # a table with a class is not Material's to wrap (a code block's line numbers)
        closing = _TABLE_CLOSE.search(html, opening.end())
        if closing is None:
            problems.append(Problem(where, None, "a <table> has no closing </table>.",
                                    "close the table in the page's Markdown or HTML."))
            return html, problems
        body = html[opening.end():closing.start()]
        if _TABLE_OPEN.search(body):
            problems.append(Problem(where, None, "a table holds another table, which this build cannot wrap.",
                                    "write the inner table as a list, or as a table of its own."))
            return html, problems
        attributes = opening.group(1) or ""
        out.append(html[pos:opening.start()])
        out.append(f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                   f'<table class="{TABLE_CLASS}"{attributes}>{body}</table></div></div>')
        pos = closing.end()
    out.append(html[pos:])
    return "".join(out), problems


def name_table_class(css: str, where: str) -> tuple[str, list[Problem]]:
    """Material's main stylesheet with its rules for tables without a class naming
    TABLE_CLASS instead."""
    if GUIDE_TABLE in css and MATERIAL_TABLE not in css:
        return css, []  # already done (a rebuild that kept the file)
    if MATERIAL_TABLE not in css:
        return css, [Problem(where, None, f"Material's main stylesheet no longer styles tables by "
                                          f"'{MATERIAL_TABLE}' (did Material change?).",
                             "compare Material's table rules and script with MATERIAL_TABLE in "
                             "scripts/guide/material_start.py, and update it and wrap_tables().")]
    return css.replace(MATERIAL_TABLE, GUIDE_TABLE), []


def inline_script(path: Path) -> str:
    """A script's text, safe to put between <script> and </script>."""
    text = path.read_text(encoding="utf-8")
    if re.search(r"</script", text, re.I):
        raise ValueError(f"{path}: the text '</script' would end the inline script early; write it as '<\\/script'.")
    return text.strip()
