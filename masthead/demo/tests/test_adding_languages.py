"""A demo site made in German and English, run again with
`--languages de,en,fr,ar`, gets the French and Arabic stories as versions of
those it has; nothing it has is changed or deleted, and nothing is added
twice. Run again with fewer languages, it keeps the others' articles."""

import io

import pytest
from django.core.management import call_command

from masthead.articles.models import Article, Correction
from masthead.demo.load import load_demo
from masthead.media.models import Image
from masthead.sections.models import Section, Tag

pytestmark = pytest.mark.django_db

EDITED = "Am Desk geändert und behalten"


def _rows():
    return {
        "articles": sorted(Article.objects.values_list("pk", "headline", "publish_at")),
        "images": Image.objects.count(),
        "corrections": Correction.objects.count(),
        "tags": Tag.objects.count(),
        "sections": sorted(Section.objects.values_list("pk", "names", "slugs")),
    }


def test_french_and_arabic_join_a_site_made_in_german_and_english(four_languages, quick_pictures):
    assert load_demo(languages=["de", "en"]) == 32
    edited = Article.objects.filter(language="de").order_by("pk").first()
    edited.headline = EDITED
    edited.save()
    world = Section.objects.get(slugs__de="welt")
    world.names["de"] = "Weltgeschehen"
    world.save()
    before = Article.objects.in_bulk()
    images = Image.objects.count()

    assert load_demo() == 10

    kept = Article.objects.in_bulk(list(before))
    assert {pk: (a.headline, a.publish_at) for pk, a in kept.items()} == {
        pk: (a.headline, a.publish_at) for pk, a in before.items()
    }
    assert kept[edited.pk].headline == EDITED
    world.refresh_from_db()
    assert world.names == {"de": "Weltgeschehen", "en": "World", "fr": "Monde", "ar": "العالم"}
    # The new versions show the pictures the library has, described in
    # their languages too.
    assert Image.objects.count() == images
    for article in Article.objects.filter(language__in=["fr", "ar"]):
        german = Article.objects.get(language="de", translation_key=article.translation_key)
        assert (article.publish_at, article.lead_image) == (german.publish_at, german.lead_image)
        assert article.lead_image.alt_for(article.language)
        for row in article.body_images.all():
            assert row.image.alt_for(article.language) and row.image.caption_for(article.language)
    climate = Tag.objects.get(language="de", slug="klima")
    assert Tag.objects.get(language="ar", slug="المناخ").topic == climate.topic


def test_it_adds_nothing_twice_and_deletes_nothing(four_languages, quick_pictures):
    load_demo()
    before = _rows()
    assert load_demo() == 0
    assert load_demo(languages=["de", "en"]) == 0
    assert _rows() == before


def test_a_language_without_demo_content_gets_none(settings, quick_pictures, tmp_path, client):
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("es", "Español")]
    settings.VAR_DIR = tmp_path / "var"
    out = io.StringIO()
    call_command("demo", no_serve=True, languages="de,en,es", stdout=out)
    assert not Article.objects.filter(language="es").exists()
    assert Article.objects.filter(language="de").exists()
    assert "  Languages:   de (default), en, es\n" in out.getvalue()
    assert "The demo has no articles in es: those pages stay empty" in out.getvalue()
    assert client.get("/es/").status_code == 200
