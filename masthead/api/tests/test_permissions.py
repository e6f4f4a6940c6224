"""The permission table holds for the API as for the desk: every persona,
on their own and on others' articles in every state, may do over the API
exactly what expected.py (the table written out by hand) allows; a
refused request changes nothing. The token has every scope: the scopes
only narrow what the member may do, they never widen it."""

from datetime import timedelta

import pytest

from masthead.accounts import rules
from masthead.accounts.tests import expected
from masthead.articles.models import Article, ArticleAuthor, Revision
from masthead.audit.models import AuditEntry
from masthead.testing import make_user

PUBLIC = ("scheduled", "published")


def snapshot() -> dict:
    return {
        "articles": list(Article.objects.order_by("pk").values()),
        "bylines": list(ArticleAuthor.objects.order_by("pk").values()),
        "revisions": list(Revision.objects.order_by("pk").values()),
        # Every request a token signs is audited; the rest must not change.
        "audit": list(
            AuditEntry.objects.exclude(action=AuditEntry.Action.API_REQUEST).order_by("pk").values()
        ),
    }


@pytest.fixture
def someone_else(db):
    return make_user("sam", "reporter")


@pytest.fixture
def article_in(make_article):
    def make(state, created_by):
        status, age = {
            "draft": ("draft", None),
            "review": ("review", None),
            "scheduled": ("published", -timedelta(days=1)),
            "published": ("published", timedelta(hours=1)),
            "unpublished": ("unpublished", timedelta(days=1)),
        }[state]
        return make_article(
            f"Artikel {state}", status=status, age=age, created_by=created_by, slug=state
        )

    return make


# (the request, the actions it needs, and those it needs on a public article)
ROUTES = {
    "edit": (
        lambda client, a, h: client.patch(
            f"/api/v1/articles/{a.pk}",
            {"headline": "Geändert", "version": a.version},
            content_type="application/json",
            **h,
        ),  # fmt: skip
        (rules.VIEW, rules.EDIT),
        (),
    ),
    "submit": (
        lambda client, a, h: client.generic("POST", f"/api/v1/articles/{a.pk}/submit", **h),
        (rules.SUBMIT,),
        (rules.UNPUBLISH,),
    ),
    "publish": (
        lambda client, a, h: client.generic("POST", f"/api/v1/articles/{a.pk}/publish", **h),
        (rules.PUBLISH,),
        (),
    ),
}


@pytest.mark.parametrize("state", expected.STATES)
@pytest.mark.parametrize("own", [True, False], ids=["own", "other"])
@pytest.mark.parametrize("role", expected.ROLES)
@pytest.mark.parametrize("route", list(ROUTES))
def test_article_writes(client, persona, someone_else, article_in, bearer, role, own, state, route):
    send, actions, when_public = ROUTES[route]
    user = persona(role)
    article = article_in(state, created_by=user if own else someone_else)
    headers = bearer(user)
    needed = actions + (when_public if state in PUBLIC else ())
    allowed = all(expected.allowed(action, role, own, state) for action in needed)
    before = snapshot()
    response = send(client, article, headers)
    if allowed:
        assert response.status_code == 200, response.content
    else:
        assert response.status_code in (403, 404), response.content
        assert response.json()["detail"]
        assert snapshot() == before


@pytest.mark.parametrize("role", expected.ROLES)
def test_creating_a_draft(client, persona, world, author, bearer, role):
    user = persona(role)
    draft = {"language": "de", "headline": "Neu", "section": world.pk, "authors": [author.pk]}
    response = client.post("/api/v1/articles", draft, content_type="application/json",
                           **bearer(user))  # fmt: skip
    allowed = expected.allowed(rules.CREATE, role)
    assert response.status_code == (201 if allowed else 403), response.content
    assert Article.objects.exists() is allowed


@pytest.mark.parametrize("role", expected.ROLES)
def test_reading_drafts(client, persona, someone_else, article_in, bearer, role):
    """A token with read:drafts opens what its member may open in the desk."""
    user = persona(role)
    own, other = article_in("draft", created_by=user), None
    other = Article.objects.get(pk=article_in("review", created_by=someone_else).pk)
    headers = bearer(user, "read:drafts")
    for article, is_own in ((own, True), (other, False)):
        response = client.get(f"/api/v1/articles/{article.pk}", **headers)
        may = expected.allowed(rules.VIEW, role, is_own, article.status)
        assert response.status_code == (200 if may else 404)
    listed = {
        a["id"] for a in client.get("/api/v1/articles?status=review", **headers).json()["results"]
    }
    assert (other.pk in listed) is expected.allowed(rules.VIEW, role, False, "review")


def test_an_outsider_token_may_not_write(client, outsider, world, author, bearer):
    draft = {"language": "de", "headline": "Neu", "section": world.pk, "authors": [author.pk]}
    response = client.post("/api/v1/articles", draft, content_type="application/json",
                           **bearer(outsider))  # fmt: skip
    assert response.status_code == 403
    assert not Article.objects.exists()
