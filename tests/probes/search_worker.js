// Added to a page before its own scripts (searchkit.open_search_page): counts the
// queries Material sends to its search worker and the answers it has drawn, and notes
// the search box's value at each send, so a test knows when the results for what it
// typed are on screen. Material's messages: type 2 is a query, 3 its result
// (SearchMessageType in Material's integrations/search/worker/message).
