"""The browser suite's live server reports when it is idle, so that the
database is emptied after a test only once no request is running against it
(tests/browser/conftest.py: new_page)."""

import socket
import threading

import pytest
from browser_helpers import wait_until_idle

pytestmark = pytest.mark.browser


def test_it_waits_for_a_request_in_flight(live_server):
    # A request whose headers have not all arrived: the server is on it.
    client = socket.create_connection((live_server.thread.host, live_server.thread.port))
    client.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: localhost\r\n")
    waiting = threading.Thread(target=wait_until_idle, args=(live_server,))
    waiting.start()
    waiting.join(timeout=1)
    assert waiting.is_alive()  # still waiting, however long that took
    client.sendall(b"Connection: close\r\n\r\n")
    response = b""
    while chunk := client.recv(65536):
        response += chunk
    client.close()
    assert response.startswith(b"HTTP/1.1 200")
    waiting.join(timeout=60)
    assert not waiting.is_alive()
    assert live_server.thread.httpd.open_connections == 0
