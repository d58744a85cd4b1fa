#!/usr/bin/env bash
# The whole test suite from a fresh Debian machine with Node 20: installs Chromium (apt) and the
# npm packages, then type-checks, lints and runs every test (HTTP, unit, browser + axe) on SQLite, then
# the HTTP, unit and database tests again on a throwaway PostgreSQL cluster (.ci/postgres.sh).
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
# The PostgreSQL run: Debian's server binaries live in /usr/lib/postgresql/<major>/bin.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing from Debian: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

phase_start=$SECONDS
phase() {
  echo "== $1 took $((SECONDS - phase_start)) s"
  phase_start=$SECONDS
}

npm ci --no-audit --no-fund
phase "npm ci"
npm run typecheck
npm run lint
phase "typecheck and lint"
npx vitest run
phase "all tests on SQLite"

# Our own cluster on PG_PORT, not the one Debian's package may start on 5432.
pg_dir=$(mktemp -d)
trap '.ci/postgres.sh stop "$pg_dir"' EXIT
pg_url=$(.ci/postgres.sh start "$pg_dir" "${PG_PORT:-55433}")
phase "PostgreSQL start"
# test/unit holds pure rules that open no database: they ran above and would run the same again.
echo "HTTP and database tests on PostgreSQL ($pg_url)"
LIAISON_TEST_DATABASE_URL="$pg_url" npx vitest run --project unit test/http test/db
phase "HTTP and database tests on PostgreSQL"
