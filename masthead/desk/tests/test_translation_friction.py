"""Translation without friction: the translation's slug follows its own
headline, an emptied slug is made anew, topics map between languages,
alt text and captions are marked "needs translation", the hint fits the
translator, a correction to one version is flagged on the others."""

import pytest
from django.urls import reverse

from masthead.articles import services
from masthead.articles.models import Article
from masthead.sections.models import Tag
from masthead.testing import client_for, form_data
from masthead.translations import services as translations
from masthead.translations.models import Segment

pytestmark = pytest.mark.django_db


@pytest.fixture
def german(make_article, make_image, make_tag, editor):
    budget = make_tag("Haushalt")
    picture = make_image(name="rathaus.png", alt={"de": "Das Rathaus"}, caption={"de": "Im Rat"})
    return make_article(
        "Der Rat beschließt den Haushalt",
        slug="der-rat-beschliesst-den-haushalt",
        tags=[budget],
        lead_image=picture,
        body=f'<p>Text.</p><figure data-image="{picture.pk}" data-size="column">'
        "<figcaption>Die Sitzung am Dienstag</figcaption></figure>",
        user=editor,
    )


def write(version, key, text, user):
    """Translate the segment ``key`` of ``version`` in the translation desk."""
    segment = Segment.objects.get(translation__article=version, key=key)
    translations.save_segments(segment.translation, {segment.pk: translations.Change(text)}, user)
    version.refresh_from_db()


def translate(client, article, language="en"):
    response = client.post(reverse("desk:article_translate", args=[article.pk, language]))
    assert response.status_code == 302
    return Article.objects.get(translation_key=article.translation_key, language=language)


def test_the_translations_slug_follows_its_own_headline(german, translator):
    client = client_for(translator)
    english = translate(client, german)
    assert english.slug == "der-rat-beschliesst-den-haushalt"  # from the copied headline
    write(english, "headline", "Council passes the budget", translator)
    assert english.slug == "council-passes-the-budget"
    # A slug set by hand stays, whatever the headline does.
    client.post(
        reverse("desk:article_edit", args=[english.pk]),
        form_data(english, slug="budget-vote", lead_image_alt="The town hall"),
    )
    english.refresh_from_db()
    assert english.slug == "budget-vote"
    write(english, "headline", "Council passes budget", translator)
    assert english.slug == "budget-vote"


def test_a_published_articles_slug_does_not_follow_its_headline(german, editor_client):
    editor_client.post(
        reverse("desk:article_edit", args=[german.pk]), form_data(german, headline="Neu")
    )
    german.refresh_from_db()
    assert german.slug == "der-rat-beschliesst-den-haushalt"


def test_an_emptied_slug_is_made_anew(german, editor_client):
    response = editor_client.post(
        reverse("desk:article_edit", args=[german.pk]),
        form_data(german, slug="", headline="Der Rat beschließt den Etat"),
    )
    assert response.status_code == 302
    german.refresh_from_db()
    assert german.slug == "der-rat-beschliesst-den-etat"
    # The old address still leads to it.
    assert german.old_slugs.filter(slug="der-rat-beschliesst-den-haushalt").exists()


def test_translating_picks_the_linked_topics(german, make_tag, editor):
    haushalt = german.tags.get()
    budget = make_tag("Budget", language="en")
    Tag.objects.create(language="en", name="Haushalt", slug="haushalt-en")  # not linked
    haushalt.link(budget)
    english = services.translate(german, "en", editor)
    assert list(english.tags.all()) == [budget]


def test_tags_are_linked_in_the_admin(client, administrator, make_tag):
    haushalt = make_tag("Haushalt")
    budget = make_tag("Budget", language="en")
    client.force_login(administrator)
    url = reverse("admin:sections_tag_change", args=[budget.pk])
    data = {"language": "en", "name": "Budget", "slug": "budget", "same_as": haushalt.pk}
    assert client.post(url, data).status_code == 302
    budget.refresh_from_db()
    assert list(budget.versions()) == [haushalt]
    # One version per language: a second English tag cannot join the topic.
    finance = make_tag("Finance", language="en")
    url = reverse("admin:sections_tag_change", args=[finance.pk])
    data = {"language": "en", "name": "Finance", "slug": "finance", "same_as": haushalt.pk}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "hat in dieser Sprache schon eine Fassung" in response.content.decode()
    finance.refresh_from_db()
    assert finance.topic is None


def test_alt_text_and_captions_are_marked_as_needing_translation(german, translator):
    client = client_for(translator)
    english = translate(client, german)
    html = client.get(reverse("desk:article_edit", args=[english.pk])).content.decode()
    assert "Needs translation" in html
    assert "Alt text of Picture" in html and "Das Rathaus" in html
    assert "Caption of Picture" in html and "Im Rat" in html
    assert "in the text" in html and "Die Sitzung am Dienstag" in html
    # Once written (in the translation desk, where they are segments), they
    # are no longer listed.
    image = german.lead_image
    write(english, f"alt:{image.pk}", "The town hall", translator)
    write(english, f"caption:{image.pk}", "In the council", translator)
    caption = Segment.objects.get(translation__article=english, block="figcaption")
    translations.save_segments(
        caption.translation, {caption.pk: translations.Change("Tuesday's session")}, translator
    )
    html = client.get(reverse("desk:article_edit", args=[english.pk])).content.decode()
    assert "Needs translation" not in html


def test_the_hint_fits_who_translates(german, translator, editor):
    response = client_for(translator).post(
        reverse("desk:article_translate", args=[german.pk, "en"]), follow=True
    )
    hint = [str(m) for m in response.context["messages"]][0]
    assert "submit it for review" in hint and "publish" not in hint
    other = client_for(editor).post(
        reverse("desk:article_translate", args=[german.pk, "de"]), follow=True
    )
    assert other.status_code == 404  # its own language
    Article.objects.filter(language="en").delete()
    response = client_for(editor).post(
        reverse("desk:article_translate", args=[german.pk, "en"]), follow=True
    )
    assert "then publish it" in [str(m) for m in response.context["messages"]][0]


def test_a_correction_to_one_version_is_flagged_on_the_others(german, editor):
    english = services.translate(german, "en", editor)
    client = client_for(editor)
    url = reverse("desk:article_edit", args=[english.pk])
    assert "got a correction" not in client.get(url).content.decode()
    services.add_correction(german, "Die Sitzung war am Mittwoch.", user=editor)
    html = client.get(url).content.decode()
    assert "The version in German got a correction" in html
    assert "Die Sitzung war am Mittwoch." in html
    services.add_correction(english, "The session was on Wednesday.", user=editor)
    assert "got a correction" not in client.get(url).content.decode()


def test_tags_without_a_topic_are_not_linked(make_tag):
    assert not make_tag("Allein").versions().exists()
    assert Tag.objects.filter(topic__isnull=False).count() == 0
