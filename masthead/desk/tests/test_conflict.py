"""No lost work when two people edit the same article: the later save is
refused (409), keeps everything its editor typed, shows the version saved in
the meantime beside it, and the next save, made knowing both, goes through."""

import html
import re

import pytest
from django.urls import reverse

from masthead.articles.models import Article

from .personas_revisions import client_for, form_data, person, write_article

pytestmark = pytest.mark.django_db

TYPED_BODY = "<p>Bens neuer Absatz über die Abstimmung im Stadtrat.</p>"


@pytest.fixture
def anna():
    user = person("editor", "anna")
    user.first_name, user.last_name = "Anna", "Adler"
    user.save()
    return user


@pytest.fixture
def ben():
    return person("editor", "ben")


@pytest.fixture
def story(anna, world, author):
    return write_article(anna, world, author, body="<p>Der erste Entwurf.</p>")


def version_in(content: str) -> int:
    return int(re.search(r'name="version" value="(\d+)"', content)[1])


@pytest.fixture
def refused(story, anna, ben):
    """Anna and Ben open version 1; Anna saves first, then Ben."""
    opened = Article.objects.get(pk=story.pk)
    url = reverse("desk:article_edit", args=[story.pk])
    annas = client_for(anna).post(url, form_data(opened, headline="Annas neue Überschrift"))
    assert annas.status_code == 302
    return client_for(ben).post(url, form_data(opened, body=TYPED_BODY))


def test_a_stale_save_is_refused_and_saves_nothing(refused, story):
    assert refused.status_code == 409
    story.refresh_from_db()
    assert story.headline == "Annas neue Überschrift"
    assert story.body == "<p>Der erste Entwurf.</p>"
    assert story.version == 2
    assert story.revisions.count() == 2


def test_the_conflict_page_keeps_the_typed_text_and_shows_the_stored_one(refused, story):
    content = refused.content.decode()
    # Ben's text is still in the form (the rich text editor's textarea) …
    textarea = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', content, re.S)[1]
    assert html.unescape(textarea).strip() == TYPED_BODY
    # … and Anna's version stands next to it, rendered, read-only.
    panel = re.search(r'<section class="conflict".*?</section>', content, re.S)[0]
    assert "Saved by Anna Adler at" in panel
    assert "<time" in panel
    assert "Annas neue Überschrift" in panel
    assert "<p>Der erste Entwurf.</p>" in panel
    assert "<textarea" not in panel and "<input" not in panel
    # The message says what happened and what to do.
    messages = [str(m) for m in refused.context["messages"]]
    assert any("Someone else saved this article" in m for m in messages)
    # The next save is made on top of the stored version.
    assert version_in(content) == 2
    assert refused.context["conflict_revision"].number == 2


def test_the_second_save_with_the_version_of_the_conflict_page_goes_through(refused, story, ben):
    data = form_data(story, body=TYPED_BODY, headline="Annas neue Überschrift")
    data["version"] = version_in(refused.content.decode())
    response = client_for(ben).post(reverse("desk:article_edit", args=[story.pk]), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.body == TYPED_BODY
    assert story.headline == "Annas neue Überschrift"
    assert story.version == 3
    newest = story.revisions.order_by("-number").first()
    assert (newest.number, newest.created_by) == (3, ben)


def test_without_a_conflict_there_is_no_conflict_panel(story, anna):
    response = client_for(anna).get(reverse("desk:article_edit", args=[story.pk]))
    assert response.status_code == 200
    assert 'class="conflict"' not in response.content.decode()
