// Draws the guide's Mermaid diagrams with the pinned copy this site serves itself, when
// the reader comes near them.
//
// Why this module exists: mkdocs-mermaid2-plugin only adds its <script> to pages that
// were loaded directly with a diagram on them, and Material's own Mermaid loader would
// fetch Mermaid from a CDN. This module is the one place diagrams are drawn:
//  - mkdocs.yml loads it on every page (about 4 KB compressed). Mermaid itself (about
//    235 KB compressed, and most of a second of script on a slow phone) is imported only
//    when a diagram comes within half a screen of the viewport, so a page's first load
//    costs no more than a page without diagrams, and a reader who never scrolls that far
//    never pays for it;
//  - until then the diagram's box holds a placeholder (its title and where to find the
//    text version), at the size the drawing will take (SIZES below), so nothing on the
//    page moves when the drawing replaces it;
//  - mermaid2 imports it as "mermaid" on diagram pages and calls initialize() with the
//    `arguments:` from mkdocs.yml;
//  - it starts again after Material's instant navigation (document$), and redraws the
//    diagrams already drawn when the reader switches between the light and dark palette.
// Without JavaScript, extra.css hides the diagram and the text version after it is there.
// Every diagram colour (both palettes), the phone-sized layout and the reserved sizes
// are set here, once. `scripts/update_mermaid.py` rewrites the version in MERMAID_URL.
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

// The size each of the guide's diagrams is drawn at (its SVG viewBox, in CSS pixels, with
// BASE_CONFIG and the test machine's fonts), keyed by diagramKey() of its source. The
// diagram's box takes this size (at most the column's width, keeping its shape) before
// Mermaid is even loaded, so nothing moves when the drawing arrives; on a device whose
// fonts draw it a little bigger or smaller, the drawing is scaled to fit the same box.
// A diagram missing here still works: its box grows when it is drawn.
// Written by ./scripts/measure-diagrams; tests/test_diagrams.py fails when it is out of
// date (after a diagram or BASE_CONFIG changes) and says to run it.
// SIZES: start (generated; do not edit by hand)
const SIZES = {
  "d9227390": [302.0, 1790.0], // back-hip-or-knee/: Is my knee pain coming from my back, my hip or my knee?
  "be555de7": [328.0, 296.0], // nerve-pathways/: From spine to knee, part 1, front and inside of the knee
  "1d1fcdbf": [308.0, 338.0], // nerve-pathways/: From spine to knee, part 2, outside and back of the knee
  "90ab4ee4": [308.0, 1730.0], // symptoms/: Where is the pain, and what may cause it there?
  "1a70ade4": [308.0, 1370.0], // treatment/: The treatment path over time
  "63a714d4": [308.0, 1844.0], // warning-signs/: Do I need help now?
};
// SIZES: end

// How near the viewport a diagram must come to be drawn: within half a screen above or
// below it. Far enough ahead that it is usually drawn before the reader reaches it, near
// enough that a page whose first diagram is below the first screen loads no Mermaid.
const NEAR = "50% 0px 50% 0px";

// What the reader sees in a diagram's box until it is drawn, and if it cannot be, with a
// button that opens the text version after it (a tall diagram's box can fill the screen).
const PLACEHOLDER = {
  waiting: "It appears here as you reach it. Its text version, just after it, says the same.",
  drawing: "Drawing the diagram\u2026 Its text version, just after it, says the same.",
  failed: "This diagram could not be drawn. Its text version, just after it, says the same.",
};

let userConfig = {};
let mermaidModule = null;
let initialisedFor = null; // the palette Mermaid was last initialised with
let queue = Promise.resolve();
let observer = null;
let drawn = 0; // for unique SVG ids

function scheme() {
  return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
}

