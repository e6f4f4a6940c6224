"""A day in the newsroom, in real browsers: a contributor writes and submits
a story; an editor finds it in review, schedules it, and readers see it at
its time without anyone touching it; a translator translates it.

The desk runs in English here (the browsers ask for English), so the test
reads the same labels a newsroom in English would.
"""

import re
from datetime import timedelta

import browser_helpers
import pytest
from django.utils import timezone

from masthead.articles.models import Article

pytestmark = pytest.mark.browser

HEADLINE = "Stadtrat beschließt neue Buslinie nach Rotmoor"


@pytest.fixture
def newsroom(demo_site, contributor, editor, translator):
    """cora, eda and theo, in the demo newsroom."""
    return {"contributor": contributor, "editor": editor, "translator": translator}


def sign_in(new_page, base, username):
    return browser_helpers.sign_in(new_page(locale="en-US"), base, username, language="en")


def reader_page(new_page, base, path):
    page = new_page(locale="de-DE")
    page.goto(base + path)
    return page


def test_a_story_goes_from_contributor_to_editor_to_readers_to_translator(
    newsroom, demo_site, new_page
):
    # The contributor writes and submits; she cannot publish.
    cora = sign_in(new_page, demo_site, "cora")
    cora.goto(demo_site + "/desk/articles/new/")
    cora.select_option("#id_language", "de")
    cora.fill("#id_headline", HEADLINE)
    cora.fill("#id_standfirst", "Ab dem Frühjahr fährt der Bus stündlich.")
    cora.locator('.ProseMirror[contenteditable="true"]').click()
    cora.keyboard.type("„Endlich sind wir angebunden“, sagt der Ortsvorsteher.")
    cora.select_option("#id_section", label="World")
    cora.select_option("#id_author_1", label="Lena Hartmann")
    assert cora.get_by_role("button", name="Save and publish").count() == 0
    cora.get_by_role("button", name="Save and submit for review").click()
    cora.wait_for_load_state()
    article = Article.objects.get(headline=HEADLINE)
    assert article.status == Article.Status.REVIEW
    assert article.created_by == newsroom["contributor"]

    # The editor finds it in review on the dashboard and schedules it.
    eda = sign_in(new_page, demo_site, "eda")
    review = eda.locator("section", has=eda.get_by_role("heading", name="In review"))
    review.get_by_role("link", name=HEADLINE).click()
    # Far enough ahead for a busy machine to save and ask in between.
    publish_at = timezone.localtime(timezone.now() + timedelta(seconds=20))
    publish_at = publish_at.replace(microsecond=0)
    eda.fill("#id_publish_at", publish_at.strftime("%Y-%m-%dT%H:%M:%S"))
    eda.get_by_role("button", name="Save and publish").click()
    eda.wait_for_load_state()
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.publish_at == publish_at  # scheduled, not published at once

    # Readers do not see it yet …
    reader = reader_page(new_page, demo_site, "/de/")
    content = reader.content()
    if timezone.now() < article.publish_at:  # the page was rendered before its time
        assert HEADLINE not in content
    # … and do once its time has come, with no job run in between.
    reader.wait_for_timeout(max(0, (article.publish_at - timezone.now()).total_seconds()) * 1000)
    reader.reload()
    assert reader.locator(".front__lead .teaser__headline").inner_text() == HEADLINE

    # The translator creates the English version and hands it in.
    theo = sign_in(new_page, demo_site, "theo")
    theo.goto(demo_site + f"/desk/articles/{article.pk}/")
    theo.get_by_role(
        "button", name=re.compile("Translate into German|Translate into English")
    ).click()
    # The translation desk: one text box per segment, the headline first.
    theo.wait_for_url(re.compile(r"/desk/articles/\d+/translation/$"))
    boxes = theo.locator("textarea[name$='-text']")
    boxes.first.fill("Council approves a new bus line to Rotmoor")
    for i in range(1, boxes.count()):
        boxes.nth(i).fill(f"English text {i}.")
    theo.get_by_role("button", name="Save and submit for review").click()
    theo.wait_for_load_state()
    english = Article.objects.get(language="en", translation_key=article.translation_key)
    assert english.status == Article.Status.REVIEW
    assert english.created_by == newsroom["translator"]
    assert english.headline == "Council approves a new bus line to Rotmoor"
