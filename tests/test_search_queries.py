"""Search finds what readers mean: the lay query set in tests/search_queries.yml.

Each query is typed into the built site's own search box in Chromium (searchkit.py), as a
reader would type it. At least 90% of the queries, and every misspelling, must find one of
their wanted pages among the first three results. A failure lists every miss with the
results that came instead. To fix a miss, give the page the words readers use
(`also_called` or `also_spelled` in its front matter; CONTRIBUTING.md), not a new query.
"""
from __future__ import annotations

from collections import Counter

from guide.handouts import made_by_the_build
from searchkit import PASS_RATE, TOP, Outcome, Query, address_of, evaluate, load_queries, open_search_page, report

MIN_QUERIES = 40
MIN_MISSPELLINGS = 5


def test_query_set_covers_every_page_with_enough_queries_and_misspellings(site):
    queries = load_queries()
    # The pages the build makes to print (summaries, the card) are kept out of search.
    addresses = {address_of(url, site.base_url) for url in site.page_urls()} - set(made_by_the_build())
    assert len(queries) >= MIN_QUERIES, f"only {len(queries)} queries; the set needs at least {MIN_QUERIES}"
    misspelled = [q.q for q in queries if q.misspelled]
    assert len(misspelled) >= MIN_MISSPELLINGS, f"only {len(misspelled)} misspellings: {misspelled}"
    twice = [q for q, n in Counter(q.q.lower() for q in queries).items() if n > 1]
    assert not twice, f"queries listed twice in tests/search_queries.yml: {twice}"
    unknown = sorted({w for q in queries for w in q.want} - addresses)
    assert not unknown, f"wanted pages that are not in the site: {unknown} (addresses look like /causes/)"
    uncovered = sorted(addresses - {w for q in queries for w in q.want})
    assert not uncovered, f"no query wants these pages; add one a reader would type for each: {uncovered}"


def test_lay_queries_find_a_wanted_page_in_the_first_three_results(site, browser):
    context, page, visit = open_search_page(browser, site)
    try:
        outcomes = evaluate(page, load_queries(), site.base_url)
    finally:
        context.close()
    summary = report(outcomes)
    print(summary)  # shown with -s, and on failure
    passed = sum(o.passed for o in outcomes)
    missed_spellings = [o for o in outcomes if o.query.misspelled and not o.passed]
    assert passed / len(outcomes) >= PASS_RATE and not missed_spellings, summary
    assert not visit.problems(), visit.problems()


def test_the_query_check_reports_each_miss_with_the_results_that_came_instead(site, browser):
    """Guards the test above: a wrong page or no result at all is a miss, and is shown."""
    wrong = Query("slipped disc", ["/about/"])
    nothing = Query("zzqxvbnonsense", ["/"], misspelled=True)
    right = Query("slipped disc", ["/causes/"])
    context, page, _ = open_search_page(browser, site)
    try:
        outcomes = evaluate(page, [wrong, nothing, right], site.base_url)
    finally:
        context.close()
    assert [o.passed for o in outcomes] == [False, False, True], [o.describe() for o in outcomes]
    text = report(outcomes)
    assert "1 of 3 queries" in text and f"first {TOP} results" in text, text
    miss = next(line for line in text.splitlines() if line.strip().startswith('"slipped disc"'))
    assert 'wanted /about/; got 1. ' in miss and "/causes/ (What irritates the nerves)" in miss, miss
    assert '"zzqxvbnonsense" [misspelling]: wanted /; got no results' in text, text


def test_a_pass_needs_the_page_in_the_first_three():
    """Guards the rank rule without a browser: fourth place is a miss."""
    from searchkit import Result

    results = [Result(f"/p{i}/", f"Page {i}") for i in range(1, 6)]
    assert Outcome(Query("x", ["/p3/"]), results).rank == 3
    assert not Outcome(Query("x", ["/p4/"]), results).passed
    assert not Outcome(Query("x", ["/p1/"]), []).passed
