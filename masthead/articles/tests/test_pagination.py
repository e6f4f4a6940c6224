"""Paging through lists by cursor: section (with its subsections), topic,
author and the home page's archive. Older pages follow ``?before=``, newer
ones ``?after=``; together they show every public article once, in order,
and nothing else."""

from datetime import UTC, datetime, timedelta, timezone

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone as django_timezone
from django.utils import translation

from masthead.articles.models import Article
from masthead.articles.pagination import Cursor
from masthead.articles.views import LATEST_COUNT
from masthead.lib.dates import absolute_date
from masthead.sections.models import Section

PAGE_SIZE = 3


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def get_page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return lxml.html.fromstring(response.content)


def headlines(root):
    return [" ".join(e.text_content().split()) for e in root.xpath("//main//article//h2")]


def link(root, rel):
    hrefs = root.xpath(f'//nav[@class="pagination"]/a[@rel="{rel}"]/@href')
    assert len(hrefs) <= 1
    return hrefs[0] if hrefs else None


def newest_first(articles):
    return sorted(articles, key=lambda a: (a.publish_at, a.pk), reverse=True)


@pytest.fixture
def archive(make_article, make_tag, make_author, author, world, science, settings):
    """Fourteen public German articles in "Welt", its subsection "Europa" and
    "Wissenschaft", three of them published at the very same time and two
    more at another; around them drafts, scheduled and unpublished articles
    and an English one, which no list may show."""
    settings.PAGE_SIZE = PAGE_SIZE
    europe = Section.objects.create(
        names={"de": "Europa", "en": "Europe"},
        slugs={"de": "europa", "en": "europe"},
        parent=world,
        position=3,
    )
    tag = make_tag("Haushalt")
    colleague = make_author("Jonas Weber")
    same_time = django_timezone.now() - timedelta(hours=5)
    other_time = django_timezone.now() - timedelta(days=2)
    sections = [world, europe, science]
    public = []
    for n in range(14):
        when = same_time if n in (4, 5, 6) else other_time if n in (9, 10) else None
        public.append(
            make_article(
                f"Meldung {n}",
                section=sections[n % 3],
                tags=[tag],
                authors=[author, colleague] if n % 2 else [author],
                publish_at=when,
                age=timedelta(hours=7 * n + 1),
            )
        )
    hidden = [
        make_article("Entwurf", status=Article.Status.DRAFT, tags=[tag], age=timedelta(hours=6)),
        make_article("Geplant", tags=[tag], age=-timedelta(hours=1)),
        make_article("Zurückgezogen", tags=[tag], status=Article.Status.UNPUBLISHED),
        make_article("Gleichzeitig geplant", publish_at=same_time + timedelta(days=3), tags=[tag]),
        make_article("Englische Meldung", language="en", tags=[], age=timedelta(hours=7)),
    ]
    return {"public": newest_first(public), "hidden": hidden, "tag": tag, "world": world}


def in_list(archive, kind):
    """The public articles a list shows, in order, and its address."""
    public = archive["public"]
    if kind == "section":
        # Welt and its subsection Europa.
        return [a for a in public if a.section.slugs["de"] != "wissenschaft"], url(
            "articles:section", slug="welt"
        )
    if kind == "tag":
        return public, url("articles:tag", slug="haushalt")
    if kind == "author":
        return public, url("articles:author", slug="lena-hartmann")
    if kind == "co-author":
        return [a for a in public if len(a.byline_authors) > 1], url(
            "articles:author", slug="jonas-weber"
        )
    raise AssertionError(kind)


LISTS = ["section", "tag", "author", "co-author"]


def walk_older(client, path):
    """Every page from ``path`` on, following "Older articles"."""
    pages, addresses = [], [path]
    while True:
        root = get_page(client, addresses[-1])
        pages.append(headlines(root))
        older = link(root, "next")
        if older is None:
            return pages, addresses
        assert older.startswith("?before=")
        addresses.append(addresses[-1].split("?")[0] + older)


def walk_newer(client, path):
    """Every page from ``path`` back, following "Newer articles" (and
    redirects to the archive's first page), until a link redirects to the
    plain address; returns the pages and that address."""
    pages, address = [], path
    while True:
        response = client.get(address)
        if response.status_code == 302 and "?" in response["Location"]:
            address = response["Location"]
            continue
        if response.status_code == 302:
            return pages, response["Location"]
        assert response.status_code == 200, address
        root = lxml.html.fromstring(response.content)
        pages.append(headlines(root))
        newer = link(root, "prev")
        assert newer is not None and newer.startswith("?after="), address
        address = address.split("?")[0] + newer


