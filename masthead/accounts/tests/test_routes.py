"""The server enforces the permission table on every desk route, for every
role: allowed requests answer 200 (a page) or 302 (done, redirected),
forbidden ones 403 and change nothing in the database, unknown articles 404.
Anonymous visitors are sent to sign in; signed-in users who are not staff
get 403. The Django admin follows the table too.

Expected answers come from the hand-written table in expected.py, not from
the code under test. When a route is added to masthead/desk/urls.py, add it
to ROUTES (test_every_desk_route_is_checked fails until then).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from django.utils import timezone

from masthead.accounts import rules
from masthead.accounts.roles import Role
from masthead.api.models import IntegrationToken
from masthead.articles import services
from masthead.articles.models import (
    Article,
    ArticleAuthor,
    Autosave,
    Correction,
    FrontPageSlot,
    PreviewLink,
    Revision,
    SlugRedirect,
)
from masthead.articles.tests.pictures import image_bytes
from masthead.audit.models import AuditEntry
from masthead.media.models import Image
from masthead.sections.models import Section, Tag
from masthead.testing import form_data, make_user
from masthead.translations.models import Translation
from masthead.webhooks.models import Delivery, Event, Subscription

from . import expected

ROLES = expected.ROLES
STATES = expected.STATES
PUBLIC = ("scheduled", "published")
MISSING = 999_999


@dataclass
class Route:
    """One desk route as a test calls it.

    ``actions`` must all be allowed for the request to be; ``when_public``
    are needed as well when the article is published or scheduled.
    ``url`` and ``data`` get the article (None for newsroom routes).
    """

    id: str
    name: str
    method: str
    actions: tuple[str, ...]
    url: Callable = None
    data: Callable = lambda article: {}
    when_public: tuple[str, ...] = ()
    on_article: bool = True
    ok: int = 0  # the answer when allowed: 200 for GET, 302 for POST unless set
    # Run before the request (and before the database is compared).
    prepare: Callable = lambda article: None

    def __post_init__(self):
        if self.url is None:
            name = self.name
            if self.on_article:
                self.url = lambda article: reverse(f"desk:{name}", args=[article.pk])
            else:
                self.url = lambda article: reverse(f"desk:{name}")
        self.ok = self.ok or (200 if self.method == "get" else 302)

    def request(self, client, article):
        return getattr(client, self.method)(self.url(article), self.data(article))

    def expected(self, role, own=None, state=None) -> bool:
        actions = self.actions + (self.when_public if state in PUBLIC else ())
        return all(expected.allowed(action, role, own, state) for action in actions)


def new_article(action):
    def data(article):
        return {
            "language": "de",
            "headline": "Neu im Haus",
            "section": Section.objects.get().pk,
            "author_1": "",
            "_action": action,
        }

    return data


def edit(action):
    return lambda article: form_data(article, headline="Geändert", _action=action)


def _segmented(article):
    """Make ``article`` a version translated in the translation desk (from
    itself: the permissions are what is tested)."""
    Translation.objects.create(
        article=article, source=article, source_body=article.body, source_version=article.version
    )


def _translate_url(article):
    return reverse("desk:article_translate", args=[article.pk, "en"])


def _share(article):
    """A preview link to revoke, shared by the article's writer."""
    services.share_preview(article, article.created_by)


def _revoke_url(article):
    link = PreviewLink.objects.filter(article_id=article.pk).first()
    return reverse("desk:preview_link_revoke", args=[article.pk, link.pk if link else 1])


def _restore_url(article):
    return reverse("desk:article_revision_restore", args=[article.pk, 1])


def _place(article):
    return {"position": 1}


def _breaking(article):
    until = timezone.localtime() + timedelta(hours=1)
    return {"breaking-until": until.strftime("%Y-%m-%dT%H:%M")}


def _new_token(article):
    user = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
    return {"name": "Druck", "user": user.pk, "scopes": ["publish"]}


