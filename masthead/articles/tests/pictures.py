"""Pictures of the media library for the tests of body figures."""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image as PILImage

from masthead.media.models import Image


def image_bytes(width=1600, height=900, kind="JPEG") -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), (30, 90, 160)).save(buffer, format=kind)
    return buffer.getvalue()


def make_image(
    name="rat.jpg", *, width=1600, height=900, alt=None, caption=None, credit="Anna Berg"
) -> Image:
    """An image in the library, with German and English alt text unless
    ``alt`` says otherwise."""
    return Image.objects.create(
        file=ContentFile(image_bytes(width, height), name=name),
        original_name=name,
        alt={"de": "Der Ratssaal", "en": "The council chamber"} if alt is None else alt,
        caption={"de": "Die Sitzung am Dienstag"} if caption is None else caption,
        credit=credit,
    )


def picture(image, size="column", caption="") -> str:
    """A picture node as the editor stores it (masthead/articles/body.py)."""
    inner = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<figure data-image="{image.pk}" data-size="{size}">{inner}</figure>'


def gallery(*images) -> str:
    inner = "".join(f'<figure data-image="{image.pk}"></figure>' for image in images)
    return f'<figure data-gallery="">{inner}</figure>'
