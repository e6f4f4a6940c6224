"""The webhooks' pages run a fixed number of queries, however many
webhooks, deliveries and tries there are."""

import pytest
from django.urls import reverse

from masthead.desk.tests.test_article_list_scale import session_from_cache
from masthead.testing import client_for

from .receivers import Receiver


@pytest.mark.parametrize("articles", [1, 3])
def test_a_webhooks_page_with_its_log(
    administrator, subscribe, make_article, commit, assert_num_queries, settings, articles
):
    settings.WEBHOOKS_ATTEMPTS = 2
    with Receiver(status=500) as receiver:
        hook = subscribe(receiver.url)
        subscribe("https://other.example.org/hook")
        with commit():
            for n in range(articles):
                make_article(f"Meldung {n}")
    client = client_for(administrator)
    url = reverse("desk:webhook_detail", args=[hook.pk])
    client.get(url)  # the session is read once
    # Expect 10 queries (9 with Redis, where the session comes from the cache):
    # 1. the session
    # 2. the signed-in user
    # 3. whether they have a second sign-in factor (two-factor middleware)
    # 4. the user's groups (their roles, for the rules)
    # 5. whether their roles must sign in with two factors
    # 6. the webhook, with who created it
    # 7. the sections, for the names of its filters
    # 8. how many deliveries it has
    # 9. the latest deliveries, with their events
    # 10. their tries
    with assert_num_queries(10 - session_from_cache()):
        response = client.get(url)
    assert len(response.context["deliveries"]) == articles
