"""The guide's rules for Mermaid decision diagrams, in one place, and the text version
made from each diagram.

`parse()` reads a diagram's source into boxes, arrows, classes and links, reporting any
line it cannot read (the checks are only as good as the reading, so nothing is skipped).
`check()` applies the rules CONTRIBUTING.md lists:

- `flowchart TD`, `accTitle:` and `accDescr:`; no colours of its own (`classDef`, `style`);
- questions end with "?" and are round `("...?")`, other boxes square `["..."]`;
- every box that is not a question links to a page (`click ID href "page.md#id" "tip"`);
- outcome boxes: a box marked with a tier's class (data/warning-signs.yml) or `selfcare`
  starts with that outcome's words, and a box that starts with them is marked; a tier's
  outcome box links to the warning-signs page;
- warning signs: a question that names a sign (by its phrases in the data) or asks about a
  whole tier answers "Yes" with an outcome box of that sign's tier; a question asks about
  one tier only; a box that names a sign says its tier's words or leads to its outcome;
  every path to a self-care box asks first about every sign of the tiers marked
  `warning: true`, whose outcome boxes link to their list on the warning-signs page.

`text_version()` writes the numbered list that follows every diagram, from the same
boxes and arrows, so the diagram and its text version cannot say different things.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem
from .warning_signs import Tier, WarningSigns

FENCE = re.compile(r"^(?P<indent>[ \t]*)```mermaid[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.S | re.M)
# A hand-written text version right after a diagram (they are generated now).
TEXT_VERSION = re.compile(r'^[ \t]*(\?\?\?\+?|!!!)\s+\w+\s+"Text version[^"]*"\s*$')
TEXT_VERSION_TITLE = "Text version of this diagram"

# The two box shapes the guide uses: ["a topic or outcome"] and ("a question?").
NODE_ID = r"[A-Za-z]\w*(?:-\w+)*"
NODE = re.compile(rf'(?P<id>{NODE_ID})(?:\s*(?P<open>\(\[|\[\[|\[\(|\(\(|\{{\{{|\[/|\[\\|\[|\(|\{{|>)\s*"(?P<label>[^"]*)"\s*(?P<close>\]\)|\]\]|\)\]|\)\)|\}}\}}|/\]|\\\]|\]|\)|\}}))?')
EDGE = re.compile(r"\s*(?P<op>-\.->|-->|==>|~~~|---)\s*(?:\|(?P<label>[^|]*)\|)?\s*")
CLICK = re.compile(r'^\s*click\s+(?P<id>\S+)\s+href\s+"(?P<target>[^"]+)"(?:\s+"(?P<tip>[^"]*)")?\s*$')
CLASS = re.compile(r"^\s*class\s+(?P<ids>[\w,\s-]+?)\s+(?P<name>[\w-]+)\s*;?\s*$")
SHAPES = {"[": "]", "(": ")"}

SELF_CARE_CLASS = "selfcare"
SELF_CARE_WORDS = ("SELF-CARE",)


@dataclass
class Node:
    id: str
    label: str = ""
    shape: str = ""
    line: int = 0

    @property
    def is_question(self) -> bool:
        return self.label.rstrip().endswith("?")


@dataclass
class Edge:
    src: str
    dst: str
    label: str
    kind: str  # solid, dotted, thick or invisible
    line: int


@dataclass
class Diagram:
    first_line: int  # the ```mermaid line in the page file
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    classes: dict[str, str] = field(default_factory=dict)
    clicks: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # id -> (target, tip, line)
    kind: list[str] = field(default_factory=list)
    title: str = ""
    has_title: bool = False
    has_description: bool = False

    def visible_edges(self) -> list[Edge]:
        return [e for e in self.edges if e.kind != "invisible"]

    def out(self, node_id: str) -> list[Edge]:
        return [e for e in self.visible_edges() if e.src == node_id]


@dataclass(frozen=True)
class Outcome:
    css_class: str
    words: tuple[str, ...]  # the label starts with one of these
    tier: Tier | None  # None for self-care

    @property
    def tags(self) -> tuple[str, ...]:
        """The capitals that announce this outcome ("SAME DAY:"): a box that starts with
        them must be marked as this outcome, whatever follows."""
        return tuple(w.split(":", 1)[0] + (":" if ":" in w else "") for w in self.words)


def outcomes(signs: WarningSigns) -> dict[str, Outcome]:
    """Every outcome class a diagram may use: one per tier, and self-care."""
    found = {t.css_class: Outcome(t.css_class, t.diagram, t) for t in signs.tiers.values()}
    found[SELF_CARE_CLASS] = Outcome(SELF_CARE_CLASS, SELF_CARE_WORDS, None)
    return found


def find(markdown: str) -> list[tuple[int, int, re.Match]]:
    """(first line, last line, match) of every ```mermaid block; lines are 1-based in `markdown`."""
    return [(markdown[: m.start()].count("\n") + 1, markdown[: m.end()].count("\n") + 1, m)
            for m in FENCE.finditer(markdown)]


def parse(body: str, first_line: int, where: str) -> tuple[Diagram, list[Problem]]:
    diagram = Diagram(first_line)
    problems: list[Problem] = []

    def note(line_no, what, fix):
        problems.append(Problem(where, line_no, what, fix))

    def node(match: re.Match, line_no: int) -> str:
        node_id = match["id"]
        current = diagram.nodes.setdefault(node_id, Node(node_id, line=line_no))
        if match["label"] is not None:
            opening, closing = match["open"], match["close"]
            if SHAPES.get(opening) != closing:
                note(line_no, f"box `{node_id}` uses the shape `{opening}...{closing}`.",
                     'write a question as ("...?") and any other box as ["..."].')
            if current.label and current.label != match["label"]:
                note(line_no, f"box `{node_id}` is given two labels.", "label each box once.")
            current.label, current.shape, current.line = match["label"], opening, line_no
        return node_id

    seen_kind = False
    for offset, line in enumerate(body.splitlines(), start=1):
        at = first_line + offset
        text = line.strip()
        if not text or text.startswith("%%"):
            continue
        if not seen_kind:
            diagram.kind, seen_kind = text.split(), True
            continue
        if re.match(r"accTitle\s*:", text):
            diagram.has_title, diagram.title = True, text.split(":", 1)[1].strip()
        elif re.match(r"accDescr\s*[:{]", text):
            diagram.has_description = True
        elif re.match(r"(classDef|style|linkStyle)\b", text):
            note(at, "the diagram sets its own colours.",
                 "remove the line and mark outcome boxes with `class ID <outcome>`; diagrams.mjs colours them.")
        elif text.startswith("click"):
            click = CLICK.match(text)
            if not click:
                note(at, "this `click` line cannot be read.", 'write `click ID href "page.md#id" "What the reader will find"`.')
            else:
                diagram.clicks[click["id"]] = (click["target"], click["tip"] or "", at)
        elif text.startswith("class "):
            cls = CLASS.match(text)
            if not cls:
                note(at, "this `class` line cannot be read.", "write `class ID1,ID2 outcome`.")
            else:
                for node_id in re.split(r"[\s,]+", cls["ids"].strip()):
                    diagram.classes[node_id] = cls["name"]
        elif text.startswith(("subgraph", "end", "direction")):
            note(at, f"`{text.split()[0]}` is not used in the guide's diagrams.",
                 "keep diagrams to boxes and arrows; split a big diagram into two.")
        else:
            pos, match = 0, NODE.match(text)
            if not match:
                note(at, f"this line cannot be read: `{text}`.",
                     'write boxes as id["Label"] or id("Question?") and arrows as `a --> b` or `a -->|Yes| b`.')
                continue
            src, pos = node(match, at), match.end()
            while pos < len(text):
                edge = EDGE.match(text, pos)
                target = NODE.match(text, edge.end()) if edge else None
                if not edge or not target:
                    note(at, f"this line cannot be read after `{text[:pos]}`.",
                         "write one arrow per line, as `a --> b`, `a -->|Label| b`, `a -.->|Label| b` or `a ~~~ b`; "
                         "`&` and `-- text -->` are not used in the guide.")
                    break
                dst = node(target, at)
                kind = {"-->": "solid", "-.->": "dotted", "==>": "thick", "~~~": "invisible", "---": "solid"}[edge["op"]]
                diagram.edges.append(Edge(src, dst, (edge["label"] or "").strip(), kind, at))
                src, pos = dst, target.end()
    for node_id, current in diagram.nodes.items():
        if not current.label:
            note(current.line, f"box `{node_id}` has no label.", f'give it one where it first appears: {node_id}["Label"].')
    return diagram, problems


def _tier_words(tier: Tier) -> str:
    return tier.diagram[0]


def check(diagram: Diagram, where: str, signs: WarningSigns) -> list[Problem]:
    """Every rule in the module docstring; links' targets are checked by the caller."""
    problems: list[Problem] = []
    first = diagram.first_line

    def note(line_no, what, fix):
        problems.append(Problem(where, line_no or first, what, fix))

    if not diagram.has_title:
        note(first, "this diagram has no `accTitle:`.", "add a line `accTitle: What the diagram answers` after `flowchart TD`.")
    if not diagram.has_description:
        note(first, "this diagram has no `accDescr:`.", "add a line `accDescr: One or two sentences on what it shows`.")
    kind = diagram.kind or [""]
    if kind[0] not in ("flowchart", "graph") or (len(kind) > 1 and kind[1] not in ("TD", "TB")):
        note(first, f"the diagram starts with `{' '.join(kind)}`.", "use `flowchart TD` (top to bottom) so it fits a phone screen.")

    kinds = outcomes(signs)
    nodes = diagram.nodes
    for node_id, name in diagram.classes.items():
        if name not in kinds:
            note(first, f"unknown diagram class `{name}` (on box `{node_id}`).", f"use one of: {', '.join(kinds)}.")
        elif node_id not in nodes:
            note(first, f"`class {node_id} {name}` names no box of this diagram.", 'use the id of a box defined as id["Label"].')
    for node_id in diagram.clicks:
        if node_id not in nodes:
            note(diagram.clicks[node_id][2], f"`click {node_id}` names no box of this diagram.", 'use the id of a box defined as id["Label"].')

    for node in nodes.values():
        label = node.label
        outcome = kinds.get(diagram.classes.get(node.id, ""))
        if node.is_question and node.shape != "(":
            note(node.line, f'question `{node.id}` ("{label}") is not round.', f'write it as {node.id}("{label}").')
        if not node.is_question and node.shape == "(":
            note(node.line, f'box `{node.id}` ("{label}") is round but is not a question.',
                 'write it as ["..."], or end the question with "?".')
        if outcome and node.is_question:
            note(node.line, f"question `{node.id}` is marked `{outcome.css_class}`.", "mark the answer box instead.")
        if outcome and not label.startswith(outcome.words):
            note(node.line, f'box `{node.id}` is marked `{outcome.css_class}` but its label does not start with its words.',
                 f'start the label with "{outcome.words[0]}" (colour alone is not enough).')
        for other in kinds.values():
            if label.startswith(other.tags) and (outcome is None or outcome.css_class != other.css_class) and not node.is_question:
                note(node.line, f'box `{node.id}` says "{label.split(":")[0]}" but is not marked `{other.css_class}`.',
                     f"add `class {node.id} {other.css_class}`.")
        if node.id not in diagram.clicks and not node.is_question:
            note(node.line, f'box `{node.id}` ("{label}") does not link to the page that explains it.',
                 f'add `click {node.id} href "page.md#heading-id" "What the reader will find"`; '
                 'only a question (a label ending with "?") may have no link.')
        if outcome and outcome.tier and outcome.tier.warning and node.id in diagram.clicks:
            target, _, line_no = diagram.clicks[node.id]
            if "warning-signs.md" not in target:
                note(line_no, f"outcome box `{node.id}` links to `{target}`.",
                     f"link it to its list: warning-signs.md#{outcome.tier.section}.")

    problems += _check_signs(diagram, where, signs, kinds)
    return problems


def asked_by(node: Node, signs: WarningSigns) -> tuple[set[str], set[Tier]]:
    """(sign ids, tiers) a box names: signs by their phrases, tiers by their `ask` words
    (a tier asked about as a whole counts as every one of its signs)."""
    named = {s.id for s in signs.signs_named(node.label)}
    tiers = {signs.signs[s].tier for s in named} | set(signs.tiers_asked(node.label))
    for tier in signs.tiers_asked(node.label):
        named |= {s.id for s in signs.of_tier(tier)}
    return named, tiers


def _check_signs(diagram: Diagram, where: str, signs: WarningSigns, kinds: dict[str, Outcome]) -> list[Problem]:
    problems: list[Problem] = []
    nodes = diagram.nodes
    tier_of_box = {nid: kinds[c].tier for nid, c in diagram.classes.items() if c in kinds and kinds[c].tier}
    for node in nodes.values():
        if node.id in diagram.classes:
            continue  # outcome boxes say their tier's words; checked above
        named, tiers = asked_by(node, signs)
        if not tiers:
            continue
        if node.is_question:
            if len(tiers) > 1:
                listed = ", ".join(f"{t.name} ({', '.join(s for s in sorted(named) if signs.signs[s].tier == t)})"
                                   for t in sorted(tiers, key=lambda t: t.rank))
                problems.append(Problem(where, node.line, f'question `{node.id}` ("{node.label}") mixes signs of different tiers: {listed}.',
                                        "ask one question per tier, so each Yes leads to the right outcome."))
                continue
            tier = next(iter(tiers))
            yes = [e for e in diagram.out(node.id) if e.label.lower() == "yes"]
            if not yes:
                problems.append(Problem(where, node.line, f'question `{node.id}` ("{node.label}") asks about {tier.name.lower()} signs but has no Yes arrow.',
                                        f'add `{node.id} -->|Yes| box` to a box marked `{tier.css_class}` that says "{_tier_words(tier)}".'))
            for edge in yes:
                if tier_of_box.get(edge.dst) != tier:
                    got = tier_of_box.get(edge.dst)
                    problems.append(Problem(
                        where, edge.line,
                        f'question `{node.id}` ("{node.label}") names {tier.name.lower()} signs '
                        f"({', '.join(sorted(named))}) but its Yes leads to `{edge.dst}`"
                        + (f", a {got.name.lower()} outcome." if got else ", which is not an outcome of that tier."),
                        f'route Yes to a box marked `class ID {tier.css_class}` that says "{_tier_words(tier)}" '
                        f"(data/warning-signs.yml sets each sign's tier)."))
        else:
            said = set(signs.tiers_said(node.label))
            leads_to = {tier_of_box.get(e.dst) for e in diagram.out(node.id)}
            for tier in tiers:
                if tier not in said and tier not in leads_to:
                    problems.append(Problem(
                        where, node.line,
                        f'box `{node.id}` ("{node.label}") names a {tier.name.lower()} sign '
                        f"({', '.join(s for s in sorted(named) if signs.signs[s].tier == tier)}) without saying how soon.",
                        f'add the words "{tier.words[0]}" to the label, or an arrow to a box marked `{tier.css_class}`.'))
    problems += _check_self_care(diagram, where, signs)
    return problems


def _check_self_care(diagram: Diagram, where: str, signs: WarningSigns) -> list[Problem]:
    """Every path from a starting box to a self-care box asks about every sign that must
    come before self-care."""
    required = [s for s in signs.signs.values() if s.tier.warning]
    if not required:
        return []
    edges = diagram.visible_edges()
    has_incoming = {e.dst for e in edges}
    starts = [n for n in diagram.nodes if n not in has_incoming]
    problems = []
    for target, name in diagram.classes.items():
        if name != SELF_CARE_CLASS or target not in diagram.nodes:
            continue
        worst: tuple[list[str], list[str]] | None = None
        for path in _paths(starts, target, edges):
            asked: set[str] = set()
            for node_id in path[:-1]:
                if diagram.nodes[node_id].is_question:
                    asked |= asked_by(diagram.nodes[node_id], signs)[0]
            missing = [s.id for s in required if s.id not in asked]
            if missing and (worst is None or len(missing) > len(worst[1])):
                worst = (path, missing)
        if worst:
            path, missing = worst
            shorts = "; ".join(signs.signs[s].short for s in missing)
            problems.append(Problem(
                where, diagram.nodes[target].line,
                f"the self-care box `{target}` can be reached ({' -> '.join(path)}) without asking about "
                f"{len(missing)} warning sign(s): {shorts}.",
                "ask about them in questions before it: name the signs (their phrases are in "
                "data/warning-signs.yml) or ask about a whole tier (\"Any same-day warning sign?\") and "
                "link the question to that list."))
    return problems


def _paths(starts: list[str], target: str, edges: list[Edge]) -> list[list[str]]:
    """Every path without repeats from a start to `target` (diagrams are small)."""
    following: dict[str, list[str]] = {}
    for edge in edges:
        following.setdefault(edge.src, []).append(edge.dst)
    found: list[list[str]] = []

    def walk(path: list[str]) -> None:
        if path[-1] == target:
            found.append(path)
            return
        for nxt in following.get(path[-1], []):
            if nxt not in path:
                walk(path + [nxt])

    for start in starts:
        walk([start])
    return found


# ---- the text version --------------------------------------------------------------------------

def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", ":")) else text + "."


def text_version(diagram: Diagram, link_of) -> str:
    """A numbered list with one step per box that leads somewhere, in the order the boxes
    first appear in the source. A box that leads nowhere (an outcome) is written inside the
    step that leads to it, and so is a box that only passes on to one step ("Clue: may be
    your hip, then go to step 7"). `link_of(target)` turns a click target into a Markdown
    link target (or None)."""
    edges = diagram.visible_edges()
    incoming: dict[str, int] = {}
    for edge in edges:
        incoming[edge.dst] = incoming.get(edge.dst, 0) + 1
    leads = {e.src for e in edges}

    def passes_on(node_id: str) -> bool:
        out = diagram.out(node_id)
        return (incoming.get(node_id) == 1 and len(out) == 1 and not diagram.nodes[node_id].is_question
                and out[0].dst in leads)

    steps = [n for n in diagram.nodes if (n in leads and not passes_on(n)) or n not in incoming]
    number = {node_id: i for i, node_id in enumerate(steps, start=1)}

    def words(node_id: str, end: str = "") -> str:
        node = diagram.nodes[node_id]
        label = node.label.strip()
        if end and not label.endswith((".", "?", "!", ":")):
            label += end
        target = diagram.clicks.get(node_id, (None,))[0]
        link = link_of(target) if target else None
        return f"[{label}]({link})" if link else label

    def destination(node_id: str) -> str:
        if node_id in number:
            return f"go to step {number[node_id]}"
        if passes_on(node_id):
            edge = diagram.out(node_id)[0]
            return f"{words(node_id)}, then {destination(edge.dst)}"
        return words(node_id)

    lines = []
    for node_id in steps:
        parts = [words(node_id, end=".")]
        groups: dict[str, list[str]] = {}
        order = sorted(diagram.out(node_id), key=lambda e: {"yes": 0, "no": 1}.get(e.label.lower(), 2))
        for edge in order:
            groups.setdefault(edge.label, []).append(edge.dst)
        for label, targets in groups.items():
            if all(t in number for t in targets) and len(targets) > 1:
                joined = "go to steps " + ", ".join(str(number[t]) for t in targets[:-1]) + f" and {number[targets[-1]]}"
            else:
                shown = [destination(t) for t in targets]
                joined = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
            lead = {"yes": "If yes", "no": "If no", "": "Next"}.get(label.lower(), label[:1].upper() + label[1:])
            parts.append(_sentence(f"{lead}: {joined}"))
        lines.append(f"{number[node_id]}. " + " ".join(parts))
    return "\n".join(lines)


def text_version_block(diagram: Diagram, link_of, indent: str = "") -> str:
    body = text_version(diagram, link_of).splitlines()
    if diagram.title:
        body = [_sentence(diagram.title), ""] + body
    return "\n".join([f'{indent}??? info "{TEXT_VERSION_TITLE}"'] + [f"{indent}    {line}" if line else "" for line in body])
