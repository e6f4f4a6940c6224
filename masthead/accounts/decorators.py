"""Who may open a page of the newsroom: the decorator every desk view wears.

It asks the rules (rules.py) and nothing else, so it lives beside them.
The desk uses it for its own views, and the apps' desk-facing views
(accounts' two-factor and password pages, signin's sessions page) use it
without importing the desk: the desk is a surface over the apps, and the
apps import no surface (docs/architecture.md, "Layers").
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from . import rules


def forbidden(request, exception=None):
    """The 403 page (also Django's handler403, see masthead/urls.py)."""
    return render(request, "desk/forbidden.html", status=403)


def desk_view(action=rules.USE_DESK):
    """Restrict a view to signed-in newsroom staff who may do ``action``
    (an action on the newsroom as a whole, see masthead.accounts.rules).

    Anonymous visitors are sent to the sign-in page; signed-in users without
    the right get 403. Desk pages are never cached. Views about one article
    check the article itself with ``masthead.desk.views.article_for``.
    """

    def decorator(view):
        @wraps(view)
        @never_cache
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (rules.can(request.user, rules.USE_DESK) and rules.can(request.user, action)):
                return forbidden(request)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
