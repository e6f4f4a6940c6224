"""The media library's small scripts in a real browser: a click on the
picture sets the focal point; the article form's chooser shows the chosen
picture at once, searches without sending the form, and removes the lead
image without losing what was typed."""

import pytest
from browser_helpers import sign_in
from playwright.sync_api import expect

from masthead.articles.models import Article
from masthead.media.models import Image

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in(demo_site, new_page, editor):
    page = new_page(locale="de-DE")
    sign_in(page, demo_site, "eda")
    return page


def test_a_click_on_the_picture_sets_the_focal_point(signed_in, demo_site):
    page = signed_in
    image = Image.objects.order_by("pk").first()
    page.goto(f"{demo_site}/desk/media/{image.pk}/")
    picture = page.locator("#focal-point img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})
    assert abs(float(page.input_value("#id_focal_x")) - 0.25) <= 0.02
    assert abs(float(page.input_value("#id_focal_y")) - 0.75) <= 0.02
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.wait_for_load_state()
    image.refresh_from_db()
    assert abs(image.focal_x - 0.25) <= 0.02 and abs(image.focal_y - 0.75) <= 0.02


def test_the_chooser_shows_searches_and_removes(signed_in, demo_site):
    page = signed_in
    article = Article.objects.filter(lead_image__isnull=False, language="de").first()
    other = Image.objects.exclude(pk=article.lead_image_id).first()
    Image.objects.filter(pk=other.pk).update(alt={"de": "Ein Leuchtturm im Nebel"})
    page.goto(f"{demo_site}/desk/articles/{article.pk}/")
    preview = page.locator("#lead-image-preview img")
    assert preview.evaluate("img => img.complete && img.naturalWidth") > 0

    page.fill("#id_headline", "Getippt, nicht gespeichert")
    page.locator(".lead-image__chooser summary").click()
    page.fill("#id_lead_image_q", "Leuchtturm")
    page.evaluate("window.stillHere = true")
    page.click("#lead-image-find")
    # The grid before the search may already hold the picture (the demo's
    # latest uploads): wait for the search's answer, the chosen one and the find.
    grid = page.locator("#lead-image-grid li")
    expect(grid).to_have_count(2)
    page.wait_for_selector(f"#id_lead_image_{other.pk}")
    # Searched in place (no round trip): the page and the typed headline
    # are still there, nothing saved.
    assert page.evaluate("window.stillHere") is True
    assert page.input_value("#id_headline") == "Getippt, nicht gespeichert"
    page.locator(f"label[for=id_lead_image_{other.pk}]").click()
    assert preview.get_attribute("src").endswith(other.file.url)
    assert page.input_value("#id_lead_image_alt") == "Ein Leuchtturm im Nebel"

    page.click("#lead-image-remove")
    assert page.locator("#lead-image-preview").is_hidden()
    assert page.input_value("#id_headline") == "Getippt, nicht gespeichert"
    page.get_by_role("button", name="Speichern", exact=True).last.click()
    page.wait_for_load_state()
    article.refresh_from_db()
    assert article.lead_image is None
    assert article.headline == "Getippt, nicht gespeichert"


def test_a_file_to_upload_is_shown_before_it_is_sent(signed_in, demo_site):
    from masthead.lib.tests.test_images import image_bytes

    page = signed_in
    page.goto(f"{demo_site}/desk/articles/new/")
    page.set_input_files(
        "#id_lead_image_file",
        files=[{"name": "markt.png", "mimeType": "image/png", "buffer": image_bytes("PNG")}],
    )
    preview = page.locator("#lead-image-preview img")
    page.wait_for_function(
        "() => { const i = document.querySelector('#lead-image-preview img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    assert preview.evaluate("img => img.naturalWidth") == 40
    assert page.locator("#lead-image-preview").is_visible()
