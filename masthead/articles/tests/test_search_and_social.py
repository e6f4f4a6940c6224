"""A kicker over the headline, and texts and a picture of their own for
search engines and shared links, each falling back to headline, standfirst
and lead image (Article.search_title and the properties after it)."""

import json

import lxml.html
import pytest

from masthead.articles import services
from masthead.articles.models import Article, Revision
from masthead.articles.tests.pictures import make_image


def head(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content)

    def meta(key):
        found = page.xpath(f'//meta[@property="{key}" or @name="{key}"]/@content')
        return found[0] if found else None

    jsonld = json.loads(page.xpath('//script[@type="application/ld+json"]/text()')[0])
    return page, meta, jsonld


@pytest.mark.django_db
def test_without_them_the_page_uses_headline_standfirst_and_lead_image(client, make_article):
    lead = make_image("rathaus.jpg")
    article = make_article(
        "Der Rat beschließt den Haushalt", standfirst="Zwei Jahre Streit sind vorbei.",
        lead_image=lead,
    )  # fmt: skip
    page, meta, jsonld = head(client, article)
    assert page.findtext(".//title").startswith("Der Rat beschließt den Haushalt – ")
    assert meta("description") == "Zwei Jahre Streit sind vorbei."
    assert meta("og:title") == meta("twitter:title") == "Der Rat beschließt den Haushalt"
    assert meta("og:description") == "Zwei Jahre Streit sind vorbei."
    assert "rathaus" in meta("og:image") and meta("og:image:alt") == "Der Ratssaal"
    assert jsonld["description"] == "Zwei Jahre Streit sind vorbei."
    assert "alternativeHeadline" not in jsonld
    assert page.xpath("//h1")[0].text_content() == "Der Rat beschließt den Haushalt"
    assert not page.xpath('//*[@class="headline__kicker"]')


@pytest.mark.django_db
def test_each_reaches_its_place(client, make_article):
    lead = make_image("rathaus.jpg")
    card = make_image("karte.jpg", alt={"de": "Eine Grafik zum Haushalt"})
    article = make_article(
        "Der Rat beschließt den Haushalt",
        standfirst="Zwei Jahre Streit sind vorbei.",
        lead_image=lead,
        kicker="Haushalt 2027",
        seo_title="Haushalt 2027: Rat beschließt Etat",
        seo_description="Der Stadtrat hat den Haushalt für 2027 beschlossen.",
        social_headline="Endlich: Der Haushalt steht",
        social_image=card,
    )
    page, meta, jsonld = head(client, article)
    assert page.findtext(".//title").startswith("Haushalt 2027: Rat beschließt Etat – ")
    assert meta("description") == "Der Stadtrat hat den Haushalt für 2027 beschlossen."
    assert meta("og:title") == meta("twitter:title") == "Endlich: Der Haushalt steht"
    assert meta("og:description") == meta("twitter:description") == meta("description")
    assert "karte" in meta("og:image") and "karte" in meta("twitter:image")
    assert meta("og:image:alt") == "Eine Grafik zum Haushalt"
    assert meta("twitter:card") == "summary_large_image"
    assert jsonld["headline"] == "Der Rat beschließt den Haushalt"
    assert jsonld["alternativeHeadline"] == "Haushalt 2027: Rat beschließt Etat"
    assert jsonld["description"] == "Der Stadtrat hat den Haushalt für 2027 beschlossen."
    # The page itself: the kicker is part of the headline, read out first.
    h1 = page.xpath("//h1")[0]
    assert h1.text_content() == "Haushalt 2027: Der Rat beschließt den Haushalt"
    assert h1.xpath('.//*[@class="headline__kicker"]')[0].text == "Haushalt 2027"
    # Lists show the kicker too.
    home = lxml.html.fromstring(client.get("/de/").content)
    teaser = home.xpath('//*[@class="teaser__headline"]//a')[0]
    assert teaser.text_content() == "Haushalt 2027: Der Rat beschließt den Haushalt"


@pytest.mark.django_db
def test_a_social_image_without_a_lead_image_is_the_structured_data_image(client, make_article):
    card = make_image("karte.jpg")
    article = make_article("Ohne Aufmacher", social_image=card)
    _, meta, jsonld = head(client, article)
    assert "karte" in meta("og:image")
    assert jsonld["image"] and all("karte" in image["url"] for image in jsonld["image"])


@pytest.mark.django_db
def test_a_social_image_cannot_be_deleted_from_under_the_article(make_article):
    from masthead.media import services as media

    card = make_image("karte.jpg")
    article = make_article("Mit Karte", social_image=card)
    with pytest.raises(media.ImageInUse) as refused:
        media.delete_image(card)
    assert refused.value.users == [article]


@pytest.mark.django_db
def test_revisions_keep_them_and_a_translation_starts_from_them(make_article, editor):
    card = make_image("karte.jpg")
    article = make_article(
        "Der Rat beschließt den Haushalt", kicker="Haushalt", seo_title="Etat beschlossen",
        social_image=card, user=editor,
    )  # fmt: skip
    first = article.revisions.get()
    article.kicker, article.seo_title, article.social_image = "Finanzen", "", None
    services.save_article(article, authors=article.byline_authors, user=editor)
    assert Revision.objects.filter(article=article).count() == 2

    services.restore_revision(first, user=editor)
    article.refresh_from_db()
    assert (article.kicker, article.seo_title, article.social_image) == (
        "Haushalt", "Etat beschlossen", card,
    )  # fmt: skip

    english = services.translate(article, "en", user=editor)
    assert (english.kicker, english.seo_title, english.social_image) == (
        "Haushalt", "Etat beschlossen", card,
    )  # fmt: skip
    assert Article.objects.get(pk=english.pk).status == Article.Status.DRAFT
