"""Importing the Theme Unit Test data: what each part becomes, run twice."""

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command

from masthead.articles.models import Article, FrontPageSlot
from masthead.importers.models import WordPressItem
from masthead.importers.wordpress.services import import_exports
from masthead.importers.wordpress.wxr import parse_file
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .conftest import THEME_UNIT_TEST, needs_wxr

pytestmark = [needs_wxr, pytest.mark.django_db, pytest.mark.usefixtures("english_terminal")]

SITE = "https://wpthemetestdata.wordpress.com"


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import_wxr", *map(str, args), "--no-progress", stdout=out, **options)
    return out.getvalue()


def article(wp_id: int) -> Article:
    row = WordPressItem.objects.get(site=SITE, kind__in=("post", "page"), wp_id=str(wp_id))
    return Article.objects.get(pk=row.object_id)


@pytest.fixture(autouse=True)
def english_operator(monkeypatch):
    """The report in English (the command speaks the terminal's language)."""
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")


@pytest.fixture
def imported(db):
    return run(THEME_UNIT_TEST)


def test_it_imports_every_post_and_page_with_its_status(imported):
    # 58 posts and 21 pages; menu items and comments are left out.
    assert Article.objects.count() == 79
    assert WordPressItem.objects.filter(kind="post").count() == 58
    assert WordPressItem.objects.filter(kind="page").count() == 21
    counts = {s: Article.objects.filter(status=s).count() for s in Article.Status.values}
    # 56 published posts (one of them password-protected: unpublished),
    # 1 scheduled, 1 draft, 21 published pages.
    assert counts == {"published": 55 + 1 + 21, "draft": 1, "review": 0, "unpublished": 1}
    assert "Skipped — menu items (Masthead builds its menus from the sections): 70" in imported
    assert "Skipped — comments (Masthead has no comments): 33" in imported


def test_a_scheduled_post_is_published_with_its_time_to_come(imported):
    scheduled = article(1153)
    assert scheduled.status == Article.Status.PUBLISHED
    assert scheduled.publish_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)
    assert scheduled.is_scheduled
    assert not Article.objects.public().filter(pk=scheduled.pk).exists()


def test_drafts_and_password_protected_posts_stay_off_the_site(imported, client):
    draft, protected = article(1164), article(1168)
    assert draft.status == Article.Status.DRAFT
    assert protected.status == Article.Status.UNPUBLISHED
    for hidden in (draft, protected):
        assert client.get(hidden.get_absolute_url()).status_code == 404


def test_dates_come_from_the_old_site_in_utc(imported):
    sticky = article(1241)
    assert sticky.publish_at == datetime(2012, 1, 7, 14, 7, 21, tzinfo=UTC)


def test_a_sticky_post_is_pinned_to_the_front_page(imported):
    sticky = article(1241)
    assert list(FrontPageSlot.objects.values_list("article_id", "position")) == [(sticky.pk, 1)]


def test_categories_become_sections_with_their_hierarchy(imported):
    def section(slug):
        row = WordPressItem.objects.get(kind="category", slug=slug)
        return Section.objects.get(pk=row.object_id)

    grandchild = section("grandchild-category")
    assert grandchild.parent == section("child-category-03")
    assert grandchild.parent.parent == section("parent-category")
    assert grandchild.parent.parent.parent is None
    assert grandchild.names["en"] == "Grandchild Category"
    # A post is in the section of its first category.
    sticky = next(item for item in parse_file(THEME_UNIT_TEST).items if item.id == 1241)
    assert article(1241).section == section(sticky.terms_in("category")[0].slug)


def test_pages_are_articles_in_the_pages_section(imported):
    about = article(2)
    assert about.section.slugs["en"] == "pages"
    assert about.section.names == {"de": "Seiten", "en": "Pages"}
    assert about.headline == "About The Tests"


def test_tags_become_topics_of_the_language(imported):
    tags = Tag.objects.filter(language="en")
    assert tags.count() == WordPressItem.objects.filter(kind="tag").count() > 50
    assert not Tag.objects.filter(language="de").exists()


def test_authors_become_profiles_without_accounts(imported):
    names = set(Author.objects.values_list("name", flat=True))
    assert {"Theme Buster", "Theme Reviewer"} <= names
    assert not Author.objects.filter(user__isnull=False).exists()


