"""Link previews and search-engine data for every page (Open Graph, Twitter card, schema.org
JSON-LD; overrides/partials/page-meta.html prints them) and robots.txt after the build
(scripts/guide/link_previews.py)."""
from __future__ import annotations

from pathlib import Path

from _mkdocs import handouts, link_previews


def title_of(page) -> str:
    """The front matter title ("Can my back cause my knee pain?"), which says more in a
    link preview than the short menu label ("Home")."""
    return str(page.meta.get("title") or page.title or "")


def on_page_context(context, page, config, nav):
    address = handouts.full_address(config.site_url, page.url)
    page.meta["social"] = link_previews.social(config.site_url, address, title_of(page),
                                               page.meta.get("description") or config.site_description or "",
                                               page.is_homepage)
    page.meta["json_ld"] = link_previews.json_ld(config.site_url, config.site_name, config.theme.get("language"),
                                                 address, title_of(page), page.meta)
    return context


def on_post_build(config):
    Path(config.site_dir, "robots.txt").write_text(link_previews.robots_txt(config.site_url), encoding="utf-8")
