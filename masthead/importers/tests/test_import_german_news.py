"""`masthead import_german_news`: the corpus becomes published German
articles that readers find on the home page and in the feed, and a second
run adds nothing."""

import re
from datetime import timedelta
from io import StringIO

import lxml.etree
import lxml.html
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone, translation

from masthead.articles import services
from masthead.articles.models import Article
from masthead.importers.services import AUTHORS
from masthead.lib.html import sanitize
from masthead.sections.models import Section

from .conftest import ROWS

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_german_news", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def imported():
    """The imported articles in corpus order (the first is the newest)."""
    return list(
        Article.objects.select_related("section")
        .prefetch_related("bylines__author", "revisions", "tags")
        .order_by("-publish_at")
    )


@pytest.mark.usefixtures("english_terminal")
def test_it_imports_every_row_as_a_published_german_article(small_corpus):
    out, _err = run("--path", str(small_corpus), "--no-progress")

    articles = imported()
    assert len(articles) == 5
    assert "Articles imported: 5 of 5, in " in out
    assert {a.language for a in articles} == {"de"}
    assert {a.status for a in articles} == {Article.Status.PUBLISHED}
    assert all(a.is_public for a in articles)
    assert [a.section.slugs["de"] for a in articles] == [label.lower() for label, _ in ROWS]


def test_it_creates_a_section_per_label_in_german_and_english(small_corpus):
    run("--path", str(small_corpus), "--no-progress")

    sections = {s.slugs["de"]: s for s in Section.objects.all()}
    assert set(sections) == {"inland", "sport", "web", "kultur"}
    assert sections["inland"].names == {"de": "Inland", "en": "Austria"}
    assert sections["inland"].slugs == {"de": "inland", "en": "austria"}
    assert sections["web"].names["en"] == "Technology"
    for section in sections.values():
        section.full_clean()  # names and addresses in every content language


def test_it_reuses_a_section_with_the_same_german_address(small_corpus, science):
    sport = Section.objects.create(
        names={"de": "Sport", "en": "Sports"}, slugs={"de": "sport", "en": "sports"}
    )
    run("--path", str(small_corpus), "--no-progress")

    assert Section.objects.filter(slugs__de="sport").count() == 1
    assert Article.objects.filter(section=sport).count() == 1


def test_headlines_come_from_the_lead_cut_between_words(small_corpus):
    run("--path", str(small_corpus), "--no-progress")

    headlines = [a.headline for a in imported()]
    assert headlines[0] == "Die Regierung legt einen neuen Plan für die Pflege vor"
    # The lead of the second row is one sentence of 170 characters.
    assert headlines[1].startswith("Der Titelverteidiger gewinnt nach einem späten Tor")
    assert headlines[1].endswith("…")
    # No dateline: "Linz – Der Landtag …"
    assert headlines[4] == "Der Landtag hat das Budget beschlossen"
    for article, (_label, text) in zip(imported(), ROWS, strict=True):
        headline = article.headline
        assert len(headline) <= 110
        start = text.index(headline.rstrip("…"))
        following = text[start + len(headline.rstrip("…"))]
        assert not following.isalnum(), f"cut inside a word: {headline!r}"


def test_the_lead_is_the_standfirst_and_the_rest_the_body_in_paragraphs(small_corpus):
    run("--path", str(small_corpus), "--no-progress")

    first, _sport, web, kultur, linz = imported()
    assert first.standfirst == (
        "Die Regierung legt einen neuen Plan für die Pflege vor. "
        "Die Opposition spricht von einem Wahlkampfmanöver."
    )
    assert first.body.startswith("<p>Wien – Die Bundesregierung hat am Dienstag")
    assert first.body.count("<p>") == 2  # the body is split into paragraphs
    assert first.body.endswith("</p>")
    assert kultur.standfirst == "Das Festival 'Neue Bilder' zeigt heuer 40 Filme aus 12 Ländern."
    assert linz.standfirst == "Der Landtag hat das Budget beschlossen."
    assert linz.body == (
        "<p>Linz – Der Landtag hat das Budget beschlossen. Die Debatte dauerte zehn Stunden.</p>"
    )
    # Markup in the corpus text is text, not HTML.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in web.body
    assert "&lt;b&gt;fett&lt;/b&gt;" in web.body
    assert "Warnungen &amp; Hinweise" in web.body
    assert "<script" not in web.body
    for article in imported():
        assert article.body == sanitize(article.body)
        assert re.fullmatch(r"(<p>[^<>]+</p>)+", article.body)


def test_slugs_are_unique_and_made_from_the_headline(small_corpus, make_article):
    make_article("Der Landtag hat das Budget beschlossen")  # takes the slug first
    run("--path", str(small_corpus), "--no-progress")

    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == len(slugs) == 6
    assert "der-landtag-hat-das-budget-beschlossen-2" in slugs
    assert "die-regierung-legt-einen-neuen-plan-fuer-die-pflege-vor" in slugs