def _token_to_revoke(article):
    """A token to revoke, made without an audit entry (made by hand, not by
    the service), so that a refused request is seen to change nothing."""
    user = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
    token = IntegrationToken.objects.create(name="Druck", user=user, key=f"k{user.pk:015d}")
    return reverse("desk:api_token_revoke", args=[token.pk])


@pytest.fixture(autouse=True)
def webhook(db):
    """A webhook with one delivery, for the routes of the webhooks' pages."""
    hook = Subscription.objects.create(
        url="https://apps.example.org/hook", events=["article.published"]
    )
    event = Event.objects.create(
        type="article.published", occurred_at=timezone.now(), article_id=1, body="{}"
    )
    Delivery.objects.create(event=event, subscription=hook, state=Delivery.State.FAILED)
    return hook


def _webhook_url(name):
    def url(article):
        hook = Subscription.objects.order_by("pk").first()
        if name == "webhook_resend":
            return reverse(f"desk:{name}", args=[hook.pk, hook.deliveries.get().pk])
        return reverse(f"desk:{name}", args=[hook.pk])

    return url


def _webhook_data(article):
    return {"url": "https://newsletter.example.org/hook", "events": ["article.published"]}


NEWSROOM_ROUTES = [
    Route("dashboard", "home", "get", (rules.USE_DESK,), on_article=False),
    Route("list", "articles", "get", (rules.USE_DESK,), on_article=False),
    Route("audit", "audit", "get", (rules.VIEW_AUDIT,), on_article=False),
    Route("editor-texts", "editor_texts", "get", (rules.USE_DESK,), on_article=False),
    Route("jobs", "jobs", "get", (rules.MANAGE_USERS,), on_article=False),
    # The content API's integration tokens (masthead/api/tests/test_token_page.py).
    Route("api-tokens", "api_tokens", "get", (rules.MANAGE_USERS,), on_article=False),
    Route(
        "api-token-new",
        "api_tokens",
        "post",
        (rules.MANAGE_USERS,),
        data=_new_token,
        on_article=False,
    ),
    Route(
        "api-token-revoke",
        "api_token_revoke",
        "post",
        (rules.MANAGE_USERS,),
        url=_token_to_revoke,
        on_article=False,
    ),
    # Webhooks (masthead/webhooks/tests/test_desk_pages.py): administrators only.
    Route("webhooks", "webhooks", "get", (rules.MANAGE_USERS,), on_article=False),
    Route("webhook-new", "webhook_create", "get", (rules.MANAGE_USERS,), on_article=False),
    Route(
        "webhook-add",
        "webhook_create",
        "post",
        (rules.MANAGE_USERS,),
        data=_webhook_data,
        on_article=False,
    ),
    *(
        Route(
            f"{name}-{method}",
            name,
            method,
            (rules.MANAGE_USERS,),
            url=_webhook_url(name),
            data=_webhook_data if name == "webhook_edit" else (lambda article: {}),
            on_article=False,
        )
        for name, method in (
            ("webhook_detail", "get"),
            ("webhook_edit", "get"),
            ("webhook_edit", "post"),
            ("webhook_disable", "post"),
            ("webhook_enable", "post"),
            ("webhook_delete", "get"),
            ("webhook_delete", "post"),
            ("webhook_resend", "post"),
        )
    ),
    Route("translations", "translations", "get", (rules.MANAGE_TAXONOMY,), on_article=False),
    Route(
        "machine-translation",
        "machine_translation",
        "get",
        (rules.MANAGE_TAXONOMY,),
        on_article=False,
    ),
    Route(
        "glossary-add",
        "machine_translation",
        "post",
        (rules.MANAGE_TAXONOMY,),
        on_article=False,
        data=lambda article: {
            "source_language": "de",
            "target_language": "en",
            "term": "Bundestag",
            "translation": "",
        },
    ),
    Route("front-page", "front_page", "get", (rules.ARRANGE_FRONT_PAGE,), on_article=False),
    # One's own account (two-factor sign-in: test_two_factor_*.py). Without
    # two-factor sign-in on, the pages that change it send back to the account page.
    Route("account", "two_factor", "get", (rules.USE_DESK,), on_article=False),
    Route("2fa-setup", "two_factor_setup", "get", (rules.USE_DESK,), on_article=False),
    *(
        Route(name, name, "get", (rules.USE_DESK,), on_article=False, ok=302)
        for name in ("two_factor_codes", "two_factor_disable", "two_factor_regenerate")
    ),
    Route("password", "password_change", "get", (rules.USE_DESK,), on_article=False),
    Route("sessions", "sessions", "get", (rules.USE_DESK,), on_article=False),
    Route("media", "media", "get", (rules.USE_DESK,), on_article=False),
    Route("media-choose", "media_choose", "get", (rules.USE_DESK,), on_article=False),
    Route("media-upload", "media_upload", "get", (rules.UPLOAD_IMAGE,), on_article=False),
    Route("new", "article_create", "get", (rules.CREATE,), on_article=False),
    # What the body editor asks for (masthead/desk/tests/test_editor_images.py).
    Route("image-search", "editor_image_search", "get", (rules.VIEW_MEDIA,), on_article=False),
    Route(
        "image-upload",
        "editor_image_upload",
        "post",
        (rules.UPLOAD_IMAGE,),
        data=lambda article: {
            "file": SimpleUploadedFile("rat.jpg", image_bytes(40, 30)),
            "language": "de",
            "alt": "Der Ratssaal",
        },
        on_article=False,
        ok=201,
    ),
    *(
        Route(
            f"new-{action}",
            "article_create",
            "post",
            (rules.CREATE,),
            data=new_article(action),
            on_article=False,
        )
        for action in ("save", "preview")
    ),
]
# Submitting or publishing a new article: the user's own draft.
NEW_AND = {
    "new-submit": (new_article("submit"), rules.SUBMIT),
    "new-publish": (new_article("publish"), rules.PUBLISH),
}

