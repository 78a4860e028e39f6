#!/usr/bin/env bash
# CaseLog installer for Linux and macOS: dependencies, Release build, binaries under a prefix,
# and the native-messaging host manifest for every supported browser (installer/browsers.tsv).
# Re-running repairs: every file is rewritten. See `installer/install.sh --help`.
set -euo pipefail

CASELOG_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR
source "$CASELOG_SRC/installer/lib/registry.sh"

usage() {
  cat <<'EOF'
Usage: installer/install.sh [OPTIONS]

Installs caselog and caselog-host and registers the host with Chrome, Chromium, Edge, Brave,
Vivaldi and Firefox. Running it again repairs a broken or moved installation.

  --prefix DIR       install the binaries in DIR/bin (default ~/.local; /usr/local with --system)
  --system           register for every user of this machine (needs root) instead of just you
  --no-deps          do not install build dependencies
  --no-build         do not build; take the binaries from --bin-dir
  --bin-dir DIR      folder holding built caselog and caselog-host (default: the build folder)
  --build-dir DIR    where to build (default <source>/build/release)
  --jobs N           parallel build jobs (default: number of CPUs)
  --browser-dir DIR  register only into this Chromium --user-data-dir (DIR/NativeMessagingHosts),
                     not into the browsers' usual folders; repeatable (for tests and extra profiles)
  --os linux|macos   use that OS's rows of the browser table (default: this machine's)
  --sysroot DIR      put system-scope manifests under DIR (for packaging and tests)
  --status           report each browser's registration and whether its host path is valid
  --uninstall        remove everything the installer wrote (the database stays)
  --purge            with --uninstall: also delete the database, its backups and the config
  -h, --help         this text

Exit codes: 0 done; 1 error. --status: 0 all registrations valid, 1 one is broken, 3 none found.
EOF
}

prefix="" scope=user deps=1 build=1 bin_dir="" build_dir="$CASELOG_SRC/build/release"
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2) os="" sysroot="" action=install purge=0
browser_dirs=()

need_arg() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value (see --help)"; fi
}

parse_args() {
  while [ $# -gt 0 ]; do
    case $1 in
      --prefix) need_arg "$@"; prefix=$2; shift ;;
      --system) scope=system ;;
      --no-deps) deps=0 ;;
      --no-build) build=0 ;;
      --bin-dir) need_arg "$@"; bin_dir=$2; shift ;;
      --build-dir) need_arg "$@"; build_dir=$2; shift ;;
      --jobs) need_arg "$@"; jobs=$2; shift ;;
      --browser-dir) need_arg "$@"; browser_dirs+=("$2"); shift ;;
      --os) need_arg "$@"; os=$2; shift ;;
      --sysroot) need_arg "$@"; sysroot=$2; shift ;;
      --status) action=status ;;
      --uninstall) action=uninstall ;;
      --purge) purge=1 ;;
      -h | --help) usage; exit 0 ;;
      *) echo "caselog install: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
  done
  [ $purge = 0 ] || [ $action = uninstall ] || die "--purge only goes with --uninstall"
  if [ -z "$os" ]; then
    case $(uname -s) in
      Darwin) os=macos ;;
      Linux) os=linux ;;
      *) die "unsupported system $(uname -s); on Windows use installer/install.ps1" ;;
    esac
  fi
  [[ $os == linux || $os == macos ]] || die "--os must be linux or macos"
  [ -n "$prefix" ] || { [ $scope = system ] && prefix=/usr/local || prefix=$HOME/.local; }
  prefix=$(absolute "$prefix")
  receipt="$prefix/lib/caselog/installed.txt"
}

