"""The full-page cache: anonymous readers get stored pages, and every change
readers could see shows on the very next request."""

import gzip
import html
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import brotli
import pytest
import time_machine
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.articles.pagination import Cursor
from masthead.pagecache.generation import bump, current_generation
from masthead.pagecache.middleware import kept_query
from masthead.pagecache.tests.conftest import commit_setup

pytestmark = pytest.mark.usefixtures("page_cache_on")


def home(language="de"):
    with translation.override(language):
        return reverse("articles:home")


def get(client, url, **headers):
    return client.get(url, headers=headers)


@pytest.mark.django_db
def test_it_serves_the_second_request_from_the_cache_without_queries(
    client, make_article, django_assert_num_queries
):
    make_article("Erster Artikel")
    first = get(client, home())
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = get(client, home())
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Erster Artikel" in second.content.decode()


@pytest.mark.django_db
def test_a_search_query_on_another_page_is_that_page_s_one_copy(client, make_article):
    make_article("Erster Artikel")
    assert get(client, home())["X-Cache"] == "MISS"
    # The search's parameters count on the search's pages only: elsewhere
    # they are removed like utm_source, and fill no cache entry.
    response = get(client, home() + "?q=Wahl&section=welt&sort=newest")
    assert response["X-Cache"] == "HIT"
    with translation.override("de"):
        search = reverse("search:results")
    assert get(client, search + "?q=Wahl")["X-Cache"] == "MISS"
    assert get(client, search + "?q=Wahl")["X-Cache"] == "HIT"
    assert get(client, search + "?q=Wien")["X-Cache"] == "MISS"
    # In every language (the path's own prefix, whatever is active).
    with translation.override("en"):
        search = reverse("search:results")
    response = get(client, search + "?q=Vienna")
    assert response["X-Cache"] == "MISS"
    assert 'value="Vienna"' in response.content.decode()


@pytest.mark.django_db
def test_it_shows_a_published_article_on_the_next_request(client, make_article, changes):
    make_article("Alter Artikel")
    assert "Neuer Artikel" not in get(client, home()).content.decode()
    changes(make_article, "Neuer Artikel")
    response = get(client, home())
    assert response["X-Cache"] == "MISS"
    assert "Neuer Artikel" in response.content.decode()


@pytest.mark.django_db
def test_it_follows_edits_unpublishing_and_corrections(client, make_article, changes):
    article = make_article("Vorher")
    url = article.get_absolute_url()
    assert "Vorher" in get(client, url).content.decode()

    article.headline = "Nachher"
    changes(services.save_article, article, authors=article.byline_authors)
    assert "Nachher" in get(client, url).content.decode()

    changes(services.add_correction, article, "Ein Name war falsch geschrieben.")
    assert "Ein Name war falsch geschrieben." in get(client, url).content.decode()

    changes(services.unpublish, article)
    assert get(client, url).status_code == 404
    assert "Nachher" not in get(client, home()).content.decode()


@pytest.mark.django_db
def test_it_follows_changes_to_sections_and_authors(client, make_article, world, author, changes):
    make_article("Ein Artikel")
    assert "Welt" in get(client, home()).content.decode()
    world.names = {"de": "Ausland", "en": "Abroad"}
    changes(world.save)
    author.name = "Lena Hartmann-Roth"
    changes(author.save)
    page = get(client, home()).content.decode()
    assert "Ausland" in page
    assert "Lena Hartmann-Roth" in page


def test_it_follows_changes_to_a_lead_image(client, make_article, make_image, changes):
    image = make_image(alt={"de": "Das alte Rathaus"}, credit="Jana Berger")
    article = make_article("Mit Bild", lead_image=image)
    assert "Das alte Rathaus" in get(client, article.get_absolute_url()).content.decode()
    image.alt = {"de": "Das neue Rathaus"}
    image.credit = "Lea Sommer"
    changes(image.save)
    page = get(client, article.get_absolute_url()).content.decode()
    assert "Das neue Rathaus" in page
    assert "Lea Sommer" in page


