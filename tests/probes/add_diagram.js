// tests/test_diagram_design.py: adds a diagram with the given Mermaid source to the page (a guard test's bad example).
(source) => {
    const d = document.createElement('div');
    d.className = 'mermaid';
    d.textContent = source;
    document.querySelector('article').append(d);
    // diagrams.mjs looks for new diagrams when the palette attribute is set (even to
    // the same value); it draws this one when it is scrolled to.
    document.body.setAttribute('data-md-color-scheme', document.body.getAttribute('data-md-color-scheme'));
}
