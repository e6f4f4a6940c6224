"""The token of a preview link: one maker (masthead.articles.tokens) gives
the same token for a link whenever it is asked, and only that token, for a
link neither revoked nor expired, opens the link again."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import signing

from masthead.articles import services
from masthead.articles.models import Article, PreviewLink
from masthead.articles.tokens import PREVIEW_SALT, preview_tokens

NOON = datetime(2026, 11, 25, 12, 0, 0, 400_000, tzinfo=UTC)


@pytest.fixture
def draft(make_article):
    return make_article("Geheimer Entwurf", status=Article.Status.DRAFT, age=None)


def test_it_gives_the_token_share_preview_returned_whenever_it_is_asked(draft):
    with time_machine.travel(NOON, tick=False):
        link, token = services.share_preview(draft)
        assert preview_tokens.make_token(link) == token
    # A second later (the old maker signed the clock, not the link) and a
    # week later, from the row as the database returns it.
    for later in (timedelta(seconds=1), timedelta(minutes=5), timedelta(days=6)):
        with time_machine.travel(NOON + later, tick=False):
            assert preview_tokens.make_token(link) == token
            assert preview_tokens.make_token(PreviewLink.objects.get(pk=link.pk)) == token


def test_each_link_has_its_own_token(draft):
    first, first_token = services.share_preview(draft)
    second, second_token = services.share_preview(draft)
    assert first_token != second_token
    assert preview_tokens.check_token(first_token) == first
    assert preview_tokens.check_token(second_token) == second


def test_the_token_opens_its_link_until_it_expires(draft):
    with time_machine.travel(NOON, tick=False):
        link, token = services.share_preview(draft, days=7)
    with time_machine.travel(NOON + timedelta(days=6, hours=23), tick=False):
        assert preview_tokens.check_token(token) == link
    with time_machine.travel(NOON + timedelta(days=7, seconds=1), tick=False):
        assert preview_tokens.check_token(token) is None


def test_a_link_created_already_expired_opens_nothing(draft):
    _link, token = services.share_preview(draft, days=-1)
    assert preview_tokens.check_token(token) is None


def test_a_revoked_link_opens_nothing(draft):
    link, token = services.share_preview(draft)
    services.revoke_preview(link)
    assert preview_tokens.check_token(token) is None


def test_a_deleted_link_opens_nothing(draft):
    link, token = services.share_preview(draft)
    link.delete()
    assert preview_tokens.check_token(token) is None


def test_a_tampered_token_opens_nothing(draft):
    link, token = services.share_preview(draft)
    other, _other_token = services.share_preview(draft)
    payload, stamp, signature = token.split(":")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    tampered = [
        f"{payload}:{stamp}:{flipped}",
        # Another link's id under this link's signature.
        f"{preview_tokens.make_token(other).split(':')[0]}:{stamp}:{signature}",
        f"{payload}:{signing.b62_encode(signing.b62_decode(stamp) + 1)}:{signature}",
        token[:-1],
        token + "A",
        "",
        "nonsense",
    ]
    for bad in tampered:
        assert preview_tokens.check_token(bad) is None, bad


def test_a_token_signed_otherwise_opens_nothing(draft):
    """Signed with another salt, or with our salt at another time than the
    link's creation (as a second maker would): only the maker's own token
    for the link counts."""
    with time_machine.travel(NOON, tick=False):
        link, token = services.share_preview(draft)
    with time_machine.travel(NOON + timedelta(minutes=1), tick=False):
        other_time = signing.dumps(link.pk, salt=PREVIEW_SALT, compress=True)
        other_salt = signing.dumps(link.pk, salt="another-salt", compress=True)
        assert other_time != token
        assert preview_tokens.check_token(other_time) is None
        assert preview_tokens.check_token(other_salt) is None
        assert preview_tokens.check_token(token) == link
