"""Mistakes in the form come back with a message next to the field, and
nothing is saved."""

from django.urls import reverse

from masthead.articles.models import Article
from masthead.testing import form_data


def test_it_asks_for_a_headline(post_article):
    response = post_article(headline="", body="<p>Text ohne Titel</p>")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["headline"]
    assert form["body"].value() == "<p>Text ohne Titel</p>"
    page = response.content.decode()
    assert 'id="id_headline_error"' in page
    assert 'href="#id_headline"' in page  # the summary links to the field
    assert not Article.objects.exists()


def test_it_explains_an_unparseable_publish_time(post_article):
    response = post_article(publish_at="next tuesday-ish", headline="Zeitfrage")
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["publish_at"]
    assert form["publish_at"].value() == "next tuesday-ish"
    page = response.content.decode()
    assert 'id="id_publish_at_error"' in page
    # Shown as typed, in a text box: a date picker would show it empty.
    assert 'type="text" name="publish_at" value="next tuesday-ish"' in page
    assert not Article.objects.exists()


def test_it_asks_for_a_section(post_article):
    response = post_article(section="")
    assert list(response.context["form"].errors) == ["section"]
    assert not Article.objects.exists()


def test_it_refuses_a_language_that_is_not_configured(post_article):
    response = post_article(language="fr")
    assert "language" in response.context["form"].errors
    assert not Article.objects.exists()


def test_it_refuses_the_same_author_twice(post_article, author):
    response = post_article(author_1=author.pk, author_2=author.pk)
    assert list(response.context["form"].errors) == ["author_2"]
    assert not Article.objects.exists()


def test_it_does_not_change_the_article_when_the_edit_is_invalid(make_article, editor_client):
    article = make_article("Vorher")
    response = editor_client.post(
        reverse("desk:article_edit", args=[article.pk]),
        form_data(article, headline="", body="<p>Neu</p>"),
    )
    assert response.status_code == 200
    assert response.context["form"]["body"].value() == "<p>Neu</p>"
    # The rest of the page shows the stored article, not the typed values.
    assert response.context["article"].headline == "Vorher"
    article.refresh_from_db()
    assert article.headline == "Vorher"
    assert article.body == "<p>Der Rat hat am Dienstag den Haushalt beschlossen.</p>"
