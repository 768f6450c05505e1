// tests/test_diagram_design.py: under print media: whether each diagram's drawing or text version prints, and the text version's colours.
() => {
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
        text: document.body.innerText,
        diagrams: [...document.querySelectorAll('div.mermaid')].map(d => {
            const svg = d.querySelector('svg');
            const steps = d.nextElementSibling ? [...d.nextElementSibling.querySelectorAll('li')] : [];
            return {drawn: !!svg, drawingPrints: shown(d) || shown(svg),
                    textVersion: steps.length > 0 && steps.every(li => shown(li) && li.offsetHeight > 0),
                    textColours: [...new Set(steps.map(li => getComputedStyle(li).color))]};
        }),
    };
}
