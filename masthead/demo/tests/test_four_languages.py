"""`masthead demo --languages de,en,fr,ar`: the demo has stories in French
and Arabic too, versions of the German and English ones, in sections named
in every language, and their home pages show them, the Arabic one right to
left."""

import html
import re

import pytest

from masthead.articles.models import Article
from masthead.demo import content
from masthead.demo.load import demo_languages, load_demo
from masthead.sections.models import Section, Tag

pytestmark = pytest.mark.django_db

ARABIC_SLUG = re.compile(r"[\u0600-\u06ff0-9a-z-]+")


@pytest.fixture
def demo(four_languages, quick_pictures):
    load_demo()


def test_the_demo_has_stories_in_four_languages():
    assert demo_languages() == ["de", "en", "fr", "ar"]


def test_each_language_has_its_published_articles(demo):
    public = Article.objects.public()
    counts = {code: public.in_language(code).count() for code in ("de", "en", "fr", "ar")}
    assert counts == {"de": 15, "en": 15, "fr": 5, "ar": 5}


def test_the_french_and_arabic_articles_are_versions_of_the_german_ones(demo):
    for article in Article.objects.filter(language__in=["fr", "ar"]):
        german = Article.objects.get(language="de", translation_key=article.translation_key)
        assert article.publish_at == german.publish_at
        assert article.section == german.section
        assert article.lead_image == german.lead_image
        assert article.byline_authors == german.byline_authors
        assert {tag.topic for tag in article.tags.all()} == {tag.topic for tag in german.tags.all()}
        assert {tag.language for tag in article.tags.all()} == {article.language}
    corrected = Article.objects.filter(corrections__isnull=False)
    assert sorted(corrected.values_list("language", flat=True)) == ["ar", "de", "en", "fr"]


def test_every_section_and_tag_is_named_in_every_language(demo):
    for section in Section.objects.all():
        assert set(section.names) == set(section.slugs) == {"de", "en", "fr", "ar"}
        assert ARABIC_SLUG.fullmatch(section.slugs["ar"]), section.slugs
    assert Section.objects.get(slugs__fr="economie").names["ar"] == "اقتصاد"
    assert Tag.objects.filter(language="ar").count() == len(content.TAGS)


def test_the_french_home_page_shows_them(demo, client):
    page = html.unescape(client.get("/fr/").content.decode())
    assert '<html lang="fr" dir="ltr">' in page
    for article in Article.objects.public().in_language("fr"):
        assert article.headline in page
        assert client.get(article.get_absolute_url()).status_code == 200
    assert "Économie" in page


def test_the_arabic_home_page_shows_them_right_to_left(demo, client):
    page = html.unescape(client.get("/ar/").content.decode())
    assert '<html lang="ar" dir="rtl">' in page
    for article in Article.objects.public().in_language("ar"):
        assert ARABIC_SLUG.fullmatch(article.slug), article.slug
        assert article.headline in page
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        assert 'dir="rtl"' in response.content.decode()
    assert "اقتصاد" in page


def test_an_arabic_headline_holds_latin_script():
    """For the checks of bidirectional isolation: a name in Latin letters
    inside right-to-left text."""
    headlines = [
        story["versions"]["ar"]["headline"]
        for story in [*content.STORIES, content.SHOWCASE]
        if "ar" in story["versions"]
    ]
    assert [h for h in headlines if re.search(r"[A-Za-z]{3}", h)]
