// tests/test_diagram_design.py: the focus ring of the focused diagram box.
() => {
    const a = document.activeElement, s = getComputedStyle(a);
    const shape = getComputedStyle(a.querySelector('.label-container'));
    return {visible: a.matches(':focus-visible'), style: s.outlineStyle,
            width: parseFloat(s.outlineWidth), colour: s.outlineColor,
            stroke: parseFloat(shape.strokeWidth)};
}
