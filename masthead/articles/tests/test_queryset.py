"""Questions asked of ArticleQuerySet by more than one caller: the home
page's newest articles per section, and the page cache's next publish time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles.models import Article


@pytest.fixture
def desk(make_article, world, science):
    """Five articles in "Welt" and two in "Wissenschaft", an hour apart."""
    return {
        "welt": [make_article(f"Welt {n}", age=timedelta(hours=n + 1)) for n in range(5)],
        "wissenschaft": [
            make_article(f"Forschung {n}", section=science, age=timedelta(hours=n + 1, minutes=30))
            for n in range(2)
        ],
    }


def test_it_gives_the_newest_few_of_each_section_newest_first(desk, world, science):
    welt, wissenschaft = desk["welt"], desk["wissenschaft"]
    articles = Article.objects.public().newest_per_section(
        [world, science], exclude=[welt[0].pk], per_section=2
    )
    # Welt 0 is left out, so Welt 1 and 2 are that section's newest two.
    assert list(articles) == [wissenschaft[0], welt[1], wissenschaft[1], welt[2]]


def test_it_asks_only_for_the_sections_given(desk, science):
    articles = Article.objects.public().newest_per_section([science], per_section=3)
    assert list(articles) == desk["wissenschaft"]


def test_it_keeps_the_filters_of_the_queryset(make_article, world):
    make_article("Auf Deutsch")
    english = make_article("In English", language="en")
    make_article("Entwurf", status=Article.Status.DRAFT)
    articles = Article.objects.public().in_language("en").newest_per_section([world])
    assert list(articles) == [english]


def test_it_asks_nothing_without_sections(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert list(Article.objects.public().newest_per_section([])) == []


def test_the_next_publish_time_is_the_soonest_scheduled_article(make_article):
    now = timezone.now()
    assert Article.objects.next_change_time() is None
    make_article("Schon da")
    make_article("Entwurf", status=Article.Status.DRAFT, publish_at=now + timedelta(minutes=5))
    later = make_article("Später", publish_at=now + timedelta(hours=2))
    sooner = make_article("Bald", publish_at=now + timedelta(hours=1))
    assert Article.objects.next_change_time() == sooner.publish_at != later.publish_at
