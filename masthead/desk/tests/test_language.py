"""The newsroom speaks the editor's language: a selector in the header
switches it, and every text on the pages is marked for translation."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

# Every page template, the reader site's and the desk's.
TEMPLATES = sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html"))


def test_it_switches_the_language_of_the_newsroom(editor_client):
    page = editor_client.get(reverse("desk:home")).content.decode()
    assert f'action="{reverse("set_language")}" method="post"' in page
    assert '<select id="desk-language" name="language">' in page

    for language in ("en", "de", "en"):
        response = editor_client.post(
            reverse("set_language"), {"language": language, "next": reverse("desk:home")}
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("desk:home")
        page = editor_client.get(reverse("desk:home")).content.decode()
        assert f'<html lang="{language}"' in page
        assert f'<option value="{language}" lang="{language}" selected>' in page


def test_it_follows_the_browser_language(client, editor):
    client.force_login(editor)
    page = client.get(reverse("desk:home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert '<html lang="en"' in page.content.decode()


def test_it_names_content_languages_in_the_editor_language(editor_client, make_article):
    make_article()
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = editor_client.get(reverse("desk:articles")).content.decode()
    assert "Translate into English" in page
    assert ">German<" in page  # the article's language, not "Deutsch"


# Each shipped UI language and a text of the desk's header in it.
NEWSROOM = {
    "ar": "لغة غرفة الأخبار",
    "de": "Sprache der Redaktion",
    "es": "Idioma de la redacción",
    "fr": "Langue de l’espace rédaction",
    "it": "Lingua dell",
    "ja": "編集部の表示言語",
    "nl": "Taal van de redactieomgeving",
    "pl": "Język interfejsu redakcji",
    "pt": "Idioma da redação",
    "tr": "Haber merkezinin dili",
    "uk": "Мова інтерфейсу редакції",
}


@pytest.mark.parametrize("language", sorted(NEWSROOM))
def test_the_desk_speaks_every_shipped_language(editor_client, language):
    """A French-speaking editor on a German and English site: the desk
    offers every language Masthead has a catalog for, not only the site's
    content languages."""
    assert language not in dict(settings.LANGUAGES) or language == "de"
    editor_client.post(reverse("set_language"), {"language": language, "next": "/desk/"})
    page = editor_client.get(reverse("desk:home")).content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert NEWSROOM[language] in page
    assert f'<option value="{language}" lang="{language}" selected>' in page


def test_the_menu_names_each_language_in_itself(editor_client):
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    page = editor_client.get(reverse("desk:home")).content.decode()
    for code, name in [("en", "English"), ("fr", "Français"), ("ja", "日本語")]:
        assert f'lang="{code}">{name}</option>' in page
    assert 'lang="ar" dir="rtl">العربية</option>' in page  # the other direction
    assert "Englisch" not in page
    assert len(settings.UI_LANGUAGES) >= 12


def test_the_browser_language_counts_among_all_shipped_ones(client, editor):
    client.force_login(editor)
    page = client.get(reverse("desk:home"), HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9,en;q=0.5")
    assert '<html lang="pt"' in page.content.decode()
    # A language without a catalog: the next the browser asks for.
    page = client.get(reverse("desk:home"), HTTP_ACCEPT_LANGUAGE="sw,fr;q=0.8")
    assert '<html lang="fr"' in page.content.decode()


@pytest.mark.django_db
def test_a_readers_page_keeps_its_own_language(client):
    """The newsroom's choice never leaks into the reader site."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get("/de/").content.decode()
    assert '<html lang="de"' in page
    assert "Langue" not in page


def _untranslated(source: str) -> tuple[str, list[str]]:
    """The text of a template that is not inside a translation tag, and the
    values of attributes that are read out (aria-label, title, …)."""
    source = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", source, flags=re.S)
    source = re.sub(r"{#.*?#}", "", source, flags=re.S)
    source = re.sub(r"<(script|style)\b.*?</\1>", "", source, flags=re.S)
    source = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", "", source, flags=re.S)
    source = re.sub(r"{%.*?%}|{{.*?}}", "", source, flags=re.S)
    attributes = re.findall(r'\s(?:aria-label|title|placeholder|alt|data-label)="([^"]+)"', source)
    text = re.sub(r"<[^>]*>", " ", source)
    text = text.replace("&nbsp;", " ")
    return re.sub(r"[\s–—·:;,.*|/()©]+", "", text), attributes


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_it_marks_every_text_for_translation(template):
    assert TEMPLATES, "no desk templates found"
    source = template.read_text()
    text, attributes = _untranslated(source)
    assert text == "", f"{template.name}: text outside {{% translate %}}: {text!r}"
    assert attributes == [], f"{template.name}: untranslated attribute values: {attributes}"
    if text or "{% translate" in source or "{% blocktranslate" in source:
        assert "{% load i18n" in source


def test_the_guard_finds_untranslated_text():
    assert _untranslated('<p title="Hilfe">Hallo {{ name }}</p>') == ("Hallo", ["Hilfe"])
    assert _untranslated('<p>{% translate "Hallo" %} – {{ name }}</p>') == ("", [])
