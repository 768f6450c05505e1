"""The guide's library: every fact and rule the build, the tests and the maintainer scripts
share, in one place.

Functions here take and return Markdown, HTML, text or plain data, never MkDocs objects, so
that they can run as a build step of their own if the site ever leaves MkDocs hooks
(Zensical, Material's successor, ignores `hooks:`). The MkDocs hooks in scripts/hooks/ are
thin adapters over these modules.
"""
