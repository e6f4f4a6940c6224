"""The tokens of preview links: one object makes them and checks them.

A preview link's address (/preview/<token>/) carries a token that proves
it: the link's id, signed with the secret key and the time the link was
created. Signed with the creation time rather than the clock, the token is
the same whenever it is computed: the one ``services.share_preview``
returns, the one the desk's "Preview links" panel shows, one computed a
week later. So checking a token is making it again and comparing, as
Django's PasswordResetTokenGenerator does (django/contrib/auth/tokens.py),
and the two directions cannot drift apart.

The token says which link; whether the link still opens its article is the
database's answer: it must be neither revoked nor expired.
"""

from django.core import signing
from django.utils.crypto import constant_time_compare

from .models import PreviewLink

PREVIEW_SALT = "masthead.preview-link"


class _CreationTimeSigner(signing.TimestampSigner):
    """A TimestampSigner that stamps the link's creation time instead of
    the current time."""

    def __init__(self, link: PreviewLink, **kwargs):
        super().__init__(**kwargs)
        self.link = link

    def timestamp(self):
        return signing.b62_encode(int(self.link.created_at.timestamp()))


class PreviewTokenGenerator:
    salt = PREVIEW_SALT

    def make_token(self, link: PreviewLink) -> str:
        """The token of ``link``: the same for the same link, every time."""
        return _CreationTimeSigner(link, salt=self.salt).sign_object(link.pk, compress=True)

    def check_token(self, token: str) -> PreviewLink | None:
        """The link ``token`` was made for, while it opens its article: the
        token is signed by this site, it is the very token ``make_token``
        gives for that link, and the link is neither revoked nor expired.
        None otherwise."""
        try:
            pk = signing.TimestampSigner(salt=self.salt).unsign_object(token)
        except signing.BadSignature:
            return None
        link = PreviewLink.objects.select_related("article").filter(pk=pk).first()
        if link is None or not link.is_valid:
            return None
        if not constant_time_compare(token, self.make_token(link)):
            return None
        return link


preview_tokens = PreviewTokenGenerator()
