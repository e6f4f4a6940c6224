"""What a reader sees on the article page and the list pages: the article
with its byline, dates, corrections and tags, recent posts, the language
switcher and old addresses. Paging through lists: test_pagination.py."""

import re
from datetime import datetime, timedelta

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.articles.models import Article
from masthead.lib.dates import absolute_datetime, relative_time


def get_page(client, path, status=200, **headers):
    response = client.get(path, **headers)
    assert response.status_code == status, path
    return lxml.html.fromstring(response.content)


def texts(root, xpath):
    return [" ".join(e.text_content().split()) for e in root.xpath(xpath)]


def machine_time(value):
    """A <time datetime="…"> value, to the second (finer digits may be left out)."""
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return to_seconds(parsed)


def to_seconds(value):
    return value.replace(microsecond=0)


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def article(make_article, make_author, make_tag, author):
    return make_article(
        "Der Rat beschließt den Haushalt",
        standfirst="Nach langer Debatte steht der Haushalt.",
        authors=[author, make_author("Jonas Weber")],
        tags=[make_tag("Haushalt"), make_tag("Stadtrat")],
        age=timedelta(hours=5),
    )


# The article page ------------------------------------------------------------


def test_it_shows_the_article(client, article):
    root = get_page(client, article.get_absolute_url())

    header = root.find_class("article__header")[0]
    assert texts(header, './/p[@class="kicker"]') == ["Welt"]
    assert header.xpath('.//p[@class="kicker"]/a/@href') == [url("articles:section", slug="welt")]
    assert texts(root, "//h1") == ["Der Rat beschließt den Haushalt"]
    assert texts(root, '//p[@class="article__standfirst"]') == [
        "Nach langer Debatte steht der Haushalt."
    ]
    assert texts(root, '//div[@class="article__body"]/p') == [
        "Der Rat hat am Dienstag den Haushalt beschlossen."
    ]


def test_it_links_every_author_in_the_byline(client, article):
    root = get_page(client, article.get_absolute_url())

    [byline] = root.find_class("article__byline")
    assert byline.xpath(".//a/text()") == ["Lena Hartmann", "Jonas Weber"]
    assert byline.xpath(".//a/@href") == [
        url("articles:author", slug="lena-hartmann"),
        url("articles:author", slug="jonas-weber"),
    ]
    assert " und " in byline.text_content()  # "Lena Hartmann und Jonas Weber"
    for href in byline.xpath(".//a/@href"):
        assert client.get(href).status_code == 200


def test_it_joins_the_byline_as_english_does(client, make_article, make_author, author):
    article = make_article(
        "Council passes the budget",
        language="en",
        authors=[author, make_author("Jonas Weber"), make_author("Ana Costa")],
    )

    root = get_page(client, article.get_absolute_url())

    [byline] = root.find_class("article__byline")
    assert "Lena Hartmann, Jonas Weber, and Ana Costa" in byline.text_content()


def test_a_teaser_names_the_authors_as_the_byline_does_without_links(client, article):
    """The headline is the teaser's one link; its byline is the language's
    list of names, as on the article page."""
    root = get_page(client, url("articles:home"))

    [byline] = root.find_class("teaser__byline")
    assert byline.text_content() == "Lena Hartmann und Jonas Weber"
    assert byline.xpath(".//a") == []


def test_a_teaser_joins_the_names_as_english_does(client, make_article, make_author, author):
    make_article(
        "Council passes the budget",
        language="en",
        authors=[author, make_author("Jonas <Weber>"), make_author("Ana Costa")],
    )

    root = get_page(client, url("articles:home", language="en"))

    [byline] = root.find_class("teaser__byline")
    assert byline.text_content() == "Lena Hartmann, Jonas <Weber>, and Ana Costa"
    # Each name isolated from the sentence's direction, as text, not markup.
    names = byline.xpath("./bdi")
    assert [name.text for name in names] == ["Lena Hartmann", "Jonas <Weber>", "Ana Costa"]
    assert [name.xpath("./*") for name in names] == [[], [], []]


