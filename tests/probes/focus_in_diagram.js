// tests/test_diagram_design.py: whether keyboard focus is on a link inside diagram number n.
(n) => {
    const svg = document.querySelectorAll('div.mermaid svg')[n];
    return !!(svg && svg.contains(document.activeElement));
}
