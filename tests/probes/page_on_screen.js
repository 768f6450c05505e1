// tests/test_print.py: what a page shows on screen: title, article text, diagrams and text versions, outside links, chrome.
() => ({
    siteName: (document.querySelector('.print-header__site') || {textContent: ''}).textContent.trim(),
    title: document.querySelector('article h1').innerText.replace('¶', '').trim(),
    article: document.querySelector('article').innerText,
    diagrams: document.querySelectorAll('div.mermaid').length,
    textVersions: [...document.querySelectorAll('details')]
        .filter(d => d.querySelector('summary').innerText.startsWith('Text version'))
        .map(d => d.querySelector('li') ? d.querySelector('li').innerText : ''),
    outside: [...document.querySelectorAll('article a[data-print-href]')].map(a => a.href),
    chrome: [...document.querySelectorAll(
        '.md-header, .md-banner, .md-sidebar, .md-footer, .page-review__report, .md-search, .page-prints'
    )].flatMap(el => el.innerText.split('\n')).map(s => s.trim()).filter(s => s.length >= 8),
    headerOnScreen: !!(document.querySelector('.print-header') || {}).offsetParent,
})
