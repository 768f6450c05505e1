"""Handouts (scripts/guide/handouts.py makes each piece):

- the pages the build adds: a one-page summary of every patient page with key points
  (/summaries/NAME/) and the warning-signs card sheet (/warning-signs/card/), kept out of
  the menu and out of search;
- the "Key points" box at the end of a patient page (before its Sources, so this hook runs
  before references.py), and the page's links to its summary and card
  (overrides/partials/content.html);
- a page's full address and QR code for its print header (overrides/partials/print-header.html);
  a summary's header gives the full page's address instead.

The clinicians list is a marker (markers.py); whether every published address still works
is checked by tests/test_addresses.py against data/published-urls.txt."""
from __future__ import annotations

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from _mkdocs import front_matter, generated, handouts, problems, raw, warning_signs


def on_files(files, config):
    written = [(f.src_uri, f.content_string) for f in files.documentation_pages() if f.generated_by is None]
    made, found = handouts.made_pages(written, config.site_url, warning_signs.cached())
    problems.report(found)
    for source, markdown in made.items():
        files.append(File.generated(config, source, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_markdown(markdown, page, config, files):
    if generated(page):
        return markdown
    meta, _ = front_matter.read(raw(page), "")
    points = [text for _, text in front_matter.key_points(meta or {})]
    if points:
        markdown = markdown.rstrip("\n") + "\n\n" + handouts.key_points_box(points)
    made = [(label, files.get_file_from_path(source)) for label, source in handouts.printables(page.file.src_uri)]
    prints = [{"label": label, "href": get_relative_url(f.url, page.url)}
              for label, f in made if f is not None and f.generated_by is not None]
    page.meta["handout_prints"] = prints
    return markdown


def on_page_context(context, page, config, nav):
    address = handouts.full_address(config.site_url, handouts.printed_address(page.url, page.meta).lstrip("/"))
    page.meta["handout_address"] = address
    page.meta["handout_qr"] = handouts.qr_svg(address)
    return context
