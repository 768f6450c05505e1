"""The decision diagrams as readers meet them: on a 360-pixel phone, by mouse and by
keyboard, in the light and the dark palette, on paper, without JavaScript and in search.

tests/test_diagrams.py checks that every diagram parses, renders in both palettes and
after instant navigation, and stays out of the search index. This file checks that what is
drawn helps a reader decide:

- Phone: at 360x740 CSS pixels no diagram scrolls sideways or spills out of the content
  column, no label is cut off by its box, and every label (box and arrow) is at least
  MIN_LABEL_PX tall as shown (its computed font size times the scale the SVG is drawn
  at). The guide's body text on a phone is 16px; diagrams.mjs lays diagrams out so
  that they need no scaling at 360px and labels show at 16px too.
- Links: every box except a question ("...?") links to a page of the guide, under the
  GitHub Pages subpath, to a heading that exists; a mouse click and the keyboard (Tab
  to the box, a visible focus ring, Enter) follow it.
- Colour: WCAG 2.2 AA in both palettes, read from the drawn SVG: label text 4.5:1 on its
  box and edge labels on theirs, box borders, arrows and the focus ring 3:1 against the
  page; each outcome (emergency, urgent, routine, self-care) looks the same everywhere.
- Accessible names: accTitle and accDescr become the SVG's <title> and <desc>, and a
  text version naming every box follows each diagram, on the built pages.
- Paper: the text version, never the drawing or Mermaid source. No JavaScript, search:
  the text version, never Mermaid source.

The link, colour, outcome-word, name, paper and keyboard checks read one visit of each
diagram page per palette (the `drawn` fixture, tests/drawn_diagrams.py); the phone and
mouse checks share one visit of each on a phone (`on_phone`), which ends with the click.
- Bad input: the build-time rules scripts/hooks/diagrams.py adds for links and outcome
  words fail with the file, line and fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from drawn_diagrams import BOXES, PRINTED, draw
from harness.browser import fresh_page, goto, open_context, watch, probe

from guide import diagrams as diagram_rules, warning_signs  # the build's own rulebook
from guide.warning_signs import words_of as normalise  # the build's way of comparing words

PHONE = {"width": 360, "height": 740}
# Smallest label a reader must read on a 360px phone, in CSS pixels as shown. WCAG sets
# no minimum; 12px is a common floor for small print, but these labels are the decision
# itself, for readers who are often older and in pain, and NHS pages set body text at
# 16-19px. 14px keeps labels within a step of the guide's 16px body text, and leaves room
# for a wider system font than the test machine's (labels are designed to show at 16px).
MIN_LABEL_PX = 14
RAW_MERMAID = ("flowchart TD", "accTitle", "accDescr", "-->", "~~~", 'href "')


def test_diagram_pages_draw_without_errors_in_either_palette(drawn):
    for scheme, palette in drawn.items():
        assert palette.pages, f"no diagram page was found to draw ({scheme})"
        assert not palette.problems, f"{scheme} palette: " + "\n".join(palette.problems)


# ---- helpers ---------------------------------------------------------------------------

def open_drawn(visit_page, url, **options):
    page, visit = visit_page(url, **options)
    draw(page)
    return page, visit


def short(url: str, site) -> str:
    return url.removeprefix(site.base_url) or "/"


def rgba(css: str) -> tuple[float, float, float, float]:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' (computed style) -> (r, g, b, alpha)."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    if css.startswith("#"):
        value = css.lstrip("#")
        numbers = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    if len(numbers) < 3:
        raise ValueError(f"not a colour: {css!r}")
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def over(colour: str, background: str) -> tuple[float, float, float]:
    """The colour a reader sees: `colour` (maybe see-through) painted on `background`."""
    r, g, b, a = rgba(colour)
    br, bg, bb, _ = rgba(background)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(front: str, back: str, page_background: str = "rgb(255, 255, 255)") -> float:
    """WCAG contrast ratio of `front` on `back` (both composited on the page first)."""
    back_rgb = over(back, page_background)
    back_css = "rgb({}, {}, {})".format(*back_rgb)
    lighter, darker = sorted((luminance(over(front, back_css)), luminance(back_rgb)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def boxes_in_source(source: str) -> list[str]:
    diagram, _ = diagram_rules.parse(source.split("\n", 1)[1] if source.startswith("```") else source, 0, "source")
    return [node.label for node in diagram.nodes.values()]


# ---- reading the drawn diagrams ----------------------------------------------------------

# Size and fit of every diagram on the page, as drawn.
MEASURE = probe("diagram_fit")


def measure(page) -> list[dict]:
    return page.evaluate(MEASURE)


def phone_problems(where: str, diagram: dict) -> list[str]:
    problems = []
    if diagram["spills"]:
        problems.append(f"{where}: the diagram is wider than the {diagram['columnWidth']:.0f}px content column "
                        "(sideways scrolling)")
    small = [l for l in diagram["labels"] if l["px"] < MIN_LABEL_PX]
    for label in small[:3]:
        problems.append(f"{where}: label {label['text'][:40]!r} shows at {label['px']:.1f}px, under {MIN_LABEL_PX}px "
                        f"(the diagram is {diagram['naturalWidth']:.0f}px wide and is scaled down to "
                        f"{diagram['shownWidth']:.0f}px). Fix: lay it out narrower (at most two boxes side by "
                        "side, shorter labels) or split it in two")
    for label in [l for l in diagram["labels"] if l["cut"]][:3]:
        problems.append(f"{where}: label {label['text'][:40]!r} spills out of its box")
    return problems


# ---- phone -------------------------------------------------------------------------------

@dataclass
class OnPhone:
    """One diagram page opened on a phone and drawn: how it fits, then a box clicked."""
    where: str
    scroll_width: int  # the page's width as laid out
    diagrams: list  # MEASURE: each diagram's size and labels
    clicked: dict  # the box clicked (its href), where the click led, and whether its anchor is there
    problems: list  # console errors, failed requests and other hosts


@pytest.fixture(scope="module")
def on_phone(site, browser) -> list[OnPhone]:
    """Every diagram page opened once at 360px with every diagram drawn: its fit is read
    (the phone check), then a box that leads to another page is clicked with the mouse
    (the click check). A fresh context each, as a reader arriving."""
    found = []
    for url in site.diagram_urls():
        with fresh_page(browser, site.origin, url, viewport=PHONE) as (page, visit):
            draw(page)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            diagrams = measure(page)
            boxes = [b for d in page.evaluate(BOXES) for b in d["boxes"]]
            # A box that leads to another page (links to this page's own headings only scroll).
            index, box = next((i, b) for i, b in enumerate(b for b in boxes if b["href"])
                              if b["href"].partition("#")[0] != url)
            page.locator("div.mermaid svg a").nth(index).click()
            page.wait_for_url(box["href"], timeout=10000)
            anchor = box["href"].partition("#")[2]
            clicked = {"href": box["href"], "url": page.url,
                       "anchor_found": not anchor or page.evaluate("id => !!document.getElementById(id)", anchor)}
            found.append(OnPhone(short(url, site), scroll_width, diagrams, clicked, visit.problems()))
    return found


def test_every_diagram_fits_a_phone_with_readable_labels(on_phone):
    problems, sizes = [], []
    assert on_phone, "no diagram page was opened"
    for page in on_phone:
        assert page.scroll_width <= PHONE["width"], f"{page.where}: the page scrolls sideways at {PHONE['width']}px"
        for n, diagram in enumerate(page.diagrams, start=1):
            where = f"{page.where} diagram {n} ({diagram['title']})"
            assert diagram["labels"], f"{where}: no labels found, so nothing was measured"
            smallest = min(label["px"] for label in diagram["labels"])
            sizes.append(f"{where}: {diagram['naturalWidth']:.0f}px wide in a {diagram['columnWidth']:.0f}px column, "
                         f"{diagram['height']:.0f}px tall, smallest label {smallest:.1f}px")
            problems += phone_problems(where, diagram)
    print("\n".join(["", "Diagram sizes at 360px:"] + sizes))
    assert not problems, "\n".join(problems)


def test_phone_check_catches_a_diagram_that_is_too_wide(site, visit_page):
    """Guards the test above: four boxes side by side must be reported as too small."""
    url = site.diagram_urls()[0]
    page, _ = open_drawn(visit_page, url, viewport=PHONE)
    wide = ('flowchart TD\n    accTitle: Too wide\n    accDescr: Four boxes side by side.\n'
            '    q("Where is the pain?") --> a["Front of the knee"] & b["Inside of the knee"]'
            ' & c["Outside of the knee"] & d["Back of the knee"]')
    page.evaluate(probe("add_diagram"), wide)
    draw(page)
    added = measure(page)[-1]
    assert added["title"] == "Too wide"
    problems = phone_problems("the added diagram", added)
    assert any(f"under {MIN_LABEL_PX}px" in p for p in problems), (
        f"a {added['naturalWidth']:.0f}px-wide diagram passed the phone check: {added['labels'][:2]}")


# ---- links -------------------------------------------------------------------------------

def test_every_box_that_is_not_a_question_links_to_a_page_of_the_guide(site, drawn):
    problems, checked = [], 0
    for page in drawn["light"].pages:
        for diagram in page.boxes:
            where = f"{page.where} ({diagram['title']})"
            for box in diagram["boxes"]:
                if box["label"].endswith("?"):
                    continue
                if not box["href"]:
                    problems.append(f"{where}: box {box['label']!r} links nowhere. Fix: add "
                                    '`click ID href "page.md#heading" "tooltip"` to the diagram')
                    continue
                checked += 1
                target, _, anchor = box["href"].partition("#")
                if not target.startswith(site.base_url):
                    problems.append(f"{where}: box {box['label']!r} links outside the guide's address: {box['href']}")
                    continue
                status = answer(target)
                if status != 200:
                    problems.append(f"{where}: box {box['label']!r} links to {target}, which answers {status}")
                elif anchor and f'id="{anchor}"' not in site.html_path(target).read_text(encoding="utf-8"):
                    problems.append(f"{where}: box {box['label']!r} links to #{anchor}, which {target} lacks")
    assert checked >= 30, f"only {checked} diagram links found: the diagrams lost their links"
    assert not problems, "\n".join(problems)


def answer(url: str) -> int:
    """The HTTP status the site's server gives for `url`."""
    try:
        with urlopen(url, timeout=10) as response:
            return response.status
    except HTTPError as error:
        return error.code


