#!/usr/bin/env bash
# `npm start`: install what is missing, build the client and the server, run the server.
# Configuration passes through the environment: PORT, HOST, DATA_DIR, PUBLIC_URL, ADMIN_TOKEN,
# TLDRAW_LICENSE_KEY (see README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/bootstrap.sh
bash scripts/build-if-changed.sh

exec node server/dist/main.js
