"""Everything a printed handout or a shared link needs from a page.

Clinicians put page addresses on paper and in messages, so every page gets:
- its full address (from `site_url`) and a QR code of it, made here at build time with
  segno as inline SVG (no network, no image files). `qr_svg()` is the one place QR codes
  are made; the For clinicians list and the print-only header of every page both use it;
- the data for link previews and search engines (Open Graph and Twitter card tags, and
  schema.org MedicalWebPage JSON-LD), put in `page.meta` for
  overrides/partials/page-meta.html;
- on the For clinicians page, `<!-- guide:clinicians-pages -->` becomes the list of every page
  with its title, address, description, QR code and a "Copy link" button
  (docs/assets/javascripts/copy-link.js);
- links to other sites are marked `data-print-href`, so print.css can print their address
  after the link text (paper has no links). Material rewrites the guide's own links to
  absolute addresses in the browser, so print.css cannot tell them apart by `href` alone;
- after the build, robots.txt pointing at the sitemap (the address depends on site_url).

Whether every published address still works is checked by tests/test_addresses.py
against data/published-urls.txt.
"""
from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from urllib.parse import urljoin

import segno
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from _shared import problem, src_label

MARKER = "<!-- guide:clinicians-pages -->"
CLINICIANS_PAGE = "clinicians.md"
SOCIAL_IMAGE = "assets/images/social-card.png"  # 1200 x 630, made by scripts/make_social_image.py
SOCIAL_IMAGE_SIZE = (1200, 630)
SOCIAL_IMAGE_ALT = "Back pain and knee pain: a plain, referenced guide"
# What every page of the guide is about, for search engines (schema.org `about`).
ABOUT = [
    {"@type": "MedicalCondition", "name": "Sciatica",
     "alternateName": "Lumbar radiculopathy"},
    {"@type": "MedicalCondition", "name": "Knee pain"},
]
AUDIENCE = {"patients": "Patient", "clinicians": "Clinician"}
LINK = re.compile(r'<a\b(?P<attrs>[^>]*?\shref="(?P<href>https?://[^"]+)"[^>]*)>(?P<text>.*?)</a>', re.S)

# Pages in menu order with their front matter title and description, read in on_nav.
nav_pages: list[dict] = []


def full_address(config, url: str) -> str:
    """The address a reader types or scans: site_url + the page's address."""
    return urljoin(config.site_url or "", url)


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


def on_nav(nav, config, files):
    """Remember every page in the menu with its front matter, for the clinicians list."""
    nav_pages.clear()
    for page in nav.pages:
        _, meta = get_data(page.file.content_string)
        nav_pages.append({
            "src_uri": page.file.src_uri,
            "url": page.url,
            "title": meta.get("title") or page.title or page.file.name,  # as title_of()
            "description": meta.get("description") or "",
        })
    return nav


def clinicians_list(page, config) -> str:
    """The HTML list that replaces MARKER: one item per page, in menu order."""
    items = []
    for entry in nav_pages:
        address = full_address(config, entry["url"])
        title = html.escape(str(entry["title"]))
        href = html.escape(get_relative_url(entry["url"] or "./", page.url or "./"), quote=True)
        quoted = html.escape(address, quote=True)
        items.append(
            '<li class="handout">'
            '<div class="handout__text">'
            f'<p class="handout__title"><a href="{href}">{title}</a></p>'
            f'<p class="handout__description">{html.escape(str(entry["description"]))}</p>'
            '<p class="handout__address">'
            f'<code class="handout__url">{html.escape(address)}</code> '
            f'<button type="button" class="handout__copy" data-copy-link="{quoted}" '
            f'aria-label="Copy link to {html.escape(str(entry["title"]), quote=True)}">Copy link</button> '
            '<span class="handout__status" role="status" aria-live="polite"></span>'
            "</p>"
            "</div>"
            f"{qr_svg(address)}"
            "</li>"
        )
    # One line of HTML per item and no blank lines, so Markdown leaves it alone. Kept out
    # of search: each page is found by its own text, not by this list of descriptions.
    return '<ol class="handout-list" data-search-exclude>\n' + "\n".join(items) + "\n</ol>"


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, clinicians_list(page, config))
    elif page.file.src_uri == CLINICIANS_PAGE:
        problem(src_label(page), None, f"the page has lost its `{MARKER}` line, so it lists no pages.",
                f"put `{MARKER}` back on a line of its own under '## Page addresses for handouts'.")
    return markdown


