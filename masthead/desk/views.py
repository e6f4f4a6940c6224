"""The newsroom back office: article list, editor, preview and quick actions,
and what the content languages still lack.

Views stay thin: check who may do what (``desk_view`` from
masthead/accounts/decorators.py, ``article_for``: both ask
masthead.accounts.rules), validate a form,
call a function of ``masthead.articles.services`` and redirect. No view
changes an article's state itself.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from masthead.accounts import rules
from masthead.accounts.decorators import desk_view, forbidden
from masthead.articles import services
from masthead.articles.body import alt_text_error
from masthead.articles.models import Article, Correction, FrontPageSlot
from masthead.articles.pagination import BackToFirstPage, keyset_page
from masthead.articles.translations import needs_translation
from masthead.articles.views import render_article
from masthead.lib.dates import absolute_datetime
from masthead.lib.i18n import content_language_codes, language_name
from masthead.search.backends import engine
from masthead.search.paging import ranked_page
from masthead.search.query import parse
from masthead.translations import services as translation_services
from masthead.translations.models import Translation
from masthead.translations.providers import provider_for
from masthead.translations.services import unreviewed_error

from . import translations as translation_report
from .forms import ArticleForm, BreakingForm, CorrectionForm, DashboardFilterForm, PinForm
from .states import DRAFT, PUBLISHED, REVIEW, SCHEDULED, UNPUBLISHED, state_of

PER_PAGE = 25

# Actions offered on one article; the templates read ``allowed.<action>``.
ARTICLE_ACTIONS = (
    rules.VIEW,
    rules.EDIT,
    rules.SUBMIT,
    rules.PUBLISH,
    rules.UNPUBLISH,
    rules.CORRECT,
    rules.TRANSLATE,
    rules.RESTORE,
    rules.SHARE_PREVIEW,
)


def article_for(request, pk, action, queryset=None) -> Article:
    """The article ``pk`` if the user may do ``action`` to it; else 404 or 403."""
    if queryset is None:
        queryset = Article.objects.select_related("section")
    article = get_object_or_404(queryset, pk=pk)
    if not rules.can(request.user, action, article):
        raise PermissionDenied
    return article


def allowed_actions(user, article) -> dict[str, bool]:
    return {action: rules.can(user, action, article) for action in ARTICLE_ACTIONS}


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
    allowed: dict = field(default_factory=dict)
    versions: list[Version] = field(default_factory=list)
    missing: list[Version] = field(default_factory=list)


def _rows(user, articles: list[Article], now) -> list[Row]:
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
        row = Row(article, state_of(article, now), allowed_actions(user, article))
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


# The filters the article list's page links carry on.
LIST_FILTERS = ("q", "language", "status", "section", "author", "topic", "since", "until", "sort")


@desk_view()
def article_list(request):
    """The newsroom's articles, the most recently changed first, filtered,
    paged by cursor like the public lists (articles/pagination.py): a page
    is one index range read however deep it is, and no COUNT runs over the
    archive. The queries are fixed: see test_article_list_scale.py.

    With words to search for (masthead/search), the best matches come
    first, in numbered pages, unless "last changed" is asked for; a word
    matches in any content language unless a language is chosen."""
    now = timezone.now()
    form = DashboardFilterForm(request.GET or None)
    # The list shows no text: the bodies stay in the database.
    articles = Article.objects.select_related("section").defer("body")
    if not rules.can(request.user, rules.VIEW, Article()):
        # Those who may only see their own articles see only those.
        articles = articles.filter(created_by=request.user)
    query = None
    if form.is_valid():
        articles = form.filter(articles)
        language = form.cleaned_data["language"]
        query = parse(form.cleaned_data["q"], [language] if language else content_language_codes())
        state = form.cleaned_data["status"]
        published = Q(status=Article.Status.PUBLISHED)
        if state in (DRAFT, REVIEW, UNPUBLISHED):
            articles = articles.filter(status=state)
        elif state == SCHEDULED:
            # Few articles are scheduled: found by publish time first (an
            # index range), then ordered. Filtered in place, the database
            # would read every published article in list order to find them.
            scheduled = Article.objects.filter(published, publish_at__gt=now).values("pk")
            articles = articles.filter(pk__in=scheduled)
        elif state == PUBLISHED:
            articles = articles.filter(published, publish_at__lte=now)
    try:
        if query and form.cleaned_data["sort"] != "changed":
            # By relevance, in numbered pages (search/paging.py).
            kept = [(name, request.GET[name]) for name in LIST_FILTERS if request.GET.get(name)]
            page = ranked_page(request, query, articles, PER_PAGE, kept)
        else:
            if query:
                sql, params = engine().matching(query)
                articles = articles.filter(pk__in=RawSQL(sql, params))  # noqa: S611 (the engine's SQL; values are parameters)
            page = keyset_page(request, articles, PER_PAGE, field="modified_at", keep=LIST_FILTERS)
    except BackToFirstPage as first:
        return redirect(request.path + first.query)
    return render(
        request,
        "desk/home.html",
        {
            "nav": "articles",
            "form": form,
            "page": page,
            "rows": _rows(request.user, page.object_list, now),
            "filtered": form.is_bound and any(form.data.get(f) for f in form.fields),
            "ranked": bool(query) and form.cleaned_data.get("sort") != "changed",
        },
    )


# The editor


def _initial_language(request) -> str:
    codes = content_language_codes()
    for language in (request.GET.get("language"), get_language()):
        if language in codes:
            return language
    return settings.LANGUAGE_CODE


def _article_form(request, *args, **kwargs) -> ArticleForm:
    """The article form; it offers an upload into the media library only
    to those who may upload images."""
    return ArticleForm(*args, may_upload=rules.can(request.user, rules.UPLOAD_IMAGE), **kwargs)


def _render_editor(request, form, article=None, correction_form=None, conflict=None, status=200):
    context = {
        "nav": "new" if article is None else "articles",
        "form": form,
        "article": article,
        # What the buttons under the form may offer.
        "allowed": allowed_actions(request.user, article or Article(created_by=request.user)),
        # A browser does not send a chosen file again after an error.
        "image_lost": bool(form.errors and request.FILES.get("lead_image_file")),
        # The stored article, when the editor's save came too late.
        "conflict": conflict,
        # Who saved it, and when: the newest revision.
        "conflict_revision": (
            conflict.revisions.select_related("created_by").order_by("-number").first()
            if conflict
            else None
        ),
    }
    chosen = form.chosen_image()
    context["chosen_image"] = chosen
    context["chooser_images"] = form.chooser_images(chosen)
    context["social_image"], context["social_images"] = form.social_images()
    if article is not None:
        now = timezone.now()
        versions = {a.language: a for a in article.translations()}
        # The versions translated from this one whose segments its changes
        # marked "the original changed" (masthead/translations).
        changed = translation_services.changed_versions(article)
        context.update(
            state=state_of(article, now),
            # Publishing with a time to come schedules the article.
            schedules=bool(article.publish_at and article.publish_at > now),
            versions=[
                (
                    code,
                    language_name(code),
                    versions.get(code),
                    # The machine that would translate into it, if any.
                    provider_for(article.language, code),
                    changed.get(versions[code].pk, 0) if code in versions else 0,
                )
                for code in content_language_codes()
                if code != article.language
            ],
            # This version's segments (masthead/translations), and what is
            # left of them; and the versions translated from this one whose
            # segments this one's changes marked.
            translation_work=(
                Translation.objects.filter(article=article).first() if form.segmented else None
            ),
            translation_left=translation_services.pending(article) if form.segmented else 0,
            corrections=article.corrections.all(),
            # Corrections of the other language versions newer than this
            # version's own newest: this version may need the same one.
            other_corrections=_corrections_elsewhere(article),
            # Alt text and captions copied from another version or missing.
            untranslated=needs_translation(article),
            # This editor's safety copy, which desk-autosave.js offers to restore.
            autosave=article.autosaves.filter(user=request.user).first(),
            correction_form=correction_form or CorrectionForm(),
        )
        if article.status == Article.Status.PUBLISHED and rules.can(
            request.user, rules.ARRANGE_FRONT_PAGE
        ):
            # The front page panel (desk/frontpage.py has the actions).
            context["front"] = {
                "slot": FrontPageSlot.objects.filter(article=article).first(),
                "pin_form": PinForm(auto_id="pin_%s"),
                "breaking_form": BreakingForm(),
                "breaking": article.is_breaking(now),
            }
    return render(request, "desk/article_form.html", context, status=status)


def _corrections_elsewhere(article: Article) -> list:
    newest_own = (
        article.corrections.order_by("-created_at").values_list("created_at", flat=True).first()
    )
    others = Correction.objects.filter(article__translation_key=article.translation_key).exclude(
        article=article
    )
    if newest_own is not None:
        others = others.filter(created_at__gt=newest_own)
    return list(others.select_related("article").order_by("-created_at"))


# The buttons under the article form, and what each does after saving.
SAVE, SUBMIT, PUBLISH, PREVIEW = "save", "submit", "publish", "preview"
# The lead image chooser's search button: shows the form again with the
# pictures found, and saves nothing (the chooser without JavaScript).
FIND_IMAGES = "find_images"


def _requested_action(request) -> str:
    action = request.POST.get("_action", SAVE)
    return action if action in (SAVE, SUBMIT, PUBLISH, PREVIEW, FIND_IMAGES) else SAVE


def _without_errors(form):
    """The form as sent, for the image search: nothing was saved, so the
    page shows no errors yet (the save will check everything)."""
    form.full_clean()
    form.errors.clear()
    return form


def _save(request, form, action: str) -> tuple[Article | None, Article | None]:
    """Save the form through the service layer, then do ``action``, all in
    one transaction. Returns (saved article, None), or (None, the stored
    article) when a colleague saved in between, or (None, None) when the
    service refused with errors on the form."""
    try:
        with transaction.atomic():
            article = form.save(user=request.user)
            if action == SUBMIT and article.status in (
                Article.Status.DRAFT,
                Article.Status.UNPUBLISHED,
            ):
                services.submit_for_review(article, request.user)
            elif action == PUBLISH:
                services.publish(article, request.user, at=_publish_time(article))
        return article, None
    except services.StaleEdit as stale:
        form.discard_new_images()
        return None, stale.current
    except ValidationError as error:
        form.discard_new_images()
        form.add_service_error(error)
        return None, None
    except BaseException:
        # Nothing was saved: an uploaded lead image must not stay behind as
        # a file without its row.
        form.discard_new_images()
        raise


def _publish_time(article: Article):
    """The publish time set in the form when it is still to come (this
    schedules the article), else now."""
    if article.publish_at and article.publish_at > timezone.now():
        return article.publish_at
    return None


def _saved(request, article: Article, action: str):
    state = state_of(article)
    values = {"headline": article.headline}
    if state == SCHEDULED:
        values["time"] = absolute_datetime(article.publish_at, get_language())
        # Translators: %(time)s is a date and time, e.g. "25. November 2026, 13:14"
        text = _("“%(headline)s” was saved. It will be published on %(time)s.")
    elif state == PUBLISHED:
        text = _("“%(headline)s” was saved and is published.")
    elif state == REVIEW:
        text = _("“%(headline)s” was saved and is waiting for review.")
    else:
        text = _("“%(headline)s” was saved. Readers cannot see it.")
    messages.success(request, text % values)
    if action == PREVIEW:
        return redirect("desk:article_preview", pk=article.pk)
    return redirect("desk:article_edit", pk=article.pk)


def _may(request, action: str, article: Article) -> bool:
    return action not in (SUBMIT, PUBLISH) or rules.can(request.user, action, article)


@desk_view(rules.CREATE)
def article_create(request):
    action = _requested_action(request)
    if request.method == "POST":
        form = _article_form(request, request.POST, request.FILES)
        if not _may(request, action, Article(created_by=request.user)):
            return forbidden(request)
        if action == FIND_IMAGES:
            return _render_editor(request, _without_errors(form))
        if form.is_valid():
            article, _stale = _save(request, form, action)
            if article:
                return _saved(request, article, action)
    else:
        form = _article_form(request, initial={"language": _initial_language(request)})
    return _render_editor(request, form)


@desk_view()
def article_edit(request, pk):
    article = article_for(request, pk, rules.VIEW)
    if request.method == "POST":
        action = _requested_action(request)
        if not (rules.can(request.user, rules.EDIT, article) and _may(request, action, article)):
            return forbidden(request)
        # The form gets its own copy: a rejected form leaves the typed values
        # on its instance, and the rest of the page shows the stored article.
        form = _article_form(
            request, request.POST, request.FILES, instance=Article.objects.get(pk=pk)
        )
        if action == FIND_IMAGES:
            return _render_editor(request, _without_errors(form), article)
        if form.is_valid():
            saved, current = _save(request, form, action)
            if saved:
                return _saved(request, saved, action)
            if current:
                return _conflict(request, form, current)
    else:
        form = _article_form(request, instance=article)
    return _render_editor(request, form, article)


def _conflict(request, form, current: Article):
    """A colleague saved since this editor opened the article. Keep every
    word the editor typed, show the stored version above it, and let the
    next save (made knowing both) go through."""
    messages.error(
        request,
        _(
            "Someone else saved this article while you were editing it, so your changes "
            "were not saved yet. Everything you typed is still in the form; the version "
            "saved in the meantime is shown above it. Take over what you need from it, "
            "then save again: your save will replace the other version."
        ),
    )
    data = form.data.copy()
    data["version"] = current.version
    # The form validates (and so changes) a copy of its own: ``current``
    # must stay the stored article that the page shows above the form.
    form = _article_form(request, data, instance=Article.objects.get(pk=current.pk))
    form.is_valid()
    return _render_editor(request, form, current, conflict=current, status=409)


@desk_view()
def article_preview(request, pk):
    """The article exactly as readers will see it, drafts included."""
    queryset = Article.objects.select_related("section", "lead_image", "social_image")
    article = article_for(request, pk, rules.VIEW, queryset)
    with translation.override(article.language):
        response = render_article(request, article, preview=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Workflow actions (POST only)


def _back(request, article: Article):
    """Back to the page the action came from, else the article's editor."""
    target = request.POST.get("next", "")
    if _is_local(request, target):
        return redirect(target)
    return redirect("desk:article_edit", pk=article.pk)


