"""A story from another system, over real HTTP against a live server, as
the README's curl example does it: a token made on the desk's page, a
picture uploaded, a draft created, changed, published, and read back by
an anonymous reader of the API and of the site."""

import json
import urllib.request
import uuid

import pytest

from masthead.api import services
from masthead.articles.tests.pictures import image_bytes


def call(base, method, path, token=None, body=None, headers=None):
    headers = dict(headers or {})
    data = None
    if isinstance(body, dict):
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    elif isinstance(body, bytes):
        data = body
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (the live server)
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def multipart(fields: dict, file: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="rat.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode()
        + file
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def test_a_story_created_and_published_through_the_api(
    transactional_db, live_server, reporter, world, author
):
    _token, token = services.create_token(
        "Wire desk", reporter, ["write:articles", "publish", "media:write"]
    )
    base = live_server.url

    body, content_type = multipart({"language": "de", "alt": "Der Ratssaal"}, image_bytes(400, 300))
    status, _headers, content = call(base, "POST", "/api/v1/media", token, body,
                                     {"Content-Type": content_type})  # fmt: skip
    assert status == 201, content
    image = json.loads(content)["id"]

    draft = {"language": "de", "headline": "Der Rat beschließt den Haushalt",
             "section": world.pk, "authors": [author.pk], "lead_image": image,
             "body": '<p>Am Dienstag.</p><script>alert(1)</script>'}  # fmt: skip
    status, headers, content = call(base, "POST", "/api/v1/articles", token, draft)
    assert status == 201, content
    article = json.loads(content)
    assert article["status"] == "draft"
    assert "<script" not in article["body"]

    path = f"/api/v1/articles/{article['id']}"
    status, headers, content = call(base, "PATCH", path, token, {"kicker": "Stadtrat"},
                                    {"If-Match": headers["ETag"]})  # fmt: skip
    assert status == 200, content
    # Not yet for readers.
    assert call(base, "GET", path)[0] == 404

    status, _headers, content = call(base, "POST", path + "/publish", token)
    assert status == 200, content
    status, _headers, content = call(base, "GET", path)
    assert status == 200
    public = json.loads(content)
    assert (public["status"], public["kicker"]) == ("published", "Stadtrat")
    assert public["lead_image"]["id"] == image
    page = urllib.request.urlopen(base + public["url"].removeprefix("http://testserver"))  # noqa: S310
    assert "Der Rat beschließt den Haushalt" in page.read().decode()


@pytest.mark.parametrize("header", ["", "Bearer mh_nonsense"])
def test_writes_without_a_good_token_are_refused_over_http(transactional_db, live_server, header):
    headers = {"Authorization": header} if header else {}
    status, response_headers, content = call(live_server.url, "POST", "/api/v1/articles",
                                             body={"headline": "X"}, headers=headers)  # fmt: skip
    assert status == 401
    assert response_headers["Content-Type"].startswith("application/json")
    assert json.loads(content)["detail"]
