"""Every save removes invisible control characters, whichever path saves:
the service, a plain save() or create() (the demo loader, the shell, any
later API). One-line fields lose their line breaks too; multi-line text
keeps them."""

from masthead.articles import services
from masthead.articles.models import Article, Revision
from masthead.people.models import Author
from masthead.sections.models import Section, Tag


def test_the_service_stores_an_article_without_control_characters(make_article):
    article = make_article(
        "Der Rat\x0bbeschließt\x01",
        standfirst="Erster Satz.\x0cZweiter\x7f Satz.\r\n\tDritter.",
        excerpt="Kurz\x85gesagt",
        body="<p>Der Rat\x02 tagt.</p>",
    )

    stored = Article.objects.get(pk=article.pk)
    assert stored.headline == "Der Rat beschließt"
    assert stored.slug == "der-rat-beschliesst"
    assert stored.standfirst == "Erster Satz.\nZweiter Satz.\r\n\tDritter."
    assert stored.excerpt == "Kurz\ngesagt"
    assert stored.body == "<p>Der Rat tagt.</p>"
    revision = Revision.objects.get(article=article)
    assert revision.headline == "Der Rat beschließt"
    assert revision.fields["excerpt"] == "Kurz\ngesagt"


def test_a_plain_save_cleans_too(make_article):
    article = make_article()
    # A lone surrogate (from a JSON "\\ud83d" without its pair) cannot even
    # be written as UTF-8: the database would refuse the whole row.
    article.headline = "Ohne\x01 Service\ud83d"
    article.save()
    assert Article.objects.get(pk=article.pk).headline == "Ohne Service"


def test_corrections_tags_sections_and_authors_are_stored_clean(make_article):
    article = make_article()
    correction = services.add_correction(article, "Der Betrag\x01 war\x0bfalsch.\r\nRichtig ist …")
    tag = Tag.objects.create(language="de", name="Haus\x0bhalt\x1f", slug="haushalt")
    section = Section.objects.create(
        names={"de": "Kul\x01tur", "en": "Cul\x0bture"}, slugs={"de": "kultur", "en": "culture"}
    )
    author = Author.objects.create(
        name="Jonas\tWeber\x7f", slug="jonas-weber", bios={"de": "Zeile\x0beins\nzwei\x02"}
    )

    assert correction.text == "Der Betrag war\nfalsch.\r\nRichtig ist …"
    assert Tag.objects.get(pk=tag.pk).name == "Haus halt"
    assert Section.objects.get(pk=section.pk).names == {"de": "Kultur", "en": "Cul ture"}
    author.refresh_from_db()
    assert author.name == "Jonas Weber"
    assert author.bios == {"de": "Zeile\neins\nzwei"}