def test_publish_times_go_back_over_the_spread_newest_first(small_corpus):
    before = timezone.now()
    run("--path", str(small_corpus), "--no-progress", "--spread-days", "10")

    times = [a.publish_at for a in imported()]
    assert times == sorted(times, reverse=True)
    assert times[0] <= before + timedelta(seconds=5)
    assert times[-1] >= before - timedelta(days=10)
    # Evenly: one article per two days.
    assert times[0] - times[-1] > timedelta(days=6)


def test_the_same_seed_gives_the_same_times(small_corpus):
    run("--path", str(small_corpus), "--no-progress", "--seed", "7")
    first = [a.publish_at for a in imported()]
    Article.objects.all().delete()
    run("--path", str(small_corpus), "--no-progress", "--seed", "7")
    second = [a.publish_at for a in imported()]
    # Measured from a slightly later "now", the gaps are the same.
    assert gaps(first) == gaps(second)


def gaps(times):
    return [a - b for a, b in zip(times, times[1:], strict=False)]


def test_bylines_go_round_robin_through_invented_authors(small_corpus):
    run("--path", str(small_corpus), "--no-progress")

    bylines = [[(b.author.name, b.position) for b in a.bylines.all()] for a in imported()]
    assert bylines == [
        [(AUTHORS[0], 0)],
        [(AUTHORS[1], 0)],
        [(AUTHORS[2], 0)],
        [(AUTHORS[3], 0)],
        [(AUTHORS[4], 0), (AUTHORS[0], 1)],  # every fifth has a second author
    ]


def test_each_article_has_its_first_revision(small_corpus):
    run("--path", str(small_corpus), "--no-progress")

    for article in imported():
        (revision,) = article.revisions.all()
        assert revision.number == 1
        assert (revision.headline, revision.standfirst, revision.body) == (
            article.headline,
            article.standfirst,
            article.body,
        )
        assert revision.fields["slug"] == article.slug
        assert revision.fields["section_id"] == article.section_id
        assert revision.fields["authors"] == [b.author_id for b in article.bylines.all()]
        assert revision.fields["tags"] == sorted(t.pk for t in article.tags.all())


def test_the_first_edit_after_the_import_is_revision_2(small_corpus):
    run("--path", str(small_corpus), "--no-progress")
    article = imported()[0]

    article.headline = "Ein neuer Titel"
    services.save_article(article, authors=article.byline_authors, tags=article.tags.all())

    assert list(article.revisions.values_list("number", flat=True)) == [2, 1]


def test_readers_find_the_articles_on_the_home_page_and_in_the_feed(client, small_corpus):
    run("--path", str(small_corpus), "--no-progress")
    headlines = {a.headline for a in imported()}

    with translation.override("de"):
        home, rss = reverse("articles:home"), reverse("feeds:rss")
    page = lxml.html.fromstring(client.get(home).content)
    text = " ".join(page.text_content().split())
    assert all(headline in text for headline in headlines)

    feed = lxml.etree.fromstring(client.get(rss).content)
    assert set(feed.xpath("//item/title/text()")) == headlines


@pytest.mark.usefixtures("english_terminal")
def test_running_it_twice_adds_nothing(small_corpus):
    run("--path", str(small_corpus), "--no-progress")
    out, _err = run("--path", str(small_corpus), "--no-progress")

    assert Article.objects.count() == 5
    assert Section.objects.count() == 4
    assert "Nothing to import: every article of the corpus (5) was imported before." in out


@pytest.mark.usefixtures("english_terminal")
def test_a_second_run_adds_only_the_new_rows(small_corpus, tmp_path):
    from .conftest import write_corpus

    run("--path", str(write_corpus(tmp_path / "part.csv", ROWS[:3])), "--no-progress")
    out, _err = run("--path", str(small_corpus), "--no-progress")

    assert Article.objects.count() == 5
    assert "Articles imported: 2 of 5, in " in out
    assert "Skipped, as imported before: 3." in out


@pytest.mark.usefixtures("english_terminal")
def test_a_missing_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(CommandError, match=r"nowhere\.csv does not exist\. .*--path"):
        run("--path", str(missing))
    assert not Article.objects.exists()


def test_an_unknown_language_is_a_clear_error(small_corpus, monkeypatch):
    # The command speaks the terminal's language (LC_ALL, LANG).
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    with pytest.raises(CommandError, match="Unknown language “xx”: choose one of de, en."):
        run("--path", str(small_corpus), "--language", "xx")
    monkeypatch.setenv("LC_ALL", "de_AT.UTF-8")
    with pytest.raises(CommandError, match="Unbekannte Sprache „xx“"):
        run("--path", str(small_corpus), "--language", "xx")


def test_progress_shows_one_line_per_tenth_when_not_on_a_terminal(small_corpus, monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    _out, err = run("--path", str(small_corpus), "--batch", "1")

    lines = err.splitlines()
    assert len(lines) == 5  # 20 %, 40 %, … of five articles
    assert lines[-1].startswith("Import läuft [####################] 5/5 100\xa0%")
    assert "/s" in lines[-1] and "noch 0:00:00" in lines[-1]


def test_no_progress_means_silence(small_corpus):
    _out, err = run("--path", str(small_corpus), "--no-progress")
    assert err == ""
