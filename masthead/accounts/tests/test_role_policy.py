"""An administrator can require two-factor sign-in per role; a member of
such a role without it is sent to the setup page and gets nothing else in
the desk or the admin until it is done (enforced on every request)."""

import pytest
from django.urls import reverse

from masthead.accounts.models import RolePolicy
from masthead.accounts.roles import Role
from masthead.testing import password_of

from .twofactor_helpers import current_code, sign_in_with_password


@pytest.fixture
def editors_need_2fa(db):
    RolePolicy.objects.update_or_create(role=Role.EDITOR, defaults={"require_two_factor": True})


def test_there_is_one_policy_per_role_and_none_requires_it_at_first(db):
    assert set(RolePolicy.objects.values_list("role", flat=True)) == set(Role.values)
    assert not RolePolicy.objects.filter(require_two_factor=True).exists()


def test_it_sends_a_required_user_to_the_setup_page_after_the_password(
    client, editor, editors_need_2fa
):
    response = sign_in_with_password(client, editor, password_of("eda"))
    assert response["Location"] == reverse("desk:two_factor_setup")


def test_the_desk_and_the_admin_refuse_a_required_user_without_a_device(
    client, editor, editors_need_2fa, make_article
):
    article = make_article()
    client.force_login(editor)
    for url in [
        reverse("desk:home"),
        reverse("desk:articles"),
        reverse("desk:article_edit", args=[article.pk]),
        reverse("desk:two_factor"),
        reverse("desk:password_change"),
        reverse("admin:index"),
        reverse("admin:sections_section_changelist"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("desk:two_factor_setup"), url
    response = client.post(reverse("desk:article_publish", args=[article.pk]))
    assert response["Location"] == reverse("desk:two_factor_setup")
    assert client.get(reverse("desk:two_factor_setup")).status_code == 200


def test_once_set_up_the_required_user_gets_in(client, editor, editors_need_2fa):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(editor)
    client.get(reverse("desk:two_factor_setup"))
    device = TOTPDevice.objects.get(user=editor)
    client.post(reverse("desk:two_factor_setup"), {"code": current_code(device)})
    assert client.get(reverse("desk:home")).status_code == 200
    assert client.get(reverse("admin:index")).status_code == 200


def test_other_roles_are_not_affected(client, reporter, editors_need_2fa):
    client.force_login(reporter)
    assert client.get(reverse("desk:home")).status_code == 200


def test_a_superuser_holds_every_role_and_so_every_requirement(client, editors_need_2fa):
    from django.contrib.auth import get_user_model

    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-123")
    client.force_login(boss)
    assert client.get(reverse("admin:index"))["Location"] == reverse("desk:two_factor_setup")


def test_an_administrator_changes_the_policy_in_the_admin(client, administrator):
    client.force_login(administrator)
    changelist = reverse("admin:accounts_rolepolicy_changelist")
    assert client.get(changelist).status_code == 200
    policy = RolePolicy.objects.get(role=Role.EDITOR)
    response = client.post(
        reverse("admin:accounts_rolepolicy_change", args=[policy.pk]),
        {"require_two_factor": "on"},
    )
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.require_two_factor
