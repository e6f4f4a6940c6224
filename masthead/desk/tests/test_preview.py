"""The preview shows an article exactly as readers will see it, drafts
included, to the newsroom only."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from masthead.articles.models import Article


@pytest.fixture
def draft(make_article):
    return make_article("Entwurf über Brücken", status=Article.Status.DRAFT, age=None)


@pytest.fixture
def scheduled(make_article):
    return make_article("Kommt morgen", age=-timedelta(days=1))


def test_it_previews_a_draft_for_the_newsroom(editor_client, draft):
    response = editor_client.get(reverse("desk:article_preview", args=[draft.pk]))
    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert "Entwurf über Brücken" in page
    assert "Der Rat hat am Dienstag den Haushalt beschlossen." in page
    assert 'class="preview-banner"' in page
    assert '<meta name="robots" content="noindex">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_it_previews_a_scheduled_article(editor_client, scheduled):
    response = editor_client.get(reverse("desk:article_preview", args=[scheduled.pk]))
    assert response.status_code == 200
    assert "Kommt morgen" in response.content.decode()


def test_it_renders_the_preview_in_the_article_language(editor_client, make_article):
    article = make_article("Bridges of Europe", language="en", status=Article.Status.DRAFT)
    editor_client.cookies["django_language"] = "de"
    response = editor_client.get(reverse("desk:article_preview", args=[article.pk]))
    assert '<html lang="en" dir="ltr">' in response.content.decode()


def test_it_sends_anonymous_visitors_to_sign_in(client, draft):
    response = client.get(reverse("desk:article_preview", args=[draft.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("desk:login"))


def test_it_refuses_users_who_are_not_staff(client, outsider, draft):
    client.force_login(outsider)
    response = client.get(reverse("desk:article_preview", args=[draft.pk]))
    assert response.status_code == 403
    assert "Entwurf über Brücken" not in response.content.decode()


def test_it_never_shows_a_draft_at_its_public_address(client, draft, scheduled):
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_it_answers_404_for_an_unknown_article(editor_client):
    assert editor_client.get(reverse("desk:article_preview", args=[999])).status_code == 404


def test_the_preview_costs_the_same_few_queries_however_many_articles(
    editor_client, make_article, make_tag, assert_num_queries
):
    tag = make_tag("Haushalt")
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None, tags=[tag])
    for number in range(5):
        make_article(f"Anderer Artikel {number}")
    url = reverse("desk:article_preview", args=[draft.pk])
    # Expect 13 queries:
    # 1-2. the session and the signed-in user;
    # 3. two-factor sign-in: whether the user has an authenticator;
    # 4. the user's groups (the role, for rules.can);
    # 5. two-factor sign-in: whether the user's role requires it;
    # 6. this article with its section (for_listing());
    # 7-9. its byline with the authors, its tags, its corrections (prefetched);
    # 10. its other language versions (hreflang links);
    # 11. the section menu;
    # 12. the recent articles beside it;
    # 13. breaking news (the banner of every page).
    # None of them reads every article (article_for took the queryset as a
    # boolean, which ran it over the whole table with its prefetches).
    # With Redis, the session comes from the cache (cached_db): one fewer.
    from_cache = settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    with assert_num_queries(13 - from_cache):
        response = editor_client.get(url)
    assert response.status_code == 200
