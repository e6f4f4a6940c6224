"""Editors see on one page what each content language still lacks
(/desk/translations/): whether Masthead ships a catalog for it and where
its texts come from, the words of its addresses, and the sections, topics
and biographies without a version in it, each linked to where it is
mended. A language without a catalog is named as one."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.desk import translations
from masthead.lib import fallbacks
from masthead.people.models import Author
from masthead.sections.models import Section
from masthead.testing import client_for

from .test_article_list_scale import session_from_cache

URL = "/desk/translations/"
# German first (the default), English, French (a shipped catalog) and
# Swahili (none).
FOUR = [("de", "Deutsch"), ("en", "English"), ("fr", "Français"), ("sw", "Kiswahili")]


@pytest.fixture
def four(settings):
    settings.LANGUAGES = FOUR  # Django empties its cache of translations
    yield
    for code in ("de", "fr", "sw"):
        translation.trans_real._translations.pop(code, None)


@pytest.fixture
def newsroom(four, world, author, make_article, make_tag, editor):
    """Welt has no French name; Wissenschaft has every name but no French
    address; Kultur is complete. A German story about Haushalt (linked to
    the French "Budget") and Klima (no French tag) has a French version; a
    German story about Verkehr has none."""
    Section.objects.create(
        names={"de": "Wissenschaft", "en": "Science", "fr": "Sciences", "sw": "Sayansi"},
        slugs={"de": "wissenschaft", "en": "science", "sw": "sayansi"},
        position=2,
    )
    Section.objects.create(
        names={"de": "Kultur", "en": "Culture", "fr": "Culture", "sw": "Utamaduni"},
        slugs={"de": "kultur", "en": "culture", "fr": "culture", "sw": "utamaduni"},
        position=3,
    )
    haushalt, klima, verkehr = make_tag("Haushalt"), make_tag("Klima"), make_tag("Verkehr")
    haushalt.link(make_tag("Budget", language="fr"))
    story = make_article(tags=[haushalt, klima])
    services.translate(story, "fr", editor)
    make_article("Der Bus fährt wieder", tags=[verkehr])
    # Lena (the author fixture) writes in German and English.
    Author.objects.create(
        name="Amani Njoroge", slug="amani", bios={"sw": "Anaandika.", "fr": "Il écrit."}
    )
    Author.objects.create(name="Ohne Biografie", slug="ohne")
    return story


def by_code(report) -> dict:
    return {language.code: language for language in report}


def text(element) -> str:
    return " ".join(element.text_content().split())


def part(response, code) -> lxml.html.HtmlElement:
    """The page's part about one language."""
    root = lxml.html.fromstring(response.content)
    (section,) = root.xpath(f'//section[@aria-labelledby="language-{code}"]')
    return section


def test_it_lists_the_sections_without_a_name_or_address_in_a_language(newsroom):
    report = by_code(translations.report())
    french = [(item.section.names["de"], item.name, item.slug) for item in report["fr"].sections]
    assert french == [("Welt", True, True), ("Wissenschaft", False, True)]
    assert [item.section.names["de"] for item in report["sw"].sections] == ["Welt"]
    assert report["de"].sections == report["en"].sections == []


def test_it_lists_the_topics_a_translation_cannot_carry_over(newsroom, make_tag):
    report = by_code(translations.report())
    # Haushalt has its French tag; Verkehr's story has no French version.
    assert [(t.name, t.language) for t in report["fr"].topics] == [("Klima", "de")]
    assert report["sw"].topics == report["en"].topics == report["de"].topics == []
    # A French tag of the same slug is what a translation takes, too.
    make_tag("Klima", language="fr")
    assert by_code(translations.report())["fr"].topics == []


def test_it_lists_the_authors_without_a_biography_in_a_language(newsroom):
    report = by_code(translations.report())
    assert [(b.author.name, b.languages) for b in report["fr"].bios] == [
        ("Lena Hartmann", ["de", "en"])
    ]
    assert [b.author.name for b in report["de"].bios] == ["Amani Njoroge"]
    assert [b.author.name for b in report["sw"].bios] == ["Lena Hartmann"]


def test_it_knows_which_languages_have_a_catalog_and_where_the_others_take_theirs(four, db):
    report = by_code(translations.report())
    total = report["en"].ui.total
    assert total > 500  # every message of the site's catalog
    assert report["en"].ui.is_source and report["en"].ui.missing == 0
    for code in ("de", "fr"):
        ui = report[code].ui
        assert (ui.catalog, ui.untranslated, ui.fuzzy, ui.missing) == (code, 0, 0, 0)
    swahili = report["sw"].ui
    assert (swahili.catalog, swahili.chain, swahili.missing) == (None, ["sw", "en"], total)