absolute() {
  case $1 in
    /*) printf '%s' "$1" ;;
    *) printf '%s/%s' "$PWD" "$1" ;;
  esac
}

# targets: "label<TAB>family<TAB>folder" for every place this run registers the host.
targets() {
  local dir browser family folder
  if [ ${#browser_dirs[@]} -gt 0 ]; then
    for dir in "${browser_dirs[@]}"; do
      printf 'profile\tchromium\t%s/NativeMessagingHosts\n' "$(absolute "$dir")"
    done
    return
  fi
  table_rows "$os" "$scope" | while IFS=$'\t' read -r browser family folder; do
    [ $scope = system ] && folder="$sysroot$folder"
    printf '%s\t%s\t%s\n' "$browser" "$family" "$folder"
  done
}

# ---- the receipt: every file and folder this installer created, so --uninstall can undo it ----
# It lives in PREFIX/lib/caselog, apart from the seller's data in ~/.local/share/caselog.

remember() {
  [ -f "$receipt" ] || { make_dirs "$(dirname "$receipt")" && touch "$receipt"; }
  grep -qxF "$1"$'\t'"$2" "$receipt" || printf '%s\t%s\n' "$1" "$2" >>"$receipt"
}

forget() {
  [ -f "$receipt" ] || return 0
  grep -vxF "$1"$'\t'"$2" "$receipt" >"$receipt.tmp" || true
  mv -f "$receipt.tmp" "$receipt"
}

# make_dirs DIR: mkdir -p that records each folder it had to create (outermost first).
make_dirs() {
  local d=$1 missing=()
  while [ ! -d "$d" ]; do
    missing=("$d" ${missing[@]+"${missing[@]}"})
    d=$(dirname "$d")
  done
  mkdir -p "$1" || return 1
  for d in ${missing[@]+"${missing[@]}"}; do remember dir "$d"; done
}

# ---- install ----

install_deps() {
  [ $deps = 1 ] || return 0
  echo "==> build dependencies"
  bash "$CASELOG_SRC/installer/deps.sh"
}

build_binaries() {
  if [ $build = 0 ]; then
    [ -n "$bin_dir" ] || die "--no-build needs --bin-dir DIR (a folder with caselog and caselog-host)"
    return
  fi
  echo "==> building Release in $build_dir"
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  [ -f "$build_dir/CMakeCache.txt" ] && generator=()
  cmake -S "$CASELOG_SRC" -B "$build_dir" ${generator[@]+"${generator[@]}"} -DCMAKE_BUILD_TYPE=Release \
    -DCASELOG_TESTS=OFF >/dev/null
  cmake --build "$build_dir" --target caselog caselog-host -j "$jobs"
  [ -n "$bin_dir" ] || bin_dir="$build_dir/native-host"
}

# find_binary NAME: NAME in --bin-dir or its native-host/ subfolder (a CMake build folder works).
find_binary() {
  local candidate
  for candidate in "$bin_dir/$1" "$bin_dir/native-host/$1"; do
    [ -f "$candidate" ] && [ -x "$candidate" ] && { printf '%s' "$candidate"; return; }
  done
  die "no executable $1 in $bin_dir (build first, or pass --bin-dir)"
}

# Copies over a temp name then renames, so a running caselog-host is never overwritten in place.
install_binaries() {
  local name src
  find_binary caselog >/dev/null && find_binary caselog-host >/dev/null
  make_dirs "$prefix/bin"
  for name in caselog caselog-host; do
    src=$(find_binary "$name")
    cp -f "$src" "$prefix/bin/.$name.new.$$"
    chmod 0755 "$prefix/bin/.$name.new.$$"
    mv -f "$prefix/bin/.$name.new.$$" "$prefix/bin/$name"
    remember file "$prefix/bin/$name"
  done
  echo "==> installed caselog and caselog-host in $prefix/bin"
}

# Builds the per-browser extension folders and copies them beside the binaries, so the seller loads
# a folder that survives deleting the source tree.
install_extension() {
  local share="$prefix/lib/caselog/extension" variant
  if ! command -v node >/dev/null || [ ! -f "$CASELOG_SRC/extension/tools/build.mjs" ]; then
    echo "warning: node or extension/tools/build.mjs missing; extension not built" >&2
    return
  fi
  if ! (cd "$CASELOG_SRC/extension" && node tools/build.mjs >/dev/null); then
    echo "warning: building the extension failed; run: node extension/tools/build.mjs" >&2
    return
  fi
  make_dirs "$share"
  for variant in chromium firefox; do
    [ -d "$CASELOG_SRC/extension/dist/$variant" ] || continue
    rm -rf "$share/$variant.new"
    cp -R "$CASELOG_SRC/extension/dist/$variant" "$share/$variant.new"
    rm -rf "${share:?}/$variant"
    mv "$share/$variant.new" "$share/$variant"
    remember tree "$share/$variant"
  done
}

register_hosts() {
  local label family folder host="$prefix/bin/caselog-host"
  while IFS=$'\t' read -r label family folder; do
    make_dirs "$folder" || die "cannot create $folder (use --system only as root)"
    render_manifest "$family" "$host" "$folder/$host_name.json" || die "cannot write $folder/$host_name.json"
    remember file "$folder/$host_name.json"
    printf '    %-9s %s\n' "$label" "$folder/$host_name.json"
  done < <(targets)
}

print_next_steps() {
  local ext="$prefix/lib/caselog/extension"
  [ -d "$ext/chromium" ] || ext="$CASELOG_SRC/extension/dist"
  cat <<EOF

CaseLog is installed. Next:
  1. Load the extension
     Chrome, Chromium, Edge, Brave, Vivaldi: open chrome://extensions, turn on Developer mode,
       click "Load unpacked" and choose  $ext/chromium
     Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and
       choose  $ext/firefox/manifest.json
  2. See it working with sample cases:  $prefix/bin/caselog demo
EOF
  case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "  ($prefix/bin is not on your PATH; add it to run plain \`caselog\`.)" ;;
  esac
}

do_install() {
  install_deps
  build_binaries
  [ -n "$bin_dir" ] && bin_dir=$(absolute "$bin_dir")
  install_binaries
  install_extension
  echo "==> registering $host_name ($scope scope)"
  register_hosts
  print_next_steps
}

# ---- status ----

do_status() {
  local label family folder state detail ok=0 broken=0
  printf '%-9s %-7s %-8s %s\n' BROWSER SCOPE STATE DETAIL
  while IFS=$'\t' read -r label family folder; do
    IFS=$'\t' read -r state detail < <(check_manifest "$family" "$folder/$host_name.json")
    case $state in
      ok) ok=$((ok + 1)); detail="$folder/$host_name.json -> $detail" ;;
      broken) broken=$((broken + 1)) ;;
      missing) detail="not registered ($folder)" ;;
    esac
    printf '%-9s %-7s %-8s %s\n' "$label" "$scope" "$state" "$detail"
  done < <(targets)
  for label in caselog caselog-host; do
    [ -x "$prefix/bin/$label" ] && state="ok" || state="missing"
    printf '%-9s %-7s %-8s %s\n' binary "$scope" "$state" "$prefix/bin/$label"
  done
  echo "database: ${CASELOG_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/caselog/caselog.db}"
  [ $broken -gt 0 ] && return 1
  [ $ok -gt 0 ] || return 3
}

# ---- uninstall ----

remove_entry() {
  local kind=$1 path=$2
  case $kind in
    file) rm -f "$path" ;;
    tree) [[ $path == */lib/caselog/extension/* ]] && rm -rf "$path" ;;
  esac
  forget "$kind" "$path"
}

# rmdir_all DIR...: folders the installer created go too, innermost first, and only when empty.
rmdir_all() {
  local d
  while IFS= read -r d; do
    rmdir "$d" 2>/dev/null && forget dir "$d"
  done < <(printf '%s\n' "$@" | sort -r)
  return 0
}

purge_data() {
  local data="${XDG_DATA_HOME:-$HOME/.local/share}/caselog" config="${XDG_CONFIG_HOME:-$HOME/.config}/caselog"
  if [ -n "${CASELOG_DB:-}" ]; then
    rm -f "$CASELOG_DB" "$CASELOG_DB-wal" "$CASELOG_DB-shm"
    echo "    purged $CASELOG_DB"
  fi
  rm -rf "$data" "$config"
  echo "    purged $data and $config"
}

do_uninstall() {
  local label family folder kind path folders=() dirs=()
  echo "==> removing $host_name registrations"
  while IFS=$'\t' read -r label family folder; do
    path="$folder/$host_name.json"
    if [ -f "$path" ] && [ "$(json_field "$path" name)" = "$host_name" ]; then
      rm -f "$path"
      printf '    %-9s %s\n' "$label" "$path"
    fi
    forget file "$path"
    folders+=("$folder")
  done < <(targets)
  if [ ${#browser_dirs[@]} -gt 0 ]; then
    for folder in "${folders[@]}"; do
      [ -f "$receipt" ] && grep -qxF "dir"$'\t'"$folder" "$receipt" && rmdir_all "$folder"
    done
    return 0
  fi
  if [ -f "$receipt" ]; then
    echo "==> removing installed files"
    while IFS=$'\t' read -r kind path; do
      case $kind in
        dir) dirs+=("$path") ;;
        *) remove_entry "$kind" "$path" ;;
      esac
    done <"$receipt"
    rm -f "$receipt"
    rmdir_all "$prefix/lib/caselog/extension" ${dirs[@]+"${dirs[@]}"}
  fi
  if [ $purge = 1 ]; then
    purge_data
  else
    echo "    kept your database (add --purge to delete it)"
  fi
}

main() {
  parse_args "$@"
  load_ids
  case $action in
    install) do_install ;;
    status) do_status ;;
    uninstall) do_uninstall ;;
  esac
}

main "$@"
