// Installed before the page's own scripts (an init script): records every change to an
// attribute that makes Chromium restyle the whole page when it changes after the page is
// styled (the class and focus-visible marks on <html>, a stylesheet's address, the
// palette-switching marks on <body>), and whether <body> existed yet when it happened;
// and every table a script takes out of the page (Material rebuilds a table it wraps).
(() => {
  window.__startUp = [];
  window.__tablesRemoved = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "childList") {
        window.__tablesRemoved += [...r.removedNodes].filter((n) => n.nodeName === "TABLE").length;
        continue;
      }
      window.__startUp.push({
        tag: r.target.tagName,
        rel: r.target.getAttribute("rel"),
        name: r.attributeName,
        before: r.oldValue,
        after: r.target.getAttribute(r.attributeName),
        bodyParsed: !!document.body && document.readyState !== "loading",
      });
    }
  }).observe(document, {
    subtree: true, childList: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["class", "data-js-focus-visible", "href", "data-md-color-switching", "data-palette-switching"],
  });
})();
