"""Every old WordPress address answers 301 with the new one: by id
(/?p=12 …), in the export's permalink structure, the archives and feeds,
and attachment pages; to the object's address of now."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.articles.models import Article
from masthead.importers.models import WordPressItem
from masthead.sections.models import Section, Tag

from .conftest import THEME_UNIT_TEST, needs_wxr, wxr_document, wxr_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_terminal")]

CHANNEL = """
<wp:author><wp:author_id>4</wp:author_id><wp:author_login>hanna</wp:author_login>
  <wp:author_display_name><![CDATA[Hanna Feldmann]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>welt</wp:category_nicename>
  <wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Welt]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>europa</wp:category_nicename>
  <wp:category_parent>welt</wp:category_parent><wp:cat_name><![CDATA[Europa]]></wp:cat_name></wp:category>
<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug>wahlen</wp:tag_slug>
  <wp:tag_name><![CDATA[Wahlen]]></wp:tag_name></wp:tag>
"""
FILED = (
    '<category domain="category" nicename="europa"><![CDATA[Europa]]></category>'
    '<category domain="post_tag" nicename="wahlen"><![CDATA[Wahlen]]></category>'
)
ITEMS = [
    wxr_item(12, "Die Wahl in Wien", link="https://news.example.org/2024/05/die-wahl/",
             post_name="die-wahl", extra=FILED),
    wxr_item(13, "Nach Nummer", link="https://news.example.org/archives/13", post_name="nummer"),
    wxr_item(14, "Entwurf", status="draft", link="https://news.example.org/?p=14"),
    wxr_item(2, "Impressum", post_type="page", post_name="impressum",
             link="https://news.example.org/impressum/"),
    wxr_item(30, "Foto", post_type="attachment", status="inherit", parent="12",
             link="https://news.example.org/2024/05/die-wahl/foto/", post_name="foto",
             extra="<wp:attachment_url>https://news.example.org/wp-content/uploads/foto.jpg"
                   "</wp:attachment_url>"),
]  # fmt: skip


@pytest.fixture
def site(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(wxr_document("".join(ITEMS), channel=CHANNEL))
    call_command("import_wxr", str(path), "--no-progress", stdout=StringIO())


def story(wp_id) -> Article:
    row = WordPressItem.objects.get(kind__in=("post", "page"), wp_id=str(wp_id))
    return Article.objects.get(pk=row.object_id)


def redirect(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 301, (address, response.status_code)
    return response["Location"]


def test_addresses_by_id_redirect(site, client):
    wahl = story(12)
    assert wahl.get_absolute_url().startswith("/de/")
    assert redirect(client, "/?p=12") == wahl.get_absolute_url()
    assert redirect(client, "/?p=2") == story(2).get_absolute_url()
    assert redirect(client, "/?page_id=2") == story(2).get_absolute_url()
    assert redirect(client, "/?attachment_id=30") == wahl.get_absolute_url()
    europa = Section.objects.get(slugs__de="europa")
    assert redirect(client, "/?cat=5") == europa.url_in("de")
    assert redirect(client, "/?tag=wahlen") == Tag.objects.get(slug="wahlen").get_absolute_url()
    assert redirect(client, "/?author=4") == wahl.authors.get().url_in("de")
    with translation.override("de"):
        assert redirect(client, "/?feed=rss2") == reverse("feeds:rss")
        assert redirect(client, "/?cat=5&feed=rss2") == reverse(
            "feeds:section_rss", kwargs={"slug": "europa"}
        )


def test_the_permalink_structure_of_the_export_redirects(site, client):
    wahl = story(12)
    assert redirect(client, "/2024/05/die-wahl/") == wahl.get_absolute_url()
    assert redirect(client, "/2024/05/die-wahl") == wahl.get_absolute_url()
    assert redirect(client, "/2024/05/die-wahl/feed/") == wahl.get_absolute_url()
    assert redirect(client, "/2024/05/die-wahl/amp/") == wahl.get_absolute_url()
    assert redirect(client, "/archives/13") == story(13).get_absolute_url()
    assert redirect(client, "/impressum/") == story(2).get_absolute_url()
    # The attachment's page: the story it belonged to.
    assert redirect(client, "/2024/05/die-wahl/foto/") == wahl.get_absolute_url()


def test_archives_and_feeds_redirect(site, client):
    europa = Section.objects.get(slugs__de="europa")
    assert europa.parent == Section.objects.get(slugs__de="welt")
    assert redirect(client, "/category/welt/europa/") == europa.url_in("de")
    assert redirect(client, "/category/europa/") == europa.url_in("de")
    assert redirect(client, "/category/welt/europa/page/2/") == europa.url_in("de")
    tag = Tag.objects.get(slug="wahlen")
    assert redirect(client, "/tag/wahlen/") == tag.get_absolute_url()
    author = story(12).authors.get()
    assert redirect(client, "/author/hanna/") == author.url_in("de")
    with translation.override("de"):
        assert redirect(client, "/feed/") == reverse("feeds:rss")
        assert redirect(client, "/comments/feed/") == reverse("feeds:rss")
        assert redirect(client, "/category/welt/europa/feed/") == reverse(
            "feeds:section_rss", kwargs={"slug": "europa"}
        )
        assert redirect(client, "/tag/wahlen/feed/") == reverse(
            "feeds:tag_rss", kwargs={"slug": "wahlen"}
        )
        assert redirect(client, "/author/hanna/feed/") == reverse(
            "feeds:author_rss", kwargs={"slug": author.slug}
        )
    for target in ("/2024/05/die-wahl/", "/category/europa/", "/tag/wahlen/", "/feed/"):
        assert client.get(redirect(client, target)).status_code == 200


def test_an_author_of_an_english_site_lands_on_the_english_author_page(tmp_path, client):
    path = tmp_path / "export.xml"
    document = wxr_document("".join(ITEMS[:1]), channel=CHANNEL)
    path.write_text(document.replace("<language>de-AT</language>", "<language>en-US</language>"))
    call_command("import_wxr", str(path), "--no-progress", stdout=StringIO())
    wahl = story(12)
    assert wahl.language == "en"
    author = wahl.authors.get()
    assert redirect(client, "/author/hanna/") == author.url_in("en")
    assert redirect(client, "/?author=4") == author.url_in("en")
    with translation.override("en", deactivate=True):
        feed = reverse("feeds:author_rss", kwargs={"slug": author.slug})
    assert redirect(client, "/author/hanna/feed/") == feed


def test_a_reader_whose_browser_speaks_another_language_is_sent_on_too(site, client):
    """/tag/…/ and /author/…/ are also Masthead's addresses in English
    (under /en/): the old site's object still wins."""
    author = story(12).authors.get()
    tag = Tag.objects.get(slug="wahlen")
    english = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
    for old, new in (
        ("/author/hanna/", author.url_in("de")),
        ("/tag/wahlen/", tag.get_absolute_url()),
    ):
        response = client.get(old, **english)
        assert (response.status_code, response["Location"]) == (301, new), old
    # An address of no old object keeps the reader's language.
    assert client.get("/tag/nothing/", **english).status_code == 302