def test_a_fallback_chain_is_followed_to_the_language_with_a_catalog(four, settings):
    settings.UI_FALLBACKS = {"sw": "rm", "rm": "fr"}
    assert translations.ui_texts("sw").chain == ["sw", "rm", "fr"]
    assert fallbacks.fallback_chain("sw") == ["sw", "rm", "fr", "en"]
    # The words of the addresses are French, too (not German, the default).
    words = {w.msgid: w for w in translations.url_words("sw")}
    tag = words["tag/<uslug:slug>/"]
    assert (tag.word, tag.origin, tag.own) == ("theme/<uslug:slug>/", "fr", False)
    settings.UI_FALLBACKS = {"sw": "rm", "rm": "sw"}  # a circle ends at the source
    assert translations.ui_texts("sw").chain == ["sw", "rm", "en"]


def test_a_language_without_its_own_address_words_uses_its_fallbacks(four, settings):
    words = {w.msgid: w for w in translations.url_words("fr")}
    assert words["tag/<uslug:slug>/"].word == "theme/<uslug:slug>/"
    assert all(w.own and w.origin == "fr" for w in words.values())
    assert len(words) >= 17  # article, section, tag, author, corrections, search, feeds
    swahili = translations.url_words("sw")
    assert [(w.word, w.origin, w.own) for w in swahili] == [(w.msgid, "en", False) for w in swahili]
    german = {w.msgid: w.word for w in translations.url_words("de")}
    assert german["article/<uslug:slug>/"] == "artikel/<uslug:slug>/"
    assert all(w.own for w in translations.url_words("en"))


def test_a_fallback_gives_its_own_address_words(four, settings):
    settings.UI_FALLBACKS = {"sw": "fr"}
    translation.trans_real._translations.pop("sw", None)
    words = {w.msgid: w for w in translations.url_words("sw")}
    tag = words["tag/<uslug:slug>/"]
    assert (tag.word, tag.origin, tag.own) == ("theme/<uslug:slug>/", "fr", False)


def test_a_word_the_settings_choose_is_the_languages_own(four, settings):
    settings.URL_WORDS = {"sw": {"section": "sehemu"}}
    words = {w.msgid: w for w in translations.url_words("sw")}
    for msgid in ("section/<uslug:slug>/", "section/<uslug:slug>/feed/rss/"):
        word = words[msgid]
        expected = msgid.replace("section", "sehemu")
        assert (word.word, word.origin, word.own) == (expected, "sw", True)
    assert words["article/<uslug:slug>/"].own is False  # still English's


def test_it_counts_untranslated_and_fuzzy_texts_of_a_catalog(four, settings, tmp_path, editor):
    """A catalog a site adds itself (here Swahili), with one text
    translated, one untranslated and one marked fuzzy."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import write_po

    def write(language, messages):
        catalog = Catalog(locale=language)
        for context, msgid, string, fuzzy in messages:
            catalog.add(msgid, string, context=context, flags=["fuzzy"] if fuzzy else [])
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with open(folder / "django.po", "wb") as f:
            write_po(f, catalog)
        with open(folder / "django.mo", "wb") as f:
            write_mo(f, catalog)

    write(
        "en",
        [
            (None, "Corrections", "", False),
            (None, "Search", "", False),
            (None, "Skip to content", "", False),
            ("URL", "search/", "", False),
            ("URL", "corrections/", "", False),
        ],
    )
    write(
        "sw",
        [
            (None, "Corrections", "Masahihisho", False),
            (None, "Search", "Tafuta", True),
            (None, "Skip to content", "", False),
            ("URL", "search/", "tafuta/", False),
        ],
    )
    settings.LOCALE_PATHS = [tmp_path]
    settings.UI_LANGUAGES = [*settings.UI_LANGUAGES, ("sw", "Kiswahili")]
    ui = translations.ui_texts("sw")
    assert (ui.catalog, ui.total, ui.untranslated, ui.fuzzy, ui.missing) == ("sw", 5, 2, 1, 3)
    assert ui.fallback == "en"
    words = [(w.msgid, w.word, w.origin) for w in translations.url_words("sw")]
    assert words == [("search/", "tafuta/", "sw"), ("corrections/", "corrections/", "en")]
    swahili = text(part(client_for(editor).get(URL), "sw"))
    assert "Masthead ships a catalog for this language. 2 texts are not translated yet. " in swahili
    assert "1 text needs checking (marked as fuzzy). Readers see these in English." in swahili
    assert "1 word of its addresses comes from a fallback." in swahili


# The page.


def test_an_editor_sees_what_each_language_lacks(newsroom, editor, world):
    response = client_for(editor).get(URL)
    assert response.status_code == 200
    root = lxml.html.fromstring(response.content)
    (summary,) = root.xpath('//table[caption="Missing translations per language"]')
    rows = [text(row) for row in summary.xpath(".//tbody/tr")]
    total = by_code(translations.report())["en"].ui.total
    assert rows == [
        # Language, site texts, address words, sections, topics, biographies
        "German Deutsch 0 0 0 0 1",
        "English 0 0 0 0 1",
        "French Français 0 0 2 1 1",
        f"Swahili Kiswahili {total} no catalog {len(translations.url_words('sw'))} 1 0 1",
    ]
    french = part(response, "fr")
    assert "Masthead ships a catalog for this language." in text(french)
    assert "texts are translated" in text(french)
    [welt, wissenschaft] = french.xpath(".//a[contains(@href, '/admin/sections/section/')]")
    assert (welt.text, welt.get("href")) == (
        "World",
        reverse("admin:sections_section_change", args=[world.pk]),
    )
    assert "Name and address" in text(welt.getparent().getparent())
    assert wissenschaft.text == "Science"
    assert text(wissenschaft.getparent().getparent()).endswith("Address")
    assert "Kultur" not in text(french) and "Culture" not in text(french)
    (klima,) = french.xpath(".//a[@lang='de']")
    assert klima.text == "Klima"
    (add,) = french.xpath(".//a[contains(@href, '/admin/sections/tag/add/')]")
    assert add.get("href").endswith(f"?language=fr&same_as={klima.get('href').split('/')[-3]}")
    assert text(add) == "Add its tag in French"
    assert "Lena Hartmann" in text(french)

    swahili = text(part(response, "sw"))
    assert f"Masthead ships no catalog for this language: all {total} texts come from English." in (
        swahili
    )
    assert "article/<uslug:slug>/ article/<uslug:slug>/ English, its fallback" in swahili
    assert "Every topic of the translated articles has a tag in this language." in swahili


def test_the_address_of_a_tag_to_add_fills_in_the_form(newsroom, editor):
    """The link under a missing topic opens the admin's new-tag form in the
    language, already linked to the tag's topic."""
    klima = by_code(translations.report())["fr"].topics[0]
    add = f"{reverse('admin:sections_tag_add')}?language=fr&same_as={klima.pk}"
    page = client_for(editor).get(add).content.decode()
    assert '<option value="fr" selected>' in page
    assert f'<option value="{klima.pk}" selected>' in page


