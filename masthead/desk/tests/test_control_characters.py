"""Text pasted from a word processor or a PDF can hold invisible control
characters. The newsroom's and the admin's forms refuse such a field with a
message in the editor's language and show it again without them, so the
editor sees what would be saved; nothing is saved until they save again."""

import pytest
from django.conf import settings
from django.urls import reverse

from masthead.articles.models import Article, Correction
from masthead.sections.models import Section, Tag
from masthead.testing import form_data

MESSAGE = {
    "en": "This text held invisible control characters",
    "de": "Dieser Text enthielt unsichtbare Steuerzeichen",
}


@pytest.mark.parametrize("language", ["de", "en"])
def test_it_refuses_a_headline_with_control_characters_in_the_editors_language(
    post_article, editor_client, language
):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = post_article(headline="Der Rat\x0bbeschließt\x01 den Haushalt\x7f")

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["headline"]
    assert MESSAGE[language] in form.errors["headline"][0]
    # Shown again as it would be saved: Word's line break is a space now.
    assert form["headline"].value() == "Der Rat beschließt den Haushalt"
    assert 'value="Der Rat beschließt den Haushalt"' in response.content.decode()
    assert not Article.objects.exists()


def test_the_cleaned_text_is_saved_the_second_time(post_article):
    first = post_article(headline="Der Rat\x0bbeschließt", standfirst="Eins\x0cZwei")
    form = first.context["form"]
    assert set(form.errors) == {"headline", "standfirst"}

    second = post_article(headline=form["headline"].value(), standfirst=form["standfirst"].value())

    assert second.status_code == 302
    article = Article.objects.get()
    assert article.headline == "Der Rat beschließt"
    assert article.standfirst == "Eins\nZwei"


def test_it_keeps_line_breaks_and_tabs_where_they_mean_something(post_article):
    response = post_article(standfirst="Erster Satz.\r\n\tZweiter Satz.", excerpt="A\r\nB")
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.standfirst == "Erster Satz.\r\n\tZweiter Satz."
    assert article.excerpt == "A\r\nB"


@pytest.mark.parametrize(
    "field, value, shown",
    [
        ("standfirst", "Zeile eins\x0bZeile zwei\x02", "Zeile eins\nZeile zwei"),
        ("excerpt", "Kurz\x85gesagt", "Kurz\ngesagt"),
        ("body", "<p>Der Rat\x01 tagt.</p>", "<p>Der Rat tagt.</p>"),
        ("lead_image_caption", "Im\tSaal\x1f", "Im Saal"),
        ("lead_image_credit", "Foto:\x0cStadt", "Foto: Stadt"),
        ("new_tags", "Haushalt\x0b, Rat", "Haushalt , Rat"),
        ("slug", "der-rat\x00", "der-rat"),
    ],
)
def test_it_refuses_control_characters_in_every_text_field(post_article, field, value, shown):
    response = post_article(**{field: value})

    form = response.context["form"]
    assert field in form.errors
    assert form[field].value() == shown
    assert not Article.objects.exists()
    assert not Tag.objects.exists()


def test_it_does_not_change_the_article_when_an_edit_is_refused(make_article, editor_client):
    article = make_article("Vorher")
    url = reverse("desk:article_edit", args=[article.pk])

    response = editor_client.post(url, form_data(article, headline="Nach\x0bher"))

    assert list(response.context["form"].errors) == ["headline"]
    stored = Article.objects.get(pk=article.pk)
    assert stored.headline == "Vorher"
    assert stored.version == article.version


def test_it_refuses_a_correction_with_control_characters(editor_client, make_article):
    article = make_article()
    response = editor_client.post(
        reverse("desk:correction_add", args=[article.pk]),
        {"correction-text": "Der Betrag\x01 war falsch."},
    )
    assert response.status_code == 200
    form = response.context["correction_form"]
    assert MESSAGE["de"] in form.errors["text"][0]
    assert form["text"].value() == "Der Betrag war falsch."
    assert not Correction.objects.exists()


# The admin (German by default, like the site).


def test_the_admin_refuses_a_section_name_with_control_characters(admin_client, world):
    data = {
        "parent": "",
        "name_de": "Kultur\x0b",
        "slug_de": "kultur",
        "name_en": "Culture",
        "slug_en": "culture",
        "position": "3",
    }
    response = admin_client.post(reverse("admin:sections_section_add"), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert MESSAGE["de"] in form.errors["name_de"][0]
    assert form["name_de"].value() == "Kultur "
    assert Section.objects.count() == 1


def test_the_admin_refuses_a_tag_name_with_control_characters(admin_client):
    response = admin_client.post(
        reverse("admin:sections_tag_add"), {"language": "de", "name": "Kl\x01ima", "slug": "klima"}
    )
    assert response.status_code == 200
    assert "name" in response.context["adminform"].form.errors
    assert not Tag.objects.exists()


def test_the_admin_refuses_an_author_with_control_characters(admin_client, author):
    data = {
        "name": "Lena\x0bHartmann",
        "slug": "lena-hartmann",
        "bio_de": "Lena berichtet\x0caus Berlin.\r\nSeit 2020.",
        "bio_en": "",
        "user": "",
    }
    response = admin_client.post(reverse("admin:people_author_change", args=[author.pk]), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert set(form.errors) == {"name", "bio_de"}
    assert form["name"].value() == "Lena Hartmann"
    assert form["bio_de"].value() == "Lena berichtet\naus Berlin.\r\nSeit 2020."
    author.refresh_from_db()
    assert author.name == "Lena Hartmann"
    assert author.bios["de"] == "Lena berichtet aus Brüssel."


def test_the_admin_refuses_an_article_headline_with_control_characters(admin_client, make_article):
    article = make_article("Vorher", slug="vorher")
    data = {
        "headline": "Nach\x01her",
        "slug": "vorher",
        "standfirst": "",
        "body": "<p>Gut</p>",
        "excerpt": "",
        "section": article.section_id,
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    response = admin_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 200
    assert "headline" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).headline == "Vorher"