def test_it_redirects_to_the_address_of_now(site, client):
    wahl = story(12)
    wahl.slug = "wahl-in-wien"
    services.save_article(wahl, authors=wahl.authors.all(), tags=wahl.tags.all())
    assert redirect(client, "/2024/05/die-wahl/").endswith("/wahl-in-wien/")
    assert redirect(client, "/?p=12").endswith("/wahl-in-wien/")


def test_a_draft_and_an_unknown_address_get_no_redirect(site, client):
    assert client.get("/?p=14").status_code != 301
    assert client.get("/?p=999").status_code != 301
    assert client.get("/2024/05/nothing-here/").status_code == 404
    wahl = story(12)
    services.unpublish(wahl)
    assert client.get("/2024/05/die-wahl/").status_code == 404


def test_the_page_cache_does_not_answer_old_addresses_with_the_home_page(site, client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    try:
        client.get("/")  # the root's answer stored
        client.get("/?p=2")
        assert redirect(client, "/?p=12") == story(12).get_absolute_url()
        assert redirect(client, "/?page_id=2") == story(2).get_absolute_url()
        client.get("/2024/05/nothing/")  # a 404 stored
        assert redirect(client, "/2024/05/die-wahl/") == story(12).get_absolute_url()
    finally:
        cache.clear()


def test_the_front_end_lets_old_addresses_by_id_through(settings, tmp_path):
    settings.PAGE_FILES_DIR = str(tmp_path / "pages")
    out = StringIO()
    call_command("frontend_config", stdout=out)
    pattern = next(
        line for line in out.getvalue().splitlines() if '"~' in line and "page_id" in line
    )
    names = pattern.split("(?:")[2].split(")")[0].split("|")
    assert {"p", "page_id", "attachment_id", "cat", "tag", "author", "feed"} <= set(names)


@needs_wxr
def test_ten_old_addresses_of_the_theme_unit_test_data_land_on_their_pages(client):
    call_command("import_wxr", str(THEME_UNIT_TEST), "--no-progress", stdout=StringIO())
    addresses = [
        "/?p=1241",
        "/2012/01/07/template-sticky/",
        "/about/",
        "/about/page-with-comments/",
        "/?page_id=146",
        "/2010/09/10/post-format-gallery/canola2/",
        "/category/parent-category/child-category-03/",
        "/tag/content-2/",
        "/author/themedemos/",
        "/feed/",
    ]
    for address in addresses:
        location = redirect(client, address)
        assert client.get(location).status_code == 200, (address, location)


@pytest.mark.django_db(transaction=True)
def test_without_its_table_the_site_answers_as_without_an_import(client):
    """The database failing under the lookup (here: the table renamed away
    inside a savepoint) leaves the answer Masthead would give without an
    import (the page cache's stale pages then), not an error page."""
    from django.db import connection, transaction

    table = connection.ops.quote_name("importers_wordpressitem")
    away = connection.ops.quote_name("importers_wordpressitem_away")
    with transaction.atomic():
        sid = transaction.savepoint()
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table} RENAME TO {away}")
        by_id = client.get("/?p=12")
        by_path = client.get("/2019/05/eine-alte-geschichte/")
        transaction.savepoint_rollback(sid)
    assert by_id.status_code == 302  # to the reader's language, as without ?p=
    assert by_path.status_code == 404
