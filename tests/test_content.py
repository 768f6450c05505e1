"""The guide's words: reading level, a way to the warning signs, glossary tooltips,
sources on every page and the same emergency wording everywhere.

These read the built pages, so they check what a reader actually gets."""
from __future__ import annotations

import re
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from sitekit import ROOT

from guide import evidence, readability, references, warning_signs

GRADE_LIMIT = {"patients": 8.0, "clinicians": 12.0}
EMERGENCY_ACTION = "go to an emergency department or call your local emergency number"
# Pages that are lists or about the guide itself: not about symptoms, causes or treatment.
NOT_CLINICAL = {"warning-signs/", "glossary/", "references/", "about/", "clinicians/"}


def pages(site):
    """(address relative to the site, built HTML, front matter) for every Markdown page."""
    out = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").as_posix()
        address = "" if rel == "index.md" else rel.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
        front = yaml.safe_load(md.read_text(encoding="utf-8").split("---")[1])
        html = (site.dir / address / "index.html").read_text(encoding="utf-8")
        out.append((address, html, front))
    return out


def article_soup(html: str):
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def test_reading_level_is_within_the_house_limit(site):
    report = []
    for address, html, front in pages(site):
        limit = GRADE_LIMIT[front["audience"]]
        prose = readability.measure(html)
        if prose.grade > limit:
            longest = "\n".join(f"      ({len(s.split())} words) {s}" for s in prose.longest)
            report.append(f"/{address}: grade {prose.grade} (limit {limit} for {front['audience']}); "
                          f"longest sentences:\n{longest}")
    assert not report, "pages too hard to read: shorten sentences and use plainer words\n" + "\n".join(report)


def test_reading_level_check_can_fail():
    """Guards the test above: dense text must score above the patient limit."""
    dense = "<article class='md-content__inner'><p>" + (
        "Lumbosacral radiculopathy consequent upon intervertebral disc herniation frequently "
        "necessitates comprehensive neurological evaluation incorporating electrodiagnostic investigation. "
    ) * 5 + "</p></article>"
    assert readability.measure(dense).grade > GRADE_LIMIT["patients"]


def test_clinical_pages_link_to_the_warning_signs(site):
    missing = []
    for address, html, front in pages(site):
        if address in NOT_CLINICAL or front["audience"] != "patients":
            continue
        links = [a.get("href", "") for a in article_soup(html).select("a[href]")]
        if not any(re.search(r"(^|/)warning-signs/(#.*)?$", href) for href in links):
            missing.append(f"/{address}")
    assert not missing, ("these pages discuss symptoms, causes, diagnosis or treatment but their text "
                         "never links to the warning-signs page (add the get-help-now box or a link): "
                         + ", ".join(missing))


def test_every_page_starts_with_an_in_short_answer(site):
    for address, html, front in pages(site):
        first = article_soup(html).select_one(".admonition")
        assert first is not None and "In short" in first.select_one(".admonition-title").get_text(), (
            f"/{address} must open with an 'In short' box answering its question"
        )
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", first.select_one("p:not(.admonition-title)").get_text(" ").strip()) if s]
        assert 1 <= len(sentences) <= 5, f"/{address}: 'In short' has {len(sentences)} sentences"


def glossary_forms() -> dict[str, str]:
    """form -> definition, as the glossary hook builds them."""
    entries = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8")) or []
    forms = {}
    for entry in entries:
        term = entry["term"]
        for form in list(entry.get("forms") or [term]) + [term, term[:1].upper() + term[1:]]:
            forms[form] = entry["definition"]
    return forms


def test_glossary_terms_have_tooltips_and_tooltips_have_entries(site):
    forms = glossary_forms()
    if not forms:
        pytest.fail("data/glossary.yml is empty: every medical word used needs an entry")
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")
    untipped, unknown = [], []
    for address, html, front in pages(site):
        if address == "glossary/":
            continue
        main = article_soup(html)
        for abbr in main.select("abbr"):
            if forms.get(abbr.get_text()) != abbr.get("title"):
                unknown.append(f"/{address}: <abbr>{abbr.get_text()}</abbr> is not a glossary entry")
        # Left out: code and diagram source, and text that templates or hooks generate from
        # data rather than Markdown (the title from front matter, the print header, the
        # lists of sources and of handout addresses), which the abbr step never sees.
        for selector in ("div.mermaid", "pre", "code", "script", "svg", "abbr", "a.headerlink", "h1",
                         ".print-header", "ol.source-list", "ol.reference-list", "ol.handout-list", "#sources"):
            for element in main.select(selector):
                element.decompose()
        for match in pattern.finditer(main.get_text(" ")):
            untipped.append(f"/{address}: {match.group(1)!r}")
    assert not unknown, "\n".join(unknown)
    assert not untipped, ("glossary words shown without a tooltip (is the word inside raw HTML?):\n"
                          + "\n".join(sorted(set(untipped))))


