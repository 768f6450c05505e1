"""Handouts on paper: the one-page summary of every patient page (/summaries/NAME/) and the
warning-signs card sheet (/warning-signs/card/), which the build makes
(scripts/guide/handouts.py) and print.css lays out.

Each is printed by Chromium on A4 and on US Letter (harness/printing.py), as a reader's
"Print" would. A summary must fit exactly one side of both; hold its page's title, "In
short", every key point, the full page's address, the emergency and same-day action words
(data/warning-signs.yml), "Page last reviewed" with its page's date, and the line saying it
summarises the full page; show no text under 10 pt; and its QR code, read from a picture of
the printed sheet by zxing-cpp as a phone would (tests/qr_codes.py), must hold the full
page's address. The card sheet must fit one side with its 4 cards, each giving every
emergency and same-day sign with its tier's name and action words, the warning-signs page's
address and QR code, and the review date, in black and grey only (words, not colour, say how
urgent). The links that reach them are checked here and in tests/test_clinicians.py.
"""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from guide import warning_signs
from guide.handouts import CARD, CARD_OF, CARDS_PER_SHEET, made_by_the_build, summary_source
from guide.pages import address_of, all_pages, front_matter, front_matter_of
from guide.problems import DOCS, long_date
from harness.printing import PAPERS
from qr_codes import read_texts, sheet_picture

SIGNS = warning_signs.cached()
BOX_TIERS = [SIGNS.tiers[name] for name in SIGNS.default_box()]  # emergency and same day
# 10 pt in CSS pixels, with a hair for rounding.
TEN_POINTS = 10 / 72 * 96 - 0.05


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def plain(markdown: str) -> str:
    """Markdown text as it prints: links reduced to their words."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)


def written_pages() -> dict[str, dict]:
    """{address: front matter} of every page a writer wrote."""
    return {address_of(path.relative_to(DOCS).as_posix()): front_matter(path) for path in all_pages(DOCS)}


@pytest.fixture(scope="module")
def made():
    """{address: front matter} of every page the build makes."""
    pages = {address: front_matter_of(address) for address in made_by_the_build()}
    assert any(meta.get("handout") == "summary" for meta in pages.values()), "the build made no summaries"
    assert address_of(CARD) in pages, "the build made no card sheet"
    return pages


@pytest.fixture(scope="module")
def handouts(printouts, made):
    """Every summary and the card sheet as printed on A4 and Letter (the printouts fixture,
    shared with tests/test_print.py): {address: {paper: (pdf, text, sheets)}}, plus the
    smallest text and the card's colours under print media."""
    printed = {}
    for printout in printouts:
        address = "/" + printout.address.lstrip("/")
        if address not in made:
            continue
        entry = {"smallest": printout.printed["smallest"], "colours": printout.printed["colours"]}
        for paper in PAPERS:
            text, sheets, _ = printout.pdf[paper]
            entry[paper] = (printout.sheets[paper], text, sheets)
        printed[address] = entry
    assert set(printed) == set(made), f"not printed: {sorted(set(made) - set(printed))}"
    return printed


def summaries(made) -> dict[str, dict]:
    return {address: meta for address, meta in made.items() if meta.get("handout") == "summary"}


def test_every_patient_page_with_key_points_has_a_summary(made):
    written = written_pages()
    expected = {address_of(summary_source(meta_source)) for meta_source, meta in
                ((path.relative_to(DOCS).as_posix(), front_matter(path)) for path in all_pages(DOCS))
                if meta.get("key_points")}
    assert expected and expected == set(summaries(made)), (
        f"missing {sorted(expected - set(summaries(made)))}, extra {sorted(set(summaries(made)) - expected)}")
    for address, meta in summaries(made).items():
        assert address_of(meta["handout_of"]) in written, f"{address} summarises a page that does not exist"


