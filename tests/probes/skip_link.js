// tests/test_keyboard.py: is the focused element the 'Skip to content' link, and where does it point?
() => { const a = document.activeElement;
    return {skip: a.matches('a.md-skip'), text: a.textContent.trim(), href: a.hash, what: a.outerHTML.slice(0, 100)}; }