def test_it_shows_the_published_time_and_no_update_before_one(client, article):
    root = get_page(client, article.get_absolute_url())

    [dates] = root.find_class("article__dates")
    assert [machine_time(t) for t in dates.xpath(".//time/@datetime")] == [
        to_seconds(article.publish_at)
    ]
    assert dates.xpath(".//time/text()") == [absolute_datetime(article.publish_at, "de")]
    assert not root.find_class("article__updated")


def test_it_shows_the_updated_time_after_an_update(client, article):
    article.body = "<p>Der Rat hat am Mittwoch den Haushalt beschlossen.</p>"
    services.save_article(article, authors=article.byline_authors)
    article.refresh_from_db()

    root = get_page(client, article.get_absolute_url())

    [updated] = root.find_class("article__updated")
    assert [machine_time(t) for t in updated.xpath(".//time/@datetime")] == [
        to_seconds(article.updated_at)
    ]


def test_it_shows_corrections_in_order(client, article):
    services.add_correction(article, "Der Haushalt umfasst 2, nicht 3 Millionen Euro.")
    services.add_correction(article, "Der Rat tagte am Mittwoch.")

    root = get_page(client, article.get_absolute_url())

    [corrections] = root.find_class("corrections")
    assert texts(corrections, ".//li/p[not(@class)]") == [
        "Der Haushalt umfasst 2, nicht 3 Millionen Euro.",
        "Der Rat tagte am Mittwoch.",
    ]
    assert len(corrections.xpath(".//li//time/@datetime")) == 2
    assert root.find_class("article__updated")


def test_it_has_no_corrections_block_without_corrections(client, article):
    root = get_page(client, article.get_absolute_url())

    assert not root.find_class("corrections")


def test_it_links_the_tags(client, article):
    root = get_page(client, article.get_absolute_url())

    [tags] = root.find_class("tags")
    assert tags.xpath(".//a/text()") == ["Haushalt", "Stadtrat"]
    assert tags.xpath(".//a/@href") == [
        url("articles:tag", slug="haushalt"),
        url("articles:tag", slug="stadtrat"),
    ]


# Recent posts ------------------------------------------------------------------


@pytest.fixture
def others(make_article):
    """Eight other German articles (hourly), plus ones that must not show."""
    articles = [
        make_article(
            f"Andere Meldung {n}",
            standfirst=f"Zusammenfassung der Meldung {n}.",
            age=timedelta(hours=n, minutes=30),
        )
        for n in range(1, 9)
    ]
    make_article("Englische Meldung", language="en", age=timedelta(minutes=1))
    make_article("Entwurf", status=Article.Status.DRAFT, age=timedelta(minutes=1))
    make_article("Geplant", age=-timedelta(minutes=30))
    return articles


def test_it_lists_the_five_newest_other_articles_as_recent_posts(client, article, others):
    root = get_page(client, article.get_absolute_url())

    [recent] = root.find_class("recent")
    items = recent.find_class("recent__item")
    assert texts(recent, './/h3[@class="recent__headline"]') == [
        "Andere Meldung 1",
        "Andere Meldung 2",
        "Andere Meldung 3",
        "Andere Meldung 4",
        # "Der Rat beschließt den Haushalt" (5 hours old) is the page itself.
        "Andere Meldung 5",
    ]
    assert recent.xpath(".//h3/a/@href") == [a.get_absolute_url() for a in others[:5]]
    for item, other in zip(items, others, strict=False):
        assert texts(item, './/p[@class="recent__text"]') == [other.teaser]
        [time] = item.xpath('.//p[@class="recent__time"]/time')
        assert machine_time(time.get("datetime")) == to_seconds(other.publish_at)
        assert time.text == relative_time(other.publish_at, "de")
        assert time.text.startswith("vor ")


