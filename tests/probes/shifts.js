// tests/test_fonts.py: an init script that records layout shifts while the page loads (window.__guideShifts).
window.__guideShifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__guideShifts.push({
    value: e.value,
    moved: e.sources.map(s => s.node ? (s.node.className || s.node.nodeName) : '?').join(', '),
  });
}).observe({type: 'layout-shift', buffered: true});
