"""Personas of the newsroom and helpers for the desk tests.

- ``editor``: staff, may write, change, publish and correct articles;
- ``reporter``: staff, may change articles but not create them;
- ``outsider``: signed in, but not staff.
"""

from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from masthead.articles.models import Article

EDITOR_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_correction",
]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def grant(user, *perms):
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("edith", password="pw-edith-123", is_staff=True)
    return grant(user, *EDITOR_PERMISSIONS)


@pytest.fixture
def reporter(django_user_model):
    user = django_user_model.objects.create_user("rico", password="pw-rico-123", is_staff=True)
    return grant(user, "articles.change_article", "articles.view_article")


@pytest.fixture
def outsider(django_user_model):
    user = django_user_model.objects.create_user("olga", password="pw-olga-123")
    return grant(user, *EDITOR_PERMISSIONS)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article_data(world, author):
    """What an editor types into the new-article form, as POST data."""

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
            "status": Article.Status.PUBLISHED,
            "publish_at": "",
            "image_alt": "",
            "image_caption": "",
            "image_credit": "",
            "author_1": author.pk,
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


def edit_data(article, **fields):
    """The edit form's POST data for ``article`` as stored, with changes."""
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body": article.body,
        "excerpt": article.excerpt,
        "section": article.section_id,
        "tags": [tag.pk for tag in article.tags.all()],
        "new_tags": "",
        "status": article.status,
        "publish_at": (
            timezone.localtime(article.publish_at).strftime("%Y-%m-%dT%H:%M")
            if article.publish_at
            else ""
        ),
        "image_alt": article.image_alt,
        "image_caption": article.image_caption,
        "image_credit": article.image_credit,
    }
    for number, author in enumerate(article.byline_authors, 1):
        data[f"author_{number}"] = author.pk
    data.update(fields)
    return data
