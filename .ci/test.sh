#!/usr/bin/env bash
# The whole test suite from a fresh Debian machine with Node 20: installs Chromium (apt) and the
# npm packages, then type-checks, lints and runs every test (HTTP, unit, browser + axe).
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser tests, CJK fonts for readable screenshots, and the compiler
# better-sqlite3 needs when no prebuilt binary fits (it then builds from source with node-gyp).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-noto-cjk)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The deployment examples are checked with nginx -t (a self-signed certificate from openssl) and
# run in front of the server (test/db/deploy-examples.test.ts).
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
npx vitest run
