"""Real HTTP receivers for the webhooks' tests, each on a free port of
127.0.0.1 in a thread of the test's process: one that answers 200 after
checking the signature with the code README.md gives receivers, one that
is slow, one that fails, and one that accepts the connection and never
answers."""

import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

README = Path(__file__).resolve().parents[3] / "README.md"


def documented_verify():
    """The ``verify`` function of README.md's "Webhooks" section, run as a
    receiver would copy it."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Webhooks", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 (our own README's snippet)
    return namespace["verify"]


class Received:
    def __init__(self, headers: dict, body: bytes, verified: bool):
        self.headers, self.body, self.verified = headers, body, verified


class Receiver:
    """An HTTP server that records what it receives. ``status`` is what it
    answers, after ``delay`` seconds; with ``secret`` it checks each
    request's signature and answers 400 to a wrong one."""

    def __init__(self, status: int = 200, delay: float = 0, secret: str | None = None):
        self.status, self.delay, self.secret = status, delay, secret
        self.received: list[Received] = []
        self.verify = documented_verify()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {k.lower(): v for k, v in self.headers.items()}
                verified = receiver.secret is not None and receiver.verify(
                    receiver.secret, body, headers.get("masthead-signature", "")
                )
                receiver.received.append(Received(headers, body, verified))
                time.sleep(receiver.delay)
                status = receiver.status
                if receiver.secret is not None and not verified:
                    status = 400
                text = b"Stored." if status < 300 else b"Something broke on our side. " * 100
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(text)))
                    self.end_headers()
                    self.wfile.write(text)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/masthead"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class Raw:
    """Answers every connection with ``answer(connection)`` in a thread of
    its own: for receivers no HTTP server would be (one that sends its
    headers a byte at a time, one that answers bytes that are no text)."""

    def __init__(self, answer):
        self.answer = answer
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/hooks"

    def _accept(self):
        self.sock.settimeout(0.1)
        while not self.stopped.is_set():
            try:
                connection, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection):
        try:
            connection.recv(65536)
            self.answer(connection)
        except OSError:
            pass  # the client gave up
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()
        self.sock.close()


def trickle(connection):
    """A status line, then a header a byte every 0.2 s for ten seconds."""
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    for _ in range(50):
        connection.sendall(b"X")
        time.sleep(0.2)


def binary_error(connection):
    """A 500 whose page holds NUL bytes (a binary error page)."""
    body = b"\x00\x01Fehler\x00" * 10
    connection.sendall(
        b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


class Silent(Raw):
    """Accepts connections and reads, but never answers."""

    def __init__(self):
        super().__init__(lambda connection: self.stopped.wait())
