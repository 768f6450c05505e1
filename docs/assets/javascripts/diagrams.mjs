// Renders the guide's Mermaid diagrams with the pinned copy this site serves itself.
//
// Why this module exists: mkdocs-mermaid2-plugin only adds its <script> to pages that
// were loaded directly with a diagram on them, and Material's own Mermaid loader would
// fetch Mermaid from a CDN. This module is the one place diagrams are drawn:
//  - mkdocs.yml loads it on every page (about 8 KB, 3.5 KB compressed); it imports Mermaid
//    itself only when the page in view has a diagram, so other pages never pay for it;
//  - mermaid2 imports it as "mermaid" on diagram pages and calls initialize() with the
//    `arguments:` from mkdocs.yml;
//  - it redraws after Material's instant navigation (document$) and when the reader
//    switches between the light and dark palette.
// Every diagram colour (both palettes) and the phone-sized layout are set here, once.
// `scripts/update_mermaid.py` rewrites the version in MERMAID_URL.
const MERMAID_URL = new URL("./vendor/mermaid-11.17.2/mermaid.esm.min.mjs", import.meta.url);

// The colours, for each palette: boxes by meaning (outcome classes: one per tier in
// data/warning-signs.yml, `class:`, and selfcare), the plain boxes
// (questions and topics), the arrows, the edge labels ("Yes", "No") and the
// keyboard focus ring. tests/test_diagram_design.py reads the drawn colours in Chromium
// and checks them against WCAG 2.2 AA:
//  - label text on its box's fill, and edge-label text on its background: 4.5:1 (1.4.3);
//  - box borders, arrows and the focus ring against the page background: 3:1 (1.4.11),
//    so a box and its arrows stay visible even where the fill is close to the page.
// Meaning is never carried by colour alone: outcome boxes also say it in words
// ("EMERGENCY: ...", checked at build time by scripts/guide/diagrams.py).
const COLOURS = {
  light: {
    // Page background: Material's white.
    emergency: { fill: "#b3261e", stroke: "#5c0a05", text: "#ffffff" },
    urgent: { fill: "#ffd180", stroke: "#7a4a00", text: "#1f1300" },
    soon: { fill: "#efe3f7", stroke: "#6a3d8f", text: "#2a0f3d" },
    routine: { fill: "#e3ecfa", stroke: "#2f5597", text: "#0b1f44" },
    selfcare: { fill: "#e2f3e4", stroke: "#2e6b34", text: "#0c2910" },
    box: { fill: "#f3f4f6", stroke: "#5f6470", text: "#1b1d22" },
    line: "#4a4f5a",
    edgeLabel: { text: "#1b1d22", background: "#ffffff" },
    focus: "#1a4f8b",
  },
  dark: {
    // Page background: Material's slate (about #1e2129).
    emergency: { fill: "#ffb4ab", stroke: "#ffdad6", text: "#410002" },
    urgent: { fill: "#ffd180", stroke: "#ffe9c2", text: "#2b1700" },
    soon: { fill: "#dcc6ef", stroke: "#efe3f7", text: "#2a0f3d" },
    routine: { fill: "#c7d8f5", stroke: "#e3ecfa", text: "#0b1f44" },
    selfcare: { fill: "#bfe5c3", stroke: "#e2f3e4", text: "#0c2910" },
    box: { fill: "#2c313c", stroke: "#aab2c0", text: "#eceef2" },
    line: "#b8bfcc",
    // Mermaid's own dark edge labels are #ccc on #585858 (4.4:1, under AA; axe-core
    // reports it): here they are light text on the page's own background.
    edgeLabel: { text: "#ffffff", background: "#1e2129" },
    focus: "#9cc3ff",
  },
};
const OUTCOMES = ["emergency", "urgent", "soon", "routine", "selfcare"];

// Layout for a 360-pixel-wide phone. The content column there is 328px; a diagram
// wider than that is scaled down, and its 16px labels with it. Labels wrap at 116px,
// so a box is at most 140px wide and two boxes side by side (the most the guide's
// diagrams use) fit at full size. Right-angled arrows ("stepBefore") leave a box
// downwards and turn once, so they never cut across the box beside them.
// tests/test_diagram_design.py measures every diagram at 360px.
const BASE_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict", // no scripts or raw HTML from diagram text; href links still work
  flowchart: {
    useMaxWidth: true,
    htmlLabels: true,
    wrappingWidth: 116,
    padding: 6,
    nodeSpacing: 20,
    rankSpacing: 30,
    diagramPadding: 4,
    curve: "stepBefore",
  },
  // The page's own system fonts, at body-text size.
  themeVariables: { fontSize: "16px", fontFamily: "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif" },
};