def _is_local(request, target: str) -> bool:
    """A path on this site; anything else (redirect() would take a bare
    word for the name of a view) is not followed."""
    return target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def _check_off_site(request, article: Article) -> None:
    """Sending a published (or scheduled) article to review or back to
    draft takes it off the site: only those who may unpublish it may."""
    if article.status == Article.Status.PUBLISHED and not rules.can(
        request.user, rules.UNPUBLISH, article
    ):
        raise PermissionDenied


def _pictures_without_alt(request, article: Article):
    """Refuse review or publishing while a picture in the text has no alt
    text in the article's language, or a segment of a translation is not
    reviewed (masthead/translations): back, with the message why."""
    error = alt_text_error(article.body, article.language) or unreviewed_error(article)
    if error is None:
        return None
    messages.error(request, " ".join(error.messages))
    return _back(request, article)


@desk_view()
@require_POST
def article_submit(request, pk):
    article = article_for(request, pk, rules.SUBMIT)
    _check_off_site(request, article)
    if refused := _pictures_without_alt(request, article):
        return refused
    services.submit_for_review(article, request.user)
    messages.success(
        request,
        _("“%(headline)s” is waiting for review.") % {"headline": article.headline},
    )
    return _back(request, article)


@desk_view()
@require_POST
def article_publish(request, pk):
    article = article_for(request, pk, rules.PUBLISH)
    if refused := _pictures_without_alt(request, article):
        return refused
    services.publish(article, request.user, at=_publish_time(article))
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


