"""Link previews and search engines (overrides/partials/page-meta.html, scripts/hooks/handouts.py).

Each page must have one canonical address, one meta description from its front matter,
Open Graph and Twitter card tags (title, description, an image served by the site) and
schema.org MedicalWebPage JSON-LD with lastReviewed, about and audience. The sitemap
and robots.txt must give full addresses under the GitHub Pages subpath. Values are
compared with what the author wrote in the page's front matter, not with other output.
"""
from __future__ import annotations

import datetime

import json
import struct
from urllib.request import urlopen

from bs4 import BeautifulSoup

from guide.pages import front_matter_of as front_matter
from sitekit import FIXTURE_DESCRIPTION, FIXTURE_SITE_URL

SOCIAL_IMAGE = "assets/images/social-card.png"
MAX_IMAGE_BYTES = 40 * 1024
AUDIENCE = {"patients": "Patient", "clinicians": "Clinician"}


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def head_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head


def tags(head, attribute: str, name: str) -> list[str]:
    return [tag.get("content") for tag in head.find_all("meta", attrs={attribute: name})]


def json_ld_of(head) -> list[dict]:
    return [json.loads(s.string) for s in head.find_all("script", type="application/ld+json")]


def problems_of_page(head, url: str, image: str, meta: dict) -> list[str]:
    """Every missing or wrong tag of one page, compared with its front matter."""
    problems = []
    title, description = one_line(meta["title"]), one_line(meta["description"])
    canonical = [link["href"] for link in head.find_all("link", rel="canonical")]
    if canonical != [url]:
        problems.append(f"canonical links {canonical}, expected exactly [{url}]")
    if [one_line(d) for d in tags(head, "name", "description")] != [description]:
        problems.append(f"meta description {tags(head, 'name', 'description')}, expected [{description!r}]")
    expected = {
        ("property", "og:title"): title, ("property", "og:description"): description,
        ("property", "og:url"): url, ("property", "og:image"): image,
        ("property", "og:image:width"): "1200", ("property", "og:image:height"): "630",
        ("name", "twitter:card"): "summary_large_image", ("name", "twitter:title"): title,
        ("name", "twitter:description"): description, ("name", "twitter:image"): image,
    }
    for (attribute, name), value in expected.items():
        found = [one_line(v) for v in tags(head, attribute, name)]
        if found != [value]:
            problems.append(f"{name} is {found}, expected [{value!r}]")
    for name in ("og:type", "og:site_name", "og:image:alt"):
        if len(tags(head, "property", name)) != 1 or not tags(head, "property", name)[0]:
            problems.append(f"{name} is missing, empty or repeated")
    data = json_ld_of(head)
    if len(data) != 1:
        return problems + [f"{len(data)} JSON-LD blocks, expected 1"]
    ld = data[0]
    checks = {
        "@context": "https://schema.org", "@type": "MedicalWebPage", "url": url, "name": title,
        "description": description, "lastReviewed": meta["reviewed"].isoformat(), "inLanguage": "en",
    }
    for key, value in checks.items():
        if one_line(ld.get(key, "")) != value:
            problems.append(f"JSON-LD {key} is {ld.get(key)!r}, expected {value!r}")
    about = {(a.get("@type"), a.get("name")) for a in ld.get("about", [])}
    if not {("MedicalCondition", "Sciatica"), ("MedicalCondition", "Knee pain")} <= about:
        problems.append(f"JSON-LD about is {ld.get('about')}")
    audience = ld.get("audience", {})
    if audience != {"@type": "MedicalAudience", "audienceType": AUDIENCE[meta["audience"]]}:
        problems.append(f"JSON-LD audience is {audience} for `audience: {meta['audience']}`")
    return problems


def test_every_page_has_its_tags_and_json_ld(site):
    image = site.base_url + SOCIAL_IMAGE
    problems = []
    for url in site.page_urls():
        address = url.removeprefix(site.base_url)
        for problem in problems_of_page(head_of(site.html_path(url)), url, image, front_matter(address)):
            problems.append(f"/{address}: {problem}")
    assert not problems, "\n".join(problems)


