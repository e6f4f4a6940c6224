"""Whatever text the database holds – here control characters written
around the models, as rows saved before Masthead cleaned them may hold –
every feed, sitemap and the structured data stay well-formed and answer 200.
"""

import json

import feedparser
import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation
from lxml import etree

from masthead.articles import services
from masthead.articles.models import Article, Correction
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

# What XML 1.0 forbids or discourages, pasted from Word or a PDF. (NUL is
# left out: PostgreSQL cannot store it in text at all.)
BAD = "".join(chr(c) for c in range(1, 0x20) if chr(c) not in "\t\n\r") + "\x7f\x85\x9f\ufffe\uffff"


def poisoned(text: str) -> str:
    return f"{text}{BAD}!"


def words(text: str) -> str:
    """Line breaks in disguise come out as line breaks: compare the words."""
    return " ".join(text.split())


def assert_clean(text: str) -> None:
    found = sorted({f"U+{ord(c):04X}" for c in text if c in BAD})
    assert not found, f"control characters in the output: {found}"


@pytest.fixture
def article(make_article, make_tag, author, world, make_image):
    """A public German article whose every text field, and its tag, section,
    author and correction, holds control characters, written with
    QuerySet.update() (no validation, no save())."""
    tag = make_tag("Haushalt")
    image = make_image(alt={"de": "Der Rathaussaal"})
    article = make_article(tags=[tag], lead_image=image)
    correction = services.add_correction(article, "Der Betrag war falsch.")
    Article.objects.filter(pk=article.pk).update(
        headline=poisoned("Der Rat beschließt"),
        standfirst=poisoned("Nach langer Debatte"),
        excerpt=poisoned("Kurz gesagt"),
        body=f"<p>{poisoned('Der Rat hat')}</p>",
    )
    Image.objects.filter(pk=image.pk).update(
        alt={"de": poisoned("Der Rathaussaal")},
        caption={"de": poisoned("Im Saal")},
        credit=poisoned("Foto: Stadt"),
    )
    Tag.objects.filter(pk=tag.pk).update(name=poisoned("Haushalt"))
    Section.objects.filter(pk=world.pk).update(
        names={"de": poisoned("Welt"), "en": poisoned("World")}
    )
    Author.objects.filter(pk=author.pk).update(
        name=poisoned("Lena Hartmann"), bios={"de": poisoned("Lena berichtet")}
    )
    Correction.objects.filter(pk=correction.pk).update(text=poisoned("Der Betrag"))
    article.refresh_from_db()
    assert BAD in article.headline  # really stored as written
    return article


FEEDS = [
    (kind, fmt) for kind in ("site", "section", "tag", "author") for fmt in ("rss", "atom", "json")
]
SLUGS = {"section": "welt", "tag": "haushalt", "author": "lena-hartmann"}


def feed_url(kind, fmt):
    name = fmt if kind == "site" else f"{kind}_{fmt}"
    kwargs = None if kind == "site" else {"slug": SLUGS[kind]}
    with translation.override("de"):
        return reverse(f"feeds:{name}", kwargs=kwargs)


@pytest.mark.parametrize("feed", FEEDS, ids="-".join)
def test_every_feed_stays_well_formed(client, article, feed):
    kind, fmt = feed
    response = client.get(feed_url(kind, fmt))

    assert response.status_code == 200
    text = response.content.decode()
    assert_clean(text)
    if fmt == "json":
        data = json.loads(text)
        item = data["items"][0]
        titles, summary = [data["title"], item["title"]], item["summary"]
        assert words(item["authors"][0]["name"]) == "Lena Hartmann !"
        assert "Haushalt !" in map(words, item["tags"])
    else:
        etree.fromstring(response.content)  # strict: raises on a forbidden character
        parsed = feedparser.parse(response.content)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        entry = parsed.entries[0]
        titles, summary = [parsed.feed.title, entry.title], entry.summary
        assert words(entry.author) == "Lena Hartmann !"
        assert {"Welt !", "Haushalt !"} <= {words(t.term) for t in entry.tags}
    # The text itself is kept; what the reader never saw is gone.
    assert words(titles[1]) == "Der Rat beschließt !"
    assert summary.startswith("Kurz gesagt")
    if kind != "site":
        name = {"section": "Welt !", "tag": "Haushalt !", "author": "Lena Hartmann !"}[kind]
        assert words(titles[0]).endswith(name)


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert_clean(response.content.decode())
    return etree.fromstring(response.content)


def test_every_sitemap_stays_well_formed(client, article):
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = xml(client, reverse("sitemap_index"))
    files = index.xpath("//sm:sitemap/sm:loc/text()", namespaces=ns)
    assert files
    for url in files:
        xml(client, url.removeprefix("http://testserver"))


def test_the_news_sitemap_stays_well_formed(client, article):
    news = xml(client, reverse("sitemap_news"))

    titles = news.xpath(
        "//news:title/text()", namespaces={"news": "http://www.google.com/schemas/sitemap-news/0.9"}
    )
    assert list(map(words, titles)) == ["Der Rat beschließt !"]


def test_the_structured_data_stays_valid_json_without_control_characters(client, article):
    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    root = lxml.html.fromstring(response.content)
    [script] = root.xpath('//script[@type="application/ld+json"]')
    assert_clean(script.text)
    data = json.loads(script.text)
    assert words(data["headline"]) == "Der Rat beschließt !"
    assert words(data["author"][0]["name"]) == "Lena Hartmann !"
    assert words(data["articleSection"]) == "Welt !"
    assert list(map(words, data["keywords"])) == ["Haushalt !"]


def test_the_reader_pages_still_answer(client, article):
    with translation.override("de"):
        paths = [
            reverse("articles:home"),
            article.get_absolute_url(),
            reverse("articles:section", kwargs={"slug": "welt"}),
            reverse("articles:tag", kwargs={"slug": "haushalt"}),
            reverse("articles:author", kwargs={"slug": "lena-hartmann"}),
            reverse("articles:corrections"),
        ]
    for path in paths:
        assert client.get(path).status_code == 200, path
