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
    if image is not None and image.file:
        renditions.make_renditions(image)


@job()
def fetch_image(image_id: int) -> None:
    """Fetch the file of an imported picture (services.fetch_file); a try
    that fails for a reason that may pass (the other site is down, slow or
    answers with an error) raises, and the queue tries again later."""
    from .services import fetch_file  # services enqueues this job

    fetch_file(image_id)