def test_languages_are_named_in_the_newsroom_language_and_in_themselves(newsroom, editor):
    page = client_for(editor, "de").get(URL)
    root = lxml.html.fromstring(page.content)
    headings = [text(h) for h in root.xpath("//h2")]
    assert headings == ["Deutsch", "Englisch English", "Französisch Français", "Suaheli Kiswahili"]
    (french,) = root.xpath('//h2[@id="language-fr"]/span')
    assert french.get("lang") == "fr"


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_page_speaks_the_newsroom_language(newsroom, editor, language):
    response = client_for(editor, language).get(URL)
    page = response.content.decode()
    assert f'<html lang="{language}"' in page
    shown = text(lxml.html.fromstring(response.content).xpath("//main")[0])
    english = [
        "Translations",
        "Missing translations per language",
        "Site texts",
        "Address words",
        "Author biographies",
        "Masthead ships",
        "Its own word",
        "its fallback",
        "Readers see a section",
        "Tags of articles",
        "Add its tag",
        "Has a biography in",
        "no catalog",
    ]
    if language == "en":
        assert [phrase for phrase in english if phrase not in shown] == []
    else:
        assert [phrase for phrase in english if phrase in shown] == []
        for german in ["Übersetzungen", "Texte der Website", "Ressorts", "Themen", "Suaheli"]:
            assert german in shown


def test_the_menu_links_the_page_for_editors_only(newsroom, editor, reporter):
    link = f'href="{URL}"'
    assert link in client_for(editor).get(reverse("desk:home")).content.decode()
    assert link not in client_for(reporter).get(reverse("desk:home")).content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("editor", 200),
        ("administrator", 200),
        ("reporter", 403),
        ("contributor", 403),
        ("translator", 403),
    ],
)
def test_only_editors_and_administrators_may_open_it(four, persona, role, status):
    assert client_for(persona(role)).get(URL).status_code == status


def test_anonymous_visitors_are_sent_to_sign_in(four, client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("desk:login"))


@pytest.mark.parametrize("count", [1, 6])
def test_it_asks_the_database_the_same_few_questions_whatever_it_holds(
    four, editor, make_article, make_tag, make_author, assert_num_queries, count
):
    for n in range(count):
        Section.objects.create(names={"de": f"Ressort {n}"}, slugs={"de": f"ressort-{n}"})
        tags = [make_tag(f"Thema {n}"), make_tag(f"Schlagwort {n}")]
        story = make_article(f"Geschichte {n}", tags=tags, authors=[make_author(f"Autor {n}")])
        services.translate(story, "fr", editor)
        Author.objects.filter(name=f"Autor {n}").update(bios={"de": "Schreibt."})
    client = client_for(editor)
    client.get(URL)  # the session is read once
    # Expect 8 queries (7 with Redis, where the session comes from the cache):
    # 1. the session
    # 2. the signed-in user
    # 3. whether they have a second sign-in factor (two-factor middleware)
    # 4. the user's groups (their roles, for the rules)
    # 5. whether their roles must sign in with two factors
    # 6. the sections
    # 7. the tags missing in each language (one UNION)
    # 8. the authors
    with assert_num_queries(8 - session_from_cache()):
        response = client.get(URL)
    report = by_code(response.context["languages"])
    assert len(report["fr"].topics) == 2 * count
    assert len(report["fr"].bios) == count + 1  # and Lena, of the article factory
    assert len(report["fr"].sections) == count + 1  # and Welt, of the article factory
