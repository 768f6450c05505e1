"""The warning signs, written once (data/warning-signs.yml), and everything made from them.

- `load()` reads and checks the data file: every sign has an id, a tier that exists,
  both wordings, phrases and sources that are in data/references.yml.
- `help_box()`, `sign_list()` and `sign_section()` write the Markdown that the page markers
  `<!-- guide:help-box ... -->`, `<!-- guide:sign-list ... -->` and
  `<!-- guide:sign-section ... -->` become (guide/markers.py calls them).
- `signs_named()` and `tiers_said()` find signs and urgency words in a piece of text;
  `check_prose()` uses them to find a page sentence that names a sign with the words of
  another tier, and guide/diagrams.py to check that diagrams route each sign to its tier.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import DATA, Problem, cached as problems_cached, load_yaml, relative

PATH = DATA / "warning-signs.yml"
ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
TIER_FIELDS = {"name", "heading", "box_title", "box_type", "action", "section", "diagram", "class", "words", "ask", "warning"}
TIER_OPTIONAL = {"after", "banner"}
SIGN_FIELDS = {"id", "tier", "short", "full", "phrases", "sources"}
BOX_TYPES = {"danger", "warning", "note", "info"}


@dataclass(frozen=True)
class Tier:
    id: str
    rank: int  # 0 is the most urgent
    name: str
    heading: str
    box_title: str
    box_type: str
    action: str
    after: str
    section: str
    diagram: tuple[str, ...]
    css_class: str
    words: tuple[str, ...]
    ask: tuple[str, ...]
    warning: bool
    banner: str = ""


@dataclass(frozen=True)
class Sign:
    id: str
    tier: Tier
    short: str
    full: str
    phrases: tuple[str, ...]
    sources: tuple[str, ...]
    line: int = 0


@dataclass
class WarningSigns:
    tiers: dict[str, Tier] = field(default_factory=dict)
    signs: dict[str, Sign] = field(default_factory=dict)
    where: str = relative(PATH)

    def of_tier(self, tier: Tier) -> list[Sign]:
        return [s for s in self.signs.values() if s.tier == tier]

    def by_class(self, css_class: str) -> Tier | None:
        return next((t for t in self.tiers.values() if t.css_class == css_class), None)

    def pick(self, names: list[str]) -> tuple[list[Sign], list[str]]:
        """The signs a marker asks for (tier ids and sign ids, in any mix), in the data
        file's order; and the names that are neither."""
        wanted, unknown = set(), []
        for name in names:
            if name in self.tiers:
                wanted.update(s.id for s in self.of_tier(self.tiers[name]))
            elif name in self.signs:
                wanted.add(name)
            else:
                unknown.append(name)
        return [s for s in self.signs.values() if s.id in wanted], unknown

    def default_box(self) -> list[str]:
        """What a box shows when its marker names nothing: the two most urgent tiers."""
        return [t.id for t in sorted(self.tiers.values(), key=lambda t: t.rank)[:2]]

    def names_help(self) -> str:
        return (f"tiers: {', '.join(self.tiers)}; signs: {', '.join(self.signs)} "
                f"(see {self.where})")

    # ---- finding signs and urgency in text ---------------------------------------------

    def signs_named(self, text: str) -> list[Sign]:
        """Signs whose phrases occur in `text` (as whole words, ignoring case and
        punctuation). A phrase inside a longer phrase of another sign does not count: "fever
        with new weakness" names that sign, not also "fever"."""
        plain = words_of(text)
        spans = [(start, start + len(found), sign) for sign in self.signs.values()
                 for phrase in sign.phrases for start, found in _find(plain, phrase)]
        named = {sign.id for start, end, sign in spans
                 if not any(s <= start and end <= e and (e - s) > (end - start) and other is not sign
                            for s, e, other in spans)}
        return [s for s in self.signs.values() if s.id in named]

    def tiers_asked(self, text: str) -> list[Tier]:
        """Tiers that `text` asks about as a whole ("Any emergency warning sign?")."""
        plain = words_of(text)
        return [t for t in self.tiers.values() if any(_has(plain, p) for p in t.ask)]

    def tiers_said(self, text: str) -> list[Tier]:
        """Tiers whose urgency words occur in `text`."""
        plain = words_of(text)
        return [t for t in self.tiers.values() if any(_has(plain, w) for w in t.words)]