ARTICLE_ROUTES = [
    Route("edit", "article_edit", "get", (rules.VIEW,)),
    Route("edit-save", "article_edit", "post", (rules.VIEW, rules.EDIT), data=edit("save")),
    Route("edit-preview", "article_edit", "post", (rules.VIEW, rules.EDIT), data=edit("preview")),
    Route(
        "edit-submit",
        "article_edit",
        "post",
        (rules.VIEW, rules.EDIT, rules.SUBMIT),
        data=edit("submit"),
    ),
    Route(
        "edit-publish",
        "article_edit",
        "post",
        (rules.VIEW, rules.EDIT, rules.PUBLISH),
        data=edit("publish"),
    ),
    Route("preview", "article_preview", "get", (rules.VIEW,)),
    # Sending a public article to review (or back to draft) takes it off the
    # site: that needs the right to unpublish as well.
    Route("submit", "article_submit", "post", (rules.SUBMIT,), when_public=(rules.UNPUBLISH,)),
    Route("publish", "article_publish", "post", (rules.PUBLISH,)),
    Route("unpublish", "article_unpublish", "post", (rules.UNPUBLISH,)),
    # Unpublishing and restoring ask first (a GET shows what would happen).
    Route("unpublish-confirm", "article_unpublish", "get", (rules.UNPUBLISH,)),
    Route("return", "article_return", "post", (rules.PUBLISH,), when_public=(rules.UNPUBLISH,)),
    Route(
        "correction",
        "correction_add",
        "post",
        (rules.CORRECT,),
        data=lambda article: {"correction-text": "Das Datum war falsch."},
    ),
    Route("translate", "article_translate", "post", (rules.TRANSLATE,), url=_translate_url),
    # The translation desk of a version translated segment by segment.
    Route("translation", "translation", "get", (rules.VIEW,), prepare=_segmented),
    Route(
        "translation-save",
        "translation",
        "post",
        (rules.VIEW, rules.EDIT),
        data=lambda article: {"_action": "save"},
        prepare=_segmented,
    ),
    Route("translation-machine", "translation_machine", "post", (rules.EDIT,), prepare=_segmented),
    Route("revisions", "article_revisions", "get", (rules.VIEW,)),
    Route(
        "compare",
        "article_revision_compare",
        "get",
        (rules.VIEW,),
        data=lambda article: {"a": 1, "b": 1},
    ),
    Route("restore", "article_revision_restore", "post", (rules.RESTORE,), url=_restore_url),
    Route("restore-confirm", "article_revision_restore", "get", (rules.RESTORE,), url=_restore_url),
    Route("share", "preview_link_create", "post", (rules.SHARE_PREVIEW,)),
    Route(
        "revoke",
        "preview_link_revoke",
        "post",
        (rules.SHARE_PREVIEW,),
        url=_revoke_url,
        prepare=_share,
    ),
    # The front page (masthead/desk/tests/test_front_page.py): a draft is
    # refused with a message, back where the request came from.
    Route("pin", "front_page_pin", "post", (rules.ARRANGE_FRONT_PAGE,), data=_place),
    Route("unpin", "front_page_unpin", "post", (rules.ARRANGE_FRONT_PAGE,)),
    Route("breaking", "breaking_mark", "post", (rules.ARRANGE_FRONT_PAGE,), data=_breaking),
    Route("breaking-end", "breaking_end", "post", (rules.ARRANGE_FRONT_PAGE,)),
    Route(
        "autosave",
        "article_autosave",
        "post",
        (rules.EDIT,),
        data=lambda article: {"version": article.version, "headline": "Fast fertig"},
        ok=200,
    ),
]

