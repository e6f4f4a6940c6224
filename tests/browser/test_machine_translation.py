"""The translation desk's "done means", in Chromium: theo, a translator,
has Apertium translate an English article into Spanish, reviews and edits
the segments, is refused while one is unreviewed, submits; eda, an editor,
publishes it. Then a paragraph of the English original changes, and the
Spanish version shows exactly that segment marked, with theo's other work
untouched."""

import pytest
from browser_helpers import sign_in
from django.db import connection
from django.db.models.functions import Length

from masthead.articles import services as articles
from masthead.articles.models import Article
from masthead.testing import run_jobs
from masthead.translations.models import Segment

pytestmark = [pytest.mark.browser, pytest.mark.needs_program("apertium", "apertium-eng-spa")]


@pytest.fixture
def with_spanish(settings):
    settings.LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("es", "Español")]
    settings.MACHINE_TRANSLATION = {"en:es": "apertium"}


def test_a_machine_translation_reviewed_segment_by_segment(
    demo_site, new_page, with_spanish, translator, editor
):
    # The shortest English story with a picture: fewer segments to click through.
    original = (
        Article.objects.public()
        .in_language("en")
        .exclude(lead_image=None)
        .annotate(length=Length("body"))
        .order_by("length", "pk")
        .first()
    )
    theo = sign_in(new_page(locale="en-GB"), demo_site, "theo", language="en")
    theo.goto(f"{demo_site}/desk/articles/{original.pk}/")
    with theo.expect_navigation():
        theo.get_by_role(
            "button", name="Translate into Spanish with machine assistance (Apertium)"
        ).click()
    spanish = Article.objects.get(translation_key=original.translation_key, language="es")
    assert theo.url.endswith(f"/desk/articles/{spanish.pk}/translation/")
    assert "The machine is translating" in theo.locator("main").inner_text()

    run_jobs()  # as the worker would
    # The page refreshes itself while the machine works; then it shows the form.
    theo.locator("form.translation-form").wait_for()
    segments = list(Segment.objects.filter(translation__article=spanish))
    assert segments and all(s.state == Segment.State.MACHINE for s in segments)
    assert "machine assistance: Apertium" in theo.locator(".editor__meta").inner_text()

    # theo corrects one paragraph and confirms all but the last segment.
    paragraph = next(s for s in segments if s.key == "body" and s.block == "p")
    box = theo.locator(f"#s{paragraph.pk}-text")
    box.fill(box.input_value() + " (revisado)")
    confirms = theo.locator("input[name$='-confirm']")
    for i in range(confirms.count() - 1):
        box_id = confirms.nth(i).get_attribute("id")
        if box_id != f"s{paragraph.pk}-confirm":
            confirms.nth(i).check()
    with theo.expect_navigation():
        theo.get_by_role("button", name="Save and submit for review").click()
    assert (
        "1 segment of the translation is not reviewed yet"
        in theo.locator("main > div[role=alert], main .message--error, main").first.inner_text()
    )
    last = segments[-1]
    assert theo.url.endswith(f"#segment-{last.pk}")
    spanish.refresh_from_db()
    assert spanish.status == Article.Status.DRAFT

    theo.locator(f"#s{last.pk}-confirm").check()
    with theo.expect_navigation():
        theo.get_by_role("button", name="Save and submit for review").click()
    spanish.refresh_from_db()
    assert spanish.status == Article.Status.REVIEW
    states = dict(Segment.objects.filter(translation__article=spanish).values_list("pk", "state"))
    assert states[paragraph.pk] == Segment.State.EDITED
    assert set(states.values()) == {Segment.State.EDITED, Segment.State.REVIEWED}

    # eda publishes it.
    eda = sign_in(new_page(locale="en-GB"), demo_site, "eda", language="en")
    eda.goto(f"{demo_site}/desk/articles/{spanish.pk}/")
    with eda.expect_navigation():
        eda.get_by_role("button", name="Publish now", exact=True).click()
    spanish.refresh_from_db()
    assert spanish.is_public
    reader = new_page(locale="es-ES")
    reader.goto(demo_site + spanish.get_absolute_url())
    note = reader.locator(".article__translation").inner_text()
    assert "inglés" in note

    # The original changes one paragraph: exactly that segment is marked.
    before = dict(Segment.objects.filter(translation__article=spanish).values_list("pk", "text"))
    changed = Segment.objects.get(pk=paragraph.pk)
    original.refresh_from_db()
    original.body = original.body.replace(changed.source, changed.source + " Also new.", 1)
    articles.save_article(original, authors=original.byline_authors)
    connection.close()  # the commit has happened; nothing pending
    eda.goto(f"{demo_site}/desk/articles/{spanish.pk}/translation/")
    marked = eda.locator(".segment--changed")
    assert marked.count() == 1
    assert marked.get_attribute("id") == f"segment-{paragraph.pk}"
    assert "Also new." in marked.locator("ins").inner_text()
    after = dict(Segment.objects.filter(translation__article=spanish).values_list("pk", "text"))
    assert after == before  # nothing a person wrote was overwritten
    spanish.refresh_from_db()
    assert "(revisado)" in spanish.body  # readers keep the reviewed version
