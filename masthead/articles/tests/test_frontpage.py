"""The front page in the editors' hands (articles/frontpage.py): pinned
places with an end, breaking news, and the home page and page cache
following them."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from masthead.articles import frontpage, services
from masthead.articles.models import Article, FrontPageSlot
from masthead.audit.models import AuditEntry
from masthead.pagecache.generation import bump


def home(client, language="de"):
    with translation.override(language):
        response = client.get(reverse("articles:home"))
    assert response.status_code == 200
    return response.content.decode()


def teasers(html):
    """The headlines of the front page's teasers, in order (lead first)."""
    return re.findall(r'class="teaser__headline"><a href="[^"]*">([^<]+)<', html)


@pytest.fixture
def stories(make_article):
    """Five German stories, the newest first, an hour apart."""
    return [
        make_article(f"Meldung {n}", age=timedelta(hours=n + 1), slug=f"meldung-{n}")
        for n in range(5)
    ]


def test_without_pins_the_newest_story_leads(client, stories):
    assert teasers(home(client))[:5] == [f"Meldung {n}" for n in range(5)]


def test_a_pinned_lead_outranks_a_newer_story_until_its_end(client, stories, editor, make_article):
    noon = timezone.now()
    with time_machine.travel(noon, tick=False) as clock:
        frontpage.pin(stories[3], 1, until=noon + timedelta(hours=2), user=editor)
        # A story scheduled for later goes live: it does not take the lead.
        make_article("Unwichtig um sechs", age=None, publish_at=noon + timedelta(minutes=30))
        clock.move_to(noon + timedelta(minutes=31))
        assert teasers(home(client))[:3] == ["Meldung 3", "Unwichtig um sechs", "Meldung 0"]
        # The pin ends: the newest story leads again, by itself.
        clock.move_to(noon + timedelta(hours=2, seconds=1))
        assert teasers(home(client))[:3] == ["Unwichtig um sechs", "Meldung 0", "Meldung 1"]


def test_pins_keep_their_places_and_the_newest_fill_the_rest(client, stories, editor):
    frontpage.pin(stories[4], 3, user=editor)
    frontpage.pin(stories[2], 1, user=editor)
    assert teasers(home(client))[:5] == [
        "Meldung 2",
        "Meldung 0",
        "Meldung 4",
        "Meldung 1",
        "Meldung 3",
    ]


def test_pinning_at_a_taken_place_moves_the_pins_below_down(stories, editor):
    for place, story in enumerate(stories, start=1):
        frontpage.pin(story, place, user=editor)
    frontpage.pin(stories[4], 1, user=editor)  # moved from the last place to the lead
    places = dict(FrontPageSlot.objects.values_list("position", "article__headline"))
    assert places == {
        1: "Meldung 4",
        2: "Meldung 0",
        3: "Meldung 1",
        4: "Meldung 2",
        5: "Meldung 3",
    }


def test_a_pin_pushed_past_the_last_place_is_taken_off(stories, editor, make_article):
    for place, story in enumerate(stories, start=1):
        frontpage.pin(story, place, user=editor)
    newest = make_article("Neu", age=timedelta(minutes=1))
    frontpage.pin(newest, 1, user=editor)
    assert FrontPageSlot.objects.count() == frontpage.SLOTS
    assert not FrontPageSlot.objects.filter(article=stories[4]).exists()


def test_front_pages_are_per_language(client, stories, editor, make_article):
    english = make_article("Council passes budget", language="en", slug="council")
    frontpage.pin(english, 1, user=editor)
    frontpage.pin(stories[2], 1, user=editor)
    assert teasers(home(client, "en"))[0] == "Council passes budget"
    assert teasers(home(client, "de"))[0] == "Meldung 2"


def test_drafts_cannot_be_pinned_or_breaking(make_article, editor):
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    with pytest.raises(frontpage.NotOnSite):
        frontpage.pin(draft, 1, user=editor)
    with pytest.raises(frontpage.NotOnSite):
        frontpage.mark_breaking(draft, timezone.now() + timedelta(hours=1), user=editor)
    assert not FrontPageSlot.objects.exists()
    draft.refresh_from_db()
    assert draft.breaking_until is None


