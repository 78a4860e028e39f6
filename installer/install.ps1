<#
.SYNOPSIS
  CaseLog installer for Windows: the same steps as installer/install.sh, from the same browser table
  (installer/browsers.tsv, rows with os = windows) and the same templates (manifests/*.json.in).

.DESCRIPTION
  Builds Release with CMake (dependencies through vcpkg when VCPKG_ROOT is set), installs
  caselog.exe and caselog-host.exe under -Prefix, writes one manifest file per browser under
  <Prefix>\manifests\<browser>\<host>.json and points the browser's registry key at it
  (HKCU for the current user, HKLM with -System). Running it again repairs.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\install.ps1
  powershell -File installer\install.ps1 -Status
  powershell -File installer\install.ps1 -Uninstall [-Purge]
#>
[CmdletBinding()]
param(
  [string]$Prefix = "",
  [switch]$System,
  [switch]$NoDeps,
  [switch]$NoBuild,
  [string]$BinDir = "",
  [string]$BuildDir = "",
  [switch]$Status,
  [switch]$Uninstall,
  [switch]$Purge
)
$ErrorActionPreference = 'Stop'
$Src = Split-Path -Parent $PSScriptRoot
$Scope = if ($System) { 'system' } else { 'user' }
if (-not $Prefix) {
  $Prefix = if ($System) { Join-Path $env:ProgramFiles 'CaseLog' } else { Join-Path $env:LOCALAPPDATA 'CaseLog' }
}
if (-not $BuildDir) { $BuildDir = Join-Path $Src 'build\release' }
if ($Purge -and -not $Uninstall) { throw 'caselog install: -Purge only goes with -Uninstall' }

# The fixed IDs: extension/ids.json is the only place they are written down.
$Ids = Get-Content -Raw (Join-Path $Src 'extension\ids.json') | ConvertFrom-Json
if ($Ids.chromium -notmatch '^[a-p]{32}$') { throw "caselog install: bad chromium ID in extension/ids.json" }
$HostName = $Ids.host

function Get-BrowserRows {
  Get-Content (Join-Path $Src 'installer\browsers.tsv') |
    Where-Object { $_ -and -not $_.StartsWith('#') } |
    ForEach-Object {
      $f = $_ -split "`t"
      [pscustomobject]@{ Browser = $f[0]; Family = $f[1]; Os = $f[2]; Scope = $f[3]; Location = $f[4] }
    } |
    Where-Object { $_.Os -eq 'windows' -and $_.Scope -eq $Scope }
}

# "HKCU\Software\...\NativeMessagingHosts" -> "HKCU:\Software\...\NativeMessagingHosts\<host>"
function Get-RegistryPath($Row) { ($Row.Location -replace '^(HKCU|HKLM)\\', '$1:\') + '\' + $HostName }
function Get-ManifestFile($Row) { Join-Path $Prefix "manifests\$($Row.Browser)\$HostName.json" }
function Get-HostPath { Join-Path $Prefix 'bin\caselog-host.exe' }

function Write-Manifest($Row) {
  $template = Get-Content -Raw (Join-Path $Src "manifests\$($Row.Family).json.in")
  $json = $template.Replace('@HOST_NAME@', $HostName).
    Replace('@HOST_PATH@', (Get-HostPath).Replace('\', '\\').Replace('"', '\"')).
    Replace('@CHROMIUM_ID@', $Ids.chromium).Replace('@GECKO_ID@', $Ids.gecko)
  $file = Get-ManifestFile $Row
  New-Item -ItemType Directory -Force -Path (Split-Path $file) | Out-Null
  [IO.File]::WriteAllText($file, $json, (New-Object Text.UTF8Encoding $false))
  $key = Get-RegistryPath $Row
  New-Item -Path $key -Force | Out-Null
  Set-Item -Path $key -Value $file
  "    {0,-9} {1} -> {2}" -f $Row.Browser, $key, $file
}

function Install-Deps {
  if ($NoDeps) { return }
  if (-not $env:VCPKG_ROOT) {
    Write-Warning ('Install Visual Studio Build Tools, CMake and vcpkg, set VCPKG_ROOT, then run again ' +
      '(or pass -NoDeps if poco, nlohmann-json, boost-asio and sqlite3 are already found by CMake).')
    exit 1
  }
  & (Join-Path $env:VCPKG_ROOT 'vcpkg.exe') install poco nlohmann-json openssl boost-asio sqlite3 --triplet x64-windows
  if ($LASTEXITCODE) { throw 'caselog install: vcpkg failed' }
}

function Build-Binaries {
  if ($NoBuild) {
    if (-not $BinDir) { throw 'caselog install: -NoBuild needs -BinDir DIR' }
    return $BinDir
  }
  $toolchain = @()
  if ($env:VCPKG_ROOT) { $toolchain = @("-DCMAKE_TOOLCHAIN_FILE=$env:VCPKG_ROOT\scripts\buildsystems\vcpkg.cmake") }
  cmake -S $Src -B $BuildDir @toolchain -DCASELOG_TESTS=OFF
  if ($LASTEXITCODE) { throw 'caselog install: cmake configure failed' }
  cmake --build $BuildDir --config Release --target caselog caselog-host
  if ($LASTEXITCODE) { throw 'caselog install: build failed' }
  if ($BinDir) { return $BinDir }
  return (Join-Path $BuildDir 'native-host\Release')
}

function Install-CaseLog {
  Install-Deps
  $from = Build-Binaries
  $bin = Join-Path $Prefix 'bin'
  New-Item -ItemType Directory -Force -Path $bin | Out-Null
  foreach ($name in 'caselog.exe', 'caselog-host.exe') {
    $src = @((Join-Path $from $name), (Join-Path $from "native-host\$name")) | Where-Object { Test-Path $_ } |
      Select-Object -First 1
    if (-not $src) { throw "caselog install: no $name in $from" }
    Copy-Item -Force $src (Join-Path $bin "$name.new")
    Move-Item -Force (Join-Path $bin "$name.new") (Join-Path $bin $name)
  }
  "==> installed caselog and caselog-host in $bin"
  "==> registering $HostName ($Scope scope)"
  Get-BrowserRows | ForEach-Object { Write-Manifest $_ }
  @"

CaseLog is installed. Next:
  1. Chrome, Edge, Brave, Vivaldi: open chrome://extensions (edge://extensions), turn on Developer
     mode, click "Load unpacked" and choose  $Src\extension\dist\chromium
     Firefox: about:debugging#/runtime/this-firefox -> "Load Temporary Add-on" ->
     $Src\extension\dist\firefox\manifest.json
  2. See it working with sample cases:  $bin\caselog.exe demo
"@
}

function Show-Status {
  $ok = 0; $broken = 0
  '{0,-9} {1,-7} {2,-8} {3}' -f 'BROWSER', 'SCOPE', 'STATE', 'DETAIL'
  foreach ($row in Get-BrowserRows) {
    $key = Get-RegistryPath $row
    $state = 'missing'; $detail = "not registered ($key)"
    if (Test-Path $key) {
      $file = (Get-Item $key).GetValue('')
      $state = 'broken'
      if (-not $file -or -not (Test-Path $file)) { $detail = "manifest $file does not exist" }
      else {
        $m = Get-Content -Raw $file | ConvertFrom-Json
        $idOk = if ($row.Family -eq 'firefox') { $m.allowed_extensions -contains $Ids.gecko }
                else { $m.allowed_origins -contains "chrome-extension://$($Ids.chromium)/" }
        if ($m.name -ne $HostName) { $detail = "manifest does not name $HostName" }
        elseif (-not $idOk) { $detail = 'wrong extension ID in the manifest' }
        elseif (-not (Test-Path $m.path)) { $detail = "host $($m.path) does not exist (run install.ps1 again)" }
        else { $state = 'ok'; $detail = "$file -> $($m.path)" }
      }
    }
    if ($state -eq 'ok') { $ok++ } elseif ($state -eq 'broken') { $broken++ }
    '{0,-9} {1,-7} {2,-8} {3}' -f $row.Browser, $Scope, $state, $detail
  }
  if ($broken) { exit 1 }
  if (-not $ok) { exit 3 }
}

function Uninstall-CaseLog {
  "==> removing $HostName registrations"
  foreach ($row in Get-BrowserRows) {
    $key = Get-RegistryPath $row
    if (Test-Path $key) { Remove-Item -Force $key; "    {0,-9} {1}" -f $row.Browser, $key }
  }
  foreach ($sub in 'manifests', 'bin\caselog.exe', 'bin\caselog-host.exe') {
    $p = Join-Path $Prefix $sub
    if (Test-Path $p) { Remove-Item -Recurse -Force $p }
  }
  if ($Purge) {
    # The host resolves its data like on Unix (core/paths.cpp): under $HOME, and without HOME relative
    # to its working folder, which the browser sets to the binary's folder.
    $base = if ($env:HOME) { $env:HOME } else { Join-Path $Prefix 'bin' }
    foreach ($p in "$base\.local\share\caselog", "$base\.config\caselog") {
      if (Test-Path $p) { Remove-Item -Recurse -Force $p; "    purged $p" }
    }
  } else { '    kept your database (add -Purge to delete it)' }
  foreach ($dir in (Join-Path $Prefix 'bin'), $Prefix) {
    if ((Test-Path $dir) -and -not (Get-ChildItem -Force $dir)) { Remove-Item $dir }
  }
}

if ($Status) { Show-Status } elseif ($Uninstall) { Uninstall-CaseLog } else { Install-CaseLog }
