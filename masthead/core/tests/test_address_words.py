"""The words of readers' addresses ("artikel" in /de/artikel/…) come from
each language's catalog or from MASTHEAD_URL_WORDS; when one changes,
every address with the old word answers 301 with the new one, for good
(lib/urlwords.py, core/addresses.py)."""

from urllib.parse import quote, unquote

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from masthead.core.addresses import record_address_words
from masthead.core.models import AddressWord
from masthead.lib import urlwords
from masthead.pagecache.generation import current_generation

FRENCH = [("de", "Deutsch"), ("en", "English"), ("fr", "Français")]
# Every UI language Masthead ships, as content languages.
SHIPPED = ["ar", "de", "en", "es", "fr", "it", "ja", "nl", "pl", "pt", "tr", "uk"]
# Every named reader route that has a word, with its arguments.
ROUTES = {
    "articles:detail": {"slug": "x"},
    "articles:section": {"slug": "x"},
    "articles:tag": {"slug": "x"},
    "articles:author": {"slug": "x"},
    "articles:corrections": {},
    "search:results": {},
    "search:suggestions": {},
    "search:opensearch": {},
    "feeds:section_rss": {"slug": "x"},
    "feeds:section_atom": {"slug": "x"},
    "feeds:section_json": {"slug": "x"},
    "feeds:tag_rss": {"slug": "x"},
    "feeds:tag_atom": {"slug": "x"},
    "feeds:tag_json": {"slug": "x"},
    "feeds:author_rss": {"slug": "x"},
    "feeds:author_atom": {"slug": "x"},
    "feeds:author_json": {"slug": "x"},
}
# New German words for every kind of page.
NEW_GERMAN = {
    "article": "beitrag",
    "section": "ressort",
    "topic": "schlagwort",
    "author": "autorin",
    "corrections": "berichtigungen",
    "search": "finden",
}


