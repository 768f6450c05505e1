// Runs in the page head, before anything is styled: overrides/main.html puts its text
// there (scripts/hooks/material_start.py), and it is not published as a file of its own.
// Two changes Material's bundle makes when it starts are made here first, while they
// cost nothing; made by the bundle they restyle the whole page inside one long task on
// a phone (scripts/guide/material_start.py). The bundle then finds nothing to change.
(function () {
  var root = document.documentElement;
  // 1. The page runs JavaScript: Material's "no-js" class becomes "js", and the marks
  // the focus-visible polyfill in Material's bundle puts on <html> are there already
  // (no stylesheet uses them, yet adding them restyled every element).
  root.className = root.className.replace(/\bno-js\b/, "js js-focus-visible");
  root.setAttribute("data-js-focus-visible", "");
  // 2. Material's instant navigation makes every relative address absolute (exactly this
  // test and this self-assignment). Done now for the head's stylesheets and scripts.
  var elements = document.querySelectorAll("[href], [src]");
  for (var i = 0; i < elements.length; i++) {
    var keys = ["href", "src"];
    for (var k = 0; k < keys.length; k++) {
      var value = elements[i].getAttribute(keys[k]);
      if (value && !/^(?:[a-z]+:)?\/\//i.test(value)) {
        elements[i][keys[k]] = elements[i][keys[k]];
        break;
      }
    }
  }
  // 3. No colour transitions while the reader switches light/dark: Material's own rule
  // for that is taken out of its stylesheet (it restyled every page on load), and
  // extra.css has the same rule under data-palette-switching, set here only for a real
  // switch. A capturing listener runs before Material's own on the switch.
  document.addEventListener("change", function (event) {
    if (!event.target.matches || !event.target.matches("input[name=__palette]")) return;
    document.body.setAttribute("data-palette-switching", "");
    setTimeout(function () { document.body.removeAttribute("data-palette-switching"); }, 0);
  }, true);
  // 4. Material's bundle appends a <meta name="color-scheme"> and then sets its content.
  // The guide's own one, first in the head (overrides/main.html), is the one that counts,
  // so Material's would change nothing, yet Chromium restyles every element each time a
  // color-scheme meta is added or changed: twice in Material's first long task. So that
  // one meta stays out of the head; everything else is appended as usual.
  var append = document.head.appendChild;
  document.head.appendChild = function (node) {
    if (node instanceof HTMLMetaElement && node.name === "color-scheme") return node;
    return append.call(this, node);
  };
})();
