"""A correction added in the newsroom appears, dated, on the article."""

from django.urls import reverse

from masthead.articles.models import Article


def test_it_adds_a_correction_that_readers_see(editor_client, make_article, client, editor):
    article = make_article()
    response = editor_client.post(
        reverse("desk:correction_add", args=[article.pk]),
        {"correction-text": "  In einer früheren Fassung stand ein falsches Datum.  "},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:article_edit", args=[article.pk])
    correction = article.corrections.get()
    assert correction.text == "In einer früheren Fassung stand ein falsches Datum."
    assert correction.created_by == editor
    article.refresh_from_db()
    assert article.updated_at == correction.created_at

    client.logout()
    page = client.get(article.get_absolute_url()).content.decode()
    assert "In einer früheren Fassung stand ein falsches Datum." in page


def test_it_lists_corrections_with_their_dates_in_the_editor(editor_client, make_article):
    article = make_article()
    editor_client.post(
        reverse("desk:correction_add", args=[article.pk]), {"correction-text": "Name korrigiert."}
    )
    page = editor_client.get(reverse("desk:article_edit", args=[article.pk])).content.decode()
    assert "Name korrigiert." in page
    created = article.corrections.get().created_at
    assert f'<time datetime="{created.isoformat(timespec="minutes")[:16]}' in page


def test_it_asks_for_the_text_of_a_correction(editor_client, make_article):
    article = make_article()
    response = editor_client.post(
        reverse("desk:correction_add", args=[article.pk]), {"correction-text": "   "}
    )
    assert response.status_code == 200
    assert list(response.context["correction_form"].errors) == ["text"]
    assert 'id="id_correction-text_error"' in response.content.decode()
    assert not article.corrections.exists()


def test_it_needs_the_permission_to_add_corrections(client, reporter, make_article):
    article = make_article(status=Article.Status.PUBLISHED)
    client.force_login(reporter)
    response = client.post(
        reverse("desk:correction_add", args=[article.pk]), {"correction-text": "Nein."}
    )
    assert response.status_code == 403
    assert not article.corrections.exists()
