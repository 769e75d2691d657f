#!/usr/bin/env bash
# Install configurable-http-proxy (JupyterHub's proxy, a Node.js program) from the npm
# registry into a local folder, for tests/test_hub.py and for trying a hub on one machine.
#
#   bash tools/install_hub_deps.sh            # into <course>/node_modules (git-ignored)
#   HUB_DEPS_DIR=/some/dir bash tools/install_hub_deps.sh
#
# Prints the path of the configurable-http-proxy program on its last line.
# Safe to re-run: does nothing when the pinned version is already there.
# Needs Node.js 20 or newer and npm (Debian: apt-get install nodejs npm).
set -euo pipefail
CHP_VERSION=5.3.0
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${HUB_DEPS_DIR:-$root}"
bin="$prefix/node_modules/.bin/configurable-http-proxy"
pkg="$prefix/node_modules/configurable-http-proxy/package.json"

if [ -x "$bin" ] && [ -f "$pkg" ] && grep -q "\"version\": \"$CHP_VERSION\"" "$pkg"; then
  echo "$bin"
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm not found: install Node.js 20+ and npm first" >&2; exit 1; }
mkdir -p "$prefix"
# --no-save and --no-package-lock: leave no package.json or lock file behind in the course folder
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --silent \
  "configurable-http-proxy@$CHP_VERSION" >&2
"$bin" --version >&2
echo "$bin"
