// tests/test_diagram_design.py: the full address of the focused link.
() => { const a = document.activeElement;
return a && new URL(a.getAttribute('href') || a.getAttribute('xlink:href') || '', document.baseURI).href; }
