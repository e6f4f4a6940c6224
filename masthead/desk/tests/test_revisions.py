"""Revisions: every save keeps one; two can be compared; an editor can
restore an old one, which is saved as a new revision.

Ron the reporter writes the article, Eda the editor changes it."""

import re

import pytest
from django.urls import reverse

from masthead.articles.models import Article, Revision
from masthead.desk.revisions import DELETE, EQUAL, INSERT, body_blocks, diff_body, diff_words
from masthead.testing import client_for, form_data

pytestmark = pytest.mark.django_db


def write(make_article, user, headline, **fields):
    """A draft saved by ``user`` (revision 1)."""
    return make_article(headline, status=Article.Status.DRAFT, age=None, user=user, **fields)


@pytest.fixture
def article(make_article, reporter, editor):
    """Written by the reporter, then changed by the editor: two revisions."""
    story = write(
        make_article,
        reporter,
        "Der Rat vertagt den Haushalt",
        body="<h2>Im Rathaus</h2><p>Der Rat hat am Dienstag beraten.</p><p>Alles bleibt offen.</p>",
    )
    response = client_for(editor).post(
        reverse("desk:article_edit", args=[story.pk]),
        form_data(
            story,
            headline="Der Rat beschließt den Haushalt",
            body="<h2>Im Rathaus</h2><p>Der Rat hat am Mittwoch beschlossen.</p>"
            "<p>Die Opposition stimmte dagegen.</p>",
        ),
    )
    assert response.status_code == 302
    story.refresh_from_db()
    return story


def numbers(article):
    return list(article.revisions.order_by("number").values_list("number", flat=True))


def test_every_save_keeps_a_revision_with_its_number_and_author(
    article, reporter, editor, administrator
):
    first, second = article.revisions.order_by("number")
    assert (first.number, first.created_by, first.headline) == (
        1,
        reporter,
        "Der Rat vertagt den Haushalt",
    )
    assert (second.number, second.created_by, second.headline) == (
        2,
        editor,
        "Der Rat beschließt den Haushalt",
    )
    assert "Mittwoch" in second.body

    client = client_for(administrator)
    article.refresh_from_db()
    client.post(
        reverse("desk:article_edit", args=[article.pk]),
        form_data(article, standfirst="Neu."),
    )
    assert numbers(article) == [1, 2, 3]
    third = article.revisions.get(number=3)
    assert third.created_by == administrator
    assert third.standfirst == "Neu."


