"""The audit log: every change the services make is recorded, and editors
and administrators read it at /desk/audit/, filtered as they need."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.articles import services
from masthead.articles.models import Article
from masthead.audit.models import AuditEntry
from masthead.desk import audit
from masthead.lib.dates import absolute_datetime

Action = AuditEntry.Action
URL = "/desk/audit/"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    client.cookies["django_language"] = "en"
    # Signing in writes an entry of its own (masthead/signin/tests); these
    # tests are about the entries of articles.
    AuditEntry.objects.filter(action=Action.SIGN_IN).delete()
    return client


def rows(response):
    """The table rows as [time, user, action, article, details] texts."""
    root = lxml.html.fromstring(response.content)
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for row in root.xpath('//table[contains(@class, "audit")]/tbody/tr')
    ]


def test_the_url_is_desk_audit():
    assert reverse("desk:audit") == URL


# What the services record


def test_every_change_is_recorded_by_the_services(editor, author, world):
    user = editor
    article = Article(headline="Die Brücke", language="de", section=world, status="draft")
    article = services.save_article(article, authors=[author], user=user)
    article.headline = "Die neue Brücke"
    services.save_article(article, authors=[author], user=user)
    services.submit_for_review(article, user)
    services.publish(article, user)
    services.unpublish(article, user)
    at = timezone.now() + timedelta(days=1)
    services.publish(article, user, at=at)
    services.add_correction(article, "Ein Datum war falsch.", user)
    english = services.translate(article, "en", user)
    link, _token = services.share_preview(article, user)
    services.revoke_preview(link, user)
    pk = article.pk
    services.delete_article(article, user)

    entries = AuditEntry.objects.filter(article_id=pk).order_by("id")
    assert [e.action for e in entries] == [
        Action.CREATE,
        Action.EDIT,
        Action.SUBMIT,
        Action.PUBLISH,
        Action.UNPUBLISH,
        Action.SCHEDULE,
        Action.CORRECT,
        Action.PREVIEW_LINK,
        Action.REVOKE_LINK,
        Action.DELETE,
    ]
    assert {e.actor_name for e in entries} == {"eda"}
    assert entries.get(action=Action.SCHEDULE).details["publish_at"] == at.isoformat()
    assert entries.get(action=Action.DELETE).headline == "Die neue Brücke"
    # The translation is recorded on the new version, naming its source.
    created, translated = AuditEntry.objects.filter(article_id=english.pk).order_by("id")
    assert (created.action, translated.action) == (Action.CREATE, Action.TRANSLATE)
    assert translated.details == {"source": pk}
    assert translated.language == "en"


# The page


def test_it_lists_entries_newest_first_with_links(editor_client, make_article, reporter):
    article = make_article("Der Rat tagt")
    services.add_correction(article, "Korrigiert.", reporter)
    response = editor_client.get(URL)
    assert response.status_code == 200
    assert response.context["nav"] == "audit"
    table = rows(response)
    assert [r[2] for r in table] == ["corrected", "created"]
    assert table[0][1] == "ron"
    assert table[1][1] == "unknown"  # the fixture saves without a user
    assert table[0][3].startswith("Der Rat tagt")
    page = response.content.decode()
    assert f'href="{reverse("desk:article_edit", args=[article.pk])}"' in page


def test_entries_of_deleted_articles_stay(editor_client, make_article, editor):
    article = make_article("Bald gelöscht")
    pk = article.pk
    services.delete_article(article, editor)
    assert not Article.objects.filter(pk=pk).exists()

    response = editor_client.get(URL)
    table = rows(response)
    assert [r[2] for r in table] == ["deleted", "created"]
    assert all("Bald gelöscht (deleted)" in r[3] for r in table)
    assert reverse("desk:article_edit", args=[pk]) not in response.content.decode()
    # And the filters still find them.
    assert len(rows(editor_client.get(URL, {"article": str(pk)}))) == 2


def test_it_shows_the_details(editor_client, make_article, editor):
    article = make_article("Kommt morgen", status=Article.Status.DRAFT, age=None)
    at = timezone.now() + timedelta(days=1)
    services.publish(article, editor, at=at)
    editor_client.cookies["django_language"] = "en"
    root = lxml.html.fromstring(editor_client.get(URL).content)
    [details] = root.xpath('//tr[td[normalize-space()="scheduled"]]//dl')
    pairs = [(dt.text_content(), dt.getnext().text_content()) for dt in details.xpath(".//dt")]
    assert pairs == [("version", "2"), ("publish time", absolute_datetime(at, "en"))]


def test_it_speaks_the_editors_language(editor_client, make_article):
    make_article("Der Rat tagt")
    editor_client.cookies["django_language"] = "de"
    response = editor_client.get(URL)
    assert '<html lang="de"' in response.content.decode()


# Filters


@pytest.fixture
def history(make_article, editor, reporter, settings):
    """Entries by ron and eda on two articles, over three days."""
    settings.TIME_ZONE = "Europe/Berlin"
    budget = make_article("Der Haushalt steht", status=Article.Status.DRAFT, age=None)
    bridge = make_article("Die Brücke bleibt zu", status=Article.Status.DRAFT, age=None)
    services.submit_for_review(budget, reporter)
    services.publish(budget, editor)
    services.submit_for_review(bridge, reporter)
    services.publish(bridge, editor)
    # Times in the site's time zone; 23:30 in Berlin is still the same day.
    berlin = ZoneInfo("Europe/Berlin")
    days = {
        budget.pk: datetime(2026, 3, 10, 12, 0, tzinfo=berlin),
        bridge.pk: datetime(2026, 3, 12, 23, 30, tzinfo=berlin),
    }
    for pk, day in days.items():
        AuditEntry.objects.filter(article_id=pk).update(created_at=day)
    return {"budget": budget, "bridge": bridge}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, 6),
        ({"user": "ron"}, 2),
        ({"action": "publish"}, 2),
        ({"user": "eda", "action": "submit"}, 0),
        ({"article": "brücke"}, 3),
        ({"article": "HAUSHALT"}, 3),
        ({"since": "2026-03-11"}, 3),
        ({"until": "2026-03-10"}, 3),
        ({"since": "2026-03-12", "until": "2026-03-12"}, 3),
        ({"since": "2026-03-11", "until": "2026-03-11"}, 0),
    ],
)
def test_the_filters(editor_client, history, query, expected):
    response = editor_client.get(URL, query)
    assert response.status_code == 200
    assert len(rows(response)) == expected


def test_the_article_filter_takes_an_id(editor_client, history):
    bridge = history["bridge"]
    table = rows(editor_client.get(URL, {"article": str(bridge.pk)}))
    assert len(table) == 3 and all("Die Brücke bleibt zu" in r[3] for r in table)
    assert len(rows(editor_client.get(URL, {"article": f"#{bridge.pk}"}))) == 3


def test_the_user_filter_offers_the_users_of_the_log(editor_client, history):
    form = editor_client.get(URL).context["form"]
    assert [value for value, _ in form.fields["user"].choices] == ["", "eda", "ron"]


def test_reversed_dates_are_explained(editor_client, history):
    response = editor_client.get(URL, {"since": "2026-03-12", "until": "2026-03-10"})
    assert response.status_code == 200
    assert "The first day comes after the last day." in response.content.decode()


def test_the_filter_form_is_kept_in_the_page_links(editor_client, make_article, monkeypatch):
    monkeypatch.setattr(audit, "PER_PAGE", 1)
    make_article("Eins")
    make_article("Zwei")
    page = editor_client.get(URL, {"action": "create"}).content.decode()
    assert "?action=create&amp;page=2" in page


def test_it_shows_50_entries_a_page(editor_client, db):
    AuditEntry.objects.bulk_create(
        AuditEntry(action=Action.EDIT, article_id=1000 + n, headline=f"Meldung {n}")
        for n in range(51)
    )
    first = rows(editor_client.get(URL))
    second = rows(editor_client.get(URL, {"page": "2"}))
    assert (len(first), len(second)) == (50, 1)
    assert first[0][3].startswith("Meldung 50") and second[0][3].startswith("Meldung 0")


def test_it_runs_the_same_number_of_queries_for_more_entries(
    editor_client,
    make_article,
    editor,
    reporter,
    django_assert_max_num_queries,
    django_assert_num_queries,
):
    services.add_correction(make_article("Eins"), "Korrigiert.", editor)
    with django_assert_max_num_queries(10) as few:
        editor_client.get(URL)
    for n in range(8):
        article = make_article(f"Mehr {n}", language="en" if n % 2 else "de")
        services.add_correction(article, "Korrigiert.", reporter)
        if n % 3 == 0:
            services.delete_article(article, editor)
    with django_assert_num_queries(len(few.captured_queries)):
        editor_client.get(URL)


# Who may read it


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("editor", 200),
        ("administrator", 200),
        ("reporter", 403),
        ("contributor", 403),
        ("translator", 403),
    ],
)
def test_who_may_read_the_log(client, persona, role, status):
    client.force_login(persona(role))
    assert client.get(URL).status_code == status
    nav = client.get(reverse("desk:articles")).content.decode()
    assert (f'href="{URL}"' in nav) is (status == 200)


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("desk:login"))


def test_users_who_are_not_staff_are_refused(client, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 403