def test_a_scheduled_pin_shows_once_the_article_is_live(client, stories, editor, make_article):
    noon = timezone.now()
    with time_machine.travel(noon, tick=False) as clock:
        later = make_article("Um eins", age=None, publish_at=noon + timedelta(hours=1))
        frontpage.pin(later, 1, user=editor)
        assert "Um eins" not in teasers(home(client))
        clock.move_to(noon + timedelta(hours=1, seconds=1))
        assert teasers(home(client))[0] == "Um eins"


def test_unpublishing_takes_the_article_off_the_front_page_and_the_banner(stories, editor):
    frontpage.pin(stories[1], 1, user=editor)
    frontpage.mark_breaking(stories[1], timezone.now() + timedelta(hours=1), user=editor)
    services.unpublish(stories[1], editor)
    stories[1].refresh_from_db()
    assert stories[1].breaking_until is None
    assert not FrontPageSlot.objects.exists()


def test_breaking_news_is_a_banner_on_every_page_of_its_language(client, stories, editor):
    until = timezone.now() + timedelta(hours=1)
    frontpage.mark_breaking(stories[2], until, user=editor)
    with translation.override("de"):
        pages = [reverse("articles:home"), stories[0].get_absolute_url()]
        pages.append(reverse("articles:section", kwargs={"slug": "welt"}))
    for path in pages:
        html = client.get(path).content.decode()
        banner = re.search(r'<aside class="breaking".*?</aside>', html, re.S)
        assert banner, path
        assert "Eilmeldung" in banner.group() and "Meldung 2" in banner.group()
        assert stories[2].get_absolute_url() in banner.group()
    assert 'class="breaking"' not in home(client, "en")
    frontpage.end_breaking(stories[2], user=editor)
    assert 'class="breaking"' not in home(client)


def test_the_banner_ends_at_its_time(client, stories, editor):
    noon = timezone.now()
    with time_machine.travel(noon, tick=False) as clock:
        frontpage.mark_breaking(stories[0], noon + timedelta(minutes=20), user=editor)
        # As its commit does on the site (the test's transaction never
        # commits): the content generation that begins knows when the
        # banner ends, and moves on by itself then.
        bump()
        assert 'class="breaking"' in home(client)
        clock.move_to(noon + timedelta(minutes=20, seconds=1))
        assert 'class="breaking"' not in home(client)


def test_the_page_cache_moves_on_when_a_pin_or_banner_ends(stories, editor):
    """The ends are times at which the content generation moves on by
    itself, as at a scheduled article's publish time (pagecache/generation.py)."""
    noon = timezone.now()
    with time_machine.travel(noon, tick=False):
        frontpage.pin(stories[2], 1, until=noon + timedelta(hours=3), user=editor)
        frontpage.mark_breaking(stories[1], noon + timedelta(hours=1), user=editor)
        assert Article.objects.next_change_time() == noon + timedelta(hours=1)
        assert bump().next_publish == (noon + timedelta(hours=1)).timestamp()
        frontpage.end_breaking(stories[1], user=editor)
        assert Article.objects.next_change_time() == noon + timedelta(hours=3)


def test_every_change_is_in_the_audit_log(stories, editor):
    until = timezone.now() + timedelta(hours=1)
    frontpage.pin(stories[0], 2, until=until, user=editor)
    frontpage.unpin(stories[0], user=editor)
    frontpage.mark_breaking(stories[0], until, user=editor)
    frontpage.end_breaking(stories[0], user=editor)
    entries = AuditEntry.objects.filter(article_id=stories[0].pk).order_by("pk")
    assert [e.action for e in entries][-4:] == [
        AuditEntry.Action.FRONT_PAGE,
        AuditEntry.Action.FRONT_PAGE_REMOVED,
        AuditEntry.Action.BREAKING,
        AuditEntry.Action.BREAKING_ENDED,
    ]
    assert entries.get(action=AuditEntry.Action.FRONT_PAGE).details == {
        "position": 2,
        "until": until.isoformat(),
    }
    assert all(e.actor == editor for e in entries.filter(action__startswith="front"))


def test_a_place_holds_one_pin(stories, editor):
    """Two editors pinning to one place at the same moment: the database
    refuses the second (the desk then asks to look again)."""
    from django.db import IntegrityError, transaction

    frontpage.pin(stories[0], 1, user=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        FrontPageSlot.objects.create(article=stories[1], language="de", position=1)
