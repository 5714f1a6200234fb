#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries, only when they are missing. The tests start a
# private cluster of their own (test/support/postgres-cluster.ts: initdb into a temporary folder, a
# free port, stopped and removed afterwards); nothing here creates or starts a cluster for them.
set -euo pipefail

found=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$found" ] && [ -x "$(dirname "$found")/pg_ctl" ]; then
  echo "[install-postgres] $(dirname "$found") present"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  cat >&2 <<MSG
[install-postgres] PostgreSQL's initdb and pg_ctl are missing; not root, so nothing was installed.
  Install them with:  sudo apt-get update && sudo apt-get install -y postgresql
MSG
  exit 1
fi

echo "[install-postgres] installing postgresql"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends postgresql
ls /usr/lib/postgresql/*/bin/initdb >/dev/null
