"""No crafted value makes a desk or admin page fail, and none changes a row.

Every route under /desk/ and /admin/ is found in the URLconf, so a new
route is covered without touching this file. A signed-in administrator
(every role's rights) opens each one; the names of the fields and query
parameters it takes are read from the page itself (its forms and its
links, e.g. the admin's filters) plus the query parameters that views read
without a form. Hypothesis then sends, as query parameters (GET) and as
form fields (POST), numbers beyond the 64-bit range, digits of other
scripts ("²", "٣"), empty and oversized values, and the test asserts:

- no answer is a 5xx (the test client also re-raises any exception);
- no row of any table changed, except on the routes whose POST *is* the
  action (publish, delete, sign out …: ACTIONS), which are still checked
  for 5xx.

Each request runs in a savepoint that is rolled back, so examples do not
depend on each other. Examples are derandomized (the same on every run)
and bounded: see the "crafted" settings profile below.
"""

import hashlib
from urllib.parse import parse_qsl, urlsplit

import lxml.html
import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib import admin
from django.db import transaction
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.articles import services
from masthead.articles.models import Article
from masthead.lib.numbers import MAX_ID
from masthead.lib.tests.jobs import always_fail
from masthead.testing import run_jobs
from masthead.webhooks.models import Delivery, Event, Subscription