@pytest.mark.django_db
def test_it_follows_changes_to_a_picture_in_the_library(client, make_article, changes):
    from masthead.articles.tests.pictures import make_image, picture

    image = make_image(alt={"de": "Der Ratssaal"})
    article = make_article("Mit Bild", body=picture(image))
    assert 'alt="Der Ratssaal"' in get(client, article.get_absolute_url()).content.decode()
    image.alt = {"de": "Der neue Ratssaal"}
    changes(image.save)
    assert 'alt="Der neue Ratssaal"' in get(client, article.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_it_caches_and_refreshes_feeds(client, make_article, changes):
    make_article("Im Feed")
    with translation.override("de"):
        url = reverse("feeds:rss")
    assert get(client, url)["X-Cache"] == "MISS"
    assert get(client, url)["X-Cache"] == "HIT"
    changes(make_article, "Neu im Feed")
    response = get(client, url)
    assert response["X-Cache"] == "MISS"
    assert "Neu im Feed" in response.content.decode()


@pytest.mark.django_db
def test_it_shows_a_scheduled_article_at_its_time_without_any_change(client, make_article, changes):
    noon = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    with time_machine.travel(noon, tick=False) as clock:
        # At 12:00 one article is out, and one is scheduled for 12:05.
        make_article("Schon da")
        changes(make_article, "Kommt gleich", publish_at=noon + timedelta(minutes=5), age=None)
        assert "Kommt gleich" not in get(client, home()).content.decode()
        assert get(client, home())["X-Cache"] == "HIT"
        # At 12:04:59 the stored page is still the right one.
        clock.move_to(noon + timedelta(minutes=4, seconds=59))
        assert get(client, home())["X-Cache"] == "HIT"
        # At 12:05 the next reader gets a fresh page with it, though nothing changed.
        clock.move_to(noon + timedelta(minutes=5))
        response = get(client, home())
        assert response["X-Cache"] == "MISS"
        assert "Kommt gleich" in response.content.decode()


@pytest.mark.django_db
def test_it_gives_signed_in_staff_live_pages(client, editor, make_article):
    make_article("Live")
    client.force_login(editor)
    response = get(client, home())
    assert "X-Cache" not in response
    assert get(client, home()).get("X-Cache") is None


@pytest.mark.django_db
def test_it_answers_304_to_a_browser_with_the_current_copy(client, make_article):
    make_article("Etag")
    first = get(client, home())
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert get(client, home(), if_none_match=etag).status_code == 304
    assert get(client, home(), if_modified_since=last_modified).status_code == 304
    assert get(client, home(), if_none_match='"something-else"').status_code == 200


@pytest.mark.django_db
def test_it_compresses_with_brotli_or_gzip(client, make_article):
    make_article("Komprimiert")
    plain = get(client, home()).content
    br = get(client, home(), accept_encoding="gzip, deflate, br")
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain
    gz = get(client, home(), accept_encoding="gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain
    assert "Accept-Encoding" in br["Vary"]


@pytest.mark.django_db
def test_it_tells_browsers_and_shared_caches_how_long_to_keep_pages(client, make_article):
    make_article("Header")
    control = get(client, home())["Cache-Control"]
    assert "public" in control
    assert "s-maxage=" in control
    assert "stale-while-revalidate=" in control
    assert "stale-if-error=" in control


@pytest.mark.django_db
def test_it_never_caches_the_newsroom_or_previews(client):
    response = client.get("/desk/login/")
    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_does_not_store_not_found_pages(client):
    client.get("/de/artikel/gibt-es-nicht/")
    response = client.get("/de/artikel/gibt-es-nicht/")
    assert response.status_code == 404
    assert "X-Cache" not in response


@pytest.mark.django_db(transaction=True)
def test_it_serves_the_last_good_copy_when_the_database_fails(client, make_article, settings):
    """A real database failure: the articles table is renamed away inside a
    savepoint, so every query on it fails, then everything is rolled back."""
    article = make_article("Bleibt lesbar")
    url = article.get_absolute_url()
    assert get(client, url)["X-Cache"] == "MISS"
    bump()  # a new generation: the stored page is only a stale copy now

    table = connection.ops.quote_name("articles_article")
    away = connection.ops.quote_name("articles_article_away")
    with transaction.atomic():
        sid = transaction.savepoint()
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table} RENAME TO {away}")
        stale = get(client, url)
        never_seen = get(client, home("en"), accept_language="en")
        transaction.savepoint_rollback(sid)

    assert stale.status_code == 200
    assert stale["X-Cache"] == "STALE"
    assert "Bleibt lesbar" in stale.content.decode()
    assert never_seen.status_code == 503
    assert never_seen["Retry-After"] == str(settings.PAGE_RETRY_AFTER)
    assert "Back in a moment" in never_seen.content.decode()
    # Answered before the security middleware, it carries its own policy.
    assert never_seen["Content-Security-Policy"].startswith("default-src 'none'")
    assert never_seen["X-Content-Type-Options"] == "nosniff"

    # The database is back: pages render again.
    assert get(client, home("en"), accept_language="en").status_code == 200


@pytest.mark.django_db
def test_it_caches_sitemaps_and_robots_txt_in_every_language(
    client, make_article, changes, settings
):
    article = make_article("Im Sitemap")
    # The article's sitemap file (files hold id ranges, see feeds/sitemaps.py).
    number = (article.pk - 1) // settings.SITEMAP_ARTICLES_PER_FILE + 1
    articles_de = "/sitemap-articles-de.xml" + (f"?p={number}" if number > 1 else "")
    for url in ("/sitemap.xml", articles_de, "/robots.txt"):
        assert get(client, url, accept_language="en")["X-Cache"] == "MISS"
        again = get(client, url, accept_language="de")
        assert again["X-Cache"] == "HIT"
        assert "Content-Language" not in again
    changes(make_article, "Neu im Sitemap")
    response = get(client, "/sitemap.xml")
    assert response["X-Cache"] == "MISS"
    assert get(client, articles_de)["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_it_never_stores_the_language_redirect(client):
    first = get(client, "/", accept_language="en")
    second = get(client, "/", accept_language="de")
    assert first["Location"].startswith("/en/")
    assert second["Location"].startswith("/de/")
    assert "X-Cache" not in second


# Addresses shared with tracking parameters (issue 9, defect 3).

TRACKING = [
    "utm_source=newsletter&utm_medium=email",
    "fbclid=IwAR0abc",
    "gclid=Cj0KCQ",
    "mc_cid=4f2a&mc_eid=99",
    "utm_x=1",
    "utm_x=2",
    "anything=else&utm_campaign=herbst",
]


@pytest.mark.django_db
def test_tracking_parameters_share_the_one_stored_copy(client, make_article):
    make_article("Geteilt")
    plain = get(client, home())
    assert plain["X-Cache"] == "MISS"
    for query in TRACKING:
        response = get(client, f"{home()}?{query}")
        # A new entry would be a MISS: every variant is the plain page's copy.
        assert response["X-Cache"] == "HIT", query
        assert response.content == plain.content
        assert response["ETag"] == plain["ETag"]
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', plain.content.decode())[1]
    assert canonical == "http://testserver" + home()


@pytest.mark.django_db
def test_the_first_request_with_tracking_parameters_stores_the_plain_page(client, make_article):
    make_article("Zuerst geteilt")
    first = get(client, f"{home()}?utm_source=a&fbclid=b")
    assert first["X-Cache"] == "MISS"
    assert "utm_source" not in first.content.decode()
    assert "fbclid" not in first.content.decode()
    assert get(client, home())["X-Cache"] == "HIT"
    assert get(client, f"{home()}?utm_source=c")["X-Cache"] == "HIT"


@pytest.mark.django_db
def test_the_parameters_a_view_reads_are_part_of_the_key(client, make_article):
    for n in range(10):
        make_article(f"Meldung {n}", age=timedelta(hours=n + 1))
    more = re.search(r'<p class="more"><a href="([^"]+)"', get(client, home()).content.decode())
    archive = home() + html.unescape(more[1])
    first = get(client, archive)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    again = get(client, archive + "&utm_source=x&fbclid=y")
    assert again["X-Cache"] == "HIT"
    assert again.content == first.content != get(client, home()).content


@pytest.mark.django_db
@pytest.mark.parametrize("name, shift", [("before", -1), ("after", 1)])
@pytest.mark.parametrize("tracking", ["", "&utm_source=x"])
def test_a_made_up_cursor_never_creates_an_entry(
    client, make_article, settings, name, shift, tracking
):
    """A well-formed cursor that names no article (a position between two)
    shows its page, but no cache stores it: a client could make up
    infinitely many."""
    settings.PAGE_SIZE = 2
    articles = [make_article(f"Meldung {n}", age=timedelta(days=n + 1)) for n in range(12)]
    between = articles[5 if name == "before" else 11]
    cursor = Cursor(between.publish_at + timedelta(seconds=shift), between.pk)
    for _ in range(2):
        response = get(client, f"{home()}?{name}={cursor}{tracking}")
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"]
    # The same page by the cursor the site's own links use is stored.
    known = articles[5 if name == "before" else 11]
    assert get(client, f"{home()}?{name}={Cursor.of(known)}")["X-Cache"] == "MISS"
    assert get(client, f"{home()}?{name}={Cursor.of(known)}{tracking}")["X-Cache"] == "HIT"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["page=01", "page=%201", "page=1&page=1", "page=", "p=+1"])
def test_a_value_in_another_form_than_the_sites_links_is_never_stored(client, make_article, query):
    article = make_article("Korrigiert")
    services.add_correction(article, "Ein Name war falsch geschrieben.")
    with translation.override("de"):
        url = reverse("articles:corrections")
    for _ in range(2):
        assert "X-Cache" not in get(client, f"{url}?{query}")


def test_only_the_parameters_views_read_are_kept():
    from django.http import QueryDict

    assert kept_query(QueryDict("utm_source=x&gclid=y")) == ("", True)
    assert kept_query(QueryDict("p=2&fbclid=z&page=3")) == ("page=3&p=2", True)
    assert kept_query(QueryDict("before=x"))[1] is False


# Hosts and ports (issue 9, defect 2).


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["127.0.0.1:6666", "localhost", "testserver:6666"])
def test_a_request_for_another_host_or_port_stores_nothing(client, make_article, host):
    article = make_article("Fremder Host")
    url = article.get_absolute_url()
    for _ in range(2):
        response = client.get(url, headers={"host": host})
        assert response.status_code == 200
        assert "X-Cache" not in response  # rendered, never stored
        page = response.content.decode()
        assert "6666" not in page
        assert "http://testserver" + url in page
    # Nothing was planted for the site's readers.
    assert get(client, url)["X-Cache"] == "MISS"


