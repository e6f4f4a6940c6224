"""Tests that look at Masthead from the outside (tests/browser: real Chromium,
the Nu Html Checker and axe-core). App tests live beside their apps; the
shared fixtures are in the repository's root conftest.py."""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory):
    """The real `masthead demo --no-serve`, run once for the whole session
    in a var folder of its own: (the folder, what it printed). Building the
    demo takes a minute (most of it the pictures' renditions), and several
    modules need a demo site: each works on a copy (``copy_demo``).

    The two passes of `make test` run at once and would build the same
    SQLite site twice: with MASTHEAD_TEST_SHARED (scripts/test.sh sets it,
    a folder of this run of the suite) the first pass to get there builds
    it, and the other waits for it and copies it."""
    shared = os.environ.get("MASTHEAD_TEST_SHARED")
    if not shared:
        return _build_demo(tmp_path_factory.mktemp("built-demo") / "var")
    folder = Path(shared)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other pass waits here while one builds
        printed = folder / "demo.out"
        if not printed.exists():
            _var, output = _build_demo(folder / "demo")
            printed.write_text(output)
    var = tmp_path_factory.mktemp("built-demo") / "var"
    shutil.copytree(folder / "demo", var)
    return var, printed.read_text()


def _build_demo(var: Path) -> tuple[Path, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "MASTHEAD_DEMO_PASSWORD")
    }
    result = subprocess.run(
        [MASTHEAD, "demo", "--no-serve"],
        env=env | {"MASTHEAD_VAR_DIR": str(var)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return var, result.stdout


@pytest.fixture(scope="session")
def copy_demo(built_demo):
    """``copy_demo(var)``: a copy of the session's demo site in the new
    folder ``var`` (its database, media and password), for one test or
    module to change as it likes. Run `masthead demo` on it to set another
    password: it keeps the site and takes MASTHEAD_DEMO_PASSWORD."""

    def copy(var: Path) -> Path:
        shutil.copytree(built_demo[0], var)
        return var

    return copy
