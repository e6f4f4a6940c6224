"""A scheduled article is announced when its time comes, though no row
changes then: a job waits for that time and checks again when it runs."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from masthead.articles import services
from masthead.articles.models import Article
from masthead.webhooks.models import Event

from .receivers import Receiver

NOON = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def receiver(subscribe):
    with Receiver() as server:
        server.hook = subscribe(server.url)
        yield server


def published():
    return [json.loads(e.body) for e in Event.objects.filter(type="article.published")]


def test_it_is_announced_at_its_time(receiver, make_article, editor, commit, settle):
    with time_machine.travel(NOON, tick=False) as clock:
        # At 12:00 an article is scheduled for 12:05.
        with commit():
            article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
            services.publish(article, editor, at=NOON + timedelta(minutes=5))
        assert published() == []
        clock.move_to(NOON + timedelta(minutes=4, seconds=59))
        settle()
        assert receiver.received == []
        # At 12:05 readers see it, and so do the receivers.
        clock.move_to(NOON + timedelta(minutes=5))
        settle()
        (event,) = published()
        assert event["article"]["id"] == article.pk
        assert datetime.fromisoformat(event["occurred_at"]) == NOON + timedelta(minutes=5)
        assert len(receiver.received) == 1
        # Once only.
        clock.move_to(NOON + timedelta(minutes=10))
        settle()
        assert len(published()) == 1


def test_a_new_time_is_announced_once_at_the_new_time(
    receiver, make_article, editor, commit, settle
):
    with time_machine.travel(NOON, tick=False) as clock:
        with commit():
            article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
            services.publish(article, editor, at=NOON + timedelta(minutes=5))
        with commit():
            services.publish(article, editor, at=NOON + timedelta(minutes=30))
        clock.move_to(NOON + timedelta(minutes=5))
        settle()
        assert published() == []  # the job of 12:05 finds another time
        clock.move_to(NOON + timedelta(minutes=30))
        settle()
        assert len(published()) == 1


def test_an_article_unpublished_before_its_time_is_never_announced(
    receiver, make_article, editor, commit, settle
):
    with time_machine.travel(NOON, tick=False) as clock:
        with commit():
            article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
            services.publish(article, editor, at=NOON + timedelta(minutes=5))
        with commit():
            services.unpublish(article, editor)
        clock.move_to(NOON + timedelta(minutes=5))
        settle()
    assert Event.objects.count() == 0
    assert receiver.received == []


def test_a_webhook_added_before_the_time_hears_of_it(
    make_article, editor, commit, subscribe, settle
):
    with time_machine.travel(NOON, tick=False) as clock:
        with commit():
            article = make_article(status=Article.Status.DRAFT, age=None, user=editor)
            services.publish(article, editor, at=NOON + timedelta(minutes=5))
        with Receiver() as receiver:
            subscribe(receiver.url)
            clock.move_to(NOON + timedelta(minutes=5))
            settle()
        assert len(receiver.received) == 1
