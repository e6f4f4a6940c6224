"""Addresses are unique within a language, now and in the past."""

from django.urls import reverse

from masthead.articles import services
from masthead.articles.models import Article
from masthead.testing import form_data


def test_it_refuses_a_slug_in_use_and_keeps_what_was_typed(make_article, post_article):
    make_article("Alter Artikel", slug="haushalt")
    body = "<p>Ein <strong>langer</strong> Text, den niemand zweimal tippen will.</p>"
    response = post_article(headline="Neuer Artikel", slug="haushalt", body=body)

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["slug"]
    assert Article.objects.count() == 1
    page = response.content.decode()
    # The error sits next to the field, linked to it for screen readers.
    assert 'id="id_slug_error"' in page
    assert 'aria-describedby="id_slug_helptext id_slug_error"' in page
    assert 'aria-invalid="true"' in page
    # Everything typed comes back, the body included.
    assert form["body"].value() == body
    assert "Ein &lt;strong&gt;langer&lt;/strong&gt; Text" in page
    assert 'value="Neuer Artikel"' in page


def test_it_refuses_a_slug_that_still_redirects(make_article, post_article, author):
    article = make_article("Alter Artikel", slug="alt")
    article.slug = "neu"
    services.save_article(article, authors=[author])
    response = post_article(slug="alt")
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors


def test_it_allows_the_same_slug_in_another_language(make_article, post_article, world):
    make_article("Haushalt", slug="budget")
    post_article(language="en", headline="Budget", slug="budget", section=world.pk)
    assert Article.objects.filter(slug="budget").count() == 2


def test_it_makes_a_free_slug_from_the_headline(make_article, post_article):
    make_article("Der Haushalt")
    post_article(headline="Der Haushalt")
    assert Article.objects.latest("id").slug == "der-haushalt-2"


def test_it_refuses_another_articles_slug_when_editing(make_article, editor_client):
    make_article("Eins", slug="eins")
    other = make_article("Zwei", slug="zwei")
    response = editor_client.post(
        reverse("desk:article_edit", args=[other.pk]), form_data(other, slug="eins")
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    other.refresh_from_db()
    assert other.slug == "zwei"


def test_it_keeps_the_article_slug_when_editing(make_article, editor_client):
    article = make_article("Eins", slug="eins")
    response = editor_client.post(
        reverse("desk:article_edit", args=[article.pk]), form_data(article, headline="Eins!")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.slug, article.headline) == ("eins", "Eins!")


def test_it_refuses_a_malformed_slug(post_article):
    response = post_article(slug="nicht erlaubt!")
    assert "slug" in response.context["form"].errors
    assert not Article.objects.exists()
