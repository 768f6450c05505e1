// tests/crawl.py: each drawn diagram's role and accessible name (from aria-labelledby or aria-label).
svgs => svgs.map(s => {
    const ids = (s.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const name = ids.map(id => document.getElementById(id)?.textContent || '').join(' ').trim()
        || (s.getAttribute('aria-label') || '').trim();
    return {role: s.getAttribute('role') || '', name};
})
