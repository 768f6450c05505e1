// harness/printing.py: resolves after two frames have been drawn, by when the browser has
// told diagrams.mjs which diagrams are near the screen (it starts drawing those).
() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))
