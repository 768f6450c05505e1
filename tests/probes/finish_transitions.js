// tests/crawl.py: run every running transition and animation to its end at once, so a
// check sees what the reader sees when they are over (Material fades permalinks in).
() => { document.getAnimations().forEach(a => a.finish()); }
