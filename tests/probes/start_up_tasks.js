// Installed before the page's own scripts (an init script): records what sets up the
// reader's controls, and whether it ran inside the evaluation of Material's bundle (its
// <script> is then document.currentScript) or later, in a task of its own. Recorded:
// listeners for the back button (window's popstate: only instant navigation listens for
// it), on the search box and on the light/dark switch, and search workers created; and
// whether Material's code did it (its bundle is on the call stack) or another script.
(() => {
  window.__controls = [];
  const BUNDLE = /\/bundle\.[^/]*\.min\.js/;
  const inBundle = () => {
    const script = document.currentScript;
    return !!(script && BUNDLE.test(script.src || ""));
  };
  const byMaterial = () => BUNDLE.test(new Error().stack || "");
  const what = (target, type) => {
    if (target === window) return type === "popstate" ? "navigation" : null;
    if (!(target instanceof Element)) return null;
    if (target.closest("[data-md-component=search]")) return "search";
    if (target.closest("[data-md-component=palette]")) return "palette";
    return null;
  };
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    const name = what(this, type);
    if (name) window.__controls.push({ what: name, type, inBundle: inBundle(), byMaterial: byMaterial() });
    return add.call(this, type, ...rest);
  };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      window.__controls.push({ what: "search worker", type: "new Worker", inBundle: inBundle(), byMaterial: byMaterial() });
      super(...args);
    }
  };
})();
