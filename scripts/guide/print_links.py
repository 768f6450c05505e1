"""Paper has no links: links that leave the guide are marked `data-print-href`, so
print.css prints their address after the link text. Material rewrites the guide's own
links to absolute addresses in the browser, so print.css cannot tell them apart by `href`
alone."""
from __future__ import annotations

import html
import re

# Addresses made from an identifier that the link text already gives (a reference's
# "DOI: 10.1136/..." or "PMID: 17585160"): the identifier is enough on paper.
IDENTIFIED = (("https://doi.org/", ""), ("https://pubmed.ncbi.nlm.nih.gov/", "/"))
LINK = re.compile(r'<a\b(?P<attrs>[^>]*?\shref="(?P<href>https?://[^"]+)"[^>]*)>(?P<text>.*?)</a>', re.S)


def mark_external_links(content: str, site_url: str) -> str:
    """Add `data-print-href` to links that leave the guide, unless the link text is the
    address already, or the identifier it is made from (IDENTIFIED)."""
    def mark(match):
        href = html.unescape(match["href"])
        text = html.unescape(re.sub(r"<[^>]+>", "", match["text"])).strip()
        identified = any(href == f"{prefix}{text}{suffix}" for prefix, suffix in IDENTIFIED)
        if (site_url and href.startswith(site_url)) or text.rstrip("/") == href.rstrip("/") \
                or identified or "data-print-href" in match["attrs"]:
            return match.group(0)
        return f'<a{match["attrs"]} data-print-href>{match["text"]}</a>'

    return LINK.sub(mark, content)
