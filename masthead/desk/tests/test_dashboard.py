"""The article list (desk:articles): every language and state, newest change first, with
filters, search and pages."""

from datetime import timedelta

import pytest
from django.urls import reverse

from masthead.articles.models import Article
from masthead.desk import views


@pytest.fixture
def newsroom(make_article, django_capture_on_commit_callbacks):
    """A draft, a scheduled and a published article in German, and a
    published one in English; changed in this order, and in the search
    index."""
    with django_capture_on_commit_callbacks(execute=True):
        return _newsroom(make_article)


def _newsroom(make_article):
    return {
        "draft": make_article("Entwurf zur Wahl", status=Article.Status.DRAFT, age=None),
        "scheduled": make_article("Wahl morgen", age=-timedelta(days=1)),
        "published": make_article("Wahl gestern"),
        "english": make_article("Election results", language="en"),
    }


def headlines(response):
    return [row.article.headline for row in response.context["rows"]]


def test_it_lists_all_articles_newest_change_first(editor_client, newsroom):
    response = editor_client.get(reverse("desk:articles"))
    assert headlines(response) == [
        "Election results",
        "Wahl gestern",
        "Wahl morgen",
        "Entwurf zur Wahl",
    ]
    states = [row.state for row in response.context["rows"]]
    assert states == ["published", "published", "scheduled", "draft"]


def test_it_shows_links_for_each_article(editor_client, newsroom):
    page = editor_client.get(reverse("desk:articles")).content.decode()
    for article in newsroom.values():
        assert reverse("desk:article_edit", args=[article.pk]) in page
        assert reverse("desk:article_preview", args=[article.pk]) in page
    assert newsroom["published"].get_absolute_url() in page
    assert newsroom["draft"].get_absolute_url() not in page
    assert newsroom["scheduled"].get_absolute_url() not in page


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"language": "en"}, ["Election results"]),
        ({"status": "draft"}, ["Entwurf zur Wahl"]),
        ({"status": "scheduled"}, ["Wahl morgen"]),
        ({"status": "published"}, ["Election results", "Wahl gestern"]),
        ({"q": "WAHL", "sort": "changed"}, ["Wahl gestern", "Wahl morgen", "Entwurf zur Wahl"]),
        ({"q": "wahl", "status": "published", "language": "de"}, ["Wahl gestern"]),
        ({"q": "nichts"}, []),
    ],
)
def test_it_filters_and_searches(editor_client, newsroom, query, expected):
    response = editor_client.get(reverse("desk:articles"), query)
    assert headlines(response) == expected


def test_it_says_when_nothing_matches(editor_client, newsroom):
    response = editor_client.get(reverse("desk:articles"), {"q": "nichts"})
    assert 'class="empty"' in response.content.decode()


def test_it_lists_the_language_versions(editor_client, newsroom):
    editor_client.post(reverse("desk:article_translate", args=[newsroom["published"].pk, "en"]))
    response = editor_client.get(reverse("desk:articles"), {"q": "Wahl gestern"})
    [row] = [r for r in response.context["rows"] if r.article.language == "de"]
    assert [(v.language, v.state) for v in row.versions] == [("de", "published"), ("en", "draft")]
    assert row.missing == []
    [row] = editor_client.get(reverse("desk:articles"), {"q": "Entwurf"}).context["rows"]
    assert [v.language for v in row.missing] == ["en"]


def test_it_pages_through_the_list(editor_client, newsroom, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 3)
    first = editor_client.get(reverse("desk:articles"), {"language": ""})
    assert headlines(first) == ["Election results", "Wahl gestern", "Wahl morgen"]
    page = first.context["page"]
    assert page.older.startswith("?before=") and not page.newer
    second = editor_client.get(reverse("desk:articles") + page.older)
    assert headlines(second) == ["Entwurf zur Wahl"]
    assert not second.context["page"].older
    # Back to the newest: the first page's own address.
    back = editor_client.get(reverse("desk:articles") + second.context["page"].newer)
    assert back.status_code == 302
    assert back["Location"] == reverse("desk:articles")


def test_it_answers_404_to_a_malformed_cursor(editor_client, newsroom):
    for query in ("?before=x", "?before=²", "?after=" + "9" * 40, "?before=&after="):
        assert editor_client.get(reverse("desk:articles") + query).status_code == 404, query


def test_it_keeps_the_filters_when_paging(editor_client, newsroom, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 1)
    response = editor_client.get(reverse("desk:articles"), {"language": "de", "utm_x": "1"})
    older = response.context["page"].older
    assert older.startswith("?language=de&before=")
    assert f'href="{older.replace("&", "&amp;")}"' in response.content.decode()
    second = editor_client.get(reverse("desk:articles") + older)
    assert headlines(second) == ["Wahl morgen"]
    assert second.context["page"].newer.startswith("?language=de&after=")


def test_it_runs_the_same_number_of_queries_for_more_articles(
    editor_client, make_article, django_assert_max_num_queries, django_assert_num_queries
):
    make_article("Eins")
    with django_assert_max_num_queries(20) as few:
        editor_client.get(reverse("desk:articles"))
    for n in range(6):
        make_article(f"Mehr {n}", language="en" if n % 2 else "de")
    with django_assert_num_queries(len(few.captured_queries)):
        editor_client.get(reverse("desk:articles"))
