"""An image that an article's body shows cannot be deleted from the
library: ``BodyImage`` lists it, kept in step with the body on every save."""

import pytest
from django.db.models import ProtectedError

from masthead.articles import services
from masthead.articles.models import BodyImage

from .pictures import gallery, make_image, picture

pytestmark = pytest.mark.django_db


def used(article) -> set[int]:
    return set(BodyImage.objects.filter(article=article).values_list("image_id", flat=True))


def test_it_lists_the_images_of_the_body(make_article):
    first, second, third = make_image("a.jpg"), make_image("b.jpg"), make_image("c.jpg")
    article = make_article(body=f"{picture(first)}<p>x</p>{gallery(second, third, first)}")
    assert used(article) == {first.pk, second.pk, third.pk}


def test_it_follows_the_body_on_every_save(make_article, author):
    first, second = make_image("a.jpg"), make_image("b.jpg")
    article = make_article(body=picture(first))
    article.body = picture(second)
    services.save_article(article, authors=[author])
    assert used(article) == {second.pk}
    article.body = "<p>Ohne Bild</p>"
    services.save_article(article, authors=[author])
    assert used(article) == set()


def test_an_image_in_use_cannot_be_deleted(make_article):
    image = make_image()
    make_article(body=gallery(image))
    with pytest.raises(ProtectedError):
        image.delete()


def test_an_image_no_longer_used_can_be_deleted(make_article, author):
    image = make_image()
    article = make_article(body=picture(image))
    article.body = "<p>Bild entfernt</p>"
    services.save_article(article, authors=[author])
    image.delete()


def test_an_unknown_image_is_not_listed(make_article):
    article = make_article(body='<figure data-image="424242"></figure>')
    assert used(article) == set()


def test_restoring_a_revision_brings_its_images_back(make_article, author, editor):
    first, second = make_image("a.jpg"), make_image("b.jpg")
    article = make_article(body=picture(first))
    article.body = picture(second)
    services.save_article(article, authors=[author])
    services.restore_revision(article.revisions.get(number=1), editor)
    assert used(article) == {first.pk}


def test_a_translation_uses_the_same_images(make_article, translator):
    image = make_image()
    source = make_article(body=picture(image))
    translation = services.translate(source, "en", translator)
    assert translation.body == source.body
    assert used(translation) == {image.pk}