def title_of(page) -> str:
    """The front matter title ("Can my back cause my knee pain?"), which says more in a
    link preview or a handout than the short menu label ("Home")."""
    return str(page.meta.get("title") or page.title or "")


def mark_external_links(content: str, site_url: str) -> str:
    """Add `data-print-href` to links that leave the guide, unless the link text is the
    address already."""
    def mark(match):
        href = html.unescape(match["href"])
        text = html.unescape(re.sub(r"<[^>]+>", "", match["text"])).strip()
        if (site_url and href.startswith(site_url)) or text.rstrip("/") == href.rstrip("/") \
                or "data-print-href" in match["attrs"]:
            return match.group(0)
        return f'<a{match["attrs"]} data-print-href>{match["text"]}</a>'

    return LINK.sub(mark, content)


def on_page_content(content, page, config, files):
    return mark_external_links(content, config.site_url or "")


def json_ld(page, config, address: str) -> dict:
    """schema.org MedicalWebPage data for search engines."""
    meta = page.meta
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title_of(page),
        "headline": title_of(page),
        "url": address,
        "inLanguage": config.theme.get("language") or "en",
        "isPartOf": {"@type": "WebSite", "name": config.site_name,
                     "url": full_address(config, "")},
        "about": ABOUT,
        "image": full_address(config, SOCIAL_IMAGE),
    }
    if meta.get("description"):
        data["description"] = meta["description"]
    if meta.get("reviewed_iso"):
        data["lastReviewed"] = meta["reviewed_iso"]
    audience = AUDIENCE.get(meta.get("audience"))
    if audience:
        data["audience"] = {"@type": "MedicalAudience", "audienceType": audience}
    return data


def on_page_context(context, page, config, nav):
    """Full address, QR code and link-preview data for the templates."""
    address = full_address(config, page.url)
    page.meta["handout_address"] = address
    page.meta["handout_qr"] = qr_svg(address)
    page.meta["social"] = {
        "type": "website" if page.is_homepage else "article",
        "title": title_of(page),
        "description": page.meta.get("description") or config.site_description or "",
        "url": address,
        "image": full_address(config, SOCIAL_IMAGE),
        "image_width": SOCIAL_IMAGE_SIZE[0],
        "image_height": SOCIAL_IMAGE_SIZE[1],
        "image_alt": SOCIAL_IMAGE_ALT,
    }
    page.meta["json_ld"] = json_ld(page, config, address)
    return context


def on_post_build(config):
    """robots.txt that names the sitemap by its full address.

    On a GitHub Pages project site (https://OWNER.github.io/REPO/) crawlers read only
    https://OWNER.github.io/robots.txt, never /REPO/robots.txt, so this file takes effect
    only once the guide has its own domain. It is written anyway: it costs nothing, and
    the sitemap it names can also be submitted to search engines by hand.
    """
    sitemap = full_address(config, "sitemap.xml")
    text = (
        "# Every page may be crawled. Note: on a GitHub Pages project site crawlers read\n"
        "# robots.txt only at the host root, so this file works once the guide has its own\n"
        "# domain; until then submit the sitemap below to search engines directly.\n"
        "User-agent: *\n"
        "Allow: /\n"
        f"Sitemap: {sitemap}\n"
    )
    Path(config.site_dir, "robots.txt").write_text(text, encoding="utf-8")
