"""The comparison of two revisions shows what changed in pictures and
galleries: another image, another caption, another size."""

import pytest
from django.urls import reverse
from django.utils import translation

from masthead.articles import services
from masthead.articles.tests.pictures import gallery, make_image, picture
from masthead.desk.revisions import diff_body
from masthead.testing import client_for

pytestmark = pytest.mark.django_db


def changes(old, new):
    return [
        (block.kind, block.op, [(s.op, s.text) for s in block.segments])
        for block in diff_body(old, new)
        if block.changed
    ]


def test_a_swapped_image_shows():
    council, harbour = make_image("rat.jpg"), make_image("hafen.jpg")
    with translation.override("en"):
        found = changes(f"<p>x</p>{picture(council)}", f"<p>x</p>{picture(harbour)}")
    assert found == [
        (
            "figure",
            "change",
            [
                ("equal", "Picture "),
                ("delete", str(council.pk)),
                ("insert", str(harbour.pk)),
                ("equal", " "),
                ("delete", "“rat.jpg”"),
                ("insert", "“hafen.jpg”"),
                ("equal", " (column width)"),
            ],
        )
    ]


def test_a_swap_between_files_of_the_same_name_shows():
    first, second = make_image("IMG_0001.jpg"), make_image("IMG_0001.jpg")
    (block,) = diff_body(picture(first), picture(second))
    assert block.op == "change"


def test_a_new_caption_and_size_show():
    image = make_image("rat.jpg")
    with translation.override("de"):
        (block,) = diff_body(picture(image), picture(image, "full", "Der Rat tagt"))
    assert block.op == "change"
    assert [(s.op, s.text) for s in block.segments] == [
        ("equal", f"Bild {image.pk} „rat.jpg“ "),
        ("delete", "(Spaltenbreite)"),
        ("insert", "(volle Breite): Der Rat tagt"),
    ]


def test_pictures_added_and_removed_in_a_gallery_show():
    first, second = make_image("a.jpg"), make_image("b.jpg")
    (block,) = diff_body(gallery(first), gallery(first, second))
    assert block.kind == "figure" and block.op == "change"
    assert any(s.op == "insert" and "b.jpg" in s.text for s in block.segments)


def test_an_added_picture_shows_even_without_a_caption():
    image = make_image("rat.jpg")
    blocks = diff_body("<p>Text</p>", f"<p>Text</p>{picture(image)}")
    assert [(b.kind, b.op) for b in blocks] == [("p", "equal"), ("figure", "insert")]


def test_the_compare_page_shows_the_change(make_article, editor, author):
    council, harbour = make_image("rat.jpg"), make_image("hafen.jpg")
    article = make_article(body=picture(council))
    article.body = picture(harbour, "full")
    services.save_article(article, authors=[author])
    url = reverse("desk:article_revision_compare", args=[article.pk])
    html = client_for(editor, "de").get(url, {"a": 1, "b": 2}).text
    assert f"Bild {harbour.pk} „hafen.jpg“" in html
    assert "volle Breite" in html
    assert "nicht gleich" not in html
