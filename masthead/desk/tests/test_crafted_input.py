"""Crafted numbers in desk input are a 4xx (or a form error), never a 500:
numbers beyond the database's integer (SQLite's is 64 bits), digits that
are not ASCII ("²".isdigit() is true, int("²") fails), empty values.

The property-based test over every desk and admin route is in
test_crafted_input_routes.py."""

import pytest
from django.urls import reverse

from masthead.articles.models import Article, Autosave, Revision
from masthead.audit.models import AuditEntry
from masthead.lib.numbers import parse_id
from masthead.testing import form_data

HUGE = "9" * 20  # beyond 2**63 - 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        ("0042", 42),
        (" 7 ", None),
        ("", None),
        ("-1", None),
        ("0", None),
        ("+5", None),
        ("²", None),
        ("٣", None),  # an Arabic-Indic three
        ("9223372036854775807", 9223372036854775807),
        ("9223372036854775808", None),
        (HUGE, None),
        ("1" * 5000, None),
        (None, None),
    ],
)
def test_parse_id_takes_only_ascii_ids_in_range(text, expected):
    assert parse_id(text) == expected


def test_a_tag_id_beyond_the_integer_range_is_a_form_error(editor_client, post_article, make_tag):
    response = post_article(tags=[HUGE])
    assert response.status_code == 200
    assert "tags" in response.context["form"].errors
    assert not Article.objects.exists()


def test_a_tag_id_in_other_digits_is_a_form_error(editor_client, post_article):
    response = post_article(tags=["²"])
    assert response.status_code == 200
    assert "tags" in response.context["form"].errors
    assert not Article.objects.exists()


def test_a_version_beyond_the_integer_range_is_a_form_error(editor_client, make_article):
    article = make_article()
    url = reverse("desk:article_edit", args=[article.pk])
    response = editor_client.post(url, form_data(article, version=HUGE, headline="Neu"))
    assert response.status_code == 200
    assert "version" in response.context["form"].errors
    assert "beschädigten Versionsnummer" in response.content.decode()
    article.refresh_from_db()
    assert article.headline != "Neu"


def test_the_compare_page_answers_404_to_a_revision_number_out_of_range(
    editor_client, make_article
):
    article = make_article()
    url = reverse("desk:article_revision_compare", args=[article.pk])
    for query in (f"?a=1&b={HUGE}", "?a=1&b=²", "?a=1&b=", "?a=1&b=-3"):
        assert editor_client.get(url + query).status_code == 404, query


def test_autosave_answers_400_to_a_version_out_of_range(editor_client, make_article):
    article = make_article()
    url = reverse("desk:article_autosave", args=[article.pk])
    for version in (HUGE, "²", "-1", "x"):
        response = editor_client.post(url, {"version": version, "headline": "Kopie"})
        assert response.status_code == 400, version
        assert response.json() == {"error": "version"}
    assert not Autosave.objects.exists()


def test_the_audit_filter_takes_a_number_in_other_digits_as_text(editor_client, make_article):
    make_article()
    for query in ("#²", "²", HUGE, f"#{HUGE}"):
        response = editor_client.get(reverse("desk:audit"), {"article": query})
        assert response.status_code == 200, query
        assert list(response.context["rows"]) == []


def test_the_audit_filter_still_finds_an_article_by_number(editor_client, make_article):
    article = make_article()
    response = editor_client.get(reverse("desk:audit"), {"article": f"#{article.pk}"})
    assert [row.entry for row in response.context["rows"]] == list(
        AuditEntry.objects.filter(article_id=article.pk)
    )
    assert Revision.objects.filter(article=article).exists()


def test_a_next_address_that_is_not_a_path_goes_back_to_the_editor(editor_client, make_article):
    article = make_article(status=Article.Status.DRAFT, age=None)
    url = reverse("desk:article_submit", args=[article.pk])
    response = editor_client.post(url, {"next": HUGE})
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:article_edit", args=[article.pk])


@pytest.mark.parametrize("year", [HUGE, "9999", "²"])
def test_the_admin_article_list_takes_a_year_out_of_range_as_a_bad_filter(
    client, administrator, make_article, year
):
    make_article()
    client.force_login(administrator)
    response = client.get(reverse("admin:articles_article_changelist"), {"publish_at__year": year})
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")
