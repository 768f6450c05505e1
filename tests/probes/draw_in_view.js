// Scrolls diagram number `index` into view, its top just below the header, as a reader
// reaching it would, waits until diagrams.mjs has drawn it, and reports what moved: the
// diagram's box and the text version after it, on screen, before and after, and the sum
// of the layout shifts Chromium recorded meanwhile (the Layout Instability API, which
// Cumulative Layout Shift adds up).
// `forgetSize` first takes away the size reserved for the diagram, as if diagrams.mjs had
// no measurement of it: the guard test uses it to show that the check can fail.
async ({ index, forgetSize, timeoutMs }) => {
  const until = performance.now() + (timeoutMs ?? 30000);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
  const diagram = document.querySelectorAll("div.mermaid")[index];
  while (diagram.dataset.key === undefined) { // diagrams.mjs has not run yet
    if (performance.now() > until) throw new Error(`diagram ${index + 1} was never set up`);
    await pause();
  }
  const next = diagram.nextElementSibling;
  if (forgetSize) {
    diagram.classList.remove("mermaid--sized");
    diagram.style.removeProperty("--diagram-width");
    diagram.style.removeProperty("--diagram-height");
  }
  let shift = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) shift += entry.value;
  });
  observer.observe({ type: "layout-shift" });
  const where = () => {
    const box = diagram.getBoundingClientRect();
    return { width: box.width, height: box.height, top: box.top, nextTop: next.getBoundingClientRect().top };
  };
  window.scrollBy({ top: diagram.getBoundingClientRect().top - 120, behavior: "instant" });
  const state = diagram.className;
  const before = where();
  while (!(diagram.classList.contains("mermaid--rendered") && diagram.querySelector("svg"))) {
    if (performance.now() > until) throw new Error(`diagram ${index + 1} was not drawn: "${diagram.className}"`);
    await pause();
  }
  // Two frames, so any shift the drawing caused has been laid out and reported.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const after = where();
  for (const entry of observer.takeRecords()) if (!entry.hadRecentInput) shift += entry.value;
  observer.disconnect();
  return { state, before, after, shift };
}
