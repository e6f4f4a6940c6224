"""Passkeys (WebAuthn) as a second factor, with django-otp-webauthn.

A passkey is a django-otp device, like the authenticator app: after the
password, the browser signs a challenge with it instead of the editor
typing a code (accounts/passkey_views.py, masthead/static/masthead/
desk-passkeys.js). It never replaces the password: signing in with a
passkey alone would go round the sign-in throttle and the password policy
(``OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False``).

A passkey belongs to a domain name, the "relying party": here the host of
``SITE_URL``, the newsroom's address, never the request's Host header.
Browsers offer WebAuthn only on a secure origin (HTTPS, or
http://localhost) and only for a domain name, not an IP address; where
the site's address is neither, passkeys are not offered (``available``).
"""

from ipaddress import ip_address
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential

from masthead.lib.text import clean_line

NAME_MAX_LENGTH = WebAuthnCredential._meta.get_field("name").max_length


def _site() -> tuple[str, str, str]:
    """The scheme, host and origin of SITE_URL."""
    parts = urlsplit(settings.SITE_URL)
    return parts.scheme, parts.hostname or "", f"{parts.scheme}://{parts.netloc}"


def relying_party_id(request=None) -> str:
    return _site()[1]


def relying_party_name(request=None) -> str:
    return settings.SITE_NAME


def allowed_origins() -> list[str]:
    return [_site()[2]]


def available() -> bool:
    """Whether browsers will create and use passkeys for this site."""
    scheme, host, _origin = _site()
    try:
        ip_address(host)
    except ValueError:
        pass
    else:
        return False
    local = host == "localhost" or host.endswith(".localhost")
    return bool(host) and (scheme == "https" or local)


class PasskeyHelper(WebAuthnHelper):
    """The library's helper, with the origins taken from SITE_URL."""

    def get_allowed_origins(self) -> list[str]:
        return allowed_origins()


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def has_passkey(user) -> bool:
    return passkeys_of(user).exists()


def name_for(text, user) -> str:
    """The name an editor gave a new passkey ("Laptop"), or "Passkey N"."""
    name = clean_line(str(text or "")).strip()[:NAME_MAX_LENGTH]
    if name:
        return name
    number = WebAuthnCredential.objects.filter(user=user).count()
    return gettext("Passkey %(number)s") % {"number": number}