def url(name, language="de", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def words_now(settings, language, **changed):
    """Change ``language``'s words as an operator would (the setting, then
    a restart, which records them)."""
    settings.URL_WORDS = {**settings.URL_WORDS, language: changed}
    record_address_words()


@pytest.fixture
def recorded(db):
    """The site as it was before the change: its words recorded."""
    record_address_words()


# The setting and the catalogs.


def test_the_words_come_from_each_languages_catalog(settings):
    settings.LANGUAGES = FRENCH
    assert urlwords.words("de") == {
        "article": "artikel",
        "section": "rubrik",
        "topic": "thema",
        "author": "autor",
        "corrections": "korrekturen",
        "search": "suche",
    }
    assert urlwords.words("fr")["section"] == "rubrique"
    assert urlwords.words("en")["topic"] == "tag"


def test_the_setting_changes_the_words_of_one_language_only(settings):
    settings.LANGUAGES = FRENCH
    assert url("articles:detail", "fr", slug="x") == "/fr/article/x/"

    settings.URL_WORDS = {"fr": {"article": "billet", "section": "chronique"}}

    assert url("articles:detail", "fr", slug="x") == "/fr/billet/x/"
    assert url("articles:section", "fr", slug="x") == "/fr/chronique/x/"
    assert url("feeds:section_rss", "fr", slug="x") == "/fr/chronique/x/feed/rss/"
    assert url("articles:tag", "fr", slug="x") == "/fr/theme/x/"  # the catalog's
    assert url("articles:detail", "de", slug="x") == "/de/artikel/x/"
    assert url("articles:detail", "en", slug="x") == "/en/article/x/"
    with translation.override("fr"):
        assert resolve("/fr/billet/x/").url_name == "detail"
        assert resolve("/fr/chronique/x/feed/rss/").url_name == "section_rss"
        with pytest.raises(Resolver404):
            resolve("/fr/article/x/")


def test_a_language_without_a_catalog_takes_its_fallbacks_words(settings):
    settings.LANGUAGES = [("de", "Deutsch"), ("sw", "Kiswahili")]
    assert urlwords.words("sw")["article"] == "article"  # English, the source
    settings.UI_FALLBACKS = {"sw": "de"}
    translation.trans_real._translations.pop("sw", None)
    assert urlwords.words("sw")["article"] == "artikel"
    translation.trans_real._translations.pop("sw", None)


@pytest.mark.parametrize("language", SHIPPED)
def test_every_address_reverses_and_resolves_in_every_language(settings, language):
    settings.LANGUAGES = [(code, code) for code in SHIPPED]
    settings.URL_WORDS = {"fr": {"article": "billet"}, "ja": {"section": "セクション"}}
    words = urlwords.words(language)
    for name, kwargs in ROUTES.items():
        path = url(name, language, **kwargs)
        assert path.split("/")[2] in {quote(word) for word in words.values()}, path
        with translation.override(language):
            match = resolve(unquote(path))  # as the request handler decodes it
        assert ":".join([*match.namespaces, match.url_name]) == name


def test_a_unicode_word_makes_a_percent_encoded_address(client, settings, world):
    settings.URL_WORDS = {"de": {"section": "ressort-für-welt"}}
    path = url("articles:section", slug="welt")
    assert path == "/de/ressort-f%C3%BCr-welt/welt/"
    assert client.get(path).status_code == 200


def test_the_sitemaps_follow_the_words(settings):
    from masthead.feeds.sitemaps import article_address

    assert article_address("de", "x") == "/de/artikel/x/"
    settings.URL_WORDS = {"de": {"article": "beitrag"}}
    assert article_address("de", "x") == "/de/beitrag/x/"


def test_words_that_clash_with_the_catalogs_fail_the_checks(db, settings):
    settings.LANGUAGES = FRENCH
    settings.URL_WORDS = {"fr": {"article": "rubrique"}}  # the catalog's section word

    [error] = urlwords.check_url_words()

    assert error.id == "masthead.E001"
    assert "article and section pages of 'fr' share the word 'rubrique'" in error.msg
    with pytest.raises(ImproperlyConfigured, match="share the word 'rubrique'"):
        record_address_words()


# The record of the words in use.


def test_it_records_the_words_in_use_once(recorded):
    assert set(
        AddressWord.objects.filter(retired_at=None).values_list("language", "key", "word")
    ) >= {("de", "article", "artikel"), ("en", "article", "article"), ("de", "search", "suche")}
    assert AddressWord.objects.count() == 12  # six kinds of page, two languages

    assert record_address_words() is False  # nothing new: nothing written

    assert AddressWord.objects.count() == 12


def test_migrate_records_the_words(recorded, settings):
    settings.URL_WORDS = {"de": {"article": "beitrag"}}

    call_command("migrate", verbosity=0)

    assert AddressWord.objects.get(language="de", key="article", retired_at=None).word == "beitrag"
    assert AddressWord.objects.get(language="de", word="artikel").retired_at is not None


def test_a_change_keeps_every_word_and_starts_a_new_page_cache_generation(
    recorded, settings, django_capture_on_commit_callbacks
):
    cache.clear()
    before = current_generation().number

    with django_capture_on_commit_callbacks(execute=True):
        words_now(settings, "de", article="beitrag")

    assert current_generation().number != before
    rows = AddressWord.objects.filter(language="de", key="article").order_by("first_used_at")
    assert [(row.word, row.retired_at is None) for row in rows] == [
        ("artikel", False),
        ("beitrag", True),
    ]


# Redirects from the former words.


@pytest.fixture
def pages(make_article, make_tag, world, author):
    """One reader page of every kind, at its German address today."""
    tag = make_tag("Haushalt")
    article = make_article("Der Rat beschließt den Haushalt", tags=[tag])
    return {
        "article": article.get_absolute_url(),
        "section": url("articles:section", slug=world.slugs["de"]),
        "topic": url("articles:tag", slug=tag.slug),
        "author": url("articles:author", slug=author.slug),
        "corrections": url("articles:corrections"),
        "search": url("search:results") + "?q=Haushalt",
        "section feed": url("feeds:section_rss", slug=world.slugs["de"]),
    }


@pytest.mark.parametrize("kind", [*NEW_GERMAN, "section feed"])
def test_an_old_address_redirects_to_the_new_one_for_good(client, pages, recorded, settings, kind):
    old = pages[kind]
    assert client.get(old).status_code == 200

    words_now(settings, "de", **NEW_GERMAN)

    response = client.get(old)
    assert response.status_code == 301
    key = kind.split()[0]
    old_word = old.split("/")[2]
    assert response["Location"] == old.replace(f"/de/{old_word}/", f"/de/{NEW_GERMAN[key]}/", 1)
    assert client.get(response["Location"]).status_code == 200


def test_the_rest_of_the_address_and_its_query_are_kept(client, recorded, settings):
    words_now(settings, "de", **NEW_GERMAN)

    response = client.get("/de/artikel/der-rat/?page=2&utm_source=newsletter")
    assert response["Location"] == "/de/beitrag/der-rat/?page=2&utm_source=newsletter"
    response = client.get("/de/suche/vorschlaege/?q=Haus")
    assert response["Location"] == "/de/finden/vorschlaege/?q=Haus"
    response = client.get("/de/rubrik/welt/feed.json")
    assert response["Location"] == "/de/ressort/welt/feed.json"
    response = client.get("/de/korrekturen")  # without its slash
    assert response["Location"] == "/de/berichtigungen"


def test_a_chain_of_changes_redirects_in_one_step(client, pages, recorded, settings):
    words_now(settings, "de", article="beitrag")
    words_now(settings, "de", article="meldung")
    slug = pages["article"].split("/")[3]

    for old in ("artikel", "beitrag"):
        response = client.get(f"/de/{old}/{slug}/")
        assert (response.status_code, response["Location"]) == (301, f"/de/meldung/{slug}/")


def test_a_word_that_comes_back_is_current_again(client, pages, recorded, settings):
    first = AddressWord.objects.get(language="de", word="artikel")
    words_now(settings, "de", article="beitrag")
    words_now(settings, "de")  # the catalog's word again
    slug = pages["article"].split("/")[3]

    assert client.get(f"/de/artikel/{slug}/").status_code == 200
    response = client.get(f"/de/beitrag/{slug}/")
    assert (response.status_code, response["Location"]) == (301, f"/de/artikel/{slug}/")
    again = AddressWord.objects.get(language="de", word="artikel")
    assert (again.pk, again.first_used_at, again.retired_at) == (
        first.pk,
        first.first_used_at,
        None,
    )


def test_words_that_swap_pages_never_loop(client, pages, recorded, settings, world):
    words_now(settings, "de", section="thema", topic="rubrik")

    # Each word names its new page, not a redirect.
    assert client.get(f"/de/thema/{world.slugs['de']}/").status_code == 200
    assert client.get(pages["topic"].replace("/thema/", "/rubrik/")).status_code == 200
    # A former word of one page that is another's now is that page's: 404.
    response = client.get(f"/de/rubrik/{world.slugs['de']}/")
    assert response.status_code == 404


def test_an_english_word_answers_with_the_english_address_only(client, pages, recorded, settings):
    words_now(settings, "en", article="story")
    slug = pages["article"].split("/")[3]

    assert client.get(f"/en/article/{slug}/")["Location"] == f"/en/story/{slug}/"
    # The German addresses keep their word; English's former word is not German.
    assert client.get(pages["article"]).status_code == 200
    assert client.get(f"/de/article/{slug}/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/de/gibtsnicht/x/", "/de/article/x/", "/de/artikel/gibt-es-nicht/"]
)
def test_an_unknown_word_stays_a_404_with_the_404_page(client, recorded, settings, path):
    words_now(settings, "de", section="ressort")

    response = client.get(path)

    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"


