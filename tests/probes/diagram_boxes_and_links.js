// tests/test_diagram_design.py: every box of every drawn diagram: its words, outcome class and link.
() => [...document.querySelectorAll('div.mermaid svg')].map(svg => ({
    title: (svg.querySelector('title') || {}).textContent,
    boxes: [...svg.querySelectorAll('g.node')].map(n => {
        const a = n.closest('a');
        const href = a && (a.getAttribute('href') || a.getAttribute('xlink:href'));
        return {label: n.textContent.trim().replace(/\s+/g, ' '), classes: [...n.classList],
                href: href ? new URL(href, document.baseURI).href : null};
    }),
}))
