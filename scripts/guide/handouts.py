"""What a printed handout needs: a page's full address and a QR code of it, and the list
of every page with both for the For clinicians page (`<!-- guide:clinicians-pages -->`).

`qr_svg()` is the one place QR codes are made (segno, inline SVG: no network, no image
files); the print header of every page and the clinicians list both use it.
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from urllib.parse import urljoin

import segno


@dataclass(frozen=True)
class Handout:
    url: str  # the page's address relative to the site root, as MkDocs gives it ("causes/")
    title: str
    description: str


def full_address(site_url: str, url: str) -> str:
    """The address a reader types or scans: site_url + the page's address."""
    return urljoin(site_url or "", url)


@functools.lru_cache(maxsize=None)
def qr_svg(address: str) -> str:
    """A QR code of `address` as inline SVG with a text alternative.

    Error correction M (15 %) survives a smudged or creased printout; the 4-module quiet
    zone is the size the QR standard asks for. The colours are fixed (black on white), so
    the code scans in the dark palette too.
    """
    label = html.escape(f"QR code for {address}", quote=True)
    code = segno.make(address, error="m", micro=False, boost_error=False)
    svg = code.svg_inline(dark="#000", light="#fff", omitsize=True, svgclass="qr-code",
                          lineclass=None, title=f"QR code for {address}")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def clinicians_list(handouts: list[Handout], site_url: str, relative_url) -> str:
    """One item per page, in menu order: title (linked), description, full address with a
    "Copy link" button (docs/assets/javascripts/copy-link.js) and the QR code.
    `relative_url(url)` is the page's link from the list's own page."""
    items = []
    for entry in handouts:
        address = full_address(site_url, entry.url)
        title = html.escape(entry.title)
        quoted = html.escape(address, quote=True)
        items.append(
            '<li class="handout">'
            '<div class="handout__text">'
            f'<p class="handout__title"><a href="{html.escape(relative_url(entry.url), quote=True)}">{title}</a></p>'
            f'<p class="handout__description">{html.escape(entry.description)}</p>'
            '<p class="handout__address">'
            f'<code class="handout__url">{html.escape(address)}</code> '
            f'<button type="button" class="handout__copy" data-copy-link="{quoted}" '
            f'aria-label="Copy link to {html.escape(entry.title, quote=True)}">Copy link</button> '
            '<span class="handout__status" role="status" aria-live="polite"></span>'
            "</p>"
            "</div>"
            f"{qr_svg(address)}"
            "</li>"
        )
    # One line of HTML per item and no blank lines, so Markdown leaves it alone. Kept out
    # of search: each page is found by its own text, not by this list of descriptions.
    return '<ol class="handout-list" data-search-exclude>\n' + "\n".join(items) + "\n</ol>"