def test_a_mouse_click_on_a_box_opens_its_page(site, on_phone):
    assert on_phone, "no diagram page was opened"
    for page in on_phone:
        clicked = page.clicked
        assert clicked["url"] == clicked["href"] and clicked["url"].startswith(site.base_url), (
            f"{page.where}: clicking the box for {clicked['href']} led to {clicked['url']}")
        assert clicked["anchor_found"], f"{clicked['url']} has no #{clicked['href'].partition('#')[2]}"
        assert not page.problems, f"{page.where}: {page.problems}"


def test_box_links_lead_to_the_right_page_after_instant_navigation(site, visit_page):
    """Box links are relative addresses: they must resolve from the page the reader moved
    to without a reload (Material's instant navigation), not from the first page loaded."""
    target = next(u for u in site.diagram_urls() if u.endswith("/treatment/"))
    page, visit = visit_page(site.base_url)
    page.evaluate("window.__noReload = true")
    href = page.evaluate(
        "t => [...document.querySelectorAll('nav a[href]')].find(a => a.href === t).getAttribute('href')", target)
    page.click(f"nav a[href='{href}']")
    page.wait_for_url(target)
    draw(page)
    assert page.evaluate("window.__noReload === true"), "the click reloaded the page: not instant navigation"
    page.locator("div.mermaid svg a").filter(has_text="physiotherapy").click()
    page.wait_for_url(site.base_url + "treatment/exercise/", timeout=10000)
    assert not visit.problems(), visit.problems()


