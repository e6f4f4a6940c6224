"""Texts in another language than the page's are marked with their own
``lang`` (and ``dir`` when the direction differs), wherever they stand:
the site's texts on a language without a catalog (``{% ui_lang %}``), a
section's name that falls back to another language (``{% lang_of %}``),
and the page's own dates and names inside such texts. Values from
elsewhere placed in a sentence (names, a reader's search) are isolated
from the sentence's direction (``bdi``)."""

from datetime import timedelta

import lxml.html
import pytest
from django.utils import translation

from masthead.lib.i18n import is_rtl, lang_attributes, pick_with_language

LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("sw", "Kiswahili"),
    ("fa", "فارسی"),
]


@pytest.fixture
def languages(settings):
    settings.LANGUAGES = LANGUAGES
    yield
    for code, _name in LANGUAGES:
        translation.trans_real._translations.pop(code, None)


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return lxml.html.fromstring(response.content)


def marked(element):
    """The nearest ``lang`` and ``dir`` that apply to ``element``."""
    line = [element, *element.iterancestors()]
    lang = next(e.get("lang") for e in line if e.get("lang"))
    return lang, next(e.get("dir") for e in line if e.get("dir"))


def test_a_label_knows_which_language_it_is_in(settings):
    names = {"de": "Welt", "en": "World"}
    assert pick_with_language(names, "en") == ("World", "en")
    assert pick_with_language(names, "ar") == ("Welt", "de")  # the default language's
    assert pick_with_language({"en": "World"}, "ar") == ("World", "en")  # any
    assert pick_with_language({}, "ar") == ("", "ar")


def test_the_direction_comes_from_cldr():
    assert is_rtl("ar") and is_rtl("fa") and is_rtl("he")
    assert not is_rtl("de") and not is_rtl("sw") and not is_rtl("ja")
    assert lang_attributes("de", "de") == ""
    assert lang_attributes("en", "sw") == ' lang="en"'
    assert lang_attributes("de", "ar") == ' lang="de" dir="ltr"'
    assert lang_attributes("ar", "de") == ' lang="ar" dir="rtl"'


@pytest.mark.django_db
def test_english_texts_on_a_page_without_a_catalog_are_marked(
    client, languages, make_article, make_author, author
):
    article = make_article(
        "Habari za leo",
        language="sw",
        authors=[author, make_author("Amina Odhiambo")],
        age=timedelta(hours=3),
    )
    make_article("Mkutano wa baraza", language="sw", age=timedelta(days=2))

    home = page(client, "/sw/")
    [latest] = home.xpath("//h2[@id='latest-heading']")
    assert (latest.get("lang"), latest.text_content()) == ("en", "Latest")
    # A relative time formatted by Babel in Swahili stays marked Swahili.
    for time in home.xpath("//main//time"):
        assert marked(time)[0] == "sw", lxml.html.tostring(time)

    detail = page(client, article.get_absolute_url())
    [byline] = detail.find_class("article__byline")
    assert byline.get("lang") == "en"
    assert byline.text_content().startswith("By ")
    # ... while the names are joined the Swahili way ("A na B").
    [names] = byline.xpath("./span")
    assert names.get("lang") == "sw" and " na " in names.text_content()
    [published] = detail.xpath("//p[@class='article__dates']/span")
    assert (published.get("lang"), published.text) == ("en", "Published")
    [time] = detail.xpath("//p[@class='article__dates']/time")
    assert time.get("lang") == "sw"
    [recent] = detail.xpath("//h2[@id='recent-heading']")
    assert recent.get("lang") == "en"

    missing = lxml.html.fromstring(client.get("/sw/hakuna/").content)
    [box] = missing.find_class("error-page")
    assert box.get("lang") == "en"


@pytest.mark.django_db
def test_on_a_right_to_left_page_english_texts_run_left_to_right(client, languages, make_article):
    make_article("خبر اليوم", language="fa")
    make_article("بودجه شهر", language="fa", age=timedelta(days=1))

    home = page(client, "/fa/")
    assert home.get("dir") == "rtl"
    [latest] = home.xpath("//h2[@id='latest-heading']")
    assert marked(latest) == ("en", "ltr")
    # The page's own times stay Persian, right to left.
    assert {marked(time) for time in home.xpath("//main//time")} == {("fa", "rtl")}


