"""A page's full address and its QR code, for the print header of every page
(overrides/partials/print-header.html; scripts/guide/handouts.py makes both). The clinicians
list is a marker (markers.py); whether every published address still works is checked by
tests/test_addresses.py against data/published-urls.txt."""
from __future__ import annotations

from _mkdocs import handouts


def on_page_context(context, page, config, nav):
    address = handouts.full_address(config.site_url, page.url)
    page.meta["handout_address"] = address
    page.meta["handout_qr"] = handouts.qr_svg(address)
    return context
