"""Writing through the API: drafts, updates with optimistic concurrency,
review and publishing, by the desk's services; bad input is a 422 with a
message per field, never a 500, and saves nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.models import Article, Revision
from masthead.articles.tests.pictures import make_image, picture
from masthead.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_editor(bearer, editor):
    return bearer(editor)


def post(client, url, data, headers):
    return client.post(url, data, content_type="application/json", **headers)


def patch(client, url, data, headers, **extra):
    return client.patch(url, data, content_type="application/json", **headers, **extra)


def draft_data(world, author, **fields):
    return {"language": "de", "headline": "Neu im Rat", "section": world.pk,
            "authors": [author.pk], "body": "<p>Text</p>", **fields}  # fmt: skip


def test_it_creates_a_draft_through_the_service(client, world, author, as_editor, editor):
    response = post(client, "/api/v1/articles", draft_data(world, author), as_editor)
    assert response.status_code == 201, response.content
    data = response.json()
    article = Article.objects.get(pk=data["id"])
    assert article.status == "draft" and data["status"] == "draft"
    assert article.created_by == editor
    assert article.slug == "neu-im-rat"
    assert Revision.objects.filter(article=article).count() == 1
    assert AuditEntry.objects.filter(action="create", article_id=article.pk, actor=editor).exists()
    assert response["ETag"].startswith(f'"a{article.pk}v1-')


def test_it_sanitises_the_body(client, world, author, as_editor):
    body = '<p onclick="steal()">Hallo</p><script>alert(1)</script><img src=x onerror=y>'
    response = post(client, "/api/v1/articles", draft_data(world, author, body=body), as_editor)
    article = Article.objects.get(pk=response.json()["id"])
    assert "script" not in article.body and "onclick" not in article.body
    assert "onerror" not in article.body


def test_it_refuses_unknown_references_and_bad_fields_with_422(client, world, author, as_editor):
    cases = [
        (draft_data(world, author, section=999999), "section"),
        (draft_data(world, author, authors=[999999]), "authors"),
        (draft_data(world, author, topics=[999999]), "topics"),
        (draft_data(world, author, lead_image=999999), "lead_image"),
        (draft_data(world, author, language="xx"), "language"),
        (draft_data(world, author, headline=""), "headline"),
        (draft_data(world, author, headline="x" * 201), "headline"),
        ({"headline": "Nur ein Titel"}, "language"),
    ]
    for data, field in cases:
        response = post(client, "/api/v1/articles", data, as_editor)
        assert response.status_code == 422, (field, response.content)
        assert field in [e["field"] for e in response.json()["errors"]], response.json()
    assert not Article.objects.exists()


def test_it_answers_malformed_json_with_400(client, as_editor):
    response = client.post("/api/v1/articles", "{not json", content_type="application/json",
                           **as_editor)  # fmt: skip
    assert response.status_code == 400
    assert response.json()["detail"]


def test_it_updates_with_the_etag_in_if_match(client, make_article, as_editor, editor):
    article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    etag = client.get(f"/api/v1/articles/{article.pk}", **as_editor)["ETag"]
    response = patch(client, f"/api/v1/articles/{article.pk}", {"headline": "Geändert"},
                     as_editor, HTTP_IF_MATCH=etag)  # fmt: skip
    assert response.status_code == 200, response.content
    article.refresh_from_db()
    assert article.headline == "Geändert"
    assert article.version == 2
    assert response.json()["version"] == 2
    # What was left out stays as it was.
    assert article.bylines.count() == 1
    assert article.body.startswith("<p>Der Rat")


def test_a_stale_update_answers_412_and_saves_nothing(client, make_article, as_editor, editor):
    article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    etag = client.get(f"/api/v1/articles/{article.pk}", **as_editor)["ETag"]
    patch(client, f"/api/v1/articles/{article.pk}", {"headline": "Erst"}, as_editor,
          HTTP_IF_MATCH=etag)  # fmt: skip
    response = patch(client, f"/api/v1/articles/{article.pk}", {"headline": "Dann"}, as_editor,
                     HTTP_IF_MATCH=etag)  # fmt: skip
    assert response.status_code == 412
    assert response["ETag"].startswith(f'"a{article.pk}v2-')
    article.refresh_from_db()
    assert article.headline == "Erst"
    # The version in the body does the same.
    response = patch(client, f"/api/v1/articles/{article.pk}", {"headline": "X", "version": 1},
                     as_editor)  # fmt: skip
    assert response.status_code == 412


def test_an_update_without_a_version_answers_428(client, make_article, as_editor, editor):
    article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    response = patch(client, f"/api/v1/articles/{article.pk}", {"headline": "X"}, as_editor)
    assert response.status_code == 428
    article.refresh_from_db()
    assert article.headline != "X"


def test_it_submits_and_publishes(client, make_article, as_editor, editor):
    article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    response = post(client, f"/api/v1/articles/{article.pk}/submit", {}, as_editor)
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "review"
    response = post(client, f"/api/v1/articles/{article.pk}/publish", {}, as_editor)
    assert response.json()["status"] == "published"
    article.refresh_from_db()
    assert article.is_public
    assert client.get(f"/api/v1/articles/{article.pk}").status_code == 200
    actions = AuditEntry.objects.filter(article_id=article.pk).values_list("action", flat=True)
    assert {"submit", "publish"} <= set(actions)


def test_it_schedules_for_a_time_to_come(client, make_article, as_editor, editor):
    article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    at = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    response = post(client, f"/api/v1/articles/{article.pk}/publish", {"at": at.isoformat()},
                    as_editor)  # fmt: skip
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "scheduled"
    article.refresh_from_db()
    assert article.publish_at == at
    assert client.get(f"/api/v1/articles/{article.pk}").status_code == 404


def test_it_refuses_to_publish_pictures_without_alt_text(client, make_article, as_editor, editor):
    image = make_image(alt={})
    article = make_article(status=Article.Status.DRAFT, age=None, user=editor,
                           body=f"<p>Text</p>{picture(image)}")  # fmt: skip
    response = post(client, f"/api/v1/articles/{article.pk}/publish", {}, as_editor)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"
    article.refresh_from_db()
    assert article.status == "draft"


def test_a_token_without_the_scope_is_refused(client, make_article, bearer, editor, world, author):
    reader = bearer(editor, "read:drafts")
    article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
    assert post(client, "/api/v1/articles", draft_data(world, author), reader).status_code == 403
    response = post(client, f"/api/v1/articles/{article.pk}/publish", {}, reader)
    assert response.status_code == 403
    assert "publish" in response.json()["detail"]
    writer = bearer(editor, "write:articles")
    assert post(client, f"/api/v1/articles/{article.pk}/publish", {}, writer).status_code == 403
    article.refresh_from_db()
    assert article.status == "draft"


def test_a_token_that_writes_finds_the_drafts_it_writes_without_read_drafts(
    client, bearer, reporter, world, author
):
    writer = bearer(reporter, "write:articles")
    response = post(client, "/api/v1/articles", draft_data(world, author), writer)
    assert response.status_code == 201, response.content
    pk, etag = response.json()["id"], response["ETag"]
    response = patch(client, f"/api/v1/articles/{pk}", {"kicker": "Rat"}, writer,
                     HTTP_IF_MATCH=etag)  # fmt: skip
    assert response.status_code == 200, response.content
    assert post(client, f"/api/v1/articles/{pk}/submit", {}, writer).status_code == 200
    publisher = bearer(reporter, "publish")
    response = post(client, f"/api/v1/articles/{pk}/publish", {}, publisher)
    assert response.status_code == 200, response.content
    # Reading a draft still needs read:drafts.
    assert client.get("/api/v1/articles?status=draft", **writer).status_code == 403


def test_an_old_address_of_another_article_is_not_taken(client, world, author, as_editor):
    from masthead.articles.models import SlugRedirect

    renamed = post(client, "/api/v1/articles", draft_data(world, author, slug="wahl"), as_editor)
    article = Article.objects.get(pk=renamed.json()["id"])
    article.slug = "wahl-2026"
    article.save()
    SlugRedirect.objects.create(language="de", slug="wahl", article=article)

    response = post(client, "/api/v1/articles", draft_data(world, author, slug="wahl"), as_editor)
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["field"] == "slug"
    assert SlugRedirect.objects.get(language="de", slug="wahl").article == article
    assert Article.objects.count() == 1
