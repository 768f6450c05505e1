"""The guide works from the keyboard alone, in Chromium.

- "Skip to content" is the first Tab stop on every page and takes focus to the page title.
- Every Tab stop shows a visible focus ring (on phones, with the menu shut and open, too):
  nothing invisible takes focus.
- Search opens with "/", finds, and a result is chosen with the arrow keys and Enter.
- The light/dark switch works with Enter; the menu button on a phone with Enter, Space
  and Escape.
- Tab reaches every link inside a diagram.
"""
from __future__ import annotations

from settle import has_diagrams, settle, wait_for_stillness

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}
MAX_STOPS = 600

# What the focused element shows. A control whose own box is empty (Material's palette
# switch is a 0x0 radio button) shows its focus ring on its visible <label>.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const rendered = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  let shown = el;
  if (!rendered(el)) {
    // Material draws the ring of its 0x0 palette radio on the label right after it.
    const labels = [el.nextElementSibling, ...(el.labels || [])].filter(e => e && e.tagName === 'LABEL');
    shown = labels.find(rendered) || el;
  }
  const style = getComputedStyle(shown);
  const r = shown.getBoundingClientRect();
  let opacity = 1;
  for (let n = shown; n && n.nodeType === 1; n = n.parentElement) opacity *= +getComputedStyle(n).opacity;
  const alpha = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return 1;
                       const p = m[1].split(',').map(Number); return p.length > 3 ? p[3] : 1; };
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && alpha(style.outlineColor) > 0)
               || (style.boxShadow && style.boxShadow !== 'none');
  const cls = typeof el.className === 'string' ? el.className : (el.className.baseVal || '');
  // Each element gets a number the first time it has focus; seeing one again means
  // focus has gone all the way round.
  window.__tabStops = window.__tabStops || new WeakMap();
  if (!window.__tabStops.has(el)) window.__tabStops.set(el, (window.__tabCount = (window.__tabCount || 0) + 1));
  return {
    key: String(window.__tabStops.get(el)),
    what: `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}${cls ? ' class="' + cls + '"' : ''}> `
          + JSON.stringify((el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 50)),
    svgLink: el instanceof SVGElement && el.tagName.toLowerCase() === 'a',
    inContent: !!el.closest('.md-content'),
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    visible: style.visibility === 'visible' && opacity > 0.01,
    ring,
  };
}"""


def ring_problem(state: dict) -> str | None:
    if not state["onScreen"]:
        return "is off screen or has no size"
    if not state["visible"]:
        return "is invisible (hidden or transparent)"
    if not state["ring"]:
        return "shows no focus ring (outline of 2px or more, or a box-shadow)"
    return None


def tab_through(page, *, from_content: bool = False, limit: int = MAX_STOPS) -> list[dict]:
    """Press Tab until focus comes round again; the state of each stop. From the top of
    the page, or (from_content) from the page title, reached with the skip link, which
    leaves out the header and menu that every page shares.

    A stop that looks wrong is looked at again once transitions end (Material fades
    permalinks in on focus), and again a moment later (Material opens and closes search,
    and moves the page under it, after a short delay)."""
    if from_content:
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        page.wait_for_function("document.activeElement === document.querySelector('.md-content h1')")
    stops, seen = [], set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None or state["key"] in seen:
            break
        if ring_problem(state):
            wait_for_stillness(page)
            state = page.evaluate(FOCUS_STATE)
        if ring_problem(state):
            page.wait_for_timeout(500)
            wait_for_stillness(page)
            state = page.evaluate(FOCUS_STATE)
        seen.add(state["key"])
        stops.append(state)
    return stops


def open_page(visit_page, url, **options):
    page, _ = visit_page(url, **options)
    settle(page)
    return page


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_title(site, visit_page):
    problems = []
    for url in site.page_urls():
        page = open_page(visit_page, url, viewport=DESKTOP)
        page.keyboard.press("Tab")
        first = page.evaluate("""() => { const a = document.activeElement; const r = a.getBoundingClientRect();
            return {skip: a.matches('a.md-skip'), text: a.textContent.trim(), href: a.getAttribute('href'),
                    shown: r.width > 0 && r.top >= 0 && r.top < innerHeight && getComputedStyle(a).opacity > 0}; }""")
        if not first["skip"] or first["text"] != "Skip to content":
            problems.append(f"{url}: the first Tab stop is {first}, not the 'Skip to content' link")
            page.close()
            continue
        wait_for_stillness(page)
        if not page.evaluate("document.activeElement.getBoundingClientRect().top >= 0"):
            problems.append(f"{url}: the skip link is not shown when focused")
        href = page.evaluate("document.activeElement.hash")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)  # Material would swap the page in now if it took the click
        focused = page.evaluate("""() => { const a = document.activeElement, h1 = document.querySelector('.md-content h1');
            return {title: a === h1, linkTarget: !!h1 && ('#' + h1.id) === %r, what: a.outerHTML.slice(0, 100)}; }""" % href)
        if not focused["title"] or not focused["linkTarget"]:
            problems.append(f"{url}: the skip link ({href}) put focus on {focused['what']}, not the page title (the h1)")
        page.keyboard.press("Tab")
        if not page.evaluate("!!document.activeElement.closest('.md-content')"):
            problems.append(f"{url}: after the skip link, Tab goes to "
                            f"{page.evaluate('document.activeElement.outerHTML.slice(0, 120)')}, not into the page")
        page.close()
    assert not problems, "\n".join(problems)


def test_every_tab_stop_shows_a_focus_ring(site, visit_page):
    problems = []

    def check(label, stops):
        assert len(stops) > 3, f"{label}: only {len(stops)} Tab stops; keyboard focus is not moving"
        for n, stop in enumerate(stops, 1):
            problem = ring_problem(stop)
            if problem:
                problems.append(f"{label}, Tab stop {n}: {stop['what']} {problem}")

    # The whole page once; on the others, what differs: the content and the footer.
    for n, url in enumerate(site.page_urls()):
        page = open_page(visit_page, url, viewport=DESKTOP)
        check(f"{url} (1280 px wide)", tab_through(page, from_content=n > 0))
        page.close()
    # The home page, and a page inside a menu section (its sub-menu is open in the menu).
    in_section = next(u for u in site.page_urls() if u.removeprefix(site.base_url).count("/") == 2)
    phone_pages = [site.base_url, in_section]
    for url in phone_pages:
        page = open_page(visit_page, url, viewport=PHONE)
        check(f"{url} (phone, menu shut)", tab_through(page))
        page.close()
        page = open_page(visit_page, url, viewport=PHONE)
        page.locator("label.md-header__button[for='__drawer']").click()
        wait_for_stillness(page)
        check(f"{url} (phone, menu open)", tab_through(page))
        page.close()
    assert not problems, "keyboard focus that a reader cannot see:\n" + "\n".join(problems)


def test_focus_ring_check_reports_an_invisible_stop(site, visit_page):
    """Guards the test above: a focusable element with no ring, or out of sight, is reported."""
    page = open_page(visit_page, site.base_url, viewport=DESKTOP)
    page.evaluate("""() => {
        const style = document.createElement('style');
        style.textContent = '#bare:focus, #bare:focus-visible { outline: none !important; box-shadow: none !important; }';
        document.head.append(style);
        const inner = document.querySelector('.md-content__inner');
        inner.insertAdjacentHTML('afterbegin', '<a id="bare" href="#x">bare</a><a id="away" href="#y" style="position:absolute; left:-9999px">away</a>');
    }""")
    page.focus("#bare")
    assert "no focus ring" in (ring_problem(page.evaluate(FOCUS_STATE)) or "")
    page.focus("#away")
    assert "off screen" in (ring_problem(page.evaluate(FOCUS_STATE)) or "")


def test_search_works_from_the_keyboard(site, visit_page):
    page = open_page(visit_page, site.page_urls()[1], viewport=DESKTOP)
    name = page.evaluate("document.querySelector('.md-search[role=dialog]').getAttribute('aria-label')")
    assert name, "the search dialog has no name (aria-label)"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.md-search__input')"), "'/' did not put focus in search"
    page.keyboard.type("sciatica", delay=20)
    page.locator(".md-search-result__link").first.wait_for(timeout=15000)
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.activeElement.matches('.md-search-result__link') && document.activeElement.href")
    assert chosen, "ArrowDown did not move focus to the first result"
    wait_for_stillness(page)
    assert ring_problem(page.evaluate(FOCUS_STATE)) is None, "the chosen result shows no focus ring"
    page.keyboard.press("Enter")
    page.wait_for_url(chosen.split("#")[0] + "**")
    assert not page.evaluate("document.getElementById('__search').checked"), "search stayed open after choosing"


def test_palette_switch_works_from_the_keyboard(site, visit_page):
    page = open_page(visit_page, site.base_url, viewport=DESKTOP)
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input.md-option')"):
            break
    else:
        raise AssertionError("Tab never reached the light/dark switch")
    wait_for_stillness(page)
    assert ring_problem(page.evaluate(FOCUS_STATE)) is None, "the light/dark switch shows no focus ring"
    scheme = lambda: page.evaluate("document.body.dataset.mdColorScheme")  # noqa: E731
    assert scheme() == "default"
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'", timeout=5000)
    assert page.evaluate("document.activeElement.matches('input.md-option')"), "focus left the switch"
    page.keyboard.press("Enter")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'", timeout=5000)


def test_menu_button_works_from_the_keyboard_on_a_phone(site, visit_page):
    page = open_page(visit_page, site.base_url, viewport=PHONE)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('label[for=__drawer]')"):
            break
    else:
        raise AssertionError("Tab never reached the menu button on a phone-sized screen")
    button = page.locator("label.md-header__button[for='__drawer']")
    assert button.get_attribute("role") == "button" and button.get_attribute("aria-label") == "Menu"
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    wait_for_stillness(page)
    page.keyboard.press("Tab")
    state = page.evaluate(FOCUS_STATE)
    assert ring_problem(state) is None, f"after opening the menu, Tab went to {state}"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('label[for=__drawer]')"), "Escape did not return focus"
    page.keyboard.press(" ")
    page.wait_for_function("document.getElementById('__drawer').checked")


def test_tab_reaches_every_link_in_every_diagram(site, visit_page):
    diagram_pages = [u for u in site.page_urls() if has_diagrams(site, u)]
    assert diagram_pages, "no page has a diagram"
    problems = []
    linked = 0
    for url in diagram_pages:
        page = open_page(visit_page, url, viewport=DESKTOP)
        links = page.eval_on_selector_all("div.mermaid svg a", "as => as.length")
        linked += links
        reached = [s for s in tab_through(page, from_content=True) if s["svgLink"]]
        if len(reached) != links:
            problems.append(f"{url}: Tab reached {len(reached)} of the {links} links in its diagrams")
        problems += [f"{url}: diagram link {s['what']} {ring_problem(s)}" for s in reached if ring_problem(s)]
        page.close()
    assert linked, "no diagram has a link (click ... href); nothing was checked"
    assert not problems, "\n".join(problems)
