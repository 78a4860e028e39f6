#!/usr/bin/env bash
# Installs the packages CaseLog needs. Used by install.sh (build/run) and .ci/run (--ci: plus test tools).
# Debian/Ubuntu: apt-get. Elsewhere: prints what to install and exits 1.
set -euo pipefail
ci=0
[ "${1:-}" = "--ci" ] && ci=1

build_pkgs=(build-essential cmake ninja-build pkg-config libpoco-dev nlohmann-json3-dev libboost-dev
            libsqlite3-dev sqlite3 openssl)
test_pkgs=(libgtest-dev libgmock-dev ccache clang libclang-rt-14-dev chromium chromium-driver wrk nginx
           imagemagick)

pkgs=("${build_pkgs[@]}")
[ $ci = 1 ] && pkgs+=("${test_pkgs[@]}")

if ! command -v apt-get >/dev/null; then
  echo "caselog: no apt-get here; install the equivalents of: ${pkgs[*]}" >&2
  exit 1
fi
sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "caselog: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
