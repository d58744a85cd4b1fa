#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, from Debian's `postgresql` package:
#   .ci/postgres.sh start <dir> <port>   initdb in <dir> (unless done), start on 127.0.0.1:<port>,
#                                        print postgres://liaison@127.0.0.1:<port>/postgres
#   .ci/postgres.sh stop <dir>           stop it and delete <dir>
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user the
# package creates (or `nobody`). Trust authentication: loopback only, for tests.
set -euo pipefail

MARKER=.liaison-test-cluster

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

usage() {
  echo "Usage: $0 start <dir> <port> | stop <dir>" >&2
  exit 2
}

# Debian keeps the server binaries out of PATH, in /usr/lib/postgresql/<major>/bin; the newest wins.
bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then
    echo "$found"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    die "no PostgreSQL server binaries (initdb) found; install Debian's postgresql package"
  fi
}

owner() {
  if [ "$(id -u)" != 0 ]; then
    id -un
  elif getent passwd postgres >/dev/null; then
    echo postgres
  else
    echo nobody
  fi
}

# Runs a server tool as the cluster's owner, from inside the cluster folder (root's working
# directory may be unreadable to that user).
as_owner() {
  local dir=$1
  shift
  if [ "$(id -u)" = 0 ]; then
    (cd "$dir" && runuser -u "$(owner)" -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

running() {
  local dir=$1 bin=$2
  [ -f "$dir/data/PG_VERSION" ] && as_owner "$dir" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

# A postmaster killed and not yet reaped (a zombie) still passes pg_ctl's "is it running?" and
# the server's own lock-file check. After a crash the lock files name no live server: remove them.
clear_stale_locks() {
  local dir=$1 port=$2 pid state
  [ -f "$dir/data/postmaster.pid" ] || return 0
  pid=$(head -n 1 "$dir/data/postmaster.pid")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d ' ' -f 1 || true)
  if [ -z "$state" ] || [ "$state" = Z ]; then
    echo "Removing the lock files of a PostgreSQL server that is gone (pid $pid)." >&2
    rm -f "$dir/data/postmaster.pid" "$dir/.s.PGSQL.$port.lock"
  fi
}

start() {
  local dir=$1 port=$2 bin url
  [[ "$port" =~ ^[0-9]+$ ]] || die "port must be a number, not '$port'"
  bin=$(bin_dir)
  url="postgres://liaison@127.0.0.1:$port/postgres"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  clear_stale_locks "$dir" "$port"
  if running "$dir" "$bin"; then
    echo "PostgreSQL in $dir is already running." >&2
    echo "$url"
    return 0
  fi
  if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    die "another server already answers on 127.0.0.1:$port; choose another port"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    [ -z "$(ls -A "$dir")" ] || [ -f "$dir/$MARKER" ] || die "$dir is not empty; give a new or empty folder"
    touch "$dir/$MARKER"
    [ "$(id -u)" != 0 ] || chown "$(owner)" "$dir"
    echo "Creating a PostgreSQL $("$bin/postgres" --version | awk '{print $3}') cluster in $dir/data as $(owner)..." >&2
    as_owner "$dir" "$bin/initdb" -D "$dir/data" --auth=trust -U liaison -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      die "initdb failed (the owner needs to reach $dir; a folder under /tmp works):
$(cat "$dir/initdb.log")"
  fi
  echo "Starting PostgreSQL on 127.0.0.1:$port (socket in $dir)..." >&2
  as_owner "$dir" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c synchronous_commit=on -c fsync=on -c max_connections=200" \
    start >/dev/null || die "the server did not start:
$(tail -n 20 "$dir/server.log" 2>/dev/null)"
  for _ in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U liaison; then
      echo "$url"
      return 0
    fi
    sleep 0.5
  done
  die "PostgreSQL does not accept connections on 127.0.0.1:$port after 30 s; see $dir/server.log"
}

stop() {
  local dir=$1 bin
  if [ ! -d "$dir" ]; then
    echo "Nothing to stop: $dir does not exist." >&2
    return 0
  fi
  dir=$(cd "$dir" && pwd)
  if [ -z "$(ls -A "$dir")" ]; then
    rmdir "$dir"
    return 0
  fi
  [ -f "$dir/$MARKER" ] || die "$dir was not made by this script; not touching it"
  bin=$(bin_dir)
  if running "$dir" "$bin"; then
    echo "Stopping PostgreSQL in $dir..." >&2
    as_owner "$dir" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
}

case "${1:-}" in
start)
  [ $# = 3 ] || usage
  start "$2" "$3"
  ;;
stop)
  [ $# = 2 ] || usage
  stop "$2"
  ;;
*) usage ;;
esac
