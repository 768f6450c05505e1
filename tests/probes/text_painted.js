// tests/test_fonts.py: are the title and the first paragraph painted, and has Material's script run yet?
() => {
    const ok = e => e && e.checkVisibility({visibilityProperty: true, opacityProperty: true})
        && getComputedStyle(e).color !== 'rgba(0, 0, 0, 0)' && e.getBoundingClientRect().height > 0;
    return {title: ok(document.querySelector('.md-content h1')),
            text: ok(document.querySelector('.md-content h1 ~ p, .md-content h1 ~ * p')),
            scriptsDone: !!window.document$};
}
