#!/usr/bin/env bash
# Installs what is missing to build and run Empiria, and nothing else: safe to run again.
#   - pnpm 12.4.2 (npm i -g; corepack fails its signature check on these machines)
#   - the workspace's dependencies, exactly as pnpm-lock.yaml pins them
# better-sqlite3 is compiled by node-gyp; pointing it at the system's Node headers keeps it from
# trying to download them (no network beyond the npm registry here).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PNPM_VERSION=12.4.2

log() { printf '[bootstrap] %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "[bootstrap] Node.js >= 20.19 is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  log "installing pnpm@$PNPM_VERSION"
  npm install -g --no-fund --no-audit "pnpm@$PNPM_VERSION"
  hash -r
fi

if [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

# Cheap when nothing changed (pnpm skips resolution when the lockfile is up to date), and it
# repairs a node_modules left behind by another branch.
log "pnpm install --frozen-lockfile"
# No prompt to purge a stale node_modules: CI runs without stdin.
pnpm install --frozen-lockfile --config.confirm-modules-purge=false </dev/null
