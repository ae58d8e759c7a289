#!/usr/bin/env bash
# A private PostgreSQL cluster for tests and benchmarks.
#
#   scripts/postgres.sh start [DIR]   creates (initdb) and starts a cluster in DIR (default: a new temp dir),
#                                     listening on 127.0.0.1 on a free port; prints the URL on stdout
#                                     (postgresql://claimwatch@127.0.0.1:PORT/claimwatch) and writes
#                                     DIR/env with `export CLAIMWATCH_PG_URL=...` and `PGDIR=...`.
#   scripts/postgres.sh stop DIR      stops it and removes DIR.
#
# PostgreSQL refuses to run as root: when run as root, initdb/pg_ctl run as the `postgres`
# system user (created by the Debian package) via runuser. Binaries: /usr/lib/postgresql/*/bin.
set -euo pipefail

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (run scripts/install-system-deps.sh)" >&2
    exit 3
  fi
  echo "$d"
}

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

cmd=${1:-}
case "$cmd" in
  start)
    BIN=$(bindir)
    DIR=${2:-$(mktemp -d /tmp/claimwatch-pg.XXXXXX)}
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" --shell /bin/false postgres
      chown postgres "$DIR"
      chmod 700 "$DIR"
    fi
    PORT=$(free_port)
    as_pg "$BIN/initdb" -D "$DIR/data" -U claimwatch --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || as_pg "$BIN/initdb" -D "$DIR/data" -U claimwatch --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U claimwatch claimwatch
    URL="postgresql://claimwatch@127.0.0.1:$PORT/claimwatch"
    printf 'export CLAIMWATCH_PG_URL=%s\nexport PGDIR=%s\n' "$URL" "$DIR" >"$DIR/env"
    echo "$URL"
    echo "postgres.sh: started in $DIR (stop: scripts/postgres.sh stop $DIR)" >&2
    ;;
  stop)
    DIR=${2:?usage: postgres.sh stop DIR}
    BIN=$(bindir)
    if [ -d "$DIR/data" ]; then
      as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case "$DIR" in
      /tmp/claimwatch-pg.*|"${TMPDIR:-/tmp}"/claimwatch-pg.*) rm -rf "$DIR" ;;
      *) echo "postgres.sh: stopped; left $DIR in place (not a temp dir made by start)" >&2 ;;
    esac
    ;;
  *)
    echo "usage: scripts/postgres.sh start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
