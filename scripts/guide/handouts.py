"""What a clinician hands over, and what it prints: a page's full address and a QR code of
it, the list of every page with both for the For clinicians page
(`<!-- guide:clinicians-pages -->`), each patient page's key points and its one-page
summary, and the warning-signs card.

- `qr_svg()` is the one place QR codes are made (segno, inline SVG: no network, no image
  files); the print header of every page, the clinicians list and the card use it.
- `key_points_box()` is the "Key points" box a patient page shows from its front matter
  (guide/front_matter.py checks the points).
- `made_pages()` writes the pages the build adds: a one-page summary of every patient page
  with key points, at /summaries/NAME/ (`summary_source()`), and the card sheet at
  /warning-signs/card/ (`CARD`). Each is Markdown with front matter, so it goes through
  the same hooks as a written page (the get-help box is the usual marker).
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import segno

from .front_matter import KEY_POINTS, as_date, needs_key_points, read
from .pages import address_of, all_pages, in_short
from .problems import DOCS, Problem, long_date

# Where the summaries live: /summaries/NAME/, NAME the last part of the page's address
# ("home" for the home page). Two levels at most, as every address of the guide.
SUMMARIES = "summaries"
# The card sheet, and the page whose data and address it carries.
CARD = "warning-signs/card.md"
CARD_OF = "warning-signs.md"
# How many identical cards one printed sheet holds (print.css lays them out 2 by 2).
CARDS_PER_SHEET = 4
# The most sides each kind of page may print on, on A4 and on US Letter: a whole page, the
# For clinicians page (a compact reference), a summary, the card sheet. tests/test_print.py
# checks every page; scripts/benchmark.py prints the counts.
MOST_SHEETS = {"page": 6, "clinicians": 3, "summary": 1, "card": 1}
CLINICIANS = "/clinicians/"


@dataclass(frozen=True)
class Handout:
    url: str  # the page's address relative to the site root, as MkDocs gives it ("causes/")
    title: str
    description: str
    # Links to what can be printed from the page: (label, address relative to the site root).
    prints: tuple[tuple[str, str], ...] = ()


def full_address(site_url: str, url: str) -> str:
    """The address a reader types or scans: site_url + the page's address."""
    return urljoin(site_url or "", url)


@functools.lru_cache(maxsize=None)
def qr_svg(address: str) -> str:
    """A QR code of `address` as inline SVG with a text alternative.

    Error correction M (15 %) survives a smudged or creased printout; the 4-module quiet
    zone is the size the QR standard asks for. The colours are fixed (black on white), so
    the code scans in the dark palette too.
    """
    label = html.escape(f"QR code for {address}", quote=True)
    code = segno.make(address, error="m", micro=False, boost_error=False)
    svg = code.svg_inline(dark="#000", light="#fff", omitsize=True, svgclass="qr-code",
                          lineclass=None, title=f"QR code for {address}")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def clinicians_list(handouts: list[Handout], site_url: str, relative_url) -> str:
    """One item per page, in menu order: title (linked), description, full address with a
    "Copy link" button (docs/assets/javascripts/copy-link.js) and the QR code.
    `relative_url(url)` is the page's link from the list's own page."""
    items = []
    for entry in handouts:
        address = full_address(site_url, entry.url)
        title = html.escape(entry.title)
        quoted = html.escape(address, quote=True)
        items.append(
            '<li class="handout">'
            '<div class="handout__text">'
            f'<p class="handout__title"><a href="{html.escape(relative_url(entry.url), quote=True)}">{title}</a></p>'
            f'<p class="handout__description">{html.escape(entry.description)}</p>'
            '<p class="handout__address">'
            f'<code class="handout__url">{html.escape(address)}</code> '
            f'<button type="button" class="handout__copy" data-copy-link="{quoted}" '
            f'aria-label="Copy link to {html.escape(entry.title, quote=True)}">Copy link</button> '
            '<span class="handout__status" role="status" aria-live="polite"></span>'
            "</p>"
            + "".join(f'<p class="handout__print"><a href="{html.escape(relative_url(url), quote=True)}">'
                      f"{html.escape(label)}</a></p>" for label, url in entry.prints)
            + "</div>"
            f"{qr_svg(address)}"
            "</li>"
        )
    # One line of HTML per item and no blank lines, so Markdown leaves it alone. Kept out
    # of search: each page is found by its own text, not by this list of descriptions.
    return '<ol class="handout-list" data-search-exclude>\n' + "\n".join(items) + "\n</ol>"


