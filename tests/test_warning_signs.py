"""Warning signs are written once, in data/warning-signs.yml, and everything obeys it:

- the data file itself is complete and every sign has sources (the build checks it; the
  cases that must fail are in tests/test_bad_input.py);
- pages draw from it: the warning-signs page lists every sign under its tier, every
  "Get help now" box shows the data's words for the tiers it picks, and the banner on every
  page is the data's emergency line;
- prose obeys it: `check_prose` finds a sign named with another tier's urgency words;
- diagrams obey it: questions route signs to their tier, self-care comes only after every
  warning sign was asked about, and the text version is made from the same boxes and arrows.

The first and last groups need no build; the middle one reads the built site (no browser).
"""
from __future__ import annotations


import pytest
from bs4 import BeautifulSoup

from sitekit import ROOT

from guide import diagrams, markers, warning_signs
from guide.problems import DATA, load_yaml

SIGNS = warning_signs.cached()


def plain(html_fragment) -> str:
    return " ".join(html_fragment.get_text(" ").split())


# ---- the data ----------------------------------------------------------------------------------

def test_the_data_file_is_valid_and_every_sign_has_known_sources():
    signs, problems = warning_signs.load(known_sources=set(load_yaml(DATA / "references.yml")))
    assert not problems, "\n".join(map(str, problems))
    assert [t.id for t in signs.tiers.values()] == ["emergency", "same-day", "soon", "routine"]
    for tier in signs.tiers.values():
        assert signs.of_tier(tier), f"tier {tier.id} has no signs"
    assert all(s.sources for s in signs.signs.values())


def test_the_review_s_missing_signs_are_there_with_their_tiers():
    """S2 and S10 of the clinical review (29 November 2026), each with a confirmed source."""
    tier = {s.id: s.tier.id for s in SIGNS.signs.values()}
    assert tier["age"] == "soon" and tier["recent-infection"] == "soon"
    assert tier["fever"] == "soon" and tier["fever-and-unwell"] == "same-day"
    assert tier["new-weakness"] == "same-day" and tier["not-getting-better"] == "routine"


# ---- prose -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, sign", [
    ("If you have diabetes and new weakness, see your doctor soon.", "new-weakness"),
    ("Pain that is not getting better after a few weeks: see a doctor within a few days.", "not-getting-better"),
    ("A hot, swollen knee can wait for a routine appointment.", "hot-swollen-knee"),
    ("Numbness between your legs needs a doctor the same day.", "saddle-numbness"),
])
def test_prose_that_gives_a_sign_another_tier_is_reported_with_its_line(sentence, sign):
    page = "---\ntitle: T\n---\n\nSome words.\n\n" + sentence + "\n"
    problems = warning_signs.check_prose(page, "docs/x.md", SIGNS)
    assert [(p.line, f"`{sign}`" in p.what) for p in problems] == [(7, True)], problems


@pytest.mark.parametrize("sentence", [
    "New or worsening weakness needs a doctor the same day. If you cannot be seen, go to an emergency department.",
    "A hot, swollen knee needs a doctor the same day, even if you do not have a fever.",
    "This does not apply if your leg is getting weaker, or if you have emergency warning signs: go to an emergency department.",
    "A fever with new weakness needs a doctor the same day.",
    "A swollen calf can be a blood clot.",  # names a sign but gives no urgency: not advice
    "- **Same day:** a hot, swollen knee; a swollen, painful calf.",
])
def test_prose_that_agrees_with_the_data_passes(sentence):
    assert warning_signs.check_prose(sentence + "\n", "docs/x.md", SIGNS) == []


def test_prose_in_code_diagrams_and_markers_is_not_read():
    page = "```text\nnew weakness: see a doctor soon\n```\n\n<!-- guide:help-box new weakness see a doctor soon -->\n"
    assert warning_signs.check_prose(page, "docs/x.md", SIGNS) == []


def test_a_longer_phrase_wins_over_a_shorter_one_inside_it():
    assert [s.id for s in SIGNS.signs_named("a fever with new weakness")] == ["fever-and-unwell"]
    assert [s.id for s in SIGNS.signs_named("a fever")] == ["fever"]


