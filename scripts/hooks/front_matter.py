"""Checks every page's front matter and prepares its review dates for the template.

Each page must start with a YAML block holding: title, description (one sentence, at most
160 characters), reviewed and next_review (ISO dates, next review at most 12 months after
the review), audience (patients or clinicians) and sources (reference keys; references.py
checks that they exist). A problem is reported with the file, the line and the fix, and
fails the build (strict mode).

Two optional fields hold the words readers search with (search_words.py uses them):
also_called, the everyday words for the page's topic, shown on the page; and also_spelled,
misspelled words and other spellings, one word each, used only by search. Each is a list
of short plain phrases, and each phrase has one home: one field of one page.

A page past its next_review date still builds, so an urgent correction can always be
published, but the page says so to readers and the build output lists it.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from _shared import FRONT_MATTER, LinedDict, LineLoader, log, long_date, problem, src_label, today

REQUIRED = ("title", "description", "reviewed", "next_review", "audience", "sources")
LAY_WORDS = ("also_called", "also_spelled")
OPTIONAL = LAY_WORDS + ("template", "search", "hide")
# A lay phrase: letters (any alphabet), digits, spaces and - ' ( ); nothing Markdown or
# HTML would read as markup.
LAY_PHRASE = re.compile(r"[^\W_](?:[\w '\u2019()-]*[^\W_)]|[\w '\u2019()-]*\))?")
MAX_LAY_PHRASE = 40
AUDIENCES = ("patients", "clinicians")
MAX_DESCRIPTION = 160
EXAMPLE = (
    "start the file with:\n---\ntitle: ...\ndescription: ...\nreviewed: 2026-11-21\n"
    "next_review: 2027-11-21\naudience: patients\nsources: [NICE-NG59]\n---"
)


def read_front_matter(path: Path, where: str) -> LinedDict | None:
    """The page's front matter with key line numbers, or None after reporting why not.

    MkDocs quietly treats broken YAML as no front matter at all, so the file is parsed
    again here to say what is wrong and where.
    """
    text = path.read_text(encoding="utf-8-sig")
    match = FRONT_MATTER.match(text)
    if not match:
        problem(where, 1, "the page has no front matter block.", EXAMPLE)
        return None
    try:
        data = yaml.load(match.group(1), Loader=LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 0-based, +1 for the opening ---
        problem(where, line, f"the front matter is not valid YAML ({getattr(error, 'problem', error)}).",
                "check the indentation, and put quotes around a value that contains a colon.")
        return None
    if not isinstance(data, dict):
        problem(where, 2, "the front matter is not a list of `key: value` lines.", EXAMPLE)
        return None
    return data


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


def check(meta: LinedDict, where: str) -> dict:
    """Report every problem in one page's front matter; return the parsed dates."""
    line = lambda key: meta.lines.get(key, 2) + 1  # noqa: E731 (line in the file)
    for key in REQUIRED:
        if key not in meta or meta[key] in (None, "", []):
            problem(where, None, f"front matter field `{key}` is missing or empty.",
                    f"add `{key}: ...` to the block at the top of the file (see CONTRIBUTING.md).")
    for key in meta:
        if key not in REQUIRED and key not in OPTIONAL:
            problem(where, line(key), f"front matter field `{key}` is not one the guide uses.",
                    f"remove it, or use one of: {', '.join(REQUIRED + LAY_WORDS)}.")
    check_lay_words(meta, where, line)
    for key in ("title", "description"):
        if key in meta and meta[key] and not isinstance(meta[key], str):
            problem(where, line(key), f"`{key}` must be text.", f"write `{key}: Some words`.")
    description = meta.get("description")
    if isinstance(description, str) and '"' in description:
        # Material writes the description into an HTML attribute without escaping it.
        problem(where, line("description"), "`description` contains a double quote (\").",
                "reword it, or use single quotes or \u201ccurly quotes\u201d instead.")
    if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
        problem(where, line("description"),
                f"`description` is {len(description)} characters; the limit is {MAX_DESCRIPTION}.",
                "shorten it to one plain sentence (search engines and link previews cut it off).")
    dates = {}
    for key in ("reviewed", "next_review"):
        if key in meta and meta[key] not in (None, ""):
            parsed = as_date(meta[key])
            if parsed is None:
                problem(where, line(key), f"`{key}: {meta[key]}` is not an ISO date.",
                        f"write it as YYYY-MM-DD, for example `{key}: 2026-11-21`.")
            else:
                dates[key] = parsed
    if "reviewed" in dates and dates["reviewed"] > today():
        problem(where, line("reviewed"), f"`reviewed: {dates['reviewed']}` is in the future.",
                "use the date the whole page was last checked.")
    if len(dates) == 2:
        reviewed, next_review = dates["reviewed"], dates["next_review"]
        if next_review <= reviewed:
            problem(where, line("next_review"), "`next_review` is not after `reviewed`.",
                    "set the next review within 12 months after `reviewed`.")
        elif next_review > one_year_after(reviewed):
            problem(where, line("next_review"),
                    f"`next_review: {next_review}` is more than 12 months after `reviewed: {reviewed}`.",
                    f"set it to {one_year_after(reviewed)} or earlier.")
    audience = meta.get("audience")
    if audience not in (None, "") and audience not in AUDIENCES:
        problem(where, line("audience"), f"`audience: {audience}` is not allowed.",
                "write `audience: patients` or `audience: clinicians`.")
    sources = meta.get("sources")
    if sources not in (None, "", []) and (
        not isinstance(sources, list) or not all(isinstance(s, str) for s in sources)
    ):
        problem(where, line("sources"), "`sources` must be a list of reference keys.",
                "write `sources: [NICE-NG59, KOES2007]` with keys from data/references.yml.")
    return dates


