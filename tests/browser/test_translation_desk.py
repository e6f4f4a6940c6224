"""Translation without friction, in Chromium: a translator (with a German and
with an English desk) translates a story by hand in the translation desk,
the pictures' texts among its segments, and the translation gets its own
slug and the linked topics."""

import pytest
from browser_helpers import sign_in

from masthead.articles.models import Article
from masthead.lib.text import make_slug
from masthead.translations.models import Segment

pytestmark = pytest.mark.browser

TEXTS = {
    # desk language: (translate button, save, hint)
    "de": ("Übersetzen: Englisch", "Speichern", "zur Prüfung ein"),
    "en": ("Translate into German", "Save", "submit it for review"),
}
HEADLINES = {"en": "Snow at record low on the summit", "de": "So wenig Schnee wie nie"}


@pytest.mark.parametrize(("desk", "locale", "source", "target"), [
    ("de", "de-DE", "de", "en"),
    ("en", "en-GB", "en", "de"),
])  # fmt: skip
def test_a_translation_gets_its_own_slug_and_the_linked_topics(
    demo_site, new_page, translator, desk, locale, source, target
):
    translate, save, hint = TEXTS[desk]
    original = (
        Article.objects.public()
        .in_language(source)
        .exclude(lead_image=None)
        .exclude(tags=None)
        .order_by("pk")
        .first()
    )
    # The demo has every story, and every picture's alt text, in both languages.
    original.translations().delete()
    image = original.lead_image
    image.alt.pop(target, None)
    image.save()
    page = sign_in(new_page(locale=locale), demo_site, "theo", language=desk)
    page.goto(f"{demo_site}/desk/articles/{original.pk}/")
    page.get_by_role("button", name=translate, exact=True).click()
    page.wait_for_load_state()
    assert hint in page.locator("main > div[role=status]").inner_text()
    version = Article.objects.get(translation_key=original.translation_key, language=target)
    assert page.url.endswith(f"/desk/articles/{version.pk}/translation/")

    # The picture's alt text is a segment to translate, not silently copied.
    alt = Segment.objects.get(translation__article=version, key=f"alt:{image.pk}")
    headline = Segment.objects.get(translation__article=version, key="headline")
    assert alt.state == Segment.State.NEW

    # Its own headline gives it its own address; the topics are the linked ones.
    page.locator(f"#s{headline.pk}-text").fill(HEADLINES[target])
    page.locator(f"#s{alt.pk}-text").fill("Schnee" if target == "de" else "Snow")
    page.get_by_role("button", name=save, exact=True).click()
    page.wait_for_load_state()
    version.refresh_from_db()
    assert version.headline == HEADLINES[target]
    assert version.slug == make_slug(HEADLINES[target])
    image.refresh_from_db()
    assert image.alt_for(target) == ("Schnee" if target == "de" else "Snow")
    expected = {tag.topic for tag in original.tags.all()}
    assert {tag.topic for tag in version.tags.all()} == expected
    assert all(tag.language == target for tag in version.tags.all())
