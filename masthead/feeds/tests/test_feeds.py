"""RSS, Atom and JSON Feed, per language and per site, section, tag and
author: well-formed, valid, and holding the right articles."""

import json
import subprocess
from datetime import timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import lxml.html
import pytest
from babel.lists import format_list
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.articles.models import Article

FORMATS = ["rss", "atom", "json"]
KINDS = ["site", "section", "tag", "author"]
LANGUAGES = ["de", "en"]


@pytest.fixture
def newsroom(make_article, make_tag, make_author, author, world, science):
    """German and English articles across two sections, two tags (one per
    language), two authors, plus a draft that no feed may show."""
    jonas = make_author("Jonas Weber")
    haushalt, budget = make_tag("Haushalt"), make_tag("Budget", language="en")
    make_article("Der Rat beschließt den Haushalt", tags=[haushalt], authors=[author, jonas])
    make_article("Forscher finden Wasser", section=science, age=timedelta(hours=5))
    make_article("Die Brücke wird saniert", authors=[jonas], age=timedelta(days=1))
    make_article("Council passes the budget", language="en", tags=[budget], age=timedelta(hours=2))
    make_article("Researchers find water", language="en", section=science, authors=[jonas])
    make_article("Geheimer Entwurf", status=Article.Status.DRAFT, tags=[haushalt], authors=[jonas])
    return {"jonas": jonas}


# What each feed must hold, newest first.
EXPECTED = {
    ("de", "site"): [
        "Der Rat beschließt den Haushalt",
        "Forscher finden Wasser",
        "Die Brücke wird saniert",
    ],
    ("de", "section"): ["Der Rat beschließt den Haushalt", "Die Brücke wird saniert"],
    ("de", "tag"): ["Der Rat beschließt den Haushalt"],
    ("de", "author"): ["Der Rat beschließt den Haushalt", "Die Brücke wird saniert"],
    ("en", "site"): ["Researchers find water", "Council passes the budget"],
    ("en", "section"): ["Council passes the budget"],
    ("en", "tag"): ["Council passes the budget"],
    ("en", "author"): ["Researchers find water"],
}
SLUGS = {
    ("de", "section"): "welt",
    ("en", "section"): "world",
    ("de", "tag"): "haushalt",
    ("en", "tag"): "budget",
    ("de", "author"): "jonas-weber",
    ("en", "author"): "jonas-weber",
}
ALL_FEEDS = [(lang, kind, fmt) for lang in LANGUAGES for kind in KINDS for fmt in FORMATS]
XML_FEEDS = [feed for feed in ALL_FEEDS if feed[2] != "json"]
JSON_FEEDS = [feed for feed in ALL_FEEDS if feed[2] == "json"]


def feed_url(language, kind, fmt, slug=None):
    name = fmt if kind == "site" else f"{kind}_{fmt}"
    kwargs = None if kind == "site" else {"slug": slug or SLUGS[(language, kind)]}
    with translation.override(language):
        return reverse(f"feeds:{name}", kwargs=kwargs)


def page_url(language, kind):
    """The page a feed belongs to."""
    with translation.override(language):
        if kind == "site":
            return reverse("articles:home")
        return reverse(f"articles:{kind}", kwargs={"slug": SLUGS[(language, kind)]})


def get_feed(client, language, kind, fmt):
    response = client.get(feed_url(language, kind, fmt))
    assert response.status_code == 200
    return response


def feed_id(feed):
    return "-".join(feed)


@pytest.mark.parametrize("feed", XML_FEEDS, ids=feed_id)
def test_it_serves_xml_feeds_that_parse_cleanly(client, newsroom, feed):
    language, kind, fmt = feed
    response = get_feed(client, *feed)

    parsed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )

    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == {"rss": "rss20", "atom": "atom10"}[fmt]
    assert response["Content-Type"].startswith(f"application/{fmt}+xml")
    assert parsed.feed.language == language
    assert parsed.feed.link == "http://testserver" + page_url(language, kind)
    assert [entry.title for entry in parsed.entries] == EXPECTED[(language, kind)]


@pytest.mark.parametrize("feed", XML_FEEDS, ids=feed_id)
def test_it_gives_every_xml_entry_link_dates_and_author(client, newsroom, feed):
    response = get_feed(client, *feed)

    parsed = feedparser.parse(response.content)

    assert parsed.entries
    for entry in parsed.entries:
        article = Article.objects.get(headline=entry.title)
        assert entry.link == "http://testserver" + article.get_absolute_url()
        assert entry.published_parsed is not None
        # RSS 2.0 items have no update time: feedparser then reads the
        # publication time as "updated" (Atom has both, see below).
        assert entry.updated_parsed is not None
        assert entry.id
        names = [a.name for a in article.byline_authors]
        assert entry.author == format_list(names, locale=article.language)  # "A und B"
        assert entry.summary == article.teaser
        assert {t.term for t in entry.tags} >= {t.name for t in article.tags.all()}


