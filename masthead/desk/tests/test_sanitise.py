"""Whatever arrives in the body, only the allowed HTML is stored."""

from django.urls import reverse

from masthead.articles.models import Article
from masthead.testing import form_data


def test_it_removes_scripts_and_handlers_from_a_new_body(post_article, client):
    post_article(
        body='<p onclick="steal()">Hallo<script>alert(1)</script></p>'
        '<p><a href="javascript:alert(2)">Link</a></p>',
    )
    article = Article.objects.get()
    assert "<script" not in article.body
    assert "alert" not in article.body
    assert "onclick" not in article.body
    assert "javascript:" not in article.body
    assert "<p>Hallo</p>" in article.body
    page = client.get(article.get_absolute_url()).content.decode()
    assert "alert(1)" not in page


def test_it_removes_scripts_when_editing(make_article, editor_client):
    article = make_article()
    editor_client.post(
        reverse("desk:article_edit", args=[article.pk]),
        form_data(article, body="<h2>Zwischentitel</h2><script>evil()</script><p>Text</p>"),
    )
    article.refresh_from_db()
    assert article.body == "<h2>Zwischentitel</h2><p>Text</p>"


def test_it_stores_an_empty_editor_as_an_empty_body(post_article):
    post_article(body="<p></p>")
    assert Article.objects.get().body == ""
