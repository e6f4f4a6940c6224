"""Sections, tags, authors and articles in Django's admin, linked from the
newsroom header for those who may edit them."""

import pytest
from django.urls import reverse

from masthead.articles.models import Article
from masthead.people.models import Author
from masthead.sections.models import Section, Tag


def section_data(**fields):
    data = {
        "parent": "",
        "name_de": "Kultur",
        "slug_de": "kultur",
        "name_en": "Culture",
        "slug_en": "culture",
        "position": "3",
    }
    data.update(fields)
    return data


def test_it_adds_a_section_with_a_name_and_address_per_language(admin_client, world):
    response = admin_client.post(
        reverse("admin:sections_section_add"), section_data(parent=world.pk)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    section = Section.objects.get(position=3)
    assert section.names == {"de": "Kultur", "en": "Culture"}
    assert section.slugs == {"de": "kultur", "en": "culture"}
    assert section.parent == world


def test_it_shows_the_stored_names_per_language(admin_client, world):
    page = admin_client.get(reverse("admin:sections_section_change", args=[world.pk]))
    form = page.context["adminform"].form
    assert form["name_de"].value() == "Welt"
    assert form["slug_en"].value() == "world"


@pytest.mark.parametrize(
    "change, message",
    [
        # The admin speaks German here, and names languages in German.
        ({"name_en": ""}, "Englisch"),
        ({"slug_de": ""}, "Deutsch"),
        ({"slug_en": "world"}, "world"),
    ],
)
def test_it_checks_sections_with_the_model_rules(admin_client, world, change, message):
    response = admin_client.post(reverse("admin:sections_section_add"), section_data(**change))
    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert len(errors) == 1
    assert message in errors[0]
    assert Section.objects.count() == 1


def test_it_refuses_a_section_inside_itself(admin_client, world):
    data = section_data(name_de="Welt", slug_de="welt", name_en="World", slug_en="world")
    data["parent"] = world.pk
    response = admin_client.post(reverse("admin:sections_section_change", args=[world.pk]), data)
    assert "parent" in response.context["adminform"].form.errors


def test_it_edits_author_biographies_per_language(admin_client, author):
    data = {
        "name": "Lena Hartmann",
        "slug": "lena-hartmann",
        "bio_de": "Lena berichtet aus Berlin.",
        "bio_en": "",
        "user": "",
    }
    response = admin_client.post(reverse("admin:people_author_change", args=[author.pk]), data)
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.bios == {"de": "Lena berichtet aus Berlin."}
    page = admin_client.get(reverse("admin:people_author_change", args=[author.pk]))
    assert page.context["adminform"].form["bio_de"].value() == "Lena berichtet aus Berlin."


def test_it_adds_authors_and_tags(admin_client):
    admin_client.post(
        reverse("admin:people_author_add"),
        {"name": "Mo Ng", "slug": "mo-ng", "bio_de": "", "bio_en": "Mo writes.", "user": ""},
    )
    assert Author.objects.get(slug="mo-ng").bios == {"en": "Mo writes."}
    admin_client.post(
        reverse("admin:sections_tag_add"), {"language": "en", "name": "Climate", "slug": "climate"}
    )
    assert Tag.objects.filter(language="en", slug="climate").exists()


def test_it_lists_and_filters_articles(admin_client, make_article):
    make_article("Haushalt beschlossen")
    make_article("Budget passed", language="en")
    url = reverse("admin:articles_article_changelist")
    assert admin_client.get(url).status_code == 200
    page = admin_client.get(url, {"language": "en"}).content.decode()
    assert "Budget passed" in page
    assert "Haushalt beschlossen" not in page
    page = admin_client.get(url, {"q": "Haushalt"}).content.decode()
    assert "Haushalt beschlossen" in page
    assert "Budget passed" not in page


def test_it_saves_articles_through_the_service(admin_client, make_article, author, make_tag):
    article = make_article("Vorher", slug="vorher")
    tag = make_tag("Rat")
    data = {
        "headline": "Nachher",
        "slug": "nachher",
        "standfirst": "",
        "body": "<p>Gut<script>alert(1)</script></p>",
        "excerpt": "",
        "section": article.section_id,
        "tags": [tag.pk],
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }
    url = reverse("admin:articles_article_change", args=[article.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.headline == "Nachher"
    assert article.body == "<p>Gut</p>"
    assert article.byline_authors == [author]
    assert list(article.tags.all()) == [tag]
    assert article.updated_at is not None  # readers see the change
    # The old address keeps working.
    assert article.old_slugs.filter(slug="vorher").exists()


def test_it_leaves_writing_new_articles_to_the_newsroom(admin_client):
    assert admin_client.get(reverse("admin:articles_article_add")).status_code == 403


def test_it_publishes_selected_articles(admin_client, make_article):
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None)
    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.is_public


def test_it_links_the_admin_for_those_who_may_edit_sections(client, reporter, editor):
    client.force_login(reporter)
    assert reverse("admin:index") not in client.get(reverse("desk:home")).content.decode()
    client.force_login(editor)
    assert reverse("admin:index") in client.get(reverse("desk:home")).content.decode()


def test_it_lists_and_searches_sections(admin_client, world, science):
    url = reverse("admin:sections_section_changelist")
    page = admin_client.get(url)
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [world, science]
    found = admin_client.get(url, {"q": "wissen"}).context["cl"].result_list
    assert list(found) == [science]


def test_it_reorders_sections_in_the_list(admin_client, world, science):
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": world.pk,
        "form-0-position": "5",
        "form-1-id": science.pk,
        "form-1-position": "1",
        "_save": "Save",
    }
    response = admin_client.post(reverse("admin:sections_section_changelist"), data)
    assert response.status_code == 302
    assert list(Section.objects.all()) == [science, world]