@desk_view()
@require_http_methods(["GET", "POST"])
def article_unpublish(request, pk):
    """GET asks first (readers lose the page); POST unpublishes."""
    article = article_for(request, pk, rules.UNPUBLISH)
    if request.method == "GET":
        target = request.GET.get("next", "")
        return render(
            request,
            "desk/article_unpublish.html",
            {
                "nav": "articles",
                "article": article,
                "state": state_of(article),
                "next": target if _is_local(request, target) else "",
                "pinned": FrontPageSlot.objects.filter(article=article).exists()
                or article.is_breaking(),
            },
        )
    services.unpublish(article, request.user)
    messages.success(
        request,
        _("“%(headline)s” is unpublished. Readers cannot see it.") % {"headline": article.headline},
    )
    return _back(request, article)


@desk_view()
@require_POST
def article_return(request, pk):
    """An editor sends an article back to its writer as a draft."""
    article = article_for(request, pk, rules.PUBLISH)
    _check_off_site(request, article)
    services.return_to_draft(article, request.user)
    messages.success(
        request,
        _("“%(headline)s” is a draft again.") % {"headline": article.headline},
    )
    return _back(request, article)


@desk_view()
@require_POST
def correction_add(request, pk):
    article = article_for(request, pk, rules.CORRECT)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return _render_editor(request, _article_form(request, instance=article), article, form)
    services.add_correction(article, form.cleaned_data["text"], user=request.user)
    messages.success(request, _("The correction was added. Readers see it below the article."))
    return redirect("desk:article_edit", pk=article.pk)