@pytest.mark.parametrize("feed", JSON_FEEDS, ids=feed_id)
def test_it_serves_json_feeds_with_the_right_items(client, newsroom, feed):
    language, kind, _ = feed
    response = get_feed(client, *feed)

    data = json.loads(response.content)

    assert response["Content-Type"].startswith("application/feed+json")
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["language"] == language
    assert data["feed_url"] == "http://testserver" + feed_url(*feed)
    assert [item["title"] for item in data["items"]] == EXPECTED[(language, kind)]
    for item in data["items"]:
        article = Article.objects.get(headline=item["title"])
        assert item["url"] == "http://testserver" + article.get_absolute_url()
        assert item["language"] == language
        assert item["date_published"] == article.publish_at.isoformat()
        assert item["date_modified"] == article.last_modified.isoformat()
        assert item["authors"] == [
            {"name": a.name, "url": "http://testserver" + a.url_in(language)}
            for a in article.byline_authors
        ]
        assert item["content_html"] == article.body
    assert len({item["id"] for item in data["items"]}) == len(data["items"])


@pytest.fixture
def jsonfeed_validator(shared_schemas):
    jsonschema = pytest.importorskip("jsonschema")
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    v1 = json.loads((shared_schemas / "jsonfeed-1.schema.json").read_text())
    v11 = json.loads((shared_schemas / "jsonfeed-1.1.schema.json").read_text())
    registry = Registry().with_resources(
        [
            ("https://json.schemastore.org/feed-1", Resource.from_contents(v1, DRAFT4)),
            ("https://json.schemastore.org/feed.json", Resource.from_contents(v11, DRAFT4)),
        ]
    )
    cls = jsonschema.validators.validator_for(v11, default=jsonschema.Draft4Validator)
    return cls(v11, registry=registry, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("feed", JSON_FEEDS, ids=feed_id)
def test_it_serves_json_feeds_that_match_the_schema(client, newsroom, feed, jsonfeed_validator):
    data = json.loads(get_feed(client, *feed).content)

    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonfeed_validator.iter_errors(data)]
    assert errors == []


def test_the_json_feed_schema_check_can_fail(jsonfeed_validator):
    # The validator is strict enough to catch a broken feed.
    broken = {"version": "https://jsonfeed.org/version/1.1", "title": 1, "items": [{"url": "x"}]}

    assert list(jsonfeed_validator.iter_errors(broken))


