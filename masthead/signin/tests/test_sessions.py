"""Each user sees their signed-in browsers and can sign out the others;
administrators can do so for everyone (masthead/signin/desk_views.py)."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from masthead.audit.models import AuditEntry
from masthead.signin.models import SignInSession
from masthead.signin.services import active_sessions

from .helpers import is_signed_in, sign_in

pytestmark = pytest.mark.django_db

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def browser(user_agent, address="127.0.0.1"):
    return Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def eda_twice(editor):
    """eda, signed in on a laptop and on a phone."""
    laptop, phone = browser(FIREFOX), browser(IPHONE, "198.51.100.4")
    assert sign_in(laptop, "eda").status_code == 302
    assert sign_in(phone, "eda").status_code == 302
    return laptop, phone


def test_it_lists_the_users_sessions(eda_twice):
    laptop, _ = eda_twice

    page = laptop.get("/desk/sessions/").content.decode()

    assert "Firefox on Linux" in page
    assert "Safari on iOS" in page
    assert "198.51.100.4" in page
    assert page.count("(this browser)") == 1
    assert page.count("Sign out this browser") == 1
    assert "Other users" not in page


def test_signing_out_another_browser_ends_its_session(eda_twice):
    laptop, phone = eda_twice
    on_phone = SignInSession.objects.get(user_agent=IPHONE)

    response = laptop.post(f"/desk/sessions/{on_phone.pk}/end/")

    assert response.status_code == 302
    assert phone.get("/desk/").status_code == 302  # to the sign-in page
    assert not is_signed_in(phone)
    assert laptop.get("/desk/").status_code == 200
    assert not Session.objects.filter(session_key=on_phone.session_key).exists()
    assert list(SignInSession.objects.values_list("user_agent", flat=True)) == [FIREFOX]
    ended = AuditEntry.objects.get(action="end_session")
    assert (ended.actor_name, ended.details["user"]) == ("eda", "eda")


def test_sign_out_everywhere_else(eda_twice, editor):
    laptop, phone = eda_twice
    tablet = browser("Tablet")
    sign_in(tablet, "eda")

    laptop.post("/desk/sessions/end-others/")

    assert not is_signed_in(phone)
    assert not is_signed_in(tablet)
    assert is_signed_in(laptop)
    assert SignInSession.objects.count() == 1


def test_it_does_not_end_the_current_session_from_the_list(eda_twice):
    laptop, _ = eda_twice
    here = SignInSession.objects.get(user_agent=FIREFOX)

    laptop.post(f"/desk/sessions/{here.pk}/end/")

    assert is_signed_in(laptop)


def test_a_user_cannot_end_someone_elses_session(eda_twice, reporter):
    _, phone = eda_twice
    ron = browser(FIREFOX)
    sign_in(ron, "ron")
    on_phone = SignInSession.objects.get(user_agent=IPHONE)

    response = ron.post(f"/desk/sessions/{on_phone.pk}/end/")
    page = ron.get("/desk/sessions/").content.decode()

    assert response.status_code == 404
    assert is_signed_in(phone)
    assert phone.get("/desk/").status_code == 200
    assert "198.51.100.4" not in page


def test_an_administrator_sees_and_ends_anyones_session(eda_twice, administrator):
    _, phone = eda_twice
    ada = browser(FIREFOX)
    sign_in(ada, "ada")
    on_phone = SignInSession.objects.get(user_agent=IPHONE)

    page = ada.get("/desk/sessions/").content.decode()
    response = ada.post(f"/desk/sessions/{on_phone.pk}/end/")

    assert "Other users" in page
    assert "198.51.100.4" in page
    assert response.status_code == 302
    assert not is_signed_in(phone)
    ended = AuditEntry.objects.get(action="end_session")
    assert (ended.actor_name, ended.details["user"]) == ("ada", "eda")


def test_it_forgets_the_session_on_sign_out(eda_twice):
    laptop, _ = eda_twice

    laptop.post("/desk/logout/")

    assert list(SignInSession.objects.values_list("user_agent", flat=True)) == [IPHONE]


def test_it_writes_last_activity_at_most_once_per_interval(eda_twice, settings):
    laptop, _ = eda_twice
    here = SignInSession.objects.get(user_agent=FIREFOX)
    signed_in_at = here.last_seen_at

    laptop.get("/desk/")
    laptop.get("/desk/articles/")
    here.refresh_from_db()
    assert here.last_seen_at == signed_in_at

    settings.SESSION_SEEN_INTERVAL = 0
    laptop.get("/desk/")
    here.refresh_from_db()
    assert here.last_seen_at > signed_in_at


def test_it_leaves_out_sessions_that_expired(eda_twice):
    laptop, _ = eda_twice
    on_phone = SignInSession.objects.get(user_agent=IPHONE)
    Session.objects.filter(session_key=on_phone.session_key).delete()

    page = laptop.get("/desk/sessions/").content.decode()

    assert "Safari on iOS" not in page
    assert not SignInSession.objects.filter(pk=on_phone.pk).exists()


@pytest.mark.parametrize("url", ["/desk/sessions/1/end/", "/desk/sessions/end-others/"])
def test_strangers_cannot_end_sessions(eda_twice, outsider, client, url):
    stranger = Client()
    stranger.force_login(outsider)

    anonymous = client.post(url)
    not_staff = stranger.post(url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/desk/login/")
    assert not_staff.status_code == 403
    assert all(is_signed_in(c) for c in eda_twice)


def test_signing_in_over_another_accounts_session_is_listed(eda_twice, editor, reporter):
    laptop, _ = eda_twice

    sign_in(laptop, "ron")

    assert list(
        SignInSession.objects.filter(user=reporter).values_list("user_agent", flat=True)
    ) == [FIREFOX]
    # eda's laptop session went with the switch; her list leaves it out.
    assert [s.user_agent for s in active_sessions(editor)] == [IPHONE]
