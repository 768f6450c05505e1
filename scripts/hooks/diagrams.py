"""Checks the Mermaid diagrams in each page and prepares them for the site.

For every ```mermaid block this hook makes sure that:
- it has `accTitle:` and `accDescr:` (read out by screen readers);
- it is a top-to-bottom flowchart (`flowchart TD`), so it fits a phone;
- it is followed at once by a "Text version" block that names every box, for screen
  readers, readers without JavaScript and print;
- boxes marked `emergency` or `urgent` also say so in words, and no diagram sets its
  own colours (`classDef`/`style`): diagrams.mjs colours outcomes the same everywhere;
- every box that names a topic links to the page that explains it (`click ID href
  "page.md#id" "tooltip"`). Questions (labels ending with "?") need no link, and outcome
  boxes (`class ID emergency|urgent|routine|selfcare`) are left to the tests, which ask
  the guide's own outcomes to link to their section of the warning-signs page or the
  treatment pages;
- `click ID href "page.md#id"` links point at a box, a page and a heading that exist.
  They are written like Markdown links and rewritten here to the page's address, so
  they work from the GitHub Pages subpath (a heading on the same page becomes "#id").
It also marks diagram source `data-search-exclude`, so search shows the text version,
never raw Mermaid. Whether a diagram parses is checked in Chromium by
tests/test_diagrams.py, with the real Mermaid; whether it fits a phone, its links, colours,
print and text version in the built site, by tests/test_diagram_design.py.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from _shared import problem, src_label

FENCE = re.compile(r"^(?P<indent>[ \t]*)```mermaid[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.S | re.M)
CLICK = re.compile(r'^(?P<lead>\s*click\s+(?P<id>[\w-]+)\s+href\s+")(?P<target>[^"]+)(?P<rest>".*)$')
NODE = re.compile(
    r'\b(?P<id>[A-Za-z][\w-]*)\s*(?:\(\[|\[\[|\[\(|\(\(|\{\{|\[/|\[\\|\[|\(|\{|>)\s*"(?P<label>[^"]+)"'
)
CLASS = re.compile(r"^\s*class\s+(?P<ids>[\w,\s-]+?)\s+(?P<name>[\w-]+)\s*;?\s*$")
OUTCOME_CLASSES = {"emergency", "urgent", "routine", "selfcare"}
OUTCOME_WORDS = {"emergency": ("emergency",), "urgent": ("same day", "urgent")}
TEXT_VERSION = re.compile(r'^(?P<indent>[ \t]*)(\?\?\?\+?|!!!)\s+\w+\s+"Text version[^"]*"\s*$')
SEARCH_EXCLUDE = re.compile(r'<div(\s+)class="mermaid">')
# mermaid2 writes `import mermaid from "assets/..."` on top-level pages: a bare module
# specifier, which browsers reject. Relative imports must start with ./ or ../.
BARE_IMPORT = re.compile(r'import mermaid from "(?!\.{1,2}/|/|https?:)')

anchors_to_check: list[tuple[str, int, str, str]] = []


def normalise(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # Markdown links -> their words
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def text_version_after(lines: list[str], start: int) -> tuple[str | None, int]:
    """The text of the block titled "Text version..." that follows line `start`."""
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines):
        return None, i
    head = TEXT_VERSION.match(lines[i])
    if not head:
        return None, i
    indent = len(head.group("indent"))
    body = []
    for line in lines[i + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return "\n".join(body), i


def check_diagram(where, first_line, body, text_version, page, files):
    """Report problems in one diagram; return its body with click links rewritten."""
    lines = body.splitlines()
    if not any(re.match(r"\s*accTitle\s*:", l) for l in lines):
        problem(where, first_line, "this diagram has no `accTitle:`.",
                "add a line `accTitle: What the diagram answers` after `flowchart TD`.")
    if not any(re.match(r"\s*accDescr\s*[:{]", l) for l in lines):
        problem(where, first_line, "this diagram has no `accDescr:`.",
                "add a line `accDescr: One or two sentences on what it shows`.")
    kind = next((l.split() for l in lines if l.strip() and not l.strip().startswith("%%")), [""])
    if kind[0] not in ("flowchart", "graph") or (len(kind) > 1 and kind[1] not in ("TD", "TB")):
        problem(where, first_line, f"the diagram starts with `{' '.join(kind)}`.",
                "use `flowchart TD` (top to bottom) so it fits a phone screen.")
    labels = {m.group("id"): m.group("label") for m in NODE.finditer(body)}
    classes = {}
    linked = set()
    new_lines = []
    for offset, line in enumerate(lines, start=1):
        at = first_line + offset
        if re.match(r"\s*(classDef|style|linkStyle)\b", line):
            problem(where, at, "the diagram sets its own colours.",
                    "remove the line and mark outcome boxes with `class ID emergency|urgent|routine|selfcare`.")
        cls = CLASS.match(line)
        if cls:
            name = cls.group("name")
            if name not in OUTCOME_CLASSES:
                problem(where, at, f"unknown diagram class `{name}`.",
                        f"use one of: {', '.join(sorted(OUTCOME_CLASSES))}.")
            for node_id in re.split(r"[\s,]+", cls.group("ids").strip()):
                classes[node_id] = name
        click = CLICK.match(line)
        if click:
            linked.add(click.group("id"))
            if click.group("id") not in labels:
                problem(where, at, f"`click {click.group('id')}` names no box of this diagram.",
                        'use the id of a box defined as `id["Label"]`.')
            line = click.group("lead") + rewrite_link(where, at, click.group("target"), page, files) + click.group("rest")
        new_lines.append(line)
    for node_id, name in classes.items():
        words = OUTCOME_WORDS.get(name)
        label = labels.get(node_id, "")
        if words and not any(w in label.lower() for w in words):
            problem(where, first_line, f"box `{node_id}` is coloured `{name}` but its label does not say so.",
                    f"start the label with {' or '.join(w.upper() for w in words)}: colour alone is not enough.")
    # The other way round: a box whose label starts with an outcome's words is styled as
    # that outcome, so EMERGENCY and SAME DAY look the same in every diagram. (A question
    # that mentions them, "Any emergency warning signs?", is not an outcome.)
    for node_id, label in labels.items():
        start = label.strip().lower()
        for name, words in OUTCOME_WORDS.items():
            if start.startswith(words) and not start.endswith("?") and classes.get(node_id) != name:
                problem(where, first_line, f"box `{node_id}` says {words[0].upper()} but is not marked.",
                        f"add `class {node_id} {name}`.")
    # A box that names a topic links to the page about it; a question needs no link.
    for node_id, label in labels.items():
        if node_id not in linked and not label.rstrip().endswith("?"):
            problem(where, first_line, f'box `{node_id}` ("{label}") does not link to the page that explains it.',
                    f'add `click {node_id} href "page.md#heading-id" "What the reader will find"`; '
                    'only a question (a label ending with "?") may have no link.')
    if text_version is None:
        problem(where, first_line, "the diagram has no text version right after it.",
                'add `??? info "Text version of this diagram"` with a numbered list of every step.')
    else:
        words = normalise(text_version)
        for node_id, label in labels.items():
            if normalise(label) not in words:
                problem(where, first_line, f'the text version does not name the box "{label}".',
                        "add that box's words, exactly, to the text version below the diagram.")
    return "\n".join(new_lines) + ("\n" if body.endswith("\n") else "")


def rewrite_link(where, line, target, page, files) -> str:
    if re.match(r"^[a-z]+:", target):
        return target
    path, _, anchor = target.partition("#")
    if not path.endswith(".md"):
        problem(where, line, f'diagram link "{target}" is not a Markdown file path.',
                'link to the page file, e.g. `click box href "causes.md#disc-herniation"`.')
        return target
    src = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    linked = files.get_file_from_path(src)
    if linked is None or not linked.is_documentation_page():
        problem(where, line, f'diagram link "{target}" points at {src}, which is not a page.',
                "fix the path; it is relative to this page's file, like a Markdown link.")
        return target
    if anchor:
        anchors_to_check.append((where, line, linked.url, anchor))
    if linked is page.file and anchor:
        return "#" + anchor  # a heading on this page: no reload, just a jump
    url = get_relative_url(linked.url, page.url) or "./"
    return url + ("#" + anchor if anchor else "")


def on_pre_build(config):
    anchors_to_check.clear()


def on_page_markdown(markdown, page, config, files):
    where = src_label(page)
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    raw_lines = raw.splitlines()
    for match in FENCE.finditer(raw):
        first_line = raw[: match.start()].count("\n") + 1
        end_line = raw[: match.end()].count("\n") + 1
        text_version, _ = text_version_after(raw_lines, end_line)
        body = match.group("body")
        new_body = check_diagram(where, first_line, body, text_version, page, files)
        if new_body != body:
            markdown = markdown.replace(match.group(0), match.group(0).replace(body, new_body), 1)
    return markdown


def on_page_content(html, page, config, files):
    # Search indexes the text version; raw diagram source would show up in results.
    return SEARCH_EXCLUDE.sub('<div class="mermaid" data-search-exclude>', html)


def on_post_page(output, page, config):
    # Runs after mermaid2's on_post_page (hooks come after plugins).
    return BARE_IMPORT.sub('import mermaid from "./', output)


def on_post_build(config):
    site = Path(config.site_dir)
    for where, line, url, anchor in anchors_to_check:
        built = site / url / "index.html" if url.endswith("/") or not url else site / url
        text = built.read_text(encoding="utf-8") if built.is_file() else ""
        if f'id="{anchor}"' not in text:
            problem(where, line, f'diagram link to "{url}#{anchor}": that page has no heading with id "{anchor}".',
                    "link to an id that exists (`## Heading {{ #id }}` on that page), or drop the #part.")