def test_normal_pages_never_ask_for_former_words(
    client, pages, recorded, settings, assert_num_queries
):
    words_now(settings, "de", **NEW_GERMAN)
    new_article = pages["article"].replace("/artikel/", "/beitrag/")

    # As masthead/articles/tests/test_queries.py counts them:
    # 1. the article (with its section)
    # 2. its bylines (with authors)
    # 3. its tags
    # 4. its corrections
    # 5. the recent posts (with their sections)
    # 6. its public translations
    # 7. the sections (menu)
    # 8. breaking news (the banner of every page)
    with assert_num_queries(8) as page:
        assert client.get(new_article).status_code == 200
    # An unknown slug behind a current word is a plain 404, without a look
    # at the former words either:
    # 1. the article
    # 2. a former slug of an article
    # 3. an old address of a WordPress site moved in (importers/redirects.py),
    #    in a savepoint (4., 5.) as the test runs in a transaction
    # (The sections and breaking news were worked out for this content
    # generation by the page before: lib/generations.py, per_generation.)
    with assert_num_queries(5) as missing:
        assert client.get("/de/beitrag/gibt-es-nicht/").status_code == 404
    queries = page.captured_queries + missing.captured_queries
    assert not [q for q in queries if "core_addressword" in q["sql"]]


def test_the_page_cache_stores_the_redirect_with_the_search(client, recorded, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    words_now(settings, "de", search="finden")

    first = client.get("/de/suche/?q=Haushalt&utm_source=newsletter")
    second = client.get("/de/suche/?q=Haushalt")

    assert (first.status_code, first["X-Cache"]) == (301, "MISS")
    assert (second.status_code, second["X-Cache"]) == (301, "HIT")
    assert first["Location"] == second["Location"] == "/de/finden/?q=Haushalt"
    cache.clear()


# The list in the admin.


def test_administrators_read_the_words_in_the_admin(client, recorded, settings, administrator):
    words_now(settings, "de", article="beitrag")
    client.force_login(administrator)

    response = client.get(reverse("admin:core_addressword_changelist") + "?language=de")

    assert response.status_code == 200
    page = response.content.decode()
    assert "beitrag" in page and "artikel" in page
    word = AddressWord.objects.get(language="de", word="artikel")
    change = reverse("admin:core_addressword_change", args=[word.pk])
    assert client.get(change).status_code == 200  # to read
    assert client.post(change, {"word": "x"}).status_code == 403
    assert client.get(reverse("admin:core_addressword_add")).status_code == 403
    assert client.get(reverse("admin:core_addressword_delete", args=[word.pk])).status_code == 403


def test_editors_do_not_see_the_words_in_the_admin(client, recorded, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:core_addressword_changelist"))

    assert response.status_code == 403
