"""What the body editor asks the desk for while a reporter places pictures
(masthead/static/masthead/editor/figure.js): the library's images found by
a search, and a picture uploaded on the spot. Both answer in JSON; errors
come as ``{"error": "…"}`` in the editor's language.

The stored markup of pictures and galleries is described in
masthead/articles/body.py.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from masthead.accounts import rules
from masthead.accounts.decorators import desk_view
from masthead.lib import images
from masthead.lib.i18n import content_language_codes
from masthead.lib.numbers import parse_id
from masthead.media import rendering
from masthead.media import services as media_services
from masthead.media.models import Image

PER_PAGE = 24
# A body rarely shows more; the editor asks for the pictures it shows at once.
MAX_IDS = 100


def thumbnail_url(image: Image) -> str:
    """A small copy of ``image`` for the editor (the original until the
    renditions are made; "" while an imported picture's file is not
    fetched yet)."""
    return rendering.thumbnail(image).url if image.file else ""


def image_data(image: Image, language: str) -> dict:
    """What the editor shows of an image: alt text and caption in the
    article's language (``language``)."""
    return {
        "id": image.pk,
        "thumbnail": thumbnail_url(image),
        "width": image.width,
        "height": image.height,
        "alt": image.alt_for(language),
        "caption": image.caption_for(language),
        "credit": image.credit,
        "name": image.original_name,
    }


def _language(value) -> str:
    return value if value in content_language_codes() else settings.LANGUAGE_CODE


@desk_view(rules.VIEW_MEDIA)
@require_GET
def image_search(request):
    """``?q=`` words in caption, alt text (in ``language``), credit or file
    name, newest first, ``PER_PAGE`` a page (``?page=``); or ``?ids=1,2``:
    those images."""
    language = _language(request.GET.get("language"))
    found = Image.objects.with_thumbnails()
    if "ids" in request.GET:
        ids = [parse_id(part) for part in request.GET["ids"].split(",")[:MAX_IDS]]
        found = found.filter(pk__in=[pk for pk in ids if pk is not None])
        return JsonResponse(
            {"results": [image_data(image, language) for image in found], "next": None}
        )
    page = parse_id(request.GET.get("page", "1")) or 1
    for word in request.GET.get("q", "").split()[:10]:
        found = found.filter(
            Q(original_name__icontains=word)
            | Q(credit__icontains=word)
            | Q(**{f"alt__{language}__icontains": word})
            | Q(**{f"caption__{language}__icontains": word})
        )
    start = (page - 1) * PER_PAGE
    rows = list(found.order_by("-uploaded_at", "-id")[start : start + PER_PAGE + 1])
    return JsonResponse(
        {
            "results": [image_data(image, language) for image in rows[:PER_PAGE]],
            "next": page + 1 if len(rows) > PER_PAGE else None,
        }
    )


class ImageUploadForm(forms.Form):
    """A picture with what the reporter must say about it. (Invisible
    control characters in the texts are removed on save, by the model.)"""

    file = forms.FileField(
        error_messages={
            "required": _("Choose an image file."),
            "empty": _("The file is empty. Choose an image file."),
        }
    )
    language = forms.ChoiceField()
    alt = forms.CharField(
        max_length=300,
        error_messages={
            "required": _("Describe the image for readers who cannot see it."),
        },
    )
    caption = forms.CharField(max_length=300, required=False)
    credit = forms.CharField(max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, code) for code in content_language_codes()]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > settings.MAX_UPLOAD_BYTES:
            raise ValidationError(
                gettext("This file is too large (%(size)s). Choose an image of at most %(max)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(file.size),
                    "max": filesizeformat(settings.MAX_UPLOAD_BYTES),
                },
            )
        images.check_image(file)
        return file


@desk_view(rules.UPLOAD_IMAGE)
@require_POST
def image_upload(request):
    """A picture dropped or pasted into the body: into the library, with
    its alt text in the article's language. 201 with the image, or 400
    with the first error (and all of them by field)."""
    form = ImageUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = {
            name: [error["message"] for error in found]
            for name, found in form.errors.get_json_data().items()
        }
        first = next(iter(errors.values()))[0]
        return JsonResponse({"error": first, "errors": errors}, status=400)
    data = form.cleaned_data
    try:
        language = data["language"]
        image = media_services.add_image(
            data["file"],
            request.user,
            alt={language: data["alt"].strip()},
            caption={language: data["caption"].strip()},
            credit=data["credit"].strip(),
        )
    except ValidationError as error:  # the storage's own check
        return JsonResponse({"error": " ".join(error.messages)}, status=400)
    return JsonResponse(image_data(image, data["language"]), status=201)


def editor_strings() -> dict[str, str]:
    """The texts of the body editor's picture and gallery nodes, in the
    editor's language (figure.js has the English only as a fallback)."""
    return {
        "insertImage": gettext("Insert a picture"),
        "insertGallery": gettext("Insert a gallery"),
        "dialogImage": gettext("Picture"),
        "dialogGallery": gettext("Gallery"),
        "search": gettext("Search the media library"),
        "searchButton": gettext("Search"),
        "more": gettext("More pictures"),
        "noResults": gettext("No pictures found."),
        "orUpload": gettext("Or upload a new picture"),
        "file": gettext("Image file"),
        "alt": gettext("Description for readers who cannot see it"),
        "caption": gettext("Caption"),
        "captionHelp": gettext("Leave empty to use the picture's own caption."),
        "credit": gettext("Credit (photographer or agency)"),
        "size": gettext("Size"),
        "sizeColumn": gettext("Column width"),
        "sizeFull": gettext("Full width"),
        "insert": gettext("Insert"),
        "update": gettext("Update"),
        "cancel": gettext("Cancel"),
        "remove": gettext("Remove"),
        "edit": gettext("Edit"),
        "moveEarlier": gettext("Move earlier"),
        "moveLater": gettext("Move later"),
        "addPictures": gettext("Add pictures"),
        "uploading": gettext("Uploading …"),
        "uploadFailed": gettext("The picture could not be uploaded. Please try again."),
        "uploadForbidden": gettext(
            "You may not upload pictures. Choose one from the media library."
        ),
        "loadFailed": gettext("The media library could not be reached. Please try again."),
        "chooseOne": gettext("Choose a picture or upload one."),
        "chooseSome": gettext("Choose at least one picture."),
        "altRequired": gettext("Describe the image for readers who cannot see it."),
        "missing": gettext(
            "This picture is no longer in the media library. Readers do not see it."
        ),
        "noAlt": gettext("This picture has no description in the article's language yet."),
        # Translators: below a picture; keep {credit} as it is
        "photo": gettext("Photo: {credit}"),
    }


def editor_extensions(language: str, language_field: str = "") -> dict[str, dict]:
    """The options of the body editor's picture and gallery nodes: where
    they search and upload, the article's language (or the id of the form
    field that chooses it), and their texts."""
    options = {
        "searchUrl": reverse("desk:editor_image_search"),
        "uploadUrl": reverse("desk:editor_image_upload"),
        "language": language,
        "languageField": language_field,
        "strings": editor_strings(),
    }
    return {"BodyImage": options, "BodyGallery": options}
