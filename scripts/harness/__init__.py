"""Building, serving and browsing the built guide, as a reader would: used by the tests
and by the maintainer scripts (benchmark, social image). Nothing here imports tests/.

- server.py: `mkdocs build --strict`, and a server that answers like GitHub Pages from
  the project subpath (404.html for anything else), optionally gzipping text;
- browser.py: the system Chromium, and browser contexts that block and record every
  request to another host, console errors and failed requests;
- settle.py: waiting until a page is as the reader sees it (diagrams drawn, no animation);
- weights.py: what a page costs a first-time reader to download.
"""
