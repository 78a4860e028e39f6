# shellcheck shell=bash
# Browser registration for caselog-host: reads installer/browsers.tsv and manifests/*.json.in.
# Sourced by install.sh (and by tests/installer to list the table). Needs: $CASELOG_SRC (the repo root).
# No jq: a fresh machine may not have it, so the few JSON fields are read with sed.

ids_file="$CASELOG_SRC/extension/ids.json"
table_file="$CASELOG_SRC/installer/browsers.tsv"
manifest_dir="$CASELOG_SRC/manifests"

die() {
  echo "caselog install: $*" >&2
  exit 1
}

# json_field FILE KEY: the string value of a top-level "KEY": "value" (one per line or not).
json_field() {
  tr '\n' ' ' <"$1" | sed -n "s/.*\"$2\"[[:space:]]*:[[:space:]]*\"\([^\"]*\)\".*/\1/p"
}

# Reads the fixed IDs from extension/ids.json (the only place they are written down).
load_ids() {
  [ -f "$ids_file" ] || die "missing $ids_file (the extension's fixed IDs)"
  host_name=$(json_field "$ids_file" host)
  chromium_id=$(json_field "$ids_file" chromium)
  gecko_id=$(json_field "$ids_file" gecko)
  [[ $host_name =~ ^[a-z0-9_]+(\.[a-z0-9_]+)*$ ]] || die "bad host name '$host_name' in $ids_file"
  [[ $chromium_id =~ ^[a-p]{32}$ ]] || die "bad chromium ID '$chromium_id' in $ids_file"
  [[ $gecko_id =~ ^[A-Za-z0-9._@{}-]+$ ]] || die "bad gecko ID '$gecko_id' in $ids_file"
}

# table_rows OS SCOPE: prints "browser<TAB>family<TAB>folder" for each matching row, "~" expanded.
table_rows() {
  local browser family os scope location
  while IFS=$'\t' read -r browser family os scope location; do
    [[ -z $browser || $browser == \#* ]] && continue
    [[ $os == "$1" && $scope == "$2" ]] || continue
    # shellcheck disable=SC2088 # a literal "~/" in the table, expanded here
    [[ $location == "~/"* ]] && location="$HOME/${location#\~/}"
    printf '%s\t%s\t%s\n' "$browser" "$family" "$location"
  done <"$table_file"
}

json_escape() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '%s' "$s"
}

sed_escape() {
  printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'
}

# render_manifest FAMILY HOST_PATH OUT: fills the family's template; written via a temp file + mv.
render_manifest() {
  local template="$manifest_dir/$1.json.in" path tmp
  [ -f "$template" ] || die "no manifest template $template"
  path=$(sed_escape "$(json_escape "$2")")
  tmp="$3.tmp.$$"
  sed -e "s|@HOST_NAME@|$host_name|g" -e "s|@HOST_PATH@|$path|g" \
    -e "s|@CHROMIUM_ID@|$chromium_id|g" -e "s|@GECKO_ID@|$gecko_id|g" "$template" >"$tmp" &&
    chmod 0644 "$tmp" && mv -f "$tmp" "$3"
}

# manifest_host_path FILE: the "path" value of a manifest we wrote, JSON escapes undone.
manifest_host_path() {
  local p
  p=$(json_field "$1" path)
  p=${p//\\\"/\"}
  printf '%s' "${p//\\\\/\\}"
}

# check_manifest FAMILY FILE: prints "ok<TAB>detail" or "broken<TAB>reason" or "missing<TAB>-".
check_manifest() {
  local family=$1 file=$2 host
  if [ ! -e "$file" ]; then
    printf 'missing\t-\n'
    return
  fi
  host=$(manifest_host_path "$file")
  if [ "$(json_field "$file" name)" != "$host_name" ]; then
    printf 'broken\tmanifest does not name %s\n' "$host_name"
  elif [ "$family" = chromium ] && ! grep -q "\"chrome-extension://$chromium_id/\"" "$file"; then
    printf 'broken\tallowed_origins lacks chrome-extension://%s/ (wrong extension ID)\n' "$chromium_id"
  elif [ "$family" = firefox ] && ! grep -q "\"$gecko_id\"" "$file"; then
    printf 'broken\tallowed_extensions lacks %s (wrong add-on ID)\n' "$gecko_id"
  elif [[ $host != /* ]]; then
    printf 'broken\thost path "%s" is not absolute\n' "$host"
  elif [ ! -f "$host" ]; then
    printf 'broken\thost %s does not exist (re-run installer/install.sh)\n' "$host"
  elif [ ! -x "$host" ]; then
    printf 'broken\thost %s is not executable\n' "$host"
  else
    printf 'ok\t%s\n' "$host"
  fi
}
