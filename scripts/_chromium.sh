# Sourced by scripts/test (and the other scripts that drive a browser): sets CHROMIUM_PATH
# to a Chromium they can drive. Playwright's own browser download does not work on every
# machine, so they use a system Chromium: $CHROMIUM_PATH if set, else one on PATH, else
# Debian's package, installed with apt-get.
#
# Which one: the checks drive Chromium's headless shell (Debian's chromium-headless-shell,
# the same Chromium without the desktop browser around it, and what Playwright itself uses
# for headless runs): the whole suite does the same work about a fifth quicker in it. A
# script that needs the desktop browser sets CHROMIUM_KIND=browser before sourcing this
# file: scripts/benchmark does, because Lighthouse is meant to time the browser readers use.
source "$(dirname "${BASH_SOURCE[0]}")/_apt.sh"
if [ "${CHROMIUM_KIND:-headless-shell}" = "browser" ]; then
  CHROMIUM_NAMES="chromium chromium-browser google-chrome-stable google-chrome"
  CHROMIUM_PACKAGE=chromium
else
  CHROMIUM_NAMES="chromium-headless-shell chromium chromium-browser google-chrome-stable google-chrome"
  CHROMIUM_PACKAGE=chromium-headless-shell
fi
find_chromium() {
  for name in $CHROMIUM_NAMES; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  done
}
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then
  :  # the one asked for
else
  # Install the preferred one when it is missing and installing needs no password (on a
  # machine with only the other one, that one is used).
  if ! command -v "$CHROMIUM_PACKAGE" >/dev/null 2>&1 \
     && { [ -z "$(find_chromium)" ] || [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }; then
    echo "Installing Debian's $CHROMIUM_PACKAGE package with apt-get ..."
    apt_install "$CHROMIUM_PACKAGE" fonts-dejavu-core || true
  fi
  CHROMIUM_PATH="$(find_chromium || true)"
  if [ -z "$CHROMIUM_PATH" ] && [ "$CHROMIUM_PACKAGE" != chromium ]; then
    echo "Installing Debian's chromium package with apt-get instead ..."
    apt_install chromium fonts-dejavu-core || true
    CHROMIUM_PATH="$(find_chromium || true)"
  fi
fi
if [ -z "$CHROMIUM_PATH" ]; then
  echo "error: no Chromium was found or could be installed." >&2
  echo "       Install Debian's $CHROMIUM_PACKAGE package (apt-get install $CHROMIUM_PACKAGE) or set CHROMIUM_PATH." >&2
  exit 1
fi
export CHROMIUM_PATH
