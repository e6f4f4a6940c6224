"""Embeds as readers get them (masthead/articles/body.py): a page shows a
two-click placeholder naming the provider and loads nothing from it; a
feed shows a link; bodies that still hold a player's iframe look the same."""

import json

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles import body as article_body
from masthead.articles.models import Article

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
CHART = "https://datawrapper.dwcdn.net/AbC12/"
BLUESKY_HANDLE = "https://bsky.app/profile/tagesschau.de/post/3l3orwsydyc24"
BODY = (
    f'<p>Das Video:</p><figure data-embed="{YOUTUBE}"></figure>'
    f'<p>Die Grafik:</p><figure data-embed="{CHART}"></figure>'
)


def page(client, article, language="de"):
    with translation.override(language):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response, lxml.html.fromstring(response.content)


def test_a_page_shows_a_placeholder_naming_the_provider(client, make_article):
    article = make_article(body=BODY)

    _, root = page(client, article)

    youtube, chart = root.xpath("//div[@class='article__body']/figure")
    assert youtube.get("class") == "embed embed--youtube"
    assert youtube.get("data-embed-src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert youtube.get("data-embed-title") == "Inhalt von YouTube"
    assert youtube.get("data-embed-autoplay") == "autoplay=1"  # a click on the button plays
    assert "autoplay" in youtube.get("data-embed-allow")
    assert chart.get("data-embed-autoplay") is None and "autoplay" not in (
        chart.get("data-embed-allow") or ""
    )
    assert youtube.get("data-embed-sandbox") == (
        "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
    )
    assert youtube.xpath("string(.//button)") == "Inhalt von YouTube laden"
    assert "Daten wie Ihre IP-Adresse an YouTube" in youtube.xpath("string(.//p)")
    assert youtube.xpath(".//a/@href") == [YOUTUBE]
    assert youtube.xpath("string(.//a)") == "Bei YouTube öffnen"
    assert youtube.xpath(".//div/@class")[0] == "embed__box embed__box--16x9"
    assert chart.xpath("string(.//button)") == "Inhalt von Datawrapper laden"
    assert chart.get("data-embed-src") == CHART
    assert "data-embed-resizes" in chart.attrib
    # Nothing on the page asks a provider for anything before the click.
    assert not root.xpath("//iframe")
    assert not root.xpath("//*[contains(@src, 'youtube') or contains(@src, 'dwcdn')]")


def test_an_english_page_speaks_english(client, make_article):
    article = make_article(body=BODY, language="en", headline="The council passes the budget")

    _, root = page(client, article, "en")

    youtube = root.xpath("//figure[contains(@class, 'embed--youtube')]")[0]
    assert youtube.xpath("string(.//button)") == "Load content from YouTube"
    assert youtube.xpath("string(.//a)") == "Open on YouTube"
    assert "sends data such as your IP address to YouTube" in youtube.xpath("string(.//p)")


def test_the_page_loads_the_embeds_script_only_when_it_shows_an_embed(client, make_article):
    with_embed = make_article(body=BODY)
    without = make_article(headline="Ohne Video")

    _, root = page(client, with_embed)
    scripts = [s.get("src") for s in root.xpath("//script[@src]")]
    assert [s for s in scripts if s.endswith("/embeds.js")], scripts
    assert not root.xpath("//script[not(@src) and not(@type='application/ld+json')]")

    _, root = page(client, without)
    assert not [s for s in root.xpath("//script/@src") if "embeds" in s]


def test_an_address_that_cannot_be_framed_gets_a_link_only(client, make_article):
    article = make_article(body=f'<figure data-embed="{BLUESKY_HANDLE}"></figure>')

    _, root = page(client, article)

    [figure] = root.xpath("//figure[contains(@class, 'embed')]")
    assert figure.get("class") == "embed embed--bluesky embed--link"
    assert "data-embed-src" not in figure.attrib
    assert not figure.xpath(".//button")
    assert figure.xpath(".//a/@href") == [BLUESKY_HANDLE]
    assert figure.xpath("string(.//a)") == "Bei Bluesky öffnen"


def test_a_player_iframe_of_an_older_body_is_shown_as_a_placeholder(make_article):
    article = make_article()
    # A body as stored before embeds were nodes (no save, which converts it).
    Article.objects.filter(pk=article.pk).update(
        body='<p>Alt</p><iframe src="https://player.vimeo.com/video/76979871" width="560" '
        'height="315" title="Clip" allowfullscreen></iframe>'
    )
    article.refresh_from_db()

    with translation.override("de"):
        html = article_body.render_body(article)

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    [figure] = root.xpath("//figure")
    assert figure.get("data-embed-src") == "https://player.vimeo.com/video/76979871?dnt=1"
    assert figure.xpath("string(.//button)") == "Inhalt von Vimeo laden"
    assert not root.xpath("//iframe")
    assert article_body.has_embeds(article)


def test_saving_turns_a_player_iframe_into_the_node(make_article):
    article = make_article(
        body='<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560"></iframe>'
    )

    assert article.body == (
        '<figure data-embed="https://www.youtube.com/embed/dQw4w9WgXcQ"></figure>'
    )


def test_a_feed_gets_a_plain_link(make_article):
    article = make_article(body=BODY)

    with translation.override("de"):
        html = article_body.render_body(article, feed=True)

    assert html == (
        "<p>Das Video:</p>"
        f'<p>YouTube: <a href="{YOUTUBE}">{YOUTUBE}</a></p>'
        "<p>Die Grafik:</p>"
        f'<p>Datawrapper: <a href="{CHART}">{CHART}</a></p>'
    )


@pytest.mark.django_db
def test_the_json_feed_carries_the_link(client, make_article):
    make_article(body=BODY)

    with translation.override("de"):
        response = client.get(reverse("feeds:json"))

    [item] = json.loads(response.content)["items"]
    assert f'<a href="{YOUTUBE}">' in item["content_html"]
    assert "embed__load" not in item["content_html"]


def test_the_address_is_escaped_everywhere(make_article):
    address = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"
    article = make_article(body=f'<figure data-embed="{address}"></figure>')

    with translation.override("de"):
        page_html = article_body.render_body(article)
        feed_html = article_body.render_body(article, feed=True)

    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s"' in page_html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=42s"' in feed_html
    assert "&amp;amp;" not in page_html + feed_html