def test_every_page_lists_its_sources_with_identifiers(site):
    """Each page's Sources list is exactly its front matter's `sources:` plus those behind the
    warning signs it shows, and each entry links to its DOI, PubMed record or the address
    recorded in data/references.yml."""
    known, _ = references.load()
    signs = warning_signs.cached()
    problems = []
    for address, html, front in pages(site):
        if address == "references/":
            continue  # the full list: test_references_page_lists_every_cited_source
        main = article_soup(html)
        listed = [li["id"].removeprefix("ref-") for li in main.select("ol.source-list li")]
        source = (ROOT / "docs" / (address or "index")).with_suffix(".md")
        if not source.exists():
            source = ROOT / "docs" / address / "index.md"
        expected = references.page_sources(source.read_text(encoding="utf-8"), front, signs)
        if listed != [k.lower() for k in expected]:
            problems.append(f"/{address}: lists {listed}, expected {[k.lower() for k in expected]}")
        for item in main.select("ol.source-list li"):
            ref = known[next(k for k in known if k.lower() == item["id"].removeprefix("ref-"))]
            wanted = {f"https://doi.org/{ref['doi']}" if ref.get("doi") else None,
                      f"https://pubmed.ncbi.nlm.nih.gov/{ref['pmid']}/" if ref.get("pmid") else None,
                      ref.get("url")} - {None}
            links = {a["href"] for a in item.select("a[href]")}
            if not wanted & links:
                problems.append(f"/{address}: {item['id']} links to none of {sorted(wanted)}")
    assert not problems, "\n".join(problems)


def test_references_page_lists_every_cited_source(site):
    cited = {key for _, _, front in pages(site) for key in front["sources"]}
    html = (site.dir / "references" / "index.html").read_text(encoding="utf-8")
    listed = {li["id"].removeprefix("ref-") for li in article_soup(html).select("ol.reference-list li")}
    assert {k.lower() for k in cited} == listed


def test_emergencies_are_stated_the_same_way_everywhere(site):
    """Any page that names cauda equina syndrome gives the one emergency instruction."""
    for address, html, front in pages(site):
        main = readability.article(html)  # the prose, without the lists of sources
        text = " ".join(main.get_text(" ").split())
        if "cauda equina" in text.lower() and address != "glossary/":
            assert EMERGENCY_ACTION in text.lower(), (
                f"/{address} mentions cauda equina syndrome without the emergency instruction "
                f"'{EMERGENCY_ACTION}' (use the get-help-now box)"
            )


def test_editorial_report_prints_a_row_per_page(site):
    import subprocess

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "editorial_report.py"), "--site", str(site.dir)],
        capture_output=True, text=True, check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["page", "audience", "words", "grade"]
    assert len(lines) - 2 == len(pages(site)), result.stdout
    assert any(line.startswith("/warning-signs/ ") for line in lines)


def test_evidence_labels_use_the_guide_s_exact_words():
    """CONTRIBUTING.md, "Words": a treatment's evidence label is one of five phrases,
    written the same way on every page (guide/evidence.py holds them)."""
    found, wrong = 0, []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        found += len(evidence.labels_in(text))
        wrong += [f"{md.relative_to(ROOT)}:{line}: {label!r}" for line, label in evidence.wrong_labels(text)]
    assert found > 30, f"only {found} evidence labels found: the check is not finding them"
    assert not wrong, ("evidence labels not in the guide's words (" + "; ".join(evidence.EVIDENCE_WORDS) + "):\n"
                       + "\n".join(wrong))


def test_the_evidence_check_reports_a_label_in_other_words():
    page = "**Evidence:** Strong evidence it works.\n\n| Treatment | Evidence |\n| --- | --- |\n| Rest | Probably helps |\n"
    assert evidence.wrong_labels(page) == [(1, "Strong evidence it works"), (5, "Probably helps")]
