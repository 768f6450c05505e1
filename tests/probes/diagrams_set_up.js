// True once diagrams.mjs has set up every diagram on the page (placeholder, reserved size,
// watching for the reader). A page can be quiet on the network before that has run, on
// a busy machine: wait for this before looking at a diagram that has not been drawn.
() => {
  const diagrams = [...document.querySelectorAll("div.mermaid")];
  return diagrams.length > 0 && diagrams.every((diagram) => diagram.dataset.key !== undefined);
}
