"""Pictures of another site (an import): ``image_from_address`` records
one image per address, and the job queue fetches its file from a real HTTP
server here, stores it as an upload is, tries again when the other site
fails, and gives up on what is not an image or is too large. Until the
file is there, no page, feed or structured data shows the picture."""

import http.server
import json
import re
import threading
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage

from masthead.media import renditions, services
from masthead.media.models import Image
from masthead.media.samples import photo_jpeg
from masthead.testing import client_for, run_jobs

NOT_AN_IMAGE = b"<html><body>Not found, but with a 200</body></html>"


def upright_jpeg() -> bytes:
    """A 60 x 40 JPEG written sideways by a phone held upright: EXIF
    orientation 6, a GPS position and a camera name."""
    exif = PILImage.Exif()
    exif[0x0112] = 6  # orientation: turned a quarter
    exif[0x010F] = "Phone maker"
    buffer = BytesIO()
    PILImage.new("RGB", (60, 40), (20, 120, 60)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


class OldSite(http.server.BaseHTTPRequestHandler):
    """The site a newsroom moves from: a photo, a sideways phone photo, a
    page that is not an image, a missing file, a file that fails twice
    before it is served, and a redirect to ftp."""

    files: dict[str, bytes] = {}
    hits: dict[str, int] = {}
    failures_before_success = 2

    def do_GET(self):
        OldSite.hits[self.path] = OldSite.hits.get(self.path, 0) + 1
        if self.path == "/flaky.jpg" and OldSite.hits[self.path] <= self.failures_before_success:
            self.send_error(503)
            return
        if self.path == "/to-ftp.jpg":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/photo.jpg")
            self.end_headers()
            return
        body = OldSite.files.get(unquote(self.path.split("?")[0]))
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(settings):
    """The address of a real HTTP server on this machine, for this test."""
    photo = photo_jpeg(900, 600)
    OldSite.files = {
        "/wp-content/uploads/2019/05/harbour.jpg": photo,
        "/flaky.jpg": photo,
        "/upright.jpg": upright_jpeg(),
        "/page.jpg": NOT_AN_IMAGE,
        "/wp-content/uploads/Zürich Hafen.jpg": photo,
    }
    # The old site is on this machine: a private address, allowed here.
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    OldSite.hits = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), OldSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(autouse=True)
def site_language_after():
    """The desk's requests leave their language active in this thread;
    the tests after these speak the site's language again."""
    yield
    translation.deactivate()


