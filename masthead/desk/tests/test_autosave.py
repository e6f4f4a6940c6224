"""The editor's draft copy on the server (desk-autosave.js posts it): stored
per editor and article, only for those who may edit the article, cleared by
a real save; and the editor page hands it to the script.

Eda the editor keeps a copy; ada the administrator, who may edit every
article too, is her colleague at the same article."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.articles.models import Article, Autosave
from masthead.testing import client_for, form_data

pytestmark = pytest.mark.django_db

TEXT = {
    "headline": "Der Rat vertagt sich",
    "slug": "der-rat-vertagt-sich",
    "standfirst": "Noch keine Einigung.",
    "body": '<p>Halb fertig<script>alert(1)</script></p><p onclick="x()">Weiter</p>',
    "excerpt": "",
}


@pytest.fixture
def story(make_article, editor):
    return make_article(status=Article.Status.DRAFT, age=None, user=editor)


def autosave_url(article):
    return reverse("desk:article_autosave", args=[article.pk])


def test_it_stores_the_text_and_answers_with_the_time(editor, story):
    response = client_for(editor).post(autosave_url(story), {**TEXT, "version": story.version})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    answer = response.json()
    copy = Autosave.objects.get(article=story, user=editor)
    assert answer == {"saved_at": copy.saved_at.isoformat(), "version": story.version}
    assert copy.base_version == story.version
    assert copy.data["headline"] == "Der Rat vertagt sich"
    assert copy.data["standfirst"] == "Noch keine Einigung."
    # The copy is sanitised like every stored body.
    assert copy.data["body"] == "<p>Halb fertig</p><p>Weiter</p>"
    # The article itself does not change.
    story.refresh_from_db()
    assert story.headline == "Der Rat beschließt den Haushalt"
    assert story.revisions.count() == 1


def test_it_keeps_one_copy_per_editor_and_article(editor, administrator, story):
    client = client_for(editor)
    client.post(autosave_url(story), {**TEXT, "version": 1})
    client.post(autosave_url(story), {**TEXT, "headline": "Zweiter Stand", "version": 1})
    assert Autosave.objects.filter(article=story).count() == 1
    assert Autosave.objects.get(article=story).data["headline"] == "Zweiter Stand"
    client_for(administrator).post(autosave_url(story), {**TEXT, "version": 1})
    assert Autosave.objects.filter(article=story).count() == 2


def test_a_sign_of_life_keeps_the_text_and_marks_the_editor_present(editor, story):
    client = client_for(editor)
    client.post(autosave_url(story), {**TEXT, "version": 1})
    earlier = timezone.now() - timedelta(minutes=5)
    Autosave.objects.update(seen_at=earlier, saved_at=earlier)

    assert client.post(autosave_url(story), {"version": 1}).status_code == 200
    copy = Autosave.objects.get()
    assert copy.seen_at > earlier
    assert copy.saved_at == earlier
    assert copy.data["headline"] == "Der Rat vertagt sich"

    # Back to the saved text: the copy is forgotten, the presence stays.
    client.post(autosave_url(story), {"version": 1, "discard": "1"})
    copy = Autosave.objects.get()
    assert copy.data == {}
    assert copy.seen_at > earlier


def test_it_rejects_get(editor, story):
    assert client_for(editor).get(autosave_url(story)).status_code == 405


def test_it_rejects_a_version_that_is_no_number(editor, story):
    response = client_for(editor).post(autosave_url(story), {**TEXT, "version": "x"})
    assert response.status_code == 400
    assert not Autosave.objects.exists()


@pytest.mark.parametrize("role", ["contributor", "reporter", "translator"])
def test_it_needs_the_right_to_edit_the_article(story, persona, role):
    other = persona(role)
    response = client_for(other).post(autosave_url(story), {**TEXT, "version": 1})
    assert response.status_code == 403
    assert not Autosave.objects.exists()


def test_a_contributor_may_keep_a_copy_of_her_own_draft(make_article, contributor):
    own = make_article(status=Article.Status.DRAFT, age=None, user=contributor)
    response = client_for(contributor).post(autosave_url(own), {**TEXT, "version": 1})
    assert response.status_code == 200
    assert Autosave.objects.filter(article=own, user=contributor).exists()


def test_signed_out_it_sends_to_the_sign_in_page(client, story):
    response = client.post(autosave_url(story), {**TEXT, "version": 1})
    assert response.status_code == 302
    assert reverse("desk:login") in response["Location"]
    assert not Autosave.objects.exists()


def test_a_real_save_deletes_the_copy(editor, administrator, story):
    client = client_for(editor)
    client.post(autosave_url(story), {**TEXT, "version": 1})
    client_for(administrator).post(autosave_url(story), {**TEXT, "version": 1})

    response = client.post(
        reverse("desk:article_edit", args=[story.pk]), form_data(story, headline="Gespeichert")
    )
    assert response.status_code == 302
    # Only the saving editor's copy goes; a colleague's stays theirs.
    assert list(Autosave.objects.values_list("user__username", flat=True)) == ["ada"]


def test_the_editor_page_hands_the_copy_and_the_texts_to_the_script(editor, story):
    client = client_for(editor)
    client.post(autosave_url(story), {**TEXT, "version": 1})
    html = client.get(reverse("desk:article_edit", args=[story.pk])).content.decode()
    assert "masthead/desk-autosave.js" in html
    root = re.search(r'<div id="autosave"[^>]*>', html)[0]
    assert f'data-url="{autosave_url(story)}"' in root
    assert f'data-key="masthead:autosave:{story.pk}:{editor.pk}"' in root
    assert 'data-version="1"' in root and 'data-server-version="1"' in root
    assert "data-text-saved=" in root and "{time}" in root
    assert "data-text-offline=" in root and "data-text-found=" in root
    copy = re.search(r'<script id="autosave-copy" type="application/json">(.*?)</script>', html)
    assert json.loads(copy[1])["headline"] == "Der Rat vertagt sich"
    assert 'id="autosave-status"' in html and 'role="status"' in html
    assert 'id="autosave-notice"' in html


def test_the_page_says_when_the_editor_has_just_saved(editor, story):
    client = client_for(editor)
    response = client.post(
        reverse("desk:article_edit", args=[story.pk]),
        form_data(story, headline="Gespeichert"),
        follow=True,
    )
    root = re.search(r'<div id="autosave"[^>]*>', response.content.decode())[0]
    assert 'data-just-saved="1"' in root
    again = client.get(reverse("desk:article_edit", args=[story.pk])).content.decode()
    assert 'data-just-saved=""' in re.search(r'<div id="autosave"[^>]*>', again)[0]


def test_no_script_for_those_who_may_only_look(story, reporter):
    html = client_for(reporter).get(reverse("desk:article_edit", args=[story.pk])).content.decode()
    assert "desk-autosave.js" not in html
    assert 'id="autosave"' not in html


def test_it_keeps_the_lead_images_description_too(editor, story):
    """The alt text is required with a lead image and typed like the text:
    a lost connection must not lose it either."""
    client_for(editor).post(
        autosave_url(story),
        {
            **TEXT,
            "lead_image_alt": "Das Rathaus im Schnee",
            "lead_image_caption": "x" * 400,
            "version": story.version,
        },
    )
    data = Autosave.objects.get(article=story, user=editor).data
    assert data["lead_image_alt"] == "Das Rathaus im Schnee"
    assert data["lead_image_caption"] == "x" * 300
