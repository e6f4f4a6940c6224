#!/usr/bin/env bash
# Masthead benchmarks (issue point 6): `make bench`, or bench/run.sh directly.
#
# For each database (SQLite, then PostgreSQL when it answers): a fresh
# database with a 10,000-article archive, `masthead serve` on
# 127.0.0.1:8100 with 2 workers and production settings, wrk on loopback
# against the home page, an article, a section (first and deep page) and the
# RSS feed, with the full-page cache on (default) and off
# (PAGE_CACHE_SECONDS=0); nginx serving the same article HTML from a file
# on 127.0.0.1:8101 as the static baseline; the median server time of 100
# uncached article renders (in-process); peak RSS of each server worker.
# bench/report.py turns it all into bench/results/latest.md, printed last.
#
# Knobs (environment): BENCH_DATABASES ("sqlite postgres"), BENCH_COUNT
# (10000), BENCH_SECONDS (10), BENCH_WARMUP (2), BENCH_CONNECTIONS (64),
# BENCH_THREADS (2), BENCH_RENDERS (100), BENCH_POSTGRES_URL
# (postgres://postgres@127.0.0.1:5432/masthead_bench; the database is
# dropped and recreated), BENCH_REDIS_URL (redis://127.0.0.1:6379/0, used
# by the PostgreSQL run when it answers), BENCH_CORPUS (the corpus CSV),
# BENCH_KEEP_RAW=1 (keep the raw results of the databases not run now),
# BENCH_WAGTAIL (1; 0 leaves out the reference Wagtail site),
# BENCH_WAGTAIL_COUNT (2000).
#
# The reference Wagtail site (bench/wagtail/README.md) is measured once, in
# the SQLite run: the same article and the 2,000 before it, exported from
# Masthead's benchmark site, served by a Wagtail 8 project with 2 gunicorn
# sync workers, against the same article of Masthead uncached.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
VAR=$BENCH/.var
RAW=$BENCH/results/raw
PY=$ROOT/.venv/bin/python
MASTHEAD=$ROOT/.venv/bin/masthead

DATABASES=${BENCH_DATABASES:-sqlite postgres}
COUNT=${BENCH_COUNT:-10000}
SECONDS_EACH=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
RENDERS=${BENCH_RENDERS:-100}
PG_URL=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/masthead_bench}
REDIS=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/0}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/german-news/10kGNAD-test.csv}
APP_PORT=8100
NGINX_PORT=8101
FRONT_PORT=8102
VARNISH_PORT=8103
WAGTAIL_PORT=8104
WAGTAIL_ON=${BENCH_WAGTAIL:-1}
WAGTAIL_COUNT=${BENCH_WAGTAIL_COUNT:-2000}
WAGTAIL_PY=$BENCH/.wagtail-venv/bin/python
APP=http://127.0.0.1:$APP_PORT
STATIC=http://127.0.0.1:$NGINX_PORT
FRONT=http://127.0.0.1:$FRONT_PORT
VARNISH=http://127.0.0.1:$VARNISH_PORT

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# --- tools -----------------------------------------------------------------
[ -x "$PY" ] || die "no .venv: run scripts/bootstrap.sh requirements.txt first (make bench does)"
[ -f "$CORPUS" ] || die "corpus not found at $CORPUS (set BENCH_CORPUS)"
NGINX=$(command -v nginx || true)
[ -n "$NGINX" ] || { [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx; }
missing=()
[ -n "$NGINX" ] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
    NGINX=$(command -v nginx || echo /usr/sbin/nginx)
fi

# --- processes we start, and stopping them -----------------------------------
SERVER_PID=
NGINX_PREFIX=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID"
        for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}
