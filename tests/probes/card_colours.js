// tests/test_handouts_print.py: under print media: every colour the cards print in that is not black, grey or white.
() => {
    const colours = new Set();
    for (const el of document.querySelectorAll('.safety-card, .safety-card *')) {
        if (el.closest('svg') || !el.getClientRects().length) continue;
        const style = getComputedStyle(el);
        for (const value of [style.color, style.borderLeftColor, style.borderTopColor, style.backgroundColor]) {
            const [r, g, b, a] = (value.match(/[\d.]+/g) || []).map(Number);
            if (a !== 0 && (Math.abs(r - g) > 8 || Math.abs(g - b) > 8)) colours.add(value);
        }
    }
    return [...colours];
}
