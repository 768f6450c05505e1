// Things Material's page chrome does not do for keyboard users. Loaded on every page
// (mkdocs.yml, extra_javascript). The header and <body> stay across Material's instant
// navigation, and the skip link is handled by delegation, so each is set up once.
// tests/test_keyboard.py checks each of them.
(function () {
  // 1. "Skip to content" puts keyboard focus on the page title (the h1, which has
  // tabindex="-1"). Followed as a plain #fragment, the link made Material's instant
  // navigation reload the page content, which dropped focus back to the top of the
  // page. Caught before Material sees the click; without JavaScript the plain link
  // still works.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-skip");
    var title = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!title) return;
    event.preventDefault();
    event.stopPropagation();
    title.focus();
  }, true);

  // 2. On a phone, Tab out of the search screen moves focus on while Material still
  // holds the page fixed under it; Material then puts the page back where it was and
  // the newly focused link can be off screen. Bring it into view when Material lets
  // go of the page (it removes data-md-scrolllock and restores the scroll position).
  new MutationObserver(function () {
    if (document.body.hasAttribute("data-md-scrolllock")) return;
    var focused = document.activeElement;
    if (!focused || focused === document.body) return;
    var box = focused.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) focused.scrollIntoView({ block: "center" });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });

  // 3. The menu button (three lines, shown on phones and at high zoom) is a <label>
  // for a hidden checkbox: a mouse or a finger can use it, a keyboard cannot reach it,
  // and a label cannot be given the role of a button. Put a real <button> in its place,
  // with the same look (class guide-menu-button; extra.css), named "Menu" and saying
  // whether the menu is open; Escape closes an open menu. Without JavaScript the
  // label stays, as Material made it.
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  if (!toggle || !label) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " guide-menu-button";
  button.setAttribute("aria-label", "Menu");
  button.append.apply(button, Array.prototype.slice.call(label.childNodes));
  label.replaceWith(button);
  function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
  sync();
  toggle.addEventListener("change", sync);
  button.addEventListener("click", function () { toggle.click(); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      button.focus();
    }
  });
})();
