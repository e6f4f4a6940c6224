"""Feeds name the lead image at a sensible size: the 1,080-pixel JPEG,
not the camera's original (the original until the renditions exist)."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from masthead.media import renditions
from masthead.media.samples import make_image, photo_jpeg


def json_feed(client):
    with translation.override("de"):
        return json.loads(client.get(reverse("feeds:json")).content)


@pytest.mark.django_db
def test_the_json_feed_names_the_1080_pixel_jpeg(client, make_article):
    image = make_image(photo_jpeg(1600, 1000))
    renditions.make_renditions(image)
    make_article("Mit Bild", lead_image=image)

    [item] = json_feed(client)["items"]

    expected = image.renditions.get(crop="", format="jpeg", width=1080)
    assert item["image"] == "http://testserver" + expected.file.url


@pytest.mark.django_db
def test_until_the_renditions_exist_the_feed_names_the_original(client, make_article):
    image = make_image(photo_jpeg(1600, 1000))
    make_article("Mit Bild", lead_image=image)

    [item] = json_feed(client)["items"]

    assert item["image"] == "http://testserver" + image.file.url
