#!/usr/bin/env bash
# Installs Debian's redis-server, only when it is missing: the integration tests of several server
# processes start their own on a private port (test/support/redis-server.ts). Nothing is started
# here and the package's own service is left alone.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  echo "[install-redis] $(command -v redis-server) present"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  cat >&2 <<MSG
[install-redis] missing: redis-server; not root, so nothing was installed.
  Install it with:  sudo apt-get update && sudo apt-get install -y redis-server
MSG
  exit 1
fi

echo "[install-redis] installing redis-server"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# Debian's package starts a system service on port 6379; the tests never use it.
apt-get install -y -q --no-install-recommends redis-server
command -v redis-server >/dev/null
