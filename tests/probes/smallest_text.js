// tests/test_handouts_print.py: under print media: the smallest text in the article, and what it says.
() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    let smallest = [Infinity, ''];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || !shown(el) || el.closest('svg')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < smallest[0]) smallest = [size, node.textContent.trim().slice(0, 60)];
    }
    return smallest;
}
