"""sitemap.xml, the sitemaps it lists and the Google News sitemap validate
against the published schemas, and robots.txt names them."""

import shutil
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from masthead.articles import services
from masthead.articles.models import Article

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SM, "news": NEWS}

XHTML = "http://www.w3.org/1999/xhtml"
# The one element of XHTML a sitemap may carry, as search engines document
# it: <xhtml:link rel="alternate" hreflang="…" href="…"/>.
XHTML_LINK_XSD = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
    targetNamespace="{XHTML}" elementFormDefault="qualified">
  <xsd:element name="link">
    <xsd:complexType>
      <xsd:attribute name="rel" use="required" fixed="alternate"/>
      <xsd:attribute name="hreflang" use="required">
        <xsd:simpleType><xsd:restriction base="xsd:string">
          <xsd:pattern value="[a-z]{{2,3}}(-[A-Za-z0-9]+)*"/>
        </xsd:restriction></xsd:simpleType>
      </xsd:attribute>
      <xsd:attribute name="href" type="xsd:anyURI" use="required"/>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>"""


@pytest.fixture
def schemas(shared_schemas, tmp_path):
    """XMLSchema objects: the sitemap index; a urlset whose xhtml:link
    alternates are checked strictly (XHTML_LINK_XSD); and a urlset whose
    news: elements are validated strictly against Google's schema. Both
    urlset schemas make sitemap.xsd's strict wildcard lax in a temporary
    copy and import the other schema beside it (see
    ../shared/schemas/README.md)."""
    text = (shared_schemas / "sitemap.xsd").read_text(encoding="utf-8")
    assert 'processContents="strict"' in text
    (tmp_path / "sitemap.xsd").write_text(
        text.replace('processContents="strict"', 'processContents="lax"'), encoding="utf-8"
    )
    shutil.copy(shared_schemas / "sitemap-news.xsd", tmp_path / "sitemap-news.xsd")
    (tmp_path / "xhtml-link.xsd").write_text(XHTML_LINK_XSD, encoding="utf-8")

    def combined(name, namespace, location):
        (tmp_path / name).write_text(
            '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
            f'<xsd:import namespace="{SM}" schemaLocation="sitemap.xsd"/>'
            f'<xsd:import namespace="{namespace}" schemaLocation="{location}"/>'
            "</xsd:schema>"
        )
        return etree.XMLSchema(etree.parse(str(tmp_path / name)))

    return {
        "index": etree.XMLSchema(etree.parse(str(shared_schemas / "siteindex.xsd"))),
        "urlset": combined("alternates.xsd", XHTML, "xhtml-link.xsd"),
        "news": combined("news.xsd", NEWS, "sitemap-news.xsd"),
    }


def parse(content: bytes):
    return etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))


def assert_valid(schema, doc):
    assert schema.validate(doc), "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)


def get_xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return parse(response.content)


def local_path(url):
    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.netloc == "testserver", url
    return parts.path + (f"?{parts.query}" if parts.query else "")


def article_files(client, language):
    """The article sitemap files the index lists for ``language``."""
    index = get_xml(client, reverse("sitemap_index"))
    locs = [local_path(loc) for loc in index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)]
    return [loc for loc in locs if loc.startswith(f"/sitemap-articles-{language}.xml")]


@pytest.fixture
def articles(make_article, science):
    return {
        "de": make_article("Der Rat beschließt den Haushalt", age=timedelta(hours=3)),
        "de old": make_article("Die Brücke wird saniert", age=timedelta(days=40)),
        "en": make_article("Council passes the budget", language="en", section=science),
        "draft": make_article("Geheimer Entwurf", status=Article.Status.DRAFT),
        "future": make_article("Morgen erscheint das", age=-timedelta(hours=3)),
    }


def test_it_serves_a_valid_sitemap_index(client, articles, schemas):
    doc = get_xml(client, reverse("sitemap_index"))

    assert_valid(schemas["index"], doc)
    locs = [local_path(loc) for loc in doc.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)]
    # Each file is named by its id range (?p=K; K = 1 has no parameter):
    # here one each, wherever the ids of this test run start.
    assert [loc.partition("?")[0] for loc in locs] == [
        "/sitemap-articles-de.xml",
        "/sitemap-articles-en.xml",
        "/sitemap-pages.xml",
    ]


def test_it_serves_valid_sitemaps_for_everything_the_index_lists(client, articles, schemas):
    index = get_xml(client, reverse("sitemap_index"))

    locations = []
    for loc in index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS):
        doc = get_xml(client, local_path(loc))
        assert_valid(schemas["urlset"], doc)
        locations += [local_path(u) for u in doc.xpath("//sm:url/sm:loc/text()", namespaces=NS)]

    assert len(locations) == len(set(locations))
    assert articles["de"].get_absolute_url() in locations
    assert articles["de old"].get_absolute_url() in locations
    assert articles["en"].get_absolute_url() in locations
    assert articles["draft"].get_absolute_url() not in locations
    assert articles["future"].get_absolute_url() not in locations
    for page in ["/de/", "/en/", articles["en"].section.url_in("en")]:
        assert page in locations
    assert articles["de"].byline_authors[0].url_in("de") in locations


def test_it_lists_each_language_in_its_own_article_sitemap(client, articles):
    [path] = article_files(client, "en")
    doc = get_xml(client, path)

    locs = [local_path(loc) for loc in doc.xpath("//sm:url/sm:loc/text()", namespaces=NS)]
    assert locs == [articles["en"].get_absolute_url()]


def test_it_dates_an_article_by_its_last_change(client, articles):
    article = articles["de old"]
    services.add_correction(article, "Die Brücke ist 40 Meter lang.")
    [sitemap] = article_files(client, "de")

    doc = get_xml(client, sitemap)

    [lastmod] = doc.xpath(
        "//sm:url[sm:loc=$loc]/sm:lastmod/text()",
        namespaces=NS,
        loc="http://testserver" + article.get_absolute_url(),
    )
    assert lastmod == timezone.localtime(article.updated_at).isoformat()
    assert lastmod != timezone.localdate(article.publish_at).isoformat()


def test_it_lists_only_sitemaps_with_addresses_and_each_validates(client, make_article, schemas):
    # A German-only site (no English article yet).
    make_article("Der Rat beschließt den Haushalt")

    index = get_xml(client, reverse("sitemap_index"))

    assert_valid(schemas["index"], index)
    for loc in index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS):
        assert_valid(schemas["urlset"], get_xml(client, local_path(loc)))


def test_it_serves_a_valid_news_sitemap(client, articles, schemas):
    doc = get_xml(client, reverse("sitemap_news"))

    assert_valid(schemas["news"], doc)
    entries = doc.xpath("//sm:url", namespaces=NS)
    assert len(entries) == 2
    for entry in entries:
        article = Article.objects.get(headline=entry.findtext(f"{{{NEWS}}}news/{{{NEWS}}}title"))
        assert local_path(entry.findtext(f"{{{SM}}}loc")) == article.get_absolute_url()
        news = entry.find(f"{{{NEWS}}}news")
        assert news.findtext(f"{{{NEWS}}}publication/{{{NEWS}}}name") == "Masthead"
        assert news.findtext(f"{{{NEWS}}}publication/{{{NEWS}}}language") == article.language
        published = news.findtext(f"{{{NEWS}}}publication_date")
        assert datetime.fromisoformat(published) == article.publish_at


def test_the_news_schema_check_can_fail(client, articles, schemas):
    doc = get_xml(client, reverse("sitemap_news"))
    doc.find(f".//{{{NEWS}}}language").text = "Deutsch"

    assert not schemas["news"].validate(doc)


@pytest.mark.parametrize(
    ("age", "listed"),
    [
        (timedelta(minutes=5), True),
        (timedelta(hours=47, minutes=50), True),
        (timedelta(hours=48, minutes=10), False),
        (timedelta(days=5), False),
        (-timedelta(minutes=5), False),
    ],
    ids=str,
)
def test_it_holds_only_articles_of_the_last_48_hours_in_the_news_sitemap(
    client, make_article, age, listed
):
    make_article("Eine Meldung für Google News", age=age)
    make_article("Aktuell", age=timedelta(hours=1))  # so that the sitemap is never empty

    content = client.get(reverse("sitemap_news")).content.decode()

    assert ("Eine Meldung für Google News" in content) is listed


def test_it_escapes_headlines_in_the_news_sitemap(client, make_article, schemas):
    make_article('Tom & Jerry <live> sagen "Hallo"')

    doc = get_xml(client, reverse("sitemap_news"))

    assert_valid(schemas["news"], doc)
    assert doc.findtext(f".//{{{NEWS}}}title") == 'Tom & Jerry <live> sagen "Hallo"'


def test_it_names_both_sitemaps_in_robots_txt(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
    assert "Disallow: /desk/" in lines


# Splitting: files by id range, only filled ones listed ----------------------


@pytest.fixture
def archive(make_article, science, settings):
    """Public articles in two languages with drafts, scheduled and
    unpublished articles between them, and a run of ids with no public
    German article (an empty range must not be listed)."""
    settings.SITEMAP_ARTICLES_PER_FILE = 3
    made = {"public": [], "hidden": []}
    for n in range(25):
        if n in (5, 9, 14, 22):
            status = {"status": Article.Status.DRAFT}
        elif n in (6, 15):
            status = {"age": -timedelta(hours=2)}  # scheduled
        elif n == 16:
            status = {"status": Article.Status.UNPUBLISHED}
        else:
            status = {}
        # Ids 10–13 and 17–21 are English only: no German file there.
        language = "en" if 10 <= n <= 13 or 17 <= n <= 21 else "de"
        article = make_article(f"Meldung {n}", language=language, section=science, **status)
        made["public" if not status else "hidden"].append(article)
    return made


def listed_files(client):
    index = get_xml(client, reverse("sitemap_index"))
    return [local_path(loc) for loc in index.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)]


def test_it_splits_article_sitemaps_into_files_of_at_most_the_set_size(client, archive, schemas):
    index = get_xml(client, reverse("sitemap_index"))
    assert_valid(schemas["index"], index)

    per_file = {}
    for path in listed_files(client):
        doc = get_xml(client, path)
        assert_valid(schemas["urlset"], doc)
        locs = [local_path(u) for u in doc.xpath("//sm:url/sm:loc/text()", namespaces=NS)]
        assert locs, f"{path} is listed but empty"
        per_file[path] = locs

    articles = {p: locs for p, locs in per_file.items() if "articles" in p}
    assert len(articles) > 2
    assert all(len(locs) <= 3 for locs in articles.values())
    everything = [loc for locs in articles.values() for loc in locs]
    assert sorted(everything) == sorted(a.get_absolute_url() for a in archive["public"])
    for article in archive["hidden"]:
        assert article.get_absolute_url() not in everything


def test_it_lists_no_file_without_articles_of_its_language(client, archive):
    files = listed_files(client)

    for language in ("de", "en"):
        # File K holds the ids (K - 1) × 3 + 1 … K × 3.
        expected = sorted(
            {(a.pk - 1) // 3 + 1 for a in archive["public"] if a.language == language}
        )
        listed = [f for f in files if f.startswith(f"/sitemap-articles-{language}.xml")]
        assert [int(f.partition("?p=")[2] or 1) for f in listed] == expected
    german = article_files(client, "de")
    assert len(german) < max(int(f.partition("?p=")[2] or 1) for f in german)  # a gap


def test_it_answers_404_for_a_file_outside_the_list(client, archive):
    files = article_files(client, "de")
    numbers = {int(f.partition("?p=")[2] or 1) for f in files}
    missing = next(n for n in range(1, max(numbers) + 2) if n not in numbers)

    for page in [missing, max(numbers) + 1, 0, -1, "abc"]:
        response = client.get(f"/sitemap-articles-de.xml?p={page}")
        assert response.status_code == 404, page


def test_it_runs_one_query_for_the_files_of_each_language(client, archive, assert_num_queries):
    # Expect 4 queries, however many articles and files:
    # 1. the filled German files (a recursive statement, one index lookup a file)
    # 2. the filled English files
    # 3. the sections and 4. the authors (the pages sitemap)
    with assert_num_queries(4):
        client.get(reverse("sitemap_index"))


def test_each_article_names_its_other_language_versions(
    client, make_article, science, schemas, assert_num_queries
):
    german = make_article("Der Rat beschließt den Haushalt")
    english = make_article("Council passes the budget", language="en", section=science)
    Article.objects.filter(pk=english.pk).update(translation_key=german.translation_key)
    alone = make_article("Die Brücke wird saniert")
    draft = make_article("Entwurf", language="en", status=Article.Status.DRAFT)
    Article.objects.filter(pk=draft.pk).update(translation_key=alone.translation_key)

    for language, article in (("de", german), ("en", english)):
        (path,) = article_files(client, language)
        with assert_num_queries(2):  # the file's articles, their other versions
            doc = get_xml(client, path)
        assert_valid(schemas["urlset"], doc)
        url = doc.xpath(
            f"//sm:url[sm:loc='http://testserver{article.get_absolute_url()}']", namespaces=NS
        )[0]
        links = [
            (link.get("hreflang"), local_path(link.get("href")))
            for link in url.xpath("x:link", namespaces={"x": XHTML})
        ]
        assert links == [("de", german.get_absolute_url()), ("en", english.get_absolute_url())]

    # An article whose only other version is a draft names none.
    (path,) = article_files(client, "de")
    doc = get_xml(client, path)
    url = doc.xpath(
        f"//sm:url[sm:loc='http://testserver{alone.get_absolute_url()}']", namespaces=NS
    )[0]
    assert url.xpath("x:link", namespaces={"x": XHTML}) == []


def test_home_section_and_author_pages_name_each_other(client, articles, schemas):
    doc = get_xml(client, "/sitemap-pages.xml")
    assert_valid(schemas["urlset"], doc)
    url = doc.xpath("//sm:url[sm:loc='http://testserver/en/']", namespaces=NS)[0]
    links = [
        (link.get("hreflang"), local_path(link.get("href")))
        for link in url.xpath("x:link", namespaces={"x": XHTML})
    ]
    assert links == [("de", "/de/"), ("en", "/en/")]


def test_the_alternates_schema_check_can_fail(schemas):
    bad = (
        f'<urlset xmlns="{SM}" xmlns:xhtml="{XHTML}"><url><loc>http://testserver/de/</loc>'
        '<xhtml:link rel="alternate" href="http://testserver/en/"/></url></urlset>'
    )
    assert not schemas["urlset"].validate(parse(bad.encode()))
