// tests/test_accessibility.py: adds an SVG picture with no name (a guard test's bad example).
() => document.querySelector('.md-content__inner').insertAdjacentHTML('beforeend',
'<svg role="img" width="20" height="20"><circle cx="10" cy="10" r="8"/></svg>')
