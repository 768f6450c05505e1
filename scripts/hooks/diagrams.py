"""Mermaid diagrams: the guide's rules checked, links made to work, a text version written.

The rules and the text version live in scripts/guide/diagrams.py (one rulebook, read by
the tests too). This hook is the MkDocs side:
- on each page, every ```mermaid block is read and checked, and its text version (a
  `??? info "Text version of this diagram"` block made from the same boxes and arrows) is
  put right after it; a hand-written text version is reported, as it could drift;
- `click ID href "page.md#id"` links are written like Markdown links; they are checked and
  rewritten to the page's address, so they work from the GitHub Pages subpath (a heading on
  the same page becomes "#id"), and after the build each #id is checked on its page.
Workarounds for mermaid2 and Material live in mermaid2_compat.py. Whether a diagram parses
is checked in Chromium by tests/test_diagrams.py with the real Mermaid.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from _mkdocs import diagrams, raw, warning_signs, where
from guide.problems import Problem, report

anchors_to_check: list[tuple[str, int, str, str]] = []


def rewrite_link(place, line, target, page, files) -> str:
    """The address a diagram link goes to from this page; problems are reported."""
    if re.match(r"^[a-z]+:", target):
        return target
    path, _, anchor = target.partition("#")
    if not path.endswith(".md"):
        report([Problem(place, line, f'diagram link "{target}" is not a Markdown file path.',
                        'link to the page file, e.g. `click box href "causes.md#disc-herniation"`.')])
        return target
    src = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    linked = files.get_file_from_path(src)
    if linked is None or not linked.is_documentation_page():
        report([Problem(place, line, f'diagram link "{target}" points at {src}, which is not a page.',
                        "fix the path; it is relative to this page's file, like a Markdown link.")])
        return target
    if anchor:
        anchors_to_check.append((place, line, linked.url, anchor))
    if linked is page.file and anchor:
        return "#" + anchor  # a heading on this page: no reload, just a jump
    url = get_relative_url(linked.url, page.url) or "./"
    return url + ("#" + anchor if anchor else "")


def on_pre_build(config):
    anchors_to_check.clear()


def on_page_markdown(markdown, page, config, files):
    source = raw(page)
    raw_lines = source.splitlines()
    signs = warning_signs.cached()
    for first, last, match in diagrams.find(source):
        body = match["body"]
        diagram, problems = diagrams.parse(body, first, where(page))
        problems += diagrams.check(diagram, where(page), signs)
        following = next((l for l in raw_lines[last:] if l.strip()), "")
        if diagrams.TEXT_VERSION.match(following):
            problems.append(Problem(where(page), last + 1 + raw_lines[last:].index(following),
                                    "this diagram has a hand-written text version.",
                                    "delete it: the build writes the text version from the diagram, so the two always agree."))
        report(problems)
        new_body = "\n".join(
            _rewrite_click(line, first + n, where(page), page, files) for n, line in enumerate(body.splitlines(), start=1)
        ) + "\n"
        block = match.group(0).replace(body, new_body)
        text = diagrams.text_version_block(diagram, lambda target: target, indent=match["indent"])
        markdown = markdown.replace(match.group(0), block + "\n\n" + text + "\n", 1)
    return markdown


def _rewrite_click(line, at, place, page, files) -> str:
    click = re.match(r'^(?P<lead>\s*click\s+\S+\s+href\s+")(?P<target>[^"]+)(?P<rest>".*)$', line)
    if not click:
        return line
    return click["lead"] + rewrite_link(place, at, click["target"], page, files) + click["rest"]


def on_post_build(config):
    site = Path(config.site_dir)
    for place, line, url, anchor in anchors_to_check:
        built = site / url / "index.html" if url.endswith("/") or not url else site / url
        text = built.read_text(encoding="utf-8") if built.is_file() else ""
        if f'id="{anchor}"' not in text:
            report([Problem(place, line, f'diagram link to "{url}#{anchor}": that page has no heading with id "{anchor}".',
                            "link to an id that exists (`## Heading {#id}` on that page), or drop the #part.")])
