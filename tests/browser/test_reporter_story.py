"""A picture story from the newsroom to a phone, in real browsers (issue 11's
"done means"): ron, a reporter, uploads a camera photo as the lead image,
drops another into the text, adds a gallery, pastes a Datawrapper and a
YouTube address on lines of their own, and publishes. The renditions are
made by the background jobs, as a worker would make them. A reader on a
phone then gets renditions, never an original, and the two embeds wait
for a tap before anything is asked of their providers; a tap loads the
player in the placeholder's place.

The providers cannot be reached from the test machine: their frames are
answered by the browser context with a stand-in page, which also records
that, and when, the browser asked for them."""

import re

import pytest
from browser_helpers import EDITOR, drop_file, format_violations, paste_text, run_axe, sign_in
from django.utils import translation

from masthead.articles.models import Article, BodyImage
from masthead.lib import jobs
from masthead.media.models import Image, Rendition
from masthead.media.samples import photo_jpeg
from masthead.testing import run_jobs

pytestmark = pytest.mark.browser

HEADLINE = "Haldenau feiert seinen Hafen"
YOUTUBE = "https://www.youtube.com/watch?v=jNQXAC9IVRw"
CHART = "https://datawrapper.dwcdn.net/Hf3x9/1/"
PROVIDERS = re.compile(r"^https://(www\.youtube-nocookie\.com|datawrapper\.dwcdn\.net)/")
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
ALT = "Beschreibung für alle, die das Bild nicht sehen können"