def test_the_list_shows_every_revision_with_time_author_and_radios(article, reporter):
    response = client_for(reporter).get(reverse("desk:article_revisions", args=[article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="a"') == 2 and html.count('name="b"') == 2
    assert 'id="revision-1"' in html and 'id="revision-2"' in html
    # Those without a full name under their username.
    assert "<td>eda</td>" in html and "<td>ron</td>" in html
    # The newest is compared with the one before it unless chosen otherwise.
    assert re.search(r'name="a" value="1"[^>]*checked', html)
    assert re.search(r'name="b" value="2"[^>]*checked', html)
    # A reporter may look, but not restore.
    assert "data-restore" not in html
    assert reverse("desk:article_revision_compare", args=[article.pk]) in html


def test_the_editor_links_to_the_revisions(article, editor):
    response = client_for(editor).get(reverse("desk:article_edit", args=[article.pk]))
    assert reverse("desk:article_revisions", args=[article.pk]) in response.content.decode()


def test_compare_marks_insertions_and_deletions(article, editor):
    url = reverse("desk:article_revision_compare", args=[article.pk])
    response = client_for(editor).get(url, {"a": 1, "b": 2})
    assert response.status_code == 200
    html = response.content.decode()
    marked = r'<{0} class="diff-{1}"><span class="visually-hidden">[^<]+</span>([^<]*)</{0}>'
    deleted = re.findall(marked.format("del", "del"), html)
    inserted = re.findall(marked.format("ins", "ins"), html)
    assert "vertagt" in deleted and "beschließt" in inserted
    assert "Dienstag" in deleted and "Mittwoch" in inserted
    assert "Alles bleibt offen." in deleted
    assert "Die Opposition stimmte dagegen." in inserted
    # Unchanged text is shown as it is, neither inserted nor deleted.
    assert "Im Rathaus" in html and "Im Rathaus" not in "".join(deleted + inserted)
    # Screen readers hear what changed, not only see it.
    assert 'class="visually-hidden">inserted: </span>' in html
    assert 'class="visually-hidden">deleted: </span>' in html

    # The order of a and b does not matter: older is always compared to newer.
    assert client_for(editor).get(url, {"a": 2, "b": 1}).content.decode().count(
        "<del"
    ) == html.count("<del")


def test_compare_of_unknown_revisions_is_404(article, editor):
    client = client_for(editor)
    url = reverse("desk:article_revision_compare", args=[article.pk])
    assert client.get(url, {"a": 1, "b": 9}).status_code == 404
    assert client.get(url, {"a": "x", "b": 2}).status_code == 404
    assert client.get(url).status_code == 404


def test_restore_brings_back_the_old_text_as_a_new_revision(article, editor):
    client = client_for(editor)
    response = client.post(
        reverse("desk:article_revision_restore", args=[article.pk, 1]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("desk:article_edit", args=[article.pk])
    article.refresh_from_db()
    assert article.headline == "Der Rat vertagt den Haushalt"
    assert "Alles bleibt offen." in article.body
    assert numbers(article) == [1, 2, 3]
    newest = article.revisions.get(number=3)
    assert newest.created_by == editor
    assert newest.headline == "Der Rat vertagt den Haushalt"
    assert newest.note == "restored #1"
    # Nothing is lost: the text before the restore is still revision 2.
    assert "Mittwoch" in article.revisions.get(number=2).body
    messages = [str(m) for m in response.context["messages"]]
    assert any("1" in m and "3" in m for m in messages)
    # The list names a restore in the reader's language.
    listing = client.get(reverse("desk:article_revisions", args=[article.pk]))
    assert "Restored from revision 1" in listing.content.decode()


@pytest.mark.parametrize("role", ["reporter", "contributor"])
def test_restore_is_forbidden_without_the_right(make_article, persona, role):
    user = persona(role)
    own = write(make_article, user, "Eigener Artikel")
    client_for(user).post(
        reverse("desk:article_edit", args=[own.pk]), form_data(own, headline="Geändert")
    )
    assert own.revisions.count() == 2
    response = client_for(user).post(reverse("desk:article_revision_restore", args=[own.pk, 1]))
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.headline == "Geändert"
    assert own.revisions.count() == 2


def test_restore_is_allowed_for_an_editor_and_an_administrator(article, persona):
    for role in ("editor", "administrator"):
        response = client_for(persona(role)).post(
            reverse("desk:article_revision_restore", args=[article.pk, 1])
        )
        assert response.status_code == 302
    assert Revision.objects.filter(article=article).count() == 4


def test_restore_asks_first_and_needs_an_existing_revision(article, editor):
    client = client_for(editor)
    url = reverse("desk:article_revision_restore", args=[article.pk, 1])
    response = client.get(url)  # the question, with what would change
    assert response.status_code == 200
    assert f'action="{url}"' in response.content.decode()
    assert article.revisions.count() == 2
    missing = reverse("desk:article_revision_restore", args=[article.pk, 9])
    assert client.get(missing).status_code == 404
    assert client.post(missing).status_code == 404


def test_revisions_need_the_right_to_view_the_article(article, contributor, client):
    # A contributor sees only her own articles.
    cora = client_for(contributor)
    assert cora.get(reverse("desk:article_revisions", args=[article.pk])).status_code == 403
    compare = reverse("desk:article_revision_compare", args=[article.pk])
    assert cora.get(compare, {"a": 1, "b": 2}).status_code == 403
    # Signed out: to the sign-in page.
    response = client.get(reverse("desk:article_revisions", args=[article.pk]))
    assert response.status_code == 302 and reverse("desk:login") in response["Location"]


# The comparison itself


def test_body_blocks_are_the_plain_text_of_each_block():
    html = "<p>One <strong>bold</strong> word</p><ul><li>first</li><li>second</li></ul><p></p>"
    assert body_blocks(html) == [("p", "One bold word"), ("li", "first"), ("li", "second")]


def test_an_embed_node_is_a_block_of_its_address():
    youtube = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=4"
    html = f'<p>Das Video:</p><figure data-embed="{youtube}"></figure>'

    assert body_blocks(html) == [
        ("p", "Das Video:"),
        ("figure", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=4"),
    ]
    [added] = [b for b in diff_body("<p>Das Video:</p>", html) if b.op == INSERT]
    assert added.kind == "figure"


def test_diff_words_keeps_the_spaces():
    segments = diff_words("Der Rat tagt heute", "Der Rat tagt morgen")
    assert [(s.op, s.text) for s in segments] == [
        (EQUAL, "Der Rat tagt "),
        (DELETE, "heute"),
        (INSERT, "morgen"),
    ]


def test_diff_body_pairs_changed_paragraphs_and_shows_new_and_removed_ones():
    same = "<p>Erster Absatz bleibt.</p>"
    old = same + "<p>Zweiter Absatz wird geändert heute.</p><p>Weg.</p>"
    new = same + "<p>Zweiter Absatz wird geändert morgen.</p><p>Ganz neu hier.</p>"
    blocks = diff_body(old, new)
    assert [b.op for b in blocks] == ["equal", "change", "delete", "insert"]
    assert [(s.op, s.text) for s in blocks[1].segments][-2:] == [
        (DELETE, "heute."),
        (INSERT, "morgen."),
    ]


def test_a_revision_an_import_made_is_named_in_the_desk_language(make_article, editor):
    story = write(make_article, editor, "Aus dem alten Archiv")
    Revision.objects.filter(article=story).update(note="Import: WordPress")
    listing = client_for(editor).get(reverse("desk:article_revisions", args=[story.pk]))
    page = listing.content.decode()
    assert "Import: WordPress" not in page
    assert "Imported from a WordPress export" in page
