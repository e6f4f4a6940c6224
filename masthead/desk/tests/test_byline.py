"""The byline keeps the order the editor chose."""

import pytest
from django.urls import reverse

from masthead.articles.models import Article
from masthead.people.models import Author
from masthead.testing import form_data


@pytest.fixture
def writers(db):
    return [
        Author.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name in ("Anna Zeller", "Bert Yilmaz", "Carla Xu", "Dario Weiss")
    ]


def test_it_keeps_the_byline_order(post_article, writers, client):
    anna, bert, carla, dario = writers
    post_article(author_1=carla.pk, author_2=anna.pk, author_3=dario.pk)
    article = Article.objects.get()
    assert article.byline_authors == [carla, anna, dario]
    page = client.get(article.get_absolute_url()).content.decode()
    assert page.index("Carla Xu") < page.index("Anna Zeller") < page.index("Dario Weiss")


def test_it_skips_empty_lines(post_article, writers):
    anna, bert, carla, dario = writers
    post_article(author_1="", author_2=bert.pk, author_3="", author_4=anna.pk)
    assert Article.objects.get().byline_authors == [bert, anna]


def test_it_reorders_and_removes_authors_when_editing(post_article, writers, editor_client):
    anna, bert, carla, dario = writers
    post_article(author_1=anna.pk, author_2=bert.pk, author_3=carla.pk)
    article = Article.objects.get()
    data = form_data(article, author_1=carla.pk, author_2=anna.pk, author_3="")
    editor_client.post(reverse("desk:article_edit", args=[article.pk]), data)
    assert Article.objects.get().byline_authors == [carla, anna]


def test_it_offers_one_more_line_than_there_are_authors(post_article, writers, editor_client):
    post_article(**{f"author_{n}": w.pk for n, w in enumerate(writers, 1)})
    article = Article.objects.get()
    form = editor_client.get(reverse("desk:article_edit", args=[article.pk])).context["form"]
    assert [f.value() for f in form.author_fields] == [*(w.pk for w in writers), None]


def test_it_allows_a_story_without_byline(post_article):
    post_article(author_1="")
    assert Article.objects.get().byline_authors == []
