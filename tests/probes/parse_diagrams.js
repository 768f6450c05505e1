// tests/test_diagrams.py: asks the site's own pinned Mermaid to parse each [file, line, source] block; 'file:line: error' for each that fails.
async (blocks) => {
    const loader = new URL('assets/javascripts/diagrams.mjs', document.baseURI).href;
    const source = await (await fetch(loader)).text();
    const path = source.match(/vendor\/mermaid-[\d.]+\/mermaid\.esm\.min\.mjs/)[0];
    const mermaid = (await import(new URL('assets/javascripts/' + path, document.baseURI).href)).default;
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
    const out = [];
    for (const [file, line, text] of blocks) {
        try { await mermaid.parse(text); }
        catch (e) { out.push(`${file}:${line}: ${String(e.message || e).split('\n').slice(0, 4).join(' ')}`); }
    }
    return out;
}
