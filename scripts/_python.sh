# Sourced by the scripts: sets PYTHON_BIN to a Python 3.11 or newer (Material for MkDocs 9.8
# needs it), or stops with what to do.
PYTHON_BIN="${PYTHON:-python3}"
if ! "$PYTHON_BIN" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: Python 3.11 or newer is needed (Material for MkDocs 9.8 requires it)." >&2
  echo "       Install it, or point PYTHON at one: PYTHON=python3.12 $0" >&2
  exit 1
fi