@pytest.mark.parametrize("paper", PAPERS)
def test_each_summary_prints_on_one_side_with_everything_it_promises(site, made, handouts, paper):
    problems = []
    written = written_pages()
    for address, meta in summaries(made).items():
        page = address_of(meta["handout_of"])
        source = written[page]
        pdf, text, sheets = handouts[address][paper]
        flat = squash(text)
        if sheets != 1:
            problems.append(f"{address}: {sheets} sheets on {paper}, not one. Fix: shorten the page's key points "
                            "or \"In short\"")
        full = site.base_url + page.lstrip("/")
        wanted = {
            "the page title": source["title"],
            "the full page's address": full,
            "Page last reviewed": f"Page last reviewed: {long_date(source['reviewed'])}",
            "In short": "In short",
            "the line saying it is a summary": "This is a one-page summary of the full page",
            **{f"the {tier.name} action": f"{tier.name}: {tier.action}" for tier in BOX_TIERS},
            **{f"key point {n}": plain(point) for n, point in enumerate(source["key_points"], start=1)},
        }
        for what, words in wanted.items():
            if squash(words) not in flat:
                problems.append(f"{address} on {paper}: the printout lacks {what} ({words[:60]})")
        codes = read_texts(sheet_picture(pdf, 1))
        if codes != [full]:
            problems.append(f"{address} on {paper}: the QR codes read from the printed sheet are {codes}, not [{full}]")
    assert not problems, "\n".join(problems)


def test_summaries_print_no_text_under_10_points(made, handouts):
    small = [f"{address}: {size / 96 * 72:.1f} pt: {text!r}"
             for address in summaries(made) for size, text in [handouts[address]["smallest"]] if size < TEN_POINTS]
    assert not small, "summary text under 10 pt on paper:\n" + "\n".join(small)


@pytest.mark.parametrize("paper", PAPERS)
def test_the_card_sheet_prints_its_cards_on_one_side(site, made, handouts, paper):
    pdf, text, sheets = handouts[address_of(CARD)][paper]
    assert sheets == 1, f"the card sheet prints on {sheets} sheets of {paper}"
    flat = squash(text)
    address = site.base_url + address_of(CARD_OF).lstrip("/")
    written = written_pages()[address_of(CARD_OF)]
    reviewed = f"Reviewed {long_date(written['reviewed'])}"
    for words in [address, reviewed] + [f"{t.name.upper()}: {t.action}" for t in BOX_TIERS] + [
            sign.short for tier in BOX_TIERS for sign in SIGNS.of_tier(tier)]:
        count = flat.count(squash(words))
        assert count == CARDS_PER_SHEET, f"{words[:60]!r} is printed {count} times on {paper}, not {CARDS_PER_SHEET}"
    codes = read_texts(sheet_picture(pdf, 1))
    assert codes == [address] * CARDS_PER_SHEET, f"the QR codes read from the printed card sheet are {codes}"


def test_the_card_says_urgency_in_words_and_prints_in_black_and_grey(made, handouts):
    """Readable from a black-and-white printer: no colour carries meaning."""
    assert handouts[address_of(CARD)]["colours"] == [], handouts[address_of(CARD)]["colours"]


def test_every_page_links_to_what_it_can_print(site, made):
    """A reader reaches a page's summary from a clearly labelled link under its title, and
    the card from the warning-signs page."""
    problems = []
    wanted: dict[str, list[tuple[str, str]]] = {}
    for address, meta in made.items():
        label = "Print a one-page summary" if meta.get("handout") == "summary" else "Print a warning signs card"
        wanted.setdefault(address_of(meta["handout_of"]), []).append((label, address))
    for page, links in wanted.items():
        soup = BeautifulSoup(site.html_path(site.base_url + page.lstrip("/")).read_text(encoding="utf-8"), "html.parser")
        shown = {a.get_text(strip=True): a["href"] for a in soup.select("article .page-prints a")}
        for label, target in links:
            href = shown.get(label)
            resolved = re.sub(r"[^/]+/\.\./", "", page.lstrip("/") + (href or "")) if href else None
            while resolved and re.search(r"[^/]+/\.\./", resolved):
                resolved = re.sub(r"[^/]+/\.\./", "", resolved)
            if resolved is None or "/" + resolved != target:
                problems.append(f"{page}: no link '{label}' to {target} under its title (links: {shown})")
    assert not problems, "\n".join(problems)