stop_nginx() {
    if [ -n "$NGINX_PREFIX" ] && [ -f "$NGINX_PREFIX/logs/nginx.pid" ]; then
        "$NGINX" -p "$NGINX_PREFIX/" -e logs/error.log -c "$NGINX_PREFIX/conf/nginx.conf" -s quit 2>/dev/null || true
        for _ in $(seq 100); do [ -f "$NGINX_PREFIX/logs/nginx.pid" ] || break; sleep 0.1; done
    fi
    NGINX_PREFIX=
}
FRONT_CONF=
stop_front() {  # the front end of `masthead frontend_config --standalone`
    if [ -n "$FRONT_CONF" ] && [ -f "${FRONT_CONF%/*}/front/nginx.pid" ]; then
        "$NGINX" -c "$FRONT_CONF" -e "${FRONT_CONF%/*}/front/error.log" -s quit 2>/dev/null || true
        for _ in $(seq 100); do [ -f "${FRONT_CONF%/*}/front/nginx.pid" ] || break; sleep 0.1; done
    fi
    FRONT_CONF=
}
stop_varnish() {  # the Varnish of `masthead frontend_config --varnish`
    if [ -n "${VARNISH_PID:-}" ]; then
        kill "$VARNISH_PID" 2>/dev/null || true
        wait "$VARNISH_PID" 2>/dev/null || true
        VARNISH_PID=
    fi
}
WAGTAIL_PID=
stop_wagtail() {
    if [ -n "$WAGTAIL_PID" ]; then
        kill -TERM "$WAGTAIL_PID" 2>/dev/null || true
        wait "$WAGTAIL_PID" 2>/dev/null || true
        WAGTAIL_PID=
    fi
}
trap 'stop_server; stop_nginx; stop_front; stop_varnish; stop_wagtail' EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free $APP_PORT || die "127.0.0.1:$APP_PORT is in use"
port_free $NGINX_PORT || die "127.0.0.1:$NGINX_PORT is in use"
port_free $FRONT_PORT || die "127.0.0.1:$FRONT_PORT is in use"
port_free $VARNISH_PORT || die "127.0.0.1:$VARNISH_PORT is in use"
[ "$WAGTAIL_ON" = 0 ] || port_free $WAGTAIL_PORT || die "127.0.0.1:$WAGTAIL_PORT is in use"
VARNISHD=$(command -v varnishd || { [ -x /usr/sbin/varnishd ] && echo /usr/sbin/varnishd; } || true)
[ -n "$VARNISHD" ] || log "varnishd not found (Debian: varnish varnish-modules): the Varnish runs are left out"

