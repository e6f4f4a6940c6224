"""Webhooks send only to https:// addresses on the public internet, unless
the settings allow more: the form refuses what it can tell, and every try
checks the addresses a name resolves to (no request to this machine or a
private network through a name)."""

import pytest
from django.urls import reverse

from masthead.lib import network
from masthead.testing import client_for
from masthead.webhooks import delivery
from masthead.webhooks.forms import SubscriptionForm
from masthead.webhooks.models import Attempt

from .receivers import Receiver


@pytest.fixture
def strict(settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False


def errors(url):
    form = SubscriptionForm({"url": url, "events": ["article.published"]})
    form.is_valid()
    return form.errors.get("url", [])


@pytest.mark.parametrize(
    "url",
    [
        "http://news-app.example.org/hook",
        "https://localhost/hook",
        "https://127.0.0.1/hook",
        "https://[::1]/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://printer.local/hook",
        "https://user:secret@news-app.example.org/hook",
        "ftp://news-app.example.org/hook",
    ],
)
def test_the_form_refuses(strict, db, url):
    assert errors(url)


def test_the_form_takes_a_public_https_address(strict, db):
    assert errors("https://news-app.example.org/hook") == []
    assert errors("https://93.184.215.14/hook") == []


def test_the_settings_allow_local_receivers(db, settings):
    settings.WEBHOOKS_ALLOW_HTTP = True
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    assert errors("http://127.0.0.1:8080/hook") == []


def test_a_try_refuses_a_name_that_resolves_to_this_machine(
    strict, subscribe, make_article, commit
):
    with Receiver() as receiver:
        # "localhost" passes no form; a stored or changed name might still
        # point here: the try checks what the name resolves to.
        port = receiver.server.server_address[1]
        subscribe(f"https://localhost:{port}/hook")
        with commit():
            make_article()
    assert receiver.received == []
    attempts = list(Attempt.objects.all())
    assert attempts and all(not a.ok for a in attempts)
    assert attempts[0].outcome == "refused"
    assert "is not a public address" in attempts[0].error


def test_plain_http_is_refused_at_the_try_too(db, settings):
    settings.WEBHOOKS_ALLOW_HTTP = False
    with pytest.raises(delivery.Refused):
        delivery.post("http://127.0.0.1:9/hook", b"{}", {}, 1)


@pytest.mark.parametrize(
    "address, public",
    [
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("169.254.169.254", False),  # cloud metadata
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:10.0.0.1", False),
        ("0.0.0.0", False),  # noqa: S104 (an address to refuse, not one to bind)
        ("224.0.0.1", False),
        ("2002:a00:1::", False),  # 6to4 of 10.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of the cloud metadata address
        ("64:ff9b::5db8:d70e", True),  # NAT64 of a public address
        ("64:ff9b:1::1", False),  # NAT64 for local use
    ],
)
def test_public_addresses(address, public):
    assert network.is_public_address(address) is public


def test_the_add_form_says_why(administrator, strict):
    client = client_for(administrator)
    page = client.post(
        reverse("desk:webhook_create"),
        {"url": "https://127.0.0.1/hook", "events": ["article.published"]},
    )
    assert page.status_code == 200
    assert "must be on the public internet" in page.content.decode()
