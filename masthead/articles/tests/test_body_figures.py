"""Pictures and galleries in the body: kept by the sanitiser as small
nodes, shown to readers as accessible figures, to feeds as plain images."""

import re

import pytest
from django.urls import reverse

from masthead.articles.body import render_body
from masthead.lib.html import sanitize

from .pictures import gallery, make_image, picture

pytestmark = pytest.mark.django_db


def test_it_keeps_the_picture_and_gallery_nodes():
    body = (
        '<figure data-image="12" data-size="full">'
        "<figcaption>Der <em>Rat</em></figcaption></figure>"
        '<figure data-gallery=""><figure data-image="3"></figure><figure data-image="4">'
        "</figure></figure>"
    )
    assert sanitize(body) == body


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("data-image", "12 onclick=alert(1)"),
        ("data-image", "-1"),
        ("data-image", "012"),
        ("data-image", "1e3"),
        ("data-image", "99999999999999999999"),
        ("data-image", "javascript:alert(1)"),
        ("data-size", "huge"),
        ("data-size", 'full" onload="x'),
        ("data-gallery", "yes"),
    ],
)
def test_it_drops_hostile_values_of_the_node_attributes(attribute, value):
    value = value.replace('"', "&quot;")
    # The attribute goes, and the figure left empty with it.
    assert sanitize(f'<figure {attribute}="{value}"></figure>') == ""


def test_it_keeps_the_data_attributes_off_other_tags():
    assert sanitize('<p data-image="1" data-size="full">x</p>') == "<p>x</p>"
    assert sanitize('<figure data-caption="x" style="color:red"></figure>') == ""


def test_it_shows_a_picture_as_an_accessible_figure(make_article):
    image = make_image(credit="Anna Berg")
    article = make_article(body=f"<p>Vorher</p>{picture(image, 'full')}<p>Nachher</p>")
    html = str(render_body(article))
    assert html.startswith("<p>Vorher</p>")
    assert html.endswith("<p>Nachher</p>")
    assert '<figure class="figure figure--full">' in html
    assert f'src="{image.file.url}"' in html
    assert 'width="1600" height="900"' in html
    assert 'alt="Der Ratssaal"' in html
    assert 'loading="lazy"' in html
    # The image's own caption in the article's language, and the credit.
    assert "<figcaption>Die Sitzung am Dienstag" in html
    assert '<span class="credit">Foto: <bdi>Anna Berg</bdi></span>' in html


def test_it_prefers_the_caption_of_this_use(make_article):
    image = make_image()
    article = make_article(body=picture(image, caption="Hier <strong>tagt</strong> der Rat"))
    html = str(render_body(article))
    assert "<figcaption>Hier <strong>tagt</strong> der Rat" in html
    assert "Die Sitzung am Dienstag" not in html


def test_it_uses_alt_text_and_caption_in_the_articles_language(make_article):
    image = make_image(caption={"de": "Die Sitzung", "en": "The meeting"})
    article = make_article(language="en", body=picture(image), headline="The council")
    html = str(render_body(article))
    assert 'alt="The council chamber"' in html
    assert "The meeting" in html
    assert "Ratssaal" not in html


def test_it_shows_a_gallery_as_a_list_of_figures(make_article):
    first, second = make_image("a.jpg"), make_image("b.jpg")
    article = make_article(body=gallery(first, second))
    html = str(render_body(article))
    assert html.startswith('<ul class="gallery" aria-label="Bildergalerie">')
    assert html.count('<li class="gallery__item"><figure') == 2
    assert html.index(first.file.url) < html.index(second.file.url)


def test_a_picture_whose_image_is_gone_shows_nothing(make_article):
    image = make_image()
    article = make_article(body=f"<p>Text</p>{picture(image)}")
    article.body += '<figure data-image="999999"></figure>'
    html = str(render_body(article))
    assert html.count("<figure") == 1
    assert "999999" not in html


def test_the_page_shows_the_figures(client, make_article):
    image = make_image()
    article = make_article(body=f"<p>Text</p>{picture(image)}{gallery(image)}")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.text.count(f'src="{image.file.url}"') == 2
    assert 'aria-label="Bildergalerie"' in response.text


def test_feeds_get_a_plain_image_of_a_sensible_size(make_article):
    big = make_image("big.jpg", width=3000, height=2000)
    article = make_article(body=f"{picture(big, 'full')}{gallery(big)}")
    html = str(render_body(article, feed=True))
    images = re.findall(r"<img [^>]*>", html)
    assert len(images) == 2
    for img in images:
        # The 1,080-pixel JPEG rendition once it exists (media/rendering.py
        # feed_image); until then the original, at its own size.
        assert f'src="http://testserver{big.file.url}"' in img
        assert 'width="3000" height="2000"' in img
        assert 'alt="Der Ratssaal"' in img
        assert "loading" not in img
    assert "<ul" not in html
    assert html.count("<figure>") == 2


def test_the_json_feed_carries_the_pictures(client, make_article):
    image = make_image()
    make_article(body=picture(image))
    response = client.get(reverse("feeds:json"))
    assert f"http://testserver{image.file.url}" in response.text


def test_it_reads_all_images_of_a_body_in_one_query(make_article, assert_num_queries):
    images = [make_image(f"{n}.jpg") for n in range(5)]
    body = "".join(picture(image) for image in images[:2]) + gallery(*images[2:])
    article = make_article(body=body)
    # Expect 2 queries: the five images of the body, by id, and their
    # renditions.
    with assert_num_queries(2):
        html = str(render_body(article))
    assert html.count("<img ") == 5


def test_a_body_without_pictures_needs_no_query(make_article, assert_num_queries):
    article = make_article(body="<p>Nur Text</p><figure><p>Zitat</p></figure>")
    with assert_num_queries(0):
        assert str(render_body(article)) == article.body
