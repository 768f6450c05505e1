"""The block of YAML at the top of every page: what it must hold and what is made from it.

Each page needs title, description (one sentence, at most 160 characters), reviewed and
next_review (ISO dates, the next review at most 12 months after the review), audience
(patients or clinicians) and sources (reference keys; guide/references.py checks they
exist). `read()` parses a page's block with line numbers, `check()` reports every problem
with the file, line and fix, and `review_dates()` gives the dates the page shows.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from .problems import FRONT_MATTER, LinedDict, LineLoader, Problem, long_date, today

REQUIRED = ("title", "description", "reviewed", "next_review", "audience", "sources")
# Keys MkDocs or Material read themselves, which a page may also set.
ALLOWED = ("template", "search", "hide")
# Required on patient pages, except those in NO_KEY_POINTS.
KEY_POINTS = "key_points"
KEY_POINTS_COUNT = (3, 6)
KEY_POINT_GRADE = 7.0  # Flesch-Kincaid, as guide/readability.py measures pages
KEY_POINT_SENTENCES = 2
KEY_POINT_WORDS = 40
# Fields only the pages the build makes carry (guide/handouts.py): what kind of handout
# the page is ("summary", "card") and the page file it is made from.
MADE_BY_THE_BUILD = ("handout", "handout_of")
# Patient pages without key points, and why: they hold nothing a reader must remember
# to act on, so they have no one-page summary either.
NO_KEY_POINTS = {
    "glossary.md": "a list of words and what they mean",
    "about.md": "about the guide itself (who writes it, privacy, licence), not advice",
    "changes.md": "a dated record of changes to the advice, not advice itself",
}
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


def needs_key_points(meta: dict, where: str) -> bool:
    """Whether the page at `where` (docs/PATH) must have key points."""
    return meta.get("audience") == "patients" and where.removeprefix("docs/") not in NO_KEY_POINTS


def key_points(meta: dict) -> list[tuple[int, str]]:
    """(line in the page file, text) of each key point; [] when there are none or they are
    not a list of text (check_key_points() says so)."""
    points = meta.get(KEY_POINTS)
    if not isinstance(points, list) or not all(isinstance(p, str) for p in points):
        return []
    lines = getattr(points, "lines", [])
    fallback = line_of(meta, KEY_POINTS)
    return [(lines[n] + 1 if n < len(lines) else fallback, " ".join(p.split())) for n, p in enumerate(points)]


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def check_key_points(meta: LinedDict, where: str, in_short: str = "") -> list[Problem]:
    """The key points' problems: missing on a page that needs them, not a list of 3 to 6
    short sentences, harder to read than grade 7, or a copy of the page's "In short"."""
    from .readability import grade  # here: textstat is only needed when a page has key points

    points = meta.get(KEY_POINTS)
    low, high = KEY_POINTS_COUNT
    how = (f"write `{KEY_POINTS}:` as a list of {low} to {high} plain sentences, each on its own line "
           "starting with `  - ` (see CONTRIBUTING.md, Front matter).")
    if points in (None, "", []):
        if needs_key_points(meta, where):
            return [Problem(where, None, f"a patient page needs `{KEY_POINTS}:`: the {low} to {high} things a reader "
                                         "most needs to remember (its one-page summary prints them).", how)]
        return []
    line = line_of(meta, KEY_POINTS)
    if not isinstance(points, list) or not all(isinstance(p, str) and p.strip() for p in points):
        return [Problem(where, line, f"`{KEY_POINTS}` must be a list of sentences.", how)]
    problems = []
    if not low <= len(points) <= high:
        problems.append(Problem(where, line, f"`{KEY_POINTS}` has {len(points)} points; a page has {low} to {high}.",
                                f"{'add' if len(points) < low else 'merge or cut'} points, keeping what a reader most "
                                "needs to remember."))
    short = _words(in_short)
    for number, (at, text) in enumerate(key_points(meta), start=1):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
        words = len(text.split())
        if len(sentences) > KEY_POINT_SENTENCES or words > KEY_POINT_WORDS:
            problems.append(Problem(where, at, f"key point {number} has {len(sentences)} sentences and {words} words: "
                                                f'"{_clip(text)}"',
                                    f"keep each key point to {KEY_POINT_SENTENCES} short sentences "
                                    f"(at most {KEY_POINT_WORDS} words)."))
        level = grade(text)
        if level > KEY_POINT_GRADE:
            problems.append(Problem(where, at, f"key point {number} reads at grade {level} (the limit is "
                                                f'{KEY_POINT_GRADE:g}): "{_clip(text)}"',
                                    "use shorter sentences and plainer words (fewer long words), or split it in two."))
        if short and _words(text) and _words(text) in short:
            problems.append(Problem(where, at, f'key point {number} repeats "In short": "{_clip(text)}"',
                                    "say what the reader should remember or do, in other words than the "
                                    "\"In short\" answer."))
    return problems


def _clip(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def check(meta: LinedDict, where: str, extra_fields: tuple[str, ...] = ()) -> tuple[dict, list[Problem]]:
    """Every problem in one page's front matter, except its key points
    (`check_key_points()`, which also needs the page's "In short"); and the parsed review
    dates."""
    problems: list[Problem] = []

    def bad(key, what, fix):
        problems.append(Problem(where, line_of(meta, key) if key else None, what, fix))

    for key in REQUIRED:
        if key not in meta or meta[key] in (None, "", []):
            bad(None, f"front matter field `{key}` is missing or empty.",
                f"add `{key}: ...` to the block at the top of the file (see CONTRIBUTING.md).")
    for key in meta:
        if key not in REQUIRED + ALLOWED + (KEY_POINTS,) + extra_fields:
            bad(key, f"front matter field `{key}` is not one the guide uses.",
                f"remove it, or use one of: {', '.join(REQUIRED + (KEY_POINTS,) + extra_fields)}.")
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
