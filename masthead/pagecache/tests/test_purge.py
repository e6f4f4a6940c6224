"""Front caches purged by content tags (pagecache/purge.py): the tags a page
carries, the tags a change purges, and what each kind of front cache is
sent, recorded by a real HTTP server standing in for Varnish, Fastly's,
Cloudflare's and CloudFront's APIs. Varnish itself, with two application
servers behind it, is tested in tests/test_front_cache.py."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.articles import services
from masthead.articles.models import Article, Correction
from masthead.lib import tags
from masthead.pagecache import purge
from masthead.pagecache.signal_handlers import tags_of_change
from masthead.pagecache.tests.conftest import commit_setup
from masthead.testing import run_jobs


class Recorder(ThreadingHTTPServer):
    """An HTTP server that writes down every request and answers each with
    ``status`` and ``body``."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[dict] = []
        self.status, self.body, self.content_type = 200, b"{}", "application/json"
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    def _any(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.server.requests.append(
            {
                "method": self.command,
                "path": self.path,
                "headers": self.headers,  # any case, as HTTP has it
                "body": self.rfile.read(length) if length else b"",
            }
        )
        self.send_response(self.server.status)
        self.send_header("Content-Type", self.server.content_type)
        self.send_header("Content-Length", str(len(self.server.body)))
        self.end_headers()
        self.wfile.write(self.server.body)

    do_GET = do_POST = do_PURGE = _any

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    server = Recorder()
    yield server
    server.shutdown()
    server.server_close()


pytestmark = pytest.mark.usefixtures("page_cache_on")


@pytest.fixture
def purged_by(settings, recorder, changes):
    """The tags a committed change purges from a Varnish (the recorder):
    ``purged_by(services.publish, article)``."""

    def run(function, *args, **kwargs) -> set[str]:
        commit_setup()  # the setup's own change purges nothing here
        settings.FRONT_CACHES = [f"varnish:{recorder.url}"]
        changes(function, *args, **kwargs)
        return {tag for r in recorder.requests for tag in r["headers"]["xkey-purge"].split()}

    return run


# What a page carries


@pytest.mark.django_db
def test_an_article_page_carries_the_tags_of_what_it_shows(
    client, settings, make_article, make_author, make_tag, author, world
):
    topic = make_tag("Haushalt")
    other = make_article("Ein anderer Artikel")
    article = make_article(tags=[topic])
    commit_setup()
    settings.FRONT_CACHES = ["varnish:http://127.0.0.1:9", "fastly:service", "cloudflare:zone"]
    response = client.get(article.get_absolute_url())
    assert response["X-Cache"] == "MISS"
    carried = set(response["xkey"].split())
    assert {
        f"article-{article.pk}",
        f"article-{other.pk}",  # in "Recent posts"
        f"author-{author.pk}",
        f"topic-{topic.pk}",
        f"section-{world.pk}",
        "lang-de",
        "all",
    } <= carried
    # The same tags for every kind of front cache, each in its header…
    assert set(response["Surrogate-Key"].split()) == carried
    assert set(response["Cache-Tag"].split(",")) == carried
    # …and kept with the stored page: a hit carries them too.
    hit = client.get(article.get_absolute_url())
    assert hit["X-Cache"] == "HIT"
    assert set(hit["xkey"].split()) == carried


@pytest.mark.django_db
def test_a_page_outside_any_language_carries_the_tag_for_those(client, settings, make_article):
    article = make_article()
    commit_setup()
    settings.FRONT_CACHES = ["varnish:http://127.0.0.1:9"]
    response = client.get("/news-sitemap.xml")
    assert response.status_code == 200
    assert set(response["xkey"].split()) == {"lang-any", "all"}
    # Which a change to any article purges.
    assert "lang-any" in tags_of_change(article)


@pytest.mark.django_db
def test_without_front_caches_no_tags_are_sent(client, make_article):
    article = make_article()
    response = client.get(article.get_absolute_url())
    for header in ("xkey", "Surrogate-Key", "Cache-Tag"):
        assert not response.has_header(header)


@pytest.mark.django_db
def test_no_front_cache_keeps_a_page_past_the_next_scheduled_article(client, make_article):
    make_article("Schon erschienen")
    make_article("Erscheint bald", publish_at=timezone.now() + timedelta(seconds=12))
    commit_setup()
    response = client.get("/de/")
    control = response["Cache-Control"]
    s_maxage = int(control.split("s-maxage=")[1].split(",")[0])
    assert 0 < s_maxage <= 12, control
    swr = int(control.split("stale-while-revalidate=")[1].split(",")[0])
    assert s_maxage + swr <= 12, control


def test_a_picture_notes_its_tag():
    with tags.watch() as shown:
        tags.note(tags.IMAGE, 7)
        tags.note(tags.ARTICLE, None)  # an unsaved article: nothing
    tags.note(tags.IMAGE, 8)  # outside a page: nothing
    assert shown == {"image-7"}


# What a change purges


@pytest.mark.django_db
def test_a_change_to_an_article_purges_its_language_and_its_own_tag(make_article, make_tag):
    article = make_article(language="en", headline="Council passes budget")
    assert tags_of_change(article) == {f"article-{article.pk}", "lang-en", "lang-any"}
    topic = make_tag("Budget", language="en")
    assert tags_of_change(article, {topic.pk}) >= {f"topic-{topic.pk}"}
    correction = Correction(article=article, text="Fixed.")
    assert tags_of_change(correction) == tags_of_change(article)


@pytest.mark.django_db
def test_a_change_to_what_an_article_says_purges_only_the_pages_that_show_it(
    make_article, author, purged_by
):
    article = make_article()
    article.headline, article.body = "Neue Überschrift", "<p>Neu.</p>"
    # Not its language: its lists stay as they were (the same place, the
    # same byline), and every page that shows it carries its tag.
    assert purged_by(services.save_article, article, authors=[author]) == {
        f"article-{article.pk}",
        "search-de",
        "lang-any",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        {"publish_at": timezone.now() - timedelta(minutes=5)},  # its place in the lists
        {"status": Article.Status.DRAFT},  # off every list
        {"breaking_until": timezone.now() + timedelta(hours=1)},  # the banner on every page
    ],
)
def test_a_change_to_where_an_article_is_listed_purges_its_language(
    change, make_article, author, purged_by
):
    article = make_article()
    for name, value in change.items():
        setattr(article, name, value)
    assert "lang-de" in purged_by(services.save_article, article, authors=[author])


