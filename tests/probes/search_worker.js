// Added to a page before its own scripts (searchkit.open_search_page): counts the
// queries Material sends to its search worker and the answers it has drawn, and notes
// the search box's value at each send, so a test knows when the results for what it
// typed are on screen. Material's messages: type 2 is a query, 3 its result
// (SearchMessageType in Material's integrations/search/worker/message).
(() => {
  const Original = window.Worker;
  window.__search = { sent: 0, drawn: 0, last: null };
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      // Runs before Material's own listener; the timeout lets Material draw first.
      this.addEventListener("message", event => {
        if (event.data && event.data.type === 3) setTimeout(() => { window.__search.drawn++; }, 0);
      });
    }
    postMessage(message, ...rest) {
      // What the reader typed: the box's value when Material sends it (the guide's
      // search.js may send fewer words than that).
      if (message && message.type === 2) {
        window.__search.sent++;
        window.__search.last = (document.querySelector(".md-search__input") || {}).value;
      }
      return super.postMessage(message, ...rest);
    }
  };
})();
