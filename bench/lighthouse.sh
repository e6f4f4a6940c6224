#!/usr/bin/env bash
# Lighthouse (mobile) on the demo's showcase article: a lead image, three
# body pictures (one full width), a gallery of three and a YouTube embed
# (issue 11's target: 100 in performance, accessibility, best practices and
# SEO; no layout shift, CLS 0).
#
# A fresh demo site in bench/.var/lighthouse (`masthead demo --no-serve
# --fresh`, which also makes its pictures' renditions), then `masthead serve` on
# 127.0.0.1:8104 with 2 workers and production settings (DEBUG off), and
# Lighthouse 12 from npm (installed into .cache/npm when missing) in
# Debian's headless Chromium, mobile preset (the default: a Moto G Power
# sized screen, simulated slow 4G and 4x CPU slowdown), once per language
# version of the showcase article, LH_RUNS times each (5): Lighthouse's
# simulated timings vary from run to run, and its documentation says to
# take the median of several runs. Prints every run's scores, then the
# median run's four scores, CLS, LCP, image bytes and the audits that did
# not pass; keeps the JSON reports in bench/results/lighthouse/.
#
# Knobs (environment): MIN_SCORE (100: every category of every page must
# reach it in the median run, else the exit status is 1), LH_RUNS (5), LH_PORT (8104), LH_LANGUAGES
# ("de en"), CHROME_PATH (/usr/bin/chromium), LH_PRESET (mobile, or
# desktop).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
VAR=$ROOT/bench/.var/lighthouse
OUT=$ROOT/bench/results/lighthouse
MASTHEAD=$ROOT/.venv/bin/masthead
PY=$ROOT/.venv/bin/python
LIGHTHOUSE=$ROOT/.cache/npm/node_modules/.bin/lighthouse
PORT=${LH_PORT:-8104}
APP=http://127.0.0.1:$PORT
MIN_SCORE=${MIN_SCORE:-100}
LANGUAGES=${LH_LANGUAGES:-de en}
RUNS=${LH_RUNS:-5}
PRESET=${LH_PRESET:-mobile}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

log() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'lighthouse: %s\n' "$*" >&2; exit 2; }

# --- tools -----------------------------------------------------------------
[ -x "$PY" ] || die "no .venv: run scripts/bootstrap.sh requirements.txt first"
[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH (apt-get install chromium, or set CHROME_PATH)"
command -v curl >/dev/null || die "curl is missing"
if [ ! -x "$LIGHTHOUSE" ]; then
    command -v npm >/dev/null || die "npm is missing (apt-get install npm)"
    log "Installing Lighthouse 12 into .cache/npm"
    mkdir -p .cache/npm
    npm install --silent --no-audit --no-fund --prefix .cache/npm lighthouse@12 >/dev/null
fi

# --- the server we start, and stopping it ------------------------------------
SERVER_PID=
PROFILE=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        # granian's main process and the jobs worker beside it (none here) stop
        # on SIGTERM to the master.
        kill -TERM "$SERVER_PID"
        for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=
}
cleanup() { stop_server; [ -z "$PROFILE" ] || rm -rf "$PROFILE"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_free "$PORT" || die "127.0.0.1:$PORT is in use"

wait_for() {  # URL PID: until URL answers 2xx, while PID lives
    for _ in $(seq 600); do
        curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# --- the site ----------------------------------------------------------------
rm -rf "$VAR" "$OUT"
mkdir -p "$VAR" "$OUT"
unset REDIS_URL CACHE_KEY_PREFIX DATABASE_URL MEDIA_ROOT PAGE_FILES_DIR
export MASTHEAD_VAR_DIR=$VAR DJANGO_SETTINGS_MODULE=masthead.settings
export DEBUG=false LOG_LEVEL=WARNING MASTHEAD_JOBS=database
export SECRET_KEY="lighthouse-$(date +%s)-not-secret" ALLOWED_HOSTS=127.0.0.1 SITE_URL=$APP

log "A fresh demo site in ${VAR#"$ROOT"/}"
"$MASTHEAD" demo --no-serve --fresh >"$VAR/demo.log"
# What `masthead demo` sets for itself (masthead/cli.py): its own database
# and uploads; the server below uses the same.
export DATABASE_URL=sqlite:///$VAR/demo.sqlite3 MEDIA_ROOT=$VAR/demo-media

"$MASTHEAD" shell --verbosity 0 -c '
from django_tasks_db.models import DBTaskResult
from django_tasks.base import TaskResultStatus
left = DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).count()
print(f"   jobs not done: {left}")
raise SystemExit(1 if left else 0)' >&2 || die "some jobs did not run (see the desk's jobs page)"

urls=$("$MASTHEAD" shell --verbosity 0 -c '
from masthead.articles.models import Article
from masthead.demo import content
for language, version in content.SHOWCASE["versions"].items():
    article = Article.objects.get(language=language, slug=version["slug"])
    print(language, article.get_absolute_url())
' 2>&1) || die "could not find the showcase article: $urls"
# `shell -c` takes no extra arguments: pick the languages here.
urls=$(awk -v want=" $LANGUAGES " 'index(want, " " $1 " ")' <<<"$urls")
[ -n "$urls" ] || die "no showcase article in the languages \"$LANGUAGES\""

log "masthead serve on $APP, 2 workers, DEBUG off"
(exec "$MASTHEAD" serve --bind "127.0.0.1:$PORT" --workers 2 --no-jobs-worker) >"$VAR/serve.log" 2>&1 &
SERVER_PID=$!
wait_for "$APP/de/" "$SERVER_PID" || { cat "$VAR/serve.log" >&2; die "masthead serve did not come up"; }

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpus: $(nproc), $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
    echo "chromium: $("$CHROME_PATH" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1)"
    echo "lighthouse: $("$LIGHTHOUSE" --version)"
    echo "preset: $PRESET"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# --- Lighthouse --------------------------------------------------------------
preset=()
[ "$PRESET" = desktop ] && preset=(--preset=desktop)
status=0
while read -r language path; do
    url=$APP$path
    # The page as a reader gets it the first time: from the page cache,
    # which this request fills (Lighthouse measures a warm server).
    curl -fsS -o /dev/null "$url"
    log "$language: $url ($RUNS runs)"
    reports=()
    for run in $(seq "$RUNS"); do
        report=$OUT/$language-$run.json
        # A second try when Chromium's trace comes back broken (NO_NAVSTART and
        # the like happen now and then on a busy machine).
        for try in 1 2; do
            PROFILE=$(mktemp -d)
            flags="--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
            flags+=" --disable-component-update --disable-sync --disable-dev-shm-usage --user-data-dir=$PROFILE"
            if ! "$LIGHTHOUSE" "$url" --quiet --output=json --output-path="$report" "${preset[@]}" \
                --only-categories=performance,accessibility,best-practices,seo \
                --chrome-flags="$flags" --max-wait-for-load=45000 >"$OUT/$language-$run.log" 2>&1; then
                cat "$OUT/$language-$run.log" >&2
                die "Lighthouse did not run on $url"
            fi
            rm -rf "$PROFILE"
            PROFILE=
            grep -q '"runtimeError"' "$report" || break
            [ "$try" = 2 ] || log "$language: Lighthouse's trace was broken; once more"
        done
        reports+=("$report")
    done
    "$PY" "$ROOT/bench/lighthouse_report.py" "$MIN_SCORE" "${reports[@]}" || status=1
done <<<"$urls"
exit $status
