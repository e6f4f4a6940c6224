"""An editor writes a new article in the newsroom."""

from datetime import timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.articles.models import Article


def test_it_publishes_a_new_article_on_the_home_page_and_in_the_feed(client, post_article):
    response = post_article(headline="Der Rat beschließt den Haushalt")
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:article_edit", args=[article.pk])
    assert article.slug == "der-rat-beschliesst-den-haushalt"
    assert article.is_public
    assert article.publish_at <= timezone.now()

    client.logout()
    assert "Der Rat beschließt den Haushalt" in client.get("/de/").content.decode()
    assert "Der Rat beschließt den Haushalt" in client.get("/de/feed/rss/").content.decode()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_it_shows_a_success_message_on_the_edit_page(post_article):
    response = post_article(follow=True, headline="Neue Brücke eröffnet")
    assert response.status_code == 200
    assert response.templates[0].name == "desk/article_form.html"
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1
    assert "Neue Brücke eröffnet" in messages[0]


def test_it_keeps_a_draft_from_readers(client, post_article, editor):
    post_article(headline="Noch geheim", _action="save")
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.publish_at is None
    assert article.created_by == editor

    preview = client.get(reverse("desk:article_preview", args=[article.pk]))
    assert preview.status_code == 200
    assert "Noch geheim" in preview.content.decode()

    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Noch geheim" not in client.get("/de/").content.decode()
    assert "Noch geheim" not in client.get("/de/feed/rss/").content.decode()


def test_it_schedules_an_article_with_a_publish_time_to_come(client, post_article):
    later = timezone.localtime() + timedelta(days=2)
    post_article(headline="Morgen früh", publish_at=later.strftime("%Y-%m-%dT%H:%M"))
    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == later.replace(second=0, microsecond=0)
    assert not article.is_public
    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_it_uses_a_slug_the_editor_typed(post_article):
    post_article(slug="haushalt-2027")
    assert Article.objects.get().slug == "haushalt-2027"


def test_it_writes_in_the_chosen_language(post_article, science):
    post_article(language="en", headline="Council passes the budget", section=science.pk)
    article = Article.objects.get()
    assert article.language == "en"
    assert article.section == science
    assert article.get_absolute_url() == "/en/article/council-passes-the-budget/"


def test_it_starts_the_form_in_the_language_asked_for(editor_client):
    page = editor_client.get(reverse("desk:article_create"), {"language": "en"})
    assert page.context["form"]["language"].value() == "en"
    page = editor_client.get(reverse("desk:article_create"), {"language": "xx"})
    assert page.context["form"]["language"].value() == "de"


def test_it_saves_the_standfirst_excerpt_and_section(post_article, science):
    post_article(standfirst="Kurz gesagt.", excerpt="Für Listen.", section=science.pk)
    article = Article.objects.get()
    assert (article.standfirst, article.excerpt, article.section) == (
        "Kurz gesagt.",
        "Für Listen.",
        science,
    )


@pytest.mark.parametrize("button", ["save", "preview", "submit", "publish"])
def test_it_goes_where_the_button_says(post_article, button):
    response = post_article(_action=button)
    article = Article.objects.get()
    target = "desk:article_preview" if button == "preview" else "desk:article_edit"
    assert response["Location"] == reverse(target, args=[article.pk])


def test_it_submits_a_new_article_for_review(client, contributor, article_data):
    client.force_login(contributor)
    response = client.post(
        reverse("desk:article_create"), article_data(headline="Zur Prüfung", _action="submit")
    )
    article = Article.objects.get()
    assert response["Location"] == reverse("desk:article_edit", args=[article.pk])
    assert (article.status, article.created_by) == (Article.Status.REVIEW, contributor)
    assert not article.is_public


def test_it_refuses_to_publish_for_a_contributor(client, contributor, article_data):
    client.force_login(contributor)
    response = client.post(reverse("desk:article_create"), article_data(_action="publish"))
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_it_saves_the_kicker_and_the_texts_and_picture_for_search_and_social(
    client, post_article, editor_client
):
    from masthead.articles.tests.pictures import make_image
    from masthead.testing import form_data

    card = make_image("karte.jpg")
    post_article(
        kicker="Haushalt 2027",
        seo_title="Haushalt 2027 beschlossen",
        seo_description="Der Stadtrat hat den Haushalt beschlossen.",
        social_headline="Endlich: Der Haushalt steht",
        social_image=card.pk,
    )
    article = Article.objects.get()
    assert (article.kicker, article.seo_title, article.social_headline) == (
        "Haushalt 2027", "Haushalt 2027 beschlossen", "Endlich: Der Haushalt steht",
    )  # fmt: skip
    assert article.seo_description == "Der Stadtrat hat den Haushalt beschlossen."
    assert article.social_image == card

    # The form shows them again, the chosen picture checked, in the article's language.
    page = lxml.html.fromstring(
        editor_client.get(reverse("desk:article_edit", args=[article.pk])).content
    )
    assert page.xpath('//input[@name="social_image"][@checked]/@value') == [str(card.pk)]
    assert page.xpath('//input[@name="kicker"]/@value') == ["Haushalt 2027"]
    for name in ("kicker", "seo_title", "seo_description", "social_headline"):
        assert page.xpath(f'//*[@name="{name}"]/@lang') == ["de"], name

    # Choosing "the lead image" again clears the picture of its own.
    editor_client.post(
        reverse("desk:article_edit", args=[article.pk]), form_data(article, social_image="")
    )
    article.refresh_from_db()
    assert article.social_image is None
    assert article.kicker == "Haushalt 2027"