def write_the_story(page, base, tmp_path):
    """ron's part: everything through the article form, as he would do it."""
    page.goto(base + "/desk/articles/new/")
    page.select_option("#id_language", "de")
    page.fill("#id_headline", HEADLINE)
    page.fill("#id_standfirst", "Zum Hafenfest kamen mehr Besucher als je zuvor.")
    page.select_option("#id_section", label="Welt")
    page.select_option("#id_author_1", label="Lena Hartmann")

    # The lead image: a camera's 3,000 × 2,000 JPEG, uploaded from the form.
    lead = tmp_path / "hafenfest.jpg"
    lead.write_bytes(photo_jpeg(3000, 2000, seed=3))
    page.set_input_files("#id_lead_image_file", str(lead))
    page.wait_for_function(
        "() => { const i = document.querySelector('#lead-image-preview img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    page.fill("#id_lead_image_alt", "Segelboote im Hafen von Haldenau")
    page.fill("#id_lead_image_credit", "Jana Berger")

    # The text, and two addresses, each pasted on a line of its own.
    page.locator(EDITOR).click()
    page.keyboard.type("Am Samstag feierte Haldenau seinen Hafen. Die Besucherzahlen:")
    page.keyboard.press("Enter")
    paste_text(page, EDITOR, CHART)
    page.locator(f"{EDITOR} figure.embed-node").first.wait_for()
    page.keyboard.type("Das Video vom Feuerwerk:")  # below the node
    page.keyboard.press("Enter")
    paste_text(page, EDITOR, YOUTUBE)
    page.locator(f"{EDITOR} figure.embed-node").nth(1).wait_for()
    page.keyboard.type("Bilder vom Fest.")
    assert page.locator(f"{EDITOR} figure.embed-node").all_inner_texts() == [
        f"Eingebetteter Inhalt von Datawrapper\n{CHART}",
        f"Eingebetteter Inhalt von YouTube\n{YOUTUBE}",
    ]

    # A photo dropped below the text.
    drop_file(page, EDITOR, "kai.jpg", photo_jpeg(1800, 1200, seed=4))
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(ALT).fill("Besucher auf dem Kai")
    dialog.get_by_label("Bildnachweis (Fotografin, Fotograf oder Agentur)").fill("Anna Berg")
    dialog.get_by_role("button", name="Einfügen").click()
    page.locator(".masthead-figure img").first.wait_for()

    # A gallery: the photo just placed, from the library, and one uploaded.
    boats = tmp_path / "boote.jpg"
    boats.write_bytes(photo_jpeg(1600, 1067, seed=5))
    page.locator(EDITOR).click()
    page.keyboard.press("Control+End")
    page.get_by_role("button", name="Galerie einfügen").click()
    dialog = page.get_by_role("dialog")
    dialog.locator(".masthead-figure-dialog__result").first.click()
    dialog.get_by_label("Bilddatei").set_input_files(str(boats))
    dialog.get_by_label(ALT).fill("Boote am Steg")
    dialog.get_by_role("button", name="Einfügen").click()
    page.locator(".masthead-gallery__item img").nth(1).wait_for()

    page.get_by_role("button", name="Speichern und veröffentlichen").click()
    page.wait_for_load_state()


def test_a_reporter_publishes_a_picture_story_and_a_phone_reader_reads_it(
    demo_site, new_page, reporter, tmp_path
):
    # The demo's own pictures wait for their renditions: none of them is on
    # this story's page, and the worker below would spend a minute on them.
    jobs.waiting().delete()
    desk = sign_in(new_page(locale="de-DE"), demo_site, "ron")
    errors = []
    desk.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    write_the_story(desk, demo_site, tmp_path)

    article = Article.objects.get(headline=HEADLINE)
    assert article.status == Article.Status.PUBLISHED
    assert article.created_by == reporter
    lead, kai, boats = (
        article.lead_image,
        Image.objects.get(alt__de="Besucher auf dem Kai"),
        Image.objects.get(alt__de="Boote am Steg"),
    )
    assert (lead.width, lead.height, lead.credit) == (3000, 2000, "Jana Berger")
    assert f'<figure data-image="{kai.pk}" data-size="column"></figure>' in article.body
    assert (
        f'<figure data-gallery=""><figure data-image="{kai.pk}"></figure>'
        f'<figure data-image="{boats.pk}"></figure></figure>'
    ) in article.body
    assert f'<figure data-embed="{CHART}"></figure>' in article.body
    assert f'<figure data-embed="{YOUTUBE}"></figure>' in article.body
    assert set(BodyImage.objects.filter(article=article).values_list("image", flat=True)) == {
        kai.pk,
        boats.pk,
    }
    assert not errors, errors

    # The uploads queued their renditions; a worker makes them. The desk
    # page is closed first: the live server shares this process's SQLite
    # database, and a request of the page still running (its previews,
    # the edit lock) would hold a table the worker's transaction needs.
    desk.wait_for_load_state("networkidle")
    desk.close()
    run_jobs()
    for image in (lead, kai, boats):
        assert Rendition.objects.filter(image=image, format="avif").exists()

    # A reader on a phone.
    reader = new_page(locale="de-DE", **PHONE)
    asked, images = [], []
    reader.context.route(
        PROVIDERS,
        lambda route: (
            asked.append(route.request.url),
            route.fulfill(
                status=200,
                content_type="text/html",
                body="<!DOCTYPE html><html lang='en'><title>Player</title><p>Player</p></html>",
            ),
        ),
    )
    reader.on(
        "response",
        lambda r: images.append(r.url) if r.request.resource_type == "image" else None,
    )
    with translation.override("de"):
        reader.goto(demo_site + article.get_absolute_url(), wait_until="networkidle")

    pictures = reader.locator(".article img")
    assert pictures.count() == 4  # the lead, the photo in the text, the gallery's two
    lead_img = reader.locator(".article__image img")
    assert lead_img.get_attribute("fetchpriority") == "high"
    for img in pictures.all():
        img.scroll_into_view_if_needed()
        reader.wait_for_function(
            "(img) => img.complete && img.naturalWidth > 0", arg=img.element_handle()
        )
        source = img.evaluate("img => img.currentSrc")
        assert "/media/renditions/" in source and source.endswith(".avif"), source
    assert lead_img.evaluate("img => img.currentSrc").endswith("-full-1080w.avif")
    assert images and not [url for url in images if "/media/images/" in url], images
    violations = run_axe(reader)
    assert not violations, format_violations(violations)

    # The embeds wait for a tap; nothing was asked of the providers.
    youtube = reader.get_by_role("button", name="Inhalt von YouTube laden")
    chart = reader.get_by_role("button", name="Inhalt von Datawrapper laden")
    assert youtube.count() == 1 and chart.count() == 1
    reader.wait_for_load_state("networkidle")
    assert asked == []
    assert reader.locator("iframe").count() == 0

    youtube.scroll_into_view_if_needed()
    youtube.tap()
    player = reader.locator("figure.embed--youtube iframe")
    player.wait_for()
    assert (
        player.get_attribute("src")
        == "https://www.youtube-nocookie.com/embed/jNQXAC9IVRw?autoplay=1"
    )
    assert "autoplay" in (player.get_attribute("allow") or "")
    reader.frame_locator("figure.embed--youtube iframe").get_by_text("Player").wait_for()
    assert asked == ["https://www.youtube-nocookie.com/embed/jNQXAC9IVRw?autoplay=1"]
    assert player.bounding_box()["width"] == pytest.approx(358, abs=2)  # 390 − 2 × 16 px

    chart.scroll_into_view_if_needed()
    chart.tap()
    reader.frame_locator("figure.embed--datawrapper iframe").get_by_text("Player").wait_for()
    assert asked[-1] == CHART
