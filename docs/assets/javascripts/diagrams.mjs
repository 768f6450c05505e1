// Renders the guide's Mermaid diagrams with the pinned copy this site serves itself.
//
// Why this module exists: mkdocs-mermaid2-plugin only adds its <script> to pages that
// were loaded directly with a diagram on them, and Material's own Mermaid loader would
// fetch Mermaid from a CDN. This module is the one place diagrams are drawn:
//  - mkdocs.yml loads it on every page (it is about 3 KB); it imports Mermaid itself
//    only when the page in view has a diagram, so other pages never pay for it;
//  - mermaid2 imports it as "mermaid" on diagram pages and calls initialize() with the
//    `arguments:` from mkdocs.yml;
//  - it redraws after Material's instant navigation (document$) and when the reader
//    switches between the light and dark palette.
// The colours for emergency and urgent boxes live here, once, for both palettes.
// `scripts/update_mermaid.py` rewrites the version in MERMAID_URL.
const MERMAID_URL = new URL("./vendor/mermaid-11.17.2/mermaid.esm.min.mjs", import.meta.url);

// Box colours by meaning. Text colour on fill passes WCAG AA (4.5:1) and the border
// keeps 3:1 against the page background in each palette (checked by the tests).
const OUTCOME_COLOURS = {
  light: {
    emergency: { fill: "#b3261e", stroke: "#5c0a05", text: "#ffffff" },
    urgent: { fill: "#ffd180", stroke: "#7a4a00", text: "#1f1300" },
    routine: { fill: "#e3ecfa", stroke: "#2f5597", text: "#0b1f44" },
    selfcare: { fill: "#e2f3e4", stroke: "#2e6b34", text: "#0c2910" },
  },
  dark: {
    emergency: { fill: "#ffb4ab", stroke: "#ffdad6", text: "#410002" },
    urgent: { fill: "#ffd180", stroke: "#ffe9c2", text: "#2b1700" },
    routine: { fill: "#c7d8f5", stroke: "#e3ecfa", text: "#0b1f44" },
    selfcare: { fill: "#bfe5c3", stroke: "#e2f3e4", text: "#0c2910" },
  },
};

const BASE_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict", // no scripts or raw HTML from diagram text; href links still work
  flowchart: { useMaxWidth: true, htmlLabels: true },
};

let userConfig = {};
let mermaidModule = null;
let queue = Promise.resolve();

function scheme() {
  return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
}

function themeCSS(palette) {
  return Object.entries(OUTCOME_COLOURS[palette])
    .map(([name, c]) => `
      .node.${name} rect, .node.${name} polygon, .node.${name} path, .node.${name} circle {
        fill: ${c.fill} !important; stroke: ${c.stroke} !important; stroke-width: 2px !important; }
      .node.${name} .nodeLabel, .node.${name} span, .node.${name} p { color: ${c.text} !important; }
      .node.${name} text { fill: ${c.text} !important; }`)
    .join("\n") + `
      a:focus-visible .label-container, a:focus .label-container { outline: 3px solid currentColor; }`;
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
  for (const node of todo) node.classList.add("mermaid--rendered");
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
