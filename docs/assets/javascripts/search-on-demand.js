// Fetch the search index only when the reader opens search.
//
// Material downloads search/search_index.json (the text of every page; about 50 to 70 KB
// gzipped, growing with every page) as soon as any page loads, whether or not the reader
// ever searches. On a slow phone connection that download competes with the page being
// read. This script holds that one request back until search is opened: focus in the
// search box (a click or tap, Tab, or the "/", "s" or "f" keys) or the search toggle.
// An address with ?h= (search highlighting) fetches it at once. Meanwhile Material shows
// "Initializing search"; the query typed so far runs as soon as the index arrives.
//
// Material (9.8.1) requests the index with XMLHttpRequest, so that request's send() is
// what waits. If a Material update fetches it some other way, this does nothing and
// tests/test_budgets.py fails (every page then loads the index again).
// It must run before Material's bundle, so overrides/main.html puts its text in the page
// head (scripts/hooks/material_start.py); it is not published as a file of its own.
(function () {
  var INDEX = /\/search\/search_index\.json$/;
  var released = /[?&]h=/.test(location.search);
  var held = [];
  var mine = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url).split(/[?#]/)[0])) mine.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (released || !mine.has(xhr)) return send.apply(xhr, args);
    held.push(function () { send.apply(xhr, args); });
  };
  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (go) { go(); });
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  });
})();
