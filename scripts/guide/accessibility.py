"""Fixes to Material's page chrome for screen-reader and keyboard users, as HTML in, HTML
out. (The skip link's table-of-contents fix needs MkDocs' own objects and stays in
scripts/hooks/accessibility.py.)

Material's icons are decorative. The menu, search, palette, logo, back-to-top and footer
arrows carry inline SVG icons with no text alternative; the control around each has the
name (or, for a label, the control it belongs to does). Chromium exposes each icon as an
unnamed image, which screen readers announce as "image" or "graphic".
aria-hidden="true" takes them out of the accessibility tree. Only icons inside Material's
icon containers are touched, so an SVG in page content that lacks a name is still
reported by tests/test_accessibility.py.
"""
from __future__ import annotations

import re

# The H1's id; the skip link's target. overrides/partials/content.html uses the same value.
TITLE_ID = "page-title"

# An element whose class marks it as one of Material's icon holders, followed by one or
# more inline SVG icons (the search label holds two).
ICON_HOLDER = re.compile(
    r'(<(?:a|button|label|div|span)\b[^>]*\bclass="[^"]*\b(?:md-icon|md-logo|twemoji)\b[^"]*"[^>]*>)'
    r'((?:\s*<svg\b.*?</svg>)+)',
    re.S,
)
SVG_TAG = re.compile(r"<svg\b(?![^>]*\baria-hidden=)")


def hide_icons(html: str) -> str:
    return ICON_HOLDER.sub(lambda m: m.group(1) + SVG_TAG.sub('<svg aria-hidden="true" focusable="false"', m.group(2)), html)
