"""Personas of the newsroom and helpers for the desk tests.

Each persona is a staff user in one role group (see masthead.accounts.roles
and the table in masthead.accounts.rules):

- ``contributor`` "cora": writes drafts and submits her own articles;
- ``reporter`` "ron": opens every article, edits, submits and publishes his own;
- ``editor`` "eda": does everything to every article, and the taxonomy;
- ``translator`` "theo": opens every article, translates, edits his own
  until they are published;
- ``administrator`` "ada": every role's rights, and users (in the
  administrator group, not a superuser);
- ``outsider``: signed in, but not staff (in the editor group all the same).

The password of a persona is ``pw-<username>-123``.
"""

from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from masthead.accounts.roles import Role

PERSONAS = {
    Role.CONTRIBUTOR: "cora",
    Role.REPORTER: "ron",
    Role.EDITOR: "eda",
    Role.TRANSLATOR: "theo",
    Role.ADMINISTRATOR: "ada",
}


def password_of(username: str) -> str:
    return f"pw-{username}-123"


def make_user(username: str, *roles: str, is_staff: bool = True):
    """A user in the groups of ``roles``."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        username, password=password_of(username), is_staff=is_staff
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def persona(db):
    """``persona("editor")``: the user of a role (created once per test)."""
    users = {}

    def get(role: str):
        if role not in users:
            users[role] = make_user(PERSONAS[Role(role)], role)
        return users[role]

    return get


@pytest.fixture
def contributor(persona):
    return persona(Role.CONTRIBUTOR)


@pytest.fixture
def reporter(persona):
    return persona(Role.REPORTER)


@pytest.fixture
def editor(persona):
    return persona(Role.EDITOR)


@pytest.fixture
def translator(persona):
    return persona(Role.TRANSLATOR)


@pytest.fixture
def administrator(persona):
    return persona(Role.ADMINISTRATOR)


@pytest.fixture
def users(db):
    """One user per role, named after it ("editor-1"), for tests where
    several people act on the same articles."""
    return {role.value: make_user(f"{role.value}-1", role) for role in Role}


@pytest.fixture
def outsider(db):
    """Signed in, not staff: a role group does not let them in."""
    return make_user("outsider", Role.EDITOR, is_staff=False)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


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
            "image_alt": "",
            "image_caption": "",
            "image_credit": "",
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


def edit_data(article, **fields):
    """The edit form's POST data for ``article`` as stored (with the version
    the editor started from), with changes; the button is "Save"."""
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body": article.body,
        "excerpt": article.excerpt,
        "section": article.section_id,
        "tags": [tag.pk for tag in article.tags.all()],
        "new_tags": "",
        "publish_at": (
            timezone.localtime(article.publish_at).strftime("%Y-%m-%dT%H:%M")
            if article.publish_at
            else ""
        ),
        "image_alt": article.image_alt,
        "image_caption": article.image_caption,
        "image_credit": article.image_credit,
        "version": article.version,
        "_action": "save",
    }
    for number, author in enumerate(article.byline_authors, 1):
        data[f"author_{number}"] = author.pk
    data.update(fields)
    return data
