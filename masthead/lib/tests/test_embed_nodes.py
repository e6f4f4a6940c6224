"""The embed node in a stored body: kept as ``<figure data-embed="…">`` for an
allowlisted address only, reduced to its address, and embed code from the
editor refused with a message rather than dropped without a word."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from masthead.lib.html import clean_editor_body, refuse_embed_code, sanitize

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_it_keeps_the_node_of_an_allowlisted_address():
    body = f'<p>Das Video:</p><figure data-embed="{YOUTUBE}"></figure><p>Weiter.</p>'

    assert sanitize(body) == body


def test_it_keeps_an_ampersand_in_the_address_escaped():
    address = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"

    assert sanitize(f'<figure data-embed="{address}"></figure>') == (
        '<figure data-embed="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s"></figure>'
    )


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example/",
        "javascript:alert(1)",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
        "",
    ],
)
def test_it_drops_the_node_of_any_other_address(address):
    assert sanitize(f'<p>a</p><figure data-embed="{address}"></figure><p>b</p>') == (
        "<p>a</p><p>b</p>"
    )


def test_the_node_keeps_its_address_only():
    body = (
        f'<figure data-embed="{YOUTUBE}" lang="de" class="x" onclick="alert(1)">'
        '<figcaption>Text</figcaption><img src="https://evil.example/a.png">'
        "<figure><p>innen</p></figure></figure><p>danach</p>"
    )

    assert sanitize(body) == f'<figure data-embed="{YOUTUBE}"></figure><p>danach</p>'


def test_it_leaves_other_figures_alone():
    body = (
        '<figure><img src="https://example.org/a.jpg" alt="Ein Bild">'
        "<figcaption>B</figcaption></figure>"
    )

    assert sanitize(body) == body


def test_an_unclosed_node_swallows_nothing_after_it_but_its_own_content():
    assert sanitize(f'<p>a</p><figure data-embed="{YOUTUBE}"><p>b</p>') == (
        f'<p>a</p><figure data-embed="{YOUTUBE}"></figure>'
    )


@pytest.mark.parametrize(
    "body",
    [
        '<p>x</p><iframe src="https://evil.example/frame"></iframe>',
        '<iframe src="https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ"></iframe>',
        "<IFRAME SRC='https://evil.example/'></IFRAME>",
        '<script src="https://evil.example/widget.js"></script>',
        '<div class="flourish-embed"><script src="https://public.flourish.studio/embed.js">'
        "</script></div>",
        '<embed src="https://evil.example/a.swf">',
        '<object data="https://evil.example/a.swf"></object>',
        '<blockquote class="twitter-tweet"><p>Tweet</p></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script>',
        '<iframe srcdoc="<p>x</p>"></iframe>',
    ],
)
def test_it_refuses_embed_code_with_a_message(body):
    with pytest.raises(ValidationError) as error, translation.override("en"):
        clean_editor_body(body)

    [message] = error.value.messages
    assert "embed code" in message
    assert "paste its address on a line of its own" in message
    assert "YouTube, Vimeo, X, Bluesky, Mastodon" in message


def test_the_message_names_the_site_and_speaks_the_editors_language():
    with pytest.raises(ValidationError) as error, translation.override("de"):
        refuse_embed_code('<iframe src="https://widgets.example.com/chart/1"></iframe>')

    [message] = error.value.messages
    assert "widgets.example.com" in message
    assert "Einbettungscode" in message


def test_it_refuses_a_node_with_an_address_it_cannot_embed():
    with pytest.raises(ValidationError) as error, translation.override("en"):
        refuse_embed_code('<figure data-embed="https://example.org/video/1"></figure>')

    assert error.value.messages == [
        "Masthead cannot embed https://example.org/video/1. It embeds addresses from "
        "YouTube, Vimeo, X, Bluesky, Mastodon, Instagram, TikTok, Spotify, SoundCloud, "
        "Datawrapper, Flourish; other addresses can be links."
    ]


@pytest.mark.parametrize(
    "body",
    [
        f'<p>Text</p><figure data-embed="{YOUTUBE}"></figure>',
        # A player's iframe, as older bodies hold, becomes the node.
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560"></iframe>',
        "<p>&lt;iframe src=x&gt; is how a frame is written.</p>",
        # An inline script is no embed code but an attack: removed as always.
        "<p>Gut<script>alert(1)</script></p>",
    ],
)
def test_it_takes_embed_nodes_and_players_without_complaint(body):
    cleaned = clean_editor_body(body)

    assert "<iframe" not in cleaned
    assert "<script" not in cleaned
