"""The desk's page of integration tokens (administrators): the list, a new
token (its secret shown once) and revoking. The desk mounts these views
(masthead/desk/urls.py); they wear ``desk_view`` like the desk's own."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.accounts import rules
from masthead.accounts.decorators import desk_view

from . import services
from .forms import TokenForm
from .models import IntegrationToken

SECRET_SESSION_KEY = "masthead_api_new_token"  # noqa: S105 (a session key's name, not a secret)


@desk_view(rules.MANAGE_USERS)
def token_list(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, text = services.create_token(
            form.cleaned_data["name"],
            form.cleaned_data["user"],
            form.cleaned_data["scopes"],
            created_by=request.user,
        )
        # Shown once, on the page the redirect leads to, and then forgotten.
        request.session[SECRET_SESSION_KEY] = {"id": token.pk, "text": text}
        return redirect("desk:api_tokens")
    new = request.session.pop(SECRET_SESSION_KEY, None) if request.method == "GET" else None
    tokens = IntegrationToken.objects.select_related("user", "created_by")
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens, "new": new, "nav": "api_tokens"},
        status=400 if form.is_bound else 200,
    )


@desk_view(rules.MANAGE_USERS)
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(IntegrationToken, pk=pk)
    services.revoke_token(token, request.user)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("desk:api_tokens")
