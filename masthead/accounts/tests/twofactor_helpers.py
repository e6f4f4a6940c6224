"""Helpers for the two-factor tests: codes computed the way an
authenticator app computes them (RFC 6238, django-otp's own HOTP)."""

import time

from django.urls import reverse
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from masthead.accounts import twofactor


def code_at(device: TOTPDevice, t: int) -> str:
    """The code of time step ``t`` (30-second steps since the epoch)."""
    return str(hotp(device.bin_key, t, digits=device.digits)).zfill(device.digits)


def current_code(device: TOTPDevice) -> str:
    return code_at(device, int(time.time()) // device.step)


def next_code(device: TOTPDevice) -> str:
    """A code the device has not seen yet: the step after the last one used
    (an authenticator may run a step ahead; one code never works twice)."""
    device.refresh_from_db()
    return code_at(device, max(device.last_t + 1, int(time.time()) // device.step))


def enable_two_factor(user) -> tuple[TOTPDevice, list[str]]:
    """Two-factor sign-in for ``user`` as the setup page leaves it."""
    from django.test import RequestFactory

    request = RequestFactory().post("/")
    request.user = user
    request.session = {}
    device = twofactor.unconfirmed_device(user)
    codes = twofactor.confirm_device(request, device, current_code(device))
    assert codes is not None
    device.refresh_from_db()
    return device, codes


def sign_in_with_password(client, user, password, next_url=""):
    data = {"username": user.get_username(), "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("desk:login"), data)
