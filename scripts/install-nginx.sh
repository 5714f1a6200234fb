#!/usr/bin/env bash
# Installs Debian's nginx, only when it is missing: test/integration/reverse-proxy.test.ts runs
# deploy/nginx/empiria.conf with the real binary in front of two Empiria processes.
set -euo pipefail

if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  echo "[install-nginx] $(command -v nginx || echo /usr/sbin/nginx) present"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  cat >&2 <<MSG
[install-nginx] nginx is missing; not root, so nothing was installed.
  Install it with:  sudo apt-get update && sudo apt-get install -y nginx-light
MSG
  exit 1
fi

echo "[install-nginx] installing nginx-light"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends nginx-light
# Debian starts the packaged service where it can; the tests run their own instance only.
if command -v service >/dev/null 2>&1; then service nginx stop >/dev/null 2>&1 || true; fi
test -x /usr/sbin/nginx
