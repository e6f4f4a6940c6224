"""The media library in the newsroom: the grid of pictures with search and
filters, uploading, one page per image to describe it, and deleting one
that no article uses.

Views stay thin: who may do what is asked of masthead.accounts.rules, the
writes go through masthead.media.services.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from masthead.accounts import rules
from masthead.accounts.decorators import desk_view
from masthead.articles.models import Article
from masthead.articles.pagination import BackToFirstPage, keyset_page
from masthead.lib.i18n import content_language_codes
from masthead.media import services
from masthead.media.models import Image

from .forms import CHOOSER_SIZE
from .media_forms import ImageForm, MediaFilterForm, UploadForm

PER_PAGE = 48

# The filters the library's page links carry on.
FILTERS = ("q", "uploaded", "use", "orientation", "fetch")


def image_for(request, pk, action=None) -> Image:
    """The image ``pk`` if the user may do ``action`` to it; else 404 or 403."""
    image = get_object_or_404(Image.objects.select_related("uploaded_by"), pk=pk)
    if action is not None and not rules.can(request.user, action, image):
        raise PermissionDenied
    return image


def _used():
    """An expression: some article shows the image (lead image, in the
    text, or for social media)."""
    return (
        Exists(Article.objects.filter(lead_image=OuterRef("pk")))
        | Exists(Article.objects.filter(body_images__image=OuterRef("pk")))
        | Exists(Article.objects.filter(social_image=OuterRef("pk")))
    )


@desk_view()
def media_list(request):
    """Every picture of the library, the newest first, paged by cursor like
    the article list: one query for the page, however deep."""
    form = MediaFilterForm(request.GET or None)
    found = Image.objects.select_related("uploaded_by").with_thumbnails()
    if form.is_valid():
        found = found.search(form.cleaned_data["q"], content_language_codes())
        if form.cleaned_data["uploaded"] == form.MINE:
            found = found.filter(uploaded_by=request.user)
        if form.cleaned_data["use"] == form.USED:
            found = found.filter(_used())
        elif form.cleaned_data["use"] == form.UNUSED:
            found = found.filter(~_used())
        orientation = form.cleaned_data["orientation"]
        if orientation in ("landscape", "portrait", "square"):
            found = getattr(found, orientation)()
        if form.cleaned_data["fetch"] == form.WAITING:
            found = found.filter(file="", fetch_error="").exclude(source_address="")
        elif form.cleaned_data["fetch"] == form.FAILED:
            found = found.filter(file="").exclude(fetch_error="")
    try:
        page = keyset_page(request, found, PER_PAGE, field="uploaded_at", keep=FILTERS)
    except BackToFirstPage as first:
        return redirect(request.path + first.query)
    return render(
        request,
        "desk/media_list.html",
        {
            "nav": "media",
            "form": form,
            "page": page,
            "language": get_language(),
            "may_upload": rules.can(request.user, rules.UPLOAD_IMAGE),
            "filtered": form.is_bound and any(form.data.get(f) for f in form.fields),
        },
    )


@desk_view(rules.UPLOAD_IMAGE)
def media_upload(request):
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                added = services.add_images(
                    form.cleaned_data["files"],
                    request.user,
                    alt=form.texts("alt"),
                    caption=form.texts("caption"),
                    credit=form.cleaned_data["credit"],
                    source=form.cleaned_data["source"],
                    licence=form.cleaned_data["licence"],
                )
            except ValidationError as error:
                form.add_error("files", error)
            else:
                messages.success(
                    request,
                    ngettext(
                        "The image was added to the media library.",
                        "%(count)s images were added to the media library.",
                        len(added),
                    )
                    % {"count": len(added)},
                )
                if len(added) == 1:
                    return redirect("desk:media_edit", pk=added[0].pk)
                return redirect("desk:media")
    else:
        form = UploadForm()
    return render(request, "desk/media_upload.html", {"nav": "media", "form": form})


@desk_view()
def media_edit(request, pk):
    image = image_for(request, pk)
    may_edit = rules.can(request.user, rules.EDIT_IMAGE, image)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        form = ImageForm(request.POST, instance=image)
        if form.is_valid():
            services.update_image(form.save(commit=False), request.user)
            messages.success(request, _("The image's description was saved."))
            return redirect("desk:media_edit", pk=image.pk)
    else:
        form = ImageForm(instance=image)
    if not may_edit:
        for field in form.fields.values():
            field.disabled = True
    return render(
        request,
        "desk/media_edit.html",
        {
            "nav": "media",
            "language": get_language(),
            "image": image,
            "form": form,
            "may_edit": may_edit,
            "may_delete": rules.can(request.user, rules.DELETE_IMAGE, image),
            "used_in": _uses(image),
        },
    )


def _uses(image) -> list[tuple]:
    """(article, how it uses ``image``) for every article that shows it."""
    newest = ("-modified_at", "-id")
    uses = [(a, _("lead image")) for a in image.lead_of.order_by(*newest)]
    uses += [
        (a, _("in the text"))
        for a in Article.objects.filter(body_images__image=image).distinct().order_by(*newest)
    ]
    uses += [(a, _("image for social media")) for a in image.social_of.order_by(*newest)]
    return uses


@desk_view()
@require_POST
def media_delete(request, pk):
    image = image_for(request, pk, rules.DELETE_IMAGE)
    name = image.original_name or image.file.name
    try:
        services.delete_image(image, request.user)
    except services.ImageInUse as in_use:
        headlines = ", ".join(
            pgettext("a headline in a list", "“%(headline)s”") % {"headline": article.headline}
            for article in in_use.users
        )
        messages.error(
            request,
            # Translators: %(articles)s is a list of headlines in quotation marks.
            ngettext(
                "The image was not deleted: an article uses it (%(articles)s). "
                "Choose another lead image there first.",
                "The image was not deleted: %(count)s articles use it (%(articles)s). "
                "Choose another lead image there first.",
                len(in_use.users),
            )
            % {"count": len(in_use.users), "articles": headlines},
        )
        return redirect("desk:media_edit", pk=pk)
    messages.success(request, _("“%(name)s” was deleted from the media library.") % {"name": name})
    return redirect("desk:media")


@desk_view()
def media_choose(request):
    """The lead image chooser's pictures for a search (desk-media.js asks for
    it; without JavaScript the article form's "Search" button does the same)."""
    query = request.GET.get("q", "")[:200]
    language = request.GET.get("language", "")
    if language not in content_language_codes():
        language = get_language()
    found = Image.objects.with_thumbnails().search(query, content_language_codes())
    return render(
        request,
        "desk/fragment_image_grid.html",
        {"images": found[:CHOOSER_SIZE], "chosen": None, "language": language},
    )
