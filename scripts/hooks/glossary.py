"""Glossary tooltips on every page, from data/glossary.yml (scripts/guide/glossary.py).

Every form of every term goes to the `abbr` extension as its glossary, once, here: each
whole-word use on any page becomes an <abbr> whose definition
docs/assets/javascripts/tooltips.js shows on hover, focus and tap. (Appending hundreds of
`*[form]: definition` lines to every page instead made the build about five times
slower.) The glossary page's list is a marker (markers.py).
"""
from __future__ import annotations

from _mkdocs import glossary, problems


def on_config(config):
    terms, found = glossary.load()
    problems.report(found)
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.tooltips(terms)
    return config
