"""The OpenAPI 3.1 schema and the interactive documentation, served from
the site itself under its Content-Security-Policy."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_it_serves_an_openapi_3_1_schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    for path in ("/api/v1/articles", "/api/v1/articles/{pk}", "/api/v1/sections",
                 "/api/v1/topics", "/api/v1/authors", "/api/v1/media",
                 "/api/v1/corrections", "/api/v1/articles/{pk}/publish"):  # fmt: skip
        assert path in paths, path
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    # Reads without a token, writes only with one.
    assert {} in paths["/api/v1/articles"]["get"]["security"]
    assert paths["/api/v1/articles"]["post"]["security"] == [{"TokenAuth": []}]


def test_the_documentation_needs_nothing_from_elsewhere(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert source.startswith("/static/"), source
        assert finders.find(source.removeprefix("/static/")), source
    # No inline script: the settings travel as JSON data, read by a file.
    for match in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.S):
        attributes, content = match.groups()
        assert "src=" in attributes or 'type="application/json"' in attributes
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
