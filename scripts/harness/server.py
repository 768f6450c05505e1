"""Build the guide and serve it exactly as GitHub Pages does: under the project subpath
(http://127.0.0.1:PORT/sciatica-knee-pain/), answering 404 with 404.html for anything
else, and (for speed figures) gzipping text as Pages' servers do."""
from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import socket
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
SUBPATH = "/sciatica-knee-pain/"
GZIP_LEVEL = 6  # what GitHub Pages' servers use for text
MKDOCS = [sys.executable, "-m", "mkdocs"]


def quiet_env(**extra) -> dict:
    """The environment for mkdocs: the MkDocs 2.0 / ProperDocs notices that Material and
    plugins print are not about this project and would hide real warnings."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def build(project: Path, site_dir: Path, site_url: str | None, **env) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`; output captured."""
    return subprocess.run(
        MKDOCS + ["build", "--strict", "--clean", "--site-dir", str(site_dir)],
        cwd=project, env=quiet_env(SITE_URL=site_url, **env), capture_output=True, text=True, timeout=600,
    )


@dataclass
class BuiltSite:
    dir: Path
    base_url: str  # http://127.0.0.1:PORT/sciatica-knee-pain/
    output: str  # everything mkdocs printed

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    def page_urls(self) -> list[str]:
        """Every page address, from the built sitemap (what search engines see)."""
        tree = ET.parse(self.dir / "sitemap.xml")
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        return [loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)]

    def pages_to_open(self) -> list[str]:
        """The pages a browser sweep opens: every page, except that of the one-page
        summaries, which the build makes from one template and differ only in their words,
        only the longest is opened (the one most likely to overflow). Every summary is still
        printed and read in full (tests/test_handouts_print.py, tests/test_print.py), and
        its HTML validated and link-checked with every other page. Opening all 16 in every
        sweep made the suite about a third slower for no check the one does not make."""
        from guide.handouts import SUMMARIES

        urls = self.page_urls()
        summaries = [u for u in urls if u.removeprefix(self.base_url).startswith(f"{SUMMARIES}/")]
        longest = max(summaries, key=lambda u: self.html_path(u).stat().st_size, default=None)
        return [u for u in urls if u not in summaries or u == longest]

    def html_path(self, url: str) -> Path:
        """The built file behind a page address."""
        rel = url.removeprefix(self.base_url)
        return self.dir / rel / "index.html" if rel.endswith("/") or not rel else self.dir / rel

    def has_diagrams(self, url: str) -> bool:
        return 'class="mermaid"' in self.html_path(url).read_text(encoding="utf-8")

    def diagram_urls(self) -> list[str]:
        return [u for u in self.page_urls() if self.has_diagrams(u)]

    def short(self, url: str) -> str:
        """/causes/ for the page's full local address: how failures name a page."""
        return "/" + url.removeprefix(self.base_url)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under SUBPATH, with GitHub Pages' 404 behaviour."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    def __init__(self, *args, site_dir: Path, **kwargs):
        self.site_dir = site_dir
        super().__init__(*args, directory=str(site_dir), **kwargs)

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return str(self.site_dir / "__outside_subpath__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # redirect to the address with a slash
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            body = (self.site_dir / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, format, *args):  # keep test output readable
        pass


class GzipPagesHandler(PagesHandler):
    """As GitHub Pages sends them: HTML, CSS, JavaScript, JSON and SVG gzipped."""

    COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml", "application/manifest+json")

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not kind.startswith(self.COMPRESSIBLE)):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that says nothing when the browser hangs up mid-answer: Chromium drops a
    request whenever a test leaves a page while something is still loading, which is no
    fault of the site (a failed request the page needed is caught by the browser checks)."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(site_dir: Path, port: int | None = None, gzip_text: bool = False):
    """Serve `site_dir` under SUBPATH until the block ends; yields the base address."""
    port = port or free_port()
    handler = functools.partial(GzipPagesHandler if gzip_text else PagesHandler, site_dir=site_dir)
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}{SUBPATH}"
    finally:
        server.shutdown()
