# Sourced by the set-up helpers of scripts/test (_chromium.sh, _java.sh, _pdftoppm.sh,
# _vnu.sh): `apt_install PACKAGE...` installs Debian packages with apt-get, as root or
# through sudo. The package lists are refreshed once per run, however many helpers need
# something, so a fresh machine pays for one `apt-get update`. Returns non-zero where
# there is no apt-get (the caller then says what to install by hand).
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "${APT_LISTS_UPDATED:-}" ]; then
    $sudo apt-get update -qq
    APT_LISTS_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
