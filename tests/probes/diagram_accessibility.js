// tests/test_diagram_design.py: each diagram's role, name, description, boxes and the text version after it.
() => [...document.querySelectorAll('div.mermaid')].map(d => {
    const svg = d.querySelector('svg');
    const byId = (attr) => (svg.getAttribute(attr) || '').split(/\s+/).filter(Boolean)
        .map(id => svg.querySelector(`[id="${id}"]`)).filter(Boolean);
    const next = d.nextElementSibling;
    return {
        source: d.dataset.source,
        role: svg.getAttribute('role'),
        labelledBy: byId('aria-labelledby').map(e => [e.tagName, e.textContent]),
        describedBy: byId('aria-describedby').map(e => [e.tagName, e.textContent]),
        boxes: [...svg.querySelectorAll('g.node')].map(n => n.textContent.trim().replace(/\s+/g, ' ')),
        nextTag: next && next.tagName,
        summary: next && next.querySelector('summary') ? next.querySelector('summary').textContent.trim() : null,
        textVersion: next ? next.textContent : '',
    };
})
