"""Published addresses never break (data/published-urls.txt).

Clinicians print page addresses on handouts that are read years later. Every address in
data/published-urls.txt must still lead to a page, directly or through a mkdocs-redirects
stub (followed like a browser does), and to the listed section if it names one. Every
built page must be listed, so no page is published without its address being recorded.
The file is append-only: a line that was ever committed must stay.

The checks are plain functions, proved to fail with clear messages on small fake sites
and on a throwaway project with a real redirect, then run on the real guide.
"""
from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest

from harness.server import SUBPATH, PagesHandler, free_port
from guide.pages import source_of as page_source
from sitekit import ROOT, build, make_project, page

from guide import warning_signs
from guide.markers import MARKER

MANIFEST = ROOT / "data" / "published-urls.txt"
MANIFEST_NAME = "data/published-urls.txt"
# Short and readable: lowercase words joined by hyphens, ending in /, at most two levels
# deep, optionally one section id. No .html, no capitals, no dates, no query.
ADDRESS = re.compile(r"^/(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*/){0,2}(?:#[a-z][a-z0-9]*(?:-[a-z0-9]+)*)?$")
DATE_LIKE = re.compile(r"(?:19|20)\d\d")
REFRESH = re.compile(r'<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"', re.I)
REDIRECT_FIX = ("add a redirect in mkdocs.yml under `redirects: redirect_maps:` from the old "
                "file to the page that replaced it (for example `old-page.md: new-page.md#section`), "
                "or restore the page")
NOT_PAGES = {"assets", "search"}  # folders of the built site that hold no pages


@dataclass(frozen=True)
class Entry:
    line: int
    address: str  # as written: /treatment/medicines/#at-a-glance

    @property
    def path(self) -> str:
        return self.address.split("#", 1)[0]

    @property
    def anchor(self) -> str:
        return self.address.split("#", 1)[1] if "#" in self.address else ""