@desk_view()
@require_POST
def article_translate(request, pk, language):
    """Start the ``language`` version of the story segment by segment
    (masthead/translations), with the machine when the form asks for it
    and one serves the language pair."""
    article = article_for(request, pk, rules.TRANSLATE)
    if language not in content_language_codes() or language == article.language:
        raise Http404
    existed = article.translations().filter(language=language).exists()
    version = translation_services.start(article, language, request.user)
    work = Translation.objects.filter(article=version).first()
    values = {"language": language_name(language)}
    if existed:
        # Translators: %(language)s is a language name, e.g. "English"
        text = _("This story already has a version in %(language)s. Here it is.")
    elif (
        request.POST.get("machine")
        and work
        and translation_services.request_machine(work, request.user)
    ):
        text = _(
            "A draft in %(language)s was created, and a machine is translating it. Review "
            "each segment beside the original when it is done."
        )
    elif rules.can(request.user, rules.PUBLISH, version):
        text = _(
            "A draft in %(language)s was created. Translate each segment beside the "
            "original, then publish it."
        )
    else:
        # Translators hand their work in; an editor publishes it.
        text = _(
            "A draft in %(language)s was created. Translate each segment beside the "
            "original, then submit it for review."
        )
    messages.success(request, text % values)
    if work is None:  # a version written before the translation desk
        return redirect("desk:article_edit", pk=version.pk)
    return redirect("desk:translation", pk=version.pk)


@desk_view(rules.MANAGE_TAXONOMY)
def translations(request):
    """What each content language still lacks, with links to where it is
    mended (masthead/desk/translations.py). Editors and administrators,
    who manage sections, tags and authors, see it."""
    return render(
        request,
        "desk/translations.html",
        {
            "nav": "translations",
            "languages": translation_report.report(),
            "default_language": settings.LANGUAGE_CODE,
        },
    )
