// tests/test_print.py: under print media: how light the article text and the page background are.
() => {
    const rgb = s => s.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    const text = getComputedStyle(document.querySelector('article p')).color;
    const back = getComputedStyle(document.body).backgroundColor;
    return {text: lum(rgb(text)), back: lum(rgb(back)), raw: [text, back]};
}
