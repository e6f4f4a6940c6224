"""Every change visible before it counts, in Chromium, in German and English:
the comparison of two revisions shows a changed alt text, slug and byline;
restoring a published article's revision and unpublishing ask first."""

import pytest
from browser_helpers import sign_in
from django.test import Client
from django.urls import reverse

from masthead.articles.models import Article
from masthead.people.models import Author
from masthead.testing import form_data

pytestmark = pytest.mark.browser

TEXTS = {
    "de": {
        "byline": "Autorenzeile",
        "slug": "Kurzadresse",
        "alt": "Alternativtext von Bild",
        "compare": "Vergleichen",
        "restore?": "Fassung 1 wiederherstellen?",
        "published": "Dieser Artikel ist veröffentlicht",
        "unpublish?": "zurückziehen?",
        "yes-unpublish": "Ja, zurückziehen",
    },
    "en": {
        "byline": "Byline",
        "slug": "Slug",
        "alt": "Alt text of Picture",
        "compare": "Compare",
        "restore?": "Restore revision 1?",
        "published": "This article is published",
        "unpublish?": "Unpublish “",
        "yes-unpublish": "Yes, unpublish",
    },
}


@pytest.mark.parametrize(("language", "locale"), [("de", "de-DE"), ("en", "en-GB")])
def test_every_change_is_visible_and_restoring_and_unpublishing_ask_first(
    demo_site, new_page, editor, language, locale
):
    texts = TEXTS[language]
    article = (
        Article.objects.public()
        .in_language(language)
        .exclude(lead_image=None)
        .order_by("pk")
        .first()
    )
    old_slug = article.slug
    other = Author.objects.exclude(pk__in=[a.pk for a in article.byline_authors]).first()
    # A first revision as the article stands, then a second with a new
    # slug, another author and another alt text for the lead image.
    client = Client()
    client.force_login(editor)
    edit = reverse("desk:article_edit", args=[article.pk])
    assert client.post(edit, form_data(article)).status_code == 302
    article.refresh_from_db()
    changed = form_data(
        article, slug=old_slug + "-neu", author_1=other.pk, lead_image_alt="Nachtaufnahme"
    )
    assert client.post(edit, changed).status_code == 302
    newest, before = article.revisions.order_by("-number")[:2]

    page = sign_in(new_page(locale=locale), demo_site, "eda", language=language)
    page.goto(f"{demo_site}/desk/articles/{article.pk}/revisions/")
    page.get_by_role("button", name=texts["compare"], exact=True).click()
    page.wait_for_url("**/revisions/compare/**")
    fields = page.locator(".diff__fields")
    assert texts["byline"] in fields.inner_text() and other.name.split()[-1] in fields.inner_text()
    slug = page.locator(".diff__field--slug")
    assert texts["slug"] in slug.inner_text() and "-neu" in slug.locator("ins").inner_text()
    alt = page.locator(f".diff__field--alt-{article.lead_image_id}")
    assert texts["alt"] in alt.inner_text() and "Nachtaufnahme" in alt.locator("ins").inner_text()

    # Restoring the revision before asks first, and says readers see it at once.
    page.goto(f"{demo_site}/desk/articles/{article.pk}/revisions/{before.number}/restore/")
    heading = page.locator("h1").inner_text()
    assert texts["restore?"].replace("1", str(before.number)) == heading
    assert texts["published"] in page.locator(".confirm").inner_text()
    page.locator(".confirm form button").click()
    page.wait_for_url(f"**/desk/articles/{article.pk}/")
    article.refresh_from_db()
    assert article.revisions.count() == newest.number + 1
    assert article.slug == old_slug + "-neu"  # a published article keeps its address

    # Unpublishing asks first; nothing happens until the answer.
    page.locator(f'a[href="/desk/articles/{article.pk}/unpublish/"]').click()
    page.wait_for_url(f"**/desk/articles/{article.pk}/unpublish/")
    assert texts["unpublish?"] in page.locator("h1").inner_text()
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    page.get_by_role("button", name=texts["yes-unpublish"]).click()
    page.wait_for_url(f"**/desk/articles/{article.pk}/")
    article.refresh_from_db()
    assert article.status == Article.Status.UNPUBLISHED
