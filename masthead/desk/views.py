"""The newsroom back office: article list, editor, preview and quick actions.

Views stay thin: check who may do what (``staff_view``), validate a form,
call a function of ``masthead.articles.services`` and redirect. No view
changes an article's state itself.
"""

from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from masthead.articles import services
from masthead.articles.models import Article
from masthead.articles.views import render_article
from masthead.lib.dates import absolute_datetime
from masthead.lib.i18n import content_language_codes, language_name

from .forms import ArticleForm, CorrectionForm, DashboardFilterForm
from .states import DRAFT, PUBLISHED, SCHEDULED, state_of

PER_PAGE = 25

# Seeing articles: those who may change them may see them, too.
VIEW_ARTICLES = ("articles.view_article", "articles.change_article")


def staff_view(*perms):
    """Restrict a view to signed-in staff with every one of ``perms``; an
    item that is a tuple needs any one of its permissions.

    Anonymous visitors are sent to the sign-in page; signed-in users who
    are not staff, or lack a permission, get 403. Desk pages are never cached.
    """

    def decorator(view):
        @wraps(view)
        @never_cache
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            allowed = user.is_active and user.is_staff
            for perm in perms:
                options = perm if isinstance(perm, tuple) else (perm,)
                allowed = allowed and any(user.has_perm(p) for p in options)
            if not allowed:
                return render(request, "desk/forbidden.html", status=403)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# The article list


@dataclass
class Version:
    """One language version of a story, as the article list shows it."""

    language: str
    name: str
    pk: int | None = None
    state: str = ""


@dataclass
class Row:
    article: Article
    state: str
    versions: list[Version] = field(default_factory=list)
    missing: list[Version] = field(default_factory=list)


def _rows(articles: list[Article], now) -> list[Row]:
    """Each article with its language versions (one query for all)."""
    keys = {a.translation_key for a in articles}
    versions: dict = {}
    for key, language, pk, status, publish_at in Article.objects.filter(
        translation_key__in=keys
    ).values_list("translation_key", "language", "pk", "status", "publish_at"):
        versions.setdefault(key, {})[language] = (pk, status, publish_at)
    names = {code: language_name(code) for code in content_language_codes()}
    rows = []
    for article in articles:
        row = Row(article=article, state=state_of(article, now))
        existing = versions.get(article.translation_key, {})
        for code, name in names.items():
            if code in existing:
                pk, status, publish_at = existing[code]
                probe = Article(status=status, publish_at=publish_at)
                row.versions.append(Version(code, name, pk, state_of(probe, now)))
            else:
                row.missing.append(Version(code, name))
        rows.append(row)
    return rows


@staff_view(VIEW_ARTICLES)
def home(request):
    now = timezone.now()
    form = DashboardFilterForm(request.GET or None)
    articles = Article.objects.select_related("section").order_by("-modified_at", "-id")
    if form.is_valid():
        query = form.cleaned_data["q"].strip()
        if query:
            articles = articles.filter(headline__icontains=query)
        if language := form.cleaned_data["language"]:
            articles = articles.filter(language=language)
        state = form.cleaned_data["status"]
        published = Q(status=Article.Status.PUBLISHED)
        if state == DRAFT:
            articles = articles.filter(status=Article.Status.DRAFT)
        elif state == SCHEDULED:
            articles = articles.filter(published, publish_at__gt=now)
        elif state == PUBLISHED:
            articles = articles.filter(published, publish_at__lte=now)
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "desk/home.html",
        {
            "nav": "articles",
            "form": form,
            "page": page,
            "rows": _rows(list(page.object_list), now),
            "filtered": form.is_bound and any(form.data.get(f) for f in form.fields),
        },
    )


# The editor


def _initial_language(request) -> str:
    codes = content_language_codes()
    for language in (request.GET.get("language"), get_language()):
        if language in codes:
            return language
    return settings.LANGUAGE_CODE


def _render_editor(request, form, article=None, correction_form=None):
    context = {
        "nav": "new" if article is None else "articles",
        "form": form,
        "article": article,
        # A browser does not send a chosen file again after an error.
        "image_lost": bool(form.errors and request.FILES.get("image")),
    }
    if article is not None:
        now = timezone.now()
        versions = {a.language: a for a in article.translations()}
        context.update(
            state=state_of(article, now),
            # Publishing a draft with a time to come schedules it.
            schedules=bool(article.publish_at and article.publish_at > now),
            versions=[
                (code, language_name(code), versions.get(code))
                for code in content_language_codes()
                if code != article.language
            ],
            corrections=article.corrections.all(),
            correction_form=correction_form or CorrectionForm(),
        )
    return render(request, "desk/article_form.html", context)


