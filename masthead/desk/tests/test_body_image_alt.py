"""A picture in the text needs a description (alt text) in the article's
language before the article goes to review or to readers. A translation
starts with the source's pictures, whose alt text is in the other language:
the desk says so instead of publishing a picture without one."""

import pytest
from django.urls import reverse

from masthead.articles import services
from masthead.articles.models import Article
from masthead.articles.tests.pictures import gallery, make_image, picture
from masthead.testing import client_for, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation_draft(make_article, editor):
    """An English draft translated from a German article whose picture has
    German alt text only."""
    image = make_image("rat.jpg", alt={"de": "Der Ratssaal"})
    source = make_article(body=f"<p>Text</p>{picture(image)}")
    return services.translate(source, "en", editor)


def test_publishing_from_the_form_asks_for_the_missing_alt_text(translation_draft, editor):
    url = reverse("desk:article_edit", args=[translation_draft.pk])
    response = client_for(editor, "de").post(url, form_data(translation_draft, _action="publish"))
    assert response.status_code == 200
    assert "Das Bild „rat.jpg“ hat noch keine Beschreibung auf Englisch" in response.text
    translation_draft.refresh_from_db()
    assert translation_draft.status == Article.Status.DRAFT


def test_saving_a_draft_is_allowed(translation_draft, editor):
    url = reverse("desk:article_edit", args=[translation_draft.pk])
    response = client_for(editor).post(url, form_data(translation_draft, headline="Council"))
    assert response.status_code == 302


def test_submitting_from_the_form_asks_too(make_article, reporter):
    image = make_image("a.jpg", alt={}), make_image("b.jpg", alt={"en": "B"})
    article = make_article(
        body=gallery(*image), status=Article.Status.DRAFT, age=None, user=reporter
    )
    url = reverse("desk:article_edit", args=[article.pk])
    response = client_for(reporter, "en").post(url, form_data(article, _action="submit"))
    assert response.status_code == 200
    assert "The pictures “a.jpg”, “b.jpg” have no description in German" in response.text


def test_the_publish_button_refuses_too(translation_draft, editor):
    client = client_for(editor, "en")
    url = reverse("desk:article_publish", args=[translation_draft.pk])
    response = client.post(url, follow=True)
    assert "The picture “rat.jpg” has no description in English" in response.text
    translation_draft.refresh_from_db()
    assert translation_draft.status == Article.Status.DRAFT


def test_the_submit_button_refuses_too(translation_draft, editor):
    url = reverse("desk:article_submit", args=[translation_draft.pk])
    client_for(editor).post(url)
    translation_draft.refresh_from_db()
    assert translation_draft.status == Article.Status.DRAFT


def test_with_alt_text_in_the_language_it_publishes(translation_draft, editor):
    image = translation_draft.body_images.get().image
    image.alt["en"] = "The council chamber"
    image.save()
    url = reverse("desk:article_publish", args=[translation_draft.pk])
    client_for(editor).post(url)
    translation_draft.refresh_from_db()
    assert translation_draft.status == Article.Status.PUBLISHED
