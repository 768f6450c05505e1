# Sourced by scripts/serve and scripts/test: makes .venv hold exactly the pinned packages.
# Reinstalls only when a lock file changed (its hash is kept in .venv/.locked).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
LOCK_FILE="${1:?usage: source _venv.sh requirements.txt}"

PYTHON_BIN="${PYTHON:-python3}"
if ! "$PYTHON_BIN" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: Python 3.11 or newer is needed (Material for MkDocs 9.8 requires it)." >&2
  echo "       Install it, or point PYTHON at one: PYTHON=python3.12 $0" >&2
  exit 1
fi

wanted="$(cat "$ROOT/requirements.txt" "$ROOT/$LOCK_FILE" | sha256sum | cut -d' ' -f1) $LOCK_FILE"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$VENV/.locked" 2>/dev/null)" != "$wanted" ]; then
  echo "Setting up $VENV from $LOCK_FILE ..."
  "$PYTHON_BIN" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/$LOCK_FILE"
  echo "$wanted" > "$VENV/.locked"
fi
export PATH="$VENV/bin:$PATH"
# Quiet the MkDocs 2.0 / ProperDocs notices that Material and plugins print; they are
# not about this project and would hide real warnings.
export NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true
