"""The visible prose of a built page, and how hard it is to read.

Used by tests/test_content.py (reading-level limits), scripts/editorial_report.py and the
front matter check of key points (guide/front_matter.py, `grade()`).

What counts as prose: the page's article text, as a reader sees it. Left out: code,
diagram source, the generated Sources list, the full reference list, the glossary list,
review dates and heading permalinks. As the NHS advises before scoring, every heading,
list item, table cell and box title counts as a sentence of its own (a full stop is added
where it has none), so a bullet list is not scored as one endless sentence.

The grade is Flesch-Kincaid, from textstat 0.7.3 (later versions download a dictionary at
run time, which fails offline).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import textstat
from bs4 import BeautifulSoup, NavigableString, Tag

BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary",
    "blockquote", "figcaption", "div", "ol", "ul", "table", "tr", "details", "dl", "section", "aside",
}
LEFT_OUT = [
    "div.mermaid", "pre", "code", "script", "style", "a.headerlink", ".page-review",
    "ol.source-list", "ol.reference-list", "dl.glossary", ".md-source-file", ".print-header",
    "svg", ".md-content__button",
]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Prose:
    text: str
    words: int
    grade: float
    longest: list[str]


def segments(node: Tag) -> list[str]:
    """Text split at block boundaries: each heading, item or cell is its own segment."""
    out: list[str] = []
    current: list[str] = []

    def flush():
        text = " ".join("".join(current).split())
        if text:
            out.append(text if text[-1] in ".!?:" else text + ".")
        current.clear()

    def walk(element):
        for child in element.children:
            if isinstance(child, NavigableString):
                current.append(str(child))
            elif isinstance(child, Tag):
                if child.name in BLOCKS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)

    walk(node)
    flush()
    return out


def article(html: str) -> Tag | None:
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("article.md-content__inner")
    if main is None:
        return None
    for selector in LEFT_OUT:
        for element in main.select(selector):
            element.decompose()
    sources = main.find(id="sources")
    if sources is not None:
        sources.decompose()
    return main


def measure(html: str) -> Prose:
    main = article(html)
    parts = segments(main) if main is not None else []
    text = " ".join(parts)
    sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
    longest = sorted(sentences, key=lambda s: len(s.split()), reverse=True)[:3]
    grade = textstat.flesch_kincaid_grade(text) if text else 0.0
    return Prose(text=text, words=len(text.split()), grade=round(grade, 1), longest=longest)


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of a short piece of plain text, such as a key point: the
    same formula as `measure()`, with Markdown links and emphasis reduced to their words."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    plain = " ".join(re.sub(r"[*_`]", "", plain).split())
    return round(textstat.flesch_kincaid_grade(plain), 1) if plain else 0.0


def measure_file(path: Path) -> Prose:
    return measure(path.read_text(encoding="utf-8"))
