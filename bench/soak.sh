#!/usr/bin/env bash
# The soak (issue 16, point 5): `make soak`, or bench/soak.sh directly.
#
# PostgreSQL and Redis, a 10,000-article archive, two application servers
# (`masthead serve`, 2 workers each, on 127.0.0.1:8110 and :8111) sharing
# them, one Varnish in front (`masthead frontend_config --varnish`, on
# :8112, purged by content tags: FRONT_CACHES). Then bench/soak.py: ten
# minutes of wrk at 64 connections over a mix of cached pages, uncached
# articles, feeds and searches, while an editor saves in the desk every few
# seconds; the server workers' memory sampled every ten seconds. Exits
# non-zero on any error. Results in bench/results/soak.md.
#
# Knobs: SOAK_SECONDS (600), SOAK_CONNECTIONS (64), SOAK_SAVE_EVERY (3),
# BENCH_COUNT (10000), BENCH_POSTGRES_URL
# (postgres://postgres@127.0.0.1:5432/masthead_soak; dropped and
# recreated), BENCH_REDIS_URL (redis://127.0.0.1:6379/0), BENCH_CORPUS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VAR=$ROOT/bench/.var/soak
PY=$ROOT/.venv/bin/python
MASTHEAD=$ROOT/.venv/bin/masthead
COUNT=${BENCH_COUNT:-10000}
PG_URL=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/masthead_soak}
REDIS=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/0}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/german-news/10kGNAD-test.csv}
FRONT=http://127.0.0.1:8112

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'soak: %s\n' "$*" >&2; exit 1; }
[ -x "$PY" ] || die "no .venv: run scripts/bootstrap.sh requirements.txt first (make soak does)"
[ -f "$CORPUS" ] || die "corpus not found at $CORPUS (set BENCH_CORPUS)"
VARNISHD=$(command -v varnishd || echo /usr/sbin/varnishd)
[ -x "$VARNISHD" ] || die "varnishd not found (Debian: apt-get install varnish varnish-modules)"
command -v wrk >/dev/null || die "wrk not found (Debian: apt-get install wrk)"
for port in 8110 8111 8112; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "127.0.0.1:$port is in use"
done

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -n "${CACHE_KEY_PREFIX:-}" ]; then  # leave nothing of ours in Redis
        "$PY" -c 'import sys, redis
r = redis.Redis.from_url(sys.argv[1])
keys = list(r.scan_iter(match=sys.argv[2] + ":*", count=1000))
r.delete(*keys) if keys else None' "$REDIS" "$CACHE_KEY_PREFIX" || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() {  # URL PID
    for _ in $(seq 900); do
        curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.2
    done
    return 1
}

rm -rf "$VAR"
mkdir -p "$VAR" "$ROOT/bench/results"
log "a fresh database at $PG_URL, Redis at $REDIS"
"$PY" - "$PG_URL" <<'PYEOF'
import sys
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
params = conninfo_to_dict(sys.argv[1])
name, params["dbname"] = params["dbname"], "postgres"
with psycopg.connect(make_conninfo(**params), autocommit=True, connect_timeout=3) as conn:
    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    conn.execute(f'CREATE DATABASE "{name}"')
PYEOF
export DATABASE_URL=$PG_URL REDIS_URL=$REDIS CACHE_KEY_PREFIX="masthead-soak-$(date +%s)"
export SITE_URL=$FRONT FRONT_CACHES=varnish:$FRONT ALLOWED_HOSTS=127.0.0.1
export DEBUG=false SECRET_KEY=soak-not-secret-soak-not-secret-soak-not-secret-0123456789
export MASTHEAD_VAR_DIR=$VAR/var DJANGO_SETTINGS_MODULE=masthead.settings
log "migrate and load a $COUNT-article archive"
"$MASTHEAD" migrate --verbosity 0
"$MASTHEAD" generate_archive --count "$COUNT" --path "$CORPUS" --no-progress >&2
"$MASTHEAD" shell --verbosity 0 -c 'from django.db import connection; connection.cursor().execute("ANALYZE")'
(cd "$ROOT/bench" && "$PY" soak.py prepare "$VAR")

MASTERS=()
for port in 8110 8111; do
    log "masthead serve on 127.0.0.1:$port, 2 workers"
    (exec "$MASTHEAD" serve --bind "127.0.0.1:$port" --workers 2 --no-migrate) >"$VAR/serve-$port.log" 2>&1 &
    PIDS+=($!)
    MASTERS+=($!)
    wait_for "http://127.0.0.1:$port/robots.txt" "$!" || { cat "$VAR/serve-$port.log" >&2; die "masthead serve did not come up"; }
done
"$MASTHEAD" frontend_config --varnish --upstream 127.0.0.1:8110,127.0.0.1:8111 >"$VAR/masthead.vcl"
"$VARNISHD" -F -j none -a 127.0.0.1:8112 -f "$VAR/masthead.vcl" -n "$VAR/varnish" \
    -s malloc,256m -p thread_pools=2 >"$VAR/varnish.log" 2>&1 &
PIDS+=($!)
wait_for "$FRONT/robots.txt" "$!" || die "Varnish did not come up (see $VAR/varnish.log)"

log "the soak: ${SOAK_SECONDS:-600} s at ${SOAK_CONNECTIONS:-64} connections, an editor saving every ${SOAK_SAVE_EVERY:-3} s"
status=0
(cd "$ROOT/bench" && "$PY" soak.py run "$VAR" "$FRONT" "${MASTERS[@]}") || status=$?
cp "$VAR/soak.md" "$VAR/soak.json" "$ROOT/bench/results/" 2>/dev/null || true
exit $status