# ---- markers -----------------------------------------------------------------------------------

def test_a_box_shows_the_short_form_of_each_sign_it_picks_under_its_tier_s_action():
    text, errors = warning_signs.marker_output("help-box", ["foot-drop", "lung-clot"], SIGNS)
    assert not errors
    emergency, same_day = SIGNS.tiers["emergency"], SIGNS.tiers["same-day"]
    assert text.startswith(f'!!! {emergency.box_type} {warning_signs.HELP_BOX_CLASS} "{emergency.box_title}"')
    assert text.index(emergency.action) < text.index(SIGNS.signs["lung-clot"].short) < text.index(same_day.action)
    assert SIGNS.signs["foot-drop"].short in text and same_day.after in text
    assert SIGNS.signs["saddle-numbness"].short not in text, "only the picked signs"


def test_a_box_with_no_names_shows_the_two_most_urgent_tiers():
    text, _ = warning_signs.marker_output("help-box", [], SIGNS)
    shown = [s.id for s in SIGNS.signs.values() if f"- {s.short}\n" in text]
    assert shown == [s.id for s in SIGNS.signs.values() if s.tier.rank <= 1]


def test_markers_report_unknown_names_and_look_alikes_with_their_lines():
    raw = "a\n<!-- guide:help-box nope -->\n<!-- guide:helpbox -->\n<!--guide : help-box-->\n<!-- note: fine? -->\n"
    handlers = {"help-box": lambda m: warning_signs.marker_output("help-box", m.args, SIGNS)}
    _, problems = markers.expand(raw, raw, "docs/x.md", handlers)
    found = sorted((p.line, p.what.split(":")[0][:40]) for p in problems)
    assert [line for line, _ in found] == [2, 3, 4, 5], problems
    assert "no tier or sign called `nope`" in " ".join(p.what for p in problems)


# ---- diagrams ----------------------------------------------------------------------------------

def parse(body: str):
    diagram, problems = diagrams.parse(body, 10, "docs/x.md")
    assert not problems, problems
    return diagram


EM = SIGNS.tiers["emergency"].diagram[0]
SD = SIGNS.tiers["same-day"].diagram[0]


def test_the_text_version_is_made_from_the_boxes_and_arrows():
    diagram = parse(f"""flowchart TD
    accTitle: T
    start["Pain"] --> q1("Chest pain?")
    q1 -->|No| q2("Hot swollen knee?")
    q1 -->|Yes| e["{EM}"]
    q2 -->|No| clue["Clue: knee"]
    q2 -->|Yes| s["{SD}"]
    clue --> end1["SELF-CARE: rest"]
    click start href "a.md" "A"
    click e href "warning-signs.md#emergency" "E"
""")
    assert diagrams.text_version(diagram, lambda target: target) == "\n".join([
        "1. [Pain.](a.md) Next: go to step 2.",
        f"2. Chest pain? If yes: [{EM}](warning-signs.md#emergency). If no: go to step 3.",
        f"3. Hot swollen knee? If yes: {SD}. If no: go to step 4.",
        "4. Clue: knee. Next: SELF-CARE: rest.",
    ])


def test_every_arrow_of_every_real_diagram_is_in_its_text_version():
    """For each arrow, the step that names its start names its end too, or sends the
    reader to the step that starts with it (I10 of the review was an arrow missing from
    one of the two)."""
    checked = 0
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for _, _, match in diagrams.find(path.read_text(encoding="utf-8")):
            diagram = parse(match["body"])
            steps = diagrams.text_version(diagram, lambda target: None).splitlines()
            starts = {n: line.split(". ", 1)[1] for n, line in enumerate(steps, start=1)}
            for edge in diagram.visible_edges():
                src, dst = diagram.nodes[edge.src].label, diagram.nodes[edge.dst].label
                step = next(line for line in steps if src in line)
                sent_on = [n for n, text in starts.items() if text.startswith(dst) and f"step {n}" in step
                           or text.startswith(dst) and "steps " in step and f" {n}" in step]
                assert dst in step or sent_on, f"{path.name}: the arrow {edge.src} -> {edge.dst} is not in: {step}"
                checked += 1
    assert checked > 40