def words_of(text: str) -> str:
    """Lowercase words separated by single spaces, with Markdown links reduced to their
    words, so that phrases match however the text is punctuated or formatted."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[^a-z0-9]+", " ", text.lower())
    return f" {text.strip()} "


def _find(plain: str, phrase: str) -> list[tuple[int, str]]:
    """(position, matched text) of each whole-word occurrence of `phrase` in `plain`, also
    with the plural of its last word ("warning sign" finds "warning signs")."""
    wanted = words_of(phrase)
    found = []
    for form in (wanted, wanted[:-1] + "s "):
        start = plain.find(form)
        while start >= 0:
            found.append((start, form))
            start = plain.find(form, start + 1)
    return found


def _has(plain: str, phrase: str) -> bool:
    return bool(_find(plain, phrase))


# ---- loading and checking the data file ----------------------------------------------------

def _text_list(value) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, (str, int)) for v in value):
        return [str(v) for v in value]
    return None


def parse(data, where: str, known_sources: set[str] | None) -> tuple[WarningSigns, list[Problem]]:
    """Check the data; return what is usable and every problem found."""
    found = WarningSigns(where=where)
    problems: list[Problem] = []

    def bad(line, what, fix):
        problems.append(Problem(where, line, what, fix))

    if not isinstance(data, dict) or not isinstance(data.get("tiers"), dict) or not isinstance(data.get("signs"), list):
        bad(1, "the file must have `tiers:` (a mapping) and `signs:` (a list).",
            "see the header of data/warning-signs.yml for the layout.")
        return found, problems
    for key in data:
        if key not in ("tiers", "signs"):
            bad(data.lines.get(key), f"unknown top-level key `{key}`.", "use only `tiers:` and `signs:`.")
    classes = {}
    for rank, (tier_id, tier) in enumerate(data["tiers"].items()):
        line = data["tiers"].lines.get(tier_id)
        if not isinstance(tier_id, str) or not ID.match(tier_id):
            bad(line, f"tier name `{tier_id}` is not lowercase words joined by hyphens.", "rename it, e.g. `same-day`.")
            continue
        if not isinstance(tier, dict):
            bad(line, f"tier `{tier_id}` is not a mapping of fields.", "see the file's header.")
            continue
        missing = sorted(TIER_FIELDS - set(tier))
        unknown = sorted(set(tier) - TIER_FIELDS - TIER_OPTIONAL)
        if missing:
            bad(line, f"tier `{tier_id}` has no {', '.join(f'`{m}`' for m in missing)}.", "add the field (see the file's header).")
            continue
        if unknown:
            bad(tier.lines.get(unknown[0], line), f"tier `{tier_id}` has unknown fields {unknown}.",
                f"use only: {', '.join(sorted(TIER_FIELDS | TIER_OPTIONAL))}.")
        lists = {k: _text_list(tier[k]) for k in ("diagram", "words", "ask")}
        for key, value in lists.items():
            if value is None:
                bad(tier.lines.get(key, line), f"tier `{tier_id}`: `{key}` must be a list of words.", f"write `{key}: [first, second]`.")
        if not isinstance(tier["warning"], bool):
            bad(tier.lines.get("warning", line), f"tier `{tier_id}`: `warning` must be true or false.",
                "write `warning: true` or `false`.")
        if tier["box_type"] not in BOX_TYPES:
            bad(tier.lines.get("box_type", line), f"tier `{tier_id}`: box_type `{tier['box_type']}` is not an admonition type.",
                f"use one of: {', '.join(sorted(BOX_TYPES))}.")
        if tier["class"] in classes:
            bad(tier.lines.get("class", line), f"tiers `{classes[tier['class']]}` and `{tier_id}` share the diagram class `{tier['class']}`.",
                "give each tier its own class.")
        classes[tier["class"]] = tier_id
        if any(v is None for v in lists.values()):
            continue
        found.tiers[tier_id] = Tier(
            id=tier_id, rank=rank, name=str(tier["name"]), heading=str(tier["heading"]), box_title=str(tier["box_title"]),
            box_type=tier["box_type"], action=" ".join(str(tier["action"]).split()),
            after=" ".join(str(tier.get("after") or "").split()), section=str(tier["section"]),
            diagram=tuple(lists["diagram"]), css_class=str(tier["class"]), words=tuple(lists["words"]),
            ask=tuple(lists["ask"]), warning=tier["warning"] is True, banner=" ".join(str(tier.get("banner") or "").split()),
        )
    phrase_owner: dict[str, str] = {}
    for entry in data["signs"]:
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict) or "id" not in entry:
            bad(line, "a sign has no `id:`.", "start each sign with `- id: a-stable-name`.")
            continue
        sign_id = entry["id"]
        at = lambda key: entry.lines.get(key, line)  # noqa: E731
        if not isinstance(sign_id, str) or not ID.match(sign_id):
            bad(at("id"), f"sign id `{sign_id}` is not lowercase words joined by hyphens.", "rename it, e.g. `foot-drop`.")
            continue
        if sign_id in found.signs or sign_id in found.tiers:
            bad(at("id"), f"the id `{sign_id}` is used twice.", "give each sign its own id (and never reuse a tier's name).")
            continue
        missing = sorted(SIGN_FIELDS - set(entry))
        unknown = sorted(set(entry) - SIGN_FIELDS)
        if unknown:
            bad(at(unknown[0]), f"sign `{sign_id}` has unknown fields {unknown}.", f"use only: {', '.join(sorted(SIGN_FIELDS))}.")
        if missing:
            fix = ("add `sources: [KEY]` with the keys from data/references.yml that support it; a sign "
                   "nobody can source does not go in." if "sources" in missing else "add the field (see the file's header).")
            bad(line, f"sign `{sign_id}` has no {', '.join(f'`{m}`' for m in missing)}.", fix)
            continue
        tier = found.tiers.get(entry["tier"])
        if tier is None:
            bad(at("tier"), f"sign `{sign_id}` has tier `{entry['tier']}`, which does not exist.",
                f"use one of: {', '.join(found.tiers)}.")
            continue
        phrases = _text_list(entry["phrases"])
        sources = _text_list(entry["sources"])
        if phrases is None:
            bad(at("phrases"), f"sign `{sign_id}`: `phrases` must be a list of words.", "write `phrases: [foot drop, foot that drags]`.")
            continue
        if sources is None:
            bad(at("sources"), f"sign `{sign_id}` has no sources.",
                "add `sources: [KEY]` with keys from data/references.yml; a sign nobody can source does not go in.")
            continue
        for key in sources:
            if known_sources is not None and key not in known_sources:
                bad(at("sources"), f"sign `{sign_id}` cites `{key}`, which is not in data/references.yml.",
                    "use a key that is there, or add the reference with a confirmed identifier.")
        for phrase in phrases:
            plain = words_of(phrase)
            if plain in phrase_owner and phrase_owner[plain] != sign_id:
                bad(at("phrases"), f"the phrase `{phrase}` belongs to both `{phrase_owner[plain]}` and `{sign_id}`.",
                    "keep each phrase under one sign, so a page that uses it names one sign.")
            phrase_owner[plain] = sign_id
        for key in ("short", "full"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                bad(at(key), f"sign `{sign_id}`: `{key}` must be some words.", f"write `{key}: plain words`.")
        found.signs[sign_id] = Sign(
            id=sign_id, tier=tier, short=" ".join(str(entry["short"]).split()),
            full=" ".join(str(entry["full"]).split()), phrases=tuple(phrases), sources=tuple(sources), line=line or 0,
        )
    for tier in found.tiers.values():
        if not found.of_tier(tier):
            bad(data["tiers"].lines.get(tier.id), f"tier `{tier.id}` has no signs.", "add a sign to it or remove the tier.")
    return found, problems


def load(path: Path = PATH, known_sources: set[str] | None = None) -> tuple[WarningSigns, list[Problem]]:
    return parse(load_yaml(path), relative(path), known_sources)


def cached(path: Path = PATH) -> WarningSigns:
    """The signs, for readers that only need them; the build's hook reports the problems."""
    return problems_cached(load, path)[0]


