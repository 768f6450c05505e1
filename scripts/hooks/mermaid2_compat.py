"""Everything the guide does only because of mkdocs-mermaid2-plugin or Material, in one place.

- The fence in mkdocs.yml is `mermaid2.fence_mermaid`, not the `fence_mermaid_custom` that
  Material's and mermaid2's docs recommend: with the custom fence Material renders
  `<pre class="mermaid">` and loads Mermaid from a CDN itself (tests/test_build.py fails).
- `javascript:` in mkdocs.yml points mermaid2 at the guide's own loader
  (docs/assets/javascripts/diagrams.mjs), which imports the pinned, self-hosted Mermaid;
  otherwise mermaid2 fetches Mermaid from a CDN at build time.
- Search shows a diagram's text version, never its raw source: `data-search-exclude`.
- mermaid2 writes `import mermaid from "assets/..."` on top-level pages: a bare module
  specifier, which browsers reject. Relative imports must start with ./ or ../.
"""
from __future__ import annotations

import re

SEARCH_EXCLUDE = re.compile(r'<div(\s+)class="mermaid">')
BARE_IMPORT = re.compile(r'import mermaid from "(?!\.{1,2}/|/|https?:)')


def on_page_content(html, page, config, files):
    return SEARCH_EXCLUDE.sub('<div class="mermaid" data-search-exclude>', html)


def on_post_page(output, page, config):
    # Runs after mermaid2's on_post_page (hooks come after plugins).
    return BARE_IMPORT.sub('import mermaid from "./', output)