def test_a_question_that_names_a_sign_must_answer_yes_with_its_tier():
    diagram = parse(f"""flowchart TD
    q("New weakness in one leg?") -->|Yes| r["SEE YOUR DOCTOR: book"]
    q -->|No| e["{EM}"]
    class r routine
    class e emergency
""")
    problems = [p.what for p in diagrams.check(diagram, "docs/x.md", SIGNS)]
    assert any("its Yes leads to `r`, a routine outcome" in p for p in problems), problems


def test_self_care_comes_only_after_every_warning_sign_was_asked_about():
    asks = ["Any emergency warning sign?", "Any same-day warning sign?", "Any sign that needs a doctor soon?"]
    outcome = {0: "emergency", 1: "urgent", 2: "soon"}

    def body(questions):
        lines = ["flowchart TD", "    accTitle: T", "    accDescr: D"]
        previous = None
        for n, text in enumerate(questions):
            lines.append(f'    q{n}("{text}")')
            tier = SIGNS.by_class(outcome[asks.index(text)])
            lines += [f'    q{n} -->|Yes| o{n}["{tier.diagram[0]}"]', f"    class o{n} {tier.css_class}",
                      f'    click o{n} href "warning-signs.md#{tier.section}" "x"']
            if previous is not None:
                lines.append(f"    q{previous} -->|No| q{n}")
            previous = n
        lines += [f'    q{previous} -->|No| sc["SELF-CARE: rest"]', "    class sc selfcare", '    click sc href "a.md" "x"']
        return "\n".join(lines)

    complete = diagrams.check(parse(body(asks)), "docs/x.md", SIGNS)
    assert complete == [], complete
    missing = diagrams.check(parse(body(asks[:2])), "docs/x.md", SIGNS)
    assert len(missing) == 1 and "without asking about" in missing[0].what
    assert SIGNS.signs["cancer"].short in missing[0].what


# ---- the built pages ---------------------------------------------------------------------------

def built(site, address: str):
    return BeautifulSoup((site.dir / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_warning_signs_page_lists_every_sign_under_its_tier(site):
    soup = built(site, "warning-signs")
    for tier in SIGNS.tiers.values():
        heading = soup.find(id=tier.section)
        assert heading is not None and heading.name == "h2", f"no section #{tier.section}"
        listed = heading.find_next("ul")
        items = [plain(li) for li in listed.find_all("li", recursive=False)]
        expected = [plain(BeautifulSoup(warning_signs.words_of(s.full), "html.parser")) for s in SIGNS.of_tier(tier)]
        assert [warning_signs.words_of(i).strip() for i in items] == [e.strip() for e in expected], tier.id


def test_every_box_on_every_page_uses_the_data_s_words(site):
    """Each generated box: a tier's name and action, then that tier's signs in short form."""
    shorts = {warning_signs.words_of(s.short): s for s in SIGNS.signs.values()}
    boxes = 0
    for path in sorted(site.dir.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for box in soup.select("article .admonition"):
            text = plain(box)
            if "See all the warning signs" not in text:
                continue
            boxes += 1
            for item in box.select("li"):
                key = warning_signs.words_of(plain(item))
                assert key in shorts, f"{path.relative_to(site.dir)}: {plain(item)!r} is not a sign's short form"
                tier = shorts[key].tier
                assert f"{tier.name}: {tier.action}" in text, f"{path.relative_to(site.dir)}: {tier.id} action missing"
    assert boxes >= 15, f"only {boxes} generated boxes found"


def test_the_banner_on_every_page_is_the_data_s_emergency_line(site):
    banner = SIGNS.tiers["emergency"].banner
    for path in sorted(site.dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if 'class="warning-banner"' in html:
            soup = BeautifulSoup(html, "html.parser")
            assert banner in plain(soup.select_one(".warning-banner")), path