ROUTES = NEWSROOM_ROUTES + ARTICLE_ROUTES
ARTICLE_ROUTE_IDS = [route.id for route in ARTICLE_ROUTES]
BY_ID = {route.id: route for route in ROUTES}


def snapshot() -> dict:
    """Everything a desk request could change."""
    return {
        "articles": list(Article.objects.order_by("pk").values()),
        "bylines": list(ArticleAuthor.objects.order_by("pk").values()),
        "tags": list(Tag.objects.order_by("pk").values()),
        "article_tags": list(Article.tags.through.objects.order_by("pk").values()),
        "revisions": list(Revision.objects.order_by("pk").values()),
        "corrections": list(Correction.objects.order_by("pk").values()),
        "redirects": list(SlugRedirect.objects.order_by("pk").values()),
        "preview_links": list(PreviewLink.objects.order_by("pk").values()),
        "autosaves": list(Autosave.objects.order_by("pk").values()),
        "audit": list(AuditEntry.objects.order_by("pk").values()),
        "front_page": list(FrontPageSlot.objects.order_by("pk").values()),
        "webhooks": list(Subscription.objects.order_by("pk").values()),
        "webhook_deliveries": list(Delivery.objects.order_by("pk").values()),
    }


@pytest.fixture
def someone_else(db):
    """The writer of the articles that are not the persona's own."""
    return make_user("sam", Role.REPORTER)


@pytest.fixture
def article_in(make_article):
    def make(state, created_by):
        status, age = {
            "draft": ("draft", None),
            "review": ("review", None),
            "scheduled": ("published", -timedelta(days=1)),
            "published": ("published", timedelta(hours=1)),
            "unpublished": ("unpublished", timedelta(days=1)),
        }[state]
        return make_article(
            f"Artikel {state}", status=status, age=age, created_by=created_by, slug=state
        )

    return make


def check(response, allowed: bool, ok: int, before: dict):
    if allowed:
        assert response.status_code == ok, response.content.decode()[:2000]
    else:
        assert response.status_code == 403
        assert "desk/forbidden.html" in [t.name for t in response.templates]
        assert snapshot() == before


