"""The newsroom that every test speaks of, and the helpers that build on it.

One cast, one password rule, one way to fill in the edit form, so that a
reader of any test meets the same people (see docs/testing.md). The pytest
fixtures (``editor``, ``persona("reporter")``, …) are in the repository's
root conftest.py; this module holds the plain functions that tests import.

The cast, one staff user per role group (masthead.accounts.roles, the table
in masthead.accounts.rules):

- eda the editor: does everything to every article, and the taxonomy;
- ron the reporter: opens every article, edits, submits and publishes his own;
- cora the contributor: writes drafts and submits her own articles;
- theo the translator: opens every article, translates, edits his own
  until they are published;
- ada the administrator: every role's rights, and users (in the
  administrator group, not a superuser);
- and the outsider: signed in, but not staff (in the editor group all the
  same), whom the newsroom turns away.

They have no full names (pages show their usernames); the password of each
is ``password_of(username)``. The demo (``masthead demo``) creates the same
names.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from masthead.accounts.roles import Role

PERSONAS = {
    Role.EDITOR: "eda",
    Role.REPORTER: "ron",
    Role.CONTRIBUTOR: "cora",
    Role.TRANSLATOR: "theo",
    Role.ADMINISTRATOR: "ada",
}


def password_of(username: str) -> str:
    """The password of a test user: ``password_of("eda") == "pw-eda-123"``."""
    return f"pw-{username}-123"


def make_user(username: str, *roles: str, is_staff: bool = True):
    """A user in the groups of ``roles``, with the password ``password_of(username)``.

    The personas are made with it; so are the few accounts a test needs
    outside the cast (staff without a role, a second reporter whose articles
    are not one's own)."""
    user = get_user_model().objects.create_user(
        username, password=password_of(username), is_staff=is_staff
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def client_for(user, language: str = "en") -> Client:
    """A client of its own, signed in as ``user``, whose desk speaks
    ``language``: for tests where two people work at once."""
    from django.conf import settings

    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def form_data(article, **changes):
    """The edit form's POST data for ``article`` as stored (with the version
    the editor started from), with ``changes``; the button is "Save".

    >>> client.post(reverse("desk:article_edit", args=[a.pk]), form_data(a, headline="Neu"))
    """
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
    data.update(changes)
    return data
