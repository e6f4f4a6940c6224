"""The language of what is imported: the command's, else WPML's or
Polylang's per item, else the file's; linked translations share a story."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from masthead.articles.models import Article

from .conftest import wxr_document, wxr_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_terminal")]


def polylang(code: str, group: str) -> str:
    return (
        f'<category domain="language" nicename="{code}"><![CDATA[{code}]]></category>'
        f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]></category>'
    )


def wpml(code: str, group: str) -> str:
    return "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
        for key, value in (
            ("_wpml_import_language_code", code),
            ("_wpml_import_translation_group", group),
        )
    )


def run(tmp_path, items: str, *args, language_tag="de-AT") -> str:
    path = tmp_path / "export.xml"
    document = wxr_document(items).replace("<language>de-AT</language>", language_tag)
    path.write_text(document)
    out = StringIO()
    call_command("import_wxr", str(path), "--no-progress", *args, stdout=out)
    return out.getvalue()


def test_the_file_s_language_is_the_default(tmp_path):
    run(tmp_path, wxr_item(1, "Eins"))
    assert Article.objects.get().language == "de"  # de-AT → de


def test_the_command_s_language_wins(tmp_path):
    run(tmp_path, wxr_item(1, "One"), "--language", "en")
    assert Article.objects.get().language == "en"


def test_a_file_without_a_language_takes_the_site_s(tmp_path, settings):
    run(tmp_path, wxr_item(1, "Eins"), language_tag="")
    assert Article.objects.get().language == settings.LANGUAGE_CODE


@pytest.mark.parametrize("fields", [polylang, wpml])
def test_linked_translations_share_a_story(tmp_path, fields):
    items = wxr_item(1, "Die Wahl", extra=fields("de", "group-7")) + wxr_item(
        2, "The election", extra=fields("en", "group-7")
    )
    run(tmp_path, items + wxr_item(3, "Allein", extra=fields("de", "group-8")))
    de, en = Article.objects.get(headline="Die Wahl"), Article.objects.get(headline="The election")
    assert (de.language, en.language) == ("de", "en")
    assert de.translation_key == en.translation_key
    assert list(de.translations()) == [en]
    assert Article.objects.get(headline="Allein").translation_key != de.translation_key
    # Again: the same stories, still linked.
    run(tmp_path, items)
    assert Article.objects.count() == 3
    assert Article.objects.get(headline="The election").translation_key == de.translation_key


def test_an_unknown_language_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="“sw” is not one of the site's content languages"):
        run(tmp_path, wxr_item(1, "Moja"), "--language", "sw")
    with pytest.raises(CommandError, match="“fr-CA” is not one of"):
        run(tmp_path, wxr_item(1, "Un"), language_tag="<language>fr-CA</language>")
    with pytest.raises(CommandError, match="“it” is not one of"):
        run(tmp_path, wxr_item(1, "Uno", extra=polylang("it", "g")))
    assert not Article.objects.exists()


def test_an_unknown_time_zone_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="“Mars/Olympus” is not a time zone"):
        run(tmp_path, wxr_item(1, "Eins"), "--time-zone", "Mars/Olympus")
