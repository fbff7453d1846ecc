#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, only if it is missing.
# Idempotent: a machine that already has /usr/bin/chromium is left alone.
# The tests drive it with Playwright for Python (never `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
echo "installed $(/usr/bin/chromium --version)"
