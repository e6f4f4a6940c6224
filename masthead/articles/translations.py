"""What a language version still needs translated, besides its text.

A translation starts as a copy of the original (services.translate), with
the same pictures. Their alt text and caption live in the media library,
per language: the new version has none until someone writes them. A
caption written for one use in the body (``<figcaption>``) is copied with
the text, in the original's language. None of this is copied silently:
the editor lists each such picture as "needs translation" until it is done
(desk/article_form.html), and review and publishing are refused while alt
text is missing (body.alt_text_error).

Credits are names ("Jana Berger / dpa"): the same in every language (the
page puts "Foto:" or "Photo:" before them), so they need no translation.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from masthead.lib.text import plain_text
from masthead.media.models import Image

from .body import Gallery, body_nodes
from .models import Article


@dataclass
class Untranslated:
    image: Image
    what: str  # "alt", "caption" or "body_caption"
    label: str  # what is missing, in the editor's language
    original: str  # the text in the other version (or its language's)


def _body_captions(body: str) -> dict[int, str]:
    """{image id: the caption written for its use in the body}."""
    captions = {}
    for _start, _end, node in body_nodes(body or ""):
        pictures = node.pictures if isinstance(node, Gallery) else (node,)
        for picture in pictures:
            if picture.caption:
                captions.setdefault(picture.image_id, picture.caption)
    return captions


def needs_translation(article: Article) -> list[Untranslated]:
    """The pictures of ``article`` (lead, social, body) whose alt text or
    caption in its language is missing while another version has one, and
    the body captions still the same as in another version."""
    others = list(article.translations().only("language", "body"))
    if not others:
        return []
    own_captions = _body_captions(article.body)
    body_ids = set()
    for _start, _end, node in body_nodes(article.body or ""):
        pictures = node.pictures if isinstance(node, Gallery) else (node,)
        body_ids |= {picture.image_id for picture in pictures}
    ids = body_ids | {article.lead_image_id, article.social_image_id} - {None}
    if not ids:
        return []
    images = Image.objects.in_bulk(ids)
    language = article.language
    found = []
    for pk in sorted(images):
        image = images[pk]
        name = image.original_name or str(pk)
        picture = _("Picture %(id)s “%(name)s”") % {"id": pk, "name": name}
        if not image.alt_for(language):
            other = next(
                (image.alt_for(o.language) for o in others if image.alt_for(o.language)), ""
            )
            if other:
                found.append(
                    Untranslated(
                        image, "alt", _("Alt text of %(picture)s") % {"picture": picture}, other
                    )
                )
        # The image's own caption shows under the lead image, and under a
        # picture of the text that has no caption of its own.
        shows_caption = pk == article.lead_image_id or (pk in body_ids and pk not in own_captions)
        if shows_caption and not image.caption_for(language):
            other = next(
                (image.caption_for(o.language) for o in others if image.caption_for(o.language)),
                "",
            )
            if other:
                found.append(
                    Untranslated(
                        image, "caption", _("Caption of %(picture)s") % {"picture": picture}, other
                    )
                )
    for other in others:
        for pk, caption in _body_captions(other.body).items():
            if own_captions.get(pk) == caption and pk in images:
                image = images[pk]
                picture = _("Picture %(id)s “%(name)s”") % {
                    "id": pk,
                    "name": image.original_name or str(pk),
                }
                found.append(
                    Untranslated(
                        image,
                        "body_caption",
                        _("Caption of %(picture)s in the text") % {"picture": picture},
                        plain_text(caption),
                    )
                )
    return found
