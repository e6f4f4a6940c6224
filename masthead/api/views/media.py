"""/api/v1/media: the images of the media library with their renditions,
and uploads, validated as the desk's upload is (masthead.media.services)."""

from typing import Annotated

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile
from pydantic import Field, StringConstraints

from masthead.accounts import rules
from masthead.articles.models import Article
from masthead.lib.i18n import content_language_codes
from masthead.media import services as media_services
from masthead.media.models import Image

from .. import schemas, serializers
from ..auth import Caller, TokenAuth, caller_of
from ..models import Scope
from ..responses import ApiError, json_response, keyset

router = Router(tags=["media"])

ERRORS = dict.fromkeys((400, 401, 403, 404, 422, 429), schemas.Error)


def visible_images(caller: Caller):
    """Images readers can see (those of public articles: lead, social or in
    the text); with a token that reads drafts, the whole library when its
    member may browse it in the desk; with one that uploads, also the
    images its member uploaded. A picture of another site whose file is not
    fetched yet is in none: it has no address to give (``Image.has_file``)."""
    user = caller.user
    browses = rules.can(user, rules.USE_DESK) and rules.can(user, rules.VIEW_MEDIA)
    images = Image.objects.with_file()
    if browses and caller.has_scope(Scope.READ_DRAFTS):
        return images
    seen = images.shown_by(Article.objects.public())
    if browses and caller.has_scope(Scope.MEDIA_WRITE):
        return seen | images.filter(uploaded_by=user)
    return seen


class Paging(Schema):
    cursor: str | None = Field(default=None, max_length=200)
    limit: int | None = Field(default=None, ge=1, le=100)


@router.get("", response={200: schemas.ImagePage, **ERRORS}, summary="List images")
def image_list(request, paging: Query[Paging]):
    """Newest uploads first."""
    rows, following = keyset(
        request,
        visible_images(caller_of(request)),
        "uploaded_at",
        paging.cursor,
        paging.limit,
        details=lambda images: images.prefetch_related("renditions"),
    )
    data = {"results": [serializers.image_data(i) for i in rows], "next": following}
    return json_response(request, schemas.ImagePage, data)


@router.get("/{pk}", response={200: schemas.Image, 304: None, **ERRORS}, summary="An image")
def image_detail(request, pk: schemas.PathId):
    image = visible_images(caller_of(request)).prefetch_related("renditions").filter(pk=pk).first()
    if image is None:
        raise ApiError(404, _("Nothing was found at this address."))
    return json_response(request, schemas.Image, serializers.image_data(image))


class UploadIn(Schema):
    language: str = Field(max_length=10)
    alt: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)] = (
        Field(description="What the picture shows.")
    )
    caption: str = Field(default="", max_length=300)
    credit: str = Field(default="", max_length=200)


@router.post(
    "",
    auth=TokenAuth(),
    response={201: schemas.Image, **ERRORS},
    summary="Upload an image",
)
def image_upload(request, file: File[UploadedFile], data: Form[UploadIn]):
    """A picture with its description (alt text) in one language; its
    renditions are made in the background."""
    caller = caller_of(request)
    language, alt, caption, credit = data.language, data.alt, data.caption, data.credit
    if not caller.has_scope(Scope.MEDIA_WRITE):
        raise ApiError(
            403, _("This token does not have the %(scope)s scope.") % {"scope": Scope.MEDIA_WRITE}
        )
    if not (rules.can(caller.user, rules.USE_DESK) and rules.can(caller.user, rules.UPLOAD_IMAGE)):
        raise ApiError(
            403,
            _("The member this token acts for may not do this (%(action)s).")
            % {"action": rules.LABELS[rules.UPLOAD_IMAGE]},
        )
    if language not in content_language_codes():
        raise ValidationError(
            {
                "language": _("Choose one of the site's languages: %(languages)s.")
                % {"languages": ", ".join(content_language_codes())}
            }
        )
    if file.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            {
                "file": _("This file is too large (%(size)s). Choose an image of at most %(max)s.")
                % {
                    "size": filesizeformat(file.size),
                    "max": filesizeformat(settings.MAX_UPLOAD_BYTES),
                }
            }
        )
    try:
        image = media_services.add_image(
            file,
            caller.user,
            alt={language: alt.strip()},
            caption={language: caption.strip()},
            credit=credit.strip(),
        )
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    image = Image.objects.prefetch_related("renditions").get(pk=image.pk)
    return json_response(request, schemas.Image, serializers.image_data(image), status=201)