def test_the_checks_notice_wrong_tags(site):
    """problems_of_page fails on a page whose tags are wrong or missing."""
    url = site.page_urls()[1]
    head = head_of(site.html_path(url))
    meta = front_matter(url.removeprefix(site.base_url))
    assert problems_of_page(head, url, site.base_url + SOCIAL_IMAGE, meta) == []
    wrong = dict(meta, title="Another title", audience="clinicians" if meta["audience"] == "patients" else "patients")
    found = "\n".join(problems_of_page(head, url + "x/", "http://elsewhere/image.png", wrong))
    for expected in ("canonical", "og:title", "og:url", "og:image", "twitter:image", "JSON-LD name",
                     "JSON-LD audience"):
        assert expected in found, f"{expected} was not noticed"
    head.find("script", type="application/ld+json").decompose()
    assert "0 JSON-LD blocks" in "\n".join(problems_of_page(head, url, site.base_url + SOCIAL_IMAGE, meta))


def test_the_social_image_is_served_and_small(site):
    with urlopen(site.base_url + SOCIAL_IMAGE, timeout=10) as response:
        assert response.status == 200 and response.headers["Content-Type"] == "image/png"
        body = response.read()
    assert body[:8] == b"\x89PNG\r\n\x1a\n" and body[12:16] == b"IHDR"
    assert struct.unpack(">II", body[16:24]) == (1200, 630)
    assert len(body) < MAX_IMAGE_BYTES, f"{SOCIAL_IMAGE} is {len(body)} bytes; keep it under {MAX_IMAGE_BYTES}"


def test_the_sitemap_lists_every_page_by_its_full_address(site):
    locs = site.page_urls()
    assert locs and all(loc.startswith(site.base_url) for loc in locs), locs[:3]
    assert len(set(locs)) == len(locs)
    built = sorted(p.parent for p in site.dir.rglob("index.html")
                   if p.parent.relative_to(site.dir).parts[:1] not in (("assets",), ("search",)))
    expected = sorted(site.base_url + ("" if d == site.dir else d.relative_to(site.dir).as_posix() + "/")
                      for d in built if "http-equiv=\"refresh\"" not in (d / "index.html").read_text())
    assert sorted(locs) == expected
    for loc in locs:
        with urlopen(loc, timeout=10) as response:
            assert response.status == 200, loc


def test_robots_txt_names_the_sitemap_under_the_subpath(site):
    with urlopen(site.base_url + "robots.txt", timeout=10) as response:
        assert response.status == 200
        text = response.read().decode()
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert "User-agent: *" in lines
    assert not any(line.lower().startswith("disallow: /") for line in lines)
    sitemaps = [line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("sitemap:")]
    assert sitemaps == [site.base_url + "sitemap.xml"]
    with urlopen(sitemaps[0], timeout=10) as response:
        assert response.status == 200 and b"<urlset" in response.read()


def test_tags_follow_site_url_and_escape_page_text(fixture_site):
    """A description with quotes, ampersands and "</script>" cannot break the tags or the
    JSON-LD, and every address comes from site_url (the fixture project's own)."""
    html = fixture_site.html("test-page/")
    assert "</script><b>" not in html.split("application/ld+json", 1)[1].split("</script>", 1)[0]
    head = head_of(fixture_site.dir / "test-page" / "index.html")
    meta = {"title": "Tom's test page", "description": FIXTURE_DESCRIPTION, "audience": "patients",
            "reviewed": datetime.date(2026, 11, 1)}
    assert problems_of_page(head, FIXTURE_SITE_URL + "test-page/", FIXTURE_SITE_URL + SOCIAL_IMAGE, meta) == []
    robots = (fixture_site.dir / "robots.txt").read_text()
    assert f"Sitemap: {FIXTURE_SITE_URL}sitemap.xml" in robots
