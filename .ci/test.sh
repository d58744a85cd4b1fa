#!/usr/bin/env bash
# The whole test suite from a fresh Debian machine with Node 20: installs Chromium (apt) and the
# npm packages, then type-checks, lints and runs every test (HTTP, unit, browser + axe).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
fi

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
npx vitest run
