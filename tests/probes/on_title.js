// tests/test_keyboard.py: did following the skip link put focus on the page title?
href => { const a = document.activeElement, h1 = document.querySelector('.md-content h1');
    return {title: a === h1, linkTarget: !!h1 && '#' + h1.id === href, what: a.outerHTML.slice(0, 100)}; }
