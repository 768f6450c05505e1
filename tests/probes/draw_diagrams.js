// Brings every diagram on the page into view in turn, as a reader scrolling down the page
// would, and waits until each is drawn (diagrams.mjs draws a diagram only when it comes
// near the viewport). Then scrolls back to where the page was. Resolves to the number of
// diagrams; rejects, naming the diagram, if one fails or is not drawn within `timeoutMs`.
async (timeoutMs) => {
  timeoutMs ??= 30000; // Playwright passes null when the test gives no argument
  const start = { left: window.scrollX, top: window.scrollY };
  const diagrams = [...document.querySelectorAll("div.mermaid")];
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  for (const [n, diagram] of diagrams.entries()) {
    diagram.scrollIntoView({ block: "center", behavior: "instant" });
    const until = performance.now() + timeoutMs;
    while (!(diagram.classList.contains("mermaid--rendered") && diagram.querySelector("svg"))) {
      if (diagram.classList.contains("mermaid--failed") || performance.now() > until) {
        const title = /accTitle\s*:\s*(.+)/.exec(diagram.dataset.source || "");
        throw new Error(`diagram ${n + 1} (${title ? title[1] : "no title"}) was not drawn: ` +
                        `its box is "${diagram.className}"`);
      }
      await pause();
    }
  }
  window.scrollTo({ ...start, behavior: "instant" });
  return diagrams.length;
}