@pytest.mark.django_db
def test_a_request_for_another_host_gets_the_stored_page(client, make_article):
    """The stored page names only the site's address, whoever asks."""
    article = make_article("Für alle gleich")
    stored = get(client, article.get_absolute_url())
    response = client.get(article.get_absolute_url(), headers={"host": "127.0.0.1:6666"})
    assert response["X-Cache"] == "HIT"
    assert response.content == stored.content


# One write transaction, one generation (issue 9, defect 11).


def bumps(callbacks):
    """The page cache's callbacks among ``callbacks`` (pagecache/signal_handlers.py,
    through lib/transactions.once_on_commit)."""
    return [c for c in callbacks if getattr(c, "attribute", None) == "pagecache_bump"]


@pytest.mark.django_db
def test_one_save_starts_one_generation(
    make_article, make_author, make_tag, author, django_capture_on_commit_callbacks
):
    """An article saved with new tags and a new byline of three (its row,
    tag adds and removes, byline deletes and inserts, the revision: a dozen
    signals) starts exactly one new generation, on commit."""
    article = make_article("Ein Artikel", tags=[make_tag("Alt")])
    colleagues = [author, make_author("Jonas Weber"), make_author("Mia Roth")]
    tags = [make_tag("Haushalt"), make_tag("Rat")]
    commit_setup()
    before = current_generation()
    article.headline = "Ein geänderter Artikel"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.save_article(article, authors=colleagues[::-1], tags=tags)
    assert len(bumps(callbacks)) == 1
    assert current_generation().number != before.number


