"""Translating a story starts a linked draft in the other language."""

from django.urls import reverse

from masthead.articles.models import Article


def test_it_creates_a_linked_draft_and_opens_it(editor_client, make_article, make_tag, editor):
    make_tag("Haushalt", language="en")
    source = make_article("Der Haushalt steht", tags=[make_tag("Haushalt")])
    response = editor_client.post(reverse("desk:article_translate", args=[source.pk, "en"]))

    draft = Article.objects.get(language="en")
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:translation", args=[draft.pk])
    assert draft.translation_key == source.translation_key
    assert draft.status == Article.Status.DRAFT
    assert draft.headline == "Der Haushalt steht"
    assert draft.byline_authors == source.byline_authors
    assert draft.created_by == editor
    assert [t.language for t in draft.tags.all()] == ["en"]


def test_it_opens_the_existing_version_instead_of_a_second_one(editor_client, make_article):
    source = make_article()
    url = reverse("desk:article_translate", args=[source.pk, "en"])
    first = editor_client.post(url)
    second = editor_client.post(url)
    assert first["Location"] == second["Location"]
    assert Article.objects.filter(language="en").count() == 1


def test_it_knows_only_the_other_content_languages(editor_client, make_article):
    source = make_article()
    for language in ("fr", "de", "xx-yy"):
        url = reverse("desk:article_translate", args=[source.pk, language])
        assert editor_client.post(url).status_code == 404
    assert Article.objects.count() == 1


def test_it_translates_with_a_post_only(editor_client, make_article):
    source = make_article()
    url = reverse("desk:article_translate", args=[source.pk, "en"])
    assert editor_client.get(url).status_code == 405
    assert Article.objects.count() == 1


def test_it_offers_to_translate_into_missing_languages(editor_client, make_article):
    source = make_article()
    url = reverse("desk:article_translate", args=[source.pk, "en"])
    for page in (
        editor_client.get(reverse("desk:articles")),
        editor_client.get(reverse("desk:article_edit", args=[source.pk])),
    ):
        assert f'action="{url}"' in page.content.decode()
    editor_client.post(url)
    version = Article.objects.get(language="en")
    page = editor_client.get(reverse("desk:article_edit", args=[source.pk])).content.decode()
    assert f'action="{url}"' not in page
    assert reverse("desk:article_edit", args=[version.pk]) in page