@pytest.mark.django_db
def test_a_translation_published_purges_the_pages_of_its_other_versions(make_article, purged_by):
    # The German page's language switcher gains the English version, and
    # carries no tag of it yet: it carries its own.
    german = make_article()
    english = make_article(
        "Council passes budget", language="en", status=Article.Status.DRAFT, age=None,
        translation_key=german.translation_key,
    )  # fmt: skip
    purged = purged_by(services.publish, english, None)
    assert {f"article-{german.pk}", f"article-{english.pk}", "lang-en"} <= purged


@pytest.mark.django_db
def test_a_new_byline_purges_its_language(make_article, make_author, author, purged_by):
    # The new author's page lists it now, and does not carry its tag yet.
    article = make_article()
    authors = [author, make_author("Jonas Weber")]
    assert "lang-de" in purged_by(services.save_article, article, authors=authors)


@pytest.mark.django_db
def test_a_search_page_carries_the_search_tag(client, settings, make_article):
    make_article()
    commit_setup()
    settings.FRONT_CACHES = ["varnish:http://127.0.0.1:9"]
    response = client.get("/de/suche/?q=Haushalt")
    assert response.status_code == 200
    assert "search-de" in response["xkey"].split()


@pytest.mark.django_db
def test_others_purge_only_the_pages_that_show_them(author, world, make_image):
    image = make_image()
    assert tags_of_change(author) == {f"author-{author.pk}"}
    assert tags_of_change(world) == {f"section-{world.pk}"}
    assert tags_of_change(image) == {f"image-{image.pk}"}
    rendition = image.renditions.first()
    if rendition is not None:
        assert tags_of_change(rendition) == {f"image-{image.pk}"}


@pytest.mark.django_db
def test_a_committed_change_purges_every_front_cache_once(
    settings, recorder, make_article, django_capture_on_commit_callbacks
):
    settings.FRONT_CACHES = [f"varnish:{recorder.url}", "fastly:svc1", "cloudflare:zone1"]
    settings.FASTLY_API_URL = settings.CLOUDFLARE_API_URL = recorder.url
    settings.FASTLY_API_TOKEN, settings.CLOUDFLARE_API_TOKEN = "fastly-token", "cf-token"
    recorder.body = b'{"success": true, "errors": [], "messages": [], "result": {"id": "x"}}'
    article = make_article()
    commit_setup()
    recorder.requests.clear()
    DBTaskResult.objects.all().delete()  # the setup's
    with django_capture_on_commit_callbacks(execute=True):
        article.headline = "Der Rat beschließt den Haushalt doch nicht"
        services.save_article(article, authors=[article.authors.first()])
    expected = sorted({f"article-{article.pk}", "search-de", "lang-any"})
    varnish, fastly, cloudflare = recorder.requests
    # Varnish (the configuration `frontend_config --varnish` prints).
    assert (varnish["method"], varnish["path"]) == ("PURGE", "/")
    assert varnish["headers"]["xkey-purge"].split() == expected
    # Fastly's "purge multiple surrogate keys".
    assert (fastly["method"], fastly["path"]) == ("POST", "/service/svc1/purge")
    assert fastly["headers"]["Fastly-Key"] == "fastly-token"
    assert fastly["headers"]["Surrogate-Key"].split() == expected
    # Cloudflare's "purge cached content" by tags.
    assert (cloudflare["method"], cloudflare["path"]) == ("POST", "/zones/zone1/purge_cache")
    assert cloudflare["headers"]["Authorization"] == "Bearer cf-token"
    assert cloudflare["headers"]["Content-Type"] == "application/json"
    assert json.loads(cloudflare["body"]) == {"tags": expected}
    # Each is purged once more, five seconds on, by a job: a page being
    # rendered during the change may reach the front cache after the first.
    again = DBTaskResult.objects.filter(status="READY").order_by("run_after")
    assert [job.args_kwargs["args"][0] for job in again] == settings.FRONT_CACHES
    assert all(job.args_kwargs["args"][1] == expected for job in again)
    assert all(job.run_after > timezone.now() + timedelta(seconds=3) for job in again)


