"""Preview links: the newsroom shares a signed, expiring, revocable address
at which anyone reads an unpublished article as readers will see it."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from masthead.articles import services
from masthead.articles.models import Article, PreviewLink
from masthead.articles.tokens import PREVIEW_SALT, preview_tokens
from masthead.audit.models import AuditEntry


@pytest.fixture
def draft(make_article, persona):
    return make_article(
        "Geheimer Entwurf über Brücken",
        status=Article.Status.DRAFT,
        age=None,
        created_by=persona("reporter"),
    )


def signed_in(client, user):
    client.force_login(user)
    return client


def create_url(article):
    return reverse("desk:preview_link_create", args=[article.pk])


def revoke_url(link):
    return reverse("desk:preview_link_revoke", args=[link.article_id, link.pk])


def link_url(token):
    return reverse("preview_link", args=[token])


# Creating a link in the editor


def test_an_editor_creates_a_link_and_sees_its_full_address(client, persona, draft):
    editor = signed_in(client, persona("editor"))
    response = editor.post(create_url(draft))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("desk:article_edit", args=[draft.pk]))

    link = PreviewLink.objects.get(article=draft)
    assert link.created_by == persona("editor")
    assert link.is_valid
    assert timedelta(days=6, hours=23) < link.expires_at - timezone.now() <= timedelta(days=7)

    page = editor.get(reverse("desk:article_edit", args=[draft.pk])).content.decode()
    address = "http://testserver" + link_url(preview_tokens.make_token(link))
    assert 'id="preview-links-heading"' in page
    assert f'value="{address}"' in page
    assert f'<time datetime="{link.expires_at.isoformat(timespec="seconds")}"' in page
    assert "erstellt von eda" in page
    # The same address every time the page is shown, so that a copied one stays right.
    again = editor.get(reverse("desk:article_edit", args=[draft.pk])).content.decode()
    assert f'value="{address}"' in again


def test_the_panel_shows_the_token_share_preview_returned(client, editor, draft):
    """One maker of tokens: the address the panel shows a while later
    carries the very token the service returned when the link was made."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _link, token = services.share_preview(draft)
    eda = signed_in(client, editor)
    for later in (timedelta(seconds=1), timedelta(minutes=90)):
        with time_machine.travel(start + later, tick=False):
            page = eda.get(reverse("desk:article_edit", args=[draft.pk])).content.decode()
        assert f'value="http://testserver{link_url(token)}"' in page


def test_the_link_opens_the_article_for_anyone(client, draft):
    link, token = services.share_preview(draft)
    for url in (link_url(token), link_url(preview_tokens.make_token(link))):
        response = client.get(url)
        assert response.status_code == 200
        assert "articles/article_detail.html" in [t.name for t in response.templates]
        page = response.content.decode()
        assert "Geheimer Entwurf über Brücken" in page
        assert "Der Rat hat am Dienstag den Haushalt beschlossen." in page
        assert 'class="preview-banner"' in page
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Cache-Control"] == "private, no-store"
        assert response["Referrer-Policy"] == "no-referrer"
        assert '<meta name="robots" content="noindex">' in page


def test_the_link_shows_the_article_in_its_language(client, make_article):
    article = make_article("Bridges of Europe", language="en", status=Article.Status.DRAFT)
    _link, token = services.share_preview(article)
    response = client.get(link_url(token), HTTP_ACCEPT_LANGUAGE="de")
    page = response.content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert "Preview: readers cannot see this article yet." in page


