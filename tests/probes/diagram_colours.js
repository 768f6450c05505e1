// tests/test_diagram_design.py: the colours of every drawn diagram (boxes, arrows, arrowheads, edge labels) and of the page behind them.
(outcomes) => {
    const visible = (css) => css && css !== 'none' && !/rgba\(0, 0, 0, 0\)/.test(css);
    const backgroundOf = (el, stop) => {
        for (let e = el; e && e !== stop; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            if (visible(bg)) return bg;
        }
        return null;
    };
    let page = getComputedStyle(document.body).backgroundColor;
    if (!visible(page)) page = getComputedStyle(document.documentElement).backgroundColor;
    return {page, diagrams: [...document.querySelectorAll('div.mermaid svg')].map(svg => ({
        title: (svg.querySelector('title') || {}).textContent,
        boxes: [...svg.querySelectorAll('g.node')].map(n => {
            const shape = getComputedStyle(n.querySelector('.label-container'));
            const label = n.querySelector('.nodeLabel p') || n.querySelector('.nodeLabel');
            return {label: n.textContent.trim().replace(/\s+/g, ' '),
                    outcome: outcomes.find(c => n.classList.contains(c)) || 'plain',
                    fill: shape.fill, stroke: shape.stroke, strokeWidth: parseFloat(shape.strokeWidth),
                    text: getComputedStyle(label).color};
        }),
        lines: [...svg.querySelectorAll('path.flowchart-link')].map(e => getComputedStyle(e).stroke),
        arrowheads: [...svg.querySelectorAll('.arrowMarkerPath')].map(e => getComputedStyle(e).fill),
        edgeLabels: [...svg.querySelectorAll('g.edgeLabel')].filter(l => l.textContent.trim()).map(l => {
            const p = l.querySelector('p') || l.querySelector('span');
            return {label: l.textContent.trim(), text: getComputedStyle(p).color,
                    background: backgroundOf(p, l) || page};
        }),
    }))};
}
