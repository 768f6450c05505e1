# Sourced by scripts/test: makes sure `java` (11 or newer) is on PATH, for the Nu HTML
# Checker (vnu.jar, tests/test_html_validity.py), which is a Java program. When there is
# none, or an older one, installs Debian's default-jre-headless with apt-get (a runtime
# without the desktop parts, which is all vnu.jar needs).
source "$(dirname "${BASH_SOURCE[0]}")/_apt.sh"
java_major() {
  # `java -version` prints 'version "17.0.15"' (or "1.8.0_402" for Java 8) on its first line.
  java -version 2>&1 | sed -nE '1s/.*version "([0-9]+)\.?([0-9]*).*/\1 \2/p' \
    | awk '{ print ($1 == 1) ? $2 : $1 }'
}
if ! command -v java >/dev/null 2>&1 || [ "$(java_major || echo 0)" -lt 11 ]; then
  echo "No Java 11 or newer found (the HTML checker needs one): installing Debian's default-jre-headless ..."
  apt_install default-jre-headless || true
fi
if ! command -v java >/dev/null 2>&1 || [ "$(java_major || echo 0)" -lt 11 ]; then
  echo "error: the HTML validity tests need Java 11 or newer and none was found or could be installed." >&2
  echo "       Install one (e.g. 'apt-get install default-jre-headless')." >&2
  exit 1
fi