# The markers that show signs, and what each writes (guide/markers.py dispatches them).
SIGN_MARKERS = ("help-box", "sign-list", "sign-section")


# ---- Markdown made from the data -----------------------------------------------------------

WARNING_SIGNS_PAGE = "/warning-signs.md"  # written from docs/, as the marker's output is Markdown


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _by_tier(signs: list[Sign]) -> list[tuple[Tier, list[Sign]]]:
    tiers = sorted({s.tier for s in signs}, key=lambda t: t.rank)
    return [(t, [s for s in signs if s.tier == t]) for t in tiers]


def _indent(lines: list[str], prefix: str) -> list[str]:
    return [prefix + line if line else "" for line in lines]


# The class every help box carries besides its tier's box type (print.css sets its lists
# in two columns on paper).
HELP_BOX_CLASS = "help-box"


def help_box(signs: list[Sign]) -> str:
    """An admonition with each tier's action and the short form of its signs, most urgent
    first, ending with a link to the whole list."""
    groups = _by_tier(signs)
    first = groups[0][0]
    lines: list[str] = []
    for tier, members in groups:
        lines += [f"**{tier.name}:** {tier.action} if you have:", ""]
        lines += [f"- {s.short}" for s in members] + [""]
        if tier.after:
            lines += [tier.after, ""]
    lines.append(f"[See all the warning signs]({WARNING_SIGNS_PAGE})")
    return "\n".join([f'!!! {first.box_type} {HELP_BOX_CLASS} "{first.box_title}"'] + _indent(lines, "    ")) + "\n"


