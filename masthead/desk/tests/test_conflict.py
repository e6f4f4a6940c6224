"""No lost work when two people edit the same article: the later save is
refused (409), keeps everything its editor typed, shows the version saved in
the meantime beside it, and the next save, made knowing both, goes through.

Ron the reporter writes a story; Eda the editor and Ron open it at once."""

import html
import re

import pytest
from django.urls import reverse

from masthead.articles.models import Article
from masthead.testing import client_for, form_data

pytestmark = pytest.mark.django_db

TYPED_BODY = "<p>Rons neuer Absatz über die Abstimmung im Stadtrat.</p>"


@pytest.fixture
def eda(editor):
    """The editor, with a full name: the conflict panel shows it."""
    editor.first_name, editor.last_name = "Eda", "Engel"
    editor.save()
    return editor


@pytest.fixture
def story(make_article, reporter):
    return make_article(
        body="<p>Der erste Entwurf.</p>",
        status=Article.Status.DRAFT,
        age=None,
        user=reporter,
    )


def version_in(content: str) -> int:
    return int(re.search(r'name="version" value="(\d+)"', content)[1])


@pytest.fixture
def refused(story, eda, reporter):
    """Eda and Ron open version 1; Eda saves first, then Ron."""
    opened = Article.objects.get(pk=story.pk)
    url = reverse("desk:article_edit", args=[story.pk])
    edas = client_for(eda).post(url, form_data(opened, headline="Edas neue Überschrift"))
    assert edas.status_code == 302
    return client_for(reporter).post(url, form_data(opened, body=TYPED_BODY))


def test_a_stale_save_is_refused_and_saves_nothing(refused, story):
    assert refused.status_code == 409
    story.refresh_from_db()
    assert story.headline == "Edas neue Überschrift"
    assert story.body == "<p>Der erste Entwurf.</p>"
    assert story.version == 2
    assert story.revisions.count() == 2


def test_the_conflict_page_keeps_the_typed_text_and_shows_the_stored_one(refused, story):
    content = refused.content.decode()
    # Ron's text is still in the form (the rich text editor's textarea) …
    textarea = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', content, re.S)[1]
    assert html.unescape(textarea).strip() == TYPED_BODY
    # … and Eda's version stands next to it, rendered, read-only.
    panel = re.search(r'<section class="conflict".*?</section>', content, re.S)[0]
    assert "Saved by Eda Engel at" in panel
    assert "<time" in panel
    assert "Edas neue Überschrift" in panel
    assert "<p>Der erste Entwurf.</p>" in panel
    assert "<textarea" not in panel and "<input" not in panel
    # The message says what happened and what to do.
    messages = [str(m) for m in refused.context["messages"]]
    assert any("Someone else saved this article" in m for m in messages)
    # The next save is made on top of the stored version.
    assert version_in(content) == 2
    assert refused.context["conflict_revision"].number == 2


def test_the_second_save_with_the_version_of_the_conflict_page_goes_through(
    refused, story, reporter
):
    data = form_data(story, body=TYPED_BODY, headline="Edas neue Überschrift")
    data["version"] = version_in(refused.content.decode())
    response = client_for(reporter).post(reverse("desk:article_edit", args=[story.pk]), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.body == TYPED_BODY
    assert story.headline == "Edas neue Überschrift"
    assert story.version == 3
    newest = story.revisions.order_by("-number").first()
    assert (newest.number, newest.created_by) == (3, reporter)


def test_without_a_conflict_there_is_no_conflict_panel(story, eda):
    response = client_for(eda).get(reverse("desk:article_edit", args=[story.pk]))
    assert response.status_code == 200
    assert 'class="conflict"' not in response.content.decode()