@pytest.mark.django_db
def test_a_change_without_signals_purges_every_page(settings, recorder):
    from masthead.pagecache.generation import bump

    settings.FRONT_CACHES = [f"varnish:{recorder.url}"]
    bump()  # as an import or a restore does
    assert [r["headers"]["xkey-purge"] for r in recorder.requests] == ["all"]
    recorder.requests.clear()
    bump(set())  # a generation begun by time: the pages expire by themselves
    assert recorder.requests == []


def test_long_purges_are_sent_in_chunks_each_api_takes(settings, recorder):
    settings.CLOUDFLARE_API_URL = recorder.url
    recorder.body = b'{"success": true}'
    many = [f"article-{n}" for n in range(65)]
    purge.Cloudflare("zone").purge(many)
    sent = [json.loads(r["body"])["tags"] for r in recorder.requests]
    assert [len(chunk) for chunk in sent] == [30, 30, 5]
    assert sum(sent, []) == many


def test_cloudflare_saying_no_is_a_failure(settings, recorder):
    settings.CLOUDFLARE_API_URL = recorder.url
    recorder.body = (
        b'{"success": false, "errors": [{"code": 10000, "message": "Authentication error"}]}'
    )
    with pytest.raises(purge.PurgeFailed, match="Authentication error"):
        purge.Cloudflare("zone").purge(["lang-de"])


def test_cloudfront_invalidates_every_path_with_a_signed_request(settings, recorder, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    settings.CLOUDFRONT_ENDPOINT_URL = recorder.url
    recorder.status, recorder.content_type = 201, "text/xml"
    recorder.body = (
        b'<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">'
        b"<Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status>"
        b"<CreateTime>2026-12-02T10:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>1"
        b"</Quantity><Items><Path>/*</Path></Items></Paths><CallerReference>x</CallerReference>"
        b"</InvalidationBatch></Invalidation>"
    )
    purge.CloudFront("E2QWRUHAPOMQZL").purge(["article-1", "lang-de"])
    (sent,) = recorder.requests
    assert sent["method"] == "POST"
    assert sent["path"] == "/2020-05-31/distribution/E2QWRUHAPOMQZL/invalidation"
    assert sent["headers"]["Authorization"].startswith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
    body = sent["body"].decode()
    assert "<Path>/*</Path>" in body and "<Quantity>1</Quantity>" in body


@pytest.mark.django_db
def test_a_failed_purge_is_tried_again_by_a_job(settings, recorder):
    settings.FRONT_CACHES = [f"varnish:{recorder.url}"]
    settings.JOBS_RETRY_SECONDS = 0
    recorder.status, recorder.body = 503, b"Backend fetch failed"
    purge.purge({"lang-de"})
    (waiting,) = DBTaskResult.objects.filter(status="READY")  # no second purge: a retry
    assert waiting.args_kwargs["args"] == [f"varnish:{recorder.url}", ["lang-de"]]
    recorder.status, recorder.body = 200, b"Purged 3 objects"
    run_jobs()
    assert [r["headers"]["xkey-purge"] for r in recorder.requests] == ["lang-de", "lang-de"]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    # Once it succeeded, its own second purge waits for its time.
    assert DBTaskResult.objects.filter(status="READY").count() == 0


@pytest.mark.django_db
def test_with_jobs_run_at_once_a_failed_purge_is_logged_not_raised(settings, recorder, caplog):
    # The change is committed already; the editor's request must not fail.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.FRONT_CACHES = [f"varnish:{recorder.url}"]
    recorder.status = 503
    purge.purge({"lang-de"})
    assert len(recorder.requests) == 1
    assert "not tried again" in caplog.text


def test_a_front_cache_is_written_as_kind_and_address():
    assert purge.parse("cloudfront:E2QWRUHAPOMQZL") == purge.CloudFront("E2QWRUHAPOMQZL")
    with pytest.raises(ValueError, match="not a front cache"):
        purge.parse("squid:http://127.0.0.1")


def test_page_tags_name_the_language_or_none():
    assert purge.page_tags("de", {"article-1"}) == {"article-1", "lang-de", "all"}
    assert purge.page_tags(None, set()) == {"lang-any", "all"}


@pytest.mark.django_db
def test_an_article_deleted_purges_through_its_own_signal(make_article):
    article = make_article()
    byline = article.bylines.first()
    Article.objects.filter(pk=article.pk).delete()
    assert tags_of_change(byline) == set()
