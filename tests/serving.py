"""Helpers for the tests that run Masthead in processes of its own
(`masthead serve`, `masthead shell`) and talk to them over HTTP."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.utils.datastructures import CaseInsensitiveMapping

MASTHEAD = str(Path(sys.executable).with_name("masthead"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shell(env: dict, script: str, timeout: float = 120) -> str:
    """Run ``script`` in `masthead shell` with ``env``; its output."""
    result = subprocess.run(
        [MASTHEAD, "shell", "--no-imports", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def fetch(url: str, headers: dict | None = None) -> tuple[int, CaseInsensitiveMapping, bytes]:
    """GET ``url``: status, headers (any case: the server sends them in
    lower case) and body (an error status too)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            response_headers = CaseInsensitiveMapping(response.headers.items())
            return response.status, response_headers, response.read()
    except urllib.error.HTTPError as e:
        return e.code, CaseInsensitiveMapping(e.headers.items()), e.read()


def get(url: str, headers: dict | None = None) -> tuple[int, CaseInsensitiveMapping, str]:
    """``fetch``, the body as text."""
    status, response_headers, body = fetch(url, headers)
    return status, response_headers, body.decode()


def serve(env: dict, port: int, log: Path, *arguments: str) -> subprocess.Popen:
    """Start `masthead serve` on ``port`` and wait until it answers."""
    process = subprocess.Popen(
        [MASTHEAD, "serve", "--bind", f"127.0.0.1:{port}", *arguments],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while True:
        try:
            get(f"http://127.0.0.1:{port}/robots.txt")
            return process
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.3)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
