// tests/test_keyboard.py: where keyboard focus is and whether its focus ring can be seen.
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const rendered = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  let shown = el;
  if (!rendered(el)) {
    // Material draws the ring of its 0x0 palette radio on the label right after it.
    const labels = [el.nextElementSibling, ...(el.labels || [])].filter(e => e && e.tagName === 'LABEL');
    shown = labels.find(rendered) || el;
  }
  const style = getComputedStyle(shown);
  const r = shown.getBoundingClientRect();
  let opacity = 1;
  for (let n = shown; n && n.nodeType === 1; n = n.parentElement) opacity *= +getComputedStyle(n).opacity;
  // Colours in a computed value, and whether any of them can be seen (alpha above 0).
  const seen = value => (value.match(/rgba?\\([^)]+\\)/g) || []).some(c => {
    const p = c.slice(c.indexOf('(') + 1, -1).split(',').map(Number);
    return p.length < 4 || p[3] > 0;
  });
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && seen(style.outlineColor))
               || (style.boxShadow !== 'none' && seen(style.boxShadow));
  const cls = typeof el.className === 'string' ? el.className : (el.className.baseVal || '');
  // Each element gets a number the first time it has focus; seeing one again means
  // focus has gone all the way round.
  window.__tabStops = window.__tabStops || new WeakMap();
  if (!window.__tabStops.has(el)) window.__tabStops.set(el, (window.__tabCount = (window.__tabCount || 0) + 1));
  return {
    key: String(window.__tabStops.get(el)),
    what: `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${cls ? ' class="' + cls + '"' : ''}> `
          + JSON.stringify((el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 50)),
    svgLink: el instanceof SVGElement && el.tagName.toLowerCase() === 'a',
    inContent: !!el.closest('.md-content'),
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    visible: style.visibility === 'visible' && opacity > 0.01,
    ring,
  };
}
