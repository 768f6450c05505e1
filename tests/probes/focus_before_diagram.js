// tests/test_diagram_design.py: put keyboard focus on the last Tab stop before diagram n's
// first link, so the next Tab presses test that the diagram's links are the stops after it
// (instead of pressing Tab through the whole page to get there). True if there was one.
(n) => {
  const svg = document.querySelectorAll("div.mermaid svg")[n];
  const first = svg && svg.querySelector("a");
  if (!first) return false;
  const stops = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length && !svg.contains(e)
      && (e.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING));
  // The last one that takes focus (a link in a closed text version does not).
  for (let i = stops.length - 1; i >= 0; i--) {
    stops[i].focus({ preventScroll: true });
    if (document.activeElement === stops[i]) return true;
  }
  return false;
}
