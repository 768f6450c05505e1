"""The record of changes to the guide's advice (data/advice-changes.yml): checked, shown on
the changes page (`<!-- guide:advice-changes -->`), and linked from each page it names."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import pages
from .problems import DATA, DOCS, Problem, load_yaml, long_date, relative

PATH = DATA / "advice-changes.yml"
FIELDS = ("date", "pages", "change", "why")
ADDRESS = re.compile(r"^/([a-z0-9]+(-[a-z0-9]+)*/){0,2}$")


@dataclass(frozen=True)
class Change:
    date: dt.date
    pages: tuple[str, ...]
    change: str
    why: str
    line: int

    @property
    def anchor(self) -> str:
        return self.date.isoformat()


def parse(data, where: str, docs: Path = DOCS) -> tuple[list[Change], list[Problem]]:
    problems: list[Problem] = []
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [Problem(where, 1, "the file must be a list of changes.", "start each change with `- date: YYYY-MM-DD`.")]
    changes = []
    for entry in data:
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict):
            problems.append(Problem(where, line, "a change is not a mapping of fields.", "see the file's header."))
            continue
        at = lambda key: entry.lines.get(key, line)  # noqa: E731
        missing = [f for f in FIELDS if entry.get(f) in (None, "", [])]
        unknown = sorted(set(entry) - set(FIELDS))
        if missing:
            problems.append(Problem(where, line, f"a change has no {', '.join(f'`{m}`' for m in missing)}.",
                                    "add the field (see the file's header)."))
            continue
        if unknown:
            problems.append(Problem(where, at(unknown[0]), f"a change has unknown fields {unknown}.",
                                    f"use only: {', '.join(FIELDS)}."))
        date = entry["date"]
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                date = None
        if not isinstance(date, dt.date):
            problems.append(Problem(where, at("date"), f"`date: {entry['date']}` is not an ISO date.", "write it as YYYY-MM-DD."))
            continue
        listed = entry["pages"] if isinstance(entry["pages"], list) else [entry["pages"]]
        for address in listed:
            if not isinstance(address, str) or not ADDRESS.match(address) or pages.source_of(address, docs) is None:
                problems.append(Problem(where, at("pages"), f"`{address}` is not the address of a page of the guide.",
                                        "write page addresses as in data/published-urls.txt, e.g. /treatment/medicines/."))
        changes.append(Change(date, tuple(str(a) for a in listed), " ".join(str(entry["change"]).split()),
                              " ".join(str(entry["why"]).split()), line or 0))
    return sorted(changes, key=lambda c: c.date, reverse=True), problems


def load(path: Path = PATH, docs: Path = DOCS) -> tuple[list[Change], list[Problem]]:
    return parse(load_yaml(path), relative(path), docs)


def latest_for(changes: list[Change], address: str) -> Change | None:
    return next((c for c in changes if address in c.pages), None)


def check_reviewed(changes: list[Change], address: str, reviewed, where: str, line: int | None) -> list[Problem]:
    """A page whose advice changed must have been reviewed on or after the change."""
    latest = latest_for(changes, address)
    if latest is None or not isinstance(reviewed, dt.date) or reviewed >= latest.date:
        return []
    return [Problem(where, line, f"`reviewed: {reviewed}` is before the advice change of {latest.date} "
                                 f"(data/advice-changes.yml:{latest.line}).",
                    f"review the page and set `reviewed: {latest.date}` or later.")]


def markdown(changes: list[Change], from_page: str, docs: Path = DOCS) -> str:
    """The changes page's list: one section per date, newest first; page names link to the
    pages (as Markdown paths relative to `from_page`, a path inside docs/)."""
    lines: list[str] = []
    base = Path(from_page).parent
    for date in sorted({c.date for c in changes}, reverse=True):
        lines += [f"## {long_date(date)} {{ #{date.isoformat()} }}", ""]
        for change in (c for c in changes if c.date == date):
            links = []
            for address in change.pages:
                source = pages.source_of(address, docs)
                title = pages.front_matter(source).get("title") or address
                target = Path(source.relative_to(docs)).as_posix()
                rel = Path(*([".."] * len(base.parts)), target).as_posix() if base.parts else target
                links.append(f"[{title}]({rel})")
            lines += [f"- {change.change}", f"    - Why: {change.why}", f"    - Pages: {', '.join(links)}", ""]
    return "\n".join(lines).rstrip() + "\n"