def sign_list(signs: list[Sign]) -> str:
    """Each tier's action, then the full form of its signs (for a page's own lists)."""
    lines: list[str] = []
    for tier, members in _by_tier(signs):
        lines += [f"**{tier.name}:** {tier.action} if you have:", ""]
        lines += [f"- {s.full}" for s in members] + [""]
        if tier.after:
            lines += [tier.after, ""]
    return "\n".join(lines).rstrip() + "\n"


def marker_output(name: str, args: list[str], signs: WarningSigns) -> tuple[str, list[tuple[str, str]]]:
    """What a sign marker becomes, and what is wrong with its arguments.

    help-box [names...]   a box of the signs named (tiers or signs); default: emergency
                          and same-day signs
    sign-list names...    the same signs as a plain list, in full
    sign-section TIER     a tier's section of the warning-signs page (heading and list)
    """
    default = signs.default_box()
    names = args or (default if name == "help-box" else [])
    if not names:
        return "", [("it names no tiers or signs.", f"add some: {signs.names_help()}.")]
    picked, unknown = signs.pick(names)
    if unknown:
        return "", [(f"there is no tier or sign called {', '.join(f'`{u}`' for u in unknown)}.",
                     f"use names from {signs.names_help()}.")]
    if name == "sign-section":
        if len(names) != 1 or names[0] not in signs.tiers:
            return "", [("`sign-section` takes exactly one tier.", f"write `<!-- guide:sign-section {default[0]} -->`.")]
        return sign_section(signs, signs.tiers[names[0]]), []
    return (help_box(picked) if name == "help-box" else sign_list(picked)), []


def sources_shown(markdown: str, signs: WarningSigns) -> list[str]:
    """The reference keys behind the signs a page's markers show, in the data's order."""
    from .markers import MARKER  # here, not at the top: markers is the more general module

    keys: list[str] = []
    for match in MARKER.finditer(markdown):
        if match["name"] in SIGN_MARKERS:
            names = match["args"].split() or signs.default_box()
            for sign in signs.pick(names)[0]:
                keys += [k for k in sign.sources if k not in keys]
    return keys