# The newsroom as a whole


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route_id", [r.id for r in NEWSROOM_ROUTES])
def test_newsroom_routes(client, persona, world, role, route_id):
    route = BY_ID[route_id]
    client.force_login(persona(role))
    before = snapshot()
    response = route.request(client, None)
    allowed = route.expected(role)
    check(response, allowed, route.ok, before)
    if route.method == "post" and route.name == "article_create":
        assert Article.objects.exists() is allowed
    if route.name == "editor_image_upload":
        assert Image.objects.exists() is allowed


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route_id", list(NEW_AND))
def test_new_articles_submitted_or_published(client, persona, world, role, route_id):
    data, action = NEW_AND[route_id]
    client.force_login(persona(role))
    before = snapshot()
    response = client.post(reverse("desk:article_create"), data(None))
    allowed = expected.allowed(rules.CREATE, role) and expected.allowed(action, role, True, "draft")
    check(response, allowed, 302, before)
    if allowed:
        article = Article.objects.get()
        assert article.created_by == persona(role)
        assert article.status == ("review" if action == rules.SUBMIT else "published")
    else:
        assert not Article.objects.exists()


# One article: every route, role, owner and state


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("own", [True, False], ids=["own", "other"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route_id", ARTICLE_ROUTE_IDS)
def test_article_routes(client, persona, someone_else, article_in, role, own, state, route_id):
    route = BY_ID[route_id]
    user = persona(role)
    article = article_in(state, created_by=user if own else someone_else)
    route.prepare(article)
    client.force_login(user)
    before = snapshot()
    response = route.request(client, article)
    check(response, route.expected(role, own, state), route.ok, before)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route_id", ARTICLE_ROUTE_IDS)
def test_unknown_articles_are_not_found(client, persona, world, role, route_id):
    route = BY_ID[route_id]
    client.force_login(persona(role))
    missing = Article(pk=MISSING, version=1, section=world, headline="x")
    url = route.url(missing)
    response = getattr(client, route.method)(url)
    assert response.status_code == 404


# Strangers


@pytest.mark.parametrize("route_id", list(BY_ID))
def test_anonymous_visitors_are_sent_to_sign_in(client, article_in, someone_else, route_id):
    route = BY_ID[route_id]
    article = article_in("draft", created_by=someone_else)
    route.prepare(article)
    before = snapshot()
    response = route.request(client, article)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("desk:login") + "?next=")
    assert snapshot() == before


@pytest.mark.parametrize("route_id", list(BY_ID))
def test_signed_in_users_who_are_not_staff_are_refused(
    client, outsider, article_in, someone_else, route_id
):
    route = BY_ID[route_id]
    article = article_in("draft", created_by=outsider)
    route.prepare(article)
    client.force_login(outsider)
    before = snapshot()
    response = route.request(client, article)
    check(response, False, 0, before)


def test_every_desk_route_is_checked():
    """A new desk route needs its row in ROUTES."""
    desk = get_resolver().namespace_dict["desk"][1]
    names = {name for name in desk.reverse_dict.keys() if isinstance(name, str)}
    # Signing in and resetting a password come before an account is known.
    signing_in = {"login", "logout", "login_code"} | {
        f"password_reset{step}" for step in ("", "_done", "_confirm", "_complete")
    }
    checked = {route.name for route in ROUTES} | signing_in
    # Ending sessions: masthead/signin/tests/test_sessions.py (own ones for
    # everyone, anyone's for administrators).
    checked |= {"session_revoke", "session_revoke_others"}
    # Passkeys: test_passkeys.py (JSON endpoints for newsroom staff, their
    # own passkeys only, and the sign-in after the password).
    checked |= {
        "passkey_register_begin",
        "passkey_register_complete",
        "passkey_remove",
        "passkey_sign_in_begin",
        "passkey_sign_in_complete",
    }
    # One image of the media library (own and others' uploads, every role):
    # masthead/desk/tests/test_media_permissions.py.
    checked |= {"media_edit", "media_delete"}
    # Retrying a failed background job: masthead/desk/tests/test_jobs_page.py
    # (administrators only; a POST, not twice).
    checked |= {"job_retry"}
    assert names - checked == set()


# The Django admin

ADMIN_MODELS = {
    "sections_section": ("editor", "administrator"),
    "sections_tag": ("editor", "administrator"),
    "people_author": ("editor", "administrator"),
    "auth_user": ("administrator",),
    "auth_group": ("administrator",),
    "articles_article": ("administrator",),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", list(ADMIN_MODELS))
def test_admin_model_pages_follow_the_roles(client, persona, role, model):
    client.force_login(persona(role))
    allowed = role in ADMIN_MODELS[model]
    response = client.get(reverse(f"admin:{model}_changelist"))
    assert response.status_code == (200 if allowed else 403)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    shown = {m["object_name"].lower() for app in index.context["app_list"] for m in app["models"]}
    assert (model.split("_", 1)[1] in shown) is allowed


@pytest.mark.parametrize("role", ["contributor", "reporter", "translator"])
def test_writers_get_an_empty_admin(client, persona, role):
    client.force_login(persona(role))
    assert client.get(reverse("admin:index")).context["app_list"] == []


def test_editors_add_and_change_sections_tags_and_authors(client, editor, world, author):
    client.force_login(editor)
    response = client.post(
        reverse("admin:sections_section_add"),
        {
            "parent": "",
            "name_de": "Kultur",
            "slug_de": "kultur",
            "name_en": "Culture",
            "slug_en": "culture",
            "position": "3",
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("admin:sections_tag_add"), {"language": "en", "name": "Climate", "slug": "climate"}
    )
    assert response.status_code == 302
    assert Tag.objects.filter(slug="climate").exists()
    response = client.post(
        reverse("admin:people_author_change", args=[author.pk]),
        {"name": "Lena Hartmann", "slug": "lena-hartmann", "bio_de": "Neu.", "bio_en": ""},
    )
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.bios == {"de": "Neu."}


def test_editors_cannot_see_users(client, editor, administrator):
    client.force_login(editor)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_user_change", args=[editor.pk])).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_administrators_manage_users_and_their_roles(client, administrator, reporter):
    from django.contrib.auth.models import Group

    client.force_login(administrator)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 200
    page = client.get(reverse("admin:auth_user_change", args=[reporter.pk]))
    assert page.status_code == 200
    data = {
        "username": reporter.username,
        "is_active": "on",
        "is_staff": "on",
        "groups": [Group.objects.get(name=Role.EDITOR).pk],
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:30:00",
    }
    response = client.post(reverse("admin:auth_user_change", args=[reporter.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    reporter.refresh_from_db()
    assert [g.name for g in reporter.groups.all()] == [Role.EDITOR]


def test_only_administrators_open_articles_in_the_admin(client, persona, make_article):
    article = make_article()
    url = reverse("admin:articles_article_change", args=[article.pk])
    for role in ROLES:
        client.force_login(persona(role))
        assert client.get(url).status_code == (200 if role == "administrator" else 403), role


def test_administrators_publish_and_delete_articles_in_the_admin(
    client, administrator, make_article
):
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    client.force_login(administrator)
    changelist = reverse("admin:articles_article_changelist")
    client.post(changelist, {"action": "publish_selected", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_public
    response = client.post(
        reverse("admin:articles_article_delete", args=[draft.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Article.objects.exists()
    # Deleting goes through the service: the audit log keeps it.
    entry = AuditEntry.objects.filter(action=AuditEntry.Action.DELETE).get()
    assert (entry.article_id, entry.actor) == (draft.pk, administrator)