# Tab through the page until the focus is on a link inside diagram number `n`.
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_keyboard_reaches_every_box_link_with_a_visible_focus_ring(drawn, scheme):
    """From the shared visit (tests/drawn_diagrams.py, walk_by_keyboard)."""
    problems = []
    for page in drawn[scheme].pages:
        background = page.colours["page"]  # the page behind the diagrams
        for n, walk in enumerate(page.keyboard):
            where = f"{page.where} diagram {n + 1} ({scheme})"
            if not walk["before"]:
                problems.append(f"{where}: no Tab stop comes before the diagram")
                continue
            if not walk["entered"]:
                problems.append(f"{where}: Tab from the stop before the diagram never reaches its links")
                continue
            focused = walk["ring"]
            if not (focused["visible"] and focused["style"] != "none" and focused["width"] >= 2):
                problems.append(f"{where}: the focused box shows no focus ring: {focused}")
            elif contrast(focused["colour"], background) < 3:
                problems.append(f"{where}: the focus ring {focused['colour']} is under 3:1 on {background}")
            if not walk["changes_on_screen"]:
                problems.append(f"{where}: focusing a box changes nothing on screen")
            if walk["reached"] != walk["links"]:
                problems.append(f"{where}: Tab reaches {walk['reached']} of the diagram's {walk['links']} links")
    assert drawn[scheme].pages and all(page.keyboard for page in drawn[scheme].pages), "no diagram was walked"
    assert not problems, "\n".join(problems)


