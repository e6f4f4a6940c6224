"""Background jobs of the media library (masthead.lib.jobs)."""

from masthead.lib.jobs import job

from . import renditions
from .models import Image


@job()
def make_renditions(image_id: int) -> None:
    """Make the renditions image ``image_id`` lacks (renditions.py). Runs
    again without harm: what exists is kept. An image deleted before the
    job ran needs none."""
    image = Image.objects.filter(pk=image_id).first()
    if image is not None:
        renditions.make_renditions(image)
