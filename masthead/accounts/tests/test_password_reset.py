"""Password reset by e-mail, through a real SMTP server: the link comes
from SITE_URL, works once, expires, and the form does not tell whether an
address has an account."""

import re
import time
from urllib.parse import urlsplit

import pytest
import time_machine
from django.urls import reverse

from masthead.audit.models import AuditEntry
from masthead.testing import password_of

from .twofactor_helpers import enable_two_factor, sign_in_with_password

NEW_PASSWORD = "Kaffeemaschine-Redaktion-7"


@pytest.fixture
def eda(editor, settings):
    settings.SITE_URL = "https://zeitung.example"
    settings.DEFAULT_FROM_EMAIL = "desk@zeitung.example"
    editor.email = "eda@zeitung.example"
    editor.save(update_fields=["email"])
    return editor


def ask_for_link(client, smtp_server, address="eda@zeitung.example", language="en"):
    before = len(smtp_server.messages)
    response = client.post(
        reverse("desk:password_reset"),
        {"email": address},
        HTTP_ACCEPT_LANGUAGE=language,
        HTTP_HOST="127.0.0.1:6666",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:password_reset_done")
    new = smtp_server.messages[before:]
    return new


def link_in(message) -> str:
    body = message.get_content()
    return re.search(r"https?://\S+", body).group(0)


def set_new_password(client, link):
    response = client.get(urlsplit(link).path, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"], "the link was refused"
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == reverse("desk:password_reset_complete")


def test_it_mails_a_link_that_sets_a_new_password_once(client, smtp_server, eda):
    [message] = ask_for_link(client, smtp_server)
    assert message["To"] == "eda@zeitung.example"
    assert message["From"] == "desk@zeitung.example"
    link = link_in(message)
    # Built from SITE_URL, never from the Host the request came with.
    assert link.startswith("https://zeitung.example/desk/password-reset/")
    assert "6666" not in message.get_content()
    assert "60 minutes" in message.get_content()

    set_new_password(client, link)
    eda.refresh_from_db()
    assert eda.check_password(NEW_PASSWORD)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PASSWORD_RESET)
    assert entry.actor == eda and entry.article_id is None

    response = sign_in_with_password(client, eda, NEW_PASSWORD)
    assert response["Location"] == reverse("desk:home")
    client.post(reverse("desk:logout"))

    # The same link a second time: refused.
    response = client.get(urlsplit(link).path, follow=True)
    assert not response.context["validlink"]
    assert "Dieser Link gilt nicht mehr" in response.text  # default language: German


def test_the_link_expires(client, smtp_server, eda, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3600
    [message] = ask_for_link(client, smtp_server)
    with time_machine.travel(time.time() + 3601):
        response = client.get(urlsplit(link_in(message)).path, follow=True)
    assert not response.context["validlink"]
    eda.refresh_from_db()
    assert eda.check_password(password_of("eda"))


def test_it_does_not_tell_whether_an_address_has_an_account(client, smtp_server, eda):
    known = client.post(
        reverse("desk:password_reset"), {"email": "eda@zeitung.example"}, follow=True
    )
    unknown = client.post(
        reverse("desk:password_reset"), {"email": "nobody@zeitung.example"}, follow=True
    )
    assert known.redirect_chain == unknown.redirect_chain

    # The same page, but for the (per-response) CSRF token.
    def without_token(text):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)

    assert without_token(known.text) == without_token(unknown.text)
    assert [m["To"] for m in smtp_server.messages] == ["eda@zeitung.example"]


def test_it_writes_the_mail_in_the_language_of_the_desk(client, smtp_server, eda):
    [message] = ask_for_link(client, smtp_server, language="de")
    assert message["Subject"] == "Ein neues Passwort für Masthead"
    assert "Minuten" in message.get_content()


def test_a_new_password_does_not_skip_the_second_factor(client, smtp_server, eda):
    enable_two_factor(eda)
    [message] = ask_for_link(client, smtp_server)
    set_new_password(client, link_in(message))
    response = sign_in_with_password(client, eda, NEW_PASSWORD)
    assert response["Location"] == reverse("desk:login_code")
    assert "_auth_user_id" not in client.session


def test_a_password_change_is_audited(client, eda):
    client.force_login(eda)
    response = client.post(
        reverse("desk:password_change"),
        {
            "old_password": password_of("eda"),
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response["Location"] == reverse("desk:two_factor")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PASSWORD_CHANGE, actor=eda).exists()
