#!/usr/bin/env bash
# Create .venv in the repository root and install Masthead into it.
# Usage: scripts/bootstrap.sh [requirements file]   (default: requirements.txt)
# Re-running is cheap: packages are installed again only when the
# requirements or pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-requirements.txt}"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "Masthead needs Python 3.11 or newer; $python is $("$python" --version 2>&1)." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv …"
    "$python" -m venv .venv
fi
stamp=".venv/.installed-$(cat "$requirements" requirements.txt pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
    echo "Installing packages from $requirements …"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
    touch "$stamp"
fi
