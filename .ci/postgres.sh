#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for the storage tests and prints its
# connection string (postgres://…) on standard output. Idempotent: a server already answering on
# the port is reused. Runs the server as the 'postgres' user because initdb refuses root.
# Usage: .ci/postgres.sh [PORT] [DATA_DIR]
set -euo pipefail
port="${1:-55432}"
data="${2:-/tmp/marsad-pg-$port}"
db=marsad_test

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"

as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [[ ! -f "$data/PG_VERSION" ]]; then
    mkdir -p "$data"
    [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$data"
    # Trust on loopback only: a test server holding nothing but test data.
    as_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # The socket goes to the data folder so no system folder (/var/run/postgresql) is needed.
  as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-h 127.0.0.1 -p $port -k $data" start >/dev/null
fi

if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/$db"
