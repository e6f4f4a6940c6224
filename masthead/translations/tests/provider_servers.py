"""Local HTTP servers that speak DeepL's and LibreTranslate's documented
APIs (their real servers are out of reach from the test machines).

They "translate" by upper-casing the text outside tags, so that a test
sees which texts went through and that markup came back where it was, and
they record every request. ``server.answer`` makes the next requests fail
the ways real services fail: a refused key, a spent quota, too many
requests, a server error, a time-out, an answer that is not JSON.
"""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def shout(text: str) -> str:
    return re.sub(r"(^|>)([^<]*)", lambda m: m[1] + m[2].upper(), text)


class ProviderServer:
    def __init__(self, kind: str):
        self.kind = kind  # "deepl" or "libretranslate"
        self.requests: list[dict] = []
        self.answer: list[str] = []  # failures to give, one per request, before working again
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                server.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "json": body}
                )
                failure = server.answer.pop(0) if server.answer else ""
                if failure == "timeout":
                    time.sleep(3)
                    return self._send(200, {})
                if failure == "garbage":
                    return self._send(200, b"<html>Bad gateway</html>")
                if failure:
                    return self._send(int(failure), {"message": "no", "error": "no"})
                self._send(200, server.translate(self.path, body, self.headers))

            def _send(self, status, payload):
                raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def translate(self, path: str, body: dict, headers) -> dict:
        if self.kind == "deepl":
            # https://developers.deepl.com/docs/api-reference/translate
            assert path == "/v2/translate"
            assert headers["Authorization"] == "DeepL-Auth-Key secret-key"
            return {
                "translations": [
                    {"detected_source_language": body["source_lang"], "text": shout(t)}
                    for t in body["text"]
                ]
            }
        # https://docs.libretranslate.com/guides/api_usage/
        assert path == "/translate"
        return {"translatedText": [shout(t) for t in body["q"]]}

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
