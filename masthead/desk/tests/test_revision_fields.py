"""Every change visible before it counts: the comparison of two revisions
shows every field (slug, section, topics, byline, images and their alt
text, link targets, kicker, publish time …), restoring a published
article's revision and unpublishing ask first, a save can carry a note."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.articles.models import Article
from masthead.testing import client_for, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(make_article, make_image, make_author, make_tag, reporter, editor):
    """A published story saved twice by the editor: almost every field changed."""
    first_image = make_image(name="rathaus.png", alt={"de": "Das Rathaus"}, credit="Jana Berger")
    article = make_article(
        "Der Rat tagt",
        user=reporter,
        slug="der-rat-tagt",
        body='<p>Mehr beim <a href="https://stadt.example/rat">Rat</a>.</p>',
        lead_image=first_image,
        tags=[make_tag("Haushalt")],
    )
    article.refresh_from_db()
    client = client_for(editor, "de")
    response = client.post(
        reverse("desk:article_edit", args=[article.pk]),
        form_data(
            article,
            kicker="Kommunalpolitik",
            slug="der-rat-tagt-wieder",
            body='<p>Mehr beim <a href="https://stadt.example/rat/sitzung">Rat</a>.</p>',
            lead_image_alt="Der Ratssaal von innen",
            tags=[make_tag("Stadtrat").pk],
            author_1=make_author("Jonas Weber").pk,
            publish_at=timezone.localtime(article.publish_at - timedelta(hours=1)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            note="Ort und Link korrigiert",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    return article


def compare(client, article, a=1, b=2):
    url = reverse("desk:article_revision_compare", args=[article.pk])
    response = client.get(url, {"a": a, "b": b})
    assert response.status_code == 200
    return response.content.decode()


def field(html, name):
    start = html.index(f'class="diff__field diff__field--{name}"')
    return html[start : html.index("</div>", start)]


def test_the_comparison_shows_every_field_that_changed(story, editor):
    html = compare(client_for(editor, "de"), story)
    assert "Weitere Felder" in html
    slug = field(html, "slug")
    assert "der-rat-tagt" in slug and "-wieder" in slug and "diff-ins" in slug
    byline = field(html, "byline")
    assert "Hartmann" in byline and "Weber" in byline
    assert "diff-del" in byline and "diff-ins" in byline
    topics = field(html, "topics")
    assert "Haushalt" in topics and "Stadtrat" in topics
    assert "Kommunalpolitik" in field(html, "kicker")
    # The link's target changed, its text did not: the text comparison
    # cannot show it, the links can.
    links = field(html, "links")
    assert "https://stadt.example/rat" in links and "sitzung" in links
    alt = field(html, f"alt-{story.lead_image_id}")
    assert "Alternativtext von Bild" in alt
    assert "Rathaus</del>" in alt and "Ratssaal von innen</ins>" in alt
    assert field(html, "publish_at")
    # What did not change is not listed.
    assert "diff__field--section" not in html and "diff__field--lead_image" not in html


def test_the_save_note_shows_in_the_list_of_revisions(story, editor):
    html = client_for(editor).get(reverse("desk:article_revisions", args=[story.pk]))
    assert "Ort und Link korrigiert" in html.content.decode()
    assert story.revisions.get(number=2).note == "Ort und Link korrigiert"


def test_restoring_a_published_article_asks_first_and_keeps_its_address(story, editor):
    client = client_for(editor, "de")
    url = reverse("desk:article_revision_restore", args=[story.pk, 1])
    html = client.get(url).content.decode()
    assert "Fassung 1 wiederherstellen?" in html
    assert "Leserinnen und Leser sehen die wiederhergestellte Fassung sofort" in html
    assert "der-rat-tagt-wieder" in html  # it keeps its address, and says so
    assert "diff__field--slug" in html and "diff__field--byline" in html
    story.refresh_from_db()
    assert story.revisions.count() == 2 and story.slug == "der-rat-tagt-wieder"

    client.post(url)
    story.refresh_from_db()
    assert story.revisions.count() == 3
    assert story.kicker == "" and story.byline_authors[0].name == "Lena Hartmann"
    assert story.slug == "der-rat-tagt-wieder"


def test_a_draft_gets_its_old_slug_back(make_article, editor):
    draft = make_article("Entwurf", status=Article.Status.DRAFT, age=None, user=editor)
    client = client_for(editor)
    client.post(reverse("desk:article_edit", args=[draft.pk]), form_data(draft, slug="neu"))
    client.post(reverse("desk:article_revision_restore", args=[draft.pk, 1]))
    draft.refresh_from_db()
    assert draft.slug == "entwurf"


def test_unpublishing_asks_first(story, editor):
    client = client_for(editor, "de")
    url = reverse("desk:article_unpublish", args=[story.pk])
    html = client.get(url, {"next": "/desk/articles/"}).content.decode()
    assert "zurückziehen?" in html
    assert 'name="next" value="/desk/articles/"' in html
    story.refresh_from_db()
    assert story.status == Article.Status.PUBLISHED
    # Not an address elsewhere, though.
    html = client.get(url, {"next": "https://evil.example/"}).content.decode()
    assert 'name="next" value="https://evil.example/"' not in html

    response = client.post(url, {"next": "/desk/articles/"})
    assert response.url == "/desk/articles/"
    story.refresh_from_db()
    assert story.status == Article.Status.UNPUBLISHED


def test_the_buttons_lead_to_the_questions(story, editor):
    client = client_for(editor)
    editor_page = client.get(reverse("desk:article_edit", args=[story.pk])).content.decode()
    assert f'href="{reverse("desk:article_unpublish", args=[story.pk])}"' in editor_page
    listing = client.get(reverse("desk:article_revisions", args=[story.pk])).content.decode()
    restore = reverse("desk:article_revision_restore", args=[story.pk, 1])
    assert f'href="{restore}"' in listing
