"""Every surface sends a strict Content-Security-Policy (no 'unsafe-inline'
for scripts), a Permissions-Policy and the report endpoint; reader pages
carry no nonce, so the page cache and the front end's files can keep their
header; the desk and the admin put this request's nonce on the editor's
import map. HSTS only when the site runs on HTTPS (SECURE_COOKIES)."""

import re
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

NONCE = re.compile(r"'nonce-([A-Za-z0-9+/=]+)'")


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_strict(response):
    policy = directives(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["report-uri"] == ["/csp-report/"]
    assert policy["report-to"] == ["csp"]
    assert response["Reporting-Endpoints"] == 'csp="/csp-report/"'
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "interest-cohort", "browsing-topics"):
        assert f"{feature}=()" in permissions
    # Only the video players a reader's click loads may start playing.
    assert 'autoplay=("https://www.youtube-nocookie.com" "https://player.vimeo.com")' in permissions
    assert "Strict-Transport-Security" not in response  # plain HTTP, SECURE_COOKIES off
    return policy


def reader_urls(article):
    with translation.override("de"):
        return [
            reverse("articles:home"),
            article.get_absolute_url(),
            article.section.get_absolute_url(),
            reverse("articles:corrections"),
            "/de/gibt-es-nicht/",
        ]


@pytest.mark.django_db
def test_reader_pages_have_a_strict_policy_without_nonce(client, make_article):
    article = make_article()
    for url in reader_urls(article):
        response = client.get(url)
        policy = assert_strict(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"][0] == "'self'", url
        assert "'unsafe-inline'" not in policy["style-src"], url
        assert not NONCE.search(response["Content-Security-Policy"])
        assert "<script>" not in response.content.decode()
        assert " style=" not in response.content.decode()


@pytest.mark.django_db
def test_cached_reader_pages_keep_the_policy(client, make_article, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    article = make_article()
    first = client.get(article.get_absolute_url())
    second = client.get(article.get_absolute_url())
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for name in ("Content-Security-Policy", "Permissions-Policy", "Reporting-Endpoints"):
        assert second[name] == first[name]
    cache.clear()


def test_desk_pages_have_a_strict_policy(client, editor_client, make_article):
    article = make_article()
    login = client.__class__().get(reverse("desk:login"))
    assert_strict(login)
    for name in ("desk:home", "desk:articles", "desk:audit"):
        assert_strict(editor_client.get(reverse(name)))
    assert_strict(editor_client.get(reverse("desk:article_revisions", args=[article.pk])))


def test_the_editor_page_puts_the_nonce_on_its_import_map(editor_client, make_article):
    article = make_article()
    response = editor_client.get(reverse("desk:article_edit", args=[article.pk]))
    policy = assert_strict(response)
    nonce = NONCE.search(" ".join(policy["script-src"]))[1]
    assert f"'nonce-{nonce}'" in policy["style-src"]
    page = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert any('type="importmap"' in tag for tag in scripts)
    for tag in scripts:
        # Inline scripts (the import map) need the nonce; the rest come from files.
        assert f'nonce="{nonce}"' in tag or " src=" in tag, tag
    # Another request, another nonce.
    again = editor_client.get(reverse("desk:article_edit", args=[article.pk]))
    assert nonce not in again["Content-Security-Policy"]


def test_admin_pages_have_a_strict_policy(admin_client, make_article):
    article = make_article()
    assert_strict(admin_client.get(reverse("admin:index")))
    assert_strict(admin_client.get(reverse("admin:articles_article_changelist")))
    response = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    policy = assert_strict(response)
    nonce = NONCE.search(" ".join(policy["script-src"]))[1]
    assert re.search(rf'<script type="importmap" nonce="{re.escape(nonce)}">', response.text)


@pytest.mark.django_db
def test_hsts_is_sent_on_https_only_with_secure_cookies(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/robots.txt", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/robots.txt")


def settings_with(**env) -> dict:
    """Settings as a fresh process reads them from the environment."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({k: getattr(settings, k, None) for k in ("
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_PRELOAD', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE')}))"
    )
    import json
    import os

    environ = os.environ | {"DJANGO_SETTINGS_MODULE": "masthead.settings"} | env
    environ.pop("SECURE_COOKIES", None) if "SECURE_COOKIES" not in env else None
    result = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_secure_cookies_turn_on_hsts_with_a_configurable_max_age(tmp_path):
    var = {"MASTHEAD_VAR_DIR": str(tmp_path)}
    plain = settings_with(**var)
    assert not plain["SECURE_HSTS_SECONDS"]
    assert not plain["SESSION_COOKIE_SECURE"]
    secure = settings_with(SECURE_COOKIES="true", **var)
    assert secure["SECURE_HSTS_SECONDS"] == 31536000
    assert secure["SECURE_HSTS_PRELOAD"] is False
    assert secure["SESSION_COOKIE_SECURE"] and secure["CSRF_COOKIE_SECURE"]
    tuned = settings_with(SECURE_COOKIES="true", HSTS_SECONDS="600", HSTS_PRELOAD="true", **var)
    assert (tuned["SECURE_HSTS_SECONDS"], tuned["SECURE_HSTS_PRELOAD"]) == (600, True)


@pytest.mark.django_db
def test_uploads_are_served_under_their_own_policy(client, settings):
    (settings.MEDIA_ROOT / "a").mkdir(parents=True)
    (settings.MEDIA_ROOT / "a" / "b.png").write_bytes(b"\x89PNG")
    response = client.get("/media/a/b.png")
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )


def test_the_policy_allows_the_editors_own_stylesheet_by_its_hash(settings):
    """Tiptap inserts its base CSS as a <style> element (a template literal in
    the editor's bundle); the policy must name its hash, and nothing more."""
    import base64
    import hashlib
    from pathlib import Path

    import django_prose_editor

    bundle = Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js"
    sheets = re.findall(r"`(\.ProseMirror \{[^`]*)`", bundle.read_text())
    assert sheets, "the editor's stylesheet was not found in its bundle"
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in sheets
    }
    style_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    assert hashes == {s for s in style_src if str(s).startswith("'sha256-")}


@pytest.mark.django_db
def test_the_policy_lets_readers_see_the_embeds_and_images_that_bodies_may_hold(client):
    from urllib.parse import urlsplit

    from masthead.lib import embeds
    from masthead.lib.html import URL_SCHEMES

    policy = directives(client.get(reverse("articles:home")))
    # Frames from the embed providers, from nowhere else (masthead/lib/embeds.py).
    assert policy["frame-src"] == ["'self'", *embeds.frame_origins()]
    for provider in embeds.providers():
        for origin in provider.frame_origins:
            assert origin in policy["frame-src"], provider.name
    for address in ("https://youtu.be/dQw4w9WgXcQ", "https://datawrapper.dwcdn.net/AbC12/"):
        parts = urlsplit(embeds.find(address).src)
        assert f"{parts.scheme}://{parts.netloc}" in policy["frame-src"], address
    # The sanitiser keeps <img src="https://…">; the policy must show it.
    assert "https" in URL_SCHEMES and "https:" in policy["img-src"]