let userConfig = {};
let mermaidModule = null;
let queue = Promise.resolve();

function scheme() {
  return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
}

// CSS that Mermaid puts inside each drawn SVG. !important because Mermaid's own theme
// rules and Material's link styles (.md-typeset a) would otherwise win. Paper is white,
// so a diagram drawn for the dark palette prints in the light palette's colours.
function themeCSS(palette) {
  const screen = paletteCSS(COLOURS[palette]);
  return palette === "light" ? screen : `${screen}\n@media print {${paletteCSS(COLOURS.light)}\n}`;
}

function paletteCSS(c) {
  const box = (selector, b) => `
      ${selector} .label-container, ${selector} > rect, ${selector} > polygon, ${selector} > path, ${selector} > circle {
        fill: ${b.fill} !important; stroke: ${b.stroke} !important; }
      ${selector} .nodeLabel, ${selector} span, ${selector} p { color: ${b.text} !important; }
      ${selector} text { fill: ${b.text} !important; }`;
  return box(".node", c.box) + `
      .node .label-container { stroke-width: 1.5px !important; }`
    + OUTCOMES.map((name) => box(`.node.${name}`, c[name]) + `
      .node.${name} .label-container { stroke-width: 2px !important; }`).join("")
    + `
      .flowchart-link { stroke: ${c.line} !important; }
      .marker, .marker path, .arrowMarkerPath { fill: ${c.line} !important; stroke: ${c.line} !important; }
      .edgeLabel, .edgeLabel p, .edgeLabel span, .labelBkg {
        color: ${c.edgeLabel.text} !important; background-color: ${c.edgeLabel.background} !important; }
      .edgeLabel rect { fill: ${c.edgeLabel.background} !important; opacity: 1 !important; }
      /* A box that links to a page looks like a link (underlined, WCAG 1.4.1) and shows
         a clear ring when it has keyboard focus (2.4.7). */
      a .nodeLabel p { text-decoration: underline; text-underline-offset: 0.15em; }
      /* Mermaid keeps the spaces at line ends (white-space: break-spaces), which would
         underline them too; the lines still break at the same width. */
      .nodeLabel p { white-space: normal !important; }
      a:focus { outline: none; }
      a:focus-visible { outline: 3px solid ${c.focus} !important; outline-offset: 3px; }
      a:focus-visible .label-container { stroke: ${c.focus} !important; stroke-width: 4px !important; }`;
}

function loadMermaid() {
  mermaidModule ??= import(MERMAID_URL.href).then((m) => m.default);
  return mermaidModule;
}

async function renderPage() {
  const nodes = [...document.querySelectorAll("div.mermaid")];
  if (nodes.length === 0) return;
  const palette = scheme();
  const todo = [];
  for (const node of nodes) {
    // Keep the source the first time, so the diagram can be redrawn in another palette.
    if (node.dataset.source === undefined) node.dataset.source = node.textContent;
    if (node.dataset.palette === palette && node.querySelector("svg")) continue;
    node.removeAttribute("data-processed");
    node.textContent = node.dataset.source;
    node.dataset.palette = palette;
    todo.push(node);
  }
  if (todo.length === 0) return;
  const mermaid = await loadMermaid();
  mermaid.initialize({
    ...BASE_CONFIG,
    ...userConfig,
    startOnLoad: false,
    theme: palette === "dark" ? "dark" : "default",
    themeCSS: themeCSS(palette),
  });
  // Errors are reported on the console (the browser tests fail on any), not swallowed.
  await mermaid.run({ nodes: todo, suppressErrors: false });
  for (const node of todo) {
    // Mermaid writes box links as SVG 1.1 xlink:href only; a plain href as well lets
    // search engines and link checkers follow them (browsers already do).
    for (const link of node.querySelectorAll("svg a")) {
      const target = link.getAttribute("xlink:href") ?? link.getAttributeNS("http://www.w3.org/1999/xlink", "href");
      if (target && !link.hasAttribute("href")) link.setAttribute("href", target);
    }
    node.classList.add("mermaid--rendered");
  }
}

function schedule() {
  queue = queue.then(renderPage).catch((error) => console.error("Diagram could not be drawn:", error));
  return queue;
}

// Material's observable of page loads (first load and every instant navigation).
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => schedule());
} else {
  schedule();
}

// Redraw when the reader switches palette (Material sets data-md-color-scheme on <body>).
new MutationObserver(() => schedule()).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme"],
});

// The interface mkdocs-mermaid2-plugin expects of "mermaid": it calls initialize(arguments).
export default {
  initialize(config = {}) {
    userConfig = { ...config };
    return schedule();
  },
  run: () => schedule(),
};