def test_attachments_and_featured_images_go_to_the_library(imported):
    assert Image.objects.count() == WordPressItem.objects.filter(kind="attachment").count() == 37
    featured = Article.objects.filter(lead_image__isnull=False)
    assert featured.exists()


def test_every_published_story_and_page_can_be_read(imported, client):
    public = Article.objects.public()
    assert public.count() == 55 + 21
    for story in public:
        response = client.get(story.get_absolute_url())
        assert response.status_code == 200, story.headline
        assert b"<script>alert" not in response.content


def test_no_script_survives(imported):
    for body in Article.objects.values_list("body", flat=True):
        assert "<script" not in body.lower()
        assert "javascript:" not in body.lower()


def test_running_it_again_updates_instead_of_duplicating(imported):
    counts = [model.objects.count() for model in (Article, Section, Tag, Author, Image)]
    mapped = WordPressItem.objects.count()
    about = article(2)
    about.headline = "Changed in Masthead"
    about.save()
    second = run(THEME_UNIT_TEST)
    assert [model.objects.count() for model in (Article, Section, Tag, Author, Image)] == counts
    assert WordPressItem.objects.count() == mapped
    assert "Stories: 0 new, 0 updated, 58 unchanged" in second
    assert "Pages: 0 new, 1 updated, 20 unchanged" in second
    assert article(2).headline == "About The Tests"


def test_a_dry_run_saves_nothing(db):
    report = run(THEME_UNIT_TEST, dry_run=True)
    assert report.startswith("Dry run: nothing was saved.")
    assert "Stories: 58 new" in report
    assert not Article.objects.exists()
    assert not WordPressItem.objects.exists()
    assert not Section.objects.exists()


def test_an_error_in_the_middle_leaves_nothing(db, monkeypatch):
    from masthead.importers.wordpress import services

    calls = []
    real = services.convert

    def failing(content, **kwargs):
        calls.append(content)
        if len(calls) == 50:
            raise RuntimeError("the disk is full")
        return real(content, **kwargs)

    # Batches of ten: four of them are in the database when it fails.
    monkeypatch.setattr(services, "BATCH", 10)
    monkeypatch.setattr(services, "convert", failing)
    with pytest.raises(RuntimeError):
        import_exports([parse_file(THEME_UNIT_TEST)])
    assert len(calls) == 50
    for model in (Article, Section, Tag, Author, Image, WordPressItem):
        assert not model.objects.exists(), model


def test_user_accounts_have_no_usable_password(db):
    run(THEME_UNIT_TEST, users=True)
    for author in Author.objects.filter(name__in=["Theme Buster", "Theme Reviewer"]):
        assert author.user is not None
        assert not author.user.has_usable_password()
        assert not author.user.groups.exists()
        assert not author.user.is_staff


def test_it_shows_its_progress_and_reports_in_the_operator_s_language(db, monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_AT.UTF-8")
    out, err = StringIO(), StringIO()
    call_command("import_wxr", str(THEME_UNIT_TEST), stdout=out, stderr=err)
    # One line per tenth (not on a terminal), the last at 186 of 186 items.
    assert err.getvalue().count("\n") == 10
    assert "186/186 100\xa0%" in err.getvalue()  # German: a no-break space before %
    assert "Seiten: 21" in out.getvalue()  # (the German catalog's word for "Pages")
    # The body conversion's notes too, with the names they carry as they are:
    assert "In 3 Texten: Audio als Link behalten" in out.getvalue()
    assert "In 1 Text: unbekannter Shortcode [simple] entfernt" in out.getvalue()


def test_an_unmigrated_database_is_a_clear_error(tmp_path):
    """A database never migrated (DATABASE_URL unset where the site uses
    another): a sentence saying what to do, not a traceback, and nothing
    written. Run as an operator runs it, on a new SQLite file."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    masthead = str(Path(sys.executable).with_name("masthead"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {
        "MASTHEAD_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/empty.sqlite3",
        "LC_ALL": "en_GB.UTF-8",
    }
    done = subprocess.run(  # noqa: S603 (our own command)
        [masthead, "import_wxr", "--no-progress", str(THEME_UNIT_TEST)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "run “masthead migrate” first" in done.stderr
    assert "Traceback" not in done.stderr
