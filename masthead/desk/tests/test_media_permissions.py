"""Who may do what in the media library, for every role: browse (everyone
in the newsroom), upload, describe and delete their own or anyone's
images, as masthead.accounts.rules and README's table say."""

import pytest
from django.urls import reverse

from masthead.accounts.roles import Role
from masthead.accounts.tests import expected
from masthead.media.models import Image
from masthead.testing import make_user

ROLES = list(Role.values)


@pytest.fixture
def someone_else(db):
    return make_user("sam", Role.REPORTER)


def description(image) -> dict:
    return {
        "alt_de": "Neu beschrieben",
        "alt_en": "",
        "caption_de": "",
        "caption_en": "",
        "credit": image.credit,
        "source": "",
        "licence": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
    }


@pytest.mark.parametrize("role", ROLES)
def test_everyone_in_the_newsroom_sees_the_library(client, persona, make_image, role):
    image = make_image()
    client.force_login(persona(role))
    assert client.get(reverse("desk:media")).status_code == 200
    assert client.get(reverse("desk:media_edit", args=[image.pk])).status_code == 200
    assert client.get(reverse("desk:media_choose")).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_uploading(client, persona, role):
    from .conftest import make_png

    client.force_login(persona(role))
    response = client.post(reverse("desk:media_upload"), {"files": [make_png()]})
    allowed = expected.allowed("upload_image", role)
    assert response.status_code == (302 if allowed else 403)
    assert Image.objects.exists() is allowed


@pytest.mark.parametrize("own", [True, False], ids=["own", "other"])
@pytest.mark.parametrize("role", ROLES)
def test_describing(client, persona, someone_else, make_image, role, own):
    user = persona(role)
    image = make_image(user=user if own else someone_else)
    client.force_login(user)
    page = client.get(reverse("desk:media_edit", args=[image.pk])).content.decode()
    response = client.post(reverse("desk:media_edit", args=[image.pk]), description(image))
    allowed = expected.allowed("edit_image", role, own)
    assert response.status_code == (302 if allowed else 403)
    image.refresh_from_db()
    assert (image.alt == {"de": "Neu beschrieben"}) is allowed
    # Without the right, the fields are shown but cannot be changed.
    assert ('name="alt_de"' in page and " disabled" not in page.split('name="alt_de"')[1][:80]) is (
        allowed
    )


@pytest.mark.parametrize("own", [True, False], ids=["own", "other"])
@pytest.mark.parametrize("role", ROLES)
def test_deleting(client, persona, someone_else, make_image, role, own):
    user = persona(role)
    image = make_image(user=user if own else someone_else)
    client.force_login(user)
    response = client.post(reverse("desk:media_delete", args=[image.pk]))
    allowed = expected.allowed("delete_image", role, own)
    assert response.status_code == (302 if allowed else 403)
    assert Image.objects.filter(pk=image.pk).exists() is not allowed


def test_outsiders_are_turned_away(client, outsider, make_image):
    image = make_image()
    client.force_login(outsider)
    for url in (
        reverse("desk:media"),
        reverse("desk:media_upload"),
        reverse("desk:media_choose"),
        reverse("desk:media_edit", args=[image.pk]),
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("desk:media_delete", args=[image.pk])).status_code == 403
    assert Image.objects.filter(pk=image.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, make_image):
    image = make_image()
    response = client.get(reverse("desk:media_edit", args=[image.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("desk:login"))