@pytest.mark.needs_program("jing")
@pytest.mark.parametrize("feed", [f for f in XML_FEEDS if f[2] == "atom"], ids=feed_id)
def test_it_serves_atom_that_matches_rfc_4287(client, newsroom, feed, shared_schemas, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_bytes(get_feed(client, *feed).content)

    result = subprocess.run(
        ["jing", "-c", str(shared_schemas / "atom.rnc"), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_it_gives_atom_entries_absolute_ids_that_survive_a_slug_change(client, newsroom):
    def entry_ids():
        parsed = feedparser.parse(get_feed(client, "de", "site", "atom").content)
        return {entry.title: entry.id for entry in parsed.entries}

    before = entry_ids()
    article = Article.objects.get(headline="Die Brücke wird saniert")
    article.slug = "bruecke-saniert"
    services.save_article(article, authors=article.byline_authors)
    after = entry_ids()

    for value in before.values():
        assert urlsplit(value).scheme, f"Atom id {value!r} is not an IRI"
    assert len(set(before.values())) == len(before)
    assert after == before


def test_it_shows_an_update_after_a_correction(client, newsroom):
    article = Article.objects.get(headline="Die Brücke wird saniert")
    services.add_correction(article, "Die Brücke ist 40, nicht 400 Meter lang.")
    article.refresh_from_db()

    atom = feedparser.parse(get_feed(client, "de", "site", "atom").content)
    [entry] = [e for e in atom.entries if e.title == article.headline]
    assert entry.updated != entry.published
    json_feed = json.loads(get_feed(client, "de", "site", "json").content)
    [item] = [i for i in json_feed["items"] if i["title"] == article.headline]
    assert item["date_modified"] == article.updated_at.isoformat()
    assert item["date_modified"] > item["date_published"]


def test_it_dates_rss_items_in_rfc_822(client, newsroom):
    parsed = feedparser.parse(get_feed(client, "de", "site", "rss").content)

    for entry in parsed.entries:
        article = Article.objects.get(headline=entry.title)
        published = parsedate_to_datetime(entry.published)
        assert abs(published - article.publish_at) < timedelta(seconds=1)


def test_it_holds_at_most_thirty_items(client, make_article):
    for n in range(31):
        make_article(f"Meldung {n}", age=timedelta(hours=n + 1))

    parsed = feedparser.parse(get_feed(client, "de", "site", "rss").content)

    assert len(parsed.entries) == 30
    assert parsed.entries[0].title == "Meldung 0"
    assert "Meldung 30" not in {e.title for e in parsed.entries}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_it_answers_404_for_the_feed_of_something_unknown(client, newsroom, kind, fmt):
    response = client.get(feed_url("de", kind, fmt, slug="gibt-es-nicht"))

    assert response.status_code == 404


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("kind", "slug"), [("tag", "haushalt"), ("section", "welt")])
def test_it_answers_404_for_a_feed_addressed_in_the_other_language(
    client, newsroom, kind, slug, fmt
):
    # "haushalt" is a German tag and "welt" the German section address.
    response = client.get(feed_url("en", kind, fmt, slug=slug))

    assert response.status_code == 404


# A body that shows markup as text (a story about code), and its plain text.
MARKUP_AS_TEXT = (
    "<p>Der Code &lt;img src=x onerror=alert(1)&gt; zeigt: "
    "5 &lt; 6 &amp; &lt;b&gt;fett&lt;/b&gt;.</p>"
)
MARKUP_TEXT = "Der Code <img src=x onerror=alert(1)> zeigt: 5 < 6 & <b>fett</b>."


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_it_shows_text_that_looks_like_markup_as_text_in_xml_summaries(client, make_article, fmt):
    # RSS descriptions and Atom summaries (type="html") are read as HTML.
    make_article("Über Code", standfirst="", body=MARKUP_AS_TEXT)

    parsed = feedparser.parse(get_feed(client, "de", "site", fmt).content)

    summary = lxml.html.fragment_fromstring(parsed.entries[0].summary, create_parent="div")
    assert summary.text_content() == MARKUP_TEXT
    assert not summary.xpath("//img | //b")


def test_it_gives_json_summaries_as_plain_text(client, make_article):
    make_article("Über Code", standfirst="", body=MARKUP_AS_TEXT)

    [item] = json.loads(get_feed(client, "de", "site", "json").content)["items"]

    assert item["summary"] == MARKUP_TEXT
    assert item["content_html"] == MARKUP_AS_TEXT


@pytest.mark.parametrize("fmt", FORMATS)
def test_it_holds_what_the_section_page_lists_including_subsections(
    client, make_article, world, fmt
):
    from masthead.sections.models import Section

    europe = Section.objects.create(
        parent=world, names={"de": "Europa", "en": "Europe"}, slugs={"de": "europa", "en": "europe"}
    )
    make_article("Der Rat beschließt den Haushalt")
    make_article("Brüssel einigt sich", section=europe, age=timedelta(hours=2))
    with translation.override("de"):
        page = lxml.html.fromstring(
            client.get(reverse("articles:section", kwargs={"slug": "welt"})).content
        )
    listed = [" ".join(h.text_content().split()) for h in page.xpath("//article//h2")]

    content = get_feed_by_slug(client, fmt, "welt")

    assert listed == ["Der Rat beschließt den Haushalt", "Brüssel einigt sich"]
    for headline in listed:
        assert headline in content


def get_feed_by_slug(client, fmt, slug):
    response = client.get(feed_url("de", "section", fmt, slug=slug))
    assert response.status_code == 200
    return (
        response.content.decode()
        if fmt != "json"
        else json.dumps(json.loads(response.content), ensure_ascii=False)
    )


def test_it_joins_the_authors_the_languages_way(client, newsroom):
    atom = feedparser.parse(get_feed(client, "de", "site", "atom").content)
    [entry] = [e for e in atom.entries if e.title == "Der Rat beschließt den Haushalt"]
    assert entry.author == "Lena Hartmann und Jonas Weber"


def test_a_right_to_left_articles_html_says_its_direction(client, settings, make_article):
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربية")]
    make_article("المجلس يقر الميزانية", language="ar", body="<p>أقر المجلس الميزانية.</p>")
    make_article("Der Rat beschließt den Haushalt")

    arabic = json.loads(client.get("/ar/feed.json").content)
    [item] = arabic["items"]
    assert item["content_html"].startswith('<div dir="rtl" lang="ar"><p>أقر')
    atom = feedparser.parse(client.get("/ar/feed/atom/").content)
    assert atom.feed.language == "ar"
    german = json.loads(client.get("/de/feed.json").content)
    assert german["items"][0]["content_html"].startswith("<p>")