def test_enter_on_a_focused_box_follows_its_link(site, visit_page):
    """Tab to a box that links to another page and press Enter: the page opens."""
    url = next(u for u in site.diagram_urls() if u.endswith("/treatment/"))
    page, visit = open_drawn(visit_page, url)
    hrefs = page.evaluate(probe("diagram_link_targets"))
    target = next(h for h in hrefs if h.startswith(site.base_url + "treatment/") and h != url)
    page.locator("div.mermaid svg a").first.focus()
    for _ in range(len(hrefs)):
        here = page.evaluate(probe("focused_link_target"))
        if here == target:
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail(f"Tab never reached the box that links to {target}")
    page.keyboard.press("Enter")
    page.wait_for_url(target, timeout=10000)
    assert page.locator("article h1").inner_text().strip(), "the linked page opened without a title"
    assert not visit.problems(), visit.problems()


# ---- colour ------------------------------------------------------------------------------

def test_contrast_formula_matches_known_values():
    """Guards the colour test: the WCAG ratio for well-known pairs."""
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes on white
    assert contrast("#777777", "#ffffff") < 4.5
    assert round(contrast("rgba(0, 0, 0, 0.5)", "#ffffff"), 2) == round(contrast("rgb(127.5, 127.5, 127.5)", "#ffffff"), 2)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagram_colours_pass_wcag_aa_and_mean_the_same_everywhere(drawn, scheme):
    problems, looks = [], {}
    for page in drawn[scheme].pages:
        background = page.colours["page"]
        for diagram in page.colours["diagrams"]:
            where = f"{page.where} ({diagram['title']}, {scheme})"
            for box in diagram["boxes"]:
                text_ratio = contrast(box["text"], box["fill"], background)
                if text_ratio < 4.5:
                    problems.append(f"{where}: {box['outcome']} box {box['label'][:30]!r}: text {box['text']} on "
                                    f"{box['fill']} is {text_ratio:.2f}:1, under 4.5:1")
                border_ratio = contrast(box["stroke"], background)
                if border_ratio < 3 or box["strokeWidth"] < 1:
                    problems.append(f"{where}: {box['outcome']} box {box['label'][:30]!r}: border {box['stroke']} "
                                    f"({box['strokeWidth']}px) on the page {background} is {border_ratio:.2f}:1, under 3:1")
                looks.setdefault(box["outcome"], set()).add((box["fill"], box["stroke"], box["text"]))
            for name, colours in (("arrow", diagram["lines"]), ("arrowhead", diagram["arrowheads"])):
                for colour in set(colours):
                    if contrast(colour, background) < 3:
                        problems.append(f"{where}: {name} colour {colour} on {background} is under 3:1")
            for label in diagram["edgeLabels"]:
                ratio = contrast(label["text"], label["background"], background)
                if ratio < 4.5:
                    problems.append(f"{where}: edge label {label['label']!r} {label['text']} on "
                                    f"{label['background']} is {ratio:.2f}:1, under 4.5:1")
            assert diagram["lines"] and diagram["boxes"], f"{where}: nothing drawn to check"
    for outcome, variants in looks.items():
        if len(variants) != 1:
            problems.append(f"{scheme}: {outcome} boxes are drawn {len(variants)} different ways: {sorted(variants)}")
    fills = {outcome: next(iter(v))[0] for outcome, v in looks.items()}
    if len(set(fills.values())) != len(fills):
        problems.append(f"{scheme}: two kinds of box share a fill colour: {fills}")
    assert {"emergency", "urgent", "plain"} <= set(looks), f"expected emergency and urgent boxes, found {set(looks)}"
    assert not problems, "\n".join(problems + ["Fix: change COLOURS in docs/assets/javascripts/diagrams.mjs."])


