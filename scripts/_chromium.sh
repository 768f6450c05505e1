# Sourced by scripts/test: sets CHROMIUM_PATH to a Chromium the browser tests can drive.
# Playwright's own browser download does not work on every machine, so the tests use the
# system Chromium: $CHROMIUM_PATH if set, else one on PATH, else Debian's package.
source "$(dirname "${BASH_SOURCE[0]}")/_apt.sh"
find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; return; fi
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  done
}
CHROMIUM_PATH="$(find_chromium || true)"
if [ -z "$CHROMIUM_PATH" ]; then
  echo "No Chromium found: installing Debian's chromium package with apt-get ..."
  apt_install chromium fonts-dejavu-core || true
  CHROMIUM_PATH="$(find_chromium || true)"
fi
if [ -z "$CHROMIUM_PATH" ]; then
  echo "error: the browser tests need Chromium and none was found or could be installed." >&2
  echo "       Install Chromium (e.g. 'apt-get install chromium') or set CHROMIUM_PATH." >&2
  exit 1
fi
export CHROMIUM_PATH
