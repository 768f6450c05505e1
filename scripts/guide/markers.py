"""Page markers: one HTML comment on a line of its own, `<!-- guide:NAME arg arg -->`, that
the build replaces with Markdown made from the guide's data.

Every marker goes through `expand()`, which reports a marker it does not know, a marker
whose arguments are wrong, and a comment that looks like a marker but is not one
(`<!-- giude:help-box -->`, `<!-- guide: help-box -->`), so a typo fails the build instead
of silently leaving a page without its warning box.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .problems import Problem

MARKER = re.compile(r"^[ \t]*<!--[ \t]*guide:(?P<name>[a-z][a-z0-9-]*)(?P<args>(?:[ \t]+[^\s>]+)*)[ \t]*-->[ \t]*$", re.M)
# Anything that looks like an attempt at a marker: a comment starting with a word and a colon.
LOOKS_LIKE_MARKER = re.compile(r"<!--\s*(?P<word>[A-Za-z][\w-]*)\s*:[^>]*?-->")


@dataclass
class Marker:
    name: str
    args: list[str]
    line: int  # in the page's file
    text: str  # the whole comment line


# Pages that exist to show a marker's output: losing the marker would leave them empty.
REQUIRED = {
    "clinicians.md": "clinicians-pages",
    "glossary.md": "glossary",
    "references.md": "references",
    "changes.md": "advice-changes",
    "warning-signs.md": "sign-section",
}

# A handler turns a marker's arguments into Markdown, and reports what is wrong with them.
Handler = Callable[[Marker], "tuple[str, list[str]]"]


def line_of(raw: str, text: str, start: int = 0) -> int:
    """The line of the page file where `text` first occurs (1 when it is not found)."""
    at = raw.find(text, start)
    return raw.count("\n", 0, at) + 1 if at >= 0 else 1


def find(markdown: str, raw: str) -> list[Marker]:
    """Every well-formed marker in `markdown`, with its line in the page file `raw`."""
    return [Marker(m["name"], m["args"].split(), line_of(raw, m.group(0).strip()), m.group(0))
            for m in MARKER.finditer(markdown)]


def expand(markdown: str, raw: str, where: str, handlers: dict[str, Handler],
           known_elsewhere: tuple[str, ...] = ()) -> tuple[str, list[Problem]]:
    """Replace every marker handled here; report unknown markers, look-alikes, and a page
    of REQUIRED that has lost its marker (`where` is docs/PATH).

    `known_elsewhere` names markers that another step expands, so they are not reported
    as unknown.
    """
    problems: list[Problem] = []
    needed = REQUIRED.get(where.removeprefix("docs/"))
    if needed and not any(m["name"] == needed for m in MARKER.finditer(markdown)):
        problems.append(Problem(where, None, f"the page has lost its `<!-- guide:{needed} -->` marker, so it shows nothing "
                                             "of what it is for.", f"put `<!-- guide:{needed} ... -->` back on a line of its own."))
    names = sorted(set(handlers) | set(known_elsewhere))
    well_formed = {m.start() for m in MARKER.finditer(markdown)}
    for match in LOOKS_LIKE_MARKER.finditer(markdown):
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        if line_start in well_formed and match.group("word") == "guide":
            continue
        problems.append(Problem(
            where, line_of(raw, match.group(0)),
            f"`{match.group(0)}` is not a marker the guide knows.",
            f"write `<!-- guide:NAME ... -->` on a line of its own, where NAME is one of: {', '.join(names)}.",
        ))

    def replace(match: re.Match) -> str:
        marker = Marker(match["name"], match["args"].split(), line_of(raw, match.group(0).strip()), match.group(0))
        handler = handlers.get(marker.name)
        if handler is None:
            if marker.name not in known_elsewhere:
                problems.append(Problem(where, marker.line, f"unknown marker `guide:{marker.name}`.",
                                        f"use one of: {', '.join(names)}."))
            return match.group(0)
        output, errors = handler(marker)
        problems.extend(Problem(where, marker.line, f"`{marker.text.strip()}`: {what}", fix) for what, fix in errors)
        return output.rstrip("\n")

    return MARKER.sub(replace, markdown), problems