@pytest.mark.django_db
def test_a_change_rolled_back_to_a_savepoint_does_not_hide_the_next(
    world, author, django_capture_on_commit_callbacks
):
    commit_setup()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            sid = transaction.savepoint()
            author.name = "Wird zurückgenommen"
            author.save()
            transaction.savepoint_rollback(sid)
            world.names = {"de": "Ausland", "en": "Abroad"}
            world.save()
    assert len(bumps(callbacks)) == 1


@pytest.mark.django_db(transaction=True)
def test_each_change_outside_a_transaction_starts_a_generation(world):
    first = current_generation()
    world.position = 7
    world.save()
    second = current_generation()
    world.save()
    assert first.number != second.number != current_generation().number


@pytest.mark.django_db
def test_the_renditions_of_a_lead_image_reach_the_cached_page(
    client, make_article, django_capture_on_commit_callbacks
):
    """A page cached while the renditions were being made names the
    original; once they are stored (one transaction, one generation), the
    next request gets the page with <picture> sources."""
    from masthead.media import renditions
    from masthead.media.samples import make_image, photo_jpeg

    article = make_article("Mit Bild", lead_image=make_image(photo_jpeg(400, 300)))
    url = article.get_absolute_url()
    assert 'type="image/avif"' not in get(client, url).content.decode()
    commit_setup()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        renditions.make_renditions(article.lead_image)

    assert len(bumps(callbacks)) == 1
    response = get(client, url)
    assert response["X-Cache"] == "MISS"
    assert 'type="image/avif"' in response.content.decode()
