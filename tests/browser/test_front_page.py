"""The front page in the editors' hands, in Chromium, in German and English:
an editor pins an older story as the lead until an end time; a newer story
going live does not take the lead; breaking news shows as a banner on every
page; once the pin's time is over, the newest story leads again, on the
cached page too."""

from datetime import timedelta

import pytest
import time_machine
from browser_helpers import sign_in
from django.utils import timezone

from masthead.articles.models import Article

pytestmark = pytest.mark.browser

TEXTS = {
    # place, until, pin button, breaking until, breaking button, banner label
    "de": ("Platz", "Bis", "Auf die Startseite", "Eilmeldung bis", "Als Eilmeldung zeigen",
           "Eilmeldung"),
    "en": ("Place", "Until", "Put on the front page", "Breaking news until",
           "Mark as breaking news", "Breaking news"),
}  # fmt: skip


def lead_headline(page):
    return page.locator(".teaser--lead .teaser__headline").inner_text()


@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("en", "en-GB")])
def test_a_pinned_lead_outranks_a_newer_story_until_its_end(
    demo_site, new_page, editor, language, locale
):
    place, until_label, pin, breaking_until, breaking, banner = TEXTS[language]
    public = Article.objects.public().in_language(language).newest_first()
    older = public[3]
    assert public.first() != older
    end = timezone.localtime() + timedelta(hours=2)

    desk = sign_in(new_page(locale=locale), demo_site, "eda", language=language)
    desk.goto(f"{demo_site}/desk/front-page/?language={language}")
    row = desk.locator("tr", has=desk.locator(f"#offered-{older.pk}"))
    row.get_by_label(place, exact=True).select_option("1")
    row.get_by_label(until_label, exact=True).fill(end.strftime("%Y-%m-%dT%H:%M"))
    row.get_by_role("button", name=pin).click()
    desk.wait_for_load_state()
    assert older.headline in desk.locator("#place-1").inner_text()

    reader = new_page(locale=locale, viewport={"width": 390, "height": 844})
    reader.goto(f"{demo_site}/{language}/")
    assert lead_headline(reader) == older.headline

    # A newer story goes live (an unimportant one, scheduled for six): the
    # pinned lead stays.
    newer = Article.objects.create(
        language=language,
        headline={"de": "Unwichtig um sechs", "en": "Unimportant at six"}[language],
        slug="unwichtig-um-sechs",
        section=older.section,
        body="<p>…</p>",
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now(),
    )
    reader.reload()
    assert lead_headline(reader) == older.headline
    assert newer.headline in reader.locator("main").inner_text()

    # Breaking news, marked on the article's own form: a banner on every page.
    desk.goto(f"{demo_site}/desk/articles/{newer.pk}/")
    desk.get_by_label(breaking_until, exact=True).fill(
        (timezone.localtime() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    )
    desk.get_by_role("button", name=breaking).click()
    desk.wait_for_load_state()
    for path in (f"/{language}/", older.get_absolute_url()):
        reader.goto(demo_site + path)
        aside = reader.locator("aside.breaking")
        assert banner in aside.text_content() and newer.headline in aside.text_content()

    # After the pin's end (the server's clock moved on; the page cache's
    # generation moves with it), the newest story leads again.
    with time_machine.travel(end + timedelta(minutes=1)):
        reader.goto(f"{demo_site}/{language}/")
        assert lead_headline(reader) == newer.headline
        assert reader.locator("aside.breaking").count() == 0  # its hour is over too