wait_for() {  # URL PID: until URL answers 2xx, while PID lives
    for _ in $(seq 600); do
        curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null && return 0
        [ -z "${2:-}" ] || kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

start_server() {  # MODE LOGFILE (extra environment already exported)
    (exec "$MASTHEAD" serve --bind "127.0.0.1:$APP_PORT" --workers 2) >"$2" 2>&1 &
    SERVER_PID=$!
    wait_for "$APP/de/" "$SERVER_PID" || { cat "$2" >&2; die "masthead serve ($1) did not come up"; }
}

# wrk: a warm-up whose figures are dropped, then the measured run.
measure() {  # URL OUTFILE
    timeout $((WARMUP + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 5s "$1" >/dev/null
    timeout $((SECONDS_EACH + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" \
        --timeout 5s --latency "$1" >"$2"
    printf '   %-40s %s\n' "$1" "$(grep -E 'Requests/sec' "$2")" >&2
}

peak_rss() {  # OUTFILE: VmHWM and VmRSS of the server's workers and of its job worker
    : >"$1"
    for pid in $(pgrep -P "$SERVER_PID"); do
        hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
        rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
        kind=worker
        # The job worker beside the server (it indexes the fresh archive for search).
        tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "masthead.cli worker" && kind=jobs
        echo "$kind $pid VmHWM_kB=$hwm VmRSS_kB=$rss" >>"$1"
    done
}

pg() {  # SQL...: run statements on the server of PG_URL, in its "postgres" database
    "$PY" - "$PG_URL" "$@" <<'PYEOF'
import sys
import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
params = conninfo_to_dict(sys.argv[1])
params["dbname"] = "postgres"
with psycopg.connect(make_conninfo(**params), autocommit=True, connect_timeout=3) as conn:
    for sql in sys.argv[2:]:
        cursor = conn.execute(sql)
        if cursor.description is not None:
            print(cursor.fetchone()[0])
PYEOF
}
redis_answers() {
    "$PY" -c 'import sys, redis; redis.Redis.from_url(sys.argv[1], socket_timeout=2).ping()' "$REDIS" 2>/dev/null
}

# --- the run -----------------------------------------------------------------
rm -rf "$VAR"
if [ -n "${BENCH_KEEP_RAW:-}" ]; then  # re-measure some databases, keep the others
    for db in $DATABASES; do rm -rf "${RAW:?}/$db"; done
else
    rm -rf "$RAW"
fi
mkdir -p "$VAR" "$RAW"
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpus: $(nproc)"
    echo "cpu: $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
    echo "ram: $(awk '/^MemTotal:/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "python: $("$PY" -c 'import platform; print(platform.python_version())')"
    echo "django: $("$PY" -c 'import django; print(django.get_version())')"
    echo "granian: $("$PY" -c 'from importlib.metadata import version; print(version("granian"))')"
    echo "nginx: $("$NGINX" -v 2>&1 | sed 's/^nginx version: nginx\///')"
    echo "wrk: $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
    [ -z "$VARNISHD" ] || echo "varnish: $("$VARNISHD" -V 2>&1 | head -1)"
    echo "load: wrk -t$THREADS -c$CONNECTIONS, ${WARMUP} s warm-up then ${SECONDS_EACH} s, --latency, on loopback; server and wrk share the $(nproc) CPUs"
    echo "archive: $COUNT articles (generate_archive --count $COUNT)"
} >"$RAW/machine.txt"

for db in $DATABASES; do
    out=$RAW/$db
    var=$VAR/$db
    unset REDIS_URL CACHE_KEY_PREFIX DATABASE_URL
    export MASTHEAD_VAR_DIR=$var SECRET_KEY="bench-$(date +%s)-not-secret" ALLOWED_HOSTS=127.0.0.1
    export DJANGO_SETTINGS_MODULE=masthead.settings DEBUG=false LOG_LEVEL=WARNING SITE_URL=$APP PAGE_CACHE_SECONDS=600
    case $db in
    sqlite)
        export DATABASE_URL="sqlite:///$var/masthead.sqlite3"
        cache_desc="file cache under bench/.var"
        ;;
    postgres)
        if ! version=$(pg "SHOW server_version" 2>/dev/null); then
            log "PostgreSQL does not answer at ${PG_URL%/*}: skipping the PostgreSQL run"
            continue
        fi
        dbname=${PG_URL##*/}
        pg "DROP DATABASE IF EXISTS \"$dbname\" WITH (FORCE)" "CREATE DATABASE \"$dbname\"" >/dev/null
        export DATABASE_URL=$PG_URL
        echo "postgresql: $version" >>"$RAW/machine.txt"
        if redis_answers; then
            export REDIS_URL=$REDIS CACHE_KEY_PREFIX="masthead-bench-$(date +%s)"
            cache_desc="Redis at ${REDIS%/*}"
            echo "redis: $("$PY" -c 'import sys, redis; print(redis.Redis.from_url(sys.argv[1]).info("server")["redis_version"])' "$REDIS")" >>"$RAW/machine.txt"
        else
            log "Redis does not answer at $REDIS: the PostgreSQL run uses the file cache"
            cache_desc="file cache under bench/.var (Redis did not answer)"
        fi
        ;;
    *) die "unknown database $db (sqlite or postgres)" ;;
    esac
    mkdir -p "$var" "$out/cached" "$out/frontend" "$out/varnish" "$out/uncached" "$out/nginx"
    echo "cache: $cache_desc" >"$out/info.txt"

    log "$db: migrate and load a $COUNT-article archive"
    "$MASTHEAD" migrate --verbosity 0
    "$MASTHEAD" generate_archive --count "$COUNT" --path "$CORPUS" --no-progress | tee -a "$out/info.txt" >&2
    if [ "$db" = postgres ]; then
        # Statistics as autovacuum would soon have them: without them the
        # planner takes the fresh 10,000-row table for empty and picks
        # plans that triple the article's render time.
        "$MASTHEAD" shell --verbosity 0 -c 'from django.db import connection; connection.cursor().execute("ANALYZE")'
        echo "ANALYZE run after the load" >>"$out/info.txt"
    fi
    (cd "$BENCH" && "$PY" pick_urls.py) >"$out/urls.txt"
    cat "$out/urls.txt" >&2

    # cached: masthead serve alone, page cache on; frontend: the same behind
    # nginx as `masthead frontend_config` configures it (PAGE_FILES_DIR);
    # varnish: the same behind Varnish as `frontend_config --varnish`
    # configures it (FRONT_CACHES); uncached: page cache off.
    modes="cached frontend varnish uncached"
    [ -n "$VARNISHD" ] || modes="cached frontend uncached"
    for mode in $modes; do
        unset PAGE_FILES_DIR FRONT_CACHES
        base=$APP
        export SITE_URL=$APP
        case $mode in
        cached) export PAGE_CACHE_SECONDS=600 ;;
        # The site's address is the one readers use: pages are cached only
        # for requests to it (masthead/lib/site.py).
        frontend) export PAGE_CACHE_SECONDS=600 PAGE_FILES_DIR=$var/pages SITE_URL=$FRONT; base=$FRONT ;;
        varnish) export PAGE_CACHE_SECONDS=600 FRONT_CACHES=varnish:$VARNISH SITE_URL=$VARNISH; base=$VARNISH ;;
        uncached) export PAGE_CACHE_SECONDS=0 ;;
        esac
        log "$db, $mode: masthead serve on $APP, 2 workers${PAGE_FILES_DIR:+, nginx front end on $FRONT}"
        start_server "$mode" "$var/serve-$mode.log"
        if [ $mode = frontend ]; then
            FRONT_CONF=$var/front.conf
            "$MASTHEAD" frontend_config --standalone "$var/front" --workers 2 \
                --listen "127.0.0.1:$FRONT_PORT" --upstream "127.0.0.1:$APP_PORT" >"$FRONT_CONF"
            "$NGINX" -c "$FRONT_CONF" -e "$var/front/error.log"
            wait_for "$FRONT/robots.txt" || die "the front end did not come up (see $var/front/error.log)"
        elif [ $mode = varnish ]; then
            "$MASTHEAD" frontend_config --varnish --upstream "127.0.0.1:$APP_PORT" >"$var/masthead.vcl"
            # Two worker pools on the two CPUs, as nginx has two workers.
            "$VARNISHD" -F -j none -a "127.0.0.1:$VARNISH_PORT" -f "$var/masthead.vcl" \
                -n "$var/varnish" -s malloc,256m -p thread_pools=2 >"$var/varnish.log" 2>&1 &
            VARNISH_PID=$!
            wait_for "$VARNISH/robots.txt" "$VARNISH_PID" || die "Varnish did not come up (see $var/varnish.log)"
        fi
        while read -r name path; do
            url=$base$path
            # Fill the cache (cached mode) and check what the server says.
            curl -fsS -o /dev/null "$url"
            xcache=$(curl -fsS -D - -o /dev/null "$url" | tr -d '\r' | sed -n 's/^[Xx]-[Cc]ache: //p')
            echo "$name $path X-Cache=${xcache:-none}" >>"$out/$mode/checks.txt"
            measure "$url" "$out/$mode/$name.txt"
        done <"$out/urls.txt"
        peak_rss "$out/rss-$mode.txt"
        if [ $mode = cached ]; then
            article=$(awk '$1 == "article" {print $2}' "$out/urls.txt")
            mkdir -p "$var/nginx/html" "$var/nginx/logs" "$var/nginx/tmp" "$var/nginx/conf"
            curl -fsS -D "$var/nginx/headers.txt" -o "$var/nginx/html/article.html" "$APP$article"
            echo "article_bytes: $(wc -c <"$var/nginx/html/article.html")" >>"$out/info.txt"
            # Its headers, for the baseline to send the same bytes (those
            # nginx sets itself left out).
            grep -iv '^HTTP\|^date:\|^server:\|^content-length:\|^content-type:\|^last-modified:\|^etag:\|^accept-ranges:\|^connection:\|^vary:\|^x-cache:\|^[[:space:]]*$' \
                "$var/nginx/headers.txt" | tr -d '\r' \
                | sed -E 's/"/\\"/g; s/^([^:]+): (.*)$/add_header \1 "\2";/' >"$var/nginx/conf/headers.conf"
            echo 'add_header X-Cache FILE;' >>"$var/nginx/conf/headers.conf"
        elif [ $mode = uncached ]; then
            # The same render timed over HTTP, one request at a time.
            for _ in $(seq "$RENDERS"); do
                curl -fsS -o /dev/null -w '%{time_total}\n' "$APP$article"
            done >"$out/http-times.txt"
        fi
        stop_front
        stop_varnish
        stop_server
    done
    unset PAGE_FILES_DIR FRONT_CACHES

    log "$db: server time of $RENDERS uncached article renders (in-process, django.test.Client)"
    (cd "$BENCH" && PAGE_CACHE_SECONDS=0 "$PY" render_time.py "$article" "$RENDERS") >"$out/render.json"
    cat "$out/render.json" >&2
    (cd "$BENCH" && PAGE_CACHE_SECONDS=0 "$PY" render_time.py --articles "$RENDERS") >"$out/render-articles.json"
    cat "$out/render-articles.json" >&2

    log "$db: nginx serving the same article HTML from a file on $STATIC"
    chmod -R a+rX "$var/nginx"
    NGINX_PREFIX=$var/nginx
    # A copy beside headers.conf, which it includes (relative to its folder).
    cp "$BENCH/nginx.conf" "$NGINX_PREFIX/conf/nginx.conf"
    "$NGINX" -p "$NGINX_PREFIX/" -e logs/error.log -c "$NGINX_PREFIX/conf/nginx.conf"
    wait_for "$STATIC/article.html" || die "nginx did not come up (see $NGINX_PREFIX/logs/error.log)"
    measure "$STATIC/article.html" "$out/nginx/article.txt"
    measure "$STATIC/plain/article.html" "$out/nginx/article-plain.txt"
    stop_nginx

    if [ "$db" = sqlite ] && [ "$WAGTAIL_ON" != 0 ]; then
        log "reference Wagtail site: the same article and the $WAGTAIL_COUNT before it, 2 gunicorn sync workers on 127.0.0.1:$WAGTAIL_PORT"
        mkdir -p "$out/wagtail" "$var/wagtail"
        if [ ! -x "$WAGTAIL_PY" ]; then
            python3 -m venv "$BENCH/.wagtail-venv"
            "$BENCH/.wagtail-venv/bin/pip" install -q --disable-pip-version-check \
                -r "$BENCH/wagtail/requirements.txt" >"$var/wagtail/pip.log" 2>&1 \
                || { cat "$var/wagtail/pip.log" >&2; die "could not install the Wagtail site's packages"; }
        fi
        "$PY" "$BENCH/wagtail/export.py" "$article" "$WAGTAIL_COUNT" >"$var/wagtail/articles.json"
        (
            cd "$BENCH/wagtail"
            export WAGTAIL_VAR=$var/wagtail
            "$WAGTAIL_PY" manage.py migrate -v0
            "$WAGTAIL_PY" manage.py load_articles "$var/wagtail/articles.json" >"$var/wagtail/path.txt"
        )
        wpath=$(cat "$var/wagtail/path.txt")
        (cd "$BENCH/wagtail" && WAGTAIL_VAR=$var/wagtail exec "$BENCH/.wagtail-venv/bin/gunicorn" \
            --workers 2 --bind "127.0.0.1:$WAGTAIL_PORT" refsite.wsgi) >"$var/wagtail/gunicorn.log" 2>&1 &
        WAGTAIL_PID=$!
        wait_for "http://127.0.0.1:$WAGTAIL_PORT$wpath" "$WAGTAIL_PID" || die "the Wagtail site did not come up (see $var/wagtail/gunicorn.log)"
        {
            echo "wagtail: $("$WAGTAIL_PY" -c 'import wagtail; print(wagtail.__version__)'), $(("$WAGTAIL_COUNT" + 1)) articles, 2 gunicorn sync workers"
            echo "path: $wpath"
            echo "bytes: $(curl -fsS "http://127.0.0.1:$WAGTAIL_PORT$wpath" | wc -c)"
        } >"$out/wagtail/info.txt"
        measure "http://127.0.0.1:$WAGTAIL_PORT$wpath" "$out/wagtail/article.txt"
        # Masthead's uncached article right after, so that the two compare.
        export PAGE_CACHE_SECONDS=0 SITE_URL=$APP
        start_server uncached "$var/serve-uncached-again.log"
        measure "$APP$article" "$out/wagtail/masthead-article.txt"
        stop_server
        stop_wagtail
    fi

    if [ -n "${CACHE_KEY_PREFIX:-}" ]; then
        # Leave nothing of ours in the shared Redis.
        "$PY" -c 'import sys, redis
r = redis.Redis.from_url(sys.argv[1])
keys = list(r.scan_iter(match=sys.argv[2] + ":*", count=1000))
r.delete(*keys) if keys else None' "$REDIS" "$CACHE_KEY_PREFIX"
    fi
done

"$PY" "$BENCH/report.py" "$RAW" "$BENCH/results/latest.md"
cat "$BENCH/results/latest.md"