def test_the_draft_stays_hidden_at_its_public_address(client, draft):
    services.share_preview(draft)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_expired_link_is_not_found(client, draft):
    link, token = services.share_preview(draft)
    link.expires_at = timezone.now() - timedelta(seconds=1)
    link.save()
    response = client.get(link_url(token), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Seite nicht gefunden" in page
    assert "Geheimer Entwurf" not in page


def test_a_link_created_already_expired_is_not_found(client, draft):
    _link, token = services.share_preview(draft, days=-1)
    assert client.get(link_url(token)).status_code == 404


def test_a_tampered_or_unknown_token_is_not_found(client, draft):
    link, token = services.share_preview(draft)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    forged = signing.dumps(link.pk, salt="another-salt", compress=True)
    unknown = signing.dumps(link.pk + 1000, salt=PREVIEW_SALT, compress=True)
    for bad in (tampered, forged, unknown, "nonsense"):
        response = client.get(link_url(bad), HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 404, bad
        assert "Page not found" in response.content.decode()


def test_a_link_dies_with_its_article(client, draft):
    _link, token = services.share_preview(draft)
    services.delete_article(draft)
    assert client.get(link_url(token)).status_code == 404


# Revoking


def test_an_editor_revokes_a_link(client, persona, draft):
    link, token = services.share_preview(draft, persona("reporter"))
    editor = signed_in(client, persona("editor"))
    response = editor.post(revoke_url(link))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REVOKE_LINK)
    assert entry.actor == persona("editor") and entry.details == {"link": link.pk}

    page = editor.get(reverse("desk:article_edit", args=[draft.pk])).content.decode()
    assert preview_tokens.make_token(link) not in page
    editor.logout()
    assert client.get(link_url(token)).status_code == 404


def test_revoking_twice_changes_nothing(client, persona, draft):
    link, _token = services.share_preview(draft)
    services.revoke_preview(link)
    revoked_at = PreviewLink.objects.get().revoked_at
    response = signed_in(client, persona("editor")).post(revoke_url(link))
    assert response.status_code == 302
    assert PreviewLink.objects.get().revoked_at == revoked_at
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REVOKE_LINK).count() == 1


def test_a_link_is_revoked_only_through_its_own_article(client, persona, draft, make_article):
    other = make_article("Anderer Artikel", status=Article.Status.DRAFT)
    link, _token = services.share_preview(draft)
    url = reverse("desk:preview_link_revoke", args=[other.pk, link.pk])
    assert signed_in(client, persona("editor")).post(url).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_the_panel_lists_only_active_links(client, persona, draft):
    active, _ = services.share_preview(draft)
    revoked, _ = services.share_preview(draft)
    services.revoke_preview(revoked)
    expired, _ = services.share_preview(draft, days=-1)
    page = signed_in(client, persona("editor")).get(reverse("desk:article_edit", args=[draft.pk]))
    page = page.content.decode()
    assert preview_tokens.make_token(active) in page
    assert preview_tokens.make_token(revoked) not in page
    assert preview_tokens.make_token(expired) not in page


# Who may


@pytest.mark.parametrize(
    ("role", "own", "allowed"),
    [
        ("reporter", True, True),
        ("reporter", False, False),
        ("contributor", True, False),
        ("translator", True, False),
        ("editor", False, True),
        ("administrator", False, True),
    ],
)
def test_who_may_share_and_revoke(client, persona, make_article, role, own, allowed):
    user = persona(role)
    article = make_article(
        "Ein Entwurf",
        status=Article.Status.DRAFT,
        age=None,
        created_by=user if own else persona("editor"),
    )
    existing, _token = services.share_preview(article)
    signed_in(client, user)

    response = client.post(create_url(article))
    assert response.status_code == (302 if allowed else 403)
    assert PreviewLink.objects.filter(article=article).count() == (2 if allowed else 1)

    response = client.post(revoke_url(existing))
    assert response.status_code == (302 if allowed else 403)
    existing.refresh_from_db()
    assert (existing.revoked_at is not None) is allowed

    page = client.get(reverse("desk:article_edit", args=[article.pk]))
    if page.status_code == 200:
        assert ('id="preview-links-heading"' in page.content.decode()) is allowed


def test_anonymous_visitors_are_sent_to_sign_in(client, draft):
    link, _token = services.share_preview(draft)
    for url in (create_url(draft), revoke_url(link)):
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("desk:login"))
    assert PreviewLink.objects.count() == 1
    assert PreviewLink.objects.get().revoked_at is None


def test_creating_and_revoking_need_a_post(client, persona, draft):
    link, _token = services.share_preview(draft)
    signed_in(client, persona("editor"))
    assert client.get(create_url(draft)).status_code == 405
    assert client.get(revoke_url(link)).status_code == 405
    assert client.post(link_url(preview_tokens.make_token(link))).status_code == 405


def test_sharing_and_revoking_are_audited(client, persona, draft):
    editor = signed_in(client, persona("editor"))
    editor.post(create_url(draft))
    link = PreviewLink.objects.get()
    editor.post(revoke_url(link))
    entries = AuditEntry.objects.filter(article_id=draft.pk).order_by("id")
    actions = [e.action for e in entries if e.actor == persona("editor")]
    assert actions == [AuditEntry.Action.PREVIEW_LINK, AuditEntry.Action.REVOKE_LINK]
