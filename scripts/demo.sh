#!/usr/bin/env bash
# Set up and run the demo site: its own SQLite database under ./var/ (kept
# between runs; `scripts/demo.sh --fresh` starts over), demo content on the
# first run, the login printed, served on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements.txt
exec .venv/bin/masthead demo "$@"