@pytest.mark.parametrize("kind", LISTS)
def test_it_pages_through_every_article_of_a_list_once_in_order(client, archive, kind):
    expected, path = in_list(archive, kind)

    pages, _ = walk_older(client, path)

    assert [h for page in pages for h in page] == [a.headline for a in expected]
    assert all(len(page) == PAGE_SIZE for page in pages[:-1])
    assert 0 < len(pages[-1]) <= PAGE_SIZE
    assert len(pages) == -(-len(expected) // PAGE_SIZE)


@pytest.mark.parametrize("kind", LISTS)
def test_it_pages_back_to_the_first_page(client, archive, kind):
    expected, path = in_list(archive, kind)
    _, addresses = walk_older(client, path)

    pages, first = walk_newer(client, addresses[-1])

    assert first == path
    # Back from the last page, each page is the one before it, and the
    # pages between the first and the last one together hold every article
    # between them exactly once.
    shown = [h for page in reversed(pages) for h in page]
    first_page = headlines(get_page(client, path))
    assert first_page + shown == [a.headline for a in expected]
    assert len(set(shown)) == len(shown)


def test_it_continues_the_front_page_in_the_archive(client, archive):
    home = url("articles:home")
    front = get_page(client, home)
    [more] = front.xpath('//p[@class="more"]/a/@href')
    front_page = archive["public"][: LATEST_COUNT + 1]

    pages, addresses = walk_older(client, home + more)

    assert more == f"?before={Cursor.of(front_page[-1])}"
    assert [h for page in pages for h in page] == [
        a.headline for a in archive["public"][LATEST_COUNT + 1 :]
    ]
    # Back from the end of the archive: every archive article, none of the
    # front page's, and at last the front page.
    back, first = walk_newer(client, addresses[-1])
    assert first == home
    shown = [h for page in back for h in page]
    assert sorted(set(shown)) == sorted(a.headline for a in archive["public"][LATEST_COUNT + 1 :])
    assert not {a.headline for a in front_page} & set(shown)


@pytest.mark.parametrize("kind", [*LISTS, "archive"])
def test_it_never_shows_drafts_scheduled_unpublished_or_other_languages(client, archive, kind):
    if kind == "archive":
        path = url("articles:home") + f"?before={Cursor.of(archive['public'][0])}"
    else:
        path = in_list(archive, kind)[1]

    pages, addresses = walk_older(client, path)
    back, _ = walk_newer(client, addresses[-1])

    shown = {h for page in pages + back for h in page}
    for article in archive["hidden"]:
        assert article.headline not in shown


def test_it_breaks_ties_by_id(client, make_article, settings):
    settings.PAGE_SIZE = 2
    when = django_timezone.now() - timedelta(hours=1)
    articles = [make_article(f"Zur selben Zeit {n}", publish_at=when) for n in range(5)]
    path = url("articles:section", slug="welt")

    pages, addresses = walk_older(client, path)

    by_id = [a.headline for a in sorted(articles, key=lambda a: a.pk, reverse=True)]
    assert pages == [by_id[0:2], by_id[2:4], by_id[4:]]
    assert addresses[1] == f"{path}?before={Cursor(when, articles[-2].pk)}"


def test_it_links_neighbours_and_names_itself_canonical(client, archive):
    expected, path = in_list(archive, "tag")
    first = get_page(client, path)
    second_address = path + link(first, "next")

    second = get_page(client, second_address)

    assert link(first, "prev") is None
    assert link(second, "prev") == f"?after={Cursor.of(expected[PAGE_SIZE])}"
    assert link(second, "next") == f"?before={Cursor.of(expected[2 * PAGE_SIZE - 1])}"
    assert second.xpath('//link[@rel="canonical"]/@href') == [f"http://testserver{second_address}"]
    assert first.xpath('//link[@rel="canonical"]/@href') == [f"http://testserver{path}"]
    [nav] = second.xpath('//nav[@class="pagination"]')
    assert nav.get("aria-label") == "Seiten"
    assert [a.text for a in nav.findall("a")] == ["Neuere Artikel", "Ältere Artikel"]


def test_it_titles_a_later_page_with_the_date_of_its_newest_article(client, archive):
    expected, path = in_list(archive, "section")
    first = get_page(client, path)
    second = get_page(client, path + link(first, "next"))
    newest, oldest = expected[PAGE_SIZE], expected[2 * PAGE_SIZE - 1]

    assert first.findtext(".//title") == "Welt – Masthead"
    date = absolute_date(newest.publish_at, "de")
    assert second.findtext(".//title") == f"Welt: Artikel bis zum {date} – Masthead"
    [span] = second.xpath('//nav[@class="pagination"]/span')
    assert " ".join(span.text_content().split()) == (
        f"Artikel vom {absolute_date(oldest.publish_at, 'de')} bis zum {date}"
    )


def test_it_titles_pages_in_the_readers_language(client, make_article, science, settings):
    settings.PAGE_SIZE = 1
    made = [
        make_article(f"Report {n}", language="en", section=science, age=timedelta(days=n + 1))
        for n in range(3)
    ]
    path = url("articles:section", "en", slug="science")
    second = get_page(client, path + f"?before={Cursor.of(made[0])}")

    date = absolute_date(made[1].publish_at, "en")
    assert second.findtext(".//title") == f"Science: articles up to {date} – Masthead"
    assert " ".join(second.xpath('//nav[@class="pagination"]/span')[0].text_content().split()) == (
        f"Articles of {date}"
    )
    archive = get_page(client, url("articles:home", "en") + f"?before={Cursor.of(made[0])}")
    assert archive.findtext(".//title") == f"All articles up to {date} – Masthead"


@pytest.mark.parametrize(
    "query",
    [
        "before=",
        "before=abc",
        "before=20240303T101500Z-1",  # no microseconds
        "before=20240303T101500.123456-1",  # no Z
        "before=20240303T101500.123456Z-0",
        "before=20240303T101500.123456Z-01",
        "before=20240303T101500.123456Z-",
        "before=20241303T101500.123456Z-1",  # month 13
        "before=20240230T101500.123456Z-1",  # 30 February
        "before=20240303T101500.123456Z-1234567890123456789",
        "after=2024-03-03T10:15:00Z-1",
        "after=20240303T101500.123456Z-1x",
        "before=20240303T101500.123456Z-1&after=20240303T101500.123456Z-1",
        "before=20240303T101500.123456Z-1&before=20240303T101500.123456Z-2x",
        "before=10000101T000000.000000Z-1",  # older than everything: an empty page
        "page=2",
        "page=0",
        "page=abc",
        "page=",
    ],
)
@pytest.mark.parametrize("kind", [*LISTS, "archive"])
def test_it_answers_404_for_a_page_that_does_not_exist(client, archive, kind, query):
    path = url("articles:home") if kind == "archive" else in_list(archive, kind)[1]
    if kind == "archive" and query.startswith("page="):
        query = "page=3"  # ?page=2 of the home page is redirected (below)

    assert client.get(f"{path}?{query}").status_code == 404


@pytest.mark.parametrize("kind", [*LISTS, "archive"])
def test_it_sends_the_old_first_page_to_the_plain_address(client, archive, kind):
    path = url("articles:home") if kind == "archive" else in_list(archive, kind)[1]

    response = client.get(f"{path}?page=1")

    assert response.status_code == 301
    assert response["Location"] == path


def test_it_sends_the_old_second_home_page_to_the_archive(client, archive):
    home = url("articles:home")
    [more] = get_page(client, home).xpath('//p[@class="more"]/a/@href')

    response = client.get(f"{home}?page=2")

    assert response.status_code == 302
    assert response["Location"] == home + more


def test_it_has_no_second_home_page_when_the_front_page_shows_everything(client, make_article):
    for n in range(LATEST_COUNT + 1):
        make_article(f"Meldung {n}", age=timedelta(hours=n + 1))

    assert not get_page(client, url("articles:home")).xpath('//p[@class="more"]')
    assert client.get(url("articles:home") + "?page=2").status_code == 404


@pytest.mark.parametrize("kind", LISTS)
def test_it_redirects_a_newer_page_that_reaches_the_newest_article(client, archive, kind):
    expected, path = in_list(archive, kind)

    for n in range(PAGE_SIZE + 1):  # PAGE_SIZE or fewer newer articles
        response = client.get(f"{path}?after={Cursor.of(expected[n])}")
        assert response.status_code == 302
        assert response["Location"] == path
    newer = get_page(client, f"{path}?after={Cursor.of(expected[PAGE_SIZE + 1])}")
    assert headlines(newer) == [a.headline for a in expected[1 : PAGE_SIZE + 1]]
    assert link(newer, "prev") == f"?after={Cursor.of(expected[1])}"


def test_a_cursor_is_a_position_not_an_article(client, archive):
    # The article a link came from was unpublished since: the link still works.
    expected, path = in_list(archive, "section")
    gone = expected[PAGE_SIZE - 1]
    Article.objects.filter(pk=gone.pk).update(status=Article.Status.UNPUBLISHED)

    root = get_page(client, f"{path}?before={Cursor.of(gone)}")

    assert headlines(root) == [a.headline for a in expected[PAGE_SIZE : 2 * PAGE_SIZE]]


def test_a_cursor_in_the_future_shows_the_newest_articles(client, archive):
    expected, path = in_list(archive, "tag")

    root = get_page(client, f"{path}?before=29991231T235959.999999Z-1")

    assert headlines(root) == [a.headline for a in expected[:PAGE_SIZE]]
    assert "Geplant" not in headlines(root)


def test_cursors_are_utc_to_the_microsecond():
    berlin = timezone(timedelta(hours=1))
    when = datetime(2024, 3, 3, 11, 15, 0, 123456, tzinfo=berlin)

    cursor = Cursor(when, 4711)

    assert str(cursor) == "20240303T101500.123456Z-4711"
    assert Cursor.parse(str(cursor)) == Cursor(datetime(2024, 3, 3, 10, 15, 0, 123456, UTC), 4711)
    assert Cursor.parse(str(cursor)).at == when
    assert str(Cursor(datetime(2024, 3, 3, 10, 15, tzinfo=UTC), 1)) == ("20240303T101500.000000Z-1")