def test_outcome_boxes_say_their_meaning_in_words(drawn):
    """Colour is never the only cue: as drawn, an outcome box starts with its outcome's
    words (data/warning-signs.yml for the tiers), e.g. EMERGENCY or SAME DAY."""
    outcomes = diagram_rules.outcomes(warning_signs.cached())
    problems = []
    for page in drawn["light"].pages:
        for diagram in page.boxes:
            for box in diagram["boxes"]:
                for name, outcome in outcomes.items():
                    if name in box["classes"] and not box["label"].startswith(outcome.words):
                        problems.append(f"{page.where}: {name} box {box['label']!r} does not start with {outcome.words}")
    assert not problems, "\n".join(problems)


# ---- accessible names and text versions ---------------------------------------------------

def test_built_diagrams_have_a_title_a_description_and_a_text_version_naming_every_box(drawn):
    problems, count = [], 0
    for page in drawn["light"].pages:
        for n, diagram in enumerate(page.accessible, start=1):
            count += 1
            where = f"{page.where} diagram {n}"
            title = re.search(r"^\s*accTitle\s*:\s*(.+?)\s*$", diagram["source"], re.M)
            description = re.search(r"^\s*accDescr\s*:\s*(.+?)\s*$", diagram["source"], re.M)
            if not (title and description):
                problems.append(f"{where}: the source has no accTitle or accDescr")
                continue
            if "graphics-document" not in (diagram["role"] or ""):
                problems.append(f"{where}: the SVG has role {diagram['role']!r}, not graphics-document")
            if diagram["labelledBy"] != [["title", title.group(1)]]:
                problems.append(f"{where}: aria-labelledby points at {diagram['labelledBy']}, not <title> with the accTitle")
            if diagram["describedBy"] != [["desc", description.group(1)]]:
                problems.append(f"{where}: aria-describedby points at {diagram['describedBy']}, not <desc> with the accDescr")
            if diagram["nextTag"] != "DETAILS" or not (diagram["summary"] or "").startswith("Text version"):
                problems.append(f"{where}: the diagram is not followed by its 'Text version' block "
                                f"(next is {diagram['nextTag']} {diagram['summary']!r})")
                continue
            words = normalise(diagram["textVersion"])
            drawn = set(diagram["boxes"])
            if drawn != set(boxes_in_source(diagram["source"])):
                problems.append(f"{where}: the drawn boxes {sorted(drawn)} differ from the source's")
            for box in drawn:
                if normalise(box) not in words:
                    problems.append(f"{where}: the text version does not name the box {box!r}")
    assert count >= 5, f"only {count} diagrams found; the site map asks for five"
    assert not problems, "\n".join(problems)


# ---- paper, no JavaScript, search ---------------------------------------------------------

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_print_as_their_text_version_in_paper_colours(drawn, scheme):
    """On paper a diagram prints once, as its text version, open, in dark text on the white
    sheet even when the reader uses the dark palette; never the drawing (a tall, mostly
    empty sheet) and never Mermaid source. Read with every diagram drawn, the case where a
    drawing could leak onto paper."""
    problems = []
    for page in drawn[scheme].pages:
        problems += paper_problems(f"{page.where} ({scheme})", page.printed)
    assert not problems, "\n".join(problems)


