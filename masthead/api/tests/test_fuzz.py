"""The API fuzzed from its own OpenAPI schema (schemathesis), over HTTP
against a live server: whatever a client sends, no answer is a 500, and
every answer (its status, content type and body) is one the schema
promises. Reads are fuzzed anonymously, writes with a token that has every
scope. A fixed number of examples per operation and a fixed seed
(``derandomize``) keep it short and the same on every run."""

from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from masthead.api import services
from masthead.api.api import api
from masthead.articles.tests.pictures import make_image
from masthead.media import renditions

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES = 15


@pytest.fixture
def newsroom(transactional_db, make_article, make_tag, editor, settings):
    # Throttling has its own tests; here it would turn answers into 429s.
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 0
    settings.API_REQUESTS_PER_MINUTE = 0
    image = make_image(width=400, height=300)
    renditions.make_renditions(image)
    tag = make_tag("Haushalt")
    for n in range(3):
        make_article(f"Meldung {n}", tags=[tag], lead_image=image, age=timedelta(hours=n + 1))
    make_article("Entwurf", status="draft", age=None, user=editor)
    _token, text = services.create_token("Fuzz", editor, ["read:drafts", "write:articles",
                                                          "publish", "media:write"])  # fmt: skip
    return {"Authorization": f"Bearer {text}"}


def _schema():
    return schemathesis.openapi.from_dict(api.get_openapi_schema())


def operations(write: bool):
    found = []
    for result in _schema().get_all_operations():
        operation = result.ok()
        if (operation.method.upper() != "GET") is write:
            found.append(f"{operation.method.upper()} {operation.path}")
    return sorted(found)


def fuzz(label: str, base_url: str, headers: dict | None = None) -> None:
    method, path = label.split(" ", 1)
    operation = _schema()[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        response = case.call(base_url=base_url, headers=headers)
        case.validate_response(response, checks=CHECKS)

    run()


def fuzz_all(labels: list[str], base_url: str, headers: dict | None = None) -> None:
    """Every operation in turn, in one test (one database set-up and
    flush, the slow part), naming each that fails."""
    failures = []
    for label in labels:
        try:
            fuzz(label, base_url, headers)
        except Exception as error:  # noqa: BLE001 (collected, reported below)
            failures.append(f"{label}: {error}")
    assert not failures, "\n\n".join(failures)


def test_reads_anonymously(newsroom, live_server):
    labels = operations(write=False)
    assert len(labels) >= 10
    fuzz_all(labels, live_server.url)


def test_writes_with_a_token(newsroom, live_server):
    labels = operations(write=True)
    assert len(labels) >= 5
    fuzz_all(labels, live_server.url, newsroom)
