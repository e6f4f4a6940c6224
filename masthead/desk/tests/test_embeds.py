"""Embeds in the newsroom: a body with an embed node saves and shows; embed
code is refused with a message next to the text, and nothing is saved; the
editor gets the Embed node with its providers and texts in German."""

import html
import json
import re

from django.urls import reverse
from django.utils import translation

from masthead.articles.models import Article
from masthead.testing import form_data

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_a_body_with_an_embed_node_saves_and_shows(post_article, client):
    response = post_article(body=f'<p>Das Video:</p><figure data-embed="{YOUTUBE}"></figure>')

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.body == f'<p>Das Video:</p><figure data-embed="{YOUTUBE}"></figure>'
    with translation.override("de"):
        page = client.get(article.get_absolute_url()).content.decode()
    assert "Inhalt von <bdi>YouTube</bdi> laden" in page  # the name isolated
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page


def test_embed_code_is_refused_with_a_message_and_nothing_is_saved(post_article):
    response = post_article(
        body='<p>Die Karte:</p><iframe src="https://maps.example.com/embed?id=1"></iframe>'
    )

    assert response.status_code == 200
    assert not Article.objects.exists()
    page = html.unescape(response.content.decode())
    assert "Der Text enthält Einbettungscode von maps.example.com" in page
    assert "fügen Sie dessen Adresse in eine eigene Zeile ein" in page


def test_a_script_is_refused_when_editing(make_article, editor_client):
    article = make_article()

    response = editor_client.post(
        reverse("desk:article_edit", args=[article.pk]),
        form_data(
            article,
            body='<p>Neu</p><script src="https://widgets.example.com/w.js"></script>',
        ),
    )

    assert response.status_code == 200
    assert "Einbettungscode" in html.unescape(response.content.decode())
    article.refresh_from_db()
    assert article.body == "<p>Der Rat hat am Dienstag den Haushalt beschlossen.</p>"


def test_an_embed_node_of_another_address_is_refused(post_article):
    response = post_article(body='<figure data-embed="https://example.org/video"></figure>')

    assert response.status_code == 200
    assert not Article.objects.exists()
    assert "Masthead kann https://example.org/video nicht einbetten." in html.unescape(
        response.content.decode()
    )


def editor_config(response):
    match = re.search(r'data-django-prose-editor-configurable="([^"]*)"', response.content.decode())
    return json.loads(html.unescape(match.group(1)))


def test_the_editor_gets_the_embed_node_with_german_texts(make_article, editor_client):
    article = make_article()

    with translation.override("de"):
        response = editor_client.get(reverse("desk:article_edit", args=[article.pk]))

    config = editor_config(response)
    assert any(module.endswith("masthead/editor/embed.js") for module in config["js_modules"])
    embed = config["extensions"]["Embed"]
    assert embed["label"] == "Eingebetteter Inhalt von %(provider)s"
    assert embed["refused"].startswith("Einbettungscode lässt sich nicht in den Text einfügen")
    assert [p["name"] for p in embed["providers"]][:2] == ["YouTube", "Vimeo"]


def test_the_editor_gets_an_older_bodys_player_iframe_as_a_node(make_article, editor_client):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        body='<p>Alt</p><iframe src="https://player.vimeo.com/video/76979871"></iframe>'
    )

    response = editor_client.get(reverse("desk:article_edit", args=[article.pk]))

    textarea = re.search(
        r"<textarea[^>]*name=\"body\"[^>]*>(.*?)</textarea>", response.content.decode(), re.S
    )
    assert html.unescape(textarea.group(1)).strip() == (
        '<p>Alt</p><figure data-embed="https://player.vimeo.com/video/76979871"></figure>'
    )


def test_the_admin_editor_gets_an_older_bodys_player_iframe_as_a_node(make_article, admin_client):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(
        body='<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'
    )

    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    body = re.search(
        r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', response.content.decode(), re.S
    )
    assert html.unescape(body.group(1)).strip() == (
        '<figure data-embed="https://www.youtube.com/embed/dQw4w9WgXcQ"></figure>'
    )