// A short, stable name for a diagram's source (32-bit FNV-1a, hex): the key of SIZES.
function diagramKey(source) {
  let hash = 0x811c9dc5;
  for (const char of source.trim()) {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
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

// Put the placeholder in a diagram's box, with the size its drawing will take.
function prepare(node) {
  if (node.dataset.source !== undefined) return;
  const source = node.textContent;
  node.dataset.source = source;
  node.dataset.key = diagramKey(source);
  const size = SIZES[node.dataset.key];
  if (size) {
    node.style.setProperty("--diagram-width", size[0]);
    node.style.setProperty("--diagram-height", size[1]);
    node.classList.add("mermaid--sized");
  }
  const title = /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(source);
  const box = document.createElement("p");
  box.className = "mermaid__placeholder";
  const name = document.createElement("strong");
  name.textContent = `Diagram: ${title ? title[1] : "a decision chart"}`;
  const message = document.createElement("span");
  box.append(name, message);
  const text = textVersion(node);
  if (text) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Read the text version";
    button.addEventListener("click", () => {
      text.open = true;
      text.scrollIntoView({ block: "center" });
      text.querySelector("summary")?.focus();
    });
    box.append(button);
  }
  node.replaceChildren(box);
  setState(node, "waiting");
}

// The "Text version of this diagram" block that follows every diagram.
function textVersion(node) {
  const next = node.nextElementSibling;
  return next && next.tagName === "DETAILS" ? next : null;
}

function setState(node, state) {
  for (const name of Object.keys(PLACEHOLDER)) node.classList.toggle(`mermaid--${name}`, name === state);
  const message = node.querySelector(".mermaid__placeholder span");
  if (message && PLACEHOLDER[state]) message.textContent = PLACEHOLDER[state];
}

// Draw (or, after a palette switch, redraw) these diagrams, one at a time.
async function draw(nodes) {
  nodes = nodes.filter((node) => node.isConnected);
  if (nodes.length === 0) return;
  let mermaid;
  try {
    mermaid = await loadMermaid();
  } catch (error) {
    mermaidModule = null; // a diagram reached later tries again (the connection may be back)
    for (const node of nodes) if (!node.classList.contains("mermaid--rendered")) setState(node, "failed");
    throw error;
  }
  for (const node of nodes) {
    if (!node.isConnected) continue;
    const palette = scheme();
    if (initialisedFor !== palette) {
      mermaid.initialize({
        ...BASE_CONFIG,
        ...userConfig,
        startOnLoad: false,
        theme: palette === "dark" ? "dark" : "default",
        themeCSS: themeCSS(palette),
      });
      initialisedFor = palette;
    }
    let svg;
    try {
      // render() leaves the box alone until the drawing is ready, so the placeholder (or
      // the drawing in the other palette) stays in place until it is swapped in whole.
      ({ svg } = await mermaid.render(`diagram-${++drawn}`, node.dataset.source));
    } catch (error) {
      if (!node.classList.contains("mermaid--rendered")) setState(node, "failed");
      throw error;
    }
    // A keyboard user on the placeholder's button goes on from the drawing's first link.
    const hadFocus = node.contains(document.activeElement);
    node.innerHTML = svg;
    node.dataset.palette = palette;
    // Mermaid writes box links as SVG 1.1 xlink:href only; a plain href as well lets
    // search engines and link checkers follow them (browsers already do).
    for (const link of node.querySelectorAll("svg a")) {
      const target = link.getAttribute("xlink:href") ?? link.getAttributeNS("http://www.w3.org/1999/xlink", "href");
      if (target && !link.hasAttribute("href")) link.setAttribute("href", target);
    }
    setState(node, "rendered");
    node.classList.add("mermaid--rendered");
    if (hadFocus) (node.querySelector("svg a") ?? textVersion(node)?.querySelector("summary"))?.focus();
    // Let the browser paint and handle input between two diagrams.
    await new Promise((resolve) => setTimeout(resolve));
  }
}

function schedule(nodes) {
  for (const node of nodes) if (!node.classList.contains("mermaid--rendered")) setState(node, "drawing");
  // Errors are reported on the console (the browser tests fail on any), not swallowed.
  queue = queue.then(() => draw(nodes)).catch((error) => console.error("Diagram could not be drawn:", error));
  return queue;
}

// Set up the diagrams of the page in view: a placeholder in each, drawn when near. Safe
// to call again: diagrams already set up are only watched again if still waiting.
function scan() {
  const nodes = [...document.querySelectorAll("div.mermaid")];
  nodes.forEach(prepare);
  const waiting = nodes.filter((node) => node.classList.contains("mermaid--waiting"));
  if (waiting.length === 0) return;
  if (!("IntersectionObserver" in window)) {
    schedule(waiting); // an old browser: draw at once, as before
    return;
  }
  observer ??= new IntersectionObserver((entries) => {
    const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
    near.forEach((node) => observer.unobserve(node));
    if (near.length) schedule(near);
  }, { rootMargin: NEAR });
  waiting.forEach((node) => observer.observe(node));
}

// Draw every diagram of the page now, near or not (the mermaid2 interface's run()).
function drawAll() {
  const nodes = [...document.querySelectorAll("div.mermaid")];
  nodes.forEach(prepare);
  nodes.forEach((node) => observer?.unobserve(node));
  return schedule(nodes.filter((node) => !node.classList.contains("mermaid--rendered")));
}

// Material's observable of page loads (first load and every instant navigation). The
// previous page's diagrams are gone: stop watching them.
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => {
    observer?.disconnect();
    scan();
  });
} else {
  scan();
}

// When the reader switches palette (Material sets data-md-color-scheme on <body>), redraw
// the diagrams already drawn; the others are drawn in the new palette when reached. Any
// diagram added to the page since is set up too.
new MutationObserver(() => {
  scan();
  const stale = [...document.querySelectorAll("div.mermaid.mermaid--rendered")]
    .filter((node) => node.dataset.palette !== scheme());
  if (stale.length) schedule(stale);
}).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme"],
});

// The interface mkdocs-mermaid2-plugin expects of "mermaid": it calls initialize(arguments).
export default {
  initialize(config = {}) {
    userConfig = { ...config };
    initialisedFor = null;
    scan();
  },
  run: () => drawAll(),
};