def test_it_lists_recent_posts_in_the_page_language_only(client, make_article, others):
    english = make_article("Council passes the budget", language="en")

    root = get_page(client, english.get_absolute_url())

    assert texts(root, '//h3[@class="recent__headline"]') == ["Englische Meldung"]
    # A minute old: the clock time, in English (lib/dates.py, reader_time).
    assert re.fullmatch(r"\d{1,2}:\d{2}\s[AP]M", texts(root, '//p[@class="recent__time"]')[0])


def test_it_shows_no_recent_posts_block_when_alone(client, article):
    root = get_page(client, article.get_absolute_url())

    assert not root.find_class("recent")


# Old addresses -----------------------------------------------------------------


def test_it_redirects_an_old_slug_permanently(client, article):
    old_url = article.get_absolute_url()
    article.slug = "haushalt-beschlossen"
    services.save_article(article, authors=article.byline_authors)

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_it_redirects_every_former_slug_to_the_current_one(client, article):
    first_url = article.get_absolute_url()
    for slug in ["zweiter-name", "dritter-name"]:
        article.slug = slug
        services.save_article(article, authors=article.byline_authors)

    response = client.get(first_url)

    assert response.status_code == 301
    assert response["Location"] == url("articles:detail", slug="dritter-name")


def test_it_keeps_old_slugs_within_their_language(client, article):
    article.slug = "haushalt-beschlossen"
    services.save_article(article, authors=article.byline_authors)

    response = client.get(url("articles:detail", "en", slug="der-rat-beschliesst-den-haushalt"))

    assert response.status_code == 404


# Language switcher and hreflang ------------------------------------------------------


def switcher(root):
    return {a.get("hreflang"): a.get("href") for a in root.xpath('//nav[@class="languages"]//a')}


def hreflang_links(root):
    return {
        link.get("hreflang"): link.get("href")
        for link in root.xpath('//head/link[@rel="alternate"][@hreflang]')
    }


def test_it_links_the_public_translation(client, article):
    english = services.translate(article, "en")
    english.headline = "Council passes the budget"
    english.slug = "council-passes-budget"
    english.status = Article.Status.PUBLISHED
    services.save_article(english, authors=english.byline_authors)

    root = get_page(client, article.get_absolute_url())

    assert switcher(root) == {"de": article.get_absolute_url(), "en": english.get_absolute_url()}
    assert hreflang_links(root) == {
        "de": "http://testserver" + article.get_absolute_url(),
        "en": "http://testserver" + english.get_absolute_url(),
    }
    english_root = get_page(client, english.get_absolute_url())
    assert switcher(english_root)["de"] == article.get_absolute_url()


def test_it_links_the_home_page_when_the_translation_is_a_draft(client, article):
    draft = services.translate(article, "en")

    root = get_page(client, article.get_absolute_url())

    assert switcher(root) == {"de": article.get_absolute_url(), "en": url("articles:home", "en")}
    assert draft.get_absolute_url() not in lxml.html.tostring(root, encoding="unicode")
    assert "en" not in hreflang_links(root)


def test_it_links_the_home_page_when_there_is_no_translation(client, article):
    root = get_page(client, article.get_absolute_url())

    assert switcher(root)["en"] == url("articles:home", "en")
    assert "en" not in hreflang_links(root)


def test_it_gives_no_hreflang_to_an_unrelated_article_with_the_same_slug(
    client, article, make_article
):
    # Same address in English, but a different story.
    make_article("Der Rat beschließt den Haushalt", language="en", slug=article.slug)

    root = get_page(client, article.get_absolute_url())

    assert "en" not in hreflang_links(root)
    assert switcher(root)["en"] == url("articles:home", "en")


def test_it_marks_the_current_language(client, article):
    root = get_page(client, article.get_absolute_url())

    assert root.xpath('//nav[@class="languages"]//a[@aria-current="true"]/@hreflang') == ["de"]
    assert root.get("lang") == "de"


def test_it_links_the_section_in_the_other_language(client, article):
    root = get_page(client, url("articles:section", slug="welt"))

    assert switcher(root) == {
        "de": url("articles:section", slug="welt"),
        "en": url("articles:section", "en", slug="world"),
    }
    assert set(hreflang_links(root)) == {"de", "en"}
