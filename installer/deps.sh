#!/usr/bin/env bash
# Installs the packages CaseLog needs. Used by install.sh (build/run) and .ci/run (--ci: plus test tools).
# Debian/Ubuntu: apt-get. Fedora: dnf. macOS: Homebrew. Elsewhere: prints what to install and exits 1.
set -euo pipefail
ci=0
[ "${1:-}" = "--ci" ] && ci=1

build_pkgs=(build-essential cmake ninja-build pkg-config libpoco-dev nlohmann-json3-dev libboost-dev
            libsqlite3-dev sqlite3 libssl-dev openssl)
test_pkgs=(libgtest-dev libgmock-dev ccache clang libclang-rt-14-dev chromium chromium-driver wrk nginx
           imagemagick zip firefox-esr)
# The same build set under Fedora's and Homebrew's names.
dnf_pkgs=(gcc-c++ make cmake ninja-build pkgconf-pkg-config poco-devel json-devel boost-devel
          sqlite-devel sqlite openssl-devel openssl)
brew_pkgs=(cmake ninja pkg-config poco nlohmann-json boost sqlite openssl)

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)

install_dnf() {
  echo "caselog: installing with dnf: ${dnf_pkgs[*]}"
  "${sudo[@]}" dnf install -y "${dnf_pkgs[@]}"
}

install_brew() {
  echo "caselog: installing with Homebrew: ${brew_pkgs[*]}"
  brew install "${brew_pkgs[@]}"
}

if ! command -v apt-get >/dev/null; then
  if [ $ci = 0 ] && command -v dnf >/dev/null; then
    install_dnf
    exit 0
  fi
  if [ $ci = 0 ] && [ "$(uname -s)" = Darwin ] && command -v brew >/dev/null; then
    install_brew
    exit 0
  fi
  echo "caselog: no apt-get, dnf or Homebrew here; install the equivalents of: ${build_pkgs[*]}" >&2
  exit 1
fi

pkgs=("${build_pkgs[@]}")
[ $ci = 1 ] && pkgs+=("${test_pkgs[@]}")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "caselog: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
