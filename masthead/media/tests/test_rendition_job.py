"""The rendition job: enqueued on commit by ``image_saved``, idempotent,
and it makes the crops again when the focal point moves."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from masthead.media import renditions, services, tasks
from masthead.media.samples import make_image, photo_jpeg
from masthead.testing import run_jobs

pytestmark = pytest.mark.django_db(transaction=False)


def saved(image, django_capture_on_commit_callbacks, **options):
    with django_capture_on_commit_callbacks(execute=True):
        services.image_saved(image, **options)
    run_jobs()


def state(image):
    return {(r.crop, r.format, r.width): (r.file.name, r.focal_x) for r in image.renditions.all()}


def test_it_makes_the_renditions_of_a_new_image(django_capture_on_commit_callbacks):
    image = make_image()

    with django_capture_on_commit_callbacks() as callbacks:
        services.image_saved(image)
    # Nothing before the commit: a job started earlier would not find the image.
    assert not image.renditions.exists()
    for callback in callbacks:
        callback()
    run_jobs()

    assert set(state(image)) == set(renditions.planned(image))


def test_running_it_again_keeps_what_exists(django_capture_on_commit_callbacks):
    image = make_image()
    saved(image, django_capture_on_commit_callbacks)
    before = state(image)
    # One rendition lost (a failed disk, a deleted row): the job makes it alone.
    lost = image.renditions.get(crop="", format="webp", width=480)
    lost.delete()

    tasks.make_renditions.enqueue(image.pk)
    run_jobs()

    after = state(image)
    assert set(after) == set(before)
    changed = {key for key in after if after[key] != before[key]}
    assert changed == {("", "webp", 480)}
    assert renditions.make_renditions(image) == 0


def test_a_moved_focal_point_makes_the_crops_again(django_capture_on_commit_callbacks):
    image = make_image(photo_jpeg(1200, 600))
    saved(image, django_capture_on_commit_callbacks)
    before = state(image)
    old_square = image.renditions.get(crop="1:1").file.name

    image.focal_x, image.focal_y = 0.1, 0.4
    image.save()
    saved(image, django_capture_on_commit_callbacks)

    after = state(image)
    assert set(after) == set(before)
    for key, (name, focal_x) in after.items():
        crop = key[0]
        if crop:
            assert name != before[key][0] and focal_x == 0.1, key
        else:
            assert (name, focal_x) == before[key], key  # the picture's own ratio: unchanged
    square = image.renditions.get(crop="1:1")
    assert (square.focal_x, square.focal_y) == (0.1, 0.4)
    assert not default_storage.exists(old_square)  # the stale crop's file is gone
    assert default_storage.exists(square.file.name)


def test_a_new_file_replaces_all_renditions(django_capture_on_commit_callbacks):
    image = make_image(photo_jpeg(900, 600))
    saved(image, django_capture_on_commit_callbacks)
    old_files = [r.file.name for r in image.renditions.all()]

    image.file.save("portrait.jpg", ContentFile(photo_jpeg(600, 900)), save=True)
    saved(image, django_capture_on_commit_callbacks, new_file=True)

    image.refresh_from_db()
    assert set(state(image)) == set(renditions.planned(image))
    assert {(r.width, r.height) for r in image.renditions.filter(crop="", format="jpeg")} == {
        (320, 480),
        (480, 720),
    }
    assert not any(default_storage.exists(name) for name in old_files)


def test_an_image_deleted_before_the_job_ran_needs_nothing():
    image = make_image()
    image_id = image.pk
    image.delete()

    tasks.make_renditions.enqueue(image_id)
    run_jobs()  # no error


def test_two_runs_at_once_leave_one_set_and_no_stray_files(settings):
    """Two workers on the same image: the second read the renditions before
    the first stored them. Its rows lose to the first's (one per crop,
    format and width), and its files are removed again."""
    from django.db.models import prefetch_related_objects

    image = make_image(photo_jpeg(400, 300))
    late = type(image).objects.get(pk=image.pk)
    prefetch_related_objects([late], "renditions")  # it saw none
    renditions.make_renditions(image)  # the first worker
    first = state(image)

    assert renditions.make_renditions(late) == len(first)  # made, then given up

    assert state(image) == first
    stored = {
        str(path.relative_to(settings.MEDIA_ROOT))
        for path in (settings.MEDIA_ROOT / "renditions").rglob("*")
        if path.is_file()
    }
    assert stored == {name for name, _ in first.values()}
