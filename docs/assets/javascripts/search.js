// Two small additions to Material's search, for readers who type the way they talk.
// tests/test_search.py checks both in Chromium.
//
// 1. Small words do not decide the results.
//    Readers type whole questions: "do i need an mri", "what can i do at home for
//    sciatica". Material's search adds a wildcard to every word it is given, so "i" looks
//    for every word that starts with i ("injections", "inflammatory"), "the" finds
//    "therapy" and "for" finds "foraminal"; and lunr, the search engine inside Material,
//    skips its own stop-word filter for words with a wildcard. The small words of a
//    question therefore pushed unrelated pages to the top. Material has no setting for
//    this (its `pipeline` option only reaches words without a wildcard), so this drops
//    lunr's English stop words from what is sent to Material's search worker and leaves
//    the rest exactly as typed. The search box still shows what the reader typed.
//    - A query made only of small words ("who are you") is sent unchanged.
//    - Words with search syntax (+word, -word, word~1, word^2, "quoted", field:word) stay.
//    - Short forms made of small words ("can't", "i'm", "what's") are dropped too.
//    How: Material (9.8) sends each query to its worker as postMessage({type: 2, data:
//    "the query"}), 2 being its SearchMessageType.QUERY. This wraps postMessage for Web
//    Workers (the guide's only worker is Material's search) and changes nothing else. If a
//    Material update sends queries some other way, this does nothing, and the test "small
//    words do not change the results" fails.
//
// 2. A search that finds nothing offers the warning signs and the common questions.
//    The two links are in a <template> in overrides/partials/search.html; when Material
//    says "No matching documents" (its result list is empty for a query that is not),
//    a copy goes under it, and it goes again with the next results. It is added only
//    then, not kept hidden, because Material's Enter key opens the best link it finds
//    in the results, hidden or not. With nothing found, Enter opens the first of these
//    (the warning signs), as it would open the first result. Their links are made
//    absolute once, here, because Material keeps the search box across instant
//    navigation, where a relative link would point somewhere else.
(function () {
  "use strict";
  if (window.__guideSearch) return;
  window.__guideSearch = true;

  // 1. Small words ---------------------------------------------------------------------
  var QUERY = 2;
  // lunr 2.3.9's English stop words (lunr.stopWordFilter): the words Material's search
  // already leaves out of the index, so a page can never match them anyway.
  var SMALL = new Set((
    "a able about across after all almost also am among an and any are as at be because " +
    "been but by can cannot could dear did do does either else ever every for from get got " +
    "had has have he her hers him his how however i if in into is it its just least let like " +
    "likely may me might most must my neither no nor not of off often on only or other our " +
    "own rather said say says she should since so some than that the their them then there " +
    "these they this tis to too twas us wants was we were what when where which while who " +
    "whom why will with would yet you your"
  ).split(" "));
  // Endings of short forms: can't, i'm, what's, you're, i've, we'll, i'd.
  var ENDINGS = new Set(["t", "m", "s", "re", "ve", "ll", "d"]);

  function isSmall(word) {
    if (/[+\-~^:*"]/.test(word)) return false;
    var parts = word.toLowerCase().replace(/[?!.,;]+$/, "").split(/['\u2019]/);
    return parts.every(function (part, i) {
      return SMALL.has(part) || (i > 0 && ENDINGS.has(part));
    });
  }

  function withoutSmallWords(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) { return !isSmall(word); });
    return kept.length ? kept.join(" ") : query;
  }

  if (typeof Worker !== "undefined") {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        var args = Array.prototype.slice.call(arguments);
        args[0] = { type: message.type, data: withoutSmallWords(message.data) };
        return post.apply(this, args);
      }
      return post.apply(this, arguments);
    };
  }

  // 2. Help when nothing matches ---------------------------------------------------------
  var template = document.getElementById("guide-search-help");
  var result = document.querySelector(".md-search-result");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var input = document.querySelector(".md-search__input");
  if (!template || !result || !meta || !list || !input) return;

  var links = template.content.querySelectorAll("a[href]");
  for (var i = 0; i < links.length; i++) {
    links[i].setAttribute("href", new URL(links[i].getAttribute("href"), document.baseURI).href);
  }

  // Material rewrites its "N matching documents" line each time results arrive (never
  // while the search index is still loading), after it has filled or emptied the list.
  new MutationObserver(function () {
    var shown = result.querySelector(".guide-search-help");
    var nothing = !list.firstElementChild && input.value.trim() !== "";
    if (nothing && !shown) result.appendChild(template.content.cloneNode(true));
    if (!nothing && shown) shown.remove();
  }).observe(meta, { childList: true, characterData: true, subtree: true });
})();