def _save(request, form) -> Article | None:
    """Save through the service layer; None (and errors on the form) when
    the service refuses."""
    try:
        return form.save(user=request.user)
    except ValidationError as error:
        form.add_service_error(error)
        return None


def _saved(request, article: Article):
    state = state_of(article)
    values = {"headline": article.headline}
    if state == DRAFT:
        text = _("“%(headline)s” was saved as a draft. Readers cannot see it.")
    elif state == SCHEDULED:
        values["time"] = absolute_datetime(article.publish_at, get_language())
        # Translators: %(time)s is a date and time, e.g. "25. November 2026, 13:14"
        text = _("“%(headline)s” was saved. It will be published on %(time)s.")
    else:
        text = _("“%(headline)s” was saved and is published.")
    messages.success(request, text % values)
    if "_preview" in request.POST:
        return redirect("desk:article_preview", pk=article.pk)
    return redirect("desk:article_edit", pk=article.pk)


@staff_view("articles.add_article")
def article_create(request):
    if request.method == "POST":
        form = ArticleForm(request.POST, request.FILES)
        if form.is_valid() and (article := _save(request, form)):
            return _saved(request, article)
    else:
        form = ArticleForm(
            initial={"language": _initial_language(request), "status": Article.Status.DRAFT}
        )
    return _render_editor(request, form)


@staff_view("articles.change_article")
def article_edit(request, pk):
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    if request.method == "POST":
        # The form gets its own copy: a rejected form leaves the typed values
        # on its instance, and the rest of the page shows the stored article.
        form = ArticleForm(request.POST, request.FILES, instance=Article.objects.get(pk=pk))
        if form.is_valid() and (saved := _save(request, form)):
            return _saved(request, saved)
    else:
        form = ArticleForm(instance=article)
    return _render_editor(request, form, article)


@staff_view(VIEW_ARTICLES)
def article_preview(request, pk):
    """The article exactly as readers will see it, drafts included."""
    article = get_object_or_404(
        Article.objects.for_listing().prefetch_related("tags", "corrections"), pk=pk
    )
    with translation.override(article.language):
        response = render_article(request, article, preview=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Quick actions (POST only)


def _back(request, article: Article):
    """Back to the page the action came from, else the article's editor."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("desk:article_edit", pk=article.pk)


@staff_view("articles.change_article")
@require_POST
def article_publish(request, pk):
    article = get_object_or_404(Article, pk=pk)
    services.publish(article)
    if state_of(article) == SCHEDULED:
        messages.success(
            request,
            # Translators: %(time)s is a date and time, e.g. "25. November 2026, 13:14"
            _("“%(headline)s” will be published on %(time)s.")
            % {
                "headline": article.headline,
                "time": absolute_datetime(article.publish_at, get_language()),
            },
        )
    else:
        messages.success(
            request, _("“%(headline)s” is published.") % {"headline": article.headline}
        )
    return _back(request, article)


@staff_view("articles.change_article")
@require_POST
def article_unpublish(request, pk):
    article = get_object_or_404(Article, pk=pk)
    services.unpublish(article)
    messages.success(
        request,
        _("“%(headline)s” is a draft again. Readers cannot see it.")
        % {"headline": article.headline},
    )
    return _back(request, article)


@staff_view("articles.change_article", "articles.add_correction")
@require_POST
def correction_add(request, pk):
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return _render_editor(request, ArticleForm(instance=article), article, form)
    services.add_correction(article, form.cleaned_data["text"], user=request.user)
    messages.success(request, _("The correction was added. Readers see it below the article."))
    return redirect("desk:article_edit", pk=article.pk)


@staff_view("articles.add_article")
@require_POST
def article_translate(request, pk, language):
    article = get_object_or_404(Article, pk=pk)
    if language not in content_language_codes() or language == article.language:
        raise Http404
    existed = article.translations().filter(language=language).exists()
    version = services.translate(article, language, request.user)
    values = {"language": language_name(language)}
    if existed:
        # Translators: %(language)s is a language name, e.g. "English"
        text = _("This story already has a version in %(language)s. Here it is.")
    else:
        text = _(
            "A draft in %(language)s was created from the original. Replace the text "
            "with the translation, then publish it."
        )
    messages.success(request, text % values)
    return redirect("desk:article_edit", pk=version.pk)
