// tests/test_print.py: under print media: the print header, its address and QR code, chrome that prints, each diagram's drawing and text version.
() => {
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const qr = document.querySelector('.print-header svg.qr-code');
    const box = qr && qr.getBoundingClientRect();
    return {
        header: shown(document.querySelector('.print-header')),
        address: (document.querySelector('.print-header__url') || {}).innerText,
        qrBox: box ? [box.width, box.height] : null,
        chromeShown: ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
                      '.md-banner', '.md-search', '.md-tooltip2', '.page-prints', '.handout__copy',
                      '.handout__print', '.headerlink'].filter(s => [...document.querySelectorAll(s)].some(shown)),
        diagrams: [...document.querySelectorAll('div.mermaid')].map(d => {
            const version = d.nextElementSibling;
            const list = version && version.matches('details') && version.querySelector('ol');
            return {drawing: shown(d) || shown(d.querySelector('svg')), textVersion: shown(list)};
        }),
    };
}
