# Sourced by scripts/test: makes sure pdftoppm and pdftotext (Debian's poppler-utils) are
# on PATH. tests/printouts.py reads each printed page's text with pdftotext, and
# tests/test_print.py turns the first sheet of each printed page (a PDF from Chromium) into
# a picture with pdftoppm and reads the QR code from that picture as a phone would from paper.
source "$(dirname "${BASH_SOURCE[0]}")/_apt.sh"
if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "No pdftoppm or pdftotext found (the print tests read printed sheets): installing Debian's poppler-utils ..."
  apt_install poppler-utils || true
fi
if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "error: the print tests need pdftoppm and pdftotext and they were not found or could not be installed." >&2
  echo "       Install them (e.g. 'apt-get install poppler-utils')." >&2
  exit 1
fi
