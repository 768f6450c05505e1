// Tooltips for the glossary words (<abbr title="definition">, from scripts/hooks/glossary.py)
// and anything else in the page content that has a title, such as the "Link to this
// section" links, in Material's own tooltip style.
//
// Why not Material's `content.tooltips`: it sets up a tooltip component (a handful of
// RxJS subscriptions and a :hover check) for every element with a title, on every page
// load and every instant navigation, before the reader can do anything. The glossary makes
// every medical word such an element: about 150 on the medicines page, and setting them
// up was most of that page's Total Blocking Time on a slow phone (Lighthouse 13: 223 ms,
// against 62 ms on the home page, which has 36). Here one set of listeners on the
// document serves every word on every page, and nothing runs until the reader points at,
// taps or moves the keyboard focus to one.
//
// As Material's did, a tooltip shows on hover (a tap on a touch screen) and on keyboard
// focus, below the word and inside the screen; it stays while the pointer is on it (one
// shown by a tap, until the reader taps somewhere else), and Escape closes it (WCAG 1.4.13). While it shows, the word's title is moved to the
// tooltip (no second, native tooltip) and the word is described by it.
// tests/test_tooltips.py checks this in Chromium.
(function () {
  "use strict";
  if (window.__guideTooltips) return;
  window.__guideTooltips = true;

  var HOSTS = ".md-content [title]";
  var DELAY = 250; // ms a tooltip stays after the pointer leaves, to reach it
  var tip = null; // the one tooltip element, made on first use
  var host = null; // the element whose tooltip is showing
  var title = "";
  var timer = 0;
  // Shown by a tap: it stays until the reader taps somewhere else or presses Escape. The
  // mouse events a browser makes up around a tap are not the reader moving away (a
  // headless Chromium, for one, moves its pretend mouse back where it was after the tap).
  var tapped = false;

  function hostOf(target) {
    var el = target && target.closest ? target.closest(HOSTS) : null;
    // Diagram boxes (SVG) keep the browser's own tooltip.
    return el && !el.closest("svg") && el.getAttribute("title") ? el : null;
  }

  // The word a target belongs to, the one showing its tooltip included (it has lent its
  // title to the tooltip, so hostOf would not find it).
  function wordOf(target) {
    return host && host.contains(target) ? host : hostOf(target);
  }

  function make() {
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.id = "guide-tooltip";
    tip.setAttribute("role", "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    tip.appendChild(inner);
  }

  function show(el) {
    window.clearTimeout(timer);
    if (el === host) return;
    hide();
    if (!tip) make();
    host = el;
    title = el.getAttribute("title");
    tip.firstChild.textContent = title;
    el.removeAttribute("title");
    el.setAttribute("aria-describedby", tip.id);
    tip.classList.remove("md-tooltip2--active");
    document.body.appendChild(tip);
    // Material's tooltip CSS places it from these (relative to the document).
    var box = el.getBoundingClientRect();
    var style = tip.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", box.height + 8 + "px");
    style.setProperty("--md-tooltip-tail", "0px");
    style.setProperty("--md-tooltip-width", tip.firstChild.getBoundingClientRect().width + "px");
    // The next frame, so that it fades in rather than appearing at once.
    window.requestAnimationFrame(function () {
      if (host === el) tip.classList.add("md-tooltip2--active");
    });
  }

  function hide() {
    window.clearTimeout(timer);
    tapped = false;
    if (!host) return;
    host.setAttribute("title", title);
    host.removeAttribute("aria-describedby");
    host = null;
    tip.classList.remove("md-tooltip2--active");
    tip.remove();
  }

  function hideSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(hide, DELAY);
  }

  function onTip(node) {
    return !!(tip && node && tip.contains(node));
  }

  document.addEventListener("mouseover", function (event) {
    var el = hostOf(event.target);
    if (el) show(el);
    else if (onTip(event.target)) window.clearTimeout(timer);
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "mouse") return;
    if (!wordOf(event.target) && !onTip(event.target)) hide();
  }, true);
  document.addEventListener("click", function (event) {
    // A tap (a click from a touch or a pen; pointerType says which, where supported).
    if (!event.pointerType || event.pointerType === "mouse") return;
    var el = wordOf(event.target);
    if (!el) return;
    show(el);
    tapped = true;
  });
  document.addEventListener("mouseout", function (event) {
    if (!host || tapped) return;
    var to = event.relatedTarget;
    var leaving = host.contains(event.target) || onTip(event.target);
    if (leaving && !(to && (host.contains(to) || onTip(to)))) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var el = hostOf(event.target);
    if (el) show(el);
  });
  document.addEventListener("focusout", function (event) {
    if (host && host.contains(event.target)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);
  // Material's instant navigation replaces the content: a tooltip of the old page goes.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(hide);
  }
})();
