"""What search engines and link previews read about a page: Open Graph and Twitter card
data, schema.org MedicalWebPage JSON-LD, and robots.txt naming the sitemap. The templates
(overrides/partials/page-meta.html) print what `social()` and `json_ld()` return."""
from __future__ import annotations

from .handouts import full_address

SOCIAL_IMAGE = "assets/images/social-card.png"  # 1200 x 630, made by scripts/make-social-image
SOCIAL_IMAGE_SIZE = (1200, 630)
SOCIAL_IMAGE_ALT = "Back pain and knee pain: a plain, referenced guide"
# What every page of the guide is about, for search engines (schema.org `about`).
ABOUT = [
    {"@type": "MedicalCondition", "name": "Sciatica", "alternateName": "Lumbar radiculopathy"},
    {"@type": "MedicalCondition", "name": "Knee pain"},
]
AUDIENCE = {"patients": "Patient", "clinicians": "Clinician"}


def social(site_url: str, address: str, title: str, description: str, is_home: bool) -> dict:
    return {
        "type": "website" if is_home else "article",
        "title": title,
        "description": description,
        "url": address,
        "image": full_address(site_url, SOCIAL_IMAGE),
        "image_width": SOCIAL_IMAGE_SIZE[0],
        "image_height": SOCIAL_IMAGE_SIZE[1],
        "image_alt": SOCIAL_IMAGE_ALT,
    }


def json_ld(site_url: str, site_name: str, language: str, address: str, title: str, meta: dict) -> dict:
    """schema.org MedicalWebPage data for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "headline": title,
        "url": address,
        "inLanguage": language or "en",
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": full_address(site_url, "")},
        "about": ABOUT,
        "image": full_address(site_url, SOCIAL_IMAGE),
    }
    if meta.get("description"):
        data["description"] = meta["description"]
    if meta.get("reviewed_iso"):
        data["lastReviewed"] = meta["reviewed_iso"]
    audience = AUDIENCE.get(meta.get("audience"))
    if audience:
        data["audience"] = {"@type": "MedicalAudience", "audienceType": audience}
    return data


def robots_txt(site_url: str) -> str:
    """robots.txt that names the sitemap by its full address.

    On a GitHub Pages project site (https://OWNER.github.io/REPO/) crawlers read only
    https://OWNER.github.io/robots.txt, never /REPO/robots.txt, so this file takes effect
    only once the guide has its own domain. It is written anyway: it costs nothing, and
    the sitemap it names can also be submitted to search engines by hand.
    """
    return (
        "# Every page may be crawled. Note: on a GitHub Pages project site crawlers read\n"
        "# robots.txt only at the host root, so this file works once the guide has its own\n"
        "# domain; until then submit the sitemap below to search engines directly.\n"
        "User-agent: *\n"
        "Allow: /\n"
        f"Sitemap: {full_address(site_url, 'sitemap.xml')}\n"
    )
