"""A small newsroom as the WordPress API shows it: German and English
stories (one story in both), a section inside another, tags, two authors,
a lead image with its renditions, and what readers must not see (a draft,
a scheduled story, a tag and an author only the draft has)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.articles import frontpage, services
from masthead.articles.models import Article
from masthead.media import renditions
from masthead.sections.models import Section


def api(client, path, language="", **headers):
    """GET ``/wp-json`` + ``path`` (under ``/<language>`` when given): the
    response, its JSON read. The site's default language is German, so
    tests of WordPress's English sentences ask the English API."""
    prefix = f"/{language}" if language else ""
    response = client.get(prefix + "/wp-json" + path, **headers)
    response.data = response.json() if response.content else None
    return response


@pytest.fixture
def europe(world):
    return Section.objects.create(
        parent=world, names={"de": "Europa", "en": "Europe"}, slugs={"de": "europa", "en": "europe"}
    )


@pytest.fixture
def newsroom(
    make_article, make_tag, make_author, make_image, author, world, science, europe,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    """The stories, indexed for search (the index follows commits)."""
    budget, climate = make_tag("Haushalt"), make_tag("Klima")
    secret_tag = make_tag("Geheim")
    jonas = make_author("Jonas Weber")
    hidden_author = make_author("Nora Entwurf")
    image = make_image(
        width=700,
        height=400,
        alt={"de": "Das Rathaus", "en": "The town hall"},
        caption={"de": "Am Markt"},
        credit="Jana Berger",
    )
    renditions.make_renditions(image)
    with django_capture_on_commit_callbacks(execute=True):
        council = make_article(
            "Der Rat beschließt den Haushalt",
            tags=[budget],
            authors=[author, jonas],
            age=timedelta(hours=1),
            lead_image=image,
        )
        storm = make_article(
            "Sturm über Brüssel",
            section=europe,
            tags=[climate],
            age=timedelta(hours=2),
            body="<p>Der Sturm erreichte am Abend die Stadt.</p>",
        )
        moon = make_article(
            "Neue Bilder vom Mond",
            section=science,
            authors=[jonas],
            age=timedelta(hours=3),
            body="<p>Die Sonde schickte Bilder vom Krater.</p>",
        )
        english = services.translate(council, "en")
        english.headline = "The council passes the budget"
        english.body = "<p>The council passed the budget on Tuesday.</p>"
        english = services.save_article(english, authors=[author], tags=[make_tag("Budget", "en")])
        services.publish(english, at=timezone.now() - timedelta(minutes=30))
        draft = make_article(
            "Geheimer Entwurf",
            status=Article.Status.DRAFT,
            age=None,
            tags=[secret_tag],
            authors=[hidden_author],
        )
        scheduled = make_article(
            "Morgen erscheint das", publish_at=timezone.now() + timedelta(days=1)
        )
    frontpage.pin(storm, 1)
    english.refresh_from_db()
    return {
        "council": council,
        "storm": storm,
        "moon": moon,
        "english": english,
        "draft": draft,
        "scheduled": scheduled,
        "budget": budget,
        "climate": climate,
        "secret_tag": secret_tag,
        "jonas": jonas,
        "hidden_author": hidden_author,
        "image": image,
    }
