#!/usr/bin/env bash
# Builds the store packages of the extension from its build step (extension/tools/build.mjs →
# extension/dist/chromium and extension/dist/firefox):
#   caselog-chromium-VERSION.zip  for the Chrome Web Store (and Edge Add-ons); the store assigns the
#                                 ID itself and refuses a manifest "key", so the key is left out
#   caselog-firefox-VERSION.zip   for addons.mozilla.org (the gecko ID stays in the manifest)
# Usage: installer/package-extension.sh [-o OUTDIR]   (default OUTDIR: build/packages)
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$src/build/packages"

while [ $# -gt 0 ]; do
  case $1 in
    -o | --out) [ $# -ge 2 ] || { echo "package-extension: $1 needs a folder" >&2; exit 2; }; out=$2; shift ;;
    -h | --help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-extension: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done

command -v node >/dev/null || { echo "package-extension: node is required" >&2; exit 1; }
command -v zip >/dev/null || { echo "package-extension: zip is required (apt-get install zip)" >&2; exit 1; }
(cd "$src/extension" && node tools/build.mjs >&2) || { echo "package-extension: extension build failed" >&2; exit 1; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# manifest_edit DIR JS: runs JS with `m` bound to DIR/manifest.json and writes it back.
manifest_edit() {
  node -e '
    const fs = require("fs"); const file = process.argv[1] + "/manifest.json";
    const m = JSON.parse(fs.readFileSync(file, "utf8"));
    new Function("m", process.argv[2])(m);
    fs.writeFileSync(file, JSON.stringify(m, null, 2) + "\n");' "$1" "$2"
}

manifest_version() {
  node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version)' "$1/manifest.json"
}

for variant in chromium firefox; do
  dist="$src/extension/dist/$variant"
  [ -f "$dist/manifest.json" ] || { echo "package-extension: $dist/manifest.json missing" >&2; exit 1; }
  cp -R "$dist" "$stage/$variant"
  [ $variant = chromium ] && manifest_edit "$stage/$variant" 'delete m.key;'
  version=$(manifest_version "$stage/$variant")
  zipfile="$out/caselog-$variant-$version.zip"
  rm -f "$zipfile"
  (cd "$stage/$variant" && zip -qrX "$zipfile" . -x '.*')
  echo "$zipfile"
done
