#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: restores, builds (the build installs Banana Cake Pop with
# npm), and runs all test projects on SQLite; then runs the API tests again on PostgreSQL. The graphql-http audit
# tests install their npm packages themselves; Chromium for the dashboard's browser test is installed below when
# missing.
#
# PostgreSQL: with DRG_TEST_POSTGRES set (a connection string to a server where the user may create databases),
# that server is used. Otherwise the script makes a throwaway cluster: it installs Debian's postgresql package when
# no initdb is found (as root, with apt-get), initialises a cluster in a temporary folder (trust authentication, on
# 127.0.0.1 only, on a free port), starts it, and stops and removes it when the script ends. No PostgreSQL and no way
# to install it is an error: the PostgreSQL half is never skipped silently.
#
# Prints one closing line over both runs: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "tests/run.sh: '$tool' is not installed" >&2; exit 1; }
done

# --- Chromium for the dashboard's browser test (tests/dashboard-browser, DashboardBrowserTests) -------------------
# Debian's package, driven by playwright-core at /usr/bin/chromium. CI runs as root on a fresh machine and installs it
# here; elsewhere, install it once: sudo apt-get install -y chromium
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "tests/run.sh: installing chromium for the dashboard's browser test"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || { echo "tests/run.sh: could not install chromium" >&2; exit 1; }
  else
    echo "tests/run.sh: /usr/bin/chromium is missing; install it with: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
# -------------------------------------------------------------------------------------------------------------------

fail() { echo "tests/run.sh: $*" >&2; exit 1; }

cluster=""
pg_bin=""
pg_user=""
stop_cluster() {
  if [ -n "$cluster" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$cluster"
  fi
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

# initdb and postgres refuse to run as root: as root they run as the postgres user.
as_pg() {
  if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

find_pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  [ -n "$initdb" ] || initdb=$(command -v initdb || true)
  [ -n "$initdb" ] && dirname "$initdb"
}

start_cluster() {
  pg_bin=$(find_pg_bin)
  if [ -z "$pg_bin" ]; then
    [ "$(id -u)" -eq 0 ] || fail "PostgreSQL is not installed; run as root to install it (apt-get install postgresql), or set DRG_TEST_POSTGRES"
    command -v apt-get >/dev/null || fail "PostgreSQL is not installed and there is no apt-get to install it; set DRG_TEST_POSTGRES"
    echo "tests/run.sh: installing PostgreSQL from the Debian packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || fail "apt-get install postgresql failed"
    pg_bin=$(find_pg_bin)
    [ -n "$pg_bin" ] || fail "postgresql was installed but no initdb was found"
  fi

  if [ "$(id -u)" -eq 0 ]; then
    pg_user=postgres
    id "$pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user" \
      || fail "cannot create the '$pg_user' user to run PostgreSQL as"
  fi

  cluster=$(mktemp -d "${TMPDIR:-/tmp}/drg-pg.XXXXXX") || fail "cannot make a temporary folder"
  [ -z "$pg_user" ] || chown "$pg_user" "$cluster"
  as_pg "$pg_bin/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 \
    || { cat "$cluster/initdb.log" >&2; fail "initdb failed"; }

  # A free port: one nothing answers on now; should another process take it first, start fails and we try again.
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    if as_pg "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$cluster' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 2>&1; then
      DRG_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      export DRG_TEST_POSTGRES
      echo "tests/run.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($cluster)" >&2
      return 0
    fi
  done

  cat "$cluster/server.log" >&2 2>/dev/null
  fail "PostgreSQL did not start"
}

log=$(mktemp)
given_postgres=${DRG_TEST_POSTGRES:-}
unset DRG_TEST_POSTGRES

# 1. Everything, on SQLite.
dotnet test DualRandomGraph.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# 2. The API tests again, on PostgreSQL.
if [ -n "$given_postgres" ]; then
  export DRG_TEST_POSTGRES="$given_postgres"
else
  start_cluster
fi
echo "tests/run.sh: the API tests on PostgreSQL" >&2
dotnet test tests/DualRandomGraph.Api.Tests --nologo --no-build "$@" 2>&1 | tee -a "$log"
pg_status=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$pg_status

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "tests/run.sh: no test ran" >&2
  exit 1
fi
exit "$status"