# ---- Key points and one-page summaries ----------------------------------------------------

KEY_POINTS_TITLE = "Key points"


def key_points_box(points: list[str]) -> str:
    """The "Key points" box: what a reader most needs to remember, from the front matter."""
    lines = [f'!!! abstract key-points "{KEY_POINTS_TITLE}"', ""]
    lines += [f"    - {' '.join(point.split())}" for point in points]
    return "\n".join(lines) + "\n"


def summary_source(source: str) -> str:
    """The summary's file (inside docs/, made by the build) for a page's file:
    summaries/medicines.md for treatment/medicines.md, summaries/home.md for index.md."""
    name = address_of(source).strip("/").split("/")[-1] or "home"
    return f"{SUMMARIES}/{name}.md"


def most_sheets(address: str, meta: dict) -> int:
    """The most sides the page at `address` ("/clinicians/") may print on; `meta` is its
    front matter (guide/pages.py `front_matter_of`)."""
    kind = meta.get("handout") or ("clinicians" if address == CLINICIANS else "page")
    return MOST_SHEETS.get(kind, MOST_SHEETS["page"])


def printed_address(address: str, meta: dict) -> str:
    """The address (relative to the site root) that a page's printout gives and its QR code
    holds: its own, or for a summary or the card, the page it is made from."""
    return address_of(meta["handout_of"]) if meta.get("handout_of") else address


def printables(source: str) -> list[tuple[str, str]]:
    """(label, file inside docs/) of what the build may make to print from the page
    `source`: its one-page summary and, for the warning-signs page, the card sheet. Links
    to them show on the page and on the For clinicians page when the build made them."""
    found = [("Print a one-page summary", summary_source(source))]
    if source == CARD_OF:
        found.append(("Print a warning signs card", CARD))
    return found


def _yaml_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _front(fields: dict) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(value)}]")
        elif isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {v}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines + ["---", ""])


def summary_markdown(source: str, meta: dict, page_markdown: str) -> str:
    """The one-page summary of the page `source` (its path inside docs/): its title, "In
    short", key points, the get-help box from the warning-signs data and a line saying
    what it summarises. The print header gives the full page's address and QR code, the
    review box the page's own review dates (overrides/partials/)."""
    title = str(meta["title"])
    link = "../" + source  # from summaries/NAME.md
    sources = [str(k) for k in meta.get("sources") or []]
    front = _front({
        "title": _yaml_text(f"Summary: {title}"),
        "description": _yaml_text(f"One page to print: the key points of \u201c{title}\u201d and when to get help."[:160]),
        "reviewed": as_date(meta["reviewed"]).isoformat(),
        "next_review": as_date(meta["next_review"]).isoformat(),
        "audience": "patients",
        "sources": sources,
        "handout": "summary",
        "handout_of": source,
        "search": {"exclude": "true"},
    })
    short = in_short(page_markdown)
    body = ['!!! abstract "In short"', "    " + short, ""] if short else []
    body += [
        key_points_box(list(meta[KEY_POINTS])),
        "<!-- guide:help-box -->",
        "",
        f"This is a one-page summary of the full page \u201c[{title}]({link})\u201d, which explains more and "
        "lists its sources.",
        "{ .handout-note .handout-note--summary }",
        "",
    ]
    return front + "\n" + "\n".join(body)


# ---- The warning-signs card -----------------------------------------------------------------

def card_html(signs, tiers: list, address: str, reviewed: str, next_review: str) -> str:
    """One card: each tier's name and action words and its signs' short forms, most urgent
    first, then the warning-signs page's address, its QR code and the review dates. Words,
    never colour alone, say how urgent each list is (`signs` is guide/warning_signs.py's
    WarningSigns, `tiers` the tiers it shows)."""
    esc = html.escape
    parts = ['<div class="safety-card">', '<p class="safety-card__title">Back, leg or knee pain: when to get help</p>']
    for tier in tiers:
        items = "".join(f"<li>{esc(sign.short)}</li>" for sign in signs.of_tier(tier))
        parts.append(
            f'<div class="safety-card__tier safety-card__tier--{esc(tier.css_class)}">'
            f'<p class="safety-card__action"><strong class="safety-card__name">{esc(tier.name.upper())}:</strong> '
            f"{esc(tier.action)} if you have:</p><ul>{items}</ul>"
            + (f'<p class="safety-card__after">{esc(tier.after)}</p>' if tier.after else "")
            + "</div>")
    parts.append(
        '<div class="safety-card__foot"><div class="safety-card__where">'
        '<p>All the warning signs, and what they mean:</p>'
        f'<p class="safety-card__url">{esc(address)}</p>'
        f'<p class="safety-card__dates">Reviewed {esc(reviewed)}. Next review due {esc(next_review)}.</p>'
        f"</div>{qr_svg(address)}</div>")
    parts.append("</div>")
    return "".join(parts)


