"""Tags: chosen from the article's language, or typed in as new ones."""

from django.urls import reverse

from masthead.articles.models import Article
from masthead.sections.models import Tag
from masthead.testing import form_data


def test_it_creates_new_tags_in_the_article_language(post_article, make_tag):
    climate = make_tag("Klima")
    post_article(
        language="en", headline="Heat", tags=[], new_tags="Climate,  Energy policy , ,Climate"
    )
    article = Article.objects.get()
    assert sorted((t.name, t.language, t.slug) for t in article.tags.all()) == [
        ("Climate", "en", "climate"),
        ("Energy policy", "en", "energy-policy"),
    ]
    assert Tag.objects.filter(language="de").get() == climate


def test_it_reuses_a_tag_that_exists(post_article, make_tag):
    energy = make_tag("Energie")
    post_article(new_tags="energie, Wärme")
    article = Article.objects.get()
    assert energy in article.tags.all()
    assert Tag.objects.filter(slug="waerme", language="de").exists()
    assert Tag.objects.count() == 2


def test_it_combines_chosen_and_new_tags(post_article, make_tag):
    climate = make_tag("Klima")
    post_article(tags=[climate.pk], new_tags="Wetter")
    assert sorted(t.name for t in Article.objects.get().tags.all()) == ["Klima", "Wetter"]


def test_it_lists_only_tags_in_the_article_language(editor_client, make_article, make_tag):
    make_tag("Klima", language="de")
    make_tag("Climate", language="en")
    article = make_article(language="en", headline="Heat")
    form = editor_client.get(reverse("desk:article_edit", args=[article.pk])).context["form"]
    assert [t.name for t in form.fields["tags"].queryset] == ["Climate"]


def test_it_refuses_a_tag_in_another_language(post_article, make_tag):
    climate = make_tag("Climate", language="en")
    response = post_article(tags=[climate.pk])
    assert list(response.context["form"].errors) == ["tags"]
    assert not Article.objects.exists()


def test_it_refuses_a_tag_without_letters(post_article):
    response = post_article(new_tags="Klima, ???")
    assert list(response.context["form"].errors) == ["new_tags"]
    assert not Tag.objects.exists()


def test_a_tag_in_another_script_gets_a_readable_address(post_article):
    """A German article tagged with a Ukrainian place name: transliterated,
    never refused for having no letter from A to Z."""
    post_article(new_tags="Харків")
    assert Tag.objects.get(language="de").slug == "kharkiv"


def test_it_creates_no_tag_when_the_article_is_not_saved(post_article):
    post_article(headline="", new_tags="Klima")
    assert not Tag.objects.exists()


def test_it_adds_new_tags_when_editing(make_article, editor_client):
    article = make_article()
    editor_client.post(
        reverse("desk:article_edit", args=[article.pk]), form_data(article, new_tags="Rat")
    )
    assert [t.name for t in article.tags.all()] == ["Rat"]


def test_it_creates_no_tag_when_the_service_refuses_the_article(post_article, monkeypatch):
    from django.core.exceptions import ValidationError

    from masthead.articles import services

    def refuse(article, **kwargs):
        raise ValidationError({"slug": ["Taken meanwhile."], "created_by": ["Odd."]})

    monkeypatch.setattr(services, "save_article", refuse)
    response = post_article(new_tags="Klima")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["slug"] == ["Taken meanwhile."]
    assert errors["__all__"] == ["Odd."]
    assert not Tag.objects.exists()
    assert not Article.objects.exists()
