"""Exports a reviewer found the importer stumbling on: each imports, and
says what it did, instead of ending in a traceback or a wrong address."""

from io import StringIO

import pytest
from django.core.management import call_command

from masthead.articles.models import Article
from masthead.articles.services import delete_article
from masthead.importers.wordpress.body import convert
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .conftest import wxr_document, wxr_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english_terminal")]


def run(tmp_path, items: str, channel: str = "") -> str:
    path = tmp_path / "export.xml"
    path.write_text(wxr_document(items, channel=channel))
    out = StringIO()
    call_command("import_wxr", str(path), "--no-progress", stdout=out)
    return out.getvalue()


def test_a_story_deleted_since_the_last_run_is_imported_again(tmp_path):
    items = wxr_item(1, "Eins") + wxr_item(2, "Zwei")
    run(tmp_path, items)
    delete_article(Article.objects.get(headline="Zwei"), None)
    run(tmp_path, items)
    again = Article.objects.get(headline="Zwei")
    assert Article.objects.count() == 2
    # Its old address leads to the story made anew.
    assert run(tmp_path, items)  # a third run changes nothing and fails on nothing
    assert Article.objects.get(headline="Zwei").pk == again.pk


def test_a_draft_without_a_slug_gets_one_from_its_headline(tmp_path):
    run(tmp_path, wxr_item(1, "Der Rat tagt im Juni", status="draft", post_name=""))
    assert Article.objects.get().slug == "der-rat-tagt-im-juni"


def test_names_wordpress_stored_escaped_are_plain_text(tmp_path):
    channel = """
    <wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[hanna]]></wp:author_login>
    <wp:author_display_name><![CDATA[Hanna &amp; Co]]></wp:author_display_name></wp:author>
    <wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>news-views</wp:category_nicename>
    <wp:category_parent></wp:category_parent>
    <wp:cat_name><![CDATA[News &amp; Views]]></wp:cat_name></wp:category>"""
    extra = (
        '<category domain="category" nicename="news-views"><![CDATA[News &amp; Views]]></category>'
        '<category domain="post_tag" nicename="q-a"><![CDATA[Q&amp;A]]></category>'
    )
    run(tmp_path, wxr_item(1, "Eins", extra=extra), channel=channel)
    assert Author.objects.get().name == "Hanna & Co"
    assert Section.objects.get(slugs__de="news-views").names["de"] == "News & Views"
    assert Tag.objects.get().name == "Q&A"


def test_a_post_that_quotes_a_doctype_is_no_hostile_file(tmp_path):
    content = "<!-- wp:code --><pre>&lt;!DOCTYPE html&gt;</pre><!-- /wp:code --><p><!DOCTYPE x></p>"
    run(tmp_path, wxr_item(1, "HTML lernen", content=content))
    assert Article.objects.get().headline == "HTML lernen"


def test_an_author_login_with_a_dot_keeps_its_old_address(tmp_path, client):
    run(tmp_path, wxr_item(1, "Eins", creator="john.doe"))
    response = client.get("/author/john-doe/")
    assert response.status_code == 301


@pytest.mark.parametrize(
    "content",
    [
        '<!-- wp:paragraph --><p><a href="https://[your-domain].com/">Ihre Seite</a></p>'
        "<!-- /wp:paragraph -->",
        "[embed]http://[your-site]/video[/embed]",
        '<iframe src="http://[x"></iframe><p>Danach.</p>',
        '[video src="http://[x/a.mp4"]',
        "<!-- wp:group -->" * 400 + "<p>Tief</p>" + "<!-- /wp:group -->" * 400,
    ],
    ids=["link", "embed", "frame", "video", "nested-blocks"],
)
def test_bodies_that_once_stopped_an_import(content):
    converted = convert(content, image=lambda address, attachment: None)
    assert converted.notes or "Ihre Seite" in converted.html
    assert "[" not in converted.html.replace("[embed]", "")


def test_a_number_field_with_a_superscript_digit_is_no_number(tmp_path):
    items = wxr_item(1, "Eins").replace("<wp:post_id>1</wp:post_id>", "<wp:post_id>²</wp:post_id>")
    out = run(tmp_path, items + wxr_item(2, "Zwei"))
    assert list(Article.objects.values_list("headline", flat=True)) == ["Zwei"]
    assert "Skipped — items without an id: 1" in out
