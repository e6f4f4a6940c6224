"""What every page shows the same (the sections, the recent articles,
breaking news) is worked out once per content generation in each process
(lib/generations.py: per_generation): a second page in the same generation costs
fewer queries, and a change, made here or on another machine, shows on
the next page all the same."""

from datetime import timedelta

from django.db import transaction
from django.test import RequestFactory

from masthead.articles.models import Article
from masthead.lib import generations
from masthead.pagecache import generation


def test_a_second_article_page_in_a_generation_skips_what_the_first_worked_out(
    client, make_article, assert_num_queries
):
    first = make_article("Erste Meldung")
    second = make_article("Zweite Meldung", age=timedelta(hours=2))
    generation.current_generation()  # begun (one query more when it is not)
    with assert_num_queries(8):  # as masthead/articles/tests/test_queries.py counts them
        assert client.get(first.get_absolute_url()).status_code == 200
    # The article, its bylines, tags, corrections and translations; not the
    # recent posts, the sections or breaking news.
    with assert_num_queries(5):
        response = client.get(second.get_absolute_url())
    # Its own article is left out of the recent posts kept for both pages.
    recent = response.content.decode().split('<aside class="recent"')[1]
    assert "Erste Meldung" in recent
    assert "Zweite Meldung" not in recent


def test_a_change_in_this_process_shows_on_the_next_page(client, make_article):
    first = make_article("Erste Meldung")
    assert "Neueste Meldung" not in client.get(first.get_absolute_url()).content.decode()
    make_article("Neueste Meldung", age=timedelta(minutes=1))
    assert "Neueste Meldung" in client.get(first.get_absolute_url()).content.decode()


def test_a_change_on_another_machine_shows_once_its_generation_begins(client, make_article):
    """Another machine's change reaches this process only as a new
    generation in the shared cache: a row changed without this process's
    signals (as another machine changes it), then ``bump``."""
    first = make_article("Erste Meldung")
    other = make_article("Alte Überschrift", age=timedelta(minutes=5))
    assert "Alte Überschrift" in client.get(first.get_absolute_url()).content.decode()

    Article.objects.filter(pk=other.pk).update(headline="Neue Überschrift")
    generation.bump()

    page = client.get(first.get_absolute_url()).content.decode()
    assert "Neue Überschrift" in page
    assert "Alte Überschrift" not in page


def test_nothing_is_kept_inside_a_transaction(db):
    """A page rendered inside an open transaction (a preview in one) could
    see what is never committed: it is worked out afresh and not kept."""
    request = RequestFactory().get("/")
    request.generation_source = generation.current_generation  # as the page cache hands it
    with transaction.atomic():
        kept = generations.per_generation(request, ("test",), lambda: "in der Transaktion")
    assert kept == "in der Transaktion"
    assert generations.per_generation(request, ("test",), lambda: "danach") == "danach"
    assert generations.per_generation(request, ("test",), lambda: "nicht mehr") == "danach"


def test_the_section_bar_and_the_footer_are_rendered_once_per_generation(
    client, make_article, world
):
    """Both show nothing of the page they are on (core/templatetags,
    shared_fragment): rendered once for the generation and kept, the bar
    once per current section, so that each page's own section is the one
    marked; a change shows in them once its generation begins."""
    from masthead.sections.models import Section

    economy = Section.objects.create(
        names={"de": "Wirtschaft", "en": "Business"},
        slugs={"de": "wirtschaft", "en": "business"},
    )
    in_world = make_article("Erste Meldung")
    in_economy = make_article("Zweite Meldung", section=economy)
    generation.current_generation()

    def page(article):
        response = client.get(article.get_absolute_url())
        rendered = {t.name for t in response.templates}
        html = response.content.decode()
        assert 'class="site-footer"' in html
        bar = html.split('<nav class="sections"')[1].split("</nav>")[0]
        return bar, rendered & {"fragment_sections.html", "fragment_footer.html"}

    bar, rendered = page(in_world)
    assert 'aria-current="page">Welt<' in bar
    assert rendered == {"fragment_sections.html", "fragment_footer.html"}
    bar, rendered = page(in_world)
    assert 'aria-current="page">Welt<' in bar
    assert rendered == set()  # both kept
    bar, rendered = page(in_economy)
    assert 'aria-current="page">Wirtschaft<' in bar
    assert rendered == {"fragment_sections.html"}  # a bar of its own, the same footer

    Section.objects.filter(pk=world.pk).update(names={"de": "Ausland", "en": "World"})
    generation.bump()  # as another machine's change reaches this one
    bar, rendered = page(in_economy)
    assert ">Ausland<" in bar
    assert rendered == {"fragment_sections.html", "fragment_footer.html"}
