// tests/crawl.py: the visible headings in order, with their level.
() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.checkVisibility())
    .map(h => ({level: +h.tagName[1], text: h.textContent.trim().slice(0, 60)}))
