// tests/test_reflow.py: elements wider than the viewport (anything that would make the page scroll sideways).
() => {
  const width = document.documentElement.clientWidth;
  const describe = e => {
    const cls = typeof e.className === 'string' ? e.className : (e.className.baseVal || '');
    return `<${e.tagName.toLowerCase()}${cls ? ' class="' + cls + '"' : ''}> ${(e.textContent || '').trim().slice(0, 40)}`;
  };
  const containedBy = e => {
    for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
      const x = getComputedStyle(n).overflowX;
      if ((x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip')
          && n.getBoundingClientRect().right <= width + 1) return n;
    }
    return null;
  };
  const out = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
    if (!e.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    if (!containedBy(e)) out.push(describe(e) + ` ends at ${Math.round(r.right)} px`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: [...new Set(out)].slice(0, 8)};
}