@pytest.mark.django_db
def test_a_section_without_a_name_in_the_page_language_says_which_it_shows(
    client, languages, make_article, world
):
    article = make_article("خبر عاجل من Berlin", language="ar")

    detail = page(client, article.get_absolute_url())
    [kicker] = detail.xpath("//p[@class='kicker']/a")
    assert kicker.text == "Welt"
    assert (kicker.get("lang"), kicker.get("dir")) == ("de", "ltr")
    # It leads to the section's page on the Arabic site, not into the German one.
    assert kicker.get("href").startswith("/ar/") and kicker.get("href").endswith("/welt/")
    section = page(client, kicker.get("href"))
    [heading] = section.xpath("//h1")
    assert (heading.text, heading.get("lang"), heading.get("dir")) == ("Welt", "de", "ltr")
    assert [a.text_content() for a in section.find_class("teaser__headline")] == [
        "خبر عاجل من Berlin"
    ]
    [nav] = section.xpath("//nav[contains(@class, 'sections')]//a[text()='Welt']")
    assert nav.get("lang") == "de"
    # Its feeds too, with the Arabic articles.
    [rss] = section.xpath("//link[@type='application/rss+xml'][contains(@href, 'welt')]")
    feed = client.get(rss.get("href"))
    assert feed.status_code == 200 and "خبر عاجل من Berlin" in feed.content.decode()

    # Once it has an Arabic name, nothing is marked and the address is Arabic.
    world.names["ar"], world.slugs["ar"] = "العالم", "العالم"
    world.save()
    detail = page(client, article.get_absolute_url())
    [kicker] = detail.xpath("//p[@class='kicker']/a")
    assert (kicker.text, kicker.get("lang")) == ("العالم", None)
    assert page(client, kicker.get("href")).xpath("//h1")[0].text == "العالم"


@pytest.mark.django_db
def test_names_in_a_sentence_are_isolated(client, languages, make_article, make_author, author):
    article = make_article(
        "ميزانية المدينة", language="ar", authors=[author, make_author("كريم حداد")]
    )

    detail = page(client, article.get_absolute_url())
    [byline] = detail.find_class("article__byline")
    assert [bdi.text_content() for bdi in byline.xpath(".//bdi")] == [
        "Lena Hartmann",
        "كريم حداد",
    ]
    author_page = page(client, author.url_in("ar"))
    assert author_page.xpath("//h2[@class='block-title']/bdi")[0].text == "Lena Hartmann"


@pytest.mark.django_db
def test_a_page_in_its_own_language_marks_nothing(client, languages, make_article):
    make_article("Der Rat beschließt den Haushalt")
    home = page(client, "/de/")
    main = home.xpath("//main")[0]
    assert main.xpath(".//*[@lang]") == []


@pytest.mark.django_db
def test_the_language_menu_names_each_language_in_itself(client, languages, make_article):
    german = make_article("Der Rat beschließt den Haushalt")
    arabic = make_article("المجلس يقر الميزانية", language="ar")
    type(german).objects.filter(pk=arabic.pk).update(translation_key=german.translation_key)

    def menu(article):
        links = page(client, article.get_absolute_url()).xpath("//nav[@class='languages']//a")
        return {a.get("lang"): (a.text, a.get("dir")) for a in links}

    assert menu(german)["de"] == ("Deutsch", None)
    assert menu(german)["ar"] == ("العربية", "rtl")
    assert menu(german)["sw"] == ("Kiswahili", None)
    assert menu(arabic)["de"] == ("Deutsch", "ltr")
    assert menu(arabic)["ar"] == ("العربية", None)
    assert menu(arabic)["fa"] == ("فارسی", None)


@pytest.mark.django_db
def test_an_address_in_another_script_has_one_spelling(client, languages, make_article, world):
    world.names["ar"], world.slugs["ar"] = "العالم", "العالم"
    world.save()
    make_article("خبر اليوم", language="ar")
    section = page(client, world.url_in("ar"))
    [canonical] = section.xpath("//link[@rel='canonical']")
    assert canonical.get("href").endswith("/%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85/")
    assert section.xpath("//meta[@property='og:url']")[0].get("content") == canonical.get("href")


@pytest.mark.django_db
def test_a_language_without_a_catalog_takes_none_of_djangos_words(client, languages):
    # Django ships Swahili for some of the site's words ("Tafuta" for
    # "Search"); they would stand among the English texts, marked English.
    home = page(client, "/sw/")
    [button] = home.xpath("//form[@class='site-search']//button")
    assert (button.text_content().strip(), marked(button)[0]) == ("Search", "en")
    with translation.override("sw"):
        assert translation.gettext("This field is required.") == "This field is required."


@pytest.mark.django_db
def test_the_search_forms_own_options_say_their_language(client, languages, make_article, world):
    world.names["sw"], world.slugs["sw"] = "Dunia", "dunia"
    world.save()
    make_article("Habari za leo", language="sw")
    search = page(client, "/sw/search/?q=habari")
    options = {o.text: o.get("lang") for o in search.xpath("//form[@class='search-form']//option")}
    assert options["All"] == "en" and options["Relevance"] == "en"
    assert options["Dunia"] is None  # the section's own Swahili name
    [label] = search.xpath("//label[@for='id_section']")
    assert label.get("lang") == "en"
    assert search.xpath("//nav[@class='sections']")[0].get("aria-labelledby") == "sections-label"
    assert search.xpath("//*[@id='sections-label']")[0].get("lang") == "en"
