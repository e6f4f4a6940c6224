"""`masthead clean_text` finds text stored with control characters before
the models cleaned it, lists it, and with --apply cleans it in one
transaction and one page-cache generation, deleting nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from masthead.articles import services
from masthead.articles.models import Article, Correction, Revision
from masthead.pagecache.generation import bump, current_generation
from masthead.people.models import Author
from masthead.sections.models import Section, Tag


def clean_text(*args) -> str:
    out = StringIO()
    call_command("clean_text", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def dirty(make_article, make_tag, author, world):
    """Rows as they were stored before the fix: written around the models."""
    tag = make_tag("Haushalt")
    clean = make_article("Sauber", tags=[tag])
    article = make_article("Der Rat beschließt")
    correction = services.add_correction(article, "Der Betrag war falsch.")
    Article.objects.filter(pk=article.pk).update(
        headline="Der Rat\x0bbeschließt", standfirst="Eins\x01\r\nZwei", body="<p>A\x7fB</p>"
    )
    Revision.objects.filter(article=article).update(fields={"excerpt": "Kurz\x0cgesagt"})
    Correction.objects.filter(pk=correction.pk).update(text="Der Betrag\x02 war falsch.")
    Tag.objects.filter(pk=tag.pk).update(name="Haus\x1fhalt")
    Section.objects.filter(pk=world.pk).update(names={"de": "Welt\x85", "en": "World"})
    Author.objects.filter(pk=author.pk).update(bios={"de": "Zeile\x0beins\r\nzwei\ufffe"})
    return {"article": article, "clean": clean, "correction": correction, "tag": tag}


def snapshot():
    return {
        model: list(model.objects.order_by("pk").values())
        for model in (Article, Revision, Correction, Tag, Section, Author)
    }


def test_it_lists_what_it_would_clean_and_changes_nothing(dirty, author, world):
    before = snapshot()

    out = clean_text()

    lines = out.splitlines()
    article, correction, tag = dirty["article"], dirty["correction"], dirty["tag"]
    revisions = Revision.objects.filter(article=article).values_list("pk", flat=True)
    assert lines[:-1] == [
        f"articles.article {article.pk}: headline, standfirst, body",
        f"articles.correction {correction.pk}: text",
        *(f"articles.revision {pk}: fields" for pk in revisions),
        f"sections.section {world.pk}: names",
        f"sections.tag {tag.pk}: name",
        f"people.author {author.pk}: bios",
    ]
    assert lines[-1] == f"{len(lines) - 1} rows to clean. Run again with --apply to clean them."
    assert snapshot() == before


def test_it_cleans_with_apply_and_deletes_nothing(
    dirty, author, world, django_capture_on_commit_callbacks
):
    counts = {model: len(rows) for model, rows in snapshot().items()}
    generation = current_generation().number
    clean_before = Article.objects.filter(pk=dirty["clean"].pk).values().get()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        out = clean_text("--apply")

    assert out.splitlines()[-1].startswith("Cleaned ")
    assert {model: len(rows) for model, rows in snapshot().items()} == counts
    article = Article.objects.get(pk=dirty["article"].pk)
    assert article.headline == "Der Rat beschließt"
    assert article.standfirst == "Eins\r\nZwei"
    assert article.body == "<p>AB</p>"
    assert article.version == dirty["article"].version  # a repair, not an edit
    assert Revision.objects.filter(article=article).get().fields == {"excerpt": "Kurz\ngesagt"}
    assert Correction.objects.get().text == "Der Betrag war falsch."
    assert Tag.objects.get().name == "Haushalt"
    assert Section.objects.get(pk=world.pk).names == {"de": "Welt ", "en": "World"}
    assert Author.objects.get(pk=author.pk).bios == {"de": "Zeile\neins\r\nzwei"}
    assert Article.objects.filter(pk=dirty["clean"].pk).values().get() == clean_before
    # One new page-cache generation for the whole run, once it is committed.
    assert callbacks == [bump]
    assert current_generation().number != generation

    assert clean_text("--apply").strip() == "No stored text holds control characters."


def test_it_finds_nothing_in_a_clean_site(make_article, django_capture_on_commit_callbacks):
    make_article()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert clean_text("--apply").strip() == "No stored text holds control characters."
    assert callbacks == []


def test_it_leaves_a_row_whose_cleaned_slug_is_taken_and_says_so(make_article):
    taken = make_article("Der Rat", slug="der-rat")
    other = make_article("Die Brücke", slug="die-bruecke")
    third = make_article("Der Markt", slug="der-markt")
    Article.objects.filter(pk=other.pk).update(slug="der-rat\x01")
    Article.objects.filter(pk=third.pk).update(slug="der\x0bmarkt", headline="Der\x01 Markt")

    err = StringIO()
    with pytest.raises(CommandError, match="1 rows could not be cleaned"):
        call_command("clean_text", "--apply", stdout=StringIO(), stderr=err)

    assert f"articles.article {other.pk}: slug: not cleaned" in err.getvalue()
    assert Article.objects.get(pk=other.pk).slug == "der-rat\x01"
    assert Article.objects.get(pk=taken.pk).slug == "der-rat"
    # The others are cleaned all the same; a slug gets a hyphen, not a space.
    assert Article.objects.values_list("slug", "headline").get(pk=third.pk) == (
        "der-markt",
        "Der Markt",
    )


def test_it_finds_and_cleans_library_images(db, make_image):
    from masthead.media.models import Image

    image = make_image(alt={"de": "Das Rathaus"})
    Image.objects.filter(pk=image.pk).update(
        alt={"de": "Das\x0bRathaus"}, caption={"en": "Snow\x01"}, credit="Jana\x0bBerger"
    )
    assert f"media.image {image.pk}: alt, caption, credit" in clean_text()
    clean_text("--apply")
    image.refresh_from_db()
    assert (image.alt, image.caption, image.credit) == (
        {"de": "Das Rathaus"},
        {"en": "Snow"},
        "Jana Berger",
    )
