"""The desk's page of signed-in sessions: everyone sees and ends their own;
administrators (rules.MANAGE_USERS) see and end everyone's."""

import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.accounts import rules
from masthead.accounts.decorators import desk_view

from . import services
from .models import SignInSession

PER_PAGE = 50

# (pattern in the User-Agent header, name), the first match wins.
BROWSERS = [
    (r"Edg/", "Edge"),
    (r"OPR/|Opera", "Opera"),
    (r"Firefox/", "Firefox"),
    (r"Chrom(e|ium)/", "Chrome"),
    (r"Safari/", "Safari"),
]
SYSTEMS = [
    (r"Android", "Android"),
    (r"iPhone|iPad|iPod", "iOS"),
    (r"Windows", "Windows"),
    (r"Mac OS X|Macintosh", "macOS"),
    (r"CrOS", "ChromeOS"),
    (r"Linux", "Linux"),
]


def describe_browser(user_agent: str) -> str:
    """ "Firefox on Linux" from a User-Agent header, as far as it tells."""
    browser = next((name for pattern, name in BROWSERS if re.search(pattern, user_agent)), "")
    system = next((name for pattern, name in SYSTEMS if re.search(pattern, user_agent)), "")
    if browser and system:
        # Translators: a browser and the system it runs on, e.g. "Firefox on Linux".
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")


def _rows(sessions, current_key):
    return [
        {
            "session": session,
            "browser": describe_browser(session.user_agent),
            "current": session.session_key == current_key,
        }
        for session in sessions
    ]


@desk_view()
def session_list(request):
    current = request.session.session_key
    context = {"nav": "sessions", "own": _rows(services.active_sessions(request.user), current)}
    if rules.can(request.user, rules.MANAGE_USERS):
        others = services.active_sessions().exclude(user=request.user).order_by("user__username")
        page = Paginator(others, PER_PAGE).get_page(request.GET.get("page"))
        context["page"] = page
        context["others"] = _rows(page.object_list, current)
    return render(request, "signin/sessions.html", context)


@desk_view()
@require_POST
def session_revoke(request, pk):
    """End one session: one's own, or anyone's for administrators. Another
    user's session is "not found" for everyone else."""
    sessions = SignInSession.objects.select_related("user")
    if not rules.can(request.user, rules.MANAGE_USERS):
        sessions = sessions.filter(user=request.user)
    session = get_object_or_404(sessions, pk=pk)
    if session.session_key == request.session.session_key:
        messages.error(request, _("This is the browser you are using. To end it, sign out."))
    else:
        services.revoke(session, request.user, request)
        messages.success(request, _("The session has been ended; that browser is signed out."))
    return redirect("desk:sessions")


@desk_view()
@require_POST
def session_revoke_others(request):
    """End all of one's own sessions but the current one."""
    current = request.session.session_key
    ended = 0
    for session in services.active_sessions(request.user).exclude(session_key=current):
        services.revoke(session, request.user, request)
        ended += 1
    messages.success(
        request,
        # Translators: after "Sign out everywhere else".
        _("Signed out of every other browser.") if ended else _("No other browser was signed in."),
    )
    return redirect("desk:sessions")