def sign_section(signs: WarningSigns, tier: Tier, level: int = 2) -> str:
    """The warning-signs page's section for one tier: heading (with its fixed id), action,
    every sign in full, and the tier's note."""
    lines = [f"{'#' * level} {tier.heading} {{ #{tier.section} }}", "",
             f"{_capital(tier.action)} if you have any of these:", ""]
    lines += [f"- {s.full}" for s in signs.of_tier(tier)] + [""]
    if tier.after:
        lines += [tier.after, ""]
    return "\n".join(lines).rstrip() + "\n"


# ---- prose that contradicts the data ---------------------------------------------------------

# Markdown that is not prose: fenced blocks, HTML comments (markers), headings' ids.
FENCE = re.compile(r"^([ \t]*)(```|~~~).*?^\1\2[ \t]*$", re.S | re.M)
COMMENT = re.compile(r"<!--.*?-->", re.S)
FRONT = re.compile(r"\A---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.S)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\[(\"])|(?<=:)\s+(?=\*\*)")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def prose_units(markdown: str) -> list[tuple[int, str]]:
    """(line, text) for every sentence of prose in a page's Markdown: paragraphs, list
    items, table rows and admonition titles, with code, diagrams, markers and front matter
    blanked out (line numbers stay those of the file)."""
    text = FRONT.sub(_blank, markdown)
    text = FENCE.sub(_blank, text)
    text = COMMENT.sub(_blank, text)
    blocks: list[tuple[int, list[str]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        starts_item = re.match(r"^([-*+]|\d+\.)\s+|^\|", line) or re.match(r"^(!!!|\?\?\?)", line)
        if not line or line.startswith("#"):
            blocks.append((number, []))
            continue
        if starts_item or not blocks or not blocks[-1][1]:
            blocks.append((number, [line]))
        else:
            blocks[-1][1].append(line)
    units = []
    for number, lines in blocks:
        if not lines:
            continue
        block = " ".join(lines)
        block = re.sub(r"^(!!!|\?\?\?\+?)\s+\w+\s*", "", block)  # keep an admonition's title words
        block = re.sub(r"\{[:#.][^}]*\}", "", block)  # attribute lists
        for sentence in SENTENCE_END.split(block):
            if sentence.strip():
                units.append((number, sentence.strip()))
    return units


def check_prose(markdown: str, where: str, signs: WarningSigns) -> list[Problem]:
    """A sentence that names a warning sign and says how soon to get help must use the
    urgency words of the most urgent sign it names ("new weakness ... see your doctor soon"
    fails: new weakness is a same-day sign). A sentence that names no urgency is left
    alone: it may describe the sign without advising."""
    problems = []
    for line, sentence in prose_units(markdown):
        named = signs.signs_named(sentence)
        said = signs.tiers_said(sentence)
        if not named or not said:
            continue
        # "... or if you have emergency warning signs" names a whole tier, as a sign would.
        top = min([s.tier for s in named] + signs.tiers_asked(sentence), key=lambda t: t.rank)
        if top not in said:
            sign = next(s for s in named if s.tier == top)
            problems.append(Problem(
                where, line,
                f"this sentence names the warning sign `{sign.id}` ({sign.short}) with the words of "
                f"'{said[0].name}', but {signs.where} makes it '{top.name}': \"{_clip(sentence)}\"",
                f"say \"{top.action}\" (or use `<!-- guide:help-box {sign.id} -->`); if the sign's tier "
                f"is wrong, change it in {signs.where} with a source.",
            ))
    return problems


def check_lines(texts: list[tuple[int, str]], where: str, signs: WarningSigns) -> list[Problem]:
    """`check_prose()` for sentences outside the page's body, each with its line in the
    page file: the key points in its front matter."""
    return [problem for line, text in texts for problem in check_prose("\n" * (line - 1) + text + "\n", where, signs)]


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
