"""Drafts and scheduled articles are invisible to readers on every public
surface; published articles appear on all of them."""

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.articles.pagination import Cursor
from masthead.articles.views import LATEST_COUNT
from masthead.sections.models import Tag


def _reverse(name, **kwargs):
    with translation.override("de"):
        return reverse(name, kwargs=kwargs or None)


def _archive_start():
    """The archive's first page: after the front page's articles."""
    last_on_front = Article.objects.public().in_language("de")[LATEST_COUNT]
    return f"?before={Cursor.of(last_on_front)}"


# Every surface a reader (or a crawler) can reach, as a function of the
# article under test and its newsroom (section "welt", tag, author).
SURFACES = {
    "home": lambda a: _reverse("articles:home"),
    "home archive": lambda a: _reverse("articles:home") + _archive_start(),
    "section page": lambda a: _reverse("articles:section", slug="welt"),
    "tag page": lambda a: _reverse("articles:tag", slug="haushalt"),
    "author page": lambda a: _reverse("articles:author", slug="lena-hartmann"),
    "recent posts": lambda a: Article.objects.get(slug="der-winter-kommt").get_absolute_url(),
    "rss": lambda a: _reverse("feeds:rss"),
    "atom": lambda a: _reverse("feeds:atom"),
    "json feed": lambda a: _reverse("feeds:json"),
    "section rss": lambda a: _reverse("feeds:section_rss", slug="welt"),
    "section atom": lambda a: _reverse("feeds:section_atom", slug="welt"),
    "section json": lambda a: _reverse("feeds:section_json", slug="welt"),
    "tag rss": lambda a: _reverse("feeds:tag_rss", slug="haushalt"),
    "tag atom": lambda a: _reverse("feeds:tag_atom", slug="haushalt"),
    "tag json": lambda a: _reverse("feeds:tag_json", slug="haushalt"),
    "author rss": lambda a: _reverse("feeds:author_rss", slug="lena-hartmann"),
    "author atom": lambda a: _reverse("feeds:author_atom", slug="lena-hartmann"),
    "author json": lambda a: _reverse("feeds:author_json", slug="lena-hartmann"),
    # (the German article sitemap files the index lists: see fetch)
    "article sitemap": lambda a: reverse("sitemap_index"),
    "news sitemap": lambda a: reverse("sitemap_news"),
    # The WordPress REST API (masthead/wpjson/); a post by id is a 404 (its own tests).
    "wp-json posts": lambda a: "/wp-json/wp/v2/posts?_embed",
    "wp-json posts by slug": lambda a: "/wp-json/wp/v2/posts?slug=geheimer-haushaltsplan",
    "wp-json posts of a section": lambda a: f"/wp-json/wp/v2/posts?categories={a.section_id}",
    "wp-json posts of a tag": lambda a: (
        f"/wp-json/wp/v2/posts?tags={Tag.objects.get(slug='haushalt').pk}"
    ),
    "wp-json posts in German": lambda a: "/de/wp-json/wp/v2/posts",
    # The content API (masthead/api), without a token: a reader's view.
    "api article list": lambda a: "/api/v1/articles?limit=100",
    "api section list": lambda a: f"/api/v1/articles?section={a.section_id}&limit=100",
    "api topic list": lambda a: f"/api/v1/articles?topic={a.tags.get().pk}",
    "api author list": lambda a: f"/api/v1/articles?author={a.bylines.get().author_id}",
}

HIDDEN = {
    "draft": {"status": Article.Status.DRAFT, "age": timedelta(hours=2)},
    "draft without time": {"status": Article.Status.DRAFT, "age": None},
    "scheduled": {"status": Article.Status.PUBLISHED, "age": -timedelta(hours=2)},
    "scheduled in a minute": {"status": Article.Status.PUBLISHED, "age": -timedelta(minutes=1)},
}


