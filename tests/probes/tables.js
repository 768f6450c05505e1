// tests/test_reflow.py: each table's width, its scroll box and the shadow that shows it scrolls.
() => [...document.querySelectorAll('.md-typeset table')].map(t => {
  const wrap = t.closest('.md-typeset__scrollwrap');
  if (!wrap) return {wrapped: false, head: t.rows[0]?.textContent.trim().slice(0, 40)};
  const style = getComputedStyle(wrap);
  return {
    wrapped: true,
    head: t.rows[0]?.textContent.trim().slice(0, 40),
    scrolls: style.overflowX === 'auto' || style.overflowX === 'scroll',
    overflowing: wrap.scrollWidth > wrap.clientWidth + 1,
    cue: style.backgroundImage.includes('gradient') && style.backgroundAttachment.includes('local'),
  };
})
