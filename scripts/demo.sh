#!/usr/bin/env bash
# Set up and run the demo site: fresh SQLite database under ./var/, demo
# content, an admin login printed, served on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh requirements.txt
exec .venv/bin/masthead demo "$@"
