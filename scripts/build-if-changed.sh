#!/usr/bin/env bash
# Runs `pnpm build` (client and server) unless the sources it reads are unchanged since the last
# successful build and its outputs are still there. The fingerprint is a hash of the content of
# every source file, not of timestamps, so a checkout of another branch rebuilds.
# FORCE_BUILD=1 always builds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=node_modules/.cache/empiria-build.sha256
outputs=(server/dist/main.js server/dist/cli.js server/dist/image-worker.js client/dist/index.html)

fingerprint() {
  {
    find client server shared formats \
      \( -name node_modules -o -name dist -o -name '*.tsbuildinfo' \) -prune -o -type f -print0 |
      LC_ALL=C sort -z | xargs -0 sha256sum
    sha256sum package.json pnpm-lock.yaml tsconfig.base.json
    node --version
  } | sha256sum | cut -d' ' -f1
}

current=$(fingerprint)
if [ "${FORCE_BUILD:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$current" ]; then
  all_there=1
  for f in "${outputs[@]}"; do [ -e "$f" ] || all_there=0; done
  if [ "$all_there" = 1 ]; then
    echo "[build] sources unchanged since the last build; skipping (FORCE_BUILD=1 to rebuild)"
    exit 0
  fi
fi

echo "[build] pnpm build"
rm -f "$stamp"
pnpm build
mkdir -p "$(dirname "$stamp")"
echo "$current" >"$stamp"
