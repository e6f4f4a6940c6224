"""Helpers of the desk tests: the new-article form's data, and uploads.

The newsroom's people (eda the editor, ron the reporter, …) and the edit
form's data (``masthead.testing.form_data``) are shared by every app's
tests: see the root conftest.py and masthead/testing.py."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


@pytest.fixture
def article_data(world, author):
    """What an editor types into the new-article form, as POST data; the
    button is "Save and publish" unless ``_action`` says otherwise."""

    def make(**fields):
        data = {
            "language": "de",
            "headline": "Der Rat beschließt den Haushalt",
            "slug": "",
            "standfirst": "Eine Zusammenfassung in einem Satz.",
            "body": "<p>Der Rat hat am Dienstag den Haushalt beschlossen.</p>",
            "excerpt": "",
            "section": world.pk,
            "new_tags": "",
            "publish_at": "",
            "lead_image_alt": "",
            "lead_image_caption": "",
            "lead_image_credit": "",
            "author_1": author.pk,
            "_action": "publish",
        }
        data.update(fields)
        return {k: v for k, v in data.items() if v is not None}

    return make


@pytest.fixture
def post_article(editor_client, article_data):
    """POST the new-article form; returns the response."""

    def post(follow=False, **fields):
        return editor_client.post(
            reverse("desk:article_create"), article_data(**fields), follow=follow
        )

    return post


def make_png(width=40, height=30, noise=False, name="lead.png"):
    """A real PNG upload; with ``noise`` it barely compresses (a larger file)."""
    from PIL import Image

    image = Image.new("RGB", (width, height), (30, 90, 160))
    if noise:
        import random

        rng = random.Random(1)
        image.putdata(
            [
                (rng.randrange(256), rng.randrange(256), rng.randrange(256))
                for _ in range(width * height)
            ]
        )
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
