# Sourced by scripts/test (after _java.sh): installs the Nu HTML Checker pinned in
# scripts/vnu/package-lock.json (npm package vnu-jar) into .cache/vnu with `npm ci`, and
# sets VNU_JAR for tests/test_html_validity.py. It installs on the first run and again only
# when the lock file changes (its hash is kept in .cache/vnu/.installed-lock-sha256), so
# later runs need no network. --ignore-scripts: the package's install script would download
# a Java runtime from GitHub when it finds none; the tests run vnu.jar with the Java that
# _java.sh provides instead. Node.js and npm come from Debian when they are missing.
source "$(dirname "${BASH_SOURCE[0]}")/_apt.sh"
VNU_SPEC="$ROOT/scripts/vnu"
VNU_HOME="$ROOT/.cache/vnu"
export VNU_JAR="$VNU_HOME/node_modules/vnu-jar/build/dist/vnu.jar"
vnu_wanted="$(sha256sum "$VNU_SPEC/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$VNU_JAR" ] || [ "$(cat "$VNU_HOME/.installed-lock-sha256" 2>/dev/null)" != "$vnu_wanted" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "No npm found (it installs the pinned HTML checker): installing Debian's nodejs and npm ..."
    apt_install nodejs npm || true
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: installing the pinned HTML checker needs npm; install Node.js and npm." >&2
    exit 1
  fi
  echo "Installing the pinned Nu HTML Checker into .cache/vnu (npm ci) ..."
  mkdir -p "$VNU_HOME"
  cp "$VNU_SPEC/package.json" "$VNU_SPEC/package-lock.json" "$VNU_HOME/"
  (cd "$VNU_HOME" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$vnu_wanted" > "$VNU_HOME/.installed-lock-sha256"
fi