def test_a_diagram_reached_by_instant_navigation_prints_as_its_text_version(site, browser):
    """The same after Material swaps the page in without a reload."""
    context, visit = open_context(browser, site.origin)
    try:
        tab = context.new_page()
        watch(tab, visit)
        goto(tab, site.base_url)
        target = next(u for u in site.diagram_urls() if u.endswith("/warning-signs/"))
        tab.evaluate("window.__noReload = true")
        tab.locator("nav a[href$='warning-signs/']").first.click()
        tab.wait_for_url(target)
        draw(tab)
        assert tab.evaluate("window.__noReload === true"), "the click reloaded the page: not instant navigation"
        tab.emulate_media(media="print")
        problems = paper_problems("warning-signs/ after instant navigation", tab.evaluate(PRINTED))
        assert not visit.problems(), visit.problems()
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def paper_problems(where: str, printed: dict) -> list[str]:
    problems = [f"{where}: Mermaid source {raw!r} is printed" for raw in RAW_MERMAID if raw in printed["text"]]
    if not printed["diagrams"]:
        problems.append(f"{where}: no diagram found to print")
    for n, diagram in enumerate(printed["diagrams"], start=1):
        if not diagram["drawn"]:
            problems.append(f"{where}: diagram {n} was not drawn, so this could not check that its drawing stays off paper")
        if diagram["drawingPrints"]:
            problems.append(f"{where}: diagram {n} prints its drawing; print.css should print only its text version")
        if not diagram["textVersion"]:
            problems.append(f"{where}: diagram {n}'s text version does not print")
        for colour in diagram["textColours"]:
            if contrast(colour, "rgb(255, 255, 255)") < 4.5:
                problems.append(f"{where}: diagram {n}'s text version prints {colour} on white paper, under 4.5:1")
    return problems


def test_without_javascript_readers_get_the_text_version_not_mermaid(site, browser):
    context, visit = open_context(browser, site.origin, java_script_enabled=False)
    problems = []
    try:
        tab = context.new_page()
        for url in site.diagram_urls():
            where = short(url, site)
            tab.goto(url, wait_until="load")
            sources = tab.locator("div.mermaid").all_text_contents()
            assert sources and all("flowchart TD" in s for s in sources), f"{where}: diagram source missing from the HTML"
            if any(tab.locator("div.mermaid").nth(i).is_visible() for i in range(len(sources))):
                problems.append(f"{where}: Mermaid source is visible without JavaScript")
            shown = tab.locator("article").inner_text()
            problems += [f"{where}: {raw!r} is visible without JavaScript" for raw in RAW_MERMAID if raw in shown]
            versions = tab.locator("div.mermaid + details")
            if versions.count() != len(sources):
                problems.append(f"{where}: {len(sources)} diagrams but {versions.count()} text versions right after them")
                continue
            for i, source in enumerate(sources):
                block = versions.nth(i)
                summary = block.locator("summary")
                if not summary.is_visible() or not summary.inner_text().startswith("Text version"):
                    problems.append(f"{where}: diagram {i + 1}'s text version is not offered")
                    continue
                summary.click()  # a native <details>: opens without JavaScript
                steps = block.locator("li")
                if not steps.count() or not steps.first.is_visible():
                    problems.append(f"{where}: diagram {i + 1}'s text version does not open without JavaScript")
                words = normalise(block.inner_text())
                missing = [b for b in boxes_in_source(source) if normalise(b) not in words]
                if missing:
                    problems.append(f"{where}: diagram {i + 1}'s text version lacks {missing}")
        assert not visit.off_origin, visit.off_origin
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_search_finds_a_diagram_by_its_text_version_and_never_shows_its_source(site, visit_page):
    page, visit = visit_page(site.base_url)
    page.click(".md-search__input")
    page.keyboard.type("clues", delay=30)
    section = page.locator(".md-search-result__link[href*='back-hip-or-knee/'][href$='#decision-diagram']")
    section.wait_for(state="attached", timeout=10000)
    found = section.text_content()
    assert "Clue: may be your hip" in found, (
        f"search does not show the diagram's text version: {found[:300]}")
    shown = " ".join(page.locator(".md-search-result__link").all_text_contents())
    leaked = [raw for raw in RAW_MERMAID + ("click ", "class sc") if raw in shown]
    assert not leaked, f"search results show Mermaid source: {leaked}"
    assert not visit.problems(), visit.problems()


# The build-time rules (scripts/guide/diagrams.py) and the mistakes that fail the build are
# checked in tests/test_warning_signs.py and tests/test_bad_input.py.
