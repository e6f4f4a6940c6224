"""The front page on the desk: its pinned places and breaking news, per
language (the rules: masthead/articles/frontpage.py). Editors and
administrators arrange it (rules.ARRANGE_FRONT_PAGE).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.accounts import rules
from masthead.accounts.decorators import desk_view
from masthead.articles import frontpage
from masthead.articles.models import Article
from masthead.lib.dates import absolute_datetime
from masthead.lib.i18n import content_language_codes, language_name

from .forms import BreakingForm, PinForm
from .views import _back, _initial_language

# How many of the newest published articles the page offers to pin.
OFFERED = 15


@desk_view(rules.ARRANGE_FRONT_PAGE)
def front_page(request):
    language = _initial_language(request)
    now = timezone.now()
    slots = {slot.position: slot for slot in frontpage.slots(language, now)}
    offered = [
        {
            "article": article,
            # Ids of their own: the forms repeat on every row.
            "pin_form": PinForm(auto_id=f"pin{article.pk}_%s"),
            "breaking_form": BreakingForm(auto_id=f"breaking{article.pk}_%s"),
        }
        for article in Article.objects.filter(
            status=Article.Status.PUBLISHED, language=language
        ).newest_first()[:OFFERED]
    ]
    return render(
        request,
        "desk/front_page.html",
        {
            "nav": "front_page",
            "language": language,
            "languages": [(code, language_name(code)) for code in content_language_codes()],
            "places": [(n, slots.get(n)) for n in range(1, frontpage.SLOTS + 1)],
            "breaking": list(Article.objects.in_language(language).breaking(now)),
            "offered": offered,
        },
    )


def _article(request, pk) -> Article:
    """The article ``pk`` (404 first, as on every article route), if the
    user may arrange the front page (else 403)."""
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    if not rules.can(request.user, rules.ARRANGE_FRONT_PAGE):
        raise PermissionDenied
    return article


def _refused(request, article, form):
    """Back, with each error after the name of its field and the article
    ("Until (“Headline”): Choose a time in the future.")."""
    for name, errors in form.errors.items():
        for error in errors:
            messages.error(
                request,
                # Translators: a refused front-page or breaking-news form:
                # 'Until (“Council passes budget”): Choose a time in the future.'
                _("%(field)s (“%(headline)s”): %(error)s")
                % {"field": form.fields[name].label, "headline": article.headline, "error": error},
            )
    return _back(request, article)


@desk_view()
@require_POST
def front_page_pin(request, pk):
    article = _article(request, pk)
    form = PinForm(request.POST)
    if not form.is_valid():
        return _refused(request, article, form)
    try:
        frontpage.pin(
            article, form.cleaned_data["position"], form.cleaned_data["until"], user=request.user
        )
    except frontpage.NotOnSite as error:
        messages.error(request, str(error))
        return _back(request, article)
    except IntegrityError:
        # Someone else pinned a story to this place at the same moment.
        messages.error(
            request,
            _("The front page was changed at the same moment. Look at it again and repeat."),
        )
        return _back(request, article)
    values = {"headline": article.headline, "place": form.cleaned_data["position"]}
    if form.cleaned_data["until"]:
        # Translators: %(time)s is a date and time, e.g. "25. November 2026, 13:14"
        text = _("“%(headline)s” is at place %(place)s of the front page until %(time)s.")
        values["time"] = absolute_datetime(form.cleaned_data["until"], get_language())
    else:
        text = _("“%(headline)s” is at place %(place)s of the front page.")
    messages.success(request, text % values)
    return _back(request, article)


@desk_view()
@require_POST
def front_page_unpin(request, pk):
    article = _article(request, pk)
    if frontpage.unpin(article, user=request.user):
        messages.success(
            request,
            _("“%(headline)s” is off the front page's places; the newest stories fill its place.")
            % {"headline": article.headline},
        )
    return _back(request, article)


@desk_view()
@require_POST
def breaking_mark(request, pk):
    article = _article(request, pk)
    form = BreakingForm(request.POST)
    if not form.is_valid():
        return _refused(request, article, form)
    try:
        frontpage.mark_breaking(article, form.cleaned_data["until"], user=request.user)
    except frontpage.NotOnSite as error:
        messages.error(request, str(error))
        return _back(request, article)
    messages.success(
        request,
        # Translators: %(time)s is a date and time, e.g. "25. November 2026, 13:14"
        _("“%(headline)s” is shown as breaking news on every page until %(time)s.")
        % {
            "headline": article.headline,
            "time": absolute_datetime(form.cleaned_data["until"], get_language()),
        },
    )
    return _back(request, article)


@desk_view()
@require_POST
def breaking_end(request, pk):
    article = _article(request, pk)
    frontpage.end_breaking(article, user=request.user)
    messages.success(
        request,
        _("“%(headline)s” is no longer shown as breaking news.") % {"headline": article.headline},
    )
    return _back(request, article)