@pytest.fixture
def fast_retries(settings):
    settings.JOBS_RETRY_SECONDS = 0
    settings.JOBS_ATTEMPTS = 3


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def fetch(django_capture_on_commit_callbacks):
    """Run the fetch jobs, then the rendition jobs they enqueue on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()
    run_jobs()


def record(address, django_capture_on_commit_callbacks, **fields):
    fields.setdefault("language", "en")
    with django_capture_on_commit_callbacks(execute=True):
        image = services.image_from_address(address, **fields)
    return image


def test_it_records_the_address_and_fetches_the_file_after_the_commit(
    db, old_site, editor, django_capture_on_commit_callbacks
):
    address = f"{old_site}/wp-content/uploads/2019/05/harbour.jpg"
    with django_capture_on_commit_callbacks() as callbacks:
        image = services.image_from_address(
            address, language="en", alt="The harbour at dawn", caption="Boats", user=editor
        )
    assert not image.has_file and image.fetch_pending
    assert image.source_address == address
    assert image.original_name == "harbour.jpg"
    assert image.alt == {"en": "The harbour at dawn"}
    assert image.caption == {"en": "Boats"}
    assert image.uploaded_by == editor
    assert OldSite.hits == {}  # nothing fetched before the commit

    for callback in callbacks:
        callback()
    fetch(django_capture_on_commit_callbacks)

    image.refresh_from_db()
    assert image.has_file and not image.fetch_pending
    assert re.fullmatch(r"images/\d{4}/\d{2}/harbour-[0-9a-f]{8}\.jpg", image.file.name)
    assert (image.width, image.height) == (900, 600)
    assert image.file_size == len(OldSite.files["/wp-content/uploads/2019/05/harbour.jpg"])
    assert image.fetch_error == ""
    # Stored as an upload is: its renditions made by the queue.
    assert set(renditions.planned(image)) == {
        (r.crop, r.format, r.width) for r in image.renditions.all()
    }


def test_an_import_run_again_finds_the_same_image(db, old_site, django_capture_on_commit_callbacks):
    address = f"{old_site}/wp-content/uploads/2019/05/harbour.jpg"
    first = record(address, django_capture_on_commit_callbacks, alt="The harbour")
    run_jobs()
    again = record(address, django_capture_on_commit_callbacks, alt="Another text")
    german = record(
        address, django_capture_on_commit_callbacks, language="de", alt="Der Hafen", caption="Boote"
    )
    run_jobs()

    assert again.pk == first.pk == german.pk
    assert Image.objects.count() == 1
    assert OldSite.hits == {"/wp-content/uploads/2019/05/harbour.jpg": 1}
    german.refresh_from_db()
    # A language it had no text in gets one; the newsroom's texts stay.
    assert german.alt == {"en": "The harbour", "de": "Der Hafen"}
    assert german.caption == {"de": "Boote"}


@pytest.mark.parametrize(
    "address",
    ["ftp://example.org/a.jpg", "javascript:alert(1)", "/wp-content/uploads/a.jpg", "", "http://"],
)
def test_it_refuses_what_is_not_a_web_address(db, address):
    with pytest.raises(ValidationError) as refused:
        services.image_from_address(address, language="en")
    assert refused.value.code == "not_web_address"
    assert isinstance(refused.value, ValueError)  # for callers that catch only that
    assert not Image.objects.exists()


def test_it_refuses_an_address_too_long_to_keep(db):
    with pytest.raises(services.NotWebAddress) as refused:
        services.image_from_address("https://old.example/" + "a" * 2000 + ".jpg", language="en")
    assert refused.value.code == "address_too_long"
    assert not Image.objects.exists()


def test_an_address_with_spaces_and_umlauts_is_fetched(
    db, old_site, django_capture_on_commit_callbacks
):
    address = f"{old_site}/wp-content/uploads/Zürich Hafen.jpg"
    image = record(address, django_capture_on_commit_callbacks)
    run_jobs()
    image.refresh_from_db()
    assert image.source_address == address
    assert image.original_name == "Zürich Hafen.jpg"
    assert image.has_file and image.fetch_error == ""


def test_a_phone_photo_is_shown_upright(db, old_site, django_capture_on_commit_callbacks):
    image = record(f"{old_site}/upright.jpg", django_capture_on_commit_callbacks)
    fetch(django_capture_on_commit_callbacks)
    image.refresh_from_db()
    # Stored 60 x 40 with orientation 6: shown 40 wide and 60 high.
    assert (image.width, image.height) == (40, 60)
    rendition = image.renditions.filter(format="jpeg", crop="").first()
    with rendition.file.open() as file, PILImage.open(file) as picture:
        assert picture.size == (40, 60)
        assert not picture.getexif()  # no camera, no position


def test_a_site_that_fails_is_tried_again_by_the_queue(
    db, old_site, fast_retries, django_capture_on_commit_callbacks
):
    image = record(f"{old_site}/flaky.jpg", django_capture_on_commit_callbacks)
    run_jobs()
    image.refresh_from_db()
    assert OldSite.hits["/flaky.jpg"] == 3  # two 503s, then the file
    assert image.has_file
    assert image.fetch_error == ""


def test_a_missing_file_is_tried_as_often_as_jobs_are_and_then_shown_as_failed(
    db, old_site, fast_retries, editor, settings, django_capture_on_commit_callbacks
):
    image = record(f"{old_site}/gone.jpg", django_capture_on_commit_callbacks)
    run_jobs()
    image.refresh_from_db()
    assert OldSite.hits["/gone.jpg"] == 3
    assert not image.has_file
    assert image.fetch_error == Image.FetchError.REFUSED
    assert stored_files(settings) == []

    page = client_for(editor).get(reverse("desk:media")).content.decode()
    assert "Could not be fetched" in page
    assert "The address answered with an error." in page
    assert f"{old_site}/gone.jpg" in page


def test_what_is_not_an_image_is_not_stored_nor_tried_again(
    db, old_site, fast_retries, settings, django_capture_on_commit_callbacks
):
    image = record(f"{old_site}/page.jpg", django_capture_on_commit_callbacks)
    run_jobs()
    image.refresh_from_db()
    assert OldSite.hits["/page.jpg"] == 1
    assert image.fetch_error == Image.FetchError.NOT_IMAGE
    assert not image.has_file
    assert stored_files(settings) == []


def test_a_file_larger_than_an_upload_is_not_fetched(
    db, old_site, fast_retries, settings, django_capture_on_commit_callbacks
):
    settings.MAX_UPLOAD_BYTES = 1000
    image = record(
        f"{old_site}/wp-content/uploads/2019/05/harbour.jpg", django_capture_on_commit_callbacks
    )
    run_jobs()
    image.refresh_from_db()
    assert image.fetch_error == Image.FetchError.TOO_LARGE
    assert sum(OldSite.hits.values()) == 1
    assert stored_files(settings) == []


def test_a_redirect_away_from_the_web_is_not_followed(
    db, old_site, fast_retries, django_capture_on_commit_callbacks
):
    image = record(f"{old_site}/to-ftp.jpg", django_capture_on_commit_callbacks)
    run_jobs()
    image.refresh_from_db()
    assert image.fetch_error == Image.FetchError.REFUSED
    assert not image.has_file


def test_a_deleted_image_is_not_fetched(db, old_site, django_capture_on_commit_callbacks):
    image = record(f"{old_site}/upright.jpg", django_capture_on_commit_callbacks)
    services.delete_image(image)
    run_jobs()
    assert OldSite.hits == {}


# Until the file is there, the picture is left out everywhere.


@pytest.fixture
def waiting(db, old_site, django_capture_on_commit_callbacks):
    """An imported picture whose file is not fetched yet (the job has not
    run: the other site's address must show nowhere)."""
    with django_capture_on_commit_callbacks(execute=False):
        return services.image_from_address(
            f"{old_site}/wp-content/uploads/2019/05/harbour.jpg",
            language="de",
            alt="Der Hafen",
            caption="Boote im Hafen",
        )


def test_pages_feeds_and_structured_data_leave_a_waiting_picture_out(
    waiting, old_site, make_article, client, settings
):
    body = (
        f'<p>Vor dem Bild.</p><figure data-image="{waiting.pk}"></figure>'
        f'<figure data-gallery=""><figure data-image="{waiting.pk}"></figure></figure>'
        "<p>Nach dem Bild.</p>"
    )
    article = make_article(lead_image=waiting, social_image=waiting, body=body)

    page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Vor dem Bild." in html and "Nach dem Bild." in html
    assert old_site not in html
    assert "<picture" not in html and 'class="gallery"' not in html
    assert "og:image" not in html and "twitter:image" not in html
    assert '<meta name="twitter:card" content="summary">' in html
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    assert data and all("image" not in item for item in data)

    home = client.get("/de/")
    assert home.status_code == 200
    assert old_site not in home.content.decode()
    with translation.override("de"):
        feeds = [reverse("feeds:rss"), reverse("feeds:atom"), reverse("feeds:json")]
    for address in feeds:
        feed = client.get(address)
        assert feed.status_code == 200
        text = feed.content.decode()
        assert article.headline in text
        assert old_site not in text
        assert "/media/" not in text


def test_the_desk_shows_a_waiting_picture_with_its_address(waiting, old_site, editor, make_article):
    article = make_article(lead_image=waiting, body=f'<figure data-image="{waiting.pk}"></figure>')
    desk = client_for(editor)
    address = f"{old_site}/wp-content/uploads/2019/05/harbour.jpg"

    library = desk.get(reverse("desk:media"))
    assert library.status_code == 200
    assert "Not fetched yet" in library.content.decode()
    assert address in library.content.decode()

    details = desk.get(reverse("desk:media_edit", args=[waiting.pk]))
    assert details.status_code == 200
    assert address in details.content.decode()

    form = desk.get(reverse("desk:article_edit", args=[article.pk]))
    assert form.status_code == 200
    assert "Not fetched yet" in form.content.decode()
    assert desk.get(reverse("desk:media_choose")).status_code == 200

    found = desk.get(reverse("desk:editor_image_search"), {"ids": str(waiting.pk)}).json()
    assert found["results"][0]["thumbnail"] == ""


def test_the_examples_in_the_docstrings_hold():
    import doctest

    assert doctest.testmod(services).failed == 0


def test_the_library_finds_the_pictures_waiting_for_their_file_and_those_that_failed(
    db, old_site, editor, make_image, fast_retries, django_capture_on_commit_callbacks
):
    uploaded = make_image(name="uploaded.png")
    with django_capture_on_commit_callbacks(execute=False):
        waiting = services.image_from_address(f"{old_site}/upright.jpg", language="en")
    failed = record(f"{old_site}/page.jpg", django_capture_on_commit_callbacks)
    run_jobs()  # the waiting picture's job was never enqueued: it waits
    desk = client_for(editor)

    def shown(**filters):
        page = desk.get(reverse("desk:media"), filters).content.decode()
        return {
            image.pk
            for image in (uploaded, waiting, failed)
            if reverse("desk:media_edit", args=[image.pk]) in page
        }

    assert shown() == {uploaded.pk, waiting.pk, failed.pk}
    assert shown(fetch="waiting") == {waiting.pk}
    assert shown(fetch="failed") == {failed.pk}


def test_an_import_run_again_tries_a_failed_fetch_once_more(
    db, old_site, fast_retries, django_capture_on_commit_callbacks
):
    address = f"{old_site}/moved-later.jpg"
    image = record(address, django_capture_on_commit_callbacks)
    run_jobs()
    image.refresh_from_db()
    assert image.fetch_error == Image.FetchError.REFUSED

    OldSite.files["/moved-later.jpg"] = upright_jpeg()  # the old site is back
    again = record(address, django_capture_on_commit_callbacks)
    run_jobs()
    again.refresh_from_db()
    assert again.pk == image.pk
    assert again.has_file and again.fetch_error == ""


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:9/photo.jpg",
        "http://169.254.169.254/latest/meta-data/photo.jpg",
        "http://[::ffff:10.0.0.1]/photo.jpg",
        "http://localhost:9/photo.jpg",
    ],
)
def test_a_picture_at_a_private_address_is_never_fetched(
    db, address, caplog, django_capture_on_commit_callbacks
):
    # A hostile export cannot make the server reach into its own network.
    image = record(address, django_capture_on_commit_callbacks)
    run_jobs()
    image.refresh_from_db()
    assert not image.has_file
    assert image.fetch_error == Image.FetchError.REFUSED
    assert "which is not a public address" in caplog.text