settings.register_profile(
    "crafted",
    max_examples=8,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Query parameters that views read without a form on the page.
QUERY_NAMES = ("a", "b", "before", "after", "page", "p", "o", "q", "e", "article", "next")

# Routes whose POST is the action itself, whatever else is sent: a POST
# there changes rows by design (the crafted values are still sent, and
# still must not cause a 5xx).
ACTIONS = {
    "desk:logout",
    "desk:article_publish",
    "desk:article_unpublish",
    "desk:article_submit",
    "desk:article_return",
    "desk:article_translate",
    "desk:article_revision_restore",
    "desk:preview_link_create",
    "desk:preview_link_revoke",
    "admin:logout",
    # These store any text as typed ("²" is fine in a correction or in the
    # editor's safety copy).
    "desk:correction_add",
    "desk:article_autosave",
    "desk:job_retry",
    "desk:webhook_disable",
    "desk:webhook_enable",
    "desk:webhook_resend",
}
# The admin's delete confirmation page: its POST deletes.
ACTION_SUFFIXES = ("_delete",)


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            name = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            yield from _walk(pattern.url_patterns, name)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern


def desk_and_admin_routes() -> list[tuple[str, list[str]]]:
    """(name, names of the path's arguments) of every named desk and admin route."""
    routes = []
    for name, pattern in _walk(get_resolver().url_patterns):
        if name.split(":")[0] in ("desk", "admin"):
            routes.append((name, sorted(pattern.pattern.regex.groupindex)))
    return routes


ROUTES = desk_and_admin_routes()

# What the strategies send.
HUGE = st.one_of(
    st.integers(min_value=MAX_ID + 1, max_value=10**40),
    st.integers(min_value=-(10**40), max_value=-(MAX_ID + 2)),
).map(str)
OTHER_DIGITS = st.text(
    alphabet=st.characters(categories=["Nd", "No"], exclude_characters="0123456789"),
    min_size=1,
    max_size=20,
)
OVERSIZED = st.sampled_from(["9" * 5_000, "x" * 100_000, "#" + "²" * 3_000])
CRAFTED = st.one_of(
    HUGE,
    OTHER_DIGITS,
    OTHER_DIGITS.map(lambda digits: "#" + digits),
    st.just(""),
    OVERSIZED,
)


def values_for(names):
    """Some of ``names`` (each present or not), each with a crafted value."""
    return st.fixed_dictionaries({name: st.one_of(st.none(), CRAFTED) for name in names}).map(
        lambda drawn: {name: value for name, value in drawn.items() if value is not None}
    )


@pytest.fixture
def newsroom(administrator, make_article, make_tag, author):
    """An article with two revisions, a tag, a preview link, a correction."""
    tag = make_tag("Haushalt")
    article = make_article(tags=[tag])
    article.headline = "Der Rat beschließt den Haushalt, zweite Fassung"
    article = services.save_article(article, authors=[author], tags=[tag], user=administrator)
    services.add_correction(article, "Eine Zahl war falsch.", user=administrator)
    link, _token = services.share_preview(article, administrator)
    # A row for each admin page about one object: an authenticator (not
    # confirmed, else every page would ask for its code first), a throttled
    # sign-in attempt.
    TOTPDevice.objects.create(user=administrator, name="Telefon", confirmed=False)
    AccessAttempt.objects.create(
        username="eda", ip_address="192.0.2.1", user_agent="", path_info="/desk/login/",
        failures_since_start=1, get_data="", post_data="", http_accept="",
    )  # fmt: skip
    always_fail.enqueue("kaputt")  # a job that failed for good, to retry
    run_jobs()
    job = always_fail.enqueue("wartet")
    # A webhook with a delivery that failed, to send again.
    hook = Subscription.objects.create(
        url="https://apps.example.org/hook", events=["article.published"]
    )
    event = Event.objects.create(
        type="article.published", occurred_at=timezone.now(), article_id=article.pk, body="{}"
    )
    delivery = Delivery.objects.create(event=event, subscription=hook, state="failed")
    return {
        "article": article, "link": link, "user": administrator, "tag": tag, "job": job.id,
        "webhook": hook.pk, "delivery": delivery.pk,
    }  # fmt: skip


def path_kwargs(name: str, arguments: list[str], newsroom) -> dict:
    """Path arguments naming existing objects, so that the page itself is reached."""
    article, user = newsroom["article"], newsroom["user"]
    values = {
        # Jobs are named by a UUID.
        "pk": (
            newsroom["job"]
            if name == "desk:job_retry"
            else newsroom["webhook"]
            if name.startswith("desk:webhook")
            else article.pk
        ),
        "delivery": newsroom["delivery"],
        "link_pk": newsroom["link"].pk,
        "number": 1,
        "language": "en",
        "app_label": "articles",
        "id": user.pk,
    }
    if "object_id" in arguments:
        if "content_type_id" in arguments:
            from django.contrib.contenttypes.models import ContentType

            values["content_type_id"] = ContentType.objects.get_for_model(Article).pk
            values["object_id"] = article.pk
        else:
            values["object_id"] = admin_model(name)._base_manager.order_by("pk").first().pk
    if "uidb64" in arguments:  # a password reset link
        values["uidb64"] = urlsafe_base64_encode(str(user.pk).encode())
        values["token"] = "set-password"
    return {argument: values[argument] for argument in arguments if argument in values}


def admin_model(name: str):
    """The model of an admin route: "admin:otp_totp_totpdevice_change" is
    TOTPDevice (an app label may hold underscores)."""
    route = name.split(":")[1]
    for model in admin.site._registry:
        if route.startswith(f"{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    raise LookupError(name)


def field_names(client, url: str) -> tuple[list[str], list[str]]:
    """(query names, form field names) that the page at ``url`` offers."""
    response = client.get(url)
    queries, fields = set(QUERY_NAMES), set()
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        root = lxml.html.fromstring(response.content)
        for element in root.xpath("//form//*[@name]"):
            fields.add(element.get("name"))
        for href in root.xpath("//a/@href"):
            parts = urlsplit(href)
            if not parts.path or parts.path == url:
                queries.update(key for key, _value in parse_qsl(parts.query))
    fields.discard("csrfmiddlewaretoken")
    return sorted(queries | fields), sorted(fields)


def snapshot() -> str:
    """A digest of every row of every table (sessions aside)."""
    digest = hashlib.sha256()
    for model in apps.get_models():
        if model._meta.label == "sessions.Session":
            continue
        for row in model._base_manager.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def send(client, method: str, url: str, data: dict):
    """The request in a savepoint that is rolled back; the response."""
    with transaction.atomic():
        response = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize(("name", "arguments"), ROUTES, ids=[name for name, _ in ROUTES])
def test_no_crafted_value_fails_or_changes_a_row(client, newsroom, name, arguments):
    client.force_login(newsroom["user"])
    url = reverse(name, kwargs=path_kwargs(name, arguments, newsroom))
    queries, fields = field_names(client, url)
    action = name in ACTIONS or name.endswith(ACTION_SUFFIXES)
    before = snapshot()

    @settings(settings.get_profile("crafted"))
    @given(query=values_for(queries), form=values_for(fields or queries))
    def check(query, form):
        response = send(client, "get", url, query)
        assert response.status_code < 500, (name, "GET", query)
        response = send(client, "post", url, form)
        assert response.status_code < 500, (name, "POST", form)
        if action:
            # Signed out, perhaps: sign in again (an action changes rows anyway).
            client.force_login(newsroom["user"])
        else:
            assert snapshot() == before, (name, "POST", form)

    check()


@pytest.mark.parametrize(("name", "arguments"), ROUTES, ids=[name for name, _ in ROUTES])
def test_a_number_beyond_the_range_in_the_path_is_not_a_500(client, newsroom, name, arguments):
    client.force_login(newsroom["user"])
    kwargs = path_kwargs(name, arguments, newsroom)
    for argument in ("pk", "link_pk", "number", "id", "object_id"):
        if argument in kwargs:
            kwargs[argument] = "9" * 20
    try:
        url = reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        pytest.skip("its path takes no number (a job's is a UUID)")
    for method in ("get", "post"):
        response = send(client, method, url, {})
        assert response.status_code < 500, (name, method)