def card_markdown(meta: dict, signs, address: str) -> str:
    """The card sheet: a line on how to print it, then CARDS_PER_SHEET identical cards of the
    emergency and same-day signs (the screen shows one; print.css lays them out to cut)."""
    reviewed, next_review = as_date(meta["reviewed"]), as_date(meta["next_review"])
    tiers = [signs.tiers[name] for name in signs.default_box()]
    card = card_html(signs, tiers, address, long_date(reviewed), long_date(next_review))
    front = _front({
        "title": _yaml_text("Warning signs card to print"),
        "description": _yaml_text("A card to print and cut out: the warning signs that need help now or the same day, "
                                  "and what to do."),
        "reviewed": reviewed.isoformat(),
        "next_review": next_review.isoformat(),
        "audience": "patients",
        "sources": [str(k) for k in meta.get("sources") or []],
        "handout": "card",
        "handout_of": CARD_OF,
        "search": {"exclude": "true"},
    })
    intro = (f"Print this page to get {CARDS_PER_SHEET} copies of this card on one sheet of A4 or US Letter paper, "
             "then cut along the dashed lines. It lists the signs that need help now or the same day, with what to do. "
             f"All the warning signs are on the [warning signs page](../{CARD_OF}).")
    cards = '<div class="safety-cards">' + card * CARDS_PER_SHEET + "</div>"
    return front + "\n" + intro + "\n{ .handout-note .handout-note--card }\n\n" + cards + "\n"


def made_pages(written: list[tuple[str, str]], site_url: str, signs) -> tuple[dict[str, str], list[Problem]]:
    """{file inside docs/: Markdown} of every page the build adds: a summary of each patient
    page that needs key points and has them, and the card sheet if the warning-signs page
    exists. `written` is (file inside docs/, its text) of every written page. A page
    without valid key points gets no summary (its own check reports why)."""
    made: dict[str, str] = {}
    problems: list[Problem] = []
    sources = {source for source, _ in written}
    for source, text in written:
        meta, found = read(text, f"docs/{source}")
        if meta is None or found or not needs_key_points(meta, f"docs/{source}"):
            continue
        points = meta.get(KEY_POINTS)
        if not isinstance(points, list) or not points or not all(isinstance(p, str) for p in points):
            continue
        if not all(as_date(meta.get(k)) for k in ("reviewed", "next_review")) or not meta.get("title"):
            continue
        target = summary_source(source)
        if target in sources or target in made:
            problems.append(Problem(f"docs/{source}", None, f"its one-page summary would be docs/{target}, which "
                                    "another page already has.", f"rename one of the pages: summaries are named "
                                    f"after the last part of a page's address, under /{SUMMARIES}/."))
            continue
        made[target] = summary_markdown(source, meta, text)
    card_page = dict(written).get(CARD_OF)
    if card_page is not None and CARD not in sources:
        meta, found = read(card_page, f"docs/{CARD_OF}")
        if meta is not None and not found and all(as_date(meta.get(k)) for k in ("reviewed", "next_review")):
            made[CARD] = card_markdown(meta, signs, full_address(site_url, address_of(CARD_OF).lstrip("/")))
    return made, problems


def made_by_the_build(docs: Path = DOCS) -> dict[str, str]:
    """{address: Markdown} of every page the build makes from the pages in `docs`, for the
    tests and scripts that look at the built site ("/summaries/symptoms/": ...)."""
    from .warning_signs import cached  # here: the signs module builds on the markers

    written = [(path.relative_to(docs).as_posix(), path.read_text(encoding="utf-8-sig")) for path in all_pages(docs)]
    made, _ = made_pages(written, "", cached())
    return {address_of(source): text for source, text in made.items()}
