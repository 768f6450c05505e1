// Every diagram's box on the page, drawn or not: its state (classes), the key and size
// diagrams.mjs reserved for it (SIZES), its title (accTitle), the box's size on screen,
// the text a reader sees in it (empty if hidden), and the drawing's own size (viewBox)
// once drawn. scripts/measure_diagrams.py records `drawn` as the size to reserve.
() => [...document.querySelectorAll("div.mermaid")].map((d) => {
  const svg = d.querySelector("svg");
  const box = d.getBoundingClientRect();
  return {
    classes: [...d.classList],
    key: d.dataset.key,
    title: (/accTitle\s*:\s*(.+)/.exec(d.dataset.source || "") || [])[1],
    reserved: [parseFloat(d.style.getPropertyValue("--diagram-width")),
               parseFloat(d.style.getPropertyValue("--diagram-height"))],
    box: [box.width, box.height],
    shown: d.checkVisibility({ visibilityProperty: true }) ? d.innerText : "",
    drawn: svg ? [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height] : null,
  };
})
