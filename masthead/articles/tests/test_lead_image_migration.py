"""Migration 0009 moves the old image fields of each article into the media
library: one Image per stored file (not copied), alt text and caption
under the article's language, the credit and the uploader kept; 0010
removes the old fields. Both run backwards too.

The migrations run for real on the test database (the migration executor),
from the state before the move to the state after it."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from masthead.lib.tests.test_images import image_bytes

BEFORE = [("articles", "0008_article_lead_image"), ("media", "0001_initial")]
AFTER = [("articles", "0010_remove_old_image_fields")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    """Every app at its last migration, as the other tests expect the
    database (also the migrations that came after 0010)."""
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture
def old_newsroom(transactional_db, django_user_model):
    """Articles as they were stored before the media library, made with the
    historical models of migration 0008."""
    apps = migrate(BEFORE)
    Article = apps.get_model("articles", "Article")
    Section = apps.get_model("sections", "Section")
    User = apps.get_model("auth", "User")
    ron = User.objects.create(username="ron", is_staff=True)
    world = Section.objects.create(
        names={"de": "Welt", "en": "World"}, slugs={"de": "welt", "en": "world"}
    )
    shared = default_storage.save(
        "articles/2026/01/rathaus.jpg", ContentFile(image_bytes("JPEG", size=(60, 40)))
    )
    single = default_storage.save("articles/2026/01/hafen.png", ContentFile(image_bytes("PNG")))
    now = timezone.now()

    def article(language, slug, **fields):
        return Article.objects.create(
            language=language,
            headline=slug,
            slug=slug,
            section=world,
            status="published",
            publish_at=now - timedelta(hours=1),
            created_by=ron,
            **fields,
        )

    german = article(
        "de",
        "rathaus",
        image=shared,
        image_width=60,
        image_height=40,
        image_alt="Das Rathaus",
        image_caption="Im Winter",
        image_credit="Jana Berger",
    )
    english = article(
        "en",
        "town-hall",
        translation_key=german.translation_key,
        image=shared,
        image_width=60,
        image_height=40,
        image_alt="The town hall",
        image_caption="",
        image_credit="Jana Berger",
    )
    harbour = article(
        "de", "hafen", image=single, image_width=40, image_height=30, image_alt="Der Hafen"
    )
    plain = article("de", "ohne-bild")
    yield {
        "ron": ron.pk,
        "shared": shared,
        "single": single,
        "german": german.pk,
        "english": english.pk,
        "harbour": harbour.pk,
        "plain": plain.pk,
    }
    migrate_to_latest()  # leave the database as the other tests expect it


def test_each_file_becomes_one_library_image(old_newsroom):
    apps = migrate(AFTER)
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("media", "Image")

    assert Image.objects.count() == 2
    town_hall = Image.objects.get(file=old_newsroom["shared"])
    assert town_hall.alt == {"de": "Das Rathaus", "en": "The town hall"}
    assert town_hall.caption == {"de": "Im Winter"}
    assert town_hall.credit == "Jana Berger"
    assert (town_hall.width, town_hall.height) == (60, 40)
    assert town_hall.file_size == default_storage.size(old_newsroom["shared"])
    assert town_hall.original_name == "rathaus.jpg"
    assert town_hall.uploaded_by_id == old_newsroom["ron"]

    lead = dict(Article.objects.values_list("pk", "lead_image_id"))
    assert lead[old_newsroom["german"]] == lead[old_newsroom["english"]] == town_hall.pk
    harbour = Image.objects.get(pk=lead[old_newsroom["harbour"]])
    assert harbour.file.name == old_newsroom["single"]
    assert harbour.alt == {"de": "Der Hafen"}
    assert lead[old_newsroom["plain"]] is None
    # The files stay where they were: no copies.
    assert default_storage.exists(old_newsroom["shared"])
    assert not default_storage.exists("images")


def test_it_runs_backwards(old_newsroom):
    migrate(AFTER)
    apps = migrate(BEFORE)
    Article = apps.get_model("articles", "Article")
    english = Article.objects.get(pk=old_newsroom["english"])
    assert english.image.name == old_newsroom["shared"]
    assert (english.image_alt, english.image_credit) == ("The town hall", "Jana Berger")
    assert (english.image_width, english.image_height) == (60, 40)
    assert Article.objects.get(pk=old_newsroom["plain"]).image.name in ("", None)
