// tests/test_diagram_design.py: the full address of every link in the page's diagrams.
() => [...document.querySelectorAll('div.mermaid svg a')].map(a =>
new URL(a.getAttribute('href') || a.getAttribute('xlink:href'), document.baseURI).href)