def read_manifest(text: str) -> list[Entry]:
    """Addresses with their line numbers. '#' at a line's start or after a space is a comment."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        entries.append(Entry(number, stripped.split()[0]))
    return entries


def check_format(entries: list[Entry], where: str = MANIFEST_NAME) -> list[str]:
    """Addresses must be short and readable, and listed once."""
    problems, seen = [], {}
    for entry in entries:
        if not ADDRESS.match(entry.address) or DATE_LIKE.search(entry.address):
            problems.append(
                f"{where}:{entry.line}: `{entry.address}` is not a short, readable address. Fix: write it "
                "like /page/ or /folder/page/#section-id: lowercase words and hyphens, ending in /, "
                "at most two levels, no .html and no dates (see the site map)."
            )
        if entry.address in seen:
            problems.append(f"{where}:{entry.line}: `{entry.address}` is already listed on line "
                            f"{seen[entry.address]}. Fix: delete this second copy.")
        seen.setdefault(entry.address, entry.line)
    return problems


def html_file(site_dir: Path, path: str) -> Path:
    return site_dir / path.lstrip("/") / "index.html"


def redirect_target(html: str) -> str | None:
    match = REFRESH.search(html)
    return match.group(1) if match else None


def resolve(site_dir: Path, address: str, hops: int = 5) -> tuple[list[str], str | None]:
    """Follow an address through redirect stubs as a browser does.

    Returns the chain of addresses visited and a reason if it does not end on a page.
    A mkdocs-redirects stub runs `location.href = URL + (anchor ? "#" + anchor : "")`,
    so the reader's #section is carried over to the new page.
    """
    chain = [address]
    current = address
    for _ in range(hops):
        path, _, anchor = current.partition("#")
        file = html_file(site_dir, path)
        if not file.is_file():
            return chain, f"there is no page at {path} (no {file.relative_to(site_dir).as_posix()} in the built site)"
        text = file.read_text(encoding="utf-8")
        target = redirect_target(text)
        if target is None:
            if anchor and not re.search(rf'\bid=["\']{re.escape(anchor)}["\']', text):
                return chain, f"the page {path} has no section with id `{anchor}`"
            return chain, None
        landed = urljoin("http://site" + path, target + ("#" + anchor if anchor else ""))
        parts = urlsplit(landed)
        current = parts.path + (f"#{parts.fragment}" if parts.fragment else "")
        chain.append(current)
    return chain, f"it goes through more than {hops} redirects (a loop?)"


def source_of(path: str) -> str:
    """The Markdown file behind a page address, as a maintainer would type it."""
    found = page_source(path, ROOT / "docs") or ROOT / "docs" / (path.strip("/") + ".md")
    return found.relative_to(ROOT).as_posix()


def check_addresses(site_dir: Path, entries: list[Entry], where: str = MANIFEST_NAME) -> list[str]:
    """Every listed address leads to a page (and section) in the built site."""
    problems = []
    for entry in entries:
        chain, reason = resolve(site_dir, entry.address)
        if reason is None:
            continue
        route = " -> ".join(chain)
        if entry.anchor and reason.startswith("the page"):
            final = chain[-1].partition("#")[0]
            fix = (f"give the section's heading back its id, `## Heading {{ #{chain[-1].partition('#')[2]} }}` "
                   f"in {source_of(final)}; if the section moved to another page, {REDIRECT_FIX}")
        else:
            fix = REDIRECT_FIX
        problems.append(f"{where}:{entry.line}: the published address {entry.address} no longer works "
                        f"({route}): {reason}. Fix: {fix}.")
    return problems


def built_pages(site_dir: Path) -> list[str]:
    """Addresses of every page in the built site (redirect stubs and 404 excluded)."""
    pages = []
    for file in sorted(site_dir.rglob("index.html")):
        rel = file.parent.relative_to(site_dir).as_posix()
        if rel.split("/")[0] in NOT_PAGES:
            continue
        if redirect_target(file.read_text(encoding="utf-8")) is None:
            pages.append("/" if rel == "." else f"/{rel}/")
    return pages


def check_listed(site_dir: Path, entries: list[Entry], where: str = MANIFEST_NAME) -> list[str]:
    """Every built page is in the manifest."""
    listed = {entry.path for entry in entries}
    return [
        f"{where}: the page {address} is built but its address is not listed. Fix: if this "
        f"address is final, append the line `{address}` to {where} (addresses there are promises "
        "and are never removed); otherwise rename the page first."
        for address in built_pages(site_dir) if address not in listed
    ]


def check_explicit_ids(entries: list[Entry], site_dir: Path) -> list[str]:
    """A listed section id is written in the Markdown, not made from the heading's words,
    so rewording a heading cannot change it."""
    problems = []
    signs = warning_signs.cached()
    for entry in entries:
        if not entry.anchor:
            continue
        chain, reason = resolve(site_dir, entry.address)
        if reason is not None:
            continue  # check_addresses reports it
        final, _, anchor = chain[-1].partition("#")
        source = source_of(final)
        text = (ROOT / source).read_text(encoding="utf-8") if (ROOT / source).exists() else ""
        # A tier's section of the warning-signs page comes from a marker; its id is the
        # tier's `section:` in data/warning-signs.yml, written there, not made from words.
        text += "".join(f"{{ #{signs.tiers[m['args'].split()[0]].section} }}"
                        for m in MARKER.finditer(text) if m["name"] == "sign-section" and m["args"].split()
                        and m["args"].split()[0] in signs.tiers)
        explicit = re.search(r"\{[^}\n]*#" + re.escape(anchor) + r"(?=[\s}])[^}\n]*\}", text) or \
            re.search(rf'\bid=["\']{re.escape(anchor)}["\']', text)
        if not explicit:
            problems.append(
                f"{MANIFEST_NAME}:{entry.line}: the section id `{anchor}` in {entry.address} is not "
                f"written in {source}, so rewording its heading would break handouts. Fix: end the "
                f"heading with `{{ #{anchor} }}`."
            )
    return problems


def git(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def check_append_only(repo: Path, rel: str = MANIFEST_NAME) -> list[str]:
    """No address that any commit ever listed has been removed since."""
    log = git("log", "--format=%H", "--", rel, cwd=repo)
    if log.returncode != 0:
        pytest.skip(f"not a git checkout ({log.stderr.strip()}); append-only is checked in CI")
    current = {e.address for e in read_manifest((repo / rel).read_text(encoding="utf-8"))}
    problems, reported = [], set()
    for commit in log.stdout.split():
        shown = git("show", f"{commit}:{rel}", cwd=repo)
        if shown.returncode != 0:
            continue  # the file did not exist in that commit
        for entry in read_manifest(shown.stdout):
            if entry.address not in current and entry.address not in reported:
                reported.add(entry.address)
                problems.append(
                    f"{rel}: `{entry.address}` was published (commit {commit[:10]}) and has been "
                    f"removed from the list. Fix: put the line back; the list is append-only. "
                    f"If the page moved, {REDIRECT_FIX}."
                )
    return problems


# ---- The checks fail, with clear messages, on small fake sites --------------------------

def stub(url: str) -> str:
    """A redirect page exactly as mkdocs-redirects writes it."""
    from mkdocs_redirects.plugin import HTML_TEMPLATE

    return HTML_TEMPLATE.format(url=url)


@pytest.fixture
def fake_site(tmp_path) -> Path:
    site = tmp_path / "site"
    files = {
        "index.html": "<h1>Home</h1>",
        "new/index.html": '<h1>New</h1><h2 id="emergency">Emergency</h2>',
        "old/index.html": stub("../new/"),
        "older/index.html": stub("../old/"),
        "moved-section/index.html": stub("../new/#emergency"),
        "loop/index.html": stub("../loop/"),
        "assets/index.html": "<p>not a page</p>",
        "404.html": "<h1>Not found</h1>",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_addresses_that_resolve_pass(fake_site):
    entries = read_manifest("# comment\n/\n/new/#emergency   # a comment\n/old/\n/older/#emergency\n"
                            "/moved-section/\n/loop/\n")
    assert [e.address for e in entries][:2] == ["/", "/new/#emergency"]
    problems = check_addresses(fake_site, entries[:-1])
    assert problems == []
    assert resolve(fake_site, "/older/#emergency")[0] == ["/older/#emergency", "/old/#emergency",
                                                          "/new/#emergency"]


def test_a_missing_page_is_named_with_the_fix(fake_site):
    problems = check_addresses(fake_site, read_manifest("/\n/gone/\n"), where="fake.txt")
    assert len(problems) == 1
    assert "fake.txt:2" in problems[0] and "/gone/" in problems[0]
    assert "redirect_maps" in problems[0] and "restore the page" in problems[0]


def test_a_missing_section_is_named_with_the_fix(fake_site):
    problems = check_addresses(fake_site, read_manifest("/new/#same-day\n/old/#same-day\n"))
    assert len(problems) == 2
    assert "no section with id `same-day`" in problems[0] and "{ #same-day }" in problems[0]
    assert "/old/#same-day -> /new/#same-day" in problems[1]


def test_a_redirect_loop_or_dead_redirect_fails(fake_site):
    (fake_site / "dead" / "index.html").parent.mkdir()
    (fake_site / "dead" / "index.html").write_text(stub("../nowhere/"))
    problems = check_addresses(fake_site, read_manifest("/loop/\n/dead/\n"))
    assert len(problems) == 2
    assert "more than 5 redirects" in problems[0]
    assert "/dead/ -> /nowhere/" in problems[1] and "no page at /nowhere/" in problems[1]


def test_a_page_missing_from_the_list_is_named(fake_site):
    assert built_pages(fake_site) == ["/", "/new/"]
    problems = check_listed(fake_site, read_manifest("/\n/old/\n"))
    assert len(problems) == 1
    assert "/new/" in problems[0] and "append the line `/new/`" in problems[0]


def test_unreadable_addresses_are_refused():
    bad = ["/Warning-Signs/", "/warning-signs", "/warning_signs/", "/a/b/c/", "/page.html",
           "/news-2026/", "/x/#Emergency", "/x/?q=1"]
    problems = check_format(read_manifest("\n".join(bad + ["/ok/", "/ok/"])))
    for address in bad:
        assert any(f"`{address}`" in p for p in problems), f"{address} was accepted"
    assert any("already listed on line" in p for p in problems)
    assert check_format(read_manifest("/\n/treatment/medicines/\n/warning-signs/#see-a-doctor-soon\n")) == []


def test_removing_a_published_address_is_caught(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    manifest = repo / MANIFEST_NAME
    identity = ["-c", "user.name=Test", "-c", "user.email=test@invalid"]
    assert git("init", "-q", cwd=repo).returncode == 0
    manifest.write_text("/\n/old/\n")
    git("add", ".", cwd=repo)
    assert git(*identity, "commit", "-qm", "first", cwd=repo).returncode == 0
    manifest.write_text("/\n/new/\n")  # /old/ removed, not committed yet
    problems = check_append_only(repo)
    assert len(problems) == 1 and "`/old/` was published" in problems[0] and "put the line back" in problems[0]
    manifest.write_text("/\n/old/\n/new/\n")
    assert check_append_only(repo) == []


# ---- A real mkdocs-redirects stub is followed to the page and section ---------------------

def test_a_moved_page_keeps_its_old_address_through_a_redirect(tmp_path, browser):
    # Pages for clinicians: a patient page would also get a one-page summary, whose
    # address this manifest would then have to list, and whose help box needs a
    # warning-signs page.
    def for_clinicians(text: str) -> str:
        assert "audience: patients" in text, "the fixture page changed shape: update this test"
        return text.replace("audience: patients", "audience: clinicians")

    project = make_project(tmp_path, {
        "index.md": for_clinicians(page("Home")),
        "new-name.md": for_clinicians(page("New name", "## Emergency { #emergency }\n\nGo now.")),
    })
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "redirect_maps: {}" in text, "mkdocs.yml changed shape: update this test"
    config.write_text(text.replace(
        "redirect_maps: {}",
        "redirect_maps:\n        old-name.md: new-name.md\n        old-section.md: new-name.md#emergency"))
    port = free_port()
    base = f"http://127.0.0.1:{port}{SUBPATH}"
    site_dir = tmp_path / "site"
    result = build(project, site_dir, base)
    assert result.returncode == 0, result.stdout + result.stderr

    manifest = read_manifest("/\n/new-name/\n/old-name/\n/old-name/#emergency\n/old-section/\n")
    assert check_addresses(site_dir, manifest) == []
    assert check_listed(site_dir, manifest) == []
    assert resolve(site_dir, "/old-section/")[0][-1] == "/new-name/#emergency"
    problems = check_addresses(site_dir, read_manifest("/old-name/#same-day\n/renamed-without-redirect/\n"))
    assert len(problems) == 2, problems

    # The checker follows stubs as Chromium does: open them and see where it lands.
    handler = functools.partial(PagesHandler, site_dir=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        tab = context.new_page()
        for address in ("/old-name/#emergency", "/old-section/"):
            tab.goto(base + address.lstrip("/"))
            tab.wait_for_url(re.compile(r".*/new-name/#emergency$"))
            assert tab.locator("#emergency").is_visible()
    finally:
        context.close()
        server.shutdown()


# ---- The real guide --------------------------------------------------------------------

@pytest.fixture(scope="module")
def manifest() -> list[Entry]:
    assert MANIFEST.exists(), f"{MANIFEST_NAME} is missing. Fix: restore it from git; it is append-only."
    return read_manifest(MANIFEST.read_text(encoding="utf-8"))


def test_the_list_is_well_formed(manifest):
    problems = check_format(manifest)
    assert not problems, "\n".join(problems)


def test_every_published_address_still_works(site, manifest):
    problems = check_addresses(site.dir, manifest)
    assert not problems, "\n".join(problems)


def test_every_page_is_listed(site, manifest):
    problems = check_listed(site.dir, manifest)
    assert not problems, "\n".join(problems)


def test_every_page_address_is_short_and_readable(site):
    problems = check_format([Entry(0, address) for address in built_pages(site.dir)], where="built site")
    assert not problems, "\n".join(problems)


def test_handout_sections_have_explicit_ids(site, manifest):
    sections = [e for e in manifest if e.anchor]
    assert {"emergency", "same-day", "see-a-doctor-soon", "cauda-equina-syndrome"} <= {
        e.anchor for e in sections if e.path == "/warning-signs/"}
    problems = check_explicit_ids(manifest, site.dir)
    assert not problems, "\n".join(problems)


def test_the_list_is_append_only():
    problems = check_append_only(ROOT)
    assert not problems, "\n".join(problems)


def test_every_published_address_answers_from_the_pages_subpath(site, manifest):
    """Served like GitHub Pages, every listed address answers 200 (a stub counts: the
    browser then follows it, as the redirect test shows)."""
    failures = []
    for entry in manifest:
        url = site.base_url + entry.path.lstrip("/")
        try:
            with urlopen(url, timeout=10) as response:
                status = response.status
        except Exception as error:  # urllib raises on 404
            status = getattr(error, "code", error)
        if status != 200:
            failures.append(f"{entry.address}: {url} answered {status}")
    assert not failures, "\n".join(failures)
