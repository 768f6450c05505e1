"""Links that leave the guide get `data-print-href`, so print.css can print their address
(scripts/guide/print_links.py says why)."""
from __future__ import annotations

from _mkdocs import print_links


def on_page_content(content, page, config, files):
    return print_links.mark_external_links(content, config.site_url or "")
