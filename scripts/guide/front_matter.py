"""The block of YAML at the top of every page: what it must hold and what is made from it.

Each page needs title, description (one sentence, at most 160 characters), reviewed and
next_review (ISO dates, the next review at most 12 months after the review), audience
(patients or clinicians) and sources (reference keys; guide/references.py checks they
exist). `read()` parses a page's block with line numbers, `check()` reports every problem
with the file, line and fix, and `review_dates()` gives the dates the page shows.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .problems import FRONT_MATTER, LinedDict, LineLoader, Problem, long_date, today

REQUIRED = ("title", "description", "reviewed", "next_review", "audience", "sources")
# Keys MkDocs or Material read themselves, which a page may also set.
ALLOWED = ("template", "search", "hide")
AUDIENCES = ("patients", "clinicians")
# The hardest reading level each audience's pages may have (Flesch-Kincaid grade).
GRADE_LIMITS = {"patients": 8.0, "clinicians": 12.0}
MAX_DESCRIPTION = 160
EXAMPLE = (
    "start the file with:\n---\ntitle: ...\ndescription: ...\nreviewed: 2026-11-21\n"
    "next_review: 2027-11-21\naudience: patients\nsources: [NICE-NG59]\n---"
)


def read(text: str, where: str) -> tuple[LinedDict | None, list[Problem]]:
    """The page's front matter with key line numbers, or None and why not.

    MkDocs quietly treats broken YAML as no front matter at all, so the text is parsed
    again here to say what is wrong and where."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, [Problem(where, 1, "the page has no front matter block.", EXAMPLE)]
    try:
        data = yaml.load(match.group(1), Loader=LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening ---
        return None, [Problem(where, line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)}).",
                              "check the indentation, and put quotes around a value that contains a colon.")]
    if not isinstance(data, dict):
        return None, [Problem(where, 2, "the front matter is not a list of `key: value` lines.", EXAMPLE)]
    return data, []


def read_file(path: Path, where: str) -> tuple[LinedDict | None, list[Problem]]:
    return read(path.read_text(encoding="utf-8-sig"), where)


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def line_of(meta: LinedDict, key: str) -> int:
    """The line in the page file of `key` (the block starts on line 2, after ---)."""
    return getattr(meta, "lines", {}).get(key, 1) + 1


def check(meta: LinedDict, where: str, extra_fields: tuple[str, ...] = ()) -> tuple[dict, list[Problem]]:
    """Every problem in one page's front matter; and the parsed review dates."""
    problems: list[Problem] = []

    def bad(key, what, fix):
        problems.append(Problem(where, line_of(meta, key) if key else None, what, fix))

    for key in REQUIRED:
        if key not in meta or meta[key] in (None, "", []):
            bad(None, f"front matter field `{key}` is missing or empty.",
                f"add `{key}: ...` to the block at the top of the file (see CONTRIBUTING.md).")
    for key in meta:
        if key not in REQUIRED + ALLOWED + extra_fields:
            bad(key, f"front matter field `{key}` is not one the guide uses.",
                f"remove it, or use one of: {', '.join(REQUIRED + extra_fields)}.")
    for key in ("title", "description"):
        if key in meta and meta[key] and not isinstance(meta[key], str):
            bad(key, f"`{key}` must be text.", f"write `{key}: Some words`.")
    description = meta.get("description")
    if isinstance(description, str) and '"' in description:
        # Material writes the description into an HTML attribute without escaping it.
        bad("description", "`description` contains a double quote (\").",
            "reword it, or use single quotes or \u201ccurly quotes\u201d instead.")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        bad("description", f"`description` is {len(description)} characters; the limit is {MAX_DESCRIPTION}.",
            "shorten it to one plain sentence (search engines and link previews cut it off).")
    dates = {}
    for key in ("reviewed", "next_review"):
        if key in meta and meta[key] not in (None, ""):
            parsed = as_date(meta[key])
            if parsed is None:
                bad(key, f"`{key}: {meta[key]}` is not an ISO date.", f"write it as YYYY-MM-DD, for example `{key}: 2026-11-21`.")
            else:
                dates[key] = parsed
    if "reviewed" in dates and dates["reviewed"] > today():
        bad("reviewed", f"`reviewed: {dates['reviewed']}` is in the future.", "use the date the whole page was last checked.")
    if len(dates) == 2:
        reviewed, next_review = dates["reviewed"], dates["next_review"]
        if next_review <= reviewed:
            bad("next_review", "`next_review` is not after `reviewed`.", "set the next review within 12 months after `reviewed`.")
        elif next_review > one_year_after(reviewed):
            bad("next_review", f"`next_review: {next_review}` is more than 12 months after `reviewed: {reviewed}`.",
                f"set it to {one_year_after(reviewed)} or earlier.")
    audience = meta.get("audience")
    if audience not in (None, "") and audience not in AUDIENCES:
        bad("audience", f"`audience: {audience}` is not allowed.", "write `audience: patients` or `audience: clinicians`.")
    sources = meta.get("sources")
    if sources not in (None, "", []) and (not isinstance(sources, list) or not all(isinstance(s, str) for s in sources)):
        bad("sources", "`sources` must be a list of reference keys.",
            "write `sources: [NICE-NG59, KOES2007]` with keys from data/references.yml.")
    return dates, problems


def review_dates(dates: dict) -> dict:
    """What the page template shows (overrides/partials/page-review.html)."""
    if len(dates) != 2:
        return {}
    shown = {
        "reviewed_text": long_date(dates["reviewed"]),
        "next_review_text": long_date(dates["next_review"]),
        "reviewed_iso": dates["reviewed"].isoformat(),
    }
    if dates["next_review"] < today():
        shown["review_overdue"] = True
    return shown
