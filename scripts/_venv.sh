# Sourced by every script: makes .venv hold the pinned packages of requirements-test.txt
# (the build's pins, which it includes with -r, plus the test tools), so every command uses
# one environment. Reinstalls only when a lock file changed (their hash is in .venv/.locked).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
source "$ROOT/scripts/_python.sh"

wanted="$(cat "$ROOT/requirements.txt" "$ROOT/requirements-test.txt" | sha256sum | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.locked" 2>/dev/null)" != "$wanted" ]; then
  echo "Setting up $VENV from requirements-test.txt ..."
  "$PYTHON_BIN" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/requirements-test.txt"
  echo "$wanted" > "$VENV/.locked"
fi
export PATH="$VENV/bin:$PATH"
# Quiet the MkDocs 2.0 / ProperDocs notices that Material and plugins print; they are
# not about this project and would hide real warnings.
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