# Every lay phrase seen in this build: phrase -> "docs/page.md `field`", so that a phrase
# gets one home (search would otherwise split readers between two pages).
lay_homes: dict[str, str] = {}


def on_pre_build(config):
    lay_homes.clear()


def check_lay_words(meta: LinedDict, where: str, line) -> None:
    """also_called and also_spelled: lists of short plain phrases, each with one home."""
    for key in LAY_WORDS:
        if key not in meta:
            continue
        value = meta[key]
        example = ("`also_called: [physio, physical therapy]`" if key == "also_called"
                   else "`also_spelled: [siatica, sciatia]`")
        if not isinstance(value, list) or not value:
            problem(where, line(key), f"`{key}` must be a list of words or short phrases.",
                    f"write it in square brackets, for example {example}, or remove the line.")
            continue
        for phrase in value:
            if not isinstance(phrase, str) or not LAY_PHRASE.fullmatch(phrase.strip()):
                problem(where, line(key), f"`{key}` has {phrase!r}, which is not a plain word or phrase.",
                        "use only letters, numbers, spaces and - ' ( ), for example "
                        f"{example}; put a phrase with a comma in two entries.")
                continue
            if key == "also_spelled" and len(phrase.split()) > 1:
                # The rightly spelled word in "cauda equinia" would count as a lay word of
                # this page for every search for "cauda".
                problem(where, line(key), f"`also_spelled` has {phrase!r}: list only the misspelled word.",
                        f"write `{max(phrase.split(), key=len)}` (or each misspelled word of it) on its own.")
                continue
            if len(phrase) > MAX_LAY_PHRASE:
                problem(where, line(key), f"`{key}` has {phrase!r} ({len(phrase)} characters; "
                        f"the limit is {MAX_LAY_PHRASE}).", "use the few words a reader would type.")
            here = f"{where} `{key}`"
            folded = " ".join(phrase.lower().replace("\u2019", "'").split())
            if folded in lay_homes and lay_homes[folded] != here:
                problem(where, line(key), f"{phrase!r} is already listed in {lay_homes[folded]}.",
                        "give each lay word one home: keep it on the page that best answers it, "
                        "and remove it here.")
            elif folded in lay_homes:
                problem(where, line(key), f"`{key}` lists {phrase!r} twice.", "remove one of them.")
            lay_homes[folded] = here


def on_page_markdown(markdown, page, config, files):
    where = src_label(page)
    meta = read_front_matter(Path(page.file.abs_src_path), where)
    if meta is None:
        return markdown
    dates = check(meta, where)
    if len(dates) == 2:
        page.meta["reviewed_text"] = long_date(dates["reviewed"])
        page.meta["next_review_text"] = long_date(dates["next_review"])
        page.meta["reviewed_iso"] = dates["reviewed"].isoformat()
        if dates["next_review"] < today():
            page.meta["review_overdue"] = True
            log.info(f"REVIEW OVERDUE: {where} was due for review on {long_date(dates['next_review'])}; "
                     "the page tells readers so until it is reviewed.")
    return markdown
