# Sourced by scripts/test: makes sure pdftoppm (Debian's poppler-utils) is on PATH.
# tests/test_print.py turns the first sheet of each printed page (a PDF from Chromium) into
# a picture with it, and reads the QR code from that picture as a phone would from paper.
source "$(dirname "${BASH_SOURCE[0]}")/_apt.sh"
if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "No pdftoppm found (the print tests read QR codes off the printed sheet): installing Debian's poppler-utils ..."
  apt_install poppler-utils || true
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "error: the print tests need pdftoppm and it was not found or could not be installed." >&2
  echo "       Install it (e.g. 'apt-get install poppler-utils')." >&2
  exit 1
fi
