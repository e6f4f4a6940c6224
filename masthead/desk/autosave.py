"""The editor's safety copy: desk-autosave.js posts the form's text here every
few seconds while someone types (and every 30 seconds anyway, as a sign of
life for "who is editing what"). A real save clears the copy
(masthead.articles.services.save_article).

POST fields: ``version`` (the version the editor started from) and the text
fields of the article form. Without text fields the post only says "still
here" and keeps the text of an earlier copy; ``discard=1`` forgets it.
"""

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from masthead.accounts import rules
from masthead.articles import services
from masthead.articles.models import Autosave
from masthead.lib.html import clean_body
from masthead.lib.numbers import parse_id

from .views import article_for, desk_view

# The fields of the article form the copy keeps, with their longest length.
FIELDS = {
    "headline": 200,
    "slug": 200,
    "standfirst": 5_000,
    "excerpt": 5_000,
    "body": 1_000_000,
    # The lead image's description in the article's language (required
    # with an image, and typed like the text).
    "lead_image_alt": 300,
    "lead_image_caption": 300,
}


@desk_view()
@require_POST
def article_autosave(request, pk):
    article = article_for(request, pk, rules.EDIT)
    version = request.POST.get("version", "")
    base_version = parse_id(version) if version else article.version
    if base_version is None:
        return JsonResponse({"error": "version"}, status=400)
    data = {
        name: request.POST[name][:size] for name, size in FIELDS.items() if name in request.POST
    }
    if "body" in data:
        data["body"] = clean_body(data["body"])
    existing = Autosave.objects.filter(article=article, user=request.user).first()
    if not data and existing is not None and request.POST.get("discard") != "1":
        # A sign of life: the text of the copy stays as it is.
        existing.seen_at = timezone.now()
        existing.save(update_fields=["seen_at"])
        copy = existing
    else:
        copy = services.autosave(article, request.user, data, base_version)
    return JsonResponse(
        {
            "saved_at": copy.saved_at.isoformat(),
            # Lets the page tell the editor that a colleague has saved since.
            "version": article.version,
        }
    )
