"""Preview links: a signed, expiring, revocable address at which someone
without an account reads an article exactly as readers will see it.

The newsroom creates and revokes links on the editor page (the "Preview
links" panel); the public view answers at /preview/<token>/, outside the
language prefix, and says 404 for any token that is not (or no longer)
valid. Creating and revoking go through masthead.articles.services, and
every token is made and checked by masthead.articles.tokens.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from masthead.accounts import rules
from masthead.articles import services
from masthead.articles.models import Article, PreviewLink
from masthead.articles.tokens import preview_tokens
from masthead.articles.views import render_article
from masthead.lib.dates import absolute_datetime
from masthead.lib.site import absolute_url

from .views import article_for, desk_view


def url_for(link: PreviewLink) -> str:
    """The full address of ``link`` on the site's address, to copy and send."""
    return absolute_url(reverse("preview_link", args=[preview_tokens.make_token(link)]))


def active_links(article: Article) -> list[PreviewLink]:
    """The links of ``article`` that still open it, newest first."""
    return list(
        article.preview_links.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("created_by")
        .order_by("-created_at", "-id")
    )


@desk_view()
@require_POST
def preview_link_create(request, pk):
    article = article_for(request, pk, rules.SHARE_PREVIEW)
    link, _token = services.share_preview(article, request.user)
    messages.success(
        request,
        # Translators: %(time)s is a date and time, e.g. "25. November 2026, 13:14"
        _(
            "A preview link was created. It is valid until %(time)s; copy it from "
            "the “Preview links” panel."
        )
        % {"time": absolute_datetime(link.expires_at, get_language())},
    )
    return redirect(reverse("desk:article_edit", args=[article.pk]) + "#preview-links-heading")


@desk_view()
@require_POST
def preview_link_revoke(request, pk, link_pk):
    article = article_for(request, pk, rules.SHARE_PREVIEW)
    link = get_object_or_404(PreviewLink, pk=link_pk, article=article)
    if link.revoked_at is None:
        services.revoke_preview(link, request.user)
        messages.success(
            request, _("The preview link was revoked. It no longer opens the article.")
        )
    else:
        messages.info(request, _("This preview link had already been revoked."))
    return redirect(reverse("desk:article_edit", args=[article.pk]) + "#preview-links-heading")


@require_safe
def preview(request, token):
    """The article behind a valid preview link, exactly as readers will see
    it, for anyone who has the link; never indexed, cached or leaked to
    other sites through the Referer header."""
    link = preview_tokens.check_token(token)
    if link is None:
        raise Http404
    article = (
        Article.objects.select_related("section", "lead_image", "social_image")
        .filter(pk=link.article_id)
        .first()
    )
    if article is None:
        raise Http404
    with translation.override(article.language):
        response = render_article(request, article, preview=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response