@pytest.fixture
def newsroom(make_article, make_tag, settings):
    """A public witness article in the same section, tag and byline, and
    (for "home archive") enough others to fill the front page."""
    settings.PAGE_SIZE = 5
    tag = make_tag("Haushalt")
    make_article("Der Winter kommt", tags=[tag], age=timedelta(hours=3))
    for n in range(8):
        make_article(f"Meldung Nummer {n}", age=timedelta(days=1, hours=n))
    return tag


def make_subject(make_article, newsroom, **state):
    return make_article(
        "Geheimer Haushaltsplan enthüllt",
        slug="geheimer-haushaltsplan",
        tags=[newsroom],
        standfirst="Ein Standfirst, der nur sichtbar sein darf, wenn veröffentlicht.",
        **state,
    )


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    content = response.content.decode()
    if "<sitemapindex" in content:  # every German article sitemap it lists
        files = re.findall(r"<loc>http://testserver(/sitemap-articles-de\.xml[^<]*)</loc>", content)
        assert files
        content = "".join(fetch(client, html.unescape(file)) for file in files)
    return content


@pytest.mark.parametrize("state", HIDDEN.values(), ids=HIDDEN.keys())
@pytest.mark.parametrize("surface", SURFACES)
def test_it_hides_unpublished_articles_on(client, make_article, newsroom, surface, state):
    article = make_subject(make_article, newsroom, **state)

    content = fetch(client, SURFACES[surface](article))

    assert "Geheimer Haushaltsplan" not in content
    assert "geheimer-haushaltsplan" not in content


@pytest.mark.parametrize("surface", SURFACES)
def test_it_shows_published_articles_on(client, make_article, newsroom, surface):
    # On "home archive" (the archive) the oldest article shows; elsewhere the newest.
    age = timedelta(days=30) if surface == "home archive" else timedelta(hours=1)
    article = make_subject(make_article, newsroom, age=age)

    content = fetch(client, SURFACES[surface](article))

    assert article.get_absolute_url() in content
    if surface != "article sitemap":  # a list of addresses only
        assert "Geheimer Haushaltsplan" in content


@pytest.mark.parametrize("state", HIDDEN.values(), ids=HIDDEN.keys())
def test_it_answers_404_for_the_page_of_an_unpublished_article(
    client, make_article, newsroom, state
):
    article = make_subject(make_article, newsroom, **state)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 404
    assert "Geheimer Haushaltsplan" not in response.content.decode()
    response = client.get(f"/api/v1/articles/{article.pk}")
    assert response.status_code == 404
    assert "Geheimer Haushaltsplan" not in response.content.decode()


def test_it_shows_the_page_of_a_published_article(client, make_article, newsroom):
    article = make_subject(make_article, newsroom)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Geheimer Haushaltsplan" in response.content.decode()


def test_it_shows_a_scheduled_article_once_its_time_has_come(client, make_article, newsroom):
    article = make_subject(make_article, newsroom, age=-timedelta(hours=2))
    assert client.get(article.get_absolute_url()).status_code == 404

    article.publish_at -= timedelta(hours=3)
    article.save(update_fields=["publish_at"])

    assert client.get(article.get_absolute_url()).status_code == 200
    assert "Geheimer Haushaltsplan" in fetch(client, SURFACES["rss"](article))


def test_it_hides_an_unpublished_article_again(client, make_article, newsroom):
    from masthead.articles import services

    article = make_subject(make_article, newsroom)
    services.unpublish(article)

    assert client.get(article.get_absolute_url()).status_code == 404
    for name, surface in SURFACES.items():
        assert "Geheimer Haushaltsplan" not in fetch(client, surface(article)), name


def test_it_does_not_redirect_an_old_slug_to_an_unpublished_article(client, make_article, newsroom):
    from masthead.articles import services

    article = make_subject(make_article, newsroom, status=Article.Status.DRAFT)
    old_url = article.get_absolute_url()
    article.slug = "neuer-plan"
    services.save_article(article, authors=[article.byline_authors[0]])

    assert client.get(old_url).status_code == 404
