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
   <meta name="color-scheme">, which restyles the page when it is the first one.

docs/assets/javascripts/page-start.js does 1 and 2 in the page head, before anything
is styled, so Material finds nothing left to change; overrides/main.html puts the
colour-scheme meta first; drop_switching_rule() takes the rule of 3 out of Material's
stylesheet after the build and extra.css keeps its effect (no colour transitions while
the palette switches) under an attribute page-start.js sets only when the reader
switches. What the reader sees does not change.
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


def palette_stylesheets(site_dir: Path) -> list[Path]:
    return sorted((site_dir / "assets" / "stylesheets").glob("palette.*.min.css"))


def inline_script(path: Path) -> str:
    """A script's text, safe to put between <script> and </script>."""
    text = path.read_text(encoding="utf-8")
    if re.search(r"</script", text, re.I):
        raise ValueError(f"{path}: the text '</script' would end the inline script early; write it as '<\\/script'.")
    return text.strip()
