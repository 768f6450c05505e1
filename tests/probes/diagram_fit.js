// tests/test_diagram_design.py: the size and fit of every diagram on the page as drawn, and the size its labels show at.
() => [...document.querySelectorAll('div.mermaid')].map(d => {
    const svg = d.querySelector('svg');
    const box = d.getBoundingClientRect(), drawn = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll('foreignObject')].map(fo => {
        const text = fo.textContent.trim();
        const el = fo.querySelector('p') || fo.querySelector('span') || fo.firstElementChild;
        if (!text || !el) return null;
        const shown = parseFloat(getComputedStyle(el).fontSize) * fo.getScreenCTM().a;
        const node = fo.closest('g.node');
        const shape = node && node.querySelector('.label-container');
        let cut = false;
        if (shape) {
            const t = el.getBoundingClientRect(), s = shape.getBoundingClientRect();
            cut = t.left < s.left - 1 || t.right > s.right + 1 || t.top < s.top - 1 || t.bottom > s.bottom + 1;
        }
        return {text, px: shown, cut};
    }).filter(Boolean);
    return {
        title: (svg.querySelector('title') || {}).textContent,
        naturalWidth: svg.viewBox.baseVal.width,
        shownWidth: drawn.width,
        columnWidth: box.width,
        height: drawn.height,
        spills: drawn.left < box.left - 0.5 || drawn.right > box.right + 0.5
                || box.left < -0.5 || box.right > innerWidth + 0.5 || d.scrollWidth > d.clientWidth + 1,
        labels,
    };
})
