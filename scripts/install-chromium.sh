#!/usr/bin/env bash
# Installs Debian's Chromium and the fonts the screenshots need, only when they are missing.
# The browser tests drive /usr/bin/chromium through playwright-core (`playwright install` cannot
# download here). DejaVu covers Polish glyphs; Noto is a wider fallback.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium fonts-noto-core)
[ -f "$FONT" ] || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -eq 0 ]; then
  echo "[install-chromium] $CHROMIUM and fonts present"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  cat >&2 <<MSG
[install-chromium] missing: ${missing[*]}; not root, so nothing was installed.
  Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}
MSG
  exit 1
fi

echo "[install-chromium] installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
test -x "$CHROMIUM"
