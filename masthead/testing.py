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
from masthead.lib.jobs import run_due_jobs

PERSONAS = {
    Role.EDITOR: "eda",
    Role.REPORTER: "ron",
    Role.CONTRIBUTOR: "cora",
    Role.TRANSLATOR: "theo",
    Role.ADMINISTRATOR: "ada",
}


def suite_settings(media_root) -> dict:
    """The settings every test runs with (the root conftest.py's autouse
    fixture applies them; a module-scoped fixture passes them to
    ``override_settings``), with uploads in ``media_root``."""
    from django.conf import settings

    return {
        # Hashed static names need `collectstatic`; tests use the plain names.
        "STORAGES": {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        "MEDIA_ROOT": media_root,
        # Pages render live in tests (query counts, fresh content); the page
        # cache's own tests turn it on (masthead/pagecache/tests/test_pagecache.py).
        "PAGE_CACHE_SECONDS": 0,
        # The site's address is the test client's host (absolute links, and
        # which requests the page cache may store: masthead/lib/site.py).
        "SITE_URL": "http://testserver",
        "SITE_URLS": {},
        # Signing in is part of many tests; a slow hash only slows them down.
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
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
        "kicker": article.kicker,
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
        "lead_image": article.lead_image_id or "",
        "lead_image_alt": article.lead_image.alt_for(article.language)
        if article.lead_image
        else "",
        "lead_image_caption": (
            article.lead_image.caption_for(article.language) if article.lead_image else ""
        ),
        "lead_image_credit": article.lead_image.credit if article.lead_image else "",
        "seo_title": article.seo_title,
        "seo_description": article.seo_description,
        "social_headline": article.social_headline,
        "social_image": article.social_image_id or "",
        "version": article.version,
        "_action": "save",
    }
    for number, author in enumerate(article.byline_authors, 1):
        data[f"author_{number}"] = author.pk
    data.update(changes)
    return data


def run_jobs() -> None:
    """Run the background jobs that are queued (masthead.lib.jobs), as a
    worker would, in this process. Tests call it after the code under test
    enqueued its jobs (and after ``django_capture_on_commit_callbacks``
    when the jobs are enqueued on commit). It runs every job that is due,
    and the jobs those enqueue, until none is left; a retry waits
    ``JOBS_RETRY_SECONDS`` (set it to 0 to see a job's retries run). With
    the immediate backend the jobs have already run."""
    run_due_jobs()
