"""Newsroom people for the revision, conflict and autosave tests: a user per
role (Django groups named after the roles, see masthead.accounts.roles),
made here so that these tests depend on no shared fixture."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

PASSWORD = "pw-revisions-123"


def person(role: str, username: str | None = None):
    """A staff user in the group ``role`` ("editor", "reporter", …)."""
    user = get_user_model().objects.create_user(
        username or f"{role}-{get_user_model().objects.count() + 1}",
        password=PASSWORD,
        is_staff=True,
    )
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def client_for(user, language: str = "en") -> Client:
    """A signed-in client whose newsroom speaks ``language``."""
    from django.conf import settings

    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def write_article(user, section, author, **fields):
    """A draft saved by ``user`` through the service layer (revision 1)."""
    from masthead.articles import services
    from masthead.articles.models import Article

    values = {
        "language": "de",
        "headline": "Der Rat beschließt den Haushalt",
        "standfirst": "Eine Zusammenfassung in einem Satz.",
        "body": "<p>Der Rat hat am Dienstag den Haushalt beschlossen.</p>",
        "status": Article.Status.DRAFT,
        "section": section,
        "created_by": user,
    }
    values.update(fields)
    return services.save_article(Article(**values), authors=[author], user=user)


def form_data(article, **changes):
    """The editor's POST data for ``article`` as stored, with ``changes``."""
    data = {
        "headline": article.headline,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "body": article.body,
        "excerpt": article.excerpt,
        "section": article.section_id,
        "new_tags": "",
        "publish_at": "",
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
